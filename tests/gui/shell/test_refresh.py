"""Refresh what changed: a page refreshes only when a change touches what it shows, a hidden
page when it is next shown; no database session is opened on the GUI thread."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

import mzdesk.gui.stats.page as stats_page
from mzdesk.core.changes import Changes
from mzdesk.core.vocab import BedType
from mzdesk.gui.runtime.tasks import pending_tasks, spawn
from mzdesk.gui.shell.main_window import PAGE_KEYS, MainWindow
from mzdesk.services.beds import NewBeds, add_beds
from mzdesk.store.engine import Store


def show(qtbot, window: MainWindow, key: str) -> None:
    window.navigation.setCurrentRow(PAGE_KEYS.index(key))
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)


def settle(qtbot) -> None:
    qtbot.wait(20)
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)


def new_beds(window: MainWindow, room: str) -> NewBeds:
    return NewBeds(
        window.ctx.institution.id, "9号楼", "1层", [room], 2, BedType.NURSING, dt.date.today()
    )


@pytest.fixture
def statistics_runs(monkeypatch) -> list[object]:
    runs: list[object] = []
    real = stats_page.bed_statistics

    def counted(*args: Any, **kwargs: Any) -> Any:
        runs.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(stats_page, "bed_statistics", counted)
    return runs


def test_a_write_to_beds_recomputes_statistics_only_when_they_are_shown(
    qtbot, window, statistics_runs
):
    show(qtbot, window, "stats")
    assert len(statistics_runs) == 1
    show(qtbot, window, "beds")
    tiles = len(window.beds.board.entries)

    spawn(window.ctx.change(add_beds, new_beds(window, "901")))
    settle(qtbot)
    assert len(window.beds.board.entries) == tiles + 2  # the visible page showed the new beds
    assert len(statistics_runs) == 1  # the hidden statistics did not recompute

    show(qtbot, window, "stats")
    assert len(statistics_runs) == 2  # … until shown
    show(qtbot, window, "beds")
    show(qtbot, window, "stats")
    assert len(statistics_runs) == 2  # shown again with nothing changed: no recompute

    spawn(window.ctx.change(add_beds, new_beds(window, "902")))
    settle(qtbot)
    assert len(statistics_runs) == 3  # visible and touched: recomputed at once


def test_a_write_that_changes_nothing_refreshes_nothing(qtbot, window, monkeypatch):
    show(qtbot, window, "beds")
    refreshed: list[str] = []
    for key in PAGE_KEYS:
        page = window.page(key)
        if hasattr(page, "refresh"):
            monkeypatch.setattr(page, "refresh", lambda key=key: refreshed.append(key))
    emitted: list[Changes] = []
    window.ctx.worker.changed.connect(emitted.append)

    def nothing(store: Store) -> int:
        with store.read():
            return 1

    spawn(window.ctx.worker.write(nothing, window.ctx.store))
    settle(qtbot)
    assert emitted == [] and refreshed == []


@contextmanager
def off_gui_thread(monkeypatch) -> Iterator[list[str]]:
    """Every store session opened while this runs must be on a worker thread."""
    opened: list[str] = []

    def guarded(real: Callable[..., Any]) -> Callable[..., Any]:
        def session(self: Store, *args: Any) -> Any:
            opened.append(threading.current_thread().name)
            assert threading.current_thread() is not threading.main_thread(), (
                f"Store.{real.__name__} opened on the GUI thread"
            )
            return real(self, *args)

        return session

    for name in ("read", "write", "apply_remote"):
        monkeypatch.setattr(Store, name, guarded(getattr(Store, name)))
    yield opened


def test_no_store_session_is_opened_on_the_gui_thread(qtbot, window, monkeypatch):
    with off_gui_thread(monkeypatch) as opened:
        for key in PAGE_KEYS:
            show(qtbot, window, key)
        show(qtbot, window, "residents")
        window.residents.search.setText("张")
        settle(qtbot)
        window.residents.table.scrollToBottom()  # fetchMore
        settle(qtbot)
        spawn(window.ctx.change(add_beds, new_beds(window, "903")))
        settle(qtbot)
        for key in PAGE_KEYS:
            show(qtbot, window, key)
    assert opened  # the pages did query, on worker threads


def test_the_bed_board_updates_only_the_tile_of_the_bed_that_changed(qtbot, window):
    from mzdesk.core.vocab import BedStatus
    from mzdesk.services.beds import take_bed_out_of_service

    show(qtbot, window, "beds")
    board = window.beds.board
    before = list(board.entries)
    layouts = board.layouts
    free = next(e for e in before if e.bed.status is BedStatus.FREE)
    spawn(window.ctx.change(take_bed_out_of_service, free.bed.id, dt.date.today()))
    settle(qtbot)
    assert board.layouts == layouts  # repainted in place: the board was not laid out again
    changed = [(old, new) for old, new in zip(before, board.entries, strict=True) if old != new]
    assert [(old.bed.id, new.bed.status) for old, new in changed] == [
        (free.bed.id, BedStatus.OUT_OF_SERVICE)
    ]
    assert "空闲" in window.beds.summary.text()


def test_the_resident_list_updates_a_changed_row_in_place_and_reorders_a_renamed_one(qtbot, window):
    from dataclasses import replace

    from mzdesk.services.residents import resident_details, update_resident

    show(qtbot, window, "residents")
    model = window.residents.model
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    first = model.rows[0]
    _, data = resident_details(window.ctx.store, first.id)
    spawn(window.ctx.change(update_resident, first.id, replace(data, phone="13800001111")))
    settle(qtbot)
    assert resets == []  # a field the list does not sort by: no reload
    spawn(window.ctx.change(update_resident, first.id, replace(data, name="庄" + data.name)))
    settle(qtbot)
    assert resets == [1]  # renamed: it moves in the name order, so the list reloads
    assert any(r.name == "庄" + data.name for r in model.rows)


def test_a_new_bed_in_a_new_room_is_placed_with_one_read(qtbot, window, monkeypatch):
    """The structural case: a bed in a new room of an existing floor takes one read of the
    beds the change touched and lands in its place in board order."""
    from mzdesk.services.bed_board import bed_board
    from mzdesk.sync.display import load_review

    show(qtbot, window, "beds")
    board = window.beds.board
    first = board.entries[0].bed
    reads: list[object] = []
    real_read = window.ctx.worker.read

    def counted(fn: Any, *args: Any, **kwargs: Any) -> Any:
        reads.append(fn)
        return real_read(fn, *args, **kwargs)

    monkeypatch.setattr(window.ctx.worker, "read", counted)
    request = NewBeds(
        window.ctx.institution.id, first.building, first.floor, ["999"], 1, BedType.NURSING,
        dt.date.today(),
    )  # fmt: skip
    count = len(board.entries)
    spawn(window.ctx.change(add_beds, request))
    settle(qtbot)
    assert len(board.entries) == count + 1
    # one read for the board (the sync status in the status bar reads for itself)
    assert [fn for fn in reads if fn is not load_review] == [bed_board]
    assert [e.order for e in board.entries] == sorted(e.order for e in board.entries)
    new = next(e for e in board.entries if e.bed.room == "999")
    on_floor = [
        e for e in board.entries if (e.bed.building, e.bed.floor) == (first.building, first.floor)
    ]
    assert on_floor[-1] == new  # after the floor's other rooms, on that floor
    assert board.tile_at(board.tile_rect(new.bed.id).center()) == board.index[new.bed.id]


def test_a_renamed_room_moves_its_beds_on_the_board(qtbot, window):
    """A room renamed (as a pull from another desktop would) moves its beds: the beds of the
    touched room are read in the same one query and put in their new place."""
    from mzdesk.core.permissions import Actor
    from mzdesk.store.models import Bed, Room

    show(qtbot, window, "beds")
    board = window.beds.board
    first = board.entries[0].bed
    layouts = board.layouts

    def rename(store: Store, actor: Actor) -> None:
        with store.write(actor) as session:
            bed = session.get(Bed, first.id)
            assert bed is not None
            room = session.get(Room, bed.room_id)
            assert room is not None
            room.number = "Z" + room.number
            room.sort_order = 10_000

    spawn(window.ctx.change(rename))
    settle(qtbot)
    assert board.layouts == layouts + 1
    moved = next(e for e in board.entries if e.bed.id == first.id)
    assert moved.bed.room == "Z" + first.room
    on_floor = [
        e for e in board.entries if (e.bed.building, e.bed.floor) == (first.building, first.floor)
    ]
    assert on_floor[-1].bed.room == "Z" + first.room  # last on its floor now
    assert [e.order for e in board.entries] == sorted(e.order for e in board.entries)
