"""The one resolver of checklist templates: shipped ones and a home's own versions alike.

An inspection stores only ``template_id`` (and each result its ``item_id``), with no foreign
key: the id is a shipped template's (UUIDv5, the same on every replica, see
core/checklists.py) or a home version's (a synced ``home_checklists`` row). Whoever needs the
list an inspection used calls :func:`load_version` and gets a :class:`Template` of the same
shape for both. :func:`available_templates` is what a new inspection may use.

Editing a home's versions (copy, save a draft, publish, import, export) is in
:mod:`mzdesk.services.checklist_editing`.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.checklists import (
    Template,
    TemplateItem,
    TemplateStatus,
    shipped_template,
    shipped_templates,
)
from mzdesk.core.errors import NotFoundError
from mzdesk.core.vocab import InstitutionKind
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    ChecklistItem,
    ChecklistTemplate,
    HomeChecklist,
    HomeChecklistItem,
    InspectionResult,
)


@dataclass(frozen=True)
class TemplateSummary:
    id: uuid.UUID
    code: str
    version: str
    title: str
    standard: str
    status: TemplateStatus
    items: int
    applies_to: tuple[InstitutionKind, ...]
    institution_id: uuid.UUID | None  # None: shipped
    source_id: uuid.UUID | None
    published_at: dt.datetime | None
    updated_at: dt.datetime | None

    @property
    def editable(self) -> bool:
        return self.status is TemplateStatus.DRAFT


def _kinds(values: Iterable[str]) -> tuple[InstitutionKind, ...]:
    return tuple(InstitutionKind(v) for v in values)


def _summary(template: Template) -> TemplateSummary:
    return TemplateSummary(
        template.id,
        template.code,
        template.version,
        template.title,
        template.basis,
        TemplateStatus.SHIPPED,
        len(template.items),
        template.applies_to,
        None,
        None,
        None,
        None,
    )


def install_shipped(session: Session) -> int:
    """Bring the shipped tables in line with resources/checklists (idempotent; returns the
    number of rows added or changed). An item that left its file is kept, marked retired,
    when a result refers to it, and removed otherwise."""
    changed = 0
    templates = shipped_templates()
    stored = {
        row.id: row
        for row in session.scalars(
            select(ChecklistTemplate).where(ChecklistTemplate.id.in_([t.id for t in templates]))
        )
    }
    for template in templates:
        values = {
            "code": template.code,
            "version": template.version,
            "title": template.title,
            "basis": template.basis,
            "institution_kind": template.institution_kind,
            "applies_to": [k.value for k in template.applies_to],
            "rectify_days": template.rectify_days,
        }
        row = stored.get(template.id)
        if row is None:
            session.add(ChecklistTemplate(id=template.id, **values))
            session.flush()
            changed += 1
        else:
            changed += _update(row, values)
        changed += _install_items(session, template)
    session.flush()
    return changed


def _update(row: object, values: Mapping[str, object]) -> int:
    differs = {k: v for k, v in values.items() if getattr(row, k) != v}
    for key, value in differs.items():
        setattr(row, key, value)
    return 1 if differs else 0


def item_columns(item: TemplateItem, order: int) -> dict[str, Any]:
    """An item's stored columns (shipped or a home's version), but its code and ids."""
    return {
        "section": item.section,
        "text": item.text,
        "basis": item.basis,
        "major_hazard": item.major_hazard,
        "sort_order": order,
        "standard": item.standard,
        "clause_unverified": item.clause_unverified,
        "look_at": item.look_at,
        "applies_to": [k.value for k in item.applies_to],
    }


def _install_items(session: Session, template: Template) -> int:
    changed = 0
    rows = {
        r.id: r
        for r in session.scalars(
            select(ChecklistItem).where(ChecklistItem.template_id == template.id)
        )
    }
    for order, item in enumerate(template.items):
        values = {"code": item.code, **item_columns(item, order), "retired": False}
        row = rows.pop(item.id, None)
        if row is None:
            session.add(ChecklistItem(id=item.id, template_id=template.id, **values))
            changed += 1
        else:
            changed += _update(row, values)
    if rows:
        used = set(
            session.scalars(
                select(InspectionResult.item_id).where(InspectionResult.item_id.in_(list(rows)))
            )
        )
        for row_id, row in rows.items():
            if row_id in used:
                changed += _update(row, {"retired": True})
            else:
                session.delete(row)
                changed += 1
    return changed


def _home_rows(session: Session, institution_id: uuid.UUID) -> list[HomeChecklist]:
    return list(
        session.scalars(
            select(HomeChecklist).where(
                HomeChecklist.institution_id == institution_id,
                HomeChecklist.deleted_at.is_(None),
            )
        )
    )


def _item_counts(session: Session, template_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    counts: dict[uuid.UUID, int] = dict.fromkeys(template_ids, 0)
    for template_id in session.scalars(
        select(HomeChecklistItem.template_id).where(
            HomeChecklistItem.template_id.in_(template_ids),
            HomeChecklistItem.deleted_at.is_(None),
        )
    ):
        counts[template_id] += 1
    return counts


def _home_summaries(session: Session, institution_id: uuid.UUID) -> list[TemplateSummary]:
    rows = _home_rows(session, institution_id)
    counts = _item_counts(session, [r.id for r in rows])
    return [
        TemplateSummary(
            r.id,
            r.code,
            r.version,
            r.title,
            r.basis,
            r.status,
            counts[r.id],
            _kinds(r.applies_to),
            r.institution_id,
            r.source_id,
            r.published_at,
            r.updated_at,
        )
        for r in rows
    ]


def _newest_first(rows: list[TemplateSummary]) -> list[TemplateSummary]:
    oldest = dt.datetime.min
    return sorted(rows, key=lambda s: s.published_at or s.updated_at or oldest, reverse=True)


def available_templates(
    store: Store, institution_id: uuid.UUID, kind: InstitutionKind
) -> list[TemplateSummary]:
    """What a new inspection of the home may use: its own published versions, newest first,
    then the shipped templates that apply to its kind. Drafts are never offered."""
    with store.read() as session:
        home = [
            s
            for s in _home_summaries(session, institution_id)
            if s.status is TemplateStatus.PUBLISHED and kind in s.applies_to
        ]
    shipped = [_summary(t) for t in shipped_templates() if t.applies(kind)]
    return _newest_first(home) + shipped


def list_templates(
    store: Store, institution_id: uuid.UUID, kind: InstitutionKind | None = None
) -> list[TemplateSummary]:
    """Every template the home can see: shipped ones (of its kind, when given) and all its
    own versions, drafts included — what the 检查表 screen and ``mzdesk checklists`` list."""
    with store.read() as session:
        home = _home_summaries(session, institution_id)
    shipped = [_summary(t) for t in shipped_templates() if kind is None or t.applies(kind)]
    drafts = [s for s in home if s.status is TemplateStatus.DRAFT]
    published = [s for s in home if s.status is TemplateStatus.PUBLISHED]
    return _newest_first(drafts) + _newest_first(published) + shipped


def load_version(source: Store | Session, template_id: uuid.UUID) -> Template:
    """The exact version an inspection uses or used, shipped or the home's own."""
    shipped = shipped_template(template_id)
    if shipped is not None:
        return shipped
    if isinstance(source, Store):
        with source.read() as session:
            return _load_home(session, template_id)
    return _load_home(source, template_id)


