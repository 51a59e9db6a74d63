"""A children's home's 首页 shows its own day, not the nursing-home cards (issue 16)."""

from __future__ import annotations

import datetime as dt

import pytest

from mzdesk.core.children import IntakeWay, PlacementKind
from mzdesk.core.vocab import ChildCategory, InstitutionKind
from mzdesk.gui.runtime.worker import Worker
from mzdesk.services.children import Intake, Placement, place_child, publish_notice, receive_child
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.residents import ResidentData
from mzdesk.services.users import NewUser, add_user
from mzdesk.store.engine import open_store
from tests.gui.conftest import _close_window, _open_window
from tests.helpers.actors import SETUP

TODAY = dt.date.today()


@pytest.fixture
def children_window(qtbot, loop, tmp_path):
    store = open_store(tmp_path / "kids.db")
    home = create_institution(
        store, SETUP, InstitutionData(name="市儿童福利院", kind=InstitutionKind.CHILDREN_HOME)
    ).id
    user = add_user(store, SETUP, home, NewUser("admin", "院长", "password-1", "admin"))

    def child(name, days_ago, category=ChildCategory.ORPHAN):
        return receive_child(
            store,
            SETUP,
            home,
            ResidentData(
                name=name, birth_date=TODAY - dt.timedelta(days=2000), child_category=category
            ),
            Intake(IntakeWay.CIVIL_AFFAIRS, TODAY - dt.timedelta(days=days_ago)),
        ).id

    for i in range(3):
        child(f"院内{i}", 300)
    old = child("党小春", 200, ChildCategory.ABANDONED_INFANT)
    publish_notice(store, SETUP, old, TODAY - dt.timedelta(days=90))  # ran out 30 days ago
    new = child("党小秋", 20, ChildCategory.ABANDONED_INFANT)
    publish_notice(store, SETUP, new, TODAY - dt.timedelta(days=10))  # 50 days to go
    fostered = child("寄养甲", 300)
    place_child(
        store,
        SETUP,
        fostered,
        Placement(
            PlacementKind.FOSTER,
            TODAY - dt.timedelta(days=60),
            family_name="李家",
            family_address="幸福路8号",
            next_visit_due=TODAY - dt.timedelta(days=1),
        ),
    )
    worker = Worker()
    main = _open_window(qtbot, store, worker, user)
    yield main
    _close_window(qtbot, main, worker)
    store.close()


def test_the_childrens_day_on_the_home_page(children_window, qtbot, tmp_path):
    home = children_window.home
    qtbot.waitUntil(lambda: home.child_cards.in_care.value.text() != "…", timeout=10_000)
    cards = home.child_cards
    values = {c.title.text(): c.value.text() for c in cards.cards}
    assert values == {
        "在院儿童": "6",
        "院内儿童": "5",
        "家庭寄养": "1",
        "在读儿童": "0",
        "寻亲公告": "2",
        "寄养回访到期": "1",
    }
    detail = cards.notices.detail.text()
    ended = (TODAY - dt.timedelta(days=30)).isoformat()
    assert f"党小春：{ended} 已期满" in detail
    assert "党小秋：公告期至" in detail and "还有 50 天" in detail
    assert "其中 1 份已过公告期" in detail
    assert not hasattr(home, "occupancy")  # no nursing-home cards
    titles = [w.text() for w in home.findChildren(type(cards.in_care.title))]
    assert "入住率" not in titles and "外出人数" not in titles
    children_window.grab().save(str(tmp_path / "children-home.png"))
    (tmp_path / "children-home.png").replace("/tmp/children-home.png")
