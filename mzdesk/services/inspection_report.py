"""What a printed inspection report and a 整改通知书 show, read in one transaction and
returned as plain data (the report writers never query).

Photos and signature images are given by reference (sha256 in the file store); the writers
read them one at a time through :func:`file_reader`, so a report of many photos never holds
their bytes all at once.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from mzdesk.core.checklists import Template, TemplateItem
from mzdesk.core.errors import NotFoundError, StateError
from mzdesk.core.vocab import (
    AttachmentKind,
    HazardLevel,
    HazardStatus,
    InspectionStatus,
    InspectionType,
    ItemResult,
    SignerRole,
)
from mzdesk.services.attachments import AttachmentView, MissingFile, attachments_in, read_file
from mzdesk.services.checklists import find_items, load_version
from mzdesk.services.hazards.views import withdrawn_of
from mzdesk.services.inspecting.detail import ChangeView, changes_of
from mzdesk.services.lookups import get_live
from mzdesk.store.engine import Store
from mzdesk.store.files import SealedCache
from mzdesk.store.keys import subkey
from mzdesk.store.models import (
    Hazard,
    Inspection,
    InspectionAmendment,
    InspectionResult,
    InspectionSignature,
    Institution,
)

OWNER_RESULTS = "inspection_results"
OWNER_SIGNATURES = "inspection_signatures"


@dataclass(frozen=True)
class FileRef:
    sha256: str
    media_type: str
    caption: str | None = None


@dataclass(frozen=True)
class ReportItem:
    code: str
    section: str
    text: str
    basis: str | None
    major_hazard: bool
    result: ItemResult | None  # None: not answered (a draft)
    note: str | None
    photos: tuple[FileRef, ...] = ()
    clause_unverified: bool = False  # the clause could not be read: the item is written plainly
    original: ItemResult | None = None  # the result as finished, when an amendment changed it


@dataclass(frozen=True)
class ReportHazard:
    number: int
    description: str
    level: HazardLevel
    status: HazardStatus
    measure: str | None
    responsible_person: str | None
    found_on: dt.date
    deadline: dt.date
    item_code: str | None
    rectified_on: dt.date | None
    rechecked_by: str | None
    rechecked_on: dt.date | None
    withdrawn: bool = False  # 已销号 because an amendment took its failure back (更正撤销)

    def overdue(self, on: dt.date) -> bool:
        return self.status is not HazardStatus.CLOSED and self.deadline < on


@dataclass(frozen=True)
class ReportAmendment:
    """A 更正 as printed: who, when, why, and each item's result before → after."""

    amended_by: str
    amended_at: dt.datetime
    reason: str
    changes: tuple[ChangeView, ...]


@dataclass(frozen=True)
class ReportSignature:
    role: SignerRole
    name: str
    signed_at: dt.datetime
    image: FileRef | None  # None: signed without a stroke image on this device


@dataclass(frozen=True)
class InspectionReport:
    inspection_id: uuid.UUID
    institution: str
    address: str | None
    inspected_on: dt.date
    inspection_type: InspectionType
    status: InspectionStatus
    template_title: str
    template_code: str
    template_version: str
    template_basis: str
    inspectors: str
    summary: str | None
    completed_at: dt.datetime | None
    printed_on: dt.date
    items: tuple[ReportItem, ...]
    hazards: tuple[ReportHazard, ...]
    signatures: tuple[ReportSignature, ...] = ()
    amendments: tuple[ReportAmendment, ...] = ()

    @property
    def amended(self) -> bool:
        return bool(self.amendments)

    @property
    def sections(self) -> list[tuple[str, list[ReportItem]]]:
        """The items grouped by section, sections in the order the checklist gives them."""
        groups: dict[str, list[ReportItem]] = {}
        for item in self.items:
            groups.setdefault(item.section, []).append(item)
        return list(groups.items())

    def count(self, result: ItemResult | None) -> int:
        return sum(1 for i in self.items if i.result is result)

    def hazards_of(self, level: HazardLevel) -> int:
        return sum(1 for h in self.hazards if h.level is level)

    @property
    def open_hazards(self) -> tuple[ReportHazard, ...]:
        return tuple(h for h in self.hazards if h.status is not HazardStatus.CLOSED)

    @property
    def overdue_hazards(self) -> int:
        return sum(1 for h in self.hazards if h.overdue(self.printed_on))


def find_inspection(store: Store, key: str) -> uuid.UUID:
    """An inspection by its id or a unique beginning of it (hyphens optional, any case);
    NotFoundError naming the key when none or several match."""
    wanted = key.strip().lower().replace("-", "")
    if not wanted or any(ch not in "0123456789abcdef" for ch in wanted) or len(wanted) > 32:
        raise NotFoundError("report.inspection_not_found", key=key)
    # SQLite keeps a Uuid as 32 hex digits; compare on that text form on every database
    as_text = func.lower(func.replace(cast(Inspection.id, String), "-", ""))
    with store.read() as session:
        ids = session.scalars(
            select(Inspection.id)
            .where(as_text.startswith(wanted, autoescape=True), Inspection.deleted_at.is_(None))
            .limit(11)
        ).all()
    if not ids:
        raise NotFoundError("report.inspection_not_found", key=key)
    if len(ids) > 1:
        raise NotFoundError(
            "report.inspection_ambiguous",
            key=key,
            count=f"{len(ids)}+" if len(ids) > 10 else len(ids),
        )
    return ids[0]


