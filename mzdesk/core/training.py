"""The training matrix: what each occupation must have, and how a worker stands against it.

A requirement is met by PASSED attendance of a session of its ``category`` (and whose topic
contains ``topic_contains``, when set): once when ``interval_months`` is None, else again
every ``interval_months``. A requirement with ``hours_per_year`` is met by at least that many
hours credited in the calendar year (sessions of ``category``, or of any category when it is
None; hours credited count whatever the result, since they are the hours actually sat).

Defaults are data (resources/training/requirements.json), validated on load; an institution
may replace them with its own rows (training_requirements).

A cell of the matrix, for one worker and one requirement on a date ``as_of``:

- ``current``: met, and not due again within :data:`SOON_DAYS` days;
- ``expiring``: met, but due again within :data:`SOON_DAYS` days — or, for hours per year,
  still short of the hours when the year ends within :data:`SOON_DAYS` days;
- ``expired``: met once, but not renewed by its due date;
- ``missing``: never met and due (岗前培训 is due on the first day of work; a recurring
  training never attended is due ``interval_months`` after the first day);
- ``pending``: never met, not due yet (a new worker's first yearly training), or hours per
  year short earlier in the year — due on the date shown.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from mzdesk.core.errors import CodedError
from mzdesk.core.resources import resource_path
from mzdesk.core.vocab import Occupation, TrainingCategory, Vocab

SOON_DAYS = 60
MAX_INTERVAL_MONTHS = 120
MAX_HOURS_PER_YEAR = Decimal("500")


class CellStatus(Vocab):
    CURRENT = "current", "有效", "current"
    EXPIRING = "expiring", "即将到期", "expiring soon"
    EXPIRED = "expired", "已过期", "expired"
    MISSING = "missing", "缺", "missing"
    PENDING = "pending", "待完成", "to do"


@dataclass(frozen=True)
class RequirementData:
    """One line of a training matrix. ``id`` is the stored row's (None for a new line)."""

    occupation: Occupation
    name: str
    category: TrainingCategory | None = None
    topic_contains: str | None = None
    interval_months: int | None = None
    hours_per_year: Decimal | None = None
    before_start: bool = False
    sort_order: int = 0
    id: uuid.UUID | None = None

    @property
    def by_hours(self) -> bool:
        return self.hours_per_year is not None

    def matches(self, category: TrainingCategory, topic: str) -> bool:
        """Whether a session of ``category`` on ``topic`` counts towards this line."""
        if self.category is not None and category is not self.category:
            return False
        return not self.topic_contains or self.topic_contains in topic


def requirement_problems(data: RequirementData) -> list[tuple[str, str, dict[str, object]]]:
    """(field, message code, params) for each thing wrong with one line."""
    problems: list[tuple[str, str, dict[str, object]]] = []
    if not data.name.strip():
        problems.append(("name", "field.required", {}))
    elif len(data.name.strip()) > 100:
        problems.append(("name", "field.too_long", {"max": 100}))
    if data.topic_contains is not None and len(data.topic_contains) > 50:
        problems.append(("topic_contains", "field.too_long", {"max": 50}))
    if data.hours_per_year is not None:
        if not Decimal(0) < data.hours_per_year <= MAX_HOURS_PER_YEAR:
            problems.append(("hours_per_year", "training.hours", {"max": MAX_HOURS_PER_YEAR}))
        if data.interval_months is not None or data.before_start:
            problems.append(("hours_per_year", "requirement.hours_alone", {}))
    elif data.category is None and not (data.topic_contains or "").strip():
        problems.append(("category", "requirement.what_counts", {}))
    if data.interval_months is not None and not 1 <= data.interval_months <= MAX_INTERVAL_MONTHS:
        problems.append(("interval_months", "requirement.interval", {"max": MAX_INTERVAL_MONTHS}))
    return problems


def duplicate_lines(rows: Sequence[RequirementData]) -> list[int]:
    """Indexes of lines repeating an earlier line's occupation and name."""
    seen: set[tuple[Occupation, str]] = set()
    repeated = []
    for i, row in enumerate(rows):
        key = (row.occupation, row.name.strip())
        if key in seen:
            repeated.append(i)
        seen.add(key)
    return repeated


class RequirementsFileError(CodedError):
    """The shipped defaults file is broken: names the file and the entry."""


def _entry(path: Path, index: int, raw: object) -> RequirementData:
    def fail(problem: str) -> RequirementsFileError:
        return RequirementsFileError(
            "requirement.file", path=str(path), entry=index + 1, problem=problem
        )

    if not isinstance(raw, dict):
        raise fail("not an object")
    unknown = set(raw) - {
        "occupation",
        "name",
        "category",
        "topic_contains",
        "interval_months",
        "hours_per_year",
        "before_start",
    }
    if unknown:
        raise fail(f"unknown keys {sorted(unknown)}")
    try:
        occupation = Occupation(raw["occupation"])
        category = TrainingCategory(raw["category"]) if raw.get("category") else None
        hours = raw.get("hours_per_year")
        interval = raw.get("interval_months")
        if interval is not None and not isinstance(interval, int):
            raise fail("interval_months is not a whole number")
        data = RequirementData(
            occupation=occupation,
            name=str(raw["name"]),
            category=category,
            topic_contains=raw.get("topic_contains"),
            interval_months=interval,
            hours_per_year=Decimal(str(hours)) if hours is not None else None,
            before_start=bool(raw.get("before_start", False)),
            sort_order=index,
        )
    except KeyError as missing:
        raise fail(f"{missing.args[0]} is missing") from None
    except (ValueError, InvalidOperation) as error:
        raise fail(str(error)) from None
    problems = requirement_problems(data)
    if problems:
        raise fail(", ".join(f"{field}: {code}" for field, code, _ in problems))
    return data


