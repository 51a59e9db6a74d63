"""Applying a pull page on a real client store (no server needed): rows the device has are
updated in bulk, and the rules hold — a field with an unacknowledged local change is never
overwritten, derived search terms follow a remote rename, the change set names every row,
unknown fields and invalid values are left alone, the same row twice in a page ends in its
last state, new rows are created."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select

from mzdesk.core.pinyin import sort_key
from mzdesk.core.search import match_query, resident_terms
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.store.engine import Store, collect_changes, open_store
from mzdesk.store.models import Resident
from mzdesk.store.values import synced_columns, to_json
from mzdesk.sync import feed
from tests.helpers.actors import SETUP
from tests.sync.helpers import edit, institution_id, seed


def _acknowledge_everything(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE outbox SET state = 'acked'")
        conn.exec_driver_sql("UPDATE residents SET server_rev = 1")


def _item(store: Store, resident: uuid.UUID, rev: int, **changed: Any) -> dict[str, Any]:
    """The feed's item for a resident: its whole current state, with ``changed`` fields."""
    with store.read() as session:
        row = session.get(Resident, resident)
        assert row is not None
        data = {key: to_json(getattr(row, key)) for key in synced_columns("residents")}
    data.update(changed)
    return {
        "table": "residents",
        "id": str(resident),
        "institution_id": data["institution_id"],
        "rev": rev,
        "data": data,
    }


def _apply(store: Store, items: list[dict[str, Any]]) -> Any:
    with collect_changes() as collected, store.apply_remote() as session:
        counts = feed.apply_items(session, items)
    return counts, collected.changes


def _row(store: Store, resident: uuid.UUID) -> Resident:
    with store.read() as session:
        row = session.get(Resident, resident)
        assert row is not None
        return row


def _found(store: Store, term: str) -> set[uuid.UUID]:
    """Residents the list's full-text search finds for ``term`` (its own MATCH query)."""
    found = match_query(term)
    assert found is not None
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id FROM residents WHERE rowid IN "
            "(SELECT rowid FROM resident_search WHERE resident_search MATCH ?)",
            (found[1],),
        ).all()
    return {uuid.UUID(r[0]) for r in rows}


def test_a_pull_page_updates_rows_in_bulk_and_keeps_the_rules(tmp_path: Path):
    store = open_store(tmp_path / "c.db")
    create_institution(store, SETUP, InstitutionData("应用测试院", InstitutionKind.NURSING_HOME))
    one, two, three = seed(store, beds=6, residents=3)
    _acknowledge_everything(store)
    edit(store, two, phone="13900000002")  # a local change not yet acknowledged
    new_id = uuid.uuid4()
    created = {
        **_item(store, three, 9)["data"],
        "id": str(new_id),
        "name": "新来的",
        "name_initials": "xld",
        "id_number": None,
        "bed_id": None,
    }
    items = [
        _item(store, one, 5, name="王秀英", name_initials="wxy", phone="13800000001",
              note="远程备注", discharge_date="2026-03-01", cognitive_disorder=True,
              intake_documents=["户口本"], deleted_at="2026-03-02T08:00:00",
              unknown_field="x"),
        _item(store, two, 6, phone="13800000002", note="另一台电脑写的"),
        _item(store, three, 7, birth_date="not a date", note="第一次"),
        _item(store, three, 8, note="第二次"),  # the same row again: its last state wins
        {"table": "residents", "id": str(new_id), "institution_id": created["institution_id"],
         "rev": 9, "data": created},
        {"table": "unknown_table", "id": str(uuid.uuid4()), "rev": 10, "data": {}},
    ]  # fmt: skip
    counts, changes = _apply(store, items)
    assert counts == {"applied": 5, "skipped": 1, "conflicts": 0}

    first = _row(store, one)
    assert (first.name, first.name_initials, first.phone, first.note) == (
        "王秀英", "wxy", "13800000001", "远程备注",
    )  # fmt: skip
    assert first.discharge_date == dt.date(2026, 3, 1) and first.cognitive_disorder is True
    assert first.intake_documents == ["户口本"]
    assert first.deleted_at == dt.datetime(2026, 3, 2, 8, 0)
    assert first.server_rev == 5
    assert first.search_terms == resident_terms("王秀英", "wxy", first.id_number)
    assert _found(store, "王秀英") == {one} and _found(store, "wxy") == {one}
    # the local sort key and full-pinyin terms follow the remote rename too
    assert first.name_sort == sort_key("王秀英") and _found(store, "wangxiuying") == {one}

    second = _row(store, two)
    assert second.phone == "13900000002"  # the local, unacknowledged value stays
    assert second.note == "另一台电脑写的" and second.server_rev == 6

    third = _row(store, three)
    assert third.note == "第二次" and third.server_rev == 8
    assert third.birth_date is not None  # an invalid value left the field as it was

    made = _row(store, new_id)
    assert made.name == "新来的" and made.server_rev == 9 and _found(store, "新来的") == {new_id}
    assert made.name_sort == sort_key("新来的")

    assert changes.rows["residents"] >= {one, two, three, new_id}
    assert changes.touches_fields("residents", ["phone"])  # what pages listen for

    with store.read() as session:  # nothing was echoed into the outbox
        from mzdesk.store.models import OutboxEntry

        assert session.scalars(select(OutboxEntry.row_id).where(
            OutboxEntry.state == "pending")).all() == [two]  # fmt: skip
    assert institution_id(store)
