"""Bed statistics against figures worked out by hand."""

import datetime as dt

import pytest

from mzdesk.core.vocab import (
    BedType,
    DischargeReason,
    Grade,
    InstitutionKind,
    Operation,
    Positioning,
)
from mzdesk.services.beds import NewBeds, add_beds, change_bed_type, take_bed_out_of_service
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.residents import (
    ResidentData,
)
from mzdesk.services.stays import (
    Admission,
    admit_resident,
    discharge_resident,
)
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.beds.figures import Ratio, bed_statistics
from mzdesk.stats.beds.yearbook import yearbook
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

D = dt.date


@pytest.fixture
def city(store):
    """Two homes in 370212 and one in 370203, built on 2026-01-01:
    A (民办, 普惠, 三级): 4 自理 + 6 护理 + 2 认知 = 12 beds
    B (公办, 兜底, 一级): 10 护理
    C (公建民营, 品质, 未评级, in 370203): 8 自理
    """

    def home(name, operation, positioning, grade, region):
        return create_institution(
            store,
            SETUP,
            InstitutionData(
                name=name,
                kind=InstitutionKind.NURSING_HOME,
                operation=operation,
                positioning=positioning,
                grade=grade,
                region_code=region,
            ),
        )

    a = home("甲院", Operation.PRIVATE, Positioning.AFFORDABLE, Grade.THREE, "370212")
    b = home("乙院", Operation.PUBLIC, Positioning.SAFETY_NET, Grade.ONE, "370212")
    c = home("丙院", Operation.PUBLIC_PRIVATE, Positioning.QUALITY, Grade.UNRATED, "370203")
    day = D(2026, 1, 1)
    beds_a = add_beds(
        store, SETUP, NewBeds(a.id, "1号楼", "1层", ["101", "102"], 2, BedType.SELF_CARE, day)
    )
    beds_a += add_beds(
        store, SETUP, NewBeds(a.id, "1号楼", "2层", ["201", "202", "203"], 2, BedType.NURSING, day)
    )
    beds_a += add_beds(
        store, SETUP, NewBeds(a.id, "1号楼", "3层", ["301"], 2, BedType.DEMENTIA, day)
    )
    beds_b = add_beds(
        store,
        SETUP,
        NewBeds(b.id, "主楼", "1层", ["101", "102", "103", "104", "105"], 2, BedType.NURSING, day),
    )
    add_beds(
        store,
        SETUP,
        NewBeds(c.id, "A栋", "1层", ["101", "102", "103", "104"], 2, BedType.SELF_CARE, day),
    )
    return {"a": a, "b": b, "c": c, "beds_a": beds_a, "beds_b": beds_b}


def admit(store, institution, bed, on, name="住户"):
    return admit_resident(
        store,
        SETUP,
        Admission(institution.id, ResidentData(name=name, id_number=id_number()), on, bed.id),
    )


def test_whole_city_figures(store, city):
    s = bed_statistics(store, Scope(as_of=D(2026, 3, 1)))
    assert s.institutions == 3
    assert s.total_beds == 30
    assert s.beds_by_type == {BedType.SELF_CARE: 12, BedType.NURSING: 16, BedType.DEMENTIA: 2}
    assert s.nursing_beds == 18  # dementia-care beds count as nursing-type
    assert (s.nursing_share.numerator, s.nursing_share.denominator, s.nursing_share.pct) == (
        18,
        30,
        "60.0%",
    )
    assert s.social_operated_beds == 20  # 民办 A (12) + 公建民营 C (8)
    assert s.social_operated_share.pct == "66.7%"
    assert s.institutions_by_operation == {"公办公营": 1, "公建民营": 1, "民办": 1}
    assert s.institutions_by_positioning == {"兜底型": 1, "普惠型": 1, "品质型": 1}
    assert s.institutions_by_grade["三级"] == 1 and s.institutions_by_grade["未评级"] == 1
    assert s.sentence("全市") == "全市养老机构3家，床位30张，其中护理型床位18张，占比60.0%"


