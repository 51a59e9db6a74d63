"""What every command group shares: the ``--db`` option, opening the local database, a
terminal progress bar for long services, and failing with a message instead of a traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from mzdesk.core.i18n import text
from mzdesk.store.engine import Store, default_db_path, open_store

F = TypeVar("F", bound=Callable[..., Any])


def db_option(function: F) -> F:
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="MZDESK_DB",
        default=None,
        help="数据库文件（默认：用户数据目录下的 mzdesk.db）。Database file.",
    )(function)


def open_local_store(ctx: click.Context, db: Path | None) -> Store:
    """The command's own ``--db``, else the one given before the command, else the default."""
    return open_store(db or ctx.obj["db"] or default_db_path())


class TerminalProgress:
    """Adapts services' ``progress(stage, done, total)`` callbacks to click progress bars
    (shown only on a terminal)."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._stage: str | None = None
        self._shown = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self._stage:
            self.close()
            self._bar = click.progressbar(length=max(total, 1), label=stage, file=sys.stderr)
            self._bar.__enter__()
            self._stage, self._shown = stage, 0
        self._bar.update(max(0, done - self._shown))
        self._shown = max(self._shown, done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


@contextmanager
def terminal_progress() -> Iterator[TerminalProgress]:
    bar = TerminalProgress()
    try:
        yield bar
    finally:
        bar.close()


def fail(message: str) -> NoReturn:
    """Print ``message`` on stderr and exit with status 1."""
    click.echo(message, err=True)
    sys.exit(1)


def check_table_suffix(path: Path) -> None:
    """Exports and templates are written as .xlsx or .csv only."""
    if path.suffix.lower() not in (".xlsx", ".csv"):
        fail(text("table.unsupported_type", suffix=path.suffix))


def check_region_prefix(region: str) -> None:
    if not (region.isdigit() and 2 <= len(region) <= 6):
        fail(text("cli.region_prefix"))
