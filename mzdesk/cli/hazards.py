"""``mzdesk hazards``: the hazard ledger as text or JSON, a hazard's steps (开始整改, 提交复查,
复查通过, 打回, 延期), and the home's default deadlines — the same services the app uses.
A hazard or an inspection is named by its id or a unique beginning of it, as ``mzdesk print``
takes one. The ledger itself imports and exports with ``mzdesk import/export hazards``."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mzdesk.cli.common import db_option, fail, open_as_user
from mzdesk.cli.output import echo
from mzdesk.cli.training import institution_option, json_option, pick_institution
from mzdesk.core.dates import parse_date
from mzdesk.core.errors import ValidationError
from mzdesk.core.i18n import text
from mzdesk.core.vocab import HazardLevel, HazardStatus

if TYPE_CHECKING:
    from mzdesk.store.engine import Store

STEPS = ("start", "submit", "pass", "return", "extend")


def _hazard(store: Store, key: str) -> uuid.UUID:
    from mzdesk.services.hazards.views import find_hazard

    return find_hazard(store, key)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value, field=option)
    except ValidationError as error:
        fail(f"{option}: {error.problems[0].message}")


@click.group()
def hazards() -> None:
    """隐患排查整改：台账、整改与复查步骤、默认整改期限。Hazards until closed."""


@hazards.command("list")
@db_option
@institution_option
@click.option("--overdue", is_flag=True, help="只列超期未销号的隐患。Overdue only.")
@click.option("--open", "open_only", is_flag=True, help="只列未销号的隐患。Not closed only.")
@click.option("--as-of", default=None, help="按此日期判断超期（默认今天）。yyyy-MM-dd")
@json_option
@click.pass_context
def hazards_list(
    ctx: click.Context,
    db: Path | None,
    institution: str | None,
    overdue: bool,
    open_only: bool,
    as_of: str | None,
    as_json: bool,
) -> None:
    """隐患台账：超期的在前。The hazard ledger, overdue first."""
    from mzdesk.services.hazards import HazardFilter, list_hazards

    store, actor = open_as_user(ctx, db)
    institution_id, name = pick_institution(store, actor, institution)
    today = _date(as_of, "--as-of") or dt.date.today()
    wanted = HazardFilter(overdue_only=overdue, open_only=open_only)
    rows = list_hazards(store, institution_id, wanted, today=today)
    if as_json:
        echo(
            json.dumps(
                [
                    {
                        "id": str(h.id),
                        "description": h.description,
                        "level": h.level.zh,
                        "status": h.status.zh,
                        "found_on": h.found_on.isoformat(),
                        "deadline": h.deadline.isoformat(),
                        "original_deadline": (h.original_deadline or h.deadline).isoformat(),
                        "responsible_person": h.responsible_person,
                        "rechecked_by": h.rechecked_by,
                        "rechecked_on": h.rechecked_on.isoformat() if h.rechecked_on else None,
                        "overdue_days": h.overdue_days,
                    }
                    for h in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    overdue_count = sum(h.overdue for h in rows)
    echo(text("cli.hazards.heading", name=name, count=len(rows), overdue=overdue_count))
    for h in rows:
        late = text("cli.hazards.overdue", days=h.overdue_days) if h.overdue else ""
        echo(
            f"{h.found_on}  {h.level.label}  {h.status.label}{late}  "
            f"{text('cli.hazards.deadline', date=h.deadline)}  {h.description}  [{h.id}]"
        )


@hazards.command("step")
@click.argument("hazard_key", metavar="HAZARD_ID")
@click.argument("step", type=click.Choice(STEPS))
@db_option
@click.option("--on", "on", default=None, help="日期（默认今天）。yyyy-MM-dd")
@click.option("--by", default=None, help="经办人或复查人。Done / re-checked by.")
@click.option("--reason", default=None, help="打回或延期的原因；提交复查的说明。")
@click.option("--approved-by", default=None, help="延期的批准人。Who approved an extension.")
@click.option("--new-deadline", default=None, help="延期后的整改期限。yyyy-MM-dd")
@click.option("--measure", default=None, help="开始整改时的整改措施。")
@click.option(
    "--photo",
    "photos",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="提交复查时的整改照片（PNG/JPEG，可多次）。",
)
@click.pass_context
def hazards_step(
    ctx: click.Context,
    hazard_key: str,
    step: str,
    db: Path | None,
    on: str | None,
    by: str | None,
    reason: str | None,
    approved_by: str | None,
    new_deadline: str | None,
    measure: str | None,
    photos: tuple[Path, ...],
) -> None:
    """隐患的一步：start 开始整改，submit 提交复查，pass 复查通过，return 打回，extend 延期。"""
    from mzdesk.services import hazards as service

    store, actor = open_as_user(ctx, db)
    hazard_id = _hazard(store, hazard_key)
    day = _date(on, "--on") or dt.date.today()
    if step == "start":
        status = service.start_rectification(
            store, actor, hazard_id, on=day, by=by or "", measure=measure
        )
    elif step == "submit":
        shots = [service.Photo(p.read_bytes(), caption=p.name) for p in photos]
        status = service.submit_for_recheck(
            store, actor, hazard_id, on=day, by=by or "", note=reason, photos=shots
        )
    elif step == "pass":
        status = service.pass_recheck(store, actor, hazard_id, on=day, by=by or "", note=reason)
    elif step == "return":
        status = service.return_hazard(
            store, actor, hazard_id, on=day, by=by or "", reason=reason or ""
        )
    else:
        deadline = _date(new_deadline, "--new-deadline")
        if deadline is None:
            fail(text("cli.hazards.new_deadline_needed"))
        service.extend_deadline(
            store,
            actor,
            hazard_id,
            on=day,
            new_deadline=deadline,
            reason=reason or "",
            approved_by=approved_by or "",
            by=by,
        )
        echo(text("cli.hazards.extended", date=deadline.isoformat()))
        return
    echo(text("cli.hazards.now", status=HazardStatus(status).label))


@hazards.command("show")
@click.argument("hazard_key", metavar="HAZARD_ID")
@db_option
@click.option("--as-of", default=None, help="按此日期判断超期（默认今天）。yyyy-MM-dd")
@click.pass_context
def hazards_show(ctx: click.Context, hazard_key: str, db: Path | None, as_of: str | None) -> None:
    """一项隐患及其处理记录（JSON）。A hazard and its history, as JSON."""
    from mzdesk.services.hazards import hazard_detail

    store, _ = open_as_user(ctx, db)
    detail = hazard_detail(store, _hazard(store, hazard_key), today=_date(as_of, "--as-of"))
    h = detail.hazard

    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    shown = {
        "id": str(h.id),
        "description": h.description,
        "level": h.level.zh,
        "status": h.status.zh,
        "found_on": day(h.found_on),
        "deadline": day(h.deadline),
        "original_deadline": day(h.original_deadline or h.deadline),
        "overdue_days": h.overdue_days,
        "measure": h.measure,
        "responsible_person": h.responsible_person,
        "rectified_on": day(h.rectified_on),
        "rechecked_by": h.rechecked_by,
        "rechecked_on": day(h.rechecked_on),
        "evidence_photos": [a.sha256 for a in detail.evidence],
        "history": [
            {
                "step": e.kind.zh,
                "on": day(e.on),
                "by": e.by,
                "status": e.status.zh,
                "reason": e.text or None,
                "approved_by": e.approved_by,
                "old_deadline": day(e.old_deadline),
                "new_deadline": day(e.new_deadline),
            }
            for e in detail.events
        ],
    }
    echo(json.dumps(shown, ensure_ascii=False, indent=2))


@hazards.command("follow-up")
@click.argument("inspection_key", metavar="INSPECTION_ID")
@db_option
@click.option("--on", "on", default=None, help="复查日期（默认今天）。yyyy-MM-dd")
@click.option("--by", required=True, help="复查人。Who re-checked.")
@click.option("--passed", "passed", multiple=True, help="复查通过的隐患（可多次）。")
@click.option(
    "--returned",
    "returned",
    multiple=True,
    help="打回的隐患及原因：ID=原因（可多次）。A hazard sent back: ID=reason.",
)
@click.pass_context
def hazards_follow_up(
    ctx: click.Context,
    inspection_key: str,
    db: Path | None,
    on: str | None,
    by: str,
    passed: tuple[str, ...],
    returned: tuple[str, ...],
) -> None:
    """复查一次检查：只带入其未销号的隐患，每项须给出通过或打回。Follow up an inspection."""
    from mzdesk.services.hazards import FollowUpData, Recheck, record_follow_up
    from mzdesk.services.inspection_report import find_inspection

    store, actor = open_as_user(ctx, db)
    inspection_id = find_inspection(store, inspection_key)
    rechecks = [Recheck(_hazard(store, h), True) for h in passed]
    for given in returned:
        key, equals, reason = given.partition("=")
        if not equals or not key.strip():
            fail(text("cli.hazards.returned_form", value=given))
        rechecks.append(Recheck(_hazard(store, key), False, reason.strip() or None))
    data = FollowUpData(inspection_id, _date(on, "--on") or dt.date.today(), by, tuple(rechecks))
    record_follow_up(store, actor, data)
    echo(text("cli.hazards.followed_up", passed=len(passed), returned=len(returned)))


@hazards.command("deadlines")
@db_option
@institution_option
@click.option("--ordinary", type=int, default=None, help="一般隐患的整改天数。")
@click.option("--major", type=int, default=None, help="重大隐患的整改天数。")
@click.pass_context
def hazards_deadlines(
    ctx: click.Context,
    db: Path | None,
    institution: str | None,
    ordinary: int | None,
    major: int | None,
) -> None:
    """显示或设置本机构的默认整改期限（自发现之日起的天数）。Default deadlines."""
    from mzdesk.services.hazards import read_deadline_days, set_deadline_days

    store, actor = open_as_user(ctx, db)
    institution_id, name = pick_institution(store, actor, institution)
    days = read_deadline_days(store, institution_id)
    if ordinary is not None or major is not None:
        set_deadline_days(
            store,
            actor,
            institution_id,
            ordinary=ordinary if ordinary is not None else days[HazardLevel.ORDINARY],
            major=major if major is not None else days[HazardLevel.MAJOR],
        )
        days = read_deadline_days(store, institution_id)
    echo(
        text(
            "cli.hazards.deadlines",
            name=name,
            ordinary=days[HazardLevel.ORDINARY],
            major=days[HazardLevel.MAJOR],
        )
    )


COMMANDS: tuple[click.Command, ...] = (hazards,)
