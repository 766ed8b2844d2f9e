"""The batch database (DuckDB): results keyed by the document's content hash and the version
of tally that checked it.

Only the parent process writes, and each document's rows go in ONE transaction: a batch
killed at any moment (SIGKILL included) leaves every document either whole or absent, and the
next run checks exactly the absent ones.

Tables (``sha256``, ``version`` key every one):

- ``documents``: one row per checked content: path (the first one seen), status, error code
  and message, pages, counts, department and year (and where they were read), the report's
  file (relative to the output folder), seconds and peak memory of its worker, and the whole
  JSON contract of the document (``doc_json``).
- ``tables``: id, title, pages, unit, kind, columns and rows (JSON), in document order.
- ``matches``: names paired across tables: a, b, score, tables (JSON).
- ``findings``: rule, severity, message, reported, expected, difference, table, row, column,
  cells (JSON, with page and bbox), suspect (JSON).
- ``files``: every path a batch was given and the content it had then.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS documents (
        sha256 VARCHAR NOT NULL, version VARCHAR NOT NULL,
        path VARCHAR, status VARCHAR, error_code VARCHAR, error_message VARCHAR,
        pages INTEGER, n_tables INTEGER, n_errors INTEGER, n_warnings INTEGER, n_info INTEGER,
        checked_relations INTEGER,
        department VARCHAR, department_source VARCHAR, year INTEGER, year_source VARCHAR,
        report VARCHAR, seconds DOUBLE, peak_rss_mb DOUBLE, lang VARCHAR,
        checked_at TIMESTAMP, doc_json JSON,
        PRIMARY KEY (sha256, version))""",
    """CREATE TABLE IF NOT EXISTS "tables" (
        sha256 VARCHAR NOT NULL, version VARCHAR NOT NULL, seq INTEGER NOT NULL,
        table_id VARCHAR, title VARCHAR, pages JSON, unit VARCHAR, kind VARCHAR,
        "columns" JSON, "rows" JSON)""",
    """CREATE TABLE IF NOT EXISTS matches (
        sha256 VARCHAR NOT NULL, version VARCHAR NOT NULL, seq INTEGER NOT NULL,
        a VARCHAR, b VARCHAR, score DOUBLE, "tables" JSON)""",
    """CREATE TABLE IF NOT EXISTS findings (
        sha256 VARCHAR NOT NULL, version VARCHAR NOT NULL, seq INTEGER NOT NULL,
        rule VARCHAR, severity VARCHAR, message VARCHAR,
        reported DOUBLE, expected DOUBLE, difference DOUBLE,
        table_id VARCHAR, row_label VARCHAR, column_path VARCHAR,
        cells JSON, suspect JSON)""",
    """CREATE TABLE IF NOT EXISTS files (
        path VARCHAR PRIMARY KEY, sha256 VARCHAR, version VARCHAR, size BIGINT,
        seen_at TIMESTAMP)""",
]

CHILD_TABLES = ("tables", "matches", "findings")


def _j(v: object) -> str | None:
    return None if v is None else json.dumps(v, ensure_ascii=False)


def _insert_rows(con, table: str, rows: list[tuple], chunk: int = 200) -> None:  # noqa: ANN001
    """Many rows per statement: DuckDB's executemany runs one statement per row."""
    if not rows:
        return
    one = "(" + ", ".join("?" * len(rows[0])) + ")"
    for i in range(0, len(rows), chunk):
        part = rows[i : i + chunk]
        con.execute(
            f'INSERT INTO "{table}" VALUES ' + ", ".join([one] * len(part)),
            [v for row in part for v in row],
        )


def _upsert_files(con, rows: list[tuple], chunk: int = 200) -> None:  # noqa: ANN001
    for i in range(0, len(rows), chunk):
        part = rows[i : i + chunk]
        con.execute(
            "INSERT INTO files VALUES "
            + ", ".join(["(?, ?, ?, ?, ?)"] * len(part))
            + """ ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256,
                  version = excluded.version, size = excluded.size, seen_at = excluded.seen_at""",
            [v for row in part for v in row],
        )


def _num(v: object) -> float | None:
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