def load_requirements(path: Path) -> tuple[RequirementData, ...]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise RequirementsFileError(
            "requirement.file", path=str(path), entry=0, problem=str(error)
        ) from None
    entries = raw.get("requirements") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise RequirementsFileError(
            "requirement.file", path=str(path), entry=0, problem="no 'requirements' list"
        )
    rows = tuple(_entry(path, i, entry) for i, entry in enumerate(entries))
    for i in duplicate_lines(rows):
        raise RequirementsFileError(
            "requirement.file", path=str(path), entry=i + 1, problem="repeats an earlier line"
        )
    return rows


@cache
def default_requirements() -> tuple[RequirementData, ...]:
    return load_requirements(resource_path("training", "requirements.json"))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Cell:
    status: CellStatus
    due: dt.date | None  # when it must be done (again); None: met for good
    last_done: dt.date | None = None  # the end of the newest passed session that counts
    hours_done: Decimal | None = None  # for hours per year
    hours_required: Decimal | None = None  # this year's target (pro-rated for a joiner)


def yearly_target(hours_per_year: Decimal, hired_on: dt.date, year: int) -> Decimal:
    """Hours owed in ``year``: all of them when employed from its first day, else the share
    of the year's days from ``hired_on`` on, rounded up to half an hour."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if hired_on <= start:
        return hours_per_year
    share = Decimal((end - hired_on).days + 1) / Decimal((end - start).days + 1)
    halves = (hours_per_year * share * 2).to_integral_value(rounding=ROUND_CEILING)
    return min(hours_per_year, halves / 2).quantize(Decimal("0.1"))


def assess(
    requirement: RequirementData,
    hired_on: dt.date,
    passed_on: Iterable[dt.date],
    hours_this_year: Decimal,
    as_of: dt.date,
) -> Cell:
    """Where one worker stands against one line on ``as_of``. ``passed_on``: end dates of the
    worker's passed sessions that count for the line, ended on or before ``as_of``;
    ``hours_this_year``: hours credited for it in as_of's year up to as_of."""
    soon = as_of + dt.timedelta(days=SOON_DAYS)
    if requirement.hours_per_year is not None:
        year_end = dt.date(as_of.year, 12, 31)
        target = yearly_target(requirement.hours_per_year, hired_on, as_of.year)
        if hours_this_year >= target:
            return Cell(CellStatus.CURRENT, None, None, hours_this_year, target)
        status = CellStatus.EXPIRING if year_end <= soon else CellStatus.PENDING
        return Cell(status, year_end, None, hours_this_year, target)
    last = max(passed_on, default=None)
    if last is None:
        if requirement.before_start or requirement.interval_months is None:
            due = hired_on
        else:
            due = add_months(hired_on, requirement.interval_months)
        return Cell(CellStatus.MISSING if due <= as_of else CellStatus.PENDING, due)
    if requirement.interval_months is None:
        return Cell(CellStatus.CURRENT, None, last)
    due = add_months(last, requirement.interval_months)
    if due <= as_of:
        return Cell(CellStatus.EXPIRED, due, last)
    return Cell(CellStatus.EXPIRING if due <= soon else CellStatus.CURRENT, due, last)


class CertificateState(Vocab):
    VALID = "valid", "有效", "valid"
    EXPIRING = "expiring", "即将到期", "expiring soon"
    EXPIRED = "expired", "已过期", "expired"
    NOT_YET_VALID = "not_yet_valid", "尚未生效", "not yet valid"


def certificate_state(
    issued_on: dt.date | None, expires_on: dt.date | None, as_of: dt.date
) -> CertificateState:
    """A certificate on ``as_of``: no expiry (长期) never expires; it expires after its
    expiry day; expiring when that day is within :data:`SOON_DAYS` days."""
    if issued_on is not None and issued_on > as_of:
        return CertificateState.NOT_YET_VALID
    if expires_on is None:
        return CertificateState.VALID
    if expires_on < as_of:
        return CertificateState.EXPIRED
    if expires_on <= as_of + dt.timedelta(days=SOON_DAYS):
        return CertificateState.EXPIRING
    return CertificateState.VALID


def is_skill_certificate(name: str, skill_level: object) -> bool:
    """Whether a certificate counts for 持证上岗率: one with a skill level (五级/初级工 or
    above — a 职业技能等级证书 records its level), or one named 职业技能等级证书 or 职业资格证书
    even when the level was left blank. Other certificates (健康证, 消防安全培训合格证, the home's
    own 培训合格证书) do not count."""
    if skill_level is not None and str(skill_level) != "none":
        return True
    return "职业技能" in name or "职业资格" in name
