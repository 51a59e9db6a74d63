"""Training certificates: issue them for a session's passed attendance, revoke one, verify a
QR text offline, and gather what a printed certificate shows. See docs/certificates.md.

Serials are ``<year>-<key id>-<sequence>``: the key id is this device's (random, 40 bits, one
per device and institution), so two desktops working offline never hand out the same serial,
and the sequence counts this key's certificates of the year.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mzdesk.core import certificates as cert
from mzdesk.core.errors import NotFoundError, StateError, ValidationError
from mzdesk.core.identifiers import mask_id_number
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import TrainingResult
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.services.signing_keys import active_key, verify_server
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    CareWorker,
    Institution,
    SigningKey,
    TrainingAttendance,
    TrainingCertificate,
    TrainingSession,
)
from mzdesk.store.models.base import utcnow


@dataclass(frozen=True)
class CertificateView:
    id: uuid.UUID
    serial: str
    worker_id: uuid.UUID
    worker_name: str
    attendance_id: uuid.UUID
    session_id: uuid.UUID
    issued_on: dt.date
    qr_text: str
    revoked_at: dt.datetime | None
    revoked_reason: str | None

    @property
    def live(self) -> bool:
        return self.revoked_at is None


def _view(row: TrainingCertificate, worker_name: str) -> CertificateView:
    return CertificateView(
        row.id,
        row.serial,
        row.worker_id,
        worker_name,
        row.attendance_id,
        row.session_id,
        row.issued_on,
        row.payload,
        row.revoked_at,
        row.revoked_reason,
    )


def _live(session: Session, attendance_id: uuid.UUID) -> TrainingCertificate | None:
    return session.scalars(
        select(TrainingCertificate).where(
            TrainingCertificate.attendance_id == attendance_id,
            TrainingCertificate.deleted_at.is_(None),
            TrainingCertificate.revoked_at.is_(None),
        )
    ).first()


def _next_sequence(session: Session, key_id: str, year: int) -> int:
    prefix = cert.make_serial(year, key_id, 0)[:-4]
    serials = session.scalars(
        select(TrainingCertificate.serial).where(TrainingCertificate.serial.like(prefix + "%"))
    )
    return (
        max((int(s[len(prefix) :]) for s in serials if s[len(prefix) :].isdigit()), default=0) + 1
    )


def issuer_of(institution: Institution) -> str:
    return (institution.certificate_issuer or "").strip() or institution.name


@operation(Permission.CERTIFICATES_ISSUE)
def issue_certificates(
    store: Store,
    actor: Actor,
    session_id: uuid.UUID,
    *,
    today: dt.date | None = None,
    reissue: Collection[uuid.UUID] = (),
) -> list[CertificateView]:
    """A signed certificate for every passed attendance of the session that never had one
    (so running it again issues nothing new), and for the attendances in ``reissue`` whose
    certificate was revoked (a name corrected, say): a revoked certificate is replaced only
    when someone asks for it. Returns the certificates it issued."""
    day = today or dt.date.today()
    with store.write(actor) as session:
        training = get_live(session, TrainingSession, session_id)
        institution = get_live(session, Institution, training.institution_id)
        rows = session.execute(
            select(TrainingAttendance, CareWorker)
            .join(CareWorker, CareWorker.id == TrainingAttendance.worker_id)
            .where(
                TrainingAttendance.session_id == session_id,
                TrainingAttendance.deleted_at.is_(None),
                TrainingAttendance.result == TrainingResult.PASSED,
            )
            .order_by(CareWorker.name_sort, CareWorker.id)
        ).all()
        ever = set(
            session.scalars(
                select(TrainingCertificate.attendance_id).where(
                    TrainingCertificate.session_id == session_id,
                    TrainingCertificate.deleted_at.is_(None),
                )
            )
        )
        wanted = [
            (a, w)
            for a, w in rows
            if a.id not in ever or (a.id in reissue and _live(session, a.id) is None)
        ]
        if not wanted:
            return []
        server = verify_server(session)
        key = active_key(session, institution.id)
        sequence = _next_sequence(session, key.key_id, day.year)
        issued: list[tuple[TrainingCertificate, str]] = []
        for attendance, worker in wanted:
            claims = cert.Claims(
                key_id=key.key_id,
                institution_tag=cert.institution_tag(institution.id),
                sequence=sequence,
                masked_name=cert.mask_name(worker.name),
                course=training.topic,
                hours=attendance.hours_credited,
                start_date=training.start_date,
                end_date=training.end_date,
                issued_on=day,
                issuer=issuer_of(institution),
            )
            row = TrainingCertificate(
                id=cert.certificate_row_id(claims.serial),
                institution_id=institution.id,
                attendance_id=attendance.id,
                worker_id=worker.id,
                session_id=training.id,
                serial=claims.serial,
                issued_on=day,
                key_id=key.key_id,
                payload=cert.verify_url(server, cert.encode(claims, key.private_hex)),
            )
            session.add(row)
            sequence += 1
            issued.append((row, worker.name))
        session.flush()
        return [_view(row, name) for row, name in issued]


@operation(Permission.CERTIFICATES_ISSUE)
def revoke_certificate(
    store: Store, actor: Actor, certificate_id: uuid.UUID, reason: str
) -> CertificateView:
    """Revoke a certificate issued in error: it then says so everywhere it is verified."""
    reason = reason.strip()
    if not reason:
        raise ValidationError.single("revoked_reason", "cert.reason_required")
    with store.write(actor) as session:
        row = get_live(session, TrainingCertificate, certificate_id)
        if row.revoked_at is not None:
            raise StateError(
                "cert.already_revoked",
                serial=row.serial,
                when=f"{row.revoked_at:%Y-%m-%d}",
                reason=row.revoked_reason or "",
            )
        row.revoked_at = utcnow()
        row.revoked_reason = reason
        session.flush()
        return _view(row, session.get_one(CareWorker, row.worker_id).name)


def find_certificate(store: Store, serial: str) -> CertificateView:
    with store.read() as session:
        row = session.scalars(
            select(TrainingCertificate).where(
                TrainingCertificate.serial == serial.strip().upper(),
                TrainingCertificate.deleted_at.is_(None),
            )
        ).first()
        if row is None:
            raise NotFoundError("cert.not_found", serial=serial)
        return _view(row, session.get_one(CareWorker, row.worker_id).name)


@dataclass(frozen=True)
class SessionAttendee:
    """A passed attendee of a session and their certificates (newest first)."""

    attendance_id: uuid.UUID
    worker_id: uuid.UUID
    worker_name: str
    hours: Decimal
    certificates: tuple[CertificateView, ...]

    @property
    def live(self) -> CertificateView | None:
        return next((c for c in self.certificates if c.live), None)


@dataclass(frozen=True)
class SessionHeading:
    topic: str
    start_date: dt.date
    end_date: dt.date
    hours: Decimal


def session_heading(store: Store, session_id: uuid.UUID) -> SessionHeading:
    with store.read() as session:
        t = get_live(session, TrainingSession, session_id)
        return SessionHeading(t.topic, t.start_date, t.end_date, t.hours)


def session_certificates(store: Store, session_id: uuid.UUID) -> list[SessionAttendee]:
    with store.read() as session:
        rows = session.execute(
            select(TrainingAttendance, CareWorker)
            .join(CareWorker, CareWorker.id == TrainingAttendance.worker_id)
            .where(
                TrainingAttendance.session_id == session_id,
                TrainingAttendance.deleted_at.is_(None),
                TrainingAttendance.result == TrainingResult.PASSED,
            )
            .order_by(CareWorker.name_sort, CareWorker.id)
        ).all()
        certs: dict[uuid.UUID, list[TrainingCertificate]] = {}
        for c in session.scalars(
            select(TrainingCertificate)
            .where(
                TrainingCertificate.session_id == session_id,
                TrainingCertificate.deleted_at.is_(None),
            )
            .order_by(TrainingCertificate.created_at.desc())
        ):
            certs.setdefault(c.attendance_id, []).append(c)
        names = {w.id: w.name for _, w in rows}
        return [
            SessionAttendee(
                a.id,
                w.id,
                w.name,
                a.hours_credited,
                tuple(_view(c, names[w.id]) for c in certs.get(a.id, [])),
            )
            for a, w in rows
        ]


def verify_certificate(store: Store, text: str) -> cert.Verdict:
    """Check a QR text against the public keys and revocations this device knows (offline)."""
    try:
        signed = cert.parse(text)
    except cert.PayloadRefused as refused:
        return cert.Verdict(refused.reason)
    claims = signed.claims
    with store.read() as session:
        key_row = session.scalars(
            select(SigningKey).where(
                SigningKey.key_id == claims.key_id, SigningKey.deleted_at.is_(None)
            )
        ).first()
        if key_row is None:
            return cert.judge(signed, None, None)
        record = session.scalars(
            select(TrainingCertificate).where(
                TrainingCertificate.serial == claims.serial,
                TrainingCertificate.key_id == claims.key_id,
                TrainingCertificate.deleted_at.is_(None),
            )
        ).first()
        institution = session.get(Institution, key_row.institution_id)
        return cert.judge(
            signed,
            cert.KnownKey(key_row.public_key, key_row.institution_id, key_row.revoked_at),
            None
            if record is None
            else cert.KnownCertificate(record.revoked_at, record.revoked_reason),
            institution_name=None if institution is None else institution.name,
        )


@dataclass(frozen=True)
class CertificateSheet:
    """Everything one printed certificate shows."""

    serial: str
    name: str
    id_number: str  # masked unless the institution prints it in full
    course: str
    start_date: dt.date
    end_date: dt.date
    hours: Decimal
    # the worker's cumulative hours (credited in sessions ended by this one's end, whatever
    # the result: as the figures count them), when the institution wants them
    total_hours: Decimal | None
    result: str
    issuer: str
    issued_on: dt.date
    qr_text: str
    revoked: bool


def certificate_sheets(
    store: Store, session_id: uuid.UUID, only: set[uuid.UUID] | None = None
) -> list[CertificateSheet]:
    """The live certificates of a session (or only those of ``only``), ready to print."""
    with store.read() as session:
        training = get_live(session, TrainingSession, session_id)
        institution = get_live(session, Institution, training.institution_id)
        query = (
            select(TrainingCertificate, CareWorker, TrainingAttendance)
            .join(CareWorker, CareWorker.id == TrainingCertificate.worker_id)
            .join(TrainingAttendance, TrainingAttendance.id == TrainingCertificate.attendance_id)
            .where(
                TrainingCertificate.session_id == session_id,
                TrainingCertificate.deleted_at.is_(None),
            )
            .order_by(TrainingCertificate.serial)
        )
        sheets = []
        for row, worker, attendance in session.execute(query):
            if only is not None and row.id not in only:
                continue
            if only is None and row.revoked_at is not None:
                continue
            total = None
            if institution.certificate_total_hours:
                total = session.scalar(
                    select(func.coalesce(func.sum(TrainingAttendance.hours_credited), 0))
                    .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
                    .where(
                        TrainingAttendance.worker_id == worker.id,
                        TrainingAttendance.deleted_at.is_(None),
                        TrainingSession.deleted_at.is_(None),
                        TrainingSession.end_date <= training.end_date,
                    )
                )
            id_number = worker.id_number or ""
            sheets.append(
                CertificateSheet(
                    serial=row.serial,
                    name=worker.name,
                    id_number=id_number
                    if institution.certificate_full_id
                    else mask_id_number(id_number),
                    course=training.topic,
                    start_date=training.start_date,
                    end_date=training.end_date,
                    hours=attendance.hours_credited,
                    total_hours=None if total is None else Decimal(total),
                    result=attendance.result.zh,
                    issuer=issuer_of(institution),
                    issued_on=row.issued_on,
                    qr_text=row.payload,
                    revoked=row.revoked_at is not None,
                )
            )
        return sheets
