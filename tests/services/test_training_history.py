"""The history of a care worker (with certificates and attendance) and of a training session
(with its attendance): ``audit_trail(related_to=...)``, attendance named by its worker."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from mzdesk.core.vocab import Occupation, TrainingCategory, TrainingResult
from mzdesk.services.history import audit_trail
from mzdesk.services.training import remove_certificate, session_detail, update_attendance
from mzdesk.services.workers import (
    Attendee,
    CertificateData,
    TrainingData,
    WorkerData,
    add_certificate,
    record_training_session,
    register_care_worker,
)
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

D = dt.date


def test_worker_and_session_histories_include_what_belongs_to_them(store, home):
    worker = register_care_worker(
        store,
        SETUP,
        WorkerData(home.id, "李护理", Occupation.CARE_WORKER, D(2024, 1, 2), id_number()),
    )
    other = register_care_worker(
        store,
        SETUP,
        WorkerData(home.id, "王护理", Occupation.CARE_WORKER, D(2024, 1, 2), id_number()),
    )
    certificate = add_certificate(store, SETUP, CertificateData(worker.id, "健康证"))
    remove_certificate(store, SETUP, certificate)
    session_id = record_training_session(
        store,
        SETUP,
        TrainingData(
            home.id,
            "消防演练",
            TrainingCategory.FIRE_FIRST_AID,
            D(2025, 1, 3),
            D(2025, 1, 3),
            Decimal(2),
            [Attendee(worker.id, TrainingResult.PASSED), Attendee(other.id, TrainingResult.PASSED)],
        ),
    )
    mine = next(a for a in session_detail(store, session_id).attendees if a.worker_id == worker.id)
    update_attendance(
        store,
        SETUP,
        mine.attendance_id,
        result=TrainingResult.FAILED,
        hours_credited=Decimal(1),
    )

    worker_trail = audit_trail(store, related_to=worker.id)
    tables = {entry.table for entry in worker_trail}
    assert tables == {"care_workers", "worker_certificates", "training_attendance"}
    # the removed certificate's history is still there
    assert any(e.table == "worker_certificates" and e.action == "delete" for e in worker_trail)
    # the other worker's attendance is not the first worker's history
    attendance = [e for e in worker_trail if e.table == "training_attendance"]
    assert {e.record_label for e in attendance} == {"李护理"}

    session_trail = audit_trail(store, related_to=session_id)
    assert {e.table for e in session_trail} == {"training_sessions", "training_attendance"}
    named = {e.record_label for e in session_trail if e.table == "training_attendance"}
    assert named == {"李护理", "王护理"}  # an attendance is named by its worker
    changed = next(e for e in session_trail if e.action == "update")
    assert {f.field for f in changed.fields} >= {"result", "hours_credited"}
