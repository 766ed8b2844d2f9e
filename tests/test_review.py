"""The reviewer's workflow on the command line: stable finding ids, findings grouped by their
likely culprit, review states kept beside the report and carried over to a rerun and to a
resubmitted report."""

from __future__ import annotations

import json
import random
import shutil

from conftest import SAMPLES

import tally
from tally.cli import main
from tally.reconcile.finding_ids import assign_ids

DIRTY = SAMPLES / "dirty" / "jiangxi-agri-2023-dirty.pdf"


def _doc_json(capsys, *args: str) -> dict:  # noqa: ANN001
    main(["check", *args, "--format", "json"])
    return json.loads(capsys.readouterr().out)["documents"][0]


def test_finding_ids_are_stable_and_do_not_depend_on_order() -> None:
    a, b = tally.check(DIRTY), tally.check(DIRTY)
    ids = [f.id for f in a.findings]
    assert ids == [f.id for f in b.findings]
    assert len(set(ids)) == len(ids) and all(i.startswith("F") and len(i) == 11 for i in ids)
    shuffled = list(b.findings)
    random.Random(7).shuffle(shuffled)
    for f in shuffled:
        f.id = ""
    assign_ids(shuffled, b.document)
    assert {f.id for f in shuffled} == set(ids)
    # the same finding with its number printed otherwise is another finding
    f = shuffled[0]
    rep = next(c for c in f.cells if c.role in ("reported", "claim"))
    rep.text = rep.text + "0"
    assign_ids(shuffled, b.document)
    assert f.id not in ids


def test_findings_grouped_by_their_likely_culprit(capsys) -> None:  # noqa: ANN001
    doc = _doc_json(capsys, str(DIRTY))
    groups = doc["groups"]
    ids = [f["id"] for f in doc["findings"]]
    assert sorted(i for g in groups for i in g["findings"]) == sorted(ids)  # each once
    # the planted 234.00 breaks its row sum, its 小计 and its column's 合计: one problem
    (g,) = [g for g in groups if g["culprit"] and g["culprit"]["text"] == "234.00"]
    assert len(g["findings"]) == 3 and g["rules"] == ["column_sum", "row_sum", "subtotal"]
    assert groups[0]["severity"] == "error" and len(groups) < len(ids)


def test_review_states_carry_over_to_a_rerun_and_a_resubmission(tmp_path, capsys) -> None:  # noqa: ANN001
    pdf = tmp_path / "报告.pdf"
    shutil.copy(DIRTY, pdf)
    doc = _doc_json(capsys, str(pdf))
    errors = [f["id"] for f in doc["findings"] if f["severity"] == "error"]
    assert {f["review"]["state"] for f in doc["findings"]} == {"pending"}
    assert main(["check", str(pdf)]) == 1
    capsys.readouterr()
    # ignore all but one error, confirm that one: the check still fails on the confirmed one
    assert main(["review", str(pdf), *errors[1:], "--state", "已忽略", "--note", "口径不同",
                 "--by", "张三"]) == 0  # fmt: skip
    assert main(["review", str(pdf), errors[0], "--state", "confirmed"]) == 0
    side = tmp_path / "报告.tally-review.json"
    assert json.loads(side.read_text(encoding="utf-8"))["findings"][errors[1]]["by"] == "张三"
    doc = _doc_json(capsys, str(pdf))
    state = {f["id"]: f["review"] for f in doc["findings"]}
    assert state[errors[0]]["state"] == "confirmed"
    assert all(state[i]["state"] == "ignored" and state[i]["note"] == "口径不同" for i in errors[1:])
    assert main(["check", str(pdf)]) == 1
    assert "错误·已忽略" in capsys.readouterr().out
    assert main(["review", str(pdf), errors[0], "--state", "ignored"]) == 0
    assert main(["check", str(pdf)]) == 0  # every error dealt with
    capsys.readouterr()
    # a resubmission under another name, checked against the first one's review file
    again = tmp_path / "报告（重报）.pdf"
    shutil.copy(DIRTY, again)
    doc = _doc_json(capsys, str(again), "--reviews", str(side))
    assert all(f["review"]["state"] == "ignored" for f in doc["findings"] if f["id"] in errors)
    assert _doc_json(capsys, str(again))["findings"][0]["review"] == {"state": "pending"}


def test_review_refuses_what_it_cannot_record(tmp_path, capsys) -> None:  # noqa: ANN001
    pdf = tmp_path / "r.pdf"
    shutil.copy(DIRTY, pdf)
    assert main(["review", str(pdf), "F0000000000", "--state", "ignored"]) == 2
    assert "F0000000000" in capsys.readouterr().err
    fid = tally.check(pdf).findings[0].id
    assert main(["review", str(pdf), fid, "--state", "done"]) == 2
    assert "confirmed" in capsys.readouterr().err
    # a damaged review file: a warning of the document, the check itself stands
    (tmp_path / "r.tally-review.json").write_text("{not json", encoding="utf-8")
    res = tally.check(pdf)
    assert res.ok and res.findings and any(w.code == "review_file" for w in res.document.warnings)


def test_text_report_lists_one_problem_at_a_time(capsys) -> None:  # noqa: ANN001
    """The terminal table numbers problems (问题): the findings sharing a culprit together."""
    assert main(["check", str(DIRTY)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[:2] == ["问题", "编号"]
    numbers = [int(ln.split()[0]) for ln in lines[2:]]
    assert numbers == sorted(numbers) and len(set(numbers)) < len(numbers)
    groups = tally.check(DIRTY).to_json()["groups"]
    assert max(numbers) == len(groups)
