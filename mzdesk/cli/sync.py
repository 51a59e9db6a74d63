"""``mzdesk sync``: this computer's side of sync, over the network or by USB bundle."""

from __future__ import annotations

from pathlib import Path

import click

from mzdesk.cli.common import db_option, fail, open_as_user
from mzdesk.cli.output import echo
from mzdesk.core.i18n import text


@click.group(invoke_without_command=True)
@db_option
@click.option("--server", "server_url", default=None, help="服务器地址，如 http://10.0.0.5:8760")
@click.option("--enroll", "code", default=None, help="一次性注册码（首次同步时）")
@click.option("--name", "device_name", default=None, help="本设备名称（注册时）")
@click.option(
    "--ca",
    "ca_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="注册时：服务器证书的私有 CA（PEM 文件），之后每次同步都用它验证服务器。"
    "A private CA for the server's certificate.",
)
@click.option(
    "--pin",
    default=None,
    help="注册时：服务器证书的 SHA-256 指纹（64 位十六进制）。The server certificate's SHA-256.",
)
@click.pass_context
def sync(
    ctx: click.Context,
    db: Path | None,
    server_url: str | None,
    code: str | None,
    device_name: str | None,
    ca_file: Path | None,
    pin: str | None,
) -> None:
    """与中心服务器同步（先推送本地修改，再拉取）。Sync with the central server."""
    if ctx.invoked_subcommand is not None:
        # ``sync --db X status`` means the same as ``sync status --db X``
        ctx.obj["db"] = db or ctx.obj["db"]
        return
    import asyncio
    import socket

    from mzdesk.sync.client import SyncClient, SyncFailure, enroll

    if (ca_file or pin) and not code:
        fail(text("cli.sync.tls_needs_enroll"))
    ca_pem = None
    if ca_file is not None:
        try:
            ca_pem = ca_file.read_text(encoding="ascii")
        except (OSError, UnicodeDecodeError) as error:
            fail(text("cli.sync.ca_unreadable", path=ca_file, error=error))
    store, actor = open_as_user(ctx, db, create=True)
    try:
        if code:
            if not server_url:
                fail(text("cli.sync.needs_server"))
            reply = asyncio.run(
                enroll(
                    store,
                    actor,
                    server_url,
                    code,
                    device_name or socket.gethostname(),
                    ca_pem=ca_pem,
                    pin=pin,
                )
            )
            echo(
                text(
                    "cli.sync.enrolled",
                    device=reply["device_id"],
                    count=len(reply["institutions"]),
                )
            )
        report = asyncio.run(SyncClient(store, actor).sync())
    except SyncFailure as failure:
        fail(text("cli.sync.failed", message=failure.message))
    outcomes = text("list.separator").join(f"{k} {v}" for k, v in sorted(report.outcomes.items()))
    code = "cli.sync.done_outcomes" if outcomes else "cli.sync.done"  # no empty brackets
    echo(text(code, pushed=report.pushed, outcomes=outcomes, pulled=report.pulled))
    if report.files.sent or report.files.received or report.files.failed:
        echo(
            text(
                "sync.files.done",
                sent=report.files.sent,
                received=report.files.received,
                failed=report.files.failed,
            )
        )


@sync.command("status")
@db_option
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@click.pass_context
def sync_status(ctx: click.Context, db: Path | None, as_json: bool) -> None:
    """同步状态：最近同步、待发送、冲突、隔离、时钟偏差。Sync status."""
    import json

    from mzdesk.sync.status import sync_status as status

    store, _ = open_as_user(ctx, db)
    figures = status(store)
    if as_json:
        echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    echo(
        text(
            "cli.sync.status",
            server=figures["server"] or text("cli.sync.not_enrolled"),
            last_sync=figures["last_sync"] or text("cli.sync.never"),
            pending=figures["pending"],
            conflicts=figures["conflicts"],
            quarantined=figures["quarantined"],
            offset=figures["clock_offset_s"],
        )
    )
    if figures["files_to_send"] or figures["files_to_fetch"]:
        echo(
            text("sync.files.pending", up=figures["files_to_send"], down=figures["files_to_fetch"])
        )
    if figures["last_error"]:
        echo(text("cli.sync.last_error", error=figures["last_error"]))


@sync.command("export-bundle")
@db_option
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def sync_export_bundle(ctx: click.Context, db: Path | None, out: Path) -> None:
    """把待发送的修改导出为 USB 同步包。Export pending changes to a bundle file."""
    from mzdesk.core.bundle import BundleError
    from mzdesk.core.private_files import write_private_file
    from mzdesk.sync.bundles import export_bundle

    store, actor = open_as_user(ctx, db)
    try:
        data, count = export_bundle(store, actor)
    except BundleError as error:
        fail(text("cli.bundle.export_failed", error=error))
    write_private_file(out, data)
    echo(text("cli.sync.bundle_written", path=out, count=count))


@sync.command("import-bundle")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.pass_context
def sync_import_bundle(ctx: click.Context, file: Path, db: Path | None) -> None:
    """导入服务器发来的 USB 同步包。Import a bundle from the server."""
    from mzdesk.core.bundle import BundleError, check_size
    from mzdesk.sync.bundles import import_bundle

    store, actor = open_as_user(ctx, db)
    try:
        check_size(file.stat().st_size)
        summary = import_bundle(store, actor, file.read_bytes())
    except BundleError as error:
        fail(text("cli.bundle.rejected", error=error))
    echo(
        text(
            "cli.sync.bundle_imported",
            items=summary["items"],
            applied=summary.get("applied", 0),
        )
    )
    if summary.get("files"):
        echo(text("sync.files.bundle_site", n=summary["files"]))


@sync.command("enroll-file")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--code", required=True, help="与离线注册文件一起给出的注册码")
@db_option
@click.pass_context
def sync_enroll_file(ctx: click.Context, file: Path, code: str, db: Path | None) -> None:
    """用离线注册文件注册（没有网络的站点）。Enrol from an offline enrolment file."""
    from mzdesk.core.bundle import BundleError, check_size
    from mzdesk.sync.bundles import enrol_from_file

    store, actor = open_as_user(ctx, db, create=True)
    try:
        check_size(file.stat().st_size)
        summary = enrol_from_file(store, actor, file.read_bytes(), code)
    except BundleError as error:
        fail(text("cli.enrolment_file.rejected", error=error))
    echo(text("cli.sync.enrolled_from_file", device=summary["device_id"], items=summary["items"]))


COMMANDS: tuple[click.Command, ...] = (sync,)
