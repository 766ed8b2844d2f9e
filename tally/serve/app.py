"""``tally serve``: a local web app for reviewers (FastAPI + Jinja2).

Upload a report (or several), watch them checked, see the departments with the most open
errors first, open a report's findings grouped by likely culprit, open a finding: its page in
full (zoomable, the cells boxed) beside the extracted table, and mark it confirmed or ignored
with a note. Rerun a check: the states stay with the findings' ids. Export the reviewer's
checklist (XLSX) and the annotated PDF.

Uploads are bounded in size and must start as a PDF; documents are addressed by the digest of
their bytes only, never by a name or path from the client."""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from ..reconcile.registry import rule_name
from ..review import STATES, mark, sidecar, state_of
from .workspace import UploadError, Workspace

_SEV = {"error": "错误", "warning": "警告", "info": "提示"}
_STATUS = {"queued": "排队中", "checking": "核对中", "done": "完成", "failed": "失败"}
SCALE = 2.0  # page images at 144 dpi: small print stays readable when zoomed


def create_app(root: Path, max_upload_mb: int = 50) -> FastAPI:
    ws = Workspace(root, max_upload_mb * 2**20)
    app = FastAPI(title="tally", docs_url=None, redoc_url=None)
    tpl = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
    tpl.env.globals.update(sev=_SEV, status_zh=_STATUS, rule_name=rule_name, states=STATES)
    app.state.workspace = ws

    def _doc(doc_id: str) -> dict:
        try:
            res = ws.result(doc_id)
        except KeyError:
            raise HTTPException(404, "没有这份报告") from None
        if res is None:
            raise HTTPException(409, "尚未核对完成")
        return res

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request, error: str = "") -> Response:
        docs = ws.documents()
        busy = any(d.status in ("queued", "checking") for d in docs)
        return tpl.TemplateResponse(
            request, "index.html", {"docs": docs, "busy": busy, "error": error}
        )

    @app.post("/upload")
    async def upload(files: list[UploadFile]) -> Response:
        for f in files:
            data = await f.read(ws.max_bytes + 1)
            try:
                ws.add(f.filename or "report.pdf", data)
            except UploadError as exc:
                msg = quote(f"{f.filename}：{exc}")
                return RedirectResponse(f"/?error={msg}", status_code=303)
        return RedirectResponse("/", status_code=303)

    @app.get("/doc/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: str) -> Response:
        res = _doc(doc_id)
        by_id = {f["id"]: f for f in res["findings"]}
        groups = [
            {"group": g, "findings": [by_id[i] for i in g["findings"]]} for g in res["groups"]
        ]
        ctx = {"doc_id": doc_id, "meta": ws.meta(doc_id), "res": res, "groups": groups}
        ctx["status"] = ws.status(doc_id)
        return tpl.TemplateResponse(request, "document.html", ctx)

    @app.post("/doc/{doc_id}/rerun")
    def rerun(doc_id: str) -> Response:
        try:
            ws.recheck(doc_id)
        except KeyError:
            raise HTTPException(404, "没有这份报告") from None
        return RedirectResponse("/", status_code=303)

    @app.get("/doc/{doc_id}/finding/{fid}", response_class=HTMLResponse)
    def finding(request: Request, doc_id: str, fid: str) -> Response:
        res = _doc(doc_id)
        f = next((x for x in res["findings"] if x["id"] == fid), None)
        if f is None:
            raise HTTPException(404, "没有这条问题")
        page = next((c["page"] for c in f["cells"] if c["role"] in ("reported", "claim")), None)
        page = page or (f["cells"][0]["page"] if f["cells"] else 1)
        w, h, boxes = _boxes(ws.pdf(doc_id), page, [c for c in f["cells"] if c["page"] == page])
        table = next((t for t in res["tables"] if t["id"] == f["table"]), None)
        texts = {c["text"] for c in f["cells"]}
        ctx = {"doc_id": doc_id, "meta": ws.meta(doc_id), "f": f, "page": page}
        ctx |= {"w": w, "h": h, "boxes": boxes, "table": table, "texts": texts}
        return tpl.TemplateResponse(request, "finding.html", ctx)

    @app.post("/doc/{doc_id}/finding/{fid}/review")
    def review(
        doc_id: str, fid: str, state: str = Form(...), note: str = Form(""), by: str = Form("")
    ) -> Response:
        res = _doc(doc_id)
        if fid not in {f["id"] for f in res["findings"]}:
            raise HTTPException(404, "没有这条问题")
        try:
            state_of(state)
        except ValueError as exc:
            raise HTTPException(400, str(exc)) from None
        pdf = ws.pdf(doc_id)
        stored = mark(sidecar(pdf), ws.meta(doc_id)["name"], [fid], state, note[:500], by[:50])
        # the stored result shows the state at once; a rerun reads it from the sidecar
        for f in res["findings"]:
            if f["id"] == fid:
                f["review"] = asdict(stored[fid])
        (ws.folder(doc_id) / "result.json").write_text(json.dumps(res, ensure_ascii=False))
        return RedirectResponse(f"/doc/{doc_id}/finding/{fid}", status_code=303)

    @app.get("/doc/{doc_id}/page/{page}.png")
    def page_png(doc_id: str, page: int) -> Response:
        try:
            pdf = ws.pdf(doc_id)
        except KeyError:
            raise HTTPException(404, "没有这份报告") from None
        png = _render(pdf, page)
        if png is None:
            raise HTTPException(404, "没有这一页")
        return Response(png, media_type="image/png")

    def _export(doc_id: str, name: str, write) -> Path:  # noqa: ANN001
        """The report checked afresh (with its review states) and written by ``write``."""
        from ..api import check

        try:
            res = check(ws.pdf(doc_id))
        except KeyError:
            raise HTTPException(404, "没有这份报告") from None
        out = ws.folder(doc_id) / name
        write(res, out)
        return out

    @app.get("/doc/{doc_id}/checklist.xlsx")
    def checklist(doc_id: str) -> Response:
        from ..report.xlsx_out import write_findings_xlsx

        out = _export(doc_id, "checklist.xlsx", lambda r, o: write_findings_xlsx([r], o))
        return Response(
            out.read_bytes(),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"Content-Disposition": 'attachment; filename="checklist.xlsx"'},
        )

    @app.get("/doc/{doc_id}/annotated.pdf")
    def annotated(doc_id: str) -> Response:
        from ..report.pdf_out import annotate_pdf

        out = _export(doc_id, "annotated.pdf", annotate_pdf)
        return Response(out.read_bytes(), media_type="application/pdf")

    @app.on_event("shutdown")
    def _close() -> None:
        ws.close()

    return app


