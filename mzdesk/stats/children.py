"""The figures a children's welfare home reports, for one home, a region or all, as of a day
and over a period.

As of a day D (the same rules as the bed figures, stats/beds/asof.py):
- a child is *in care* when its record (kind 儿童) was admitted (接收) on or before D and has not
  left (离院) by D — the leaving day itself is not in care; a child in family foster care is in
  care (the home stays its guardian);
- *in foster care*: in care, with a 家庭寄养 placement that started on or before D and had not
  ended by D; *in house*: in care and not in foster care;
- *at school*: in care, with an upbringing arrangement in force on D (the latest effective on
  or before D) whose 就学阶段 is a school stage (学前教育 … 高等教育);
- category (孤儿, 事实无人抚养儿童 …) is the record's; the age band is the age on D (full
  years: 0–3 means under 3); disability is that of the latest 入院评估 on or before D, else the
  record's (an imported roster), else none;
- *notices running*: 寻亲公告 published on or before D and not claimed or withdrawn by D;
  *past their deadline*: of those, the ones whose period ended before D (core/children.py);
- *visits due*: foster placements in force on D whose next visit is due on or before D.
Over a period [from, to] (both days included): placements that started in it, by kind, and
children who left in it, by reason.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, or_, select

from mzdesk.core.child_assessment import child_scheme
from mzdesk.core.children import AGE_BANDS, PlacementKind, SchoolStage, age_band
from mzdesk.core.i18n import current_language
from mzdesk.core.vocab import ChildCategory, DischargeReason, InstitutionKind, ResidentKind
from mzdesk.services.children import running_notices
from mzdesk.stats.beds.asof import Scope, institution_filter, spans
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    ChildAssessment,
    ChildPlacement,
    Institution,
    Resident,
    Upbringing,
)

NO_DISABILITY = ("无残疾", "no disability")
UNKNOWN = ("未填写", "not recorded")


def _pick(pair: tuple[str, str]) -> str:
    return pair[0] if current_language() == "zh" else pair[1]


@dataclass(frozen=True)
class NoticeDue:
    child: str
    institution: str
    published_on: dt.date
    period_end: dt.date
    expired: bool


@dataclass(frozen=True)
class ChildFigures:
    as_of: dt.date
    period: tuple[dt.date, dt.date]
    institutions: int
    in_care: int
    in_house: int
    in_foster_care: int
    at_school: int
    by_category: dict[str, int]
    by_age_band: dict[str, int]
    by_disability: dict[str, int]
    with_disability: int
    placements: dict[str, int]  # started in the period, by kind
    left: dict[str, int]  # left in the period, by reason
    notices: list[NoticeDue] = field(default_factory=list)
    visits_due: int = 0

    @property
    def notices_running(self) -> int:
        return len(self.notices)

    @property
    def notices_past_deadline(self) -> int:
        return sum(1 for n in self.notices if n.expired)

    def as_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "period": {"from": self.period[0].isoformat(), "to": self.period[1].isoformat()},
            "institutions": self.institutions,
            "in_care": self.in_care,
            "in_house": self.in_house,
            "in_foster_care": self.in_foster_care,
            "at_school": self.at_school,
            "by_category": self.by_category,
            "by_age_band": self.by_age_band,
            "by_disability": self.by_disability,
            "with_disability": self.with_disability,
            "placements": self.placements,
            "left": self.left,
            "notices_running": self.notices_running,
            "notices_past_deadline": self.notices_past_deadline,
            "notices": [
                {
                    "child": n.child,
                    "institution": n.institution,
                    "published_on": n.published_on.isoformat(),
                    "period_end": n.period_end.isoformat(),
                    "past_deadline": n.expired,
                }
                for n in self.notices
            ],
            "visits_due": self.visits_due,
        }


def children_statistics(
    store: Store, scope: Scope, period: tuple[dt.date, dt.date] | None = None
) -> ChildFigures:
    """The figures of ``scope`` as of its day; ``period`` defaults to the day's year so far."""
    day = scope.day
    start, end = period or (dt.date(day.year, 1, 1), day)
    with store.read() as session:
        homes = dict(
            session.execute(
                select(Institution.id, Institution.name).where(*homes_in_scope(scope))
            ).all()
        )
        ids = list(homes)
        children = session.execute(
            select(
                Resident.id,
                Resident.child_category,
                Resident.birth_date,
                Resident.disability_type,
            ).where(
                Resident.institution_id.in_(ids),
                Resident.kind == ResidentKind.CHILD,
                Resident.deleted_at.is_(None),
                spans(day, Resident.admission_date, Resident.discharge_date),
            )
        ).all()
        in_care = {c.id for c in children}
        placements = session.execute(
            select(
                ChildPlacement.resident_id,
                ChildPlacement.kind,
                ChildPlacement.start_date,
                ChildPlacement.end_date,
                ChildPlacement.next_visit_due,
            ).where(ChildPlacement.institution_id.in_(ids), ChildPlacement.deleted_at.is_(None))
        ).all()
        fostering = [  # foster placements in force on the day, of children in care
            p
            for p in placements
            if p.kind is PlacementKind.FOSTER
            and p.resident_id in in_care
            and p.start_date <= day
            and (p.end_date is None or p.end_date > day)
        ]
        fostered = {p.resident_id for p in fostering}
        visits_due = sum(
            1 for p in fostering if p.next_visit_due is not None and p.next_visit_due <= day
        )
        schooling = _latest(
            session.execute(
                select(Upbringing.resident_id, Upbringing.effective_on, Upbringing.school_stage)
                .where(
                    Upbringing.institution_id.in_(ids),
                    Upbringing.deleted_at.is_(None),
                    Upbringing.effective_on <= day,
                )
                .order_by(Upbringing.effective_on, Upbringing.created_at)
            ).all()
        )
        assessed = _latest(
            session.execute(
                select(
                    ChildAssessment.resident_id,
                    ChildAssessment.assessed_on,
                    ChildAssessment.answers,
                )
                .where(
                    ChildAssessment.institution_id.in_(ids),
                    ChildAssessment.deleted_at.is_(None),
                    ChildAssessment.assessed_on <= day,
                )
                .order_by(ChildAssessment.assessed_on, ChildAssessment.created_at)
            ).all()
        )
        left = session.execute(
            select(Resident.discharge_reason).where(
                Resident.institution_id.in_(ids),
                Resident.kind == ResidentKind.CHILD,
                Resident.deleted_at.is_(None),
                Resident.discharge_date >= start,
                Resident.discharge_date <= end,
            )
        ).scalars()
        notices = running_notices(session, ids, day)
    disability = {c.id: _disability(assessed.get(c.id), c.disability_type) for c in children}
    return ChildFigures(
        as_of=day,
        period=(start, end),
        institutions=len(homes),
        in_care=len(in_care),
        in_house=len(in_care - fostered),
        in_foster_care=len(fostered),
        at_school=sum(
            1 for c in in_care if (s := schooling.get(c)) is not None and SchoolStage(s).at_school
        ),
        by_category=_in_order(
            Counter(
                c.child_category.label if c.child_category else _pick(UNKNOWN) for c in children
            ),
            [m.label for m in ChildCategory] + [_pick(UNKNOWN)],
        ),
        by_age_band=_in_order(
            Counter(
                _band_label(age_band(c.birth_date, day)) if c.birth_date else _pick(UNKNOWN)
                for c in children
            ),
            [_band_label(i) for i in range(len(AGE_BANDS))] + [_pick(UNKNOWN)],
        ),
        by_disability=dict(Counter(disability.values()).most_common()),
        with_disability=sum(1 for v in disability.values() if v != _pick(NO_DISABILITY)),
        placements=_in_order(
            Counter(p.kind.label for p in placements if start <= p.start_date <= end),
            [k.label for k in PlacementKind],
        ),
        left=dict(
            Counter((DischargeReason(r).label if r else _pick(UNKNOWN)) for r in left).most_common()
        ),
        notices=[
            NoticeDue(
                n.child_name, homes[n.institution_id], n.published_on, n.period_end, n.expired
            )
            for n in notices
        ],
        visits_due=visits_due,
    )