class Store:
    def __init__(self, path: Path, version: str) -> None:
        import duckdb

        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.version = version
        self.con = duckdb.connect(str(path))
        for stmt in SCHEMA:
            self.con.execute(stmt)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------------

    def done(self) -> dict[str, str]:
        """sha256 -> status of every content already checked by this version."""
        rows = self.con.execute(
            "SELECT sha256, status FROM documents WHERE version = ?", [self.version]
        ).fetchall()
        return dict(rows)

    def documents(self, shas: list[str]) -> dict[str, dict]:
        if not shas:
            return {}
        cur = self.con.execute(
            """SELECT sha256, path, status, error_code, error_message, pages, n_tables,
                      n_errors, n_warnings, department, year, report, doc_json
               FROM documents WHERE version = ? AND sha256 IN (SELECT unnest(?))""",
            [self.version, list(shas)],
        )
        cols = [d[0] for d in cur.description]
        return {r[0]: dict(zip(cols, r, strict=True)) for r in cur.fetchall()}

    # -- writing ---------------------------------------------------------------------------

    def forget(self, shas: list[str]) -> None:
        """Drop these contents' results (to check them again), all in one transaction."""
        if not shas:
            return
        self.con.execute("BEGIN TRANSACTION")
        try:
            for t in ("documents", *CHILD_TABLES):
                self.con.execute(
                    f'DELETE FROM "{t}" WHERE version = ? AND sha256 IN (SELECT unnest(?))',
                    [self.version, list(shas)],
                )
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def record_files(self, files: list[tuple[str, str, int]]) -> None:
        """(path, sha256, size) of inputs whose content is already stored."""
        if not files:
            return
        now = datetime.now()
        self.con.execute("BEGIN TRANSACTION")
        try:
            _upsert_files(self.con, [(p, s, self.version, n, now) for p, s, n in files])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def write(
        self, result: dict, report: str | None, lang: str, files: list[tuple[str, str, int]]
    ) -> None:
        """One document, whole, in one transaction (with the paths that hold its content)."""
        sha, ver, con = result["sha256"], self.version, self.con
        con.execute("BEGIN TRANSACTION")
        try:
            exists = con.execute(
                "SELECT count(*) FROM documents WHERE sha256 = ? AND version = ?", [sha, ver]
            ).fetchone()[0]
            if not exists:  # (the same content reached twice is stored once)
                self._insert(sha, result, report, lang)
            now = datetime.now()
            _upsert_files(con, [(p, s, ver, n, now) for p, s, n in files])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _insert(self, sha: str, result: dict, report: str | None, lang: str) -> None:
        ver, con = self.version, self.con
        doc = result["doc"]
        err = doc.get("error") or {}
        sev = [f.get("severity") for f in doc.get("findings", [])]
        con.execute(
            "INSERT INTO documents VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                sha, ver, result["path"], doc["status"], err.get("code"), err.get("message"),
                doc.get("pages") or 0, len(doc.get("tables", [])),
                sev.count("error"), sev.count("warning"), sev.count("info"),
                doc.get("checked_relations"),
                result.get("department"), result.get("department_source"),
                result.get("year"), result.get("year_source"),
                report, result.get("seconds"), result.get("peak_rss_mb"), lang,
                datetime.now(), _j(doc),
            ],
        )  # fmt: skip
        tables = [
            (sha, ver, i, t.get("id"), t.get("title"), _j(t.get("pages")), t.get("unit"),
             t.get("kind"), _j(t.get("columns")), _j(t.get("rows")))
            for i, t in enumerate(doc.get("tables", []))
        ]  # fmt: skip
        _insert_rows(con, "tables", tables)
        matches = [
            (sha, ver, i, m.get("a"), m.get("b"), _num(m.get("score")), _j(m.get("tables")))
            for i, m in enumerate(doc.get("matches", []))
        ]
        _insert_rows(con, "matches", matches)
        findings = [
            (sha, ver, i, f.get("rule"), f.get("severity"), f.get("message"),
             _num(f.get("reported")), _num(f.get("expected")), _num(f.get("difference")),
             f.get("table"), f.get("row"), f.get("column"),
             _j(f.get("cells")), _j(f.get("suspect")))
            for i, f in enumerate(doc.get("findings", []))
        ]  # fmt: skip
        _insert_rows(con, "findings", findings)