def _checklist(
    session: Session, template_id: uuid.UUID, answered: list[uuid.UUID]
) -> tuple[Template, list[TemplateItem]]:
    """The exact checklist version an inspection used (shipped or the home's own) and its
    items in order — then any answered item the version no longer lists (retired from its
    file since), so every recorded result is printed."""
    template = load_version(session, template_id)
    items = list(template.items)
    listed = {i.id for i in items}
    gone = [i for i in answered if i not in listed]
    if gone:
        found = find_items(session, gone)
        items += [found[i] for i in gone if i in found]
    return template, items


def _photos(views: list[AttachmentView]) -> tuple[FileRef, ...]:
    return tuple(
        FileRef(v.sha256, v.media_type, v.caption) for v in views if v.kind is AttachmentKind.PHOTO
    )


def inspection_report(
    store: Store, inspection_id: uuid.UUID, *, today: dt.date | None = None
) -> InspectionReport:
    """Everything the report and the notice print, as of ``today`` (overdue is judged on it)."""
    with store.read() as session:
        inspection = get_live(session, Inspection, inspection_id)
        institution = get_live(session, Institution, inspection.institution_id)
        results = {
            r.item_id: r
            for r in session.scalars(
                select(InspectionResult).where(
                    InspectionResult.inspection_id == inspection.id,
                    InspectionResult.deleted_at.is_(None),
                )
            )
        }
        template, checklist_items = _checklist(session, inspection.template_id, list(results))
        photos = attachments_in(session, OWNER_RESULTS, [r.id for r in results.values()])
        amendments = _amendments(session, inspection.id)
        in_force = {
            c.item_id: (c.new, c.new_note) for a in amendments for c in a.changes
        }  # later amendments overwrite earlier ones: they are in the order they were made
        items = []
        codes: dict[uuid.UUID, str] = {}
        for item in checklist_items:
            result = results.get(item.id)
            if result is not None:
                codes[result.id] = item.code
            answered = (result.result, result.note) if result else (None, None)
            now = in_force.get(item.id, answered)
            items.append(
                ReportItem(
                    item.code,
                    item.section,
                    item.text,
                    item.basis,
                    item.major_hazard,
                    now[0],
                    now[1],
                    _photos(photos[result.id]) if result else (),
                    item.clause_unverified,
                    answered[0] if now[0] is not answered[0] else None,
                )
            )
        hazards = session.scalars(
            select(Hazard)
            .where(Hazard.inspection_id == inspection.id, Hazard.deleted_at.is_(None))
            .order_by(Hazard.found_on, Hazard.created_at, Hazard.id)
        ).all()
        withdrawn = withdrawn_of(session, [h.id for h in hazards])
        signers = session.scalars(
            select(InspectionSignature)
            .where(
                InspectionSignature.inspection_id == inspection.id,
                InspectionSignature.deleted_at.is_(None),
            )
            .order_by(InspectionSignature.signed_at, InspectionSignature.id)
        ).all()
        strokes = attachments_in(session, OWNER_SIGNATURES, [s.id for s in signers])
        signatures = []
        for s in signers:
            images = [v for v in strokes[s.id] if v.kind is AttachmentKind.SIGNATURE]
            image = FileRef(images[-1].sha256, images[-1].media_type) if images else None
            signatures.append(ReportSignature(s.role, s.name, s.signed_at, image))
        signatures.sort(key=lambda s: (s.role is not SignerRole.INSPECTOR, s.signed_at))
        return InspectionReport(
            inspection_id=inspection.id,
            institution=institution.name,
            address=institution.address,
            inspected_on=inspection.inspected_on,
            inspection_type=inspection.inspection_type,
            status=inspection.status,
            template_title=template.title,
            template_code=template.code,
            template_version=template.version,
            template_basis=template.basis,
            inspectors=inspection.inspectors,
            summary=inspection.summary,
            completed_at=inspection.completed_at,
            printed_on=today or dt.date.today(),
            items=tuple(items),
            hazards=tuple(
                ReportHazard(
                    n,
                    h.description,
                    h.level,
                    h.status,
                    h.measure,
                    h.responsible_person,
                    h.found_on,
                    h.deadline,
                    codes.get(h.result_id) if h.result_id else None,
                    h.rectified_on,
                    h.rechecked_by,
                    h.rechecked_on,
                    h.status is HazardStatus.CLOSED and h.id in withdrawn,
                )
                for n, h in enumerate(hazards, 1)
            ),
            signatures=tuple(signatures),
            amendments=amendments,
        )


def _amendments(session: Session, inspection_id: uuid.UUID) -> tuple[ReportAmendment, ...]:
    return tuple(
        ReportAmendment(a.amended_by, a.amended_at, a.reason, changes_of(a.changes))
        for a in session.scalars(
            select(InspectionAmendment)
            .where(
                InspectionAmendment.inspection_id == inspection_id,
                InspectionAmendment.deleted_at.is_(None),
            )
            .order_by(InspectionAmendment.amended_at, InspectionAmendment.id)
        )
    )


def notice_report(
    store: Store, inspection_id: uuid.UUID, *, today: dt.date | None = None
) -> InspectionReport:
    """The report's data for a 整改通知书: StateError when no hazard is open."""
    report = inspection_report(store, inspection_id, today=today)
    if not report.open_hazards:
        raise StateError("report.no_open_hazards")
    return report


def thumbnail_cache(store: Store) -> SealedCache:
    """Where printed reports keep their small copies of the store's photos, encrypted (beside
    the file store, never inside it: sync sends what is in there)."""
    root = store.files.root
    key = subkey(store.key, "thumbnails") if store.key is not None else None
    return SealedCache(root.with_name(root.name + "-cache"), key)


def file_reader(store: Store) -> Callable[[str], bytes | None]:
    """Read a stored file's bytes by sha256; None when sync has not brought it yet."""

    def read(sha256: str) -> bytes | None:
        try:
            return read_file(store, sha256)
        except MissingFile:
            return None

    return read
