import datetime as dt
import json
from decimal import Decimal

from mzdesk.services.training import remove_certificate, worker_rejoined
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.training import training_statistics
from tests.helpers.actors import SETUP
from tests.stats.training.conftest import D


def names(refs):
    return sorted(r.name for r in refs)


def test_rates_counts_and_the_names_behind_the_gaps(store, staff):
    f = training_statistics(store, Scope(staff.home.id, as_of=D(2025, 6, 1)))
    # 周凤琴, 吴桂兰, 郑秀兰 — 李红 has left, 钱芳 is a nurse, 孙丽 works elsewhere
    assert f.active_care_workers == 3
    assert (f.prejob_trained, f.prejob_rate.pct) == (2, "66.7%")
    assert (f.certified, f.certified_rate.pct) == (2, "66.7%")
    assert names(f.missing_prejob) == ["郑秀兰"]
    assert names(f.missing_certificate) == ["郑秀兰"]  # her certificate is issued only in September
    assert [(c.name, c.certificate, c.expires_on) for c in f.expiring_certificates] == [
        ("吴桂兰", "职业技能等级证书", D(2025, 6, 30)),
        ("周凤琴", "健康证", D(2025, 7, 10)),
        ("钱芳", "护士执业证书", D(2025, 7, 20)),
    ]
    hours = {h.name: h.hours for h in f.hours}
    assert hours == {"周凤琴": Decimal("6"), "吴桂兰": Decimal("3"), "郑秀兰": Decimal("0")}
    assert f.average_hours == Decimal("3.0")
    j = f.as_json()
    json.dumps(j)
    assert j["prejob_rate_pct"] == "66.7%" and j["certified_rate_pct"] == "66.7%"
    assert [w["name"] for w in j["missing_prejob"]] == ["郑秀兰"]
    assert j["expiring_certificates"][0]["expires_on"] == "2025-06-30"
    assert j["hours_year"] == 2025 and j["average_hours_per_worker"] == 3.0


def test_as_of_dates_make_history_right(store, staff):
    def at(day):
        return training_statistics(store, Scope(staff.home.id, as_of=day))

    # before the retake, 吴桂兰 had only failed her pre-job training
    early = at(D(2024, 4, 9))
    assert (early.active_care_workers, early.prejob_trained) == (3, 2)  # 周, 吴, 李
    assert names(early.missing_prejob) == ["吴桂兰"]
    assert at(D(2024, 4, 10)).prejob_trained == 3
    # 李红 counted the day before she left, not on her leaving day
    assert "李红" not in names(at(D(2025, 3, 30)).missing_certificate)
    assert at(D(2025, 3, 30)).active_care_workers == 4
    assert at(D(2025, 3, 31)).active_care_workers == 3
    # 吴桂兰's certificate is valid through its expiry day, not after
    assert at(D(2025, 6, 30)).certified == 2
    assert names(at(D(2025, 7, 1)).missing_certificate) == ["吴桂兰", "郑秀兰"]
    # 郑秀兰's certificate counts from its issue day
    assert names(at(D(2025, 9, 1)).missing_certificate) == ["吴桂兰"]
    # before 郑秀兰 joined
    assert at(D(2025, 1, 14)).active_care_workers == 3
    # hours are those of the as-of year
    assert {h.name: h.hours for h in at(D(2024, 12, 31)).hours}["周凤琴"] == Decimal("12")
    assert {h.name: h.hours for h in at(D(2025, 8, 1)).hours}["周凤琴"] == Decimal("8")
    # nothing employed yet: no rate rather than a division by zero
    none = at(D(2020, 1, 1))
    assert none.active_care_workers == 0 and none.prejob_rate.pct == "—"


def test_a_region_and_all_give_per_institution_figures(store, staff):
    everyone = training_statistics(store, Scope(as_of=D(2025, 6, 1)))
    assert everyone.active_care_workers == 4  # 孙丽 the 保育员 counts in the children's home
    per = {i.name: i for i in everyone.per_institution}
    assert (per["市儿童福利院"].active_care_workers, per["市儿童福利院"].certified_rate.pct) == (
        1,
        "100.0%",
    )
    assert per["幸福养老院"].prejob_rate.pct == "66.7%"
    assert (everyone.prejob_trained, everyone.prejob_rate.pct) == (3, "75.0%")
    region = training_statistics(store, Scope(region_prefix="370203", as_of=D(2025, 6, 1)))
    assert [i.name for i in region.per_institution] == ["市儿童福利院"]
    assert region.active_care_workers == 1 and region.missing_prejob == []
    assert [i["name"] for i in everyone.as_json()["per_institution"]] == [
        "市儿童福利院",
        "幸福养老院",
    ]


def test_removed_records_and_a_rejoin_count_as_they_stand(store, staff):
    worker_rejoined(store, SETUP, staff.d.id)
    today = dt.date.today()
    f = training_statistics(store, Scope(staff.home.id, as_of=today))
    assert "李红" in [h.name for h in f.hours]
    from mzdesk.services.training import worker_detail

    (skill,) = [c for c in worker_detail(store, staff.a.id).certificates if c.counts_as_skill]
    remove_certificate(store, SETUP, skill.id)
    after = training_statistics(store, Scope(staff.home.id, as_of=today))
    assert "周凤琴" in names(after.missing_certificate)


def test_the_sql_and_the_python_skill_certificate_rules_agree(store, home):
    from mzdesk.core.training import is_skill_certificate
    from mzdesk.core.vocab import Occupation, SkillLevel
    from mzdesk.services.workers import (
        CertificateData,
        WorkerData,
        add_certificate,
        register_care_worker,
    )
    from tests.helpers.people import id_number

    cases = [
        ("养老护理员职业技能等级证书", SkillLevel.LEVEL3),
        ("职业技能等级证书", None),
        ("保育员职业资格证书", None),
        ("健康证", None),
        ("健康证", SkillLevel.NONE),
        ("急救员证", SkillLevel.LEVEL5),
        ("消防安全培训合格证", None),
    ]
    expected_missing = []
    for n, (name, level) in enumerate(cases):
        w = register_care_worker(
            store,
            SETUP,
            WorkerData(
                home.id,
                f"员工{n}",
                Occupation.CARE_WORKER,
                D(2024, 1, 1),
                id_number=id_number(D(1980, 1, 1), male=False),
            ),
        )
        add_certificate(store, SETUP, CertificateData(w.id, name, None, level, D(2024, 2, 1)))
        if not is_skill_certificate(name, level):
            expected_missing.append(w.name)
    f = training_statistics(store, Scope(home.id, as_of=D(2025, 1, 1)))
    assert names(f.missing_certificate) == sorted(expected_missing)
    assert len(expected_missing) == 3
