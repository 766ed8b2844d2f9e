"""Imported once by the fork server of the local pool, so that each document's process starts
with the extraction, checking and report code already imported. A module that fails to import
here (e.g. one being edited) is simply imported, or not, later in the worker."""

from __future__ import annotations

import importlib

MODULES = [
    "pickle",
    "resource",
    "ctypes",
    "numpy",
    "yaml",
    "pdfplumber",
    "pdfminer.high_level",
    "tally.cli",
    "tally.batch.worker",
    "tally.batch.ledger",
    "tally.report.contract",
    "tally.extract.document",
    "tally.reconcile",
    "tally.reconcile.structure",
    "tally.reconcile.relation",
    "tally.reconcile.row_sums",
    "tally.reconcile.column_sums",
    "tally.reconcile.rates",
    "tally.reconcile.scores",
    "tally.reconcile.names",
    "tally.reconcile.claims",
    "tally.reconcile.claims.yoy",
    "tally.reconcile.claims.compare",
    "tally.reconcile.identities",
    "tally.report.finding_rows",
    "tally.report.pagegeom",
    "tally.report.html_out",
]

for _name in MODULES:
    try:
        importlib.import_module(_name)
    except Exception:  # noqa: BLE001, S112
        continue
