"""The encrypted database's keys from the command line: ``mzdesk keys status|sheet`` and
``mzdesk recover`` (a new administrator password with the recovery key)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from mzdesk.cli.common import db_option, fail, new_password, open_as_user
from mzdesk.cli.output import echo
from mzdesk.core.i18n import text
from mzdesk.store.engine import default_db_path


@click.group("keys")
def keys_group() -> None:
    """数据库加密的钥匙与恢复密钥单。The database's keys and recovery sheet."""


@keys_group.command("status")
@db_option
@click.pass_context
def keys_status(ctx: click.Context, db: Path | None) -> None:
    """哪些账号能在本电脑上打开数据库。Who can open the database on this computer."""
    from mzdesk.services.security import key_status

    store, actor = open_as_user(ctx, db)
    status = key_status(store, actor)
    echo(text("cli.keys.holders"))
    for holder in status.holders:
        echo(f"  {holder.username}  {holder.display_name}  {holder.institution}")
    if not status.holders:
        echo("  " + text("cli.keys.none"))
    if status.recovery_printed is None:
        echo(text("cli.keys.never_printed"))
    else:
        echo(text("cli.keys.printed", date=status.recovery_printed.isoformat()))


@keys_group.command("sheet")
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="恢复密钥单 PDF 的保存位置。Where to write the recovery sheet PDF.",
)
@db_option
@click.pass_context
def keys_sheet(ctx: click.Context, out: Path, db: Path | None) -> None:
    """打印恢复密钥单（管理员）。Write the recovery sheet (administrators)."""
    from mzdesk.reports.recovery_sheet import write_recovery_sheet
    from mzdesk.services.security import mark_recovery_printed, recovery_sheet

    store, actor = open_as_user(ctx, db)
    sheet = recovery_sheet(store, actor)
    today = dt.date.today()
    write_recovery_sheet(
        out,
        recovery=sheet.recovery,
        database=sheet.database,
        institution=sheet.institution,
        printed_on=today,
    )
    mark_recovery_printed(store, actor, today)
    echo(text("cli.keys.sheet_written", path=out))


@click.command("recover")
@click.option(
    "--user", "username", required=True, help="管理员的用户名。Administrator's user name."
)
@db_option
@click.pass_context
def recover(ctx: click.Context, username: str, db: Path | None) -> None:
    """用恢复密钥打开数据库并为管理员设置新密码。Open the database with the recovery key and set
    an administrator's new password. The key: MZDESK_RECOVERY_KEY, or typed at the prompt."""
    from mzdesk.services.security import administrators, recover_administrator
    from mzdesk.store.engine import open_store, unlock_with_recovery

    path = db or ctx.obj["db"] or default_db_path()
    if not path.exists():
        fail(text("cli.db.missing", path=path))
    typed = os.environ.get("MZDESK_RECOVERY_KEY")
    if not typed:
        if not sys.stdin.isatty():
            fail(text("store.keys.recovery_malformed"))
        typed = click.prompt(text("cli.recover.key_prompt"), hide_input=True, err=True)
    key = unlock_with_recovery(path, str(typed))
    store = open_store(path, key=key)
    admin = next((u for u in administrators(store) if u.username == username.strip()), None)
    if admin is None:
        fail(text("cli.recover.no_admin", name=username))
    recover_administrator(store, admin.id, new_password())
    echo(text("cli.recover.done", name=admin.username))


COMMANDS = [keys_group, recover]
