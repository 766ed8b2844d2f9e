"""PDF → Document. Knows PDFs and nothing of arithmetic."""

from .model import BBox, Cell, Document, Issue, Page, Quantity, Table, TextLine


def read_document(path):  # noqa: ANN001, ANN201 - imported lazily: pdfplumber is slow to import
    from .document import read_document as _read

    return _read(path)


__all__ = [
    "BBox",
    "Cell",
    "Document",
    "Issue",
    "Page",
    "Quantity",
    "Table",
    "TextLine",
    "read_document",
]