def test_region_and_institution_scopes(store, city):
    region = bed_statistics(store, Scope(region_prefix="370212", as_of=D(2026, 3, 1)))
    assert (region.institutions, region.total_beds, region.nursing_beds) == (2, 22, 18)
    one = bed_statistics(store, Scope(institution_id=city["c"].id, as_of=D(2026, 3, 1)))
    assert (one.total_beds, one.nursing_beds, one.nursing_share.pct) == (8, 0, "0.0%")


def test_occupancy_counts_beds_in_service_only(store, city):
    a, beds = city["a"], city["beds_a"]
    for bed in beds[:3]:
        admit(store, a, bed, D(2026, 2, 1))
    take_bed_out_of_service(store, SETUP, beds[5].id, D(2026, 2, 10), "维修")
    s = bed_statistics(store, Scope(institution_id=a.id, as_of=D(2026, 3, 1)))
    assert s.total_beds == 12  # an out-of-service bed is still a bed
    assert (s.occupancy.numerator, s.occupancy.denominator, s.occupancy.pct) == (3, 11, "27.3%")


def test_as_of_a_past_date_does_not_move_when_things_change_later(store, city):
    a, beds = city["a"], city["beds_a"]
    resident = admit(store, a, beds[0], D(2026, 2, 1))
    june = Scope(institution_id=a.id, as_of=D(2026, 6, 30))
    before = bed_statistics(store, june).as_json()
    # July: more beds, a type change, a bed out of service, a discharge
    add_beds(
        store, SETUP, NewBeds(a.id, "2号楼", "1层", ["101"], 4, BedType.NURSING, D(2026, 7, 5))
    )
    change_bed_type(store, SETUP, beds[1].id, BedType.NURSING, D(2026, 7, 6))
    take_bed_out_of_service(store, SETUP, beds[2].id, D(2026, 7, 7))
    discharge_resident(store, SETUP, resident.id, D(2026, 7, 8), DischargeReason.HOME)
    assert bed_statistics(store, june).as_json() == before
    july = bed_statistics(store, Scope(institution_id=a.id, as_of=D(2026, 7, 31)))
    assert july.total_beds == 16
    assert july.beds_by_type[BedType.NURSING] == 11  # 6 + 4 new + 1 changed
    assert july.beds_in_service == 15
    assert july.occupied_beds == 0
    # and before the beds existed
    assert bed_statistics(store, Scope(institution_id=a.id, as_of=D(2025, 12, 31))).total_beds == 0


def test_discharge_day_frees_the_bed(store, city):
    a, beds = city["a"], city["beds_a"]
    resident = admit(store, a, beds[0], D(2026, 2, 1))
    discharge_resident(store, SETUP, resident.id, D(2026, 2, 20), DischargeReason.HOME)
    assert (
        bed_statistics(store, Scope(institution_id=a.id, as_of=D(2026, 2, 19))).occupied_beds == 1
    )
    assert (
        bed_statistics(store, Scope(institution_id=a.id, as_of=D(2026, 2, 20))).occupied_beds == 0
    )


def test_an_empty_institution_and_an_empty_database(store):
    empty = bed_statistics(store, Scope())
    assert (empty.total_beds, empty.nursing_share.pct, empty.occupancy.pct) == (0, "—", "—")
    home = create_institution(
        store, SETUP, InstitutionData(name="新院", kind=InstitutionKind.NURSING_HOME)
    )
    s = bed_statistics(store, Scope(institution_id=home.id))
    assert s.institutions == 1 and s.total_beds == 0 and s.as_json()["nursing_share"] == 0.0


@pytest.mark.parametrize(
    ("numerator", "denominator", "published"),
    [
        (7385, 10036, "73.6%"),  # the bureau's own example
        (1473, 2000, "73.7%"),  # 73.65 exactly: half up
        (2947, 4000, "73.7%"),  # 73.675
        (2945, 4000, "73.6%"),  # 73.625 → 73.6 (not a tie)
        (1, 8, "12.5%"),
        (1, 3, "33.3%"),
        (2, 3, "66.7%"),
        (0, 5, "0.0%"),
        (5, 5, "100.0%"),
    ],
)
def test_published_percentages_round_half_up(numerator, denominator, published):
    assert Ratio(numerator, denominator).pct == published


