"""The central server: ``mzdesk serve`` runs it; ``mzdesk server …`` administers its database
(institutions, enrolment codes, devices, USB bundles)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from mzdesk.cli.common import F, check_region_prefix, fail
from mzdesk.cli.output import echo
from mzdesk.core.i18n import text

if TYPE_CHECKING:
    from mzdesk.server.db import ServerDB

T = TypeVar("T")
KEY_FILE_ENV = "MZDESK_SERVER_KEY_FILE"  # server/keys.py reads it


def _server_url(db: str | None) -> str:
    """A database URL, or a plain file path meaning SQLite."""
    if not db:
        import platformdirs

        path = platformdirs.user_data_path("mzdesk", appauthor=False) / "mzdesk-server.db"
        return f"sqlite:///{path}"
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).resolve()}"


def _key_file(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    """``--key-file``: handed on through the environment, so every process of the server
    (and ``ServerDB``) finds the same file."""
    if value is not None:
        os.environ[KEY_FILE_ENV] = str(value)


def server_db_option(function: F) -> F:
    function = click.option(
        "--key-file",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar=KEY_FILE_ENV,
        default=None,
        expose_value=False,
        callback=_key_file,
        help="服务器密钥文件（PostgreSQL 必填；SQLite 默认为数据库旁的 <数据库>.key）。"
        "Server key file.",
    )(function)
    return click.option(
        "--db",
        "db",
        envvar="MZDESK_SERVER_DB",
        default=None,
        help="服务器数据库 URL（sqlite:///… 或 postgresql+psycopg://…）或文件路径。"
        "Server database.",
    )(function)


def _server_db(db: str | None) -> ServerDB:
    from mzdesk.server.db import open_server_db
    from mzdesk.server.keys import ServerKeyError

    try:
        return open_server_db(_server_url(db))
    except ServerKeyError as error:
        fail(str(error))
    except Exception as error:  # a wrong URL, an unreachable PostgreSQL: say so plainly
        fail(text("cli.server.db_unavailable", url=_server_url(db), error=error))


def _server_call(function: Callable[[], T]) -> T:
    from mzdesk.core.bundle import BundleError
    from mzdesk.server.errors import SyncError

    try:
        return function()
    except SyncError as error:
        fail(text("cli.server.refused", message=error.shown()))
    except BundleError as error:
        fail(text("cli.bundle.rejected", error=error))


@click.group()
def server() -> None:
    """中心服务器管理：机构、设备注册码、设备、USB 同步包。Server administration."""


def _check_region(region: str | None) -> None:
    if region is not None and not (region.isdigit() and len(region) == 6):
        fail(text("cli.region_code"))


@server.command("add-institution")
@server_db_option
@click.option("--name", required=True, help="机构名称（不能与已有机构重名）")
@click.option(
    "--kind",
    type=click.Choice(["nursing_home", "children_home"]),
    required=True,
    help="机构类型",
)
@click.option("--region", default=None, help="行政区划代码（6位）")
@click.option(
    "--credit-code", default=None, help="统一社会信用代码（18位，可选；不能与已有机构相同）"
)
def server_add_institution(
    db: str | None, name: str, kind: str, region: str | None, credit_code: str | None
) -> None:
    """在服务器上新建机构（机构只能由服务器管理员新建）。Add an institution on the server."""
    from mzdesk.server.admin import add_institution

    _check_region(region)
    store = _server_db(db)
    inst = _server_call(lambda: add_institution(store, name, kind, region, credit_code=credit_code))
    echo(text("cli.server.institution_added", name=name.strip(), id=inst))


@server.command("set-institution")
@click.argument("institution")
@server_db_option
@click.option("--name", default=None, help="新名称（改名；不能与其他机构重名）")
@click.option(
    "--kind", type=click.Choice(["nursing_home", "children_home"]), default=None, help="机构类型"
)
@click.option("--region", default=None, help="行政区划代码（6位；决定哪个民政局能看到它）")
@click.option("--credit-code", default=None, help="统一社会信用代码（18位）")
def server_set_institution(
    institution: str,
    db: str | None,
    name: str | None,
    kind: str | None,
    region: str | None,
    credit_code: str | None,
) -> None:
    """修改机构的名称、类型、区划代码或统一社会信用代码（只有服务器管理员能改；设备不能）。
    INSTITUTION 为机构 ID、统一社会信用代码或唯一的名称。
    Rename an institution or change its kind, region code or credit code."""
    from mzdesk.server.admin import set_institution

    _check_region(region)
    store = _server_db(db)
    inst = _server_call(
        lambda: set_institution(
            store, institution, name=name, kind=kind, region_code=region, credit_code=credit_code
        )
    )
    echo(text("cli.server.institution_set", name=(name or institution).strip(), id=inst))


@server.command("institutions")
@server_db_option
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
def server_institutions(db: str | None, as_json: bool) -> None:
    """列出服务器上的机构（ID、名称、类型、区划、统一社会信用代码）。List institutions."""
    import json

    from mzdesk.server.admin import list_institutions

    institutions = list_institutions(_server_db(db))
    if as_json:
        echo(
            json.dumps(
                [
                    {
                        "id": str(i.id),
                        "name": i.name,
                        "kind": i.kind,
                        "region_code": i.region_code,
                        "credit_code": i.credit_code,
                    }
                    for i in institutions
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for i in institutions:
        echo(
            text(
                "cli.institutions.line",
                id=i.id,
                name=i.name,
                kind=i.kind or "-",
                region=i.region_code or "-",
                code=i.credit_code or "-",
            )
        )


@server.command("enroll")
@server_db_option
@click.option(
    "--institution",
    default=None,
    help="该机构的电脑。机构 ID、统一社会信用代码，或唯一的机构名称（重名时拒绝并列出候选）",
)
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
        fail(text("cli.enroll.one_scope"))
    if region is not None:
        check_region_prefix(region)
    store = _server_db(db)
    if out is not None:
        code, data = _server_call(
            lambda: enrol_offline(
                store, institution=institution, region=region, device_name=device_name
            )
        )
        out.write_bytes(data)
        echo(text("cli.enroll.file_written", path=out), err=True)
        echo(code)
        return
    code = _server_call(lambda: create_enrollment(store, institution=institution, region=region))
    echo(text("cli.enroll.code", days=ENROLLMENT_DAYS), err=True)
    echo(code)


@server.command("devices")
@server_db_option
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
def server_devices(db: str | None, as_json: bool) -> None:
    """列出已注册的设备。List enrolled devices."""
    import json

    from mzdesk.server.admin import list_devices

    devices = list_devices(_server_db(db))
    if as_json:
        echo(
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
        seen = (
            d.last_seen_at.strftime("%Y-%m-%d %H:%M")
            if d.last_seen_at
            else text("cli.devices.never")
        )
        mark = text("cli.devices.revoked") if d.revoked else ""
        echo(text("cli.devices.line", id=d.id, name=d.name, scope=d.scope, seen=seen, mark=mark))


@server.command("revoke")
@click.argument("device")
@server_db_option
def server_revoke(device: str, db: str | None) -> None:
    """吊销设备（按 ID 或名称）。Revoke a device."""
    from mzdesk.server.admin import revoke

    store = _server_db(db)
    _server_call(lambda: revoke(store, device))
    echo(text("cli.revoke.done", device=device))


@server.command("import-bundle")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@server_db_option
def server_import_bundle(file: Path, db: str | None) -> None:
    """导入站点的 USB 同步包。Import a site's sync bundle."""
    from mzdesk.core.bundle import check_size
    from mzdesk.server.bundles import import_bundle

    store = _server_db(db)
    _server_call(lambda: check_size(file.stat().st_size))
    data = file.read_bytes()
    summary = _server_call(lambda: import_bundle(store, data))
    echo(
        text(
            "cli.server.bundle_imported",
            device=summary["device_name"],
            changes=summary["changes"],
            applied=summary.get("applied", 0),
            conflict=summary.get("conflict", 0),
            rejected=summary.get("rejected", 0),
        )
    )
    if summary.get("files_stored") or summary.get("files_refused"):
        echo(
            text(
                "sync.files.bundle_server",
                stored=summary.get("files_stored", 0),
                refused=summary.get("files_refused", 0),
            )
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
    echo(text("cli.server.bundle_written", path=out, size=len(data)))


COMMANDS: tuple[click.Command, ...] = (server,)
