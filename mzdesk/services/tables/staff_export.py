"""The rows of the certificate and training-ledger exports, in the columns of their import
(services/tables/columns.py), so that an export re-imports unchanged."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.services.tables.cells import NO_EXPIRY
from mzdesk.services.tables.columns import Kind
from mzdesk.store.models import CareWorker, TrainingAttendance, TrainingSession, WorkerCertificate


def staff_rows(session: Session, kind: Kind, names: dict[uuid.UUID, str]) -> Iterator[list[Any]]:
    if kind is Kind.CERTIFICATES:
        certificates = (
            select(WorkerCertificate, CareWorker)
            .join(CareWorker, CareWorker.id == WorkerCertificate.worker_id)
            .where(WorkerCertificate.deleted_at.is_(None), CareWorker.deleted_at.is_(None))
            .order_by(
                WorkerCertificate.institution_id,
                CareWorker.name_sort,
                WorkerCertificate.issued_on,
            )
        )
        for c, w in session.execute(certificates):
            yield [
                names[c.institution_id],
                w.name,
                w.id_number,
                c.name,
                c.number,
                c.skill_level,
                c.issuer,
                c.issued_on,
                c.expires_on or NO_EXPIRY[0],
            ]
    elif kind is Kind.TRAINING:
        ledger = (
            select(TrainingAttendance, TrainingSession, CareWorker)
            .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
            .join(CareWorker, CareWorker.id == TrainingAttendance.worker_id)
            .where(
                TrainingAttendance.deleted_at.is_(None),
                TrainingSession.deleted_at.is_(None),
                CareWorker.deleted_at.is_(None),
            )
            .order_by(
                TrainingSession.institution_id,
                TrainingSession.start_date,
                TrainingSession.topic,
                CareWorker.name_sort,
            )
        )
        for a, t, w in session.execute(ledger):
            yield [
                names[t.institution_id],
                t.topic,
                t.category,
                t.start_date,
                t.end_date,
                t.hours,
                t.trainer,
                t.place,
                w.name,
                w.id_number,
                a.result,
            ]
    else:
        raise ValueError(kind)
