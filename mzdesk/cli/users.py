"""Accounts from the command line: ``mzdesk user add|list|disable|enable|passwd|role`` and
``mzdesk audit``. Each acts as a user (see ``acting_user``) and is subject to that user's
permissions, exactly as in the app's 设置 page."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path

import click

from mzdesk.cli.common import db_option, fail, new_password, open_as_user
from mzdesk.cli.output import echo
from mzdesk.core.i18n import text
from mzdesk.core.permissions import Actor, parse_role
from mzdesk.store.engine import Store


def _institution(store: Store, actor: Actor, name: str | None) -> uuid.UUID:
    """The actor's institution; or, while a database is being set up, the named one (or the
    only one)."""
    from mzdesk.services.institutions import list_institutions

    if actor.institution_id is not None:
        return actor.institution_id
    institutions = list_institutions(store)
    if name:
        for institution in institutions:
            if institution.name == name.strip():
                return institution.id
        fail(text("cli.stats.no_institution", name=name))
    if len(institutions) != 1:
        fail(text("cli.user.no_institution"))
    return institutions[0].id


institution_option = click.option(
    "--institution", default=None, help="机构名称（数据库有多个机构时）。Institution name."
)


@click.group("user")
def user() -> None:
    """用户与角色。Users and roles."""


@user.command("add")
@click.argument("username")
@click.option(
    "--role",
    "role_text",
    default="staff",
    show_default=True,
    help="管理员/业务人员/检查员/只读，或 admin/staff/inspector/readonly",
)
@click.option("--name", "display_name", default=None, help="姓名。Full name.")
@institution_option
@db_option
@click.pass_context
def user_add(
    ctx: click.Context,
    username: str,
    role_text: str,
    display_name: str | None,
    institution: str | None,
    db: Path | None,
) -> None:
    """添加用户。Add a user."""
    from mzdesk.services.users import NewUser, add_user

    store, actor = open_as_user(ctx, db)
    parse_role(role_text)  # a wrong role is refused before a password is asked for
    where = _institution(store, actor, institution)
    added = add_user(
        store, actor, where, NewUser(username, display_name or username, new_password(), role_text)
    )
    echo(text("cli.user.added", name=added.username, role=added.role_label))


@user.command("list")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@institution_option
@db_option
@click.pass_context
def user_list(ctx: click.Context, as_json: bool, institution: str | None, db: Path | None) -> None:
    """列出用户。List the users."""
    from mzdesk.services.users import users_of

    store, actor = open_as_user(ctx, db)
    users = users_of(store, _institution(store, actor, institution), include_disabled=True)
    if as_json:
        echo(
            json.dumps(
                [
                    {
                        "username": u.username,
                        "name": u.display_name,
                        "role": u.role,
                        "role_label": u.role_label,
                        "active": u.active,
                    }
                    for u in users
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for u in users:
        state = text("cli.user.active") if u.active else text("cli.user.inactive")
        echo(
            text(
                "cli.user.line",
                name=u.username,
                display=u.display_name,
                role=u.role_label,
                state=state,
            )
        )


def _target(store: Store, actor: Actor, username: str, institution: str | None) -> uuid.UUID:
    from mzdesk.services.users import find_user

    return find_user(store, _institution(store, actor, institution), username).id


@user.command("disable")
@click.argument("username")
@institution_option
@db_option
@click.pass_context
def user_disable(
    ctx: click.Context, username: str, institution: str | None, db: Path | None
) -> None:
    """停用用户（记录保留）。Disable a user (their records stay)."""
    _set_active(ctx, username, institution, db, active=False)


@user.command("enable")
@click.argument("username")
@institution_option
@db_option
@click.pass_context
def user_enable(
    ctx: click.Context, username: str, institution: str | None, db: Path | None
) -> None:
    """重新启用用户。Enable a user again."""
    _set_active(ctx, username, institution, db, active=True)


def _set_active(
    ctx: click.Context, username: str, institution: str | None, db: Path | None, *, active: bool
) -> None:
    from mzdesk.services.users import set_user_active

    store, actor = open_as_user(ctx, db)
    set_user_active(store, actor, _target(store, actor, username, institution), active)
    echo(text("cli.user.enabled" if active else "cli.user.disabled", name=username))


@user.command("role")
@click.argument("username")
@click.argument("role_text", metavar="ROLE")
@institution_option
@db_option
@click.pass_context
def user_role(
    ctx: click.Context, username: str, role_text: str, institution: str | None, db: Path | None
) -> None:
    """修改用户角色。Change a user's role."""
    from mzdesk.services.users import set_user_role

    store, actor = open_as_user(ctx, db)
    changed = set_user_role(store, actor, _target(store, actor, username, institution), role_text)
    echo(text("cli.user.role_set", name=username, role=changed.role_label))


@user.command("passwd")
@click.argument("username", required=False)
@institution_option
@db_option
@click.pass_context
def user_passwd(
    ctx: click.Context, username: str | None, institution: str | None, db: Path | None
) -> None:
    """修改密码：自己的，或（管理员）别人的。Change your password, or reset another's."""
    import os

    from mzdesk.services.users import change_own_password, reset_password

    store, actor = open_as_user(ctx, db)
    target = _target(store, actor, username, institution) if username else actor.user_id
    if target is None:
        fail(text("user.login_required"))
    password = new_password()
    if target == actor.user_id:
        current = os.environ.get("MZDESK_PASSWORD") or click.prompt(
            text("cli.login.password"), hide_input=True, err=True
        )
        change_own_password(store, actor, current, password)
    else:
        reset_password(store, actor, target, password)
    echo(text("cli.user.password_set", name=username or actor.name))


@click.command("audit")
@click.option("--record", "record", default=None, help="只看这条记录的历史（记录ID）。One record.")
@click.option("--limit", type=click.IntRange(1, 5000), default=200, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@db_option
@click.pass_context
def audit(
    ctx: click.Context, record: str | None, limit: int, as_json: bool, db: Path | None
) -> None:
    """修改记录（谁、何时、改了什么）。The audit trail: who changed what, and when."""
    from mzdesk.services.history import audit_trail

    store, actor = open_as_user(ctx, db)
    record_id = None
    if record:
        try:
            record_id = uuid.UUID(record)
        except ValueError:
            fail(text("cli.audit.bad_record", value=record))
    entries = audit_trail(
        store, record_id=record_id, institution_id=actor.institution_id, limit=limit
    )
    if as_json:
        echo(json.dumps([e.as_json() for e in entries], ensure_ascii=False, indent=2))
        return
    for entry in entries:
        fields = "".join(
            "\n    "
            + text("cli.audit.field", label=f.label, old=f.old_text or "—", new=f.new_text or "—")
            for f in entry.fields
            if entry.action != "reveal"
        )
        echo(
            text(
                "cli.audit.line",
                at=entry.at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                user=entry.user_name,
                action=entry.action_label,
                table=entry.table_label,
                record=entry.record_label,
                fields=fields,
            )
        )


COMMANDS = [user, audit]