def test_yearbook_table(store, city):
    admit(store, city["a"], city["beds_a"][0], D(2026, 2, 1))
    rows = {r.kind: r for r in yearbook(store, Scope(as_of=D(2026, 12, 31)))}
    nursing = rows[InstitutionKind.NURSING_HOME]
    assert (nursing.institutions, nursing.beds, nursing.residents, nursing.staff) == (3, 30, 1, 0)
    assert rows[InstitutionKind.CHILDREN_HOME].institutions == 0


def _per_bed_reference(store, scope):
    """The as-of rules applied bed by bed (the slow, obvious query) for cross-checking."""
    from sqlalchemy import func, select

    from mzdesk.stats.beds.asof import bed_states

    states = bed_states(scope)
    with store.read() as session:
        rows = session.execute(
            select(
                states.c.bed_type,
                func.count(),
                func.sum(states.c.in_service),
                func.sum(states.c.occupied),
            ).group_by(states.c.bed_type)
        ).all()
    return (
        {BedType(t): n for t, n, _, _ in rows},
        sum(int(s or 0) for _, _, s, _ in rows),
        sum(int(o or 0) for _, _, _, o in rows),
    )


def test_aggregates_agree_with_the_bed_by_bed_rules_on_every_day(store, city):
    """Type changes, service changes back-dated under a stay, transfers, discharges, a bed added
    later and two stays on one bed (two desktops admitting offline) — checked day by day."""
    from mzdesk.services.beds import return_bed_to_service
    from mzdesk.services.stays import (
        transfer_bed,
    )
    from mzdesk.store.models import BedStay

    a, b, beds, beds_b = city["a"], city["b"], city["beds_a"], city["beds_b"]
    first = admit(store, a, beds[0], D(2026, 2, 1), "甲")
    admit(store, b, beds_b[0], D(2026, 2, 3), "乙")
    discharge_resident(store, SETUP, first.id, D(2026, 2, 10), DischargeReason.HOME)
    # out of service from a date when the bed was still occupied (typed in late)
    take_bed_out_of_service(store, SETUP, beds[0].id, D(2026, 2, 5), "漏水")
    return_bed_to_service(store, SETUP, beds[0].id, D(2026, 2, 20))
    change_bed_type(store, SETUP, beds[1].id, BedType.NURSING, D(2026, 2, 8))
    moving = admit(store, a, beds[2], D(2026, 2, 4), "丙")
    transfer_bed(store, SETUP, moving.id, beds[3].id, D(2026, 2, 12))
    later = add_beds(
        store, SETUP, NewBeds(a.id, "2号楼", "1层", ["101"], 2, BedType.NURSING, D(2026, 2, 15))
    )
    admit(store, a, later[0], D(2026, 2, 16), "丁")
    with store.write(SETUP) as session:  # a second stay on an occupied bed, as a sync could bring
        session.add(
            BedStay(
                institution_id=b.id,
                resident_id=moving.id,
                bed_id=beds_b[0].id,
                start_date=D(2026, 2, 4),
            )
        )
    for day in (D(2026, 1, 31), *(D(2026, 2, d) for d in range(1, 29)), D(2026, 3, 1)):
        for scope in (
            Scope(as_of=day),
            Scope(institution_id=a.id, as_of=day),
            Scope(region_prefix="370212", as_of=day),
        ):
            s = bed_statistics(store, scope)
            by_type, in_service, occupied = _per_bed_reference(store, scope)
            assert {t: n for t, n in s.beds_by_type.items() if n} == by_type, day
            assert (s.beds_in_service, s.occupied_beds) == (in_service, occupied), day
    feb6 = bed_statistics(store, Scope(institution_id=a.id, as_of=D(2026, 2, 6)))
    assert (feb6.occupied_beds, feb6.beds_in_service) == (1, 11)  # 甲's bed out of service
    assert bed_statistics(store, Scope(institution_id=b.id, as_of=D(2026, 2, 6))).occupied_beds == 1


