import dataclasses
from decimal import Decimal

import pytest
from sqlalchemy import select

from mzdesk.core.errors import NotFoundError, StateError, ValidationError
from mzdesk.core.vocab import Occupation, SkillLevel, TrainingCategory, TrainingResult, WorkerStatus
from mzdesk.services.training import (
    CertificateState,
    remove_certificate,
    update_certificate,
    update_worker,
    worker_detail,
    worker_rejoined,
)
from mzdesk.services.workers import (
    Attendee,
    CertificateData,
    WorkerData,
    add_certificate,
    list_workers,
    worker_left,
)
from mzdesk.store.models import AuditEntry, WorkerCertificate
from tests.helpers.actors import SETUP
from tests.services.training.conftest import D


def data_of(view, **changes):
    return dataclasses.replace(
        WorkerData(
            view.institution_id,
            view.name,
            view.occupation,
            view.hired_on,
            id_number=view.id_number,
            phone=view.phone,
            skill_level=view.skill_level,
            note=view.note,
            left_on=view.left_on,
        ),
        **changes,
    )


def test_update_worker_changes_particulars_and_writes_only_what_changed(store, hire):
    w = hire("周凤琴")
    changed = update_worker(
        store,
        SETUP,
        w.id,
        data_of(w, name="周凤芹", phone="13800000000", occupation=Occupation.NURSE),
    )
    assert (changed.name, changed.phone, changed.occupation) == (
        "周凤芹",
        "13800000000",
        Occupation.NURSE,
    )
    assert changed.gender is not None and changed.birth_date == D(1975, 1, 1)
    with store.read() as s:
        updates = [
            e for e in s.scalars(select(AuditEntry)) if e.row_id == w.id and e.action == "update"
        ]
    assert len(updates) == 1
    assert set(updates[0].changes) >= {"name", "phone", "occupation"}
    assert "hired_on" not in updates[0].changes


def test_update_worker_refuses_another_workers_id_number_and_bad_fields(store, hire):
    a, b = hire("周凤琴"), hire("吴桂兰")
    with pytest.raises(ValidationError) as dup:
        update_worker(store, SETUP, b.id, data_of(b, id_number=a.id_number))
    assert "已登记" in str(dup.value) or a.id_number in str(dup.value)
    with pytest.raises(ValidationError) as bad:
        update_worker(store, SETUP, b.id, data_of(b, name=" ", left_on=D(2020, 1, 1)))
    assert bad.value.fields() == {"name", "left_on"}
    # its own number is no duplicate
    assert update_worker(store, SETUP, a.id, data_of(a, note="夜班")).note == "夜班"


def test_leaving_correcting_the_date_and_rejoining(store, home, hire):
    w = hire("周凤琴")
    left = worker_left(store, SETUP, w.id, D(2025, 1, 31))
    assert list_workers(store, home.id) == []
    corrected = update_worker(store, SETUP, w.id, data_of(left, left_on=D(2025, 2, 28)))
    assert (corrected.status, corrected.left_on) == (WorkerStatus.LEFT, D(2025, 2, 28))
    back = worker_rejoined(store, SETUP, w.id)
    assert (back.status, back.left_on) == (WorkerStatus.ACTIVE, None)
    assert [v.id for v in list_workers(store, home.id)] == [w.id]
    with pytest.raises(StateError, match="在职"):
        worker_rejoined(store, SETUP, w.id)


def test_a_worker_can_be_registered_as_already_left(store, home, hire):
    w = hire("郑秀兰", left_on=D(2024, 12, 31))
    assert (w.status, w.left_on) == (WorkerStatus.LEFT, D(2024, 12, 31))


