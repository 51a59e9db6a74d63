"""Training certificates from the command line: ``mzdesk print certificates`` (issue what is
missing, then print a session as one PDF), ``mzdesk verify-certificate`` (offline check, exit
status 0 only when genuine) and ``mzdesk certificates`` (revoke, the verify address, keys)."""

from __future__ import annotations

import uuid
from pathlib import Path

import click

from mzdesk.cli.common import db_option, fail, open_as_user, terminal_progress
from mzdesk.cli.output import echo
from mzdesk.core.i18n import text


def _session_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        fail(text("cli.cert.bad_session", value=value))


@click.group("print")
def print_group() -> None:
    """打印。Print."""


@print_group.command("certificates")
@db_option
@click.option("--session", "session", required=True, help="培训编号（mzdesk training sessions）")
@click.option(
    "--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="PDF 文件"
)
@click.pass_context
def print_certificates(ctx: click.Context, db: Path | None, session: str, out: Path) -> None:
    """签发尚缺的证书，并把这次培训的证书打印成一个 PDF。Issue what is missing, then print."""
    from mzdesk.reports.certificates import write_certificates
    from mzdesk.services.certificates import certificate_sheets, issue_certificates

    store, actor = open_as_user(ctx, db)
    session_id = _session_id(session)
    issued = issue_certificates(store, actor, session_id)
    sheets = certificate_sheets(store, session_id)
    if not sheets:
        fail(text("cli.cert.none"))
    with terminal_progress() as bar:
        write_certificates(
            out, sheets, progress=lambda done, total: bar(str(out.name), done, total)
        )
    echo(text("cli.cert.issued", issued=len(issued), printed=len(sheets), path=out))


@click.command("verify-certificate")
@db_option
@click.argument("code")
@click.option("--json", "as_json", is_flag=True, help="输出一个 JSON 对象。Print one JSON object.")
@click.pass_context
def verify_certificate_command(
    ctx: click.Context, db: Path | None, code: str, as_json: bool
) -> None:
    """离线核验证书二维码的内容（真实有效时退出码为 0）。Verify a certificate's QR text offline."""
    import json

    from mzdesk.services.certificates import verify_certificate

    store, _actor = open_as_user(ctx, db)
    verdict = verify_certificate(store, code)
    message = text(f"cert.verdict.{verdict.reason.value}", reason=verdict.revoked_reason or "")
    claims = verdict.claims
    if as_json:
        out: dict[str, object] = {"genuine": verdict.genuine, "reason": verdict.reason.value}
        out["message"] = message
        if claims is not None:
            out |= {
                "serial": claims.serial,
                "name": claims.masked_name,
                "course": claims.course,
                "hours": str(claims.hours),
                "start_date": claims.start_date.isoformat(),
                "end_date": claims.end_date.isoformat(),
                "issued_on": claims.issued_on.isoformat(),
                "issuer": claims.issuer,
            }
        echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        echo(message)
        if claims is not None and verdict.genuine:
            echo(
                f"  {claims.serial}  {claims.masked_name}  {claims.course}  "
                f"{claims.hours}学时  {claims.start_date:%Y-%m-%d}—{claims.end_date:%Y-%m-%d}  "
                f"发证 {claims.issued_on:%Y-%m-%d}  {claims.issuer}"
            )
    ctx.exit(0 if verdict.genuine else 1)


@click.group("certificates")
def certificates_group() -> None:
    """培训合格证书：作废、核验网址、签名密钥。Training certificates."""


@certificates_group.command("revoke")
@db_option
@click.argument("serial")
@click.option("--reason", required=True, help="作废原因")
@click.pass_context
def revoke(ctx: click.Context, db: Path | None, serial: str, reason: str) -> None:
    """作废一份证书（如签发有误）。Revoke a certificate."""
    from mzdesk.services.certificates import find_certificate, revoke_certificate

    store, actor = open_as_user(ctx, db)
    certificate = find_certificate(store, serial)
    revoke_certificate(store, actor, certificate.id, reason)
    echo(text("cli.cert.revoked", serial=certificate.serial))


