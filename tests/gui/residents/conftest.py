"""The children's home the children's GUI tests work in, and its main window opened as a
user of a role."""

from __future__ import annotations

import pytest

from mzdesk.core.vocab import InstitutionKind
from mzdesk.gui.runtime.worker import Worker
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.users import NewUser, add_user
from mzdesk.store.engine import open_store
from tests.gui.conftest import _close_window, _open_window
from tests.helpers.actors import SETUP


@pytest.fixture
def home(tmp_path):
    store = open_store(tmp_path / "kids.db")
    home = create_institution(
        store, SETUP, InstitutionData(name="市儿童福利院", kind=InstitutionKind.CHILDREN_HOME)
    ).id
    yield store, home
    store.close()


@pytest.fixture
def open_as(qtbot, loop, home):
    """The main window of the children's home, as a new user of ``role``."""
    store, home_id = home
    worker = Worker()
    opened = []

    def open_window(role: str):
        user = add_user(
            store, SETUP, home_id, NewUser(f"u-{role}", f"测试{role}", "password-1", role)
        )
        opened.append(_open_window(qtbot, store, worker, user))
        return opened[-1]

    yield open_window
    for main in opened:
        _close_window(qtbot, main, worker)
    worker.shutdown()
