"""The web app's files: each uploaded report in a folder of its own, named by the digest of its
bytes (never by the name it came with), with its check result and its reviewers' states.

    ROOT/docs/<id>/original.pdf               the bytes received
    ROOT/docs/<id>/meta.json                  the name it came with, when, its department
    ROOT/docs/<id>/result.json                the JSON report (tally.report/1) of the last check
    ROOT/docs/<id>/original.tally-review.json the reviewers' states (review.py's sidecar)

A report uploaded again is the same folder: its check is run again, its states kept."""

from __future__ import annotations

import hashlib
import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..api import check
from ..result import DocumentResult

DOC_ID = re.compile(r"^[0-9a-f]{16}$")


class UploadError(ValueError):
    """An upload refused: too large, or not a PDF. ``status`` is the HTTP status to answer."""

    def __init__(self, status: int, zh: str) -> None:
        super().__init__(zh)
        self.status = status


@dataclass(slots=True)
class DocInfo:
    id: str
    name: str
    status: str  # queued | checking | done | failed
    department: str
    errors: int  # errors no reviewer ignored
    warnings: int
    uploaded: str


class Workspace:
    """The uploaded reports and their checks; checks run one at a time in the background."""

    def __init__(self, root: Path, max_bytes: int = 50 * 2**20) -> None:
        self.root = Path(root)
        (self.root / "docs").mkdir(parents=True, exist_ok=True)
        self.max_bytes = max_bytes
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tally-check")
        self._busy: dict[str, str] = {}  # id -> queued | checking
        self._lock = threading.Lock()

    # ---- files -----------------------------------------------------------------------------

    def folder(self, doc_id: str) -> Path:
        """The document's folder; KeyError for an id that is not one (no path ever built from
        what a client sends but a checked hex digest)."""
        if not DOC_ID.fullmatch(doc_id) or not (self.root / "docs" / doc_id).is_dir():
            raise KeyError(doc_id)
        return self.root / "docs" / doc_id

    def pdf(self, doc_id: str) -> Path:
        return self.folder(doc_id) / "original.pdf"

    def add(self, name: str, data: bytes) -> str:
        """Store an upload and start its check; UploadError when it is refused."""
        if len(data) > self.max_bytes:
            raise UploadError(413, f"文件过大（上限 {self.max_bytes // 2**20} MB）")
        if b"%PDF-" not in data[:1024]:
            raise UploadError(400, "不是 PDF 文件（文件开头没有 %PDF- 标记）")
        doc_id = hashlib.sha256(data).hexdigest()[:16]
        folder = self.root / "docs" / doc_id
        folder.mkdir(exist_ok=True)
        (folder / "original.pdf").write_bytes(data)
        meta = {
            "name": Path(name.replace("\\", "/")).name[:200] or "report.pdf",
            "uploaded": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
        self.recheck(doc_id)
        return doc_id

    def recheck(self, doc_id: str) -> None:
        self.folder(doc_id)
        with self._lock:
            if self._busy.get(doc_id):
                return
            self._busy[doc_id] = "queued"
        self._pool.submit(self._run, doc_id)

    def _run(self, doc_id: str) -> None:
        with self._lock:
            self._busy[doc_id] = "checking"
        try:
            res = check(self.pdf(doc_id))
            out = res.to_json()
            out["department"] = self._department(res)
            (self.folder(doc_id) / "result.json").write_text(
                json.dumps(out, ensure_ascii=False), "utf-8"
            )
        finally:
            with self._lock:
                self._busy.pop(doc_id, None)

    @staticmethod
    def _department(res: DocumentResult) -> str:
        from ..batch.ledger import guess_department_year

        if res.document is None:
            return ""
        lines = [ln.text for p in res.document.pages[:2] for ln in p.lines]
        dept, _, year, _ = guess_department_year(lines, res.path)
        return " ".join(x for x in (dept, f"{year}年" if year else None) if x)

    # ---- reading ---------------------------------------------------------------------------

    def meta(self, doc_id: str) -> dict:
        return json.loads((self.folder(doc_id) / "meta.json").read_text("utf-8"))

    def result(self, doc_id: str) -> dict | None:
        p = self.folder(doc_id) / "result.json"
        return json.loads(p.read_text("utf-8")) if p.exists() else None

    def status(self, doc_id: str) -> str:
        with self._lock:
            busy = self._busy.get(doc_id)
        if busy:
            return busy
        res = self.result(doc_id)
        if res is None:
            return "queued"
        return "done" if res["status"] == "ok" else "failed"

    def documents(self) -> list[DocInfo]:
        """Every report, those with the most open errors first."""
        out = []
        for folder in (self.root / "docs").iterdir():
            if not DOC_ID.fullmatch(folder.name) or not (folder / "meta.json").exists():
                continue
            meta = self.meta(folder.name)
            res = self.result(folder.name) or {}
            found = res.get("findings", [])
            out.append(
                DocInfo(
                    folder.name,
                    meta["name"],
                    self.status(folder.name),
                    res.get("department", ""),
                    sum(
                        f["severity"] == "error" and f["review"]["state"] != "ignored"
                        for f in found
                    ),
                    sum(f["severity"] == "warning" for f in found),
                    meta["uploaded"],
                )
            )
        out.sort(key=lambda d: (-d.errors, -d.warnings, d.name))
        return out

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