def _home_items(session: Session, template_id: uuid.UUID) -> list[HomeChecklistItem]:
    return list(
        session.scalars(
            select(HomeChecklistItem)
            .where(
                HomeChecklistItem.template_id == template_id,
                HomeChecklistItem.deleted_at.is_(None),
            )
            .order_by(HomeChecklistItem.sort_order, HomeChecklistItem.code)
        )
    )


def _load_stored_shipped(session: Session, row: ChecklistTemplate) -> Template:
    """A shipped template whose file is gone, as the store kept it (every item, retired
    ones included: only inspections made before can refer to it)."""
    items = tuple(
        _item_of(i)
        for i in session.scalars(
            select(ChecklistItem)
            .where(ChecklistItem.template_id == row.id)
            .order_by(ChecklistItem.sort_order)
        )
    )
    return Template(
        id=row.id,
        code=row.code,
        version=row.version,
        title=row.title,
        basis=row.basis,
        applies_to=_kinds(row.applies_to),
        rectify_days=row.rectify_days,
        items=items,
        sections=tuple(dict.fromkeys(i.section for i in items)),
    )


def _load_home(session: Session, template_id: uuid.UUID) -> Template:
    row = session.get(HomeChecklist, template_id)
    if row is None or row.deleted_at is not None:
        stored = session.get(ChecklistTemplate, template_id)
        if stored is not None:
            return _load_stored_shipped(session, stored)
        raise NotFoundError("checklist.not_found", key=str(template_id))
    items = tuple(_item_of(i) for i in _home_items(session, template_id))
    return Template(
        id=row.id,
        code=row.code,
        version=row.version,
        title=row.title,
        basis=row.basis,
        applies_to=_kinds(row.applies_to),
        rectify_days=row.rectify_days,
        items=items,
        status=row.status,
        institution_id=row.institution_id,
        source_id=row.source_id,
        sections=tuple(dict.fromkeys(i.section for i in items)),
    )


