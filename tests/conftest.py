from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
REALPDFS = ROOT.parent / "shared" / "realpdfs"
sys.path.insert(0, str(Path(__file__).parent))  # tests/truth.py


@cache
def read(path: str):
    """Each PDF is read once per test session."""
    from tally.extract import read_document

    return read_document(path)


def sample_pdfs() -> list[Path]:
    return sorted(p for p in SAMPLES.glob("*.pdf") if p.with_suffix(".truth.json").exists())


def real_pdfs() -> list[Path]:
    return sorted(REALPDFS.rglob("*.pdf"))


def pytest_collection_modifyitems(config, items):  # noqa: ANN001
    if not REALPDFS.exists():
        skip = pytest.mark.skip(reason=f"{REALPDFS} not present")
        for item in items:
            if "realpdf" in item.keywords:
                item.add_marker(skip)


def pytest_addoption(parser) -> None:  # noqa: ANN001
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.json from the current output (review the diff, then commit)",
    )
