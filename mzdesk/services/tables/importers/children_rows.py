"""A row of the children's roster read into the steps of a child's path: the child, its intake,
its 寻亲公告, its placement and its leaving — each cell's problem named by row and column, and the
row's steps checked against each other (a notice after the intake, a leaving by adoption on
the adoption's day …) before anything is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from mzdesk.core.children import (
    CHILD_LEAVING,
    LEAVING_FOR,
    NOTICE_DAYS_DEFAULT,
    NOTICE_DAYS_RANGE,
    IntakeWay,
    NoticeStatus,
    PlacementKind,
)
from mzdesk.core.errors import ValidationError
from mzdesk.core.i18n import text as message
from mzdesk.core.vocab import ChildCategory, DischargeReason, Gender, GuardianshipType
from mzdesk.services.checks import Checks
from mzdesk.services.children import Intake, Placement
from mzdesk.services.residents import ResidentData
from mzdesk.services.tables import cells
from mzdesk.services.tables.columns import INSTITUTION, Kind, header_of
from mzdesk.services.tables.importers.base import Cells, Parsed
from mzdesk.services.tables.reading import Row

# fields the path's checks name that no column fills under that name
_ALSO = {
    "admission_date": "接收日期",
    "intake_date": "接收日期",
    "period_days": "公告期满日期",
    "discharge_note": "离院原因",
}


def column_of(field: str) -> str:
    """The roster column a problem with ``field`` is reported under."""
    return _ALSO.get(field) or header_of(Kind.CHILDREN, field)


def collect_path(parsed: Parsed[Any], error: ValidationError, *, unnamed: bool = False) -> None:
    """The problems of ``error`` under their columns; with ``unnamed``, only under columns that
    have none yet (a cell that could not be read is not said again as missing)."""
    named = {p.column for p in parsed.problems} if unnamed else set()
    for problem in error.problems:
        column = column_of(problem.field)
        if column not in named:
            parsed.fail(column, problem.message)


@dataclass(frozen=True)
class Notice:
    published_on: dt.date
    period_days: int
    status: NoticeStatus
    closed_on: dt.date | None
    claimed_by: str | None
    note: str | None


@dataclass(frozen=True)
class Leaving:
    on: dt.date
    reason: DischargeReason


@dataclass(frozen=True)
class ChildRow:
    institution: str
    data: ResidentData
    intake: Intake
    notice: Notice | None
    placement: Placement | None
    leaving: Leaving | None  # a leaving of its own (transfer, death, other), not a placement's


def _both(parsed: Parsed[Any], first: tuple[str, object], second: tuple[str, object]) -> bool:
    """Two cells that go together (a date and its kind): True when both are filled; the blank
    one is named when only one is."""
    (a, va), (b, vb) = first, second
    if (va is None) != (vb is None):
        parsed.fail(b if vb is None else a, message("field.required"))
    return va is not None and vb is not None


def _notice(parsed: Parsed[ChildRow], c: Cells) -> Notice | None:
    published = c.get(cells.date, "公告日期")
    period_end = c.get(cells.date, "公告期满日期")
    status = c.get(cells.vocab, "公告状态", NoticeStatus)
    closed = c.get(cells.date, "公告结束日期")
    claimed_by = c.get(cells.text, "认领人")
    note = c.get(cells.text, "公告备注")
    if published is None:
        if any(v is not None for v in (period_end, status, closed, claimed_by)):
            parsed.fail("公告日期", message("field.required"))
        return None
    days = (period_end - published).days if period_end is not None else NOTICE_DAYS_DEFAULT
    low, high = NOTICE_DAYS_RANGE
    if not low <= days <= high:  # as publish() refuses it, said in the preview too
        parsed.fail("公告期满日期", message("child.notice_days", low=low, high=high, value=days))
    status = status or NoticeStatus.RUNNING
    if status is NoticeStatus.RUNNING and closed is not None:
        parsed.fail("公告结束日期", message("roster.children.notice_running_closed"))
    if status is not NoticeStatus.RUNNING and closed is None:
        parsed.fail("公告结束日期", message("field.required"))
    return Notice(published, days, status, closed, claimed_by, note)


def _placement_and_leaving(
    parsed: Parsed[ChildRow], c: Cells
) -> tuple[Placement | None, Leaving | None]:
    kind = c.get(cells.vocab, "安置方式", PlacementKind)
    start = c.get(cells.date, "安置日期")
    family = c.get(cells.text, "寄养或收养家庭")
    address = c.get(cells.text, "家庭住址")
    left_on = c.get(cells.date, "离院日期")
    reason = c.get(cells.vocab, "离院原因", DischargeReason)
    placement = None
    if _both(parsed, ("安置方式", kind), ("安置日期", start)):
        assert kind is not None and start is not None
        placement = Placement(kind, start, family_name=family, family_address=address)
        # as place() requires them, said in the preview too
        if family is None:
            parsed.fail("寄养或收养家庭", message("field.required"))
        if kind is PlacementKind.FOSTER and address is None:
            parsed.fail("家庭住址", message("field.required"))
    if not _both(parsed, ("离院日期", left_on), ("离院原因", reason)):
        return placement, None
    assert left_on is not None and reason is not None
    if reason not in CHILD_LEAVING:
        choices = message("list.separator").join(r.label for r in CHILD_LEAVING)
        parsed.fail("离院原因", message("roster.children.leaving_reason", choices=choices))
        return placement, None
    by_placement = {why: how for how, why in LEAVING_FOR.items()}
    if reason in by_placement:  # adoption, return, adulthood: the placement is the leaving
        how = by_placement[reason]
        if placement is None or placement.kind is not how or placement.start_date != left_on:
            parsed.fail(
                "离院原因",
                message("roster.children.leaving_by_placement", reason=reason.zh, kind=how.zh),
            )
        return placement, None
    if placement is not None and placement.kind.leaves_the_home:
        parsed.fail(
            "离院日期", message("roster.children.left_by_placement", kind=placement.kind.zh)
        )
    return placement, Leaving(left_on, reason)


def parse_child(row: Row, today: dt.date) -> tuple[Parsed[ChildRow], ChildRow]:
    """The row read, and what could be read of it (checked further in the importer's plan,
    so a row with a cell that could not be read still has all its problems said at once)."""
    parsed: Parsed[ChildRow] = Parsed(row.number, None)
    c = Cells(row, parsed)
    institution = c.get(cells.required_text, INSTITUTION)
    data = ResidentData(
        name=c.get(cells.required_text, "姓名") or "",
        id_number=c.get(cells.code, "身份证号"),
        gender=c.get(cells.vocab, "性别", Gender),
        birth_date=c.get(cells.date, "出生日期"),
        child_category=c.get(cells.vocab, "儿童类别", ChildCategory, required=True),
        guardianship_type=c.get(cells.vocab, "监护类型", GuardianshipType),
        disability_type=c.get(cells.text, "残疾类别"),
        disability_level=c.get(cells.text, "残疾等级"),
    )
    way = c.get(cells.vocab, "接收方式", IntakeWay, required=True)
    intake_date = c.get(cells.date, "接收日期", required=True)
    intake = Intake(
        way or IntakeWay.OTHER,
        intake_date or dt.date.min,
        found_on=c.get(cells.date, "捡拾日期"),
        found_place=c.get(cells.text, "捡拾地点"),
        brought_by=c.get(cells.text, "送交单位"),
        police_report_number=c.get(cells.code, "捡拾报案证明编号"),
        transferred_from=c.get(cells.text, "转出机构"),
        court_ruling=c.get(cells.text, "判决书或决定书文号"),
    )
    notice = _notice(parsed, c)
    placement, leaving = _placement_and_leaving(parsed, c)
    if not parsed.problems:
        assert institution is not None
        _check_dates(parsed, intake.intake_date, notice, placement, leaving, today)
    read = ChildRow(institution or "", data, intake, notice, placement, leaving)
    if not parsed.problems:
        parsed.record = read
    return parsed, read


def _check_dates(
    parsed: Parsed[ChildRow],
    intake_on: dt.date,
    notice: Notice | None,
    placement: Placement | None,
    leaving: Leaving | None,
    today: dt.date,
) -> None:
    """The steps of one row in their order: none before the intake nor after today, a notice
    closed after it was published, a leaving not before the placement. (The services check
    each again, with the record, when they write.)"""
    checks = Checks("child_intakes")
    for field, on in (
        ("published_on", notice.published_on if notice else None),
        ("closed_on", notice.closed_on if notice else None),
        ("start_date", placement.start_date if placement else None),
        ("discharge_date", leaving.on if leaving else None),
    ):
        checks.not_future(field, on, today)
    if notice is not None:
        checks.not_before("published_on", notice.published_on, intake_on, "intake_date")
        checks.not_before("closed_on", notice.closed_on, notice.published_on, "published_on")
    if placement is not None:
        checks.not_before("start_date", placement.start_date, intake_on, "intake_date")
    if leaving is not None:
        checks.not_before("discharge_date", leaving.on, intake_on, "intake_date")
        if placement is not None:
            checks.not_before("discharge_date", leaving.on, placement.start_date, "start_date")
    try:
        checks.done()
    except ValidationError as error:
        collect_path(parsed, error)
