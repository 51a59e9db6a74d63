"""What every command group shares: the ``--db`` option, opening the local database, a
terminal progress bar for long services, and failing with a message instead of a traceback."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from mzdesk.cli.output import echo
from mzdesk.core.i18n import text
from mzdesk.core.permissions import Actor
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


def open_local_store(ctx: click.Context, db: Path | None, *, create: bool = False) -> Store:
    """The command's own ``--db``, else the one given before the command, else the default.
    Only commands that set a database up (``create``) may make a new file: elsewhere a
    mistyped path would become an empty database that reports zeros.

    The database is encrypted: one with users opens only with a login (:func:`credentials`),
    whose password unwraps the database key (store/keys.py)."""
    from mzdesk.core.errors import CodedError
    from mzdesk.store.engine import Locked, unlock

    path = db or ctx.obj["db"] or default_db_path()
    if not create and not path.exists():
        fail(text("cli.db.missing", path=path))
    try:
        try:
            return open_store(path)
        except Locked:
            username, password = credentials()
            key, institution_id = unlock(path, username, password)
            store = open_store(path, key=key)
            if institution_id is not None:
                store.unlocked_as = (institution_id, username.strip())
            return store
    except CodedError as error:
        from mzdesk.cli.backup import with_backup_advice

        fail(with_backup_advice(path, error))


def credentials() -> tuple[str, str]:
    """The login of this command: ``MZDESK_USER`` and ``MZDESK_PASSWORD`` (scripts), else
    typed at a prompt; asked once per command, however often it is needed."""
    ctx = click.get_current_context(silent=True)
    remembered = ctx.meta.get("mzdesk.login") if ctx is not None else None
    if remembered is not None:
        return remembered  # type: ignore[no-any-return]
    username = os.environ.get("MZDESK_USER")
    password = os.environ.get("MZDESK_PASSWORD")
    if not (username and password) and not sys.stdin.isatty():
        fail(text("user.login_required"))
    if not username:
        username = click.prompt(text("cli.login.username"), err=True)
    if not password:
        password = click.prompt(text("cli.login.password"), hide_input=True, err=True)
    login = (str(username), str(password))
    if ctx is not None:
        ctx.meta["mzdesk.login"] = login
    return login


def acting_user(store: Store) -> Actor:
    """Who runs this command. A database with users needs a login, as the app does: from
    ``MZDESK_USER`` and ``MZDESK_PASSWORD`` (scripts; ``MZDESK_INSTITUTION`` when several
    institutions have the user name) or typed at a prompt. One with no users yet is being set
    up and needs none."""
    from mzdesk.services.users import actor_for, has_users, log_in

    if not has_users(store):
        return Actor.setup()
    username, password = credentials()
    user = log_in(store, username, password, os.environ.get("MZDESK_INSTITUTION"))
    return actor_for(user)


def open_as_user(
    ctx: click.Context, db: Path | None, *, create: bool = False
) -> tuple[Store, Actor]:
    """The local database and who acts on it: what every command on it starts with."""
    from mzdesk.sync.device import acting_here

    store = open_local_store(ctx, db, create=create)
    return store, acting_here(store, acting_user(store))


def new_password() -> str:
    """A new password: ``MZDESK_NEW_PASSWORD`` in scripts, else typed twice."""
    given = os.environ.get("MZDESK_NEW_PASSWORD")
    if given:
        return given
    if not sys.stdin.isatty():
        fail(text("cli.user.password_needed"))
    typed: str = click.prompt(
        text("cli.user.new_password"), hide_input=True, confirmation_prompt=True, err=True
    )
    return typed


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
    echo(message, err=True)
    sys.exit(1)


def check_table_suffix(path: Path) -> None:
    """Exports and templates are written as .xlsx or .csv only."""
    if path.suffix.lower() not in (".xlsx", ".csv"):
        fail(text("table.unsupported_type", suffix=path.suffix))


def check_region_prefix(region: str) -> None:
    if not (region.isdigit() and 2 <= len(region) <= 6):
        fail(text("cli.region_prefix"))
