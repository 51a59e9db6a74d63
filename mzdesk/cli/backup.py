"""``mzdesk backup`` (one now), ``mzdesk backup list`` and ``mzdesk restore FILE``.

Each acts as a user (the login unlocks the database). Restoring is the administrator's; a
database too damaged to open is restored by anyone whose password unlocks its key (the slot
file proves it; the roles inside the damaged database cannot be read)."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from mzdesk.cli.common import credentials, db_option, fail, open_as_user
from mzdesk.cli.output import echo
from mzdesk.core.errors import CodedError
from mzdesk.core.i18n import text
from mzdesk.store.engine import default_db_path


def _made(info: object) -> str:
    from mzdesk.services.backups import BackupInfo, size_text

    assert isinstance(info, BackupInfo)
    return text(
        "backup.made", path=info.path, size=size_text(info.size), rows=info.rows, check=info.check
    )


@click.group("backup", invoke_without_command=True)
@db_option
@click.pass_context
def backup_group(ctx: click.Context, db: Path | None) -> None:
    """立即备份数据库（已加密、已核对）。Back up the database now (encrypted, verified)."""
    if ctx.invoked_subcommand is not None:
        return
    from mzdesk.services.backups import back_up

    store, _actor = open_as_user(ctx, db)
    try:
        info = back_up(store)
    except CodedError as error:
        fail(str(error))
    finally:
        store.close()
    echo(_made(info))


@backup_group.command("list")
@db_option
@click.pass_context
def backup_list(ctx: click.Context, db: Path | None) -> None:
    """列出备份。List the backups."""
    from mzdesk.services.backups import backups_of, kind_label, settings_of, size_text

    store, _actor = open_as_user(ctx, db)
    try:
        backups = backups_of(store)
        folder = settings_of(store).folder
    finally:
        store.close()
    if not backups:
        echo(text("backup.none", folder=folder))
        return
    echo(text("backup.list_header", folder=folder))
    for info in backups:
        when = info.local_time.strftime("%Y-%m-%d %H:%M:%S")
        echo(
            f"  {when}  {kind_label(info.kind)}  {size_text(info.size)}  {info.check}"
            f"  {info.path.name}"
        )


@click.command("restore")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="不再询问确认。Do not ask for confirmation.")
@db_option
@click.pass_context
def restore(ctx: click.Context, file: Path, yes: bool, db: Path | None) -> None:
    """用备份替换当前数据库（先备份当前数据库）。Replace the database with a backup (the
    current one is backed up first)."""
    from mzdesk.services.backups import kind_label, restore_backup, restore_damaged
    from mzdesk.store.backup import layout, restoring
    from mzdesk.store.engine import Locked, key_without_login, unlock

    backup = layout.resolve_backup(file)
    if backup is None:
        fail(text("backup.not_a_backup", path=file))
    path = db or ctx.obj["db"] or default_db_path()
    try:
        if path.exists():
            try:
                key = key_without_login(path)
            except Locked:
                key = unlock(path, *credentials())[0]
        else:  # nothing left to restore over: the backup's own slot file comes back
            key = restoring.backup_key(backup, credentials)
        other_key = None
        if not restoring.opens_with(backup, key):
            other_key = restoring.backup_key(backup, credentials)
        date = backup.local_time.strftime("%Y-%m-%d %H:%M")
        damaged = path.exists() and not restoring.integrity_at_start(path, key)
        if not yes:
            if not sys.stdin.isatty():
                fail(text("backup.confirm_needed"))
            if not click.confirm(
                text("backup.confirm_restore", date=date, kind=kind_label(backup.kind)), err=True
            ):
                fail(text("backup.cancelled"))
        if damaged or not path.exists():
            result = restore_damaged(path, backup, key)
        else:
            store, actor = open_as_user(ctx, db)
            result = restore_backup(store, actor, backup, backup_key=other_key)
    except CodedError as error:
        fail(str(error))
    if result.before is None:
        echo(text("backup.restored_damaged", date=date))
    else:
        echo(text("backup.restored", date=date, before=result.before.path))


def with_backup_advice(path: Path, error: CodedError) -> str:
    """The message for a database that cannot be opened; for a damaged one, also the newest
    backup that opens with its key and the command that restores it."""
    from mzdesk.services.backups import newest_good_backup, settings_of_path
    from mzdesk.store.engine import Locked, key_without_login, unlock

    if error.code != "store.damaged":
        return str(error)
    try:
        try:
            key = key_without_login(path)
        except Locked:
            key = unlock(path, *credentials())[0]
    except CodedError:
        return str(error)
    good = newest_good_backup(path, key)
    if good is None:
        return text(
            "backup.damaged_no_backup", file=path.name, folder=settings_of_path(path).folder
        )
    return text(
        "backup.damaged_advice",
        file=path.name,
        path=good.path,
        date=good.local_time.strftime("%Y-%m-%d %H:%M"),
        command=restore_command(path, good.path),
    )


def restore_command(db_path: Path, backup: Path) -> str:
    command = ["mzdesk", "restore", str(backup)]
    if db_path.resolve() != default_db_path().resolve():
        command += ["--db", str(db_path)]
    return shlex.join(command)


COMMANDS = [backup_group, restore]
