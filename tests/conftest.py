"""Shared fixtures. Qt runs offscreen in every test; nothing touches the user's real data."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mzdesk.core.i18n import set_language
from mzdesk.core.vocab import InstitutionKind, Operation
from mzdesk.services import users
from mzdesk.services.institutions import InstitutionData, InstitutionView, create_institution
from mzdesk.store import keys
from mzdesk.store.engine import Store, open_store
from tests.helpers.actors import SETUP

pytest_plugins = ["tests.helpers.logfail", "tests.helpers.missing_tools"]

# Key slots and password hashes made in this process derive their key cheaply (each records
# its own argon2 cost, so these open with production code too); the app and subprocesses use
# the defaults.
keys.KDF = keys.KdfParams(time_cost=1, memory_kib=8, parallelism=1)
users.HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """platformdirs must never point at the developer's real data folder in a test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("MZDESK_DB", raising=False)
    set_language("zh")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture
def home(store: Store) -> InstitutionView:
    return create_institution(
        store,
        SETUP,
        InstitutionData(
            name="幸福养老院", kind=InstitutionKind.NURSING_HOME, operation=Operation.PRIVATE
        ),
    )


@pytest.fixture
def children_home(store: Store) -> InstitutionView:
    return create_institution(
        store, SETUP, InstitutionData(name="市儿童福利院", kind=InstitutionKind.CHILDREN_HOME)
    )


TODAY = dt.date.today()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config.stash[_EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without interpreter finalization once pytest has reported and cleaned up.

    With PySide6 6.12 the garbage collection at interpreter shutdown, after a long run of
    GUI tests, aborts with "bool_dealloc: deallocating True or False" (a reference-count bug
    in the bindings; every test has passed or failed by then, and each GUI test file on its
    own exits cleanly). The exit status is pytest's own.
    """
    if _EXIT_STATUS in config.stash and not hasattr(config, "workerinput"):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(config.stash[_EXIT_STATUS])


_EXIT_STATUS = pytest.StashKey[int]()