@certificates_group.command("reissue")
@db_option
@click.argument("serial")
@click.pass_context
def reissue(ctx: click.Context, db: Path | None, serial: str) -> None:
    """为一份已作废的证书重新签发（如改正姓名后）。Reissue a revoked certificate."""
    from mzdesk.services.certificates import find_certificate, issue_certificates

    store, actor = open_as_user(ctx, db)
    old = find_certificate(store, serial)
    if old.live:
        fail(text("cli.cert.not_revoked", serial=old.serial))
    issued = issue_certificates(store, actor, old.session_id, reissue={old.attendance_id})
    if not issued:  # replaced already
        fail(text("cli.cert.already_reissued", serial=old.serial))
    echo(text("cli.cert.reissued", serial=old.serial, new=issued[0].serial))


@certificates_group.command("server")
@db_option
@click.argument("url")
@click.pass_context
def server(ctx: click.Context, db: Path | None, url: str) -> None:
    """未注册同步的设备：设置证书二维码指向的核验网址。Set the verify address."""
    from mzdesk.services.signing_keys import set_verify_server

    store, actor = open_as_user(ctx, db)
    echo(text("cli.cert.server_set", url=set_verify_server(store, actor, url)))


@certificates_group.command("keys")
@db_option
@click.pass_context
def keys(ctx: click.Context, db: Path | None) -> None:
    """列出签名密钥。List the signing keys."""
    from mzdesk.services.signing_keys import list_signing_keys

    store, actor = open_as_user(ctx, db)
    if actor.institution_id is None:
        from mzdesk.services.institutions import list_institutions

        institutions = [i.id for i in list_institutions(store)]
    else:
        institutions = [actor.institution_id]
    for institution_id in institutions:
        for k in list_signing_keys(store, institution_id):
            state = f"停用 {k.revoked_at:%Y-%m-%d %H:%M}" if k.revoked_at else "有效"
            mine = " *本机" if k.this_device else ""
            echo(f"{k.key_id}  {k.created_at:%Y-%m-%d}  {state}{mine}")


@certificates_group.command("revoke-key")
@db_option
@click.argument("key_id")
@click.option("--reason", required=True, help="停用原因（如设备丢失）")
@click.pass_context
def revoke_key(ctx: click.Context, db: Path | None, key_id: str, reason: str) -> None:
    """停用一台设备的签名密钥（设备丢失）。Revoke a device's signing key."""
    from mzdesk.services.signing_keys import revoke_signing_key

    store, actor = open_as_user(ctx, db)
    revoke_signing_key(store, actor, key_id, reason)
    echo(key_id)


@certificates_group.command("settings")
@db_option
@click.option("--institution", default=None, help="机构名称（数据库中有多家机构时）")
@click.option(
    "--full-id/--masked-id", "full_id", default=None, help="证书上印完整或隐去部分的身份证号"
)
@click.option(
    "--total-hours/--no-total-hours", "total_hours", default=None, help="证书上是否印累计学时"
)
@click.option("--issuer", default=None, help="颁发单位（空字符串：用机构名称）")
@click.pass_context
def settings(
    ctx: click.Context,
    db: Path | None,
    institution: str | None,
    full_id: bool | None,
    total_hours: bool | None,
    issuer: str | None,
) -> None:
    """证书样式：身份证号、累计学时、颁发单位；不带选项时显示当前设置。Certificate settings."""
    from dataclasses import replace

    from mzdesk.services.certificate_settings import certificate_settings, set_certificate_settings
    from mzdesk.services.institutions import list_institutions

    store, actor = open_as_user(ctx, db)
    known = list_institutions(store)
    if institution is not None:
        match = [i for i in known if i.name == institution.strip()]
    elif actor.institution_id is not None:
        match = [i for i in known if i.id == actor.institution_id]
    else:
        match = known if len(known) == 1 else []
    if not match:
        fail(text("cli.cert.which_institution", name=institution or ""))
    target = match[0]
    current = certificate_settings(store, target.id)
    wanted = replace(
        current,
        full_id=current.full_id if full_id is None else full_id,
        total_hours=current.total_hours if total_hours is None else total_hours,
        issuer=current.issuer if issuer is None else issuer,
    )
    if wanted != current:
        current = set_certificate_settings(store, actor, target.id, wanted)
    echo(
        text(
            "cli.cert.settings",
            institution=target.name,
            id_number=text("cli.cert.full_id" if current.full_id else "cli.cert.masked_id"),
            hours=text("cli.cert.yes" if current.total_hours else "cli.cert.no"),
            issuer=current.issuer or target.name,
        )
    )


COMMANDS: tuple[click.Command, ...] = (
    print_group,
    verify_certificate_command,
    certificates_group,
)
