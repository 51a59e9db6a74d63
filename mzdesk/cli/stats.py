"""``mzdesk stats``: the published figures, as text or JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from mzdesk.cli.common import check_region_prefix, db_option, fail, open_as_user
from mzdesk.cli.output import echo
from mzdesk.core.i18n import text

if TYPE_CHECKING:
    from mzdesk.stats.beds.asof import Scope
    from mzdesk.stats.children import ChildFigures
    from mzdesk.stats.hazards import HazardCounts
    from mzdesk.store.engine import Store

F = TypeVar("F", bound=Callable[..., Any])


@click.group()
def stats() -> None:
    """统计。Statistics."""


def _scope_options(command: F, *when: Callable[[Any], Any]) -> F:
    """The options every figure takes: the database, which institution or region, the day
    (or the options ``when`` gives instead), and JSON output."""
    day = click.option("--as-of", "as_of", default=None, help="统计日期 yyyy-MM-dd（默认今天）")
    options: tuple[Callable[[Any], Any], ...] = (
        db_option,
        click.option("--institution", default=None, help="机构名称（只统计这一家）"),
        click.option("--region", default=None, help="行政区划代码或其前缀，如 370212 或 3702"),
        *(when or (day,)),
        click.option(
            "--json", "as_json", is_flag=True, help="输出一个 JSON 对象。Print one JSON object."
        ),
        click.pass_context,
    )
    for option in reversed(options):
        command = option(command)
    return command


def _period_options(command: F) -> F:
    """As :func:`_scope_options`, with a period ``--from``/``--to`` instead of a day."""
    return _scope_options(
        command,
        click.option("--from", "start", required=True, help="起始日期 yyyy-MM-dd（含）"),
        click.option("--to", "end", required=True, help="截止日期 yyyy-MM-dd（含）"),
    )


def _scope(store: Store, institution: str | None, region: str | None, as_of: str | None) -> Scope:
    """What to count, from the options: an institution by name or a region prefix (checked),
    on a day (default today)."""
    from mzdesk.core.dates import parse_date
    from mzdesk.services.institutions import list_institutions
    from mzdesk.stats.beds.asof import Scope

    day = parse_date(as_of, field="--as-of") if as_of else None
    institution_id = None
    if institution:
        match = [i for i in list_institutions(store) if i.name == institution.strip()]
        if not match:
            fail(text("cli.stats.no_institution", name=institution))
        institution_id = match[0].id
    prefix = region.strip() if region else None
    if prefix is not None:
        check_region_prefix(prefix)
        from mzdesk.core.districts import division

        if division(prefix) is None:  # not an empty district: no district at all
            fail(text("districts.unknown", code=prefix))
    return Scope(institution_id, prefix, day)


@stats.command("beds")
@_scope_options
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

    from mzdesk.stats.beds.figures import bed_statistics

    store, _ = open_as_user(ctx, db)
    scope = _scope(store, institution, region, as_of)
    prefix = scope.region_prefix
    figures = bed_statistics(store, scope)
    if as_json:
        echo(json.dumps(figures.as_json(), ensure_ascii=False, indent=2))
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
    echo("\n".join(lines))


LISTED = 30  # names printed in the text summary before "等N人"; --json lists everyone


def _names(names: list[str]) -> str:
    shown = "、".join(names[:LISTED])
    return shown + (f" 等{len(names)}人" if len(names) > LISTED else "")


@stats.command("training")
@_scope_options
def stats_training(
    ctx: click.Context,
    db: Path | None,
    institution: str | None,
    region: str | None,
    as_of: str | None,
    as_json: bool,
) -> None:
    """护理员培训统计：岗前培训率、持证上岗率、证书到期、人均学时。Training statistics."""
    import json

    from mzdesk.stats.training import training_statistics

    store, _ = open_as_user(ctx, db)
    scope = _scope(store, institution, region, as_of)
    prefix = scope.region_prefix
    f = training_statistics(store, scope)
    if as_json:
        echo(json.dumps(f.as_json(), ensure_ascii=False, indent=2))
        return
    area = institution or (f"区划{prefix}" if prefix else "全部")
    prejob, certified = f.prejob_rate, f.certified_rate
    lines = [
        f"护理员培训统计（{area}，截至 {f.as_of.isoformat()}）",
        f"  在职护理员 {f.active_care_workers} 人（{f.institutions} 家机构）",
        f"  岗前培训率 {prejob.pct}（{prejob.numerator}/{prejob.denominator}）",
    ]
    if f.missing_prejob:
        lines.append("    未完成岗前培训：" + _names([w.name for w in f.missing_prejob]))
    lines.append(f"  持证上岗率 {certified.pct}（{certified.numerator}/{certified.denominator}）")
    if f.missing_certificate:
        lines.append("    未持有效技能证书：" + _names([w.name for w in f.missing_certificate]))
    lines.append(f"  {f.as_of.year}年培训学时：合计 {f.hours_total}，人均 {f.average_hours}")
    lines.append(f"  60天内到期的证书 {len(f.expiring_certificates)} 本")
    for c in f.expiring_certificates[:LISTED]:
        lines.append(f"    {c.expires_on.isoformat()}  {c.name}  {c.certificate}  {c.institution}")
    if len(f.per_institution) > 1:
        lines.append("  各机构：")
        for i in f.per_institution:
            lines.append(
                f"    {i.name}：护理员{i.active_care_workers}人，岗前培训率{i.prejob_rate.pct}，"
                f"持证上岗率{i.certified_rate.pct}，人均学时{i.average_hours}"
            )
    echo("\n".join(lines))


@stats.command("hazards")
@_period_options
def stats_hazards(
    ctx: click.Context,
    db: Path | None,
    institution: str | None,
    region: str | None,
    start: str,
    end: str,
    as_json: bool,
) -> None:
    """隐患整改统计：发现、销号、期末未销号与超期、整改销号率。Hazard statistics."""
    import json

    from mzdesk.core.dates import parse_date
    from mzdesk.stats.hazards import OTHER_SECTION, hazard_statistics

    first, last = parse_date(start, field="--from"), parse_date(end, field="--to")
    if first > last:
        fail(text("cli.stats.period_reversed", start=first.isoformat(), end=last.isoformat()))
    store, _ = open_as_user(ctx, db)
    scope = _scope(store, institution, region, None)
    f = hazard_statistics(store, scope, first, last)
    if as_json:
        echo(json.dumps(f.as_json(), ensure_ascii=False, indent=2))
        return
    prefix = scope.region_prefix
    area = institution or (
        text("cli.stats.area_region", prefix=prefix) if prefix else text("cli.stats.area_all")
    )

    def line(name: str, c: HazardCounts) -> str:
        if name == OTHER_SECTION:
            name = text("cli.stats.hazards.other_section")
        return text(
            "cli.stats.hazards.line",
            name=name,
            found=c.found,
            closed=c.closed,
            rate=c.closure_rate.pct,
            closed_in_period=c.closed_in_period,
            open=c.open_at_end,
            overdue=c.overdue_at_end,
        )

    title = text(
        "cli.stats.hazards.title",
        area=area,
        start=first.isoformat(),
        end=last.isoformat(),
        institutions=f.institutions,
    )
    found = text("cli.stats.hazards.found", found=f.found, closed=f.closed, rate=f.closure_rate.pct)
    lines = [
        title,
        "  " + found,
        "  " + text("cli.stats.hazards.closed_in_period", closed=f.closed_in_period),
        "  " + text("cli.stats.hazards.open_at_end", open=f.open_at_end, overdue=f.overdue_at_end),
        "  " + text("cli.stats.hazards.by_level"),
        *(f"    {line(level.label, c)}" for level, c in f.by_level.items()),
        "  " + text("cli.stats.hazards.by_month"),
        *(f"    {line(month, c)}" for month, c in f.by_month.items()),
        "  " + text("cli.stats.hazards.by_section"),
        *(f"    {line(section, c)}" for section, c in f.by_section.items()),
    ]
    echo("\n".join(lines))


@stats.command("children")
@_scope_options
@click.option(
    "--from", "start", default=None, help="安置与离院的起始日期 yyyy-MM-dd（默认当年1月1日）"
)
@click.option("--to", "end", default=None, help="安置与离院的截止日期 yyyy-MM-dd（默认统计日期）")
@click.option(
    "--xlsx", "xlsx", default=None, type=click.Path(dir_okay=False, path_type=Path),
    help="另导出 Excel 文件。Also write the figures as .xlsx.",
)  # fmt: skip
@click.option(
    "--pdf", "pdf", default=None, type=click.Path(dir_okay=False, path_type=Path),
    help="另生成可打印的 PDF 报表。Also write a printable PDF.",
)  # fmt: skip
def stats_children(
    ctx: click.Context,
    db: Path | None,
    institution: str | None,
    region: str | None,
    as_of: str | None,
    as_json: bool,
    start: str | None,
    end: str | None,
    xlsx: Path | None,
    pdf: Path | None,
) -> None:
    """儿童福利机构统计：在院儿童、家庭寄养、安置、寻亲公告。Children's figures."""
    import json

    from mzdesk.core.dates import parse_date
    from mzdesk.reports.children_rows import area_name
    from mzdesk.stats.children import children_statistics

    store, _ = open_as_user(ctx, db)
    scope = _scope(store, institution, region, as_of)
    first = parse_date(start, field="--from") if start else dt.date(scope.day.year, 1, 1)
    last = parse_date(end, field="--to") if end else scope.day
    if first > last:
        fail(text("cli.stats.period_reversed", start=first.isoformat(), end=last.isoformat()))
    f = children_statistics(store, scope, (first, last))
    if xlsx or pdf:
        _children_files(store, scope, f, area_name(institution, scope.region_prefix), xlsx, pdf)
    if as_json:
        echo(json.dumps(f.as_json(), ensure_ascii=False, indent=2))
        return
    prefix = scope.region_prefix
    area = institution or (
        text("cli.stats.area_region", prefix=prefix) if prefix else text("cli.stats.area_all")
    )

    def counts(values: dict[str, int]) -> str:
        return text("cli.stats.children.sep").join(
            text("cli.stats.children.count", label=k, n=v) for k, v in values.items() if v
        ) or text("cli.stats.children.none")

    lines = [
        text("cli.stats.children.title", area=area, day=f.as_of.isoformat()),
        text(
            "cli.stats.children.in_care",
            in_care=f.in_care,
            in_house=f.in_house,
            foster=f.in_foster_care,
            school=f.at_school,
        ),
        text("cli.stats.children.by_category", counts=counts(f.by_category)),
        text("cli.stats.children.by_age", counts=counts(f.by_age_band)),
        text("cli.stats.children.by_disability", counts=counts(f.by_disability)),
        text(
            "cli.stats.children.period",
            start=first.isoformat(),
            end=last.isoformat(),
            placements=counts(f.placements),
            left=counts(f.left),
        ),
        text(
            "cli.stats.children.notices",
            running=f.notices_running,
            past=f.notices_past_deadline,
            visits=f.visits_due,
        ),
    ]
    lines += [
        text(
            "cli.stats.children.notice",
            child=n.child,
            home=n.institution,
            end=n.period_end.isoformat(),
            state=text("cli.stats.children.past" if n.expired else "cli.stats.children.running"),
        )
        for n in f.notices
    ]
    echo("\n".join(lines))


def _children_files(
    store: Store, scope: Scope, f: ChildFigures, area: str, xlsx: Path | None, pdf: Path | None
) -> None:
    """The children's workbook and printed report, as the statistics page writes them (a
    region or all: every home side by side too). Said on stderr: --json keeps stdout."""
    from mzdesk.core.errors import os_error_text
    from mzdesk.reports.children_report import write_children_pdf, write_children_xlsx
    from mzdesk.reports.children_rows import report_title
    from mzdesk.stats.children_homes import children_side_by_side

    homes = [] if scope.institution_id else children_side_by_side(store, scope, f.period)
    title = report_title(area)
    for path in (p for p in (xlsx, pdf) if p is not None):
        try:
            if path is xlsx:
                write_children_xlsx(path, title, f, homes)
            else:
                source = text("cli.stats.children.source", db=store.path)
                write_children_pdf(path, title, f, homes, area=area, source=source)
        except OSError as error:
            fail(f"{path}：{os_error_text(error)}")
        echo(text("cli.stats.children.written", path=path), err=True)


COMMANDS: tuple[click.Command, ...] = (stats,)
