"""Data commands: create an institution, write demo data, import and export rosters, write
empty import templates."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mzdesk.cli.common import (
    check_table_suffix,
    db_option,
    open_as_user,
    terminal_progress,
)
from mzdesk.cli.output import echo
from mzdesk.core.i18n import text
from mzdesk.core.vocab import InstitutionKind

KIND_CHOICE = click.Choice(
    [
        "institutions",
        "beds",
        "residents",
        "workers",
        "certificates",
        "training",
        "hazards",
        "children",
    ]
)


@click.command()
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
    from mzdesk.services.institutions import InstitutionData
    from mzdesk.services.users import NewUser, set_up_institution

    store, actor = open_as_user(ctx, db, create=True)
    set_up_institution(
        store,
        actor,
        InstitutionData(name=name, kind=InstitutionKind(kind), region_code=region),
        NewUser(admin, admin, password),
    )
    echo(text("cli.init.done", name=name, admin=admin, path=store.path))


@click.command()
@db_option
@click.option(
    "--scale",
    type=click.Choice(["site", "city"]),
    default="site",
    show_default=True,
    help="site：一家约150床的养老院；city：约100家机构、10000张床位",
)
@click.option(
    "--kind",
    type=click.Choice(["nursing_home", "children_home"]),
    default="nursing_home",
    show_default=True,
    help="site 的机构类型：养老院，或儿童福利院（含儿童的接收、养育、安置等记录）",
)
@click.option("--seed", type=int, default=2026, show_default=True, help="随机种子（结果可重现）")
@click.pass_context
def demo(ctx: click.Context, db: Path | None, scale: str, kind: str, seed: int) -> None:
    """写入演示数据。Write realistic demo data."""
    from mzdesk.services.demo.generate import Scale, generate

    store, actor = open_as_user(ctx, db, create=True)
    with terminal_progress() as bar:
        summary = generate(
            store, actor, Scale(scale), seed=seed, progress=bar, kind=InstitutionKind(kind)
        )
    echo(
        text(
            "cli.demo.done",
            path=store.path,
            institutions=summary.institutions,
            beds=summary.beds,
            residents=summary.residents,
            workers=summary.workers,
        )
    )
    if summary.admin_username:
        echo(
            text(
                "cli.demo.login",
                username=summary.admin_username,
                password=summary.admin_password,
            )
        )


@click.command("import")
@click.argument("kind", type=KIND_CHOICE)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="只导入无误的行，并列出跳过的行。Import only the valid rows.",
)
@click.option(
    "--institution",
    default=None,
    help="表中没有机构名称列时导入到的机构。The institution for a sheet without 机构名称.",
)
@click.pass_context
def import_(
    ctx: click.Context,
    kind: str,
    file: Path,
    db: Path | None,
    skip_invalid: bool,
    institution: str | None,
) -> None:
    """从 .xlsx 或 .csv 导入名册、培训签到表或隐患排查整改台账。Import a roster or ledger."""
    from mzdesk.services.tables.columns import Kind
    from mzdesk.services.tables.importers.base import ImportRejected
    from mzdesk.services.tables.importing import import_file

    store, actor = open_as_user(ctx, db, create=True)
    try:
        with terminal_progress() as bar:
            report = import_file(
                store,
                actor,
                Kind(kind),
                file,
                skip_invalid=skip_invalid,
                progress=bar,
                institution=institution,
            )
    except ImportRejected as rejected:
        problems = rejected.report.problems
        echo(text("cli.import.rejected", file=file.name, count=len(problems)), err=True)
        for problem in problems:
            echo(f"  {problem}", err=True)
        if rejected.report.rows:
            echo(text("cli.import.fix_or_skip"), err=True)
        sys.exit(1)
    echo(report.summary())
    if report.ignored_columns:
        echo(
            text(
                "cli.import.ignored_columns",
                columns=text("list.separator").join(report.ignored_columns),
            )
        )
    for problem in report.problems:
        echo("  " + text("cli.import.skipped", problem=problem))


_OUT_OPTION = click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="输出文件（.xlsx 或 .csv）",
)


@click.command()
@click.argument("kind", type=KIND_CHOICE)
@_OUT_OPTION
@db_option
@click.pass_context
def export(ctx: click.Context, kind: str, out: Path, db: Path | None) -> None:
    """导出为 .xlsx 或 .csv（可再导入）。Export a roster."""
    from mzdesk.services.tables.columns import Kind
    from mzdesk.services.tables.writing import export_table

    check_table_suffix(out)
    store, actor = open_as_user(ctx, db)
    count = export_table(store, Kind(kind), out, actor)
    echo(text("cli.export.done", count=count, path=out))


@click.command()
@click.argument("kind", type=KIND_CHOICE)
@_OUT_OPTION
def template(kind: str, out: Path) -> None:
    """生成空白导入模板。Write an empty import template."""
    from mzdesk.services.tables.columns import Kind
    from mzdesk.services.tables.writing import write_template

    check_table_suffix(out)
    write_template(Kind(kind), out)
    echo(text("cli.template.done", path=out))


COMMANDS: tuple[click.Command, ...] = (init, demo, import_, export, template)
