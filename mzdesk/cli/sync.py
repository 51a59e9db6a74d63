"""``mzdesk sync``: this computer's side of sync, over the network or by USB bundle."""

from __future__ import annotations

from pathlib import Path

import click

from mzdesk.cli.common import db_option, fail, open_local_store


@click.group(invoke_without_command=True)
@db_option
@click.option("--server", "server_url", default=None, help="服务器地址，如 http://10.0.0.5:8760")
@click.option("--enroll", "code", default=None, help="一次性注册码（首次同步时）")
@click.option("--name", "device_name", default=None, help="本设备名称（注册时）")
@click.pass_context
def sync(
    ctx: click.Context,
    db: Path | None,
    server_url: str | None,
    code: str | None,
    device_name: str | None,
) -> None:
    """与中心服务器同步（先推送本地修改，再拉取）。Sync with the central server."""
    if ctx.invoked_subcommand is not None:
        # ``sync --db X status`` means the same as ``sync status --db X``
        ctx.obj["db"] = db or ctx.obj["db"]
        return
    import asyncio
    import socket

    from mzdesk.sync.client import SyncClient, SyncFailure, enroll

    store = open_local_store(ctx, db)
    try:
        if code:
            if not server_url:
                fail("注册时需要 --server 服务器地址")
            reply = asyncio.run(
                enroll(store, server_url, code, device_name or socket.gethostname())
            )
            click.echo(f"已注册，设备 {reply['device_id']}，{len(reply['institutions'])} 家机构")
        report = asyncio.run(SyncClient(store).sync())
    except SyncFailure as failure:
        fail(f"同步失败：{failure.message}（本地修改都还在，稍后可再同步）")
    click.echo(
        f"同步完成：推送 {report.pushed} 条（"
        + "，".join(f"{k} {v}" for k, v in sorted(report.outcomes.items()))
        + f"），拉取 {report.pulled} 条"
    )


@sync.command("status")
@db_option
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
@click.pass_context
def sync_status(ctx: click.Context, db: Path | None, as_json: bool) -> None:
    """同步状态：最近同步、待发送、冲突、隔离、时钟偏差。Sync status."""
    import json

    from mzdesk.sync.state import status

    figures = status(open_local_store(ctx, db))
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(
        f"服务器 {figures['server'] or '未注册'}；最近同步 {figures['last_sync'] or '从未'}；"
        f"待发送 {figures['pending']}；待处理冲突 {figures['conflicts']}；"
        f"被拒收（隔离） {figures['quarantined']}；时钟偏差 {figures['clock_offset_s']} 秒"
    )
    if figures["last_error"]:
        click.echo(f"上次错误：{figures['last_error']}")


@sync.command("export-bundle")
@db_option
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def sync_export_bundle(ctx: click.Context, db: Path | None, out: Path) -> None:
    """把待发送的修改导出为 USB 同步包。Export pending changes to a bundle file."""
    from mzdesk.core.bundle import BundleError
    from mzdesk.sync.bundles import export_bundle

    store = open_local_store(ctx, db)
    try:
        data, count = export_bundle(store)
    except BundleError as error:
        fail(f"无法导出：{error}")
    out.write_bytes(data)
    click.echo(f"已写入 {out}：{count} 条修改")


@sync.command("import-bundle")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.pass_context
def sync_import_bundle(ctx: click.Context, file: Path, db: Path | None) -> None:
    """导入服务器发来的 USB 同步包。Import a bundle from the server."""
    from mzdesk.core.bundle import BundleError
    from mzdesk.sync.bundles import import_bundle

    store = open_local_store(ctx, db)
    try:
        summary = import_bundle(store, file.read_bytes())
    except BundleError as error:
        fail(f"同步包被拒绝：{error}")
    click.echo(f"已导入 {summary['items']} 条记录；处理结果 {summary.get('applied', 0)} 条已确认")


@sync.command("enroll-file")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--code", required=True, help="与离线注册文件一起给出的注册码")
@db_option
@click.pass_context
def sync_enroll_file(ctx: click.Context, file: Path, code: str, db: Path | None) -> None:
    """用离线注册文件注册（没有网络的站点）。Enrol from an offline enrolment file."""
    from mzdesk.core.bundle import BundleError
    from mzdesk.sync.bundles import enrol_from_file

    store = open_local_store(ctx, db)
    try:
        summary = enrol_from_file(store, file.read_bytes(), code)
    except BundleError as error:
        fail(f"注册文件被拒绝：{error}")
    click.echo(f"已注册，设备 {summary['device_id']}，收到 {summary['items']} 条记录")


COMMANDS: tuple[click.Command, ...] = (sync,)
