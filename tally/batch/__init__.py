"""`tally batch`: check every PDF under some folders, each document in its own process.

- ``worker``: what runs in the isolated process (one document: read, check, render its
  report) and the test hooks that make a document hang, crash or blow its memory limit.
- ``pool``: the local process pool with its watchdog (timeout, crash) and the Dask path.
- ``store``: the DuckDB database, one transaction per document, written by the parent only.
- ``ledger``: department and year of a document; the ledger (XLSX, CSV) and index.html.
- ``runner``: the command itself.

Nothing heavy is imported here: ``tally check`` start-up time does not pay for the batch.
"""
