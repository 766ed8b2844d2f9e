"""A progress bar on stderr (rich) for runs over many documents: done, failed, time left."""

from __future__ import annotations


class Progress:
    """rich progress bar on stderr: documents done, failures, time left."""

    def __init__(self, total: int, lang: str, enabled: bool = True) -> None:
        self.total, self.lang, self.enabled = total, lang, enabled and total > 0
        self.failed = 0
        self._p = None
        self._task = None

    def __enter__(self) -> Progress:
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        zh = self.lang != "en"
        self._p = RichProgress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(("失败 " if zh else "failed ") + "[red]{task.fields[failed]}"),
            TimeElapsedColumn(),
            TextColumn("剩余" if zh else "left"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self._p.__enter__()
        self._task = self._p.add_task("核对" if zh else "checking", total=self.total, failed=0)
        return self

    def advance(self, failed: bool) -> None:
        self.failed += failed
        if self._p is not None:
            self._p.update(self._task, advance=1, failed=self.failed)

    def __exit__(self, *exc: object) -> None:
        if self._p is not None:
            self._p.__exit__(*exc)
