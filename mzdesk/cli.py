"""The ``mzdesk`` command. Without a sub-command it opens the desktop app; the sub-commands
work headless over the same services, so anything the app does to data can be scripted."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from mzdesk import __version__
from mzdesk.core.errors import MzdeskError, ValidationError
from mzdesk.core.i18n import set_language
from mzdesk.core.vocab import InstitutionKind, UserRole
from mzdesk.store.engine import Store, default_db_path, open_store

F = TypeVar("F", bound=Callable[..., Any])

KIND_CHOICE = click.Choice(["institutions", "beds", "residents", "workers"])


def db_option(function: F) -> F:
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="MZDESK_DB",
        default=None,
        help="数据库文件（默认：用户数据目录下的 mzdesk.db）。Database file.",
    )(function)


def _open(db: Path | None) -> Store:
    return open_store(db or default_db_path())


class _TerminalProgress:
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
def _progress() -> Iterator[_TerminalProgress]:
    bar = _TerminalProgress()
    try:
        yield bar
    finally:
        bar.close()


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(1)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@click.option(
    "--lang", type=click.Choice(["zh", "en"]), default=None, help="界面与消息语言。Language."
)
@click.version_option(__version__, prog_name="mzdesk")
@click.pass_context
def main(ctx: click.Context, db: Path | None, lang: str | None) -> None:
    """民政桌面 mzdesk：养老机构与儿童福利机构的住户、床位、培训与安全检查管理。

    不带子命令时打开桌面程序。Without a sub-command, opens the desktop app.
    """
    set_language("en" if lang == "en" else "zh")
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["lang"] = lang
    if ctx.invoked_subcommand is None:
        from mzdesk.gui.app import run_app

        sys.exit(run_app(db or default_db_path(), language=lang))


@main.command()
@db_option
@click.option(
    "--screenshot",
    "screenshot",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="把每个主页面渲染成 PNG 保存到此文件夹后退出。Render every page to PNG and exit.",
)
@click.pass_context
def gui(ctx: click.Context, db: Path | None, screenshot: Path | None) -> None:
    """打开桌面程序（同不带子命令）。Open the desktop app."""
    from mzdesk.gui.app import run_app

    if screenshot is not None and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.exit(
        run_app(
            db or ctx.obj["db"] or default_db_path(),
            language=ctx.obj["lang"],
            screenshot_dir=screenshot,
        )
    )


@main.command()
@db_option
@click.option("--name", prompt="机构名称", help="机构名称")
@click.option(
    "--kind",
    type=click.Choice([k.value for k in InstitutionKind]),
    default=InstitutionKind.NURSING_HOME.value,
    show_default=True,
    help="nursing_home（养老机构）或 children_home（儿童福利机构）",
)
@click.option("--region", default=None, help="行政区划代码（6位）")
@click.option("--admin", "admin", prompt="管理员用户名", default="admin", help="管理员用户名")
@click.option(
    "--password", prompt="管理员密码", hide_input=True, confirmation_prompt=True, help="管理员密码"
)
@click.pass_context
def init(
    ctx: click.Context,
    db: Path | None,
    name: str,
    kind: str,
    region: str | None,
    admin: str,
    password: str,
) -> None:
    """创建机构与管理员账号。Create an institution and its administrator."""
    from mzdesk.services.institutions import InstitutionData, create_institution, create_user

    store = _open(db or ctx.obj["db"])
    try:
        institution = create_institution(
            store, InstitutionData(name=name, kind=InstitutionKind(kind), region_code=region)
        )
        create_user(store, institution.id, admin, admin, password, UserRole.ADMIN)
    except ValidationError as error:
        _fail("\n".join(f"{_field_label(p.field)}: {p.message}" for p in error.problems))
    click.echo(f"已创建机构「{name}」和管理员「{admin}」。数据库：{store.path}")


_FIELD_LABELS = {
    "name": "机构名称",
    "region_code": "行政区划代码",
    "username": "用户名",
    "password": "密码",
}


def _field_label(field: str) -> str:
    return _FIELD_LABELS.get(field, field)


@main.command()
@db_option
@click.option(
    "--scale",
    type=click.Choice(["site", "city"]),
    default="site",
    show_default=True,
    help="site：一家约150床的养老院；city：约100家机构、10000张床位",
)
@click.option("--seed", type=int, default=2026, show_default=True, help="随机种子（结果可重现）")
@click.pass_context
def demo(ctx: click.Context, db: Path | None, scale: str, seed: int) -> None:
    """写入演示数据。Write realistic demo data."""
    from mzdesk.services.demo import Scale, generate

    store = _open(db or ctx.obj["db"])
    with _progress() as bar:
        summary = generate(store, Scale(scale), seed=seed, progress=bar)
    click.echo(
        f"演示数据已写入 {store.path}：机构{summary.institutions}家，床位{summary.beds}张，"
        f"住户{summary.residents}人，工作人员{summary.workers}人。"
    )
    if summary.admin_username:
        click.echo(f"登录：{summary.admin_username} / {summary.admin_password}")


@main.command("import")
@click.argument("kind", type=KIND_CHOICE)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="只导入无误的行，并列出跳过的行。Import only the valid rows.",
)
@click.pass_context
def import_(ctx: click.Context, kind: str, file: Path, db: Path | None, skip_invalid: bool) -> None:
    """从 .xlsx 或 .csv 导入机构、床位、住户或护理员。Import a roster."""
    from mzdesk.services.tables.columns import Kind
    from mzdesk.services.tables.importing import ImportRejected, import_file

    store = _open(db or ctx.obj["db"])
    try:
        with _progress() as bar:
            report = import_file(store, Kind(kind), file, skip_invalid=skip_invalid, progress=bar)
    except ImportRejected as rejected:
        problems = rejected.report.problems
        click.echo(f"未导入任何数据：{file.name} 有{len(problems)}处错误。", err=True)
        for problem in problems:
            click.echo(f"  {problem}", err=True)
        if rejected.report.rows:
            click.echo("修正后重新导入，或使用 --skip-invalid 只导入无误的行。", err=True)
        sys.exit(1)
    click.echo(report.summary())
    if report.ignored_columns:
        click.echo(f"未识别的列（已忽略）：{'、'.join(report.ignored_columns)}")
    for problem in report.problems:
        click.echo(f"  跳过 {problem}")


@main.command()
@click.argument("kind", type=KIND_CHOICE)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="输出文件（.xlsx 或 .csv）",
)
@db_option
@click.pass_context
def export(ctx: click.Context, kind: str, out: Path, db: Path | None) -> None:
    """导出为 .xlsx 或 .csv（可再导入）。Export a roster."""
    from mzdesk.services.tables.columns import Kind
    from mzdesk.services.tables.writing import export_table

    _check_suffix(out)
    count = export_table(_open(db or ctx.obj["db"]), Kind(kind), out)
    click.echo(f"已导出{count}行到 {out}")


@main.command()
@click.argument("kind", type=KIND_CHOICE)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="输出文件（.xlsx 或 .csv）",
)
def template(kind: str, out: Path) -> None:
    """生成空白导入模板。Write an empty import template."""
    from mzdesk.services.tables.columns import Kind
    from mzdesk.services.tables.writing import write_template

    _check_suffix(out)
    write_template(Kind(kind), out)
    click.echo(f"已生成模板 {out}")


@main.group()
def stats() -> None:
    """统计。Statistics."""


@stats.command("beds")
@db_option
@click.option("--institution", default=None, help="机构名称（只统计这一家）")
@click.option("--region", default=None, help="行政区划代码或其前缀，如 370212 或 3702")
@click.option("--as-of", "as_of", default=None, help="统计日期 yyyy-MM-dd（默认今天）")
@click.option("--json", "as_json", is_flag=True, help="输出一个 JSON 对象。Print one JSON object.")
@click.pass_context
def stats_beds(
    ctx: click.Context,
    db: Path | None,
    institution: str | None,
    region: str | None,
    as_of: str | None,
    as_json: bool,
) -> None:
    """床位统计：床位数、护理型床位占比、入住率、社会力量运营床位占比等。Bed statistics."""
    import json

    from mzdesk.core.dates import parse_date
    from mzdesk.services.institutions import list_institutions
    from mzdesk.stats.beds.asof import Scope
    from mzdesk.stats.beds.figures import bed_statistics

    store = _open(db or ctx.obj["db"])
    day = parse_date(as_of, field="--as-of") if as_of else None
    institution_id = None
    if institution:
        match = [i for i in list_institutions(store) if i.name == institution.strip()]
        if not match:
            _fail(f"找不到机构「{institution}」")
        institution_id = match[0].id
    prefix = region.strip() if region else None
    if prefix is not None and not (prefix.isdigit() and 2 <= len(prefix) <= 6):
        _fail("--region 应为2到6位数字的行政区划代码或其前缀")
    figures = bed_statistics(store, Scope(institution_id, prefix, day))
    if as_json:
        click.echo(json.dumps(figures.as_json(), ensure_ascii=False, indent=2))
        return
    area = institution or (f"区划{prefix}" if prefix else "全部")
    lines = [
        f"床位统计（{area}，截至 {figures.as_of.isoformat()}）",
        f"  机构 {figures.institutions} 家："
        + "，".join(f"{k}{v}家" for k, v in figures.institutions_by_kind.items()),
        f"  床位 {figures.total_beds} 张："
        + "，".join(f"{t.zh}{n}张" for t, n in figures.beds_by_type.items()),
        f"  护理型床位（含认知障碍照护）{figures.nursing_beds} 张，占比 {figures.nursing_share.pct}"
        f"（{figures.nursing_share.numerator}/{figures.nursing_share.denominator}）",
        f"  在用床位 {figures.beds_in_service} 张，入住 {figures.occupied_beds} 张，"
        f"入住率 {figures.occupancy.pct}",
        f"  社会力量举办或经营床位 {figures.social_operated_beds} 张，"
        f"占比 {figures.social_operated_share.pct}",
        f"  家庭养老床位 {figures.home_care_beds} 张（不计入机构床位）",
        "",
        figures.sentence(f"区划{prefix}" if prefix and not institution else "") + "。",
    ]
    click.echo("\n".join(lines))


def _check_suffix(path: Path) -> None:
    if path.suffix.lower() not in (".xlsx", ".csv"):
        _fail(f"不支持的文件类型「{path.suffix}」，请使用 .xlsx 或 .csv")


def run() -> None:
    """Entry point that turns expected errors into a message instead of a traceback."""
    try:
        main(standalone_mode=True)
    except MzdeskError as error:
        _fail(str(error))


if __name__ == "__main__":
    run()


# ---------------------------------------------------------------- central server


def _server_url(db: str | None) -> str:
    """A database URL, or a plain file path meaning SQLite."""
    if not db:
        import platformdirs

        path = platformdirs.user_data_path("mzdesk", appauthor=False) / "mzdesk-server.db"
        return f"sqlite:///{path}"
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).resolve()}"


def server_db_option(function: F) -> F:
    return click.option(
        "--db",
        "db",
        envvar="MZDESK_SERVER_DB",
        default=None,
        help="服务器数据库 URL（sqlite:///… 或 postgresql+psycopg://…）或文件路径。"
        "Server database.",
    )(function)


def _server_db(db: str | None) -> Any:
    from mzdesk.server.db import open_server_db

    try:
        return open_server_db(_server_url(db))
    except Exception as error:  # a wrong URL, an unreachable PostgreSQL: say so plainly
        _fail(f"无法打开服务器数据库 {_server_url(db)}：{error}")


@main.command()
@server_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址")
@click.option("--port", default=8760, show_default=True, type=int, help="端口")
def serve(db: str | None, host: str, port: int) -> None:
    """运行中心服务器（FastAPI + uvicorn）。Run the central sync server."""
    from mzdesk.server.app import serve as run

    url = _server_url(db)
    _server_db(db).close()  # migrate and fail early with a clear message
    click.echo(f"mzdesk server on http://{host}:{port} (database {url.split('@')[-1]})", err=True)
    run(url, host, port)


@main.group()
def server() -> None:
    """中心服务器管理：机构、设备注册码、设备、USB 同步包。Server administration."""


def _server_call(function: Callable[[], Any]) -> Any:
    from mzdesk.core.bundle import BundleError
    from mzdesk.server.errors import SyncError

    try:
        return function()
    except SyncError as error:
        _fail(f"失败：{error.message}")
    except BundleError as error:
        _fail(f"同步包被拒绝：{error}")


@server.command("add-institution")
@server_db_option
@click.option("--name", required=True, help="机构名称")
@click.option(
    "--kind",
    type=click.Choice(["nursing_home", "children_home"]),
    required=True,
    help="机构类型",
)
@click.option("--region", default=None, help="行政区划代码（6位）")
def server_add_institution(db: str | None, name: str, kind: str, region: str | None) -> None:
    """在服务器上新建机构。Add an institution on the server."""
    from mzdesk.server.admin import add_institution

    if region is not None and not (region.isdigit() and len(region) == 6):
        _fail("--region 应为6位数字的行政区划代码")
    store = _server_db(db)
    inst = _server_call(lambda: add_institution(store, name, kind, region))
    click.echo(f"已新建机构「{name.strip()}」{inst}")


@server.command("enroll")
@server_db_option
@click.option("--institution", default=None, help="机构名称：该机构的电脑")
@click.option("--region", default=None, help="行政区划代码前缀：该区划内所有机构（民政局）")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="离线注册文件（给完全没有网络的站点，用U盘带去；注册码另行告知）",
)
@click.option("--name", "device_name", default="离线站点", help="离线注册时的设备名称")
def server_enroll(
    db: str | None, institution: str | None, region: str | None, out: Path | None, device_name: str
) -> None:
    """生成一次性设备注册码（最后一行）。Print a one-time enrolment code as the last line."""
    from mzdesk.server.admin import ENROLLMENT_DAYS, create_enrollment
    from mzdesk.server.bundles import enrol_offline

    if (institution is None) == (region is None):
        _fail("请给出 --institution 或 --region 之一")
    if region is not None and not (region.isdigit() and 2 <= len(region) <= 6):
        _fail("--region 应为2到6位数字的行政区划代码或其前缀")
    store = _server_db(db)
    if out is not None:
        code, data = _server_call(
            lambda: enrol_offline(
                store, institution=institution, region=region, device_name=device_name
            )
        )
        out.write_bytes(data)
        click.echo(f"已写入离线注册文件 {out}；站点用它和下面的注册码注册：", err=True)
        click.echo(code)
        return
    code = _server_call(lambda: create_enrollment(store, institution=institution, region=region))
    click.echo(f"注册码 {ENROLLMENT_DAYS} 天内有效，只能使用一次：", err=True)
    click.echo(code)


@server.command("devices")
@server_db_option
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
def server_devices(db: str | None, as_json: bool) -> None:
    """列出已注册的设备。List enrolled devices."""
    import json

    from mzdesk.server.admin import list_devices

    devices = list_devices(_server_db(db))
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "id": str(d.id),
                        "name": d.name,
                        "scope": d.scope,
                        "enrolled_at": d.enrolled_at.isoformat(timespec="seconds"),
                        "last_seen_at": d.last_seen_at.isoformat(timespec="seconds")
                        if d.last_seen_at
                        else None,
                        "revoked": d.revoked,
                    }
                    for d in devices
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for d in devices:
        seen = d.last_seen_at.strftime("%Y-%m-%d %H:%M") if d.last_seen_at else "从未同步"
        mark = "  [已吊销]" if d.revoked else ""
        click.echo(f"{d.id}  {d.name}  {d.scope}  最近同步 {seen}{mark}")


@server.command("revoke")
@click.argument("device")
@server_db_option
def server_revoke(device: str, db: str | None) -> None:
    """吊销设备（按 ID 或名称）。Revoke a device."""
    from mzdesk.server.admin import revoke

    store = _server_db(db)
    _server_call(lambda: revoke(store, device))
    click.echo(f"已吊销设备 {device}；它未发送的修改仍保留在它本地。")


@server.command("import-bundle")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@server_db_option
def server_import_bundle(file: Path, db: str | None) -> None:
    """导入站点的 USB 同步包。Import a site's sync bundle."""
    from mzdesk.server.bundles import import_bundle

    store = _server_db(db)
    data = file.read_bytes()
    summary = _server_call(lambda: import_bundle(store, data))
    click.echo(
        f"已导入设备「{summary['device_name']}」的 {summary['changes']} 条修改："
        f"应用 {summary.get('applied', 0)}，冲突 {summary.get('conflict', 0)}，"
        f"拒收 {summary.get('rejected', 0)}"
    )


