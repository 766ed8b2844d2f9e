"""Opening a PDF, and telling a reviewer in plain words why a file cannot be read."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import ExtractError

_EOF_WINDOW = 4096  # '%%EOF' must stand within the file's last bytes (trailing junk is common)


def check_file(path: str | os.PathLike[str]) -> None:
    """Reject what is not a whole PDF before the parser sees it."""
    p = Path(path)
    if not p.exists():
        raise ExtractError("not_found", f"找不到文件：{p}", f"file not found: {p}")
    if p.is_dir():
        raise ExtractError(
            "not_a_file", f"这是一个文件夹，不是 PDF 文件：{p}", f"a folder, not a PDF: {p}"
        )
    size = p.stat().st_size
    if size == 0:
        raise ExtractError("empty", "文件是空的（0 字节）", "the file is empty (0 bytes)")
    with p.open("rb") as fh:
        head = fh.read(1024)
        fh.seek(max(0, size - _EOF_WINDOW))
        tail = fh.read()
    if b"%PDF-" not in head:
        raise ExtractError(
            "not_pdf",
            "不是 PDF 文件（文件头没有 %PDF 标记）；请提交 PDF 格式的报告",
            "not a PDF file (no %PDF header)",
        )
    if b"%%EOF" not in tail:
        raise ExtractError(
            "truncated",
            "PDF 文件不完整（缺少结束标记 %%EOF），可能在下载或传输中被截断；请重新获取原文件",
            "the PDF is incomplete (no %%EOF marker): probably truncated in transfer",
        )


def open_pdf(path: str | os.PathLike[str]) -> Any:
    """Open with pdfplumber, turning the parser's exceptions into ``ExtractError``s."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    check_file(path)
    try:
        try:
            pdf = pdfplumber.open(path)
            n = len(pdf.pages)
        except Exception as exc:  # pdfplumber wraps pdfminer's errors: judge by the original
            inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
            if inner is not None:
                raise inner from exc
            raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ExtractError(
            "encrypted",
            "PDF 已加密（需要密码才能打开）；请提交未加密的文件",
            f"the PDF is encrypted: {exc}",
        ) from exc
    except (PDFSyntaxError, PSException) as exc:
        raise ExtractError(
            "corrupt", f"PDF 文件已损坏，无法解析：{exc}", f"the PDF is corrupt: {exc}"
        ) from exc
    except Exception as exc:  # pdfminer raises bare errors on some damage
        if "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise ExtractError(
                "encrypted", "PDF 已加密（需要密码才能打开）；请提交未加密的文件", str(exc)
            ) from exc
        raise ExtractError(
            "corrupt",
            f"PDF 文件已损坏，无法解析（{type(exc).__name__}）",
            f"the PDF is corrupt ({type(exc).__name__}: {exc})",
        ) from exc
    if n == 0:
        pdf.close()
        raise ExtractError("no_pages", "PDF 文件中没有页面", "the PDF has no pages")
    return pdf
