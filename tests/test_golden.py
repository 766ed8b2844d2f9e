"""Golden JSON: the whole report (tables, findings, matches, counts) for every sample, its dirty
twin and every real PDF, as committed in tests/golden/. A change of output shows here as a
diff to review; an intended one is recorded with ``pytest tests/test_golden.py
--update-golden`` and committed with the change that made it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import REALPDFS, ROOT, SAMPLES, real_pdfs, sample_pdfs

import tally

GOLDEN = Path(__file__).parent / "golden"


def _name(pdf: Path) -> str:
    base = REALPDFS if pdf.is_relative_to(REALPDFS) else ROOT
    return str(pdf.relative_to(base).with_suffix("")).replace("/", "__")


def _norm(x):  # noqa: ANN001, ANN202
    """Floats to 2 decimals (coordinates from another pdfminer may differ in the 4th), the
    document's path relative to its set."""
    if isinstance(x, float):
        return round(x, 2)
    if isinstance(x, dict):
        return {k: _norm(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_norm(v) for v in x]
    return x


def _report(pdf: Path) -> dict:
    doc = tally.check(pdf).to_json()
    doc["path"] = _name(pdf)
    return _norm(doc)


def _first_difference(a, b, where: str = "") -> str:  # noqa: ANN001
    if type(a) is not type(b):
        return f"{where}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{where}.{k}: only in {'golden' if k in a else 'output'}"
            if a[k] != b[k]:
                return _first_difference(a[k], b[k], f"{where}.{k}")
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items in golden, {len(b)} in output"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{where}[{i}]")
    return f"{where}: {str(a)[:160]} != {str(b)[:160]}"


PDFS = sample_pdfs() + sorted((SAMPLES / "dirty").glob("*.pdf")) + real_pdfs()


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_output_is_the_golden_one(pdf: Path, request: pytest.FixtureRequest) -> None:
    path = GOLDEN / f"{_name(pdf)}.json"
    got = _report(pdf)
    if request.config.getoption("--update-golden"):
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path.name}: run pytest --update-golden"
    want = json.loads(path.read_text(encoding="utf-8"))
    assert got == want, _first_difference(want, got, _name(pdf))