@server.command("export-bundle")
@click.option("--device", required=True, help="设备 ID 或名称")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@server_db_option
def server_export_bundle(device: str, out: Path, db: str | None) -> None:
    """为设备导出 USB 同步包（它尚未收到的数据与处理结果）。Export a bundle for a device."""
    from mzdesk.server.bundles import export_bundle

    store = _server_db(db)
    data = _server_call(lambda: export_bundle(store, device))
    out.write_bytes(data)
    click.echo(f"已写入 {out}（{len(data)} 字节）")


# ---------------------------------------------------------------- sync (client)


@main.group(invoke_without_command=True)
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
        ctx.obj["sync_db"] = db
        return
    import asyncio
    import socket

    from mzdesk.sync.client import SyncClient, SyncFailure, enroll

    store = _open(db or ctx.obj["db"])
    try:
        if code:
            if not server_url:
                _fail("注册时需要 --server 服务器地址")
            assert server_url is not None
            reply = asyncio.run(
                enroll(store, server_url, code, device_name or socket.gethostname())
            )
            click.echo(f"已注册，设备 {reply['device_id']}，{len(reply['institutions'])} 家机构")
        report = asyncio.run(SyncClient(store).sync())
    except SyncFailure as failure:
        _fail(f"同步失败：{failure.message}（本地修改都还在，稍后可再同步）")
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

    from mzdesk.sync import status

    figures = status.sync_status(_open(db or ctx.obj.get("sync_db") or ctx.obj["db"]))
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

    store = _open(db or ctx.obj.get("sync_db") or ctx.obj["db"])
    try:
        data, count = export_bundle(store)
    except BundleError as error:
        _fail(f"无法导出：{error}")
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

    store = _open(db or ctx.obj.get("sync_db") or ctx.obj["db"])
    try:
        summary = import_bundle(store, file.read_bytes())
    except BundleError as error:
        _fail(f"同步包被拒绝：{error}")
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

    store = _open(db or ctx.obj.get("sync_db") or ctx.obj["db"])
    try:
        summary = enrol_from_file(store, file.read_bytes(), code)
    except BundleError as error:
        _fail(f"注册文件被拒绝：{error}")
    click.echo(f"已注册，设备 {summary['device_id']}，收到 {summary['items']} 条记录")
