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
    tiles = len(window.beds.tiles)

    spawn(window.ctx.change(add_beds, new_beds(window, "901")))
    settle(qtbot)
    assert len(window.beds.tiles) == tiles + 2  # the visible page showed the new beds
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
    tiles = list(window.beds.tiles)
    free = next(t for t in tiles if t.entry.bed.status is BedStatus.FREE)
    before = {id(t): t.entry for t in tiles}
    spawn(window.ctx.change(take_bed_out_of_service, free.entry.bed.id, dt.date.today()))
    settle(qtbot)
    assert window.beds.tiles == tiles  # the same tiles: no rebuild
    assert free.entry.bed.status is BedStatus.OUT_OF_SERVICE
    assert free.property("status") == "out_of_service"
    changed = [t for t in tiles if t.entry != before[id(t)]]
    assert changed == [free]
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


def test_new_beds_on_a_floor_rebuild_only_that_floor(qtbot, window):
    show(qtbot, window, "beds")
    (building, floor), (_, first_tiles) = next(iter(window.beds.floors.items()))
    others = {
        key: tiles for key, (_, tiles) in window.beds.floors.items() if key != (building, floor)
    }
    request = NewBeds(
        window.ctx.institution.id, building, floor, ["999"], 1, BedType.NURSING, dt.date.today()
    )
    spawn(window.ctx.change(add_beds, request))
    settle(qtbot)
    _, rebuilt = window.beds.floors[(building, floor)]
    assert len(rebuilt) == len(first_tiles) + 1
    assert all(window.beds.floors[key][1] == tiles for key, tiles in others.items())


def test_the_board_is_built_a_few_floors_at_a_time_and_a_newer_refresh_wins(qtbot, window):
    """Built in slices with the event loop running between them; two refreshes at once leave
    one board, not two half ones."""
    from PySide6.QtWidgets import QFrame

    from mzdesk.services.bed_board import bed_board

    show(qtbot, window, "beds")
    page = window.beds
    entries = bed_board(window.ctx.store, window.ctx.institution.id)
    for key in list(page.floors):  # forget the board: everything is built again
        page.floors[key][0].deleteLater()
    page.floors = {}
    first = spawn(page.show_board(entries))
    second = spawn(page.show_board(entries))
    qtbot.waitUntil(lambda: first.done() and second.done(), timeout=10_000)
    qtbot.wait(20)
    frames = [f for f in page.findChildren(QFrame, "floor") if f.isVisibleTo(page)]
    assert len(frames) == len(page.floors) and len(page.tiles) == len(entries)
    assert not page.empty_note.isVisibleTo(page)
