"""``mzdesk checks``: the recurring checks due and missed, and the inspections made, as text
or JSON — what 首页 and the 安全检查 page show, for scripts."""

from __future__ import annotations

import json
from pathlib import Path

import click

from mzdesk.cli.common import db_option, open_as_user
from mzdesk.cli.output import echo
from mzdesk.cli.training import institution_option, json_option, pick_institution
from mzdesk.core.i18n import text


@click.group()
def checks() -> None:
    """安全检查：检查计划的待检与漏检、检查记录。Scheduled checks and inspections."""


@checks.command("due")
@db_option
@institution_option
@click.option("--date", "on", default=None, help="日期 yyyy-MM-dd（默认今天）")
@json_option
@click.pass_context
def checks_due(
    ctx: click.Context, db: Path | None, institution: str | None, on: str | None, as_json: bool
) -> None:
    """今日待检与漏检：每个检查计划当天是否已完成、之前哪些日/周/月没有完成。Due and missed."""
    import datetime as dt

    from mzdesk.core.dates import parse_date
    from mzdesk.stats.schedules import scheduled_checks

    store, actor = open_as_user(ctx, db)
    institution_id, name = pick_institution(store, actor, institution)
    day = parse_date(on, field="--date") if on else dt.date.today()
    found = scheduled_checks(store, institution_id, day)
    if as_json:
        rows = [
            {
                "schedule": c.name,
                "frequency": c.frequency.value,
                "inspection_type": c.inspection_type.value,
                "due": c.due,
                "draft": str(c.draft_id) if c.draft_id else None,
                "missed": [d.isoformat() for d in c.missed],
            }
            for c in found
        ]
        echo(json.dumps({"date": day.isoformat(), "checks": rows}, ensure_ascii=False))
        return
    echo(text("cli.checks.heading", name=name, date=day.isoformat(), n=len(found)))
    for c in found:
        state = text("cli.checks.draft" if c.draft_id else "cli.checks.due") if c.due else ""
        missed = ", ".join(d.isoformat() for d in c.missed)
        echo(
            f"  {c.name} ({c.frequency.label})  {state or text('cli.checks.done')}"
            + (f"  {text('cli.checks.missed', n=len(c.missed), dates=missed)}" if missed else "")
        )


@checks.command("list")
@db_option
@institution_option
@click.option(
    "--state", type=click.Choice(["draft", "completed", "amended"]), default=None, help="状态"
)
@click.option("--from", "date_from", default=None, help="日期 yyyy-MM-dd")
@click.option("--to", "date_to", default=None, help="日期 yyyy-MM-dd")
@json_option
@click.pass_context
def checks_list(
    ctx: click.Context,
    db: Path | None,
    institution: str | None,
    state: str | None,
    date_from: str | None,
    date_to: str | None,
    as_json: bool,
) -> None:
    """检查记录：日期、类型、检查表与版本、检查人、状态、不合格项。Inspections."""
    from mzdesk.core.dates import parse_date
    from mzdesk.core.vocab import InspectionState
    from mzdesk.services.inspecting.listing import InspectionFilter, inspection_rows

    store, actor = open_as_user(ctx, db)
    institution_id, name = pick_institution(store, actor, institution)
    where = InspectionFilter(
        InspectionState(state) if state else None,
        None,
        parse_date(date_from, field="--from") if date_from else None,
        parse_date(date_to, field="--to") if date_to else None,
    )
    rows = inspection_rows(store, institution_id, where)
    if as_json:
        listed = [
            {
                "id": str(r.id),
                "date": r.inspected_on.isoformat(),
                "inspection_type": r.inspection_type.value,
                "checklist": r.title,
                "version": r.version,
                "inspectors": r.inspectors,
                "state": r.state.value,
                "answered": r.answered,
                "failed": r.failed,
            }
            for r in rows
        ]
        echo(json.dumps(listed, ensure_ascii=False, indent=2))
        return
    echo(text("cli.checks.list_heading", name=name, n=len(rows)))
    for r in rows:
        echo(
            f"  {r.inspected_on.isoformat()}  {r.inspection_type.label}  {r.title}（{r.version}）"
            f"  {r.inspectors}  {r.state.label}  {text('cli.checks.failed', n=r.failed)}  {r.id}"
        )


COMMANDS: tuple[click.Command, ...] = (checks,)
