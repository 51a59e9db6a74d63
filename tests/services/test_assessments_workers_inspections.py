import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from mzdesk.core.assessment import default_scheme
from mzdesk.core.checklists import shipped_templates
from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.vocab import (
    AbilityLevel,
    AssessmentReason,
    BedType,
    Occupation,
    RiskEvent,
    SkillLevel,
    TrainingCategory,
    TrainingResult,
    WorkerStatus,
)
from mzdesk.services.assessments import AssessmentData, assessment_history, record_assessment
from mzdesk.services.beds import NewBeds, add_beds
from mzdesk.services.residents import (
    ResidentData,
    get_resident,
)
from mzdesk.services.stays import (
    Admission,
    admit_resident,
)
from mzdesk.services.workers import (
    Attendee,
    CertificateData,
    TrainingData,
    WorkerData,
    add_certificate,
    record_training_session,
    register_care_worker,
    worker_left,
)
from mzdesk.store.models import Institution, TrainingAttendance
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

D = dt.date
FULL = {item.id: item.max_score for item in default_scheme().items}


@pytest.fixture
def resident(store, home):
    (bed,) = add_beds(
        store, SETUP, NewBeds(home.id, "1号楼", "1层", ["101"], 1, BedType.NURSING, D(2024, 1, 1))
    )
    data = ResidentData(name="李秀英", id_number=id_number(D(1938, 2, 2), male=False))
    return admit_resident(store, SETUP, Admission(home.id, data, D(2025, 1, 1), bed.id))


def test_assessments_form_a_dated_history_and_the_newest_sets_the_level(store, home, resident):
    with store.write(SETUP) as s:
        s.get(Institution, home.id).care_levels = {"0": "自理", "2": "介助"}
    record_assessment(
        store,
        SETUP,
        AssessmentData(resident.id, D(2025, 1, 2), AssessmentReason.FIRST, "评估员甲", FULL),
    )
    moderate = {
        **FULL,
        "B.1.1": 0,
        "B.1.2": 0,
        "B.1.3": 0,
        "B.1.4": 0,
        "B.1.5": 0,
        "B.1.6": 0,
        "B.2.3": 0,
    }
    later = record_assessment(
        store,
        SETUP,
        AssessmentData(resident.id, D(2025, 6, 1), AssessmentReason.ROUTINE, "评估员乙", moderate),
    )
    assert later.total == 62
    assert later.level is AbilityLevel.MODERATE
    # an older assessment typed in late does not overwrite the current level
    record_assessment(
        store,
        SETUP,
        AssessmentData(resident.id, D(2025, 3, 1), AssessmentReason.IMMEDIATE, "评估员丙", FULL),
    )
    assert get_resident(store, resident.id).ability_level is AbilityLevel.MODERATE
    assert [a.assessed_on for a in assessment_history(store, resident.id)] == [
        D(2025, 6, 1),
        D(2025, 3, 1),
        D(2025, 1, 2),
    ]
    from mzdesk.store.models import Resident

    with store.read() as s:
        assert s.get(Resident, resident.id).care_level == "介助"


def test_risk_events_recorded_with_the_assessment(store, resident):
    view = record_assessment(
        store,
        SETUP,
        AssessmentData(
            resident.id,
            D(2025, 1, 2),
            AssessmentReason.FIRST,
            "甲",
            FULL,
            risk_events=(RiskEvent.FALL, RiskEvent.WANDERING),
        ),
    )
    assert view.base_level is AbilityLevel.INTACT
    assert view.level is AbilityLevel.MILD


def test_incomplete_assessment_is_refused(store, resident):
    partial = dict(FULL)
    del partial["B.4.5"]
    with pytest.raises(ValidationError) as error:
        record_assessment(
            store,
            SETUP,
            AssessmentData(resident.id, D(2025, 1, 2), AssessmentReason.FIRST, "", partial),
        )
    assert error.value.fields() == {"assessor", "answers.B.4.5"}


def worker(store, home, name="周凤琴", **kw):
    return register_care_worker(
        store,
        SETUP,
        WorkerData(
            home.id,
            name,
            kw.pop("occupation", Occupation.CARE_WORKER),
            D(2024, 3, 1),
            id_number=id_number(D(1975, 1, 1), male=False),
            **kw,
        ),
    )


def test_training_with_attendance_and_certificates(store, home):
    a, b, c = worker(store, home), worker(store, home, "吴桂兰"), worker(store, home, "郑秀兰")
    session_id = record_training_session(
        store,
        SETUP,
        TrainingData(
            home.id,
            "岗前培训",
            TrainingCategory.PRE_JOB,
            D(2025, 3, 1),
            D(2025, 3, 5),
            Decimal("40"),
            [
                Attendee(a.id, TrainingResult.PASSED),
                Attendee(b.id, TrainingResult.FAILED),
                Attendee(c.id, TrainingResult.ABSENT),
            ],
        ),
    )
    with store.read() as s:
        rows = {
            r.worker_id: r
            for r in s.scalars(
                select(TrainingAttendance).where(TrainingAttendance.session_id == session_id)
            )
        }
    assert rows[a.id].hours_credited == Decimal("40.0")
    assert rows[a.id].result is TrainingResult.PASSED  # certificates: services/certificates.py
    assert rows[b.id].certificate_number is None
    assert rows[c.id].hours_credited == Decimal(0)


def test_training_input_errors(store, home):
    a = worker(store, home)
    with pytest.raises(ValidationError) as error:
        record_training_session(
            store,
            SETUP,
            TrainingData(
                home.id,
                "",
                TrainingCategory.ON_JOB,
                D(2025, 3, 5),
                D(2025, 3, 1),
                Decimal("-1"),
                [],
            ),
        )
    assert error.value.fields() == {"topic", "hours", "end_date", "attendees"}
    with pytest.raises(ValidationError, match="重复"):
        record_training_session(
            store,
            SETUP,
            TrainingData(
                home.id,
                "消防",
                TrainingCategory.FIRE_FIRST_AID,
                D(2025, 3, 5),
                D(2025, 3, 5),
                Decimal(2),
                [Attendee(a.id, TrainingResult.PASSED)] * 2,
            ),
        )


def test_workers_certificates_and_leaving(store, home):
    w = worker(store, home)
    with pytest.raises(ValidationError, match="已登记"):
        worker(store, home, id_number_override=None) if False else register_care_worker(
            store,
            SETUP,
            WorkerData(
                home.id, "重复", Occupation.CARE_WORKER, D(2024, 1, 1), id_number=w.id_number
            ),
        )
    add_certificate(
        store,
        SETUP,
        CertificateData(w.id, "养老护理员职业技能等级证书", "S1", SkillLevel.LEVEL4, D(2024, 5, 1)),
    )
    left = worker_left(store, SETUP, w.id, D(2025, 1, 31))
    assert left.status is WorkerStatus.LEFT
    assert left.skill_level is SkillLevel.LEVEL4
    with pytest.raises(StateError):
        worker_left(store, SETUP, w.id, D(2025, 2, 1))


def test_shipped_templates_are_valid_and_versioned():
    templates = shipped_templates()
    assert {(t.code, t.version) for t in templates} >= {("GB38600", "2019"), ("YLJG-ZDYH", "2023")}
    nine = [
        i.text[:2]
        for i in next(t for t in templates if t.code == "GB38600").items
        if i.section == "服务防护（九防）"
    ]
    assert len(nine) == 9