def _render(pdf: Path, page: int) -> bytes | None:
    """The page as a PNG (cached beside the PDF)."""
    cache = pdf.with_name(f"page-{page}.png")
    if cache.exists():
        return cache.read_bytes()
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        if not 1 <= page <= len(doc):
            return None
        buf = io.BytesIO()
        doc[page - 1].render(scale=SCALE).to_pil().save(buf, format="PNG")
    finally:
        doc.close()
    cache.write_bytes(buf.getvalue())
    return buf.getvalue()


def _boxes(pdf: Path, page: int, cells: list[dict]) -> tuple[float, float, list[dict]]:
    """The page's size in points as rendered and each cell's box on it, in % of that size."""
    import pypdfium2 as pdfium

    from ..report.pagegeom import PageGeom, _norm

    doc = pdfium.PdfDocument(str(pdf))
    try:
        p = doc[page - 1]
        geom = PageGeom(_norm(p.get_mediabox()), _norm(p.get_cropbox()), p.get_rotation() % 360)
    finally:
        doc.close()
    w, h = geom.render_size
    out = []
    for c in cells:
        x0, y0, x1, y1 = geom.bbox_in_render(tuple(c["bbox"]))
        out.append(
            {
                "left": 100 * x0 / w,
                "top": 100 * y0 / h,
                "width": 100 * (x1 - x0) / w,
                "height": 100 * (y1 - y0) / h,
                "role": c["role"],
                "text": c["text"],
            }
        )
    return w, h, out


def serve(root: Path, host: str = "127.0.0.1", port: int = 8765, max_upload_mb: int = 50) -> None:
    import uvicorn

    uvicorn.run(create_app(root, max_upload_mb), host=host, port=port, log_level="warning")
