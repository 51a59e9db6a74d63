"""Migration 0013 on a database that already has hazards: the original deadline and the day
closed are filled from what was recorded."""

from __future__ import annotations

import datetime as dt

from alembic import command
from sqlalchemy import text

from mzdesk.store.migrate import alembic_config
from tests.helpers.inspecting import close_hazard
from tests.services.hazards.conftest import inspect_with_failures

D = dt.date


def test_existing_hazards_get_their_original_deadline_and_closed_on(store, home):
    major, _ordinary = inspect_with_failures(store, home.id).hazards
    close_hazard(store, major, D(2026, 3, 4), by="王")
    config = alembic_config(store.engine)
    command.downgrade(config, "0010")
    command.upgrade(config, "head")
    with store.engine.connect() as conn:
        rows = {
            status: (original, closed)
            for status, original, closed in conn.execute(
                text("SELECT status, original_deadline, closed_on FROM hazards")
            )
        }
    assert rows == {"closed": ("2026-03-08", "2026-03-04"), "open": ("2026-03-31", None)}