def homes_in_scope(scope: Scope) -> list[ColumnElement[bool]]:
    """The children's homes of the scope on its day: as for the bed figures, but a home counts
    from its first child's intake too (its record may have been typed in later)."""
    had_children = (
        select(Resident.id)
        .where(Resident.institution_id == Institution.id, Resident.admission_date <= scope.day)
        .exists()
    )
    conditions = institution_filter(scope)
    created = conditions[1]  # entered by then, or had beds by then
    return [
        conditions[0],
        or_(created, had_children),
        *conditions[2:],
        Institution.kind == InstitutionKind.CHILDREN_HOME,
    ]


def _latest(rows: Any) -> dict[uuid.UUID, Any]:
    """resident → the last column of its latest row (rows come in date order)."""
    return {r[0]: r[2] for r in rows}


def _disability(answers: dict[str, str] | None, recorded: str | None) -> str:
    if answers is not None:
        item = child_scheme().item_for_field("disability_type")
        option = item.option(answers.get(item.id, ""))
        if option is not None:
            return _pick(NO_DISABILITY) if option.code == "none" else option.label
    return recorded or _pick(NO_DISABILITY)


def _band_label(index: int) -> str:
    _low, _high, zh, en = AGE_BANDS[index]
    return zh if current_language() == "zh" else en


def _in_order(counts: Counter[str], order: list[str]) -> dict[str, int]:
    """Every label of ``order`` (zeros included), then any other seen."""
    result = {label: counts.get(label, 0) for label in order}
    result.update({k: v for k, v in counts.items() if k not in result})
    return result
