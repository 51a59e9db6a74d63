"""The demo site has the training cases the figures and the matrix are there to show."""

import datetime as dt

from mzdesk.core.training import CertificateState
from mzdesk.core.vocab import TrainingCategory, TrainingResult, WorkerStatus
from mzdesk.services.demo.generate import Scale, generate
from mzdesk.services.training import worker_detail
from mzdesk.services.workers import list_trainings, list_workers
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.training import needs_next, training_matrix, training_statistics
from mzdesk.store.engine import open_store
from tests.helpers.actors import SETUP

TODAY = dt.date(2026, 6, 15)


def _figures(path):
    store = open_store(path)
    try:
        generate(store, SETUP, Scale.SITE, seed=7, today=TODAY)
        (home,) = {w.institution_id for w in list_workers(store, _only(store))}
        figures = training_statistics(store, Scope(home, as_of=TODAY))
        workers = list_workers(store, home, include_left=True)
        details = [worker_detail(store, w.id, as_of=TODAY) for w in workers]
        sessions = list_trainings(store, home)
        needs = needs_next(training_matrix(store, home, TODAY))
        return figures, workers, details, sessions, needs
    finally:
        store.close()


def _only(store):
    from mzdesk.services.institutions import list_institutions

    (institution,) = list_institutions(store)
    return institution.id


def _strip(j):
    for key in (
        "missing_prejob",
        "missing_certificate",
        "expiring_certificates",
        "hours_per_worker",
    ):
        for row in j[key]:
            row.pop("worker_id")
    for row in j["per_institution"]:
        row.pop("institution_id")
    return j


def test_the_demo_has_every_case_and_is_deterministic(tmp_path):
    figures, workers, details, sessions, needs = _figures(tmp_path / "a.db")
    assert "林晓燕" in [w.name for w in figures.missing_prejob]  # the joiner
    assert [w for w in workers if w.status is WorkerStatus.LEFT]  # a leaver
    prejob = {s.id for s in sessions if s.category is TrainingCategory.PRE_JOB}
    retook = [
        d.worker.name
        for d in details
        if [r.result for r in reversed(d.training) if r.session_id in prejob][:2]
        == [TrainingResult.FAILED, TrainingResult.PASSED]
    ]
    assert len(retook) >= 2  # failed a first sitting, passed a later one
    states = [c.state for d in details for c in d.certificates]
    assert CertificateState.EXPIRED in states and CertificateState.EXPIRING in states
    expired_skill = [
        d.worker.name
        for d in details
        if any(c.counts_as_skill and c.state is CertificateState.EXPIRED for c in d.certificates)
    ]
    assert expired_skill and set(expired_skill) <= {w.name for w in figures.missing_certificate}
    assert len(figures.expiring_certificates) >= 3
    assert len({h.hours for h in figures.hours}) >= 4  # hours per year differ
    assert 0 < figures.prejob_rate.value < 1 and 0 < figures.certified_rate.value < 1
    assert needs
    again, *_ = _figures(tmp_path / "b.db")
    assert _strip(again.as_json()) == _strip(figures.as_json())


def test_the_city_demo_staffs_each_home_with_a_spread_of_cases(store, home):
    from mzdesk.core.vocab import InstitutionKind
    from mzdesk.services.demo.city_staff import _staff_city
    from mzdesk.services.demo.maker import Maker

    made = _staff_city(
        store, SETUP, Maker(5, TODAY), [(home.id, "370212", InstitutionKind.NURSING_HOME, 210)]
    )
    f = training_statistics(store, Scope(home.id, as_of=TODAY))
    assert made >= 32 and f.active_care_workers >= 25
    assert 0 < f.prejob_rate.value < 1 and 0 < f.certified_rate.value < 1
    assert f.expiring_certificates and len({h.hours for h in f.hours}) > 2
    assert [w for w in list_workers(store, home.id, include_left=True) if w.left_on]
