"""The rows of the children's roster (儿童名册), in the columns of its import
(services/tables/columns.py), so that an export re-imports unchanged.

Each child is one row: the children's columns of the resident, its intake, its latest 寻亲公告,
the placement in force (foster care) or the one it left by, and its leaving. The private
columns (core/children.py PRIVATE_FIELDS: where and by whom it was found or brought, the
families) are written only for a role with ``children.private`` — never on a bureau's device,
which withholds that permission — and such an export is audited, one entry per child.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.children import notice_period_end
from mzdesk.core.errors import StateError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import ChildStage, InstitutionKind, ResidentKind, ResidentStatus
from mzdesk.services.tables.columns import COLUMNS, Column, Kind
from mzdesk.store.models import ChildIntake, ChildPlacement, FamilyNotice, Institution, Resident

EXPORT_ACTION = "export_private"  # how a roster export with the private columns reads in the audit


def roster_columns(viewer: Actor | None) -> tuple[Column, ...]:
    """The columns ``viewer`` is given: all of them with ``children.private``, else the others."""
    private = viewer is not None and viewer.can(Permission.CHILDREN_PRIVATE)
    return tuple(c for c in COLUMNS[Kind.CHILDREN] if private or not c.private)


def children_homes(session: Session) -> dict[uuid.UUID, str]:
    """The live children's homes, by id; a store without one has no children's roster."""
    homes = {
        i.id: i.name
        for i in session.scalars(
            select(Institution).where(
                Institution.deleted_at.is_(None),
                Institution.kind == InstitutionKind.CHILDREN_HOME,
            )
        )
    }
    if not homes:
        raise StateError("roster.children.no_home")
    return homes


def _latest(session: Session, model: Any, date_column: str, ids: list[uuid.UUID]) -> dict[Any, Any]:
    """Each child's row of ``model`` with the latest date (the last one wins a tie)."""
    rows = session.scalars(
        select(model)
        .where(model.institution_id.in_(ids), model.deleted_at.is_(None))
        .order_by(getattr(model, date_column), model.created_at)
    )
    return {row.resident_id: row for row in rows}


def _placements(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, ChildPlacement]:
    """The placement in force (an open foster care) or the one the child left by; a foster care
    that ended with the child back in the home is the record's, not the roster's."""
    rows = session.scalars(
        select(ChildPlacement)
        .where(ChildPlacement.institution_id.in_(ids), ChildPlacement.deleted_at.is_(None))
        .order_by(ChildPlacement.start_date, ChildPlacement.created_at)
    )
    latest: dict[uuid.UUID, ChildPlacement] = {}
    for row in rows:
        latest[row.resident_id] = row
    return {
        child: row
        for child, row in latest.items()
        if row.kind.leaves_the_home or row.end_date is None
    }


def children_rows(
    session: Session, homes: dict[uuid.UUID, str], columns: Sequence[Column]
) -> Iterator[tuple[Resident, list[Any]]]:
    """Each child of ``homes`` (in care or left) with its row in ``columns``."""
    ids = list(homes)
    intakes = _latest(session, ChildIntake, "intake_date", ids)
    notices = _latest(session, FamilyNotice, "published_on", ids)
    placements = _placements(session, ids)
    children = session.scalars(
        select(Resident)
        .where(
            Resident.institution_id.in_(ids),
            Resident.kind == ResidentKind.CHILD,
            Resident.deleted_at.is_(None),
        )
        .order_by(Resident.institution_id, Resident.admission_date, Resident.name_sort)
    )
    for child in children:
        intake: ChildIntake | None = intakes.get(child.id)
        notice: FamilyNotice | None = notices.get(child.id)
        placement = placements.get(child.id)
        values: dict[str, Any] = {
            "机构名称": homes[child.institution_id],
            "姓名": child.name,
            "身份证号": child.id_number,
            "性别": child.gender,
            "出生日期": child.birth_date,
            "儿童类别": child.child_category,
            "监护类型": child.guardianship_type,
            "残疾类别": child.disability_type,
            "残疾等级": child.disability_level,
            # a child who left reads 离院 (the path's word), not the elderly's 退住
            "状态": ChildStage.LEFT if child.status is ResidentStatus.DISCHARGED else child.status,
            "接收日期": child.admission_date,
            "离院日期": child.discharge_date,
            "离院原因": child.discharge_reason,
        }
        if intake is not None:
            values.update(
                {
                    "接收方式": intake.way,
                    "捡拾日期": intake.found_on,
                    "捡拾地点": intake.found_place,
                    "送交单位": intake.brought_by,
                    "捡拾报案证明编号": intake.police_report_number,
                    "转出机构": intake.transferred_from,
                    "判决书或决定书文号": intake.court_ruling,
                }
            )
        if notice is not None:
            values.update(
                {
                    "公告日期": notice.published_on,
                    "公告期满日期": notice_period_end(notice.published_on, notice.period_days),
                    "公告状态": notice.status,
                    "公告结束日期": notice.closed_on,
                    "认领人": notice.claimed_by,
                    "公告备注": notice.note,
                }
            )
        if placement is not None:
            values.update(
                {
                    "安置方式": placement.kind,
                    "安置日期": placement.start_date,
                    "寄养或收养家庭": placement.family_name,
                    "家庭住址": placement.family_address,
                }
            )
        yield child, [values.get(c.header) for c in columns]
