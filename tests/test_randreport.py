"""Tests of the random report generator (samples/randreport) and its scorer, not of tally."""

from __future__ import annotations

import copy
import json
import shutil
import unicodedata

import pdfplumber
import pytest

from samples.randreport.generate import make
from samples.randreport.layout_html import chromium
from samples.randreport.score import aggregate, score_document
from samples.randreport.truth import check_relation

SEEDS = range(12)


@pytest.fixture(scope="module")
def reportlab_docs(tmp_path_factory):
    out = tmp_path_factory.mktemp("rr")
    for s in SEEDS:
        make(s, out, producer="reportlab")
    return out


def _load(out, seed, dirty=False):
    return json.loads((out / f"rand-{seed:04d}{'-dirty' if dirty else ''}.truth.json").read_text())


def _text_in_box(pdf, page, bbox):
    with pdfplumber.open(str(pdf)) as doc:
        chars = doc.pages[page - 1].chars
    x0, top, x1, bottom = bbox
    inside = [
        c
        for c in chars
        if x0 - 0.5 <= (c["x0"] + c["x1"]) / 2 <= x1 + 0.5
        and top - 0.5 <= (c["top"] + c["bottom"]) / 2 <= bottom + 0.5
    ]
    inside.sort(key=lambda c: (round(c["top"]), c["x0"]))
    return unicodedata.normalize("NFKC", "".join(c["text"] for c in inside))


def _check_doc(out, seed):
    clean, dirty = _load(out, seed), _load(out, seed, True)
    bad = [(i, r) for i, r in enumerate(clean["relations"]) if check_relation(clean, r) is not True]
    assert not bad, bad[:3]
    assert clean["relations"] == dirty["relations"]
    assert 1 <= len(dirty["planted"]) <= 3
    assert len({p["kind"] for p in dirty["planted"]}) == len(dirty["planted"])
    for p in dirty["planted"]:
        assert p["breaks"], p
        for i in p["breaks"]:
            assert check_relation(dirty, dirty["relations"][i]) is False
            assert check_relation(clean, dirty["relations"][i]) is True
        assert 1 <= p["page"] <= dirty["pages"]
        got = _text_in_box(out / dirty["pdf"], p["page"], p["bbox"])
        assert unicodedata.normalize("NFKC", p["printed"]) in got, (p, got)
    with pdfplumber.open(str(out / clean["pdf"])) as doc:
        assert len(doc.pages) == clean["pages"]
    for t in clean["tables"]:
        assert all(len(r) == len(t["columns"]) for r in t["rows"])


def test_same_seed_same_truth(reportlab_docs, tmp_path):
    make(3, tmp_path, producer="reportlab")
    for dirty in (False, True):
        assert _load(tmp_path, 3, dirty) == _load(reportlab_docs, 3, dirty)


@pytest.mark.parametrize("seed", SEEDS)
def test_relations_hold_and_plants_break(reportlab_docs, seed):
    _check_doc(reportlab_docs, seed)


def test_variety(reportlab_docs):
    truths = [_load(reportlab_docs, s) for s in SEEDS]
    assert {t["variant"]["rules"] for t in truths} == {"grid", "three-line", "none"}
    assert len({len(t["tables"]) for t in truths}) > 1
    kinds = {r["kind"] for t in truths for r in t["relations"]}
    assert {"row_sum", "column_sum", "rate", "score_sum", "prose"} <= kinds


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_docx_document(tmp_path):
    make(0, tmp_path, producer="docx")
    _check_doc(tmp_path, 0)


@pytest.mark.skipif(not chromium(), reason="Chromium not installed")
def test_html_document(tmp_path):
    make(1, tmp_path, producer="html")
    _check_doc(tmp_path, 1)


def _perfect(truth):
    tables = [dict(copy.deepcopy(t), id=f"t{i}") for i, t in enumerate(truth["tables"])]
    findings = [
        {
            "rule": "x",
            "severity": "error",
            "message": "",
            "reported": None,
            "expected": None,
            "cells": [
                {"page": p["page"], "bbox": p["bbox"], "text": p["printed"], "role": "reported"}
            ],
        }
        for p in truth["planted"]
    ]
    matches = [{"a": a, "b": b, "score": 100, "tables": ["t0", "t1"]} for a, b in truth["names"]]
    return {
        "path": truth["pdf"],
        "status": "ok",
        "error": None,
        "pages": truth["pages"],
        "tables": tables,
        "matches": matches,
        "findings": findings,
    }


def test_scorer(reportlab_docs):
    seed = next(s for s in SEEDS if _load(reportlab_docs, s)["names"])
    clean, dirty = _load(reportlab_docs, seed), _load(reportlab_docs, seed, True)
    rs = [score_document(clean, _perfect(clean)), score_document(dirty, _perfect(dirty))]
    agg = aggregate(rs)
    for k in (
        "tables found",
        "headers exact",
        "rows exact",
        "cells exact",
        "plant recall",
        "precision (dirty)",
        "names found",
    ):
        assert agg[k] == 1.0, k
    assert agg["false errors (clean)"] == 0 and agg["wrong name pairs"] == 0
    missed = _perfect(dirty)
    missed["findings"] = missed["findings"][1:]
    assert aggregate([score_document(dirty, missed)])["plant recall"] < 1.0
    noisy = _perfect(clean)
    noisy["findings"] = copy.deepcopy(_perfect(dirty)["findings"])
    r = score_document(clean, noisy)
    assert (
        r["false_errors"] == len(dirty["planted"])
        and aggregate([r])["clean docs with ≥1 false"] == "1/1"
    )
    wrong = _perfect(clean)
    a, b = clean["names"][0]
    wrong["matches"][0] = {"a": a, "b": "不相干", "score": 90, "tables": ["t0", "t1"]}
    r = score_document(clean, wrong)
    assert r["names_wrong"] == 1 and r["names_found"] == len(clean["names"]) - 1
    broken = _perfect(clean)
    broken["tables"][0]["rows"][0] = ["?"] * len(broken["tables"][0]["rows"][0])
    assert (
        score_document(clean, broken)["rows_exact"]
        == sum(len(t["rows"]) for t in clean["tables"]) - 1
    )
