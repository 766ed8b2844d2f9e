"""`tally check`: no false alarm on consistent reports, every planted error found at its cell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES, read, real_pdfs, sample_pdfs

from tally.cli import main
from tally.reconcile import check_document

DIRTY = sorted((SAMPLES / "dirty").glob("*-dirty.pdf"))


def _overlaps(a: list[float], b: list[float], tol: float = 1.0) -> bool:
    return a[0] - tol <= b[2] and b[0] - tol <= a[2] and a[1] - tol <= b[3] and b[1] - tol <= a[3]


@pytest.mark.parametrize("pdf", sample_pdfs(), ids=lambda p: p.stem)
def test_clean_sample_has_no_error_or_warning(pdf: Path) -> None:
    """Consistent samples: no error, and no warning but the seed's two cost targets that its
    annex-1 spending exceeds (价格监督 ≤518万 vs 557.65; 新闻宣传 ≤321万 vs 326), which the
    issue asks to see as warnings since their scope may differ."""
    findings = check_document(read(str(pdf)))
    assert [f.message_zh for f in findings if f.severity == "error"] == []
    warnings = [f for f in findings if f.severity == "warning"]
    if pdf.stem == "hunan-amr-2023":
        assert sorted(f.reported for f in warnings) == [326.0, 557.65]
        assert {f.rule for f in warnings} == {"cost_target_exceeded"}
    else:
        assert [f.message_zh for f in warnings] == []


def test_seed_rounding_residues_are_info_not_errors() -> None:
    """The seed's own residues (557.66 vs 557.65; 164.6072 vs 164.6126) are reported as
    rounding info, and the 0.27 × 75 equal split under 20分 raises nothing."""
    findings = check_document(read(str(SAMPLES / "hunan-amr-2023.pdf")))
    info = [f for f in findings if f.severity == "info"]
    assert any(
        f.reported == pytest.approx(557.65) and f.expected == pytest.approx(557.66) for f in info
    )
    assert not [f for f in findings if f.rule == "level_weight"]


def test_dirty_twins_exist() -> None:
    assert len(DIRTY) >= 4
    kinds = set()
    for pdf in DIRTY:
        planted = json.loads(pdf.with_name(pdf.stem + ".planted.json").read_text(encoding="utf-8"))
        kinds.update(p["kind"] for p in planted["planted"])
    assert kinds >= {
        "transposed_digit",
        "wrong_total",
        "wrong_subtotal",
        "wrong_rate",
        "wrong_share",
        "score_above_weight",
        "wrong_level_sum",
        "wrong_total_score",
    }


@pytest.mark.parametrize("pdf", DIRTY, ids=lambda p: p.stem)
def test_every_planted_error_is_found_at_its_cell(pdf: Path) -> None:
    planted = json.loads(pdf.with_name(pdf.stem + ".planted.json").read_text(encoding="utf-8"))
    findings = check_document(read(str(pdf)))
    for p in planted["planted"]:
        # a name that matches nothing is a warning (an abbreviation may be beyond the matcher)
        severity = "warning" if p["kind"] == "name_unmatched" else "error"
        hits = [
            f
            for f in findings
            if f.severity == severity
            and any(
                c.page == p["page"]
                and _overlaps(list(c.bbox), p["bbox"])
                and p["printed"] in c.text
                for c in f.cells
            )
        ]
        assert hits, (
            f"{p['id']} {p['kind']} ({p['original']} → {p['printed']}, p.{p['page']}) not found"
        )


@pytest.mark.parametrize("pdf", DIRTY, ids=lambda p: p.stem)
def test_dirty_twin_has_no_error_away_from_its_plants(pdf: Path) -> None:
    """Each error finding involves a planted cell: the plants do not drag false alarms along."""
    planted = json.loads(pdf.with_name(pdf.stem + ".planted.json").read_text(encoding="utf-8"))[
        "planted"
    ]
    for f in check_document(read(str(pdf))):
        if f.severity != "error":
            continue
        assert any(
            c.page == p["page"] and _overlaps(list(c.bbox), p["bbox"])
            for c in f.cells
            for p in planted
        ), f.message_zh


@pytest.mark.realpdf
@pytest.mark.parametrize("pdf", real_pdfs(), ids=lambda p: p.parent.name + "/" + p.name)
def test_real_pdf_has_no_error(pdf: Path) -> None:
    errors = [f.message_zh for f in check_document(read(str(pdf))) if f.severity == "error"]
    assert errors == []


def test_check_json_contract_and_exit_codes(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    dirty = SAMPLES / "dirty" / "jiangxi-agri-2023-dirty.pdf"
    code = main(
        [
            "check",
            str(SAMPLES / "jiangxi-agri-2023.pdf"),
            str(dirty),
            "--format",
            "json",
            "-o",
            str(out),
        ]
    )
    assert code == 1
    report = json.loads(out.read_text(encoding="utf-8"))
    clean, bad = report["documents"]
    assert (
        clean["status"] == "ok" and [f for f in clean["findings"] if f["severity"] == "error"] == []
    )
    errors = [f for f in bad["findings"] if f["severity"] == "error"]
    assert errors
    for f in errors:
        assert {"rule", "severity", "message", "reported", "expected", "cells"} <= set(f)
        assert f["message"] and any("\u4e00" <= ch <= "\u9fff" for ch in f["message"])
        roles = {c["role"] for c in f["cells"]}
        assert roles & {"reported", "claim"} and "operand" in roles
        for c in f["cells"]:
            assert c["page"] >= 1 and len(c["bbox"]) == 4 and c["bbox"][0] <= c["bbox"][2]
    assert main(["check", str(SAMPLES / "hunan-amr-2023.pdf"), "-o", str(tmp_path / "t.txt")]) == 0
    assert main(["check", str(tmp_path / "nothing.pdf"), "-o", str(tmp_path / "t.txt")]) == 2


def test_english_messages(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    main(
        [
            "check",
            str(SAMPLES / "dirty" / "shaanxi-health-2022-dirty.pdf"),
            "--lang",
            "en",
            "--format",
            "json",
            "-o",
            str(out),
        ]
    )
    msgs = [
        f["message"]
        for f in json.loads(out.read_text(encoding="utf-8"))["documents"][0]["findings"]
    ]
    assert msgs
    for m in msgs:  # labels stay as printed; the sentence around them is English
        assert not any(w in m for w in ("印为", "应为", "之和", "高于")), m
        assert any(
            w in m
            for w in (
                "printed",
                "add up",
                "is above",
                "gives",
                "note says",
                "target",
                "does not agree",
            )
        ), m


def test_user_rules_extend_the_vocabulary(tmp_path: Path) -> None:
    """A rule file adds words: a total row labelled 汇总 is only checked once 汇总 is a total."""
    from tally.extract.model import Cell, Document, Table
    from tally.extract.numbers import parse_quantity
    from tally.reconcile import Vocab

    def cell(t: str) -> Cell:
        return Cell(1, (0, 0, 1, 1), t, parse_quantity(t))

    data = [("甲", "1.00", "3"), ("乙", "2.00", "4"), ("汇总", "4.00", "7")]
    rows = [[cell(a), cell(b), cell(c)] for a, b, c in data]
    cols = [["项目"], ["金额"], ["人数"]]
    doc = Document("x.pdf", [], [Table("T1", None, "万元", [1], cols, [], rows)])
    assert [f for f in check_document(doc) if f.severity == "error"] == []
    extra = tmp_path / "more.yaml"
    extra.write_text("total: [汇总]\n", encoding="utf-8")
    found = [f for f in check_document(doc, vocab=Vocab.load([extra])) if f.severity == "error"]
    assert (
        len(found) == 1
        and found[0].reported == pytest.approx(4.0)
        and found[0].expected == pytest.approx(3.0)
    )


def test_a_lone_failing_relation_is_for_review_not_an_error() -> None:
    """A table where the one relation its words imply fails, and nothing else holds, may not
    have been understood: a warning asking for review, never an error."""
    from tally.extract.model import Cell, Document, Table
    from tally.extract.numbers import parse_quantity

    def cell(t: str) -> Cell:
        return Cell(1, (0, 0, 1, 1), t, parse_quantity(t))

    rows = [[cell(a), cell(b)] for a, b in [("甲", "1.00"), ("乙", "2.00"), ("合计", "4.00")]]
    doc = Document("x.pdf", [], [Table("T1", None, "万元", [1], [["项目"], ["金额"]], [], rows)])
    (f,) = [f for f in check_document(doc) if f.severity != "info"]
    assert f.severity == "warning" and "人工复核" in f.message_zh
    assert f.reported == pytest.approx(4.0) and f.expected == pytest.approx(3.0)


def test_progress_bar_for_many_documents_on_a_terminal(tmp_path) -> None:  # noqa: ANN001
    """More than one input on a terminal: a bar on stderr counting the documents; in a pipe
    (and with --no-progress) nothing but the report."""
    import os
    import pty
    import subprocess
    import sys

    docs = [str(SAMPLES / "shaanxi-health-2022.pdf"), str(SAMPLES / "guangdong-culture-2023.pdf")]
    out = tmp_path / "r.json"
    pid, fd = pty.fork()
    if pid == 0:  # the child: stderr is the pseudo-terminal
        os.execvp(sys.executable, [sys.executable, "-m", "tally.cli", "check", *docs,
                                   "--format", "json", "-o", str(out)])  # fmt: skip
    seen = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.waitpid(pid, 0)
    text = seen.decode("utf-8", "replace")
    assert "核对" in text and "2/2" in text
    piped = subprocess.run(
        [sys.executable, "-m", "tally.cli", "check", *docs], capture_output=True, text=True
    )
    assert "2/2" not in piped.stderr and piped.returncode == 0
