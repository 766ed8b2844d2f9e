"""What a reviewer decided about each finding, kept beside the report and carried over.

A state is one of 待处理 (pending, the default), 已确认 (confirmed: a real problem) and 已忽略
(ignored: not a problem, or accepted), with a note, who decided and when. For a single check it
is stored in a sidecar file next to the PDF (``NAME.tally-review.json``); a resubmitted report
is checked against the earlier one's file with ``--reviews FILE``. States are keyed by the
finding's stable id (``reconcile/finding_ids.py``), so they carry over to a rerun, and to a
resubmission wherever the same number is still printed the same way; a finding whose number was
corrected is gone, and its state with it.

Ignored errors do not make ``tally check`` exit 1; confirmed ones do."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

SCHEMA = "tally.review/1"
STATES = {"pending": ("待处理", "pending"), "confirmed": ("已确认", "confirmed")}
STATES["ignored"] = ("已忽略", "ignored")
_BY_NAME = {v: k for k, names in STATES.items() for v in (k, *names)}


@dataclass(slots=True)
class Review:
    state: str  # pending | confirmed | ignored
    note: str = ""
    by: str = ""
    at: str = ""  # ISO time of the decision

    def label(self, lang: str = "zh") -> str:
        zh, en = STATES[self.state]
        return en if lang == "en" else zh


def state_of(text: str) -> str:
    """'ignored', '已忽略' → 'ignored'; ValueError naming the states for anything else."""
    try:
        return _BY_NAME[text.strip()]
    except KeyError:
        known = " / ".join(f"{k}（{v[0]}）" for k, v in STATES.items())
        raise ValueError(f"未知的复核状态 / unknown review state '{text}' ({known})") from None


def sidecar(pdf: str | Path) -> Path:
    p = Path(pdf)
    return p.with_name(f"{p.stem}.tally-review.json")


def load(path: str | Path) -> dict[str, Review]:
    """The states in a review file (none when it does not exist); ValueError if it is not one."""
    p = Path(path)
    if not p.exists():
        return {}
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        items = data["findings"]
        return {fid: Review(state_of(r["state"]), r.get("note", ""), r.get("by", ""),
                            r.get("at", "")) for fid, r in items.items()}  # fmt: skip
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{p}: 不是 tally 复核文件 / not a tally review file ({exc})") from exc


def save(path: str | Path, document: str, reviews: dict[str, Review]) -> None:
    data = {
        "schema": SCHEMA,
        "document": document,
        "findings": {fid: asdict(r) for fid, r in sorted(reviews.items())},
    }
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def mark(
    path: str | Path, document: str, ids: list[str], state: str, note: str = "", by: str = ""
) -> dict[str, Review]:
    """Set the state of the findings ``ids`` in the review file at ``path`` (created if need
    be); the file's other states are kept."""
    reviews = load(path)
    at = datetime.now(UTC).isoformat(timespec="seconds")
    for fid in ids:
        reviews[fid] = Review(state_of(state), note, by, at)
    save(path, document, reviews)
    return reviews