def test_certificates_edited_removed_and_their_states(store, hire):
    w = hire("周凤琴")
    long_term = add_certificate(
        store,
        SETUP,
        CertificateData(
            w.id, "职业技能等级证书", "A1", SkillLevel.LEVEL4, D(2022, 5, 1), None, "人社局"
        ),
    )
    health = add_certificate(
        store, SETUP, CertificateData(w.id, "健康证", "H1", None, D(2025, 3, 1), D(2026, 2, 28))
    )
    future = add_certificate(
        store, SETUP, CertificateData(w.id, "消防安全培训证", None, None, D(2026, 1, 10), None)
    )
    detail = worker_detail(store, w.id, as_of=D(2026, 1, 5))
    states = {c.name: c.state for c in detail.certificates}
    assert states == {
        "职业技能等级证书": CertificateState.VALID,
        "健康证": CertificateState.EXPIRING,
        "消防安全培训证": CertificateState.NOT_YET_VALID,
    }
    assert [c.counts_as_skill for c in detail.certificates if c.id == long_term] == [True]
    assert detail.worker.skill_level is SkillLevel.LEVEL4
    assert worker_detail(store, w.id, as_of=D(2026, 3, 1)).certificates[1].state in (
        CertificateState.EXPIRED,
        CertificateState.VALID,
    )
    assert {c.name: c.state for c in worker_detail(store, w.id, as_of=D(2026, 3, 1)).certificates}[
        "健康证"
    ] is CertificateState.EXPIRED
    # the expiry day itself is still valid (expiring)
    on_day = {
        c.name: c.state for c in worker_detail(store, w.id, as_of=D(2026, 2, 28)).certificates
    }
    assert on_day["健康证"] is CertificateState.EXPIRING

    update_certificate(
        store,
        SETUP,
        health,
        CertificateData(w.id, "健康证", "H2", None, D(2025, 3, 1), D(2027, 2, 28), "疾控中心"),
    )
    with pytest.raises(ValidationError) as bad:
        update_certificate(
            store,
            SETUP,
            health,
            CertificateData(w.id, "", None, None, D(2025, 3, 1), D(2024, 1, 1)),
        )
    assert bad.value.fields() == {"name", "expires_on"}
    remove_certificate(store, SETUP, future)
    detail = worker_detail(store, w.id, as_of=D(2026, 1, 5))
    assert [(c.name, c.number, c.issuer) for c in detail.certificates] == [
        ("健康证", "H2", "疾控中心"),
        ("职业技能等级证书", "A1", "人社局"),
    ]
    with store.read() as s:
        assert s.get(WorkerCertificate, future).deleted_at is not None
    with pytest.raises(NotFoundError):
        remove_certificate(store, SETUP, future)


def test_worker_detail_training_history_and_hours_per_year(store, hire, train):
    w, other = hire("周凤琴"), hire("吴桂兰")
    train("岗前培训", TrainingCategory.PRE_JOB, D(2024, 2, 20), [w], hours="16")
    train("消防安全", TrainingCategory.FIRE_FIRST_AID, D(2024, 9, 1), [w, other], hours="4")
    train(
        "失智照护",
        TrainingCategory.ON_JOB,
        D(2025, 3, 1),
        [
            Attendee(w.id, TrainingResult.FAILED, Decimal("6")),
            Attendee(other.id, TrainingResult.PASSED),
        ],
        end=D(2025, 3, 3),
        hours="12",
    )
    detail = worker_detail(store, w.id)
    assert [(r.topic, r.result, r.hours_credited) for r in detail.training] == [
        ("失智照护", TrainingResult.FAILED, Decimal("6")),
        ("消防安全", TrainingResult.PASSED, Decimal("4")),
        ("岗前培训", TrainingResult.PASSED, Decimal("16")),
    ]
    assert detail.training[0].end_date == D(2025, 3, 3)
    assert detail.hours_by_year == {2024: Decimal("20"), 2025: Decimal("6")}


def test_a_date_before_another_names_both_in_the_users_language(store, home, hire):
    """The other date's name came from a Chinese string in each service, so English users
    read 「2024-02-01 is before 入职日期 2024-03-01」; it is the field's label now."""
    import datetime as dt

    from mzdesk.core.errors import ValidationError
    from mzdesk.core.i18n import set_language
    from mzdesk.services.workers import worker_left

    worker = hire("周凤琴")
    before = worker.hired_on - dt.timedelta(days=1)
    for language, expected in (("zh", "早于入职日期"), ("en", "is before hired on")):
        set_language(language)
        try:
            with pytest.raises(ValidationError) as refused:
                worker_left(store, SETUP, worker.id, before)
            shown = str(refused.value)
        finally:
            set_language("zh")
        assert expected in shown and before.isoformat() in shown, shown
