"""``tally serve`` walked in a real browser (Playwright + Debian chromium): start the app,
upload a dirty sample, open the top finding, see its page with the cells boxed, mark it
ignored, rerun the check and find it still ignored. A screenshot of each step is saved (in the
test's temporary folder, or in $TALLY_SCREENS when set)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import SAMPLES

CHROMIUM = Path("/usr/bin/chromium")
DIRTY = SAMPLES / "dirty" / "jiangxi-agri-2023-dirty.pdf"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path):  # noqa: ANN201
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tally.cli", "serve", "--root", str(tmp_path / "ws"),
         "--port", str(port), "--max-upload", "5"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail(f"tally serve did not start: {proc.stdout.read().decode()[:2000]}")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_reviewer_walks_the_web_app(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    shots = Path(os.environ.get("TALLY_SCREENS") or tmp_path / "screens")
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(server + "/")
        page.screenshot(path=shots / "1-start.png")
        # a file that is no PDF is refused with a reason, nothing stored
        bad = tmp_path / "说明.pdf"
        bad.write_text("not a pdf", encoding="utf-8")
        page.set_input_files("#upload input[type=file]", str(bad))
        page.click("#upload button")
        expect(page.locator("#upload-error")).to_contain_text("不是 PDF")
        page.set_input_files("#upload input[type=file]", str(DIRTY))
        page.click("#upload button")
        row = page.locator("#docs tr[data-status]")
        expect(row).to_have_count(1)
        expect(row.first).to_have_attribute("data-status", "done", timeout=60_000)
        expect(row.first).to_contain_text("江西")  # the department, read from the title page
        page.screenshot(path=shots / "2-uploaded.png")
        page.click("#docs a")
        first = page.locator("li.finding").first
        fid = first.get_attribute("data-id")
        expect(first).to_contain_text("待处理")
        page.screenshot(path=shots / "3-findings.png")
        first.locator("a").click()
        # the page in full with the finding's cells boxed, the extracted table beside it
        img = page.locator("#page img")
        expect(img).to_be_visible()
        assert page.evaluate("document.querySelector('#page img').naturalWidth") > 1000
        boxes = page.locator("#page .box")
        assert boxes.count() >= 2
        expect(page.locator("#page .box.reported")).to_be_visible()
        expect(page.locator("#table td.hit").first).to_be_visible()
        page.screenshot(path=shots / "4-finding.png")
        page.click("#page")  # zoom
        expect(page.locator("#page.zoomed")).to_have_count(1)
        page.screenshot(path=shots / "5-zoomed.png")
        page.select_option("#review select[name=state]", "ignored")
        page.fill("#review input[name=note]", "合计口径含其他资金")
        page.fill("#review input[name=by]", "张三")
        page.click("#review button")
        expect(page.locator("#state")).to_have_text("已忽略")
        page.screenshot(path=shots / "6-ignored.png")
        # rerun the check: the state stays with the finding's id
        page.goto(server + f"/doc/{page.url.split('/doc/')[1].split('/')[0]}")
        page.click("#rerun")
        expect(page.locator("#docs tr[data-status]").first).to_have_attribute(
            "data-status", "done", timeout=60_000
        )
        page.click("#docs a")
        again = page.locator(f"li.finding[data-id='{fid}']")
        expect(again).to_contain_text("已忽略")
        page.screenshot(path=shots / "7-after-rerun.png")
        # the reviewer's checklist and the annotated PDF, with the state carried into them
        doc_url = page.url
        xlsx = page.request.get(doc_url + "/checklist.xlsx")
        assert xlsx.ok and xlsx.body()[:2] == b"PK"
        pdf = page.request.get(doc_url + "/annotated.pdf")
        assert pdf.ok and pdf.body()[:5] == b"%PDF-"
        # no path outside the workspace is reachable
        assert page.request.get(server + "/doc/..%2f..%2fetc/page/1.png").status == 404
        browser.close()
    assert len(list(shots.glob("*.png"))) == 7