def _item_of(row: ChecklistItem | HomeChecklistItem) -> TemplateItem:
    return TemplateItem(
        id=row.id,
        code=row.code,
        section=row.section,
        text=row.text,
        basis=row.basis,
        major_hazard=row.major_hazard,
        standard=row.standard,
        clause_unverified=row.clause_unverified,
        look_at=row.look_at,
        applies_to=_kinds(row.applies_to),
    )


def find_items(session: Session, item_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, TemplateItem]:
    """Items by id, wherever they are — shipped (retired ones included: an item that left
    its file after an inspection used it) or a home version's (deleted ones included). For
    showing an old inspection's results whose items :func:`load_version` no longer lists."""
    wanted = list(set(item_ids))
    found: dict[uuid.UUID, TemplateItem] = {}
    rows: list[ChecklistItem | HomeChecklistItem] = [
        *session.scalars(select(ChecklistItem).where(ChecklistItem.id.in_(wanted))),
        *session.scalars(select(HomeChecklistItem).where(HomeChecklistItem.id.in_(wanted))),
    ]
    for row in rows:
        found[row.id] = _item_of(row)
    return found


@dataclass(frozen=True)
class VersionLabel:
    title: str
    version: str
    status: TemplateStatus


def version_labels(
    session: Session, template_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, VersionLabel]:
    """Title, version and status of many versions at once, shipped or a home's (deleted and
    retired ones included) — for lists and report headers of inspections, which must not
    join the shipped table alone (an inspection may use a home version)."""
    wanted = set(template_ids)
    found: dict[uuid.UUID, VersionLabel] = {}
    for template in shipped_templates():
        if template.id in wanted:
            found[template.id] = VersionLabel(
                template.title, template.version, TemplateStatus.SHIPPED
            )
    rest = list(wanted - set(found))
    if rest:
        for shipped in session.scalars(
            select(ChecklistTemplate).where(ChecklistTemplate.id.in_(rest))
        ):
            found[shipped.id] = VersionLabel(shipped.title, shipped.version, TemplateStatus.SHIPPED)
        for home in session.scalars(select(HomeChecklist).where(HomeChecklist.id.in_(rest))):
            found[home.id] = VersionLabel(home.title, home.version, home.status)
    return found