def test_snapshots_are_reused_until_any_change_to_the_institution(store, city):
    """Per-institution figures are cached by day; triggers invalidate them on every write,
    whichever path it takes (services, raw SQL as a sync apply or an import would)."""
    from sqlalchemy import select, text, update

    from mzdesk.store.models import StatSnapshot

    a, c = city["a"], city["c"]
    day = D(2026, 3, 1)
    first = bed_statistics(store, Scope(as_of=day))
    with store.write(SETUP) as session:
        assert len(session.scalars(select(StatSnapshot).where(StatSnapshot.day == day)).all()) == 3
        # prove the snapshot is what is read: doctor c's cached figures
        snap = session.get(StatSnapshot, (c.id, day))
        session.execute(
            update(StatSnapshot)
            .where(StatSnapshot.institution_id == c.id, StatSnapshot.day == day)
            .values(figures={**snap.figures, "in_service": 1000})
        )
    assert bed_statistics(store, Scope(as_of=day)).beds_in_service == first.beds_in_service + 992
    # a change in another institution does not invalidate c's snapshot …
    add_beds(
        store, SETUP, NewBeds(a.id, "2号楼", "1层", ["101"], 1, BedType.NURSING, D(2026, 2, 1))
    )
    assert bed_statistics(store, Scope(as_of=day)).beds_in_service == first.beds_in_service + 993
    # … a change to c does, even one written behind the services' back
    with store.write(SETUP) as session:
        session.execute(
            text("UPDATE beds SET bed_type = 'nursing' WHERE institution_id = :c"),
            {"c": c.id.hex},
        )
    fresh = bed_statistics(store, Scope(as_of=day))
    assert fresh.beds_in_service == first.beds_in_service + 1
    assert fresh.nursing_beds == first.nursing_beds + 1 + 8
    assert fresh.as_json() == bed_statistics(store, Scope(as_of=day)).as_json()


def test_every_watched_table_has_its_invalidation_triggers(store):
    from sqlalchemy import text

    with store.read() as session:
        names = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    for table in ("beds", "bed_history", "bed_stays", "residents"):
        for event in ("insert", "update", "delete"):
            assert f"{table}_stat_{event}" in names


def test_children_homes_are_reported_beside_nursing_homes(store, city):
    """The sentence counts the institutions the table counts; a children's home's beds are
    neither dropped nor mixed into the nursing homes' beds and nursing share."""
    from mzdesk.reports.bed_report import metric_rows

    kids = create_institution(
        store,
        SETUP,
        InstitutionData("崂山区儿童福利院", InstitutionKind.CHILDREN_HOME, region_code="370212"),
    )
    add_beds(
        store,
        SETUP,
        NewBeds(kids.id, "儿童楼", "1层", ["101", "102"], 3, BedType.NURSING, D(2026, 1, 1)),
    )
    s = bed_statistics(store, Scope(region_prefix="370212", as_of=D(2026, 3, 1)))
    assert (s.institutions, s.total_beds) == (3, 28)
    nursing_homes = s.by_kind[InstitutionKind.NURSING_HOME]
    children = s.by_kind[InstitutionKind.CHILDREN_HOME]
    assert (nursing_homes.institutions, nursing_homes.total_beds) == (2, 22)
    assert (children.institutions, children.total_beds) == (1, 6)
    assert nursing_homes.nursing_share.pct == "81.8%"  # 18 / 22, not 24 / 28
    assert s.sentence("崂山区") == (
        "崂山区养老机构2家，床位22张，其中护理型床位18张，占比81.8%；儿童福利机构1家，床位6张"
    )
    rows = {row[0]: row for row in metric_rows(s)}
    assert rows["机构数"][1] == "3"  # the same three the sentence names
    assert rows["其中养老机构"][1] == "2" and rows["其中儿童福利机构"][1] == "1"
    assert rows["养老机构床位"][1] == "22" and rows["儿童福利机构床位"][1] == "6"
    assert rows["养老机构护理型床位占比"][1:] == ("81.8%", "18", "22")
    assert s.as_json()["by_kind"]["儿童福利机构"]["total_beds"] == 6
    only_kids = bed_statistics(store, Scope(institution_id=kids.id, as_of=D(2026, 3, 1)))
    assert only_kids.sentence("") == "儿童福利机构1家，床位6张"
