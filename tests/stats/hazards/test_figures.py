"""stats hazards on a hand-counted fixture (conftest.py). In home A (370212), for the period
2026-03-01 – 2026-04-30:

h1 基本要求 一般 found 02-10 closed 03-05           → closed in the period only
h2 其他     重大 found 02-20 deadline 02-27 整改中  → open and overdue at the end
h3 基本要求 一般 found 03-03 closed 03-20           → found, closed, closed in the period
h4 九防     重大 found 03-15 deadline 03-22, closed 05-10 (after the end) → found, open, overdue
h5 九防     一般 found 04-05 deadline 04-30 待复查  → found, open, not overdue (deadline = end)
h6 其他     一般 found 04-10 已销号, rectified 04-12, no re-check date → closed 04-12
h7 found 05-02 (after), h8 found and closed before the period, h10 removed 03-12: nothing
h11 九防    一般 found 03-25 deadline 04-01, removed 05-05 (after the end) → found, open, overdue
Home B (370203): h9 一般 found 03-10, deadline 06-01, open.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from mzdesk.core.hazards import HazardEventKind
from mzdesk.core.vocab import HazardLevel, HazardStatus, InstitutionKind
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.hazards import HazardCounts, hazard_statistics
from mzdesk.store.models import Hazard, HazardEvent
from tests.helpers.actors import SETUP

D = dt.date
START, END = D(2026, 3, 1), D(2026, 4, 30)


def counts(found: int, closed: int, in_period: int, open_: int, overdue: int) -> HazardCounts:
    return HazardCounts(found, closed, in_period, open_, overdue)


def test_home_a_over_two_months(store, homes):
    f = hazard_statistics(store, Scope(homes.a), START, END)
    assert f.total == counts(5, 2, 3, 4, 3)
    assert f.closure_rate.pct == "40.0%"
    assert f.institutions == 1
    assert f.by_level == {
        HazardLevel.ORDINARY: counts(4, 2, 3, 2, 1),
        HazardLevel.MAJOR: counts(1, 0, 0, 2, 2),
    }
    assert f.by_month == {"2026-03": counts(3, 1, 2, 3, 2), "2026-04": counts(2, 1, 1, 4, 3)}
    assert list(f.by_section.items()) == [
        ("基本要求", counts(1, 1, 2, 0, 0)),
        ("服务防护（九防）", counts(3, 0, 0, 3, 2)),
        ("其他", counts(1, 1, 1, 1, 1)),
    ]


def test_a_hazard_closed_after_the_period_is_open_at_its_end(store, homes):
    march = hazard_statistics(store, Scope(homes.a), START, D(2026, 3, 31))
    assert march.total == counts(3, 1, 2, 3, 2)  # h4 closed 05-10: open and overdue on 03-31
    may = hazard_statistics(store, Scope(homes.a), D(2026, 5, 1), D(2026, 5, 31))
    # found h7; closed in May: h4; open on 05-31: h2, h5, h7 (h11 removed 05-05)
    assert may.total == counts(1, 0, 1, 3, 2)
    assert may.closure_rate.pct == "0.0%"


def test_scopes_region_and_all(store, homes):
    everyone = hazard_statistics(store, Scope(), START, END)
    assert everyone.total == counts(6, 2, 3, 5, 3)
    assert everyone.closure_rate.pct == "33.3%"
    assert everyone.institutions == 2
    assert hazard_statistics(store, Scope(None, "3702"), START, END).total == everyone.total
    assert hazard_statistics(store, Scope(None, "370212"), START, END).total == counts(
        5, 2, 3, 4, 3
    )
    b = hazard_statistics(store, Scope(homes.b), START, END)
    assert b.total == counts(1, 0, 0, 1, 0)
    assert b.by_section == {"其他": counts(1, 0, 0, 1, 0)}


def test_an_empty_period_has_no_rate_and_json_has_every_figure(store, homes):
    f = hazard_statistics(store, Scope(homes.a), D(2025, 1, 1), D(2025, 12, 31))
    assert f.total == HazardCounts()
    assert f.closure_rate.pct == "—"
    assert len(f.by_month) == 12
    data = hazard_statistics(store, Scope(homes.a), START, END).as_json()
    assert {
        k: data[k] for k in ("found", "closed", "closed_in_period", "open_at_end", "overdue_at_end")
    } == {"found": 5, "closed": 2, "closed_in_period": 3, "open_at_end": 4, "overdue_at_end": 3}
    assert data["closure_rate_pct"] == "40.0%"
    assert data["closure_rate"] == pytest.approx(0.4)
    assert data["by_level"]["重大隐患"]["overdue_at_end"] == 2
    assert data["by_month"]["2026-04"]["open_at_end"] == 4
    assert data["by_section"]["其他"]["closed"] == 1
    assert (data["from"], data["to"]) == ("2026-03-01", "2026-04-30")


def test_months_cross_a_year(store, homes):
    f = hazard_statistics(store, Scope(homes.a), D(2025, 12, 15), D(2026, 2, 10))
    assert list(f.by_month) == ["2025-12", "2026-01", "2026-02"]
    assert f.by_month["2026-01"].found == 1  # h8
    assert f.by_month["2026-02"] == counts(1, 0, 1, 1, 0)  # h1 found 02-10; h8 closed 02-01


def extended_hazards(store) -> uuid.UUID:
    """In 西海岸颐养院: X found 10-01, deadline 10-28, extended on 12-02 to 12-20; Y found
    09-01, deadline 09-15, extended on 09-10 to 10-15 and on 11-05 to 12-31 (a third move, a
    removed one on 09-20, never happened). Both still 待整改."""
    home = create_institution(
        store, SETUP, InstitutionData("西海岸颐养院", InstitutionKind.NURSING_HOME)
    ).id
    with store.write(SETUP) as session:

        def hazard(found: dt.date, deadline: dt.date, moves) -> None:
            h = Hazard(
                institution_id=home, description=f"隐患 {found}", level=HazardLevel.ORDINARY,
                found_on=found, deadline=moves[-1][2] if moves else deadline,
                original_deadline=deadline, status=HazardStatus.OPEN,
            )  # fmt: skip
            session.add(h)
            session.flush()
            for on, old, new, *removed in moves:
                session.add(
                    HazardEvent(
                        institution_id=home, hazard_id=h.id, kind=HazardEventKind.EXTENDED,
                        happened_on=on, status=HazardStatus.OPEN, reason="等待采购",
                        approved_by="王院长", old_deadline=old, new_deadline=new,
                        deleted_at=dt.datetime(2026, 9, 21) if removed else None,
                    )
                )  # fmt: skip

        hazard(
            D(2026, 10, 1), D(2026, 10, 28), [(D(2026, 12, 2), D(2026, 10, 28), D(2026, 12, 20))]
        )
        hazard(
            D(2026, 9, 1),
            D(2026, 9, 15),
            [
                (D(2026, 9, 10), D(2026, 9, 15), D(2026, 10, 15)),
                (D(2026, 9, 20), D(2026, 10, 15), D(2026, 10, 20), "removed"),
                (D(2026, 11, 5), D(2026, 10, 15), D(2026, 12, 31)),
            ],
        )
    return home


def test_overdue_at_end_uses_the_deadline_in_force_on_the_end_day(store):
    home = extended_hazards(store)
    f = hazard_statistics(store, Scope(home), D(2026, 1, 1), D(2026, 11, 30))
    # on 11-30: X's deadline was still 10-28 (overdue); Y's had moved to 12-31 on 11-05
    assert f.total == counts(2, 0, 0, 2, 1)
    # on 09-30 Y's deadline was 10-15 (the 09-20 move was removed): not overdue; on 10-31 X
    # (10-28) and Y (10-15) were both overdue
    assert f.by_month["2026-09"] == counts(1, 0, 0, 1, 0)
    assert f.by_month["2026-10"] == counts(1, 0, 0, 2, 2)
    assert f.by_month["2026-11"] == counts(0, 0, 0, 2, 1)
    # after X's extension on 12-02 neither is overdue on 12-10
    assert hazard_statistics(store, Scope(home), D(2026, 12, 1), D(2026, 12, 10)).total == counts(
        0, 0, 0, 2, 0
    )


def test_a_hazard_withdrawn_by_an_amendment_counts_only_in_periods_ending_before_it(store):
    """A failure taken back by an amendment (更正撤销) was never a hazard: it is not found,
    not closed, not open in any period ending on or after the amendment; before it, it was
    open as everyone then believed."""
    home = create_institution(
        store, SETUP, InstitutionData("城阳颐养院", InstitutionKind.NURSING_HOME)
    ).id
    with store.write(SETUP) as session:
        h = Hazard(
            institution_id=home, description="误判的隐患", level=HazardLevel.ORDINARY,
            found_on=D(2026, 3, 3), deadline=D(2026, 4, 2), original_deadline=D(2026, 4, 2),
            status=HazardStatus.CLOSED, closed_on=D(2026, 3, 20),
        )  # fmt: skip
        session.add(h)
        session.flush()
        session.add(
            HazardEvent(
                institution_id=home, hazard_id=h.id, kind=HazardEventKind.WITHDRAWN,
                happened_on=D(2026, 3, 20), status=HazardStatus.CLOSED, done_by="王明",
                reason="更正：02 不合格→合格；复核误判",
            )
        )  # fmt: skip
    assert hazard_statistics(store, Scope(home), START, END).total == counts(0, 0, 0, 0, 0)
    before = hazard_statistics(store, Scope(home), D(2026, 3, 1), D(2026, 3, 10))
    assert before.total == counts(1, 0, 0, 1, 0)
