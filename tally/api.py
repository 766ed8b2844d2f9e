"""The front door: what a Python user, the command line and the batch call.

    >>> import tally
    >>> res = tally.check("report.pdf")
    >>> [f.message_zh for f in res.errors]

Neither function raises for a bad document: an unreadable file comes back with ``error`` set
(a stable ``code`` and a Chinese/English message) so that a batch always goes on. Only a rule
file that cannot be used raises (``RulesError``): it concerns every document alike.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ExtractError
from .result import DocumentResult

if TYPE_CHECKING:
    from .reconcile.structure import Vocab

PathLike = str | Path


class RulesError(ValueError):
    """A rule file (``--rules``) that cannot be read or does not have the expected shape."""


def expand_paths(args: Iterable[PathLike]) -> list[str]:
    """Files as given; a folder stands for every PDF under it (sorted, so runs repeat)."""
    out: list[str] = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            out.extend(
                str(f) for f in sorted(p.rglob("*")) if f.suffix.lower() == ".pdf" and f.is_file()
            )
        else:
            out.append(str(a))
    return out


def load_rules(rules: Sequence[PathLike] | None = None) -> Vocab:
    """The default words plus those of each rule file, or ``RulesError`` naming the file."""
    from .reconcile.structure import Vocab

    try:
        return Vocab.load([Path(r) for r in rules or []])
    except ValueError as exc:  # the file and the key that is wrong
        raise RulesError(str(exc)) from exc


def rules_fingerprint(rules: Sequence[PathLike] | None = None) -> str:
    """A short hash of the words in force (the defaults and every rule file, in order): two
    runs with the same fingerprint check a document the same way."""
    from importlib import resources

    h = hashlib.sha256()
    h.update(resources.files("tally.reconcile").joinpath("rules/default.yaml").read_bytes())
    for r in rules or []:
        h.update(b"\0")
        h.update(Path(r).read_bytes())
    return h.hexdigest()[:16]


def _internal(stage_zh: str, stage_en: str, exc: BaseException) -> ExtractError:
    what = f"{type(exc).__name__}: {exc}"
    return ExtractError(
        "internal",
        f"{stage_zh}时出现内部错误（{what}）；请将文件反馈给维护者",
        f"internal error while {stage_en} ({what})",
    )


def _too_large() -> ExtractError:
    return ExtractError("too_large", "文件过大，内存不足，无法处理", "out of memory")


def extract(path: PathLike) -> DocumentResult:
    """Read one PDF into a ``Document`` (pages, lines, tables with cells and boxes)."""
    from .extract import read_document

    # pdfminer logs every damaged object or odd font it meets; the document's own error and
    # warnings say what matters to a reviewer
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
    res = DocumentResult(str(path))
    try:
        res.document = read_document(str(path))
    except ExtractError as exc:
        res.error = exc
    except MemoryError:
        res.error = _too_large()
    except Exception as exc:  # a bug of ours must not stop the other documents
        res.error = _internal("读取", "reading", exc)
    return res


def check(
    path: PathLike,
    rules: Sequence[PathLike] | None = None,
    *,
    vocab: Vocab | None = None,
    reviews: PathLike | None = None,
) -> DocumentResult:
    """Read one PDF and check its arithmetic. ``rules`` are extra rule files (YAML, the keys
    of ``tally/reconcile/rules/default.yaml``); a caller checking many documents passes the
    ``vocab`` from ``load_rules`` once instead. The reviewer's states come from ``reviews`` (a
    review file, e.g. the earlier submission's) or else the PDF's sidecar
    (``NAME.tally-review.json``), matched by finding id."""
    vocab = vocab if vocab is not None else load_rules(rules)
    res = extract(path)
    if res.document is None:
        return res
    from .reconcile import CheckStats, check_document

    try:
        stats = CheckStats()
        res.findings = check_document(res.document, vocab=vocab, stats=stats)
    except MemoryError:
        res.error, res.document = _too_large(), None
        return res
    except Exception as exc:  # a bug in one check must not stop the batch
        res.error, res.document = _internal("核对", "checking", exc), None
        res.findings = []
        return res
    res.checked = stats.relations
    res.untrusted = stats.untrusted
    res.matches = stats.matches
    res.table_reports = stats.tables
    res.identities = {k: v for k, v in stats.identities.items() if v["checked"]}
    _attach_reviews(res, Path(reviews) if reviews is not None else None)
    return res


def _attach_reviews(res: DocumentResult, file: Path | None) -> None:
    """The states stored for this document's findings; a review file that cannot be read is a
    warning of the document (the check itself stands)."""
    from .extract.model import Issue
    from .review import load, sidecar

    try:
        stored = load(file if file is not None else sidecar(res.path))
    except (ValueError, OSError) as exc:
        if res.document is not None:
            res.document.warnings.append(Issue("review_file", str(exc)))
        return
    ids = {f.id for f in res.findings}
    res.reviews = {k: v for k, v in stored.items() if k in ids}


__all__ = [
    "DocumentResult",
    "RulesError",
    "check",
    "expand_paths",
    "extract",
    "load_rules",
    "rules_fingerprint",
]
