"""One write plus the refresh it causes on the visible page, against the write alone.

On the city demo's largest home (``mzdesk demo --scale city``) and on a 500-bed home (the
site demo topped up to 500 beds with ``add_beds``), with the 住户 or the 床位 page visible:
the write (the page's everyday change: a resident's phone number on 住户, a free bed out of
service and back on 床位; and, as the structural case, one new bed on 床位), through
``AppContext.change`` on the one writer, is timed alone
(until the write returns) and with its refresh (until every task it started has ended); the
ratio is the headline. A 5 ms QTimer heartbeat records the longest the GUI thread was blocked.
Targets: ratio ≤ 3×, GUI blocked ≤ 50 ms. Timed assertions stay out of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from _figures import (
    Figure,
    at_most,
    copy_database,
    open_demo,
    params,
    parse_quick,
    ratio_target,
    write_figures,
)

from mzdesk.core.permissions import Actor

ACTOR = Actor.setup()
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench-results"
HEARTBEAT_MS = 5


def build_city(path: Path) -> None:
    from mzdesk.services.demo.generate import Scale, generate
    from mzdesk.store.engine import open_store

    store = open_store(path)
    generate(store, ACTOR, Scale.CITY, seed=1)
    store.close()


def build_500(path: Path) -> None:
    from mzdesk.core.vocab import BedType
    from mzdesk.services.beds import NewBeds, add_beds, list_beds
    from mzdesk.services.demo.generate import Scale, generate
    from mzdesk.services.institutions import list_institutions
    from mzdesk.store.engine import open_store

    store = open_store(path)
    generate(store, ACTOR, Scale.SITE, seed=1)
    (home,) = list_institutions(store)
    missing = 500 - len(list_beds(store, home.id))
    floor = 0
    while missing > 0:
        floor += 1
        rooms = [f"{floor}{r:02d}" for r in range(1, min(25, (missing + 1) // 2) + 1)]
        add_beds(
            store,
            ACTOR,
            NewBeds(home.id, "新楼", f"{floor}层", rooms, 2, BedType.NURSING, dt.date.today()),
        )
        missing -= 2 * len(rooms)
    store.close()


def page_residents_first(store: Any, institution_id: Any, page_residents: Any) -> Any:
    """An in-house resident of the home (the first of the list as the page shows it)."""
    from mzdesk.services.resident_list import ResidentFilter

    return page_residents(store, ResidentFilter(institution_id), limit=1)[0].id


def largest_home(store: Any) -> Any:
    from mzdesk.services.beds import list_beds
    from mzdesk.services.institutions import list_institutions

    return max(list_institutions(store), key=lambda i: len(list_beds(store, i.id)))


def measure(db: Path, page_key: str, rounds: int, write: str) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from dataclasses import replace

    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mzdesk.core.vocab import BedStatus, BedType
    from mzdesk.gui.runtime.context import AppContext
    from mzdesk.gui.runtime.i18n import register_font
    from mzdesk.gui.runtime.tasks import pending_tasks
    from mzdesk.gui.runtime.worker import Worker
    from mzdesk.gui.shell.main_window import PAGE_KEYS, MainWindow
    from mzdesk.services.beds import (
        NewBeds,
        add_beds,
        list_beds,
        return_bed_to_service,
        take_bed_out_of_service,
    )
    from mzdesk.services.resident_list import page_residents
    from mzdesk.services.residents import resident_details, update_resident
    from mzdesk.services.users import users_of

    app = QApplication.instance() or QApplication([])
    register_font(app)  # type: ignore[arg-type]
    app.setQuitOnLastWindowClosed(False)  # the loop outlives each run's window
    store = open_demo(db)  # the demo has users: its key comes from a login
    home = largest_home(store)
    users = users_of(store, home.id)
    all_beds = list_beds(store, home.id)
    beds = len(all_beds)
    free_bed = next(b for b in all_beds if b.status is BedStatus.FREE)
    resident_id = page_residents_first(store, home.id, page_residents)
    _, details = resident_details(store, resident_id)

    def change(i: int) -> Any:
        """The write of round ``i``, as (service, args)."""
        if write == "new_bed":
            return add_beds, (
                NewBeds(home.id, "基准楼", "1层", [f"b{i}"], 1, BedType.NURSING, dt.date.today()),
            )
        if write == "bed_service":
            service = take_bed_out_of_service if i % 2 == 0 else return_bed_to_service
            return service, (free_bed.id, dt.date.today())
        phone = f"1380000{i:04d}"
        return update_resident, (resident_id, replace(details, phone=phone))

    async def settle() -> None:
        while pending_tasks():
            await asyncio.sleep(0.001)

    async def run() -> dict[str, Any]:
        worker = Worker()
        window = MainWindow(AppContext(store, worker, home, users[0] if users else None, db))
        window.resize(1280, 800)
        window.show()
        window.navigation.setCurrentRow(PAGE_KEYS.index(page_key))
        await asyncio.sleep(0.2)
        await settle()
        gaps = [0.0]
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        gc.collect()  # a collection of earlier runs' objects must not land in a measured round
        heartbeat = QTimer()
        heartbeat.timeout.connect(beat)
        alone, total, blocked = [], [], []
        for i in range(rounds):
            service, args = change(i)
            await asyncio.sleep(0.05)
            gaps[:] = [0.0]
            last[0] = time.perf_counter()
            heartbeat.start(HEARTBEAT_MS)
            start = time.perf_counter()
            await window.ctx.change(service, *args)
            written = time.perf_counter()
            await settle()
            done = time.perf_counter()
            await asyncio.sleep(0.01)
            heartbeat.stop()
            alone.append(written - start)
            total.append(done - start)
            blocked.append(max(gaps) - HEARTBEAT_MS / 1000)
        window.close()
        window.deleteLater()
        await asyncio.sleep(0.2)  # the window's widgets are destroyed here, not in the next run
        worker.shutdown()
        return {
            "page": page_key,
            "write": write,
            "beds": beds,
            "write_ms": round(statistics.median(alone) * 1000, 1),
            "write_and_refresh_ms": round(statistics.median(total) * 1000, 1),
            "ratio": round(statistics.median(total) / statistics.median(alone), 2),
            "gui_blocked_max_ms": round(max(blocked) * 1000, 1),
        }

    result: dict[str, Any] = qasync.run(run())
    store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--homes", nargs="+", choices=("city", "500"), default=["city", "500"],
        help="the city demo's largest home (building the city demo takes minutes), the 500-bed",
    )  # fmt: skip
    args = parse_quick(parser, {"rounds": 3, "homes": ["500"]})
    OUT.mkdir(exist_ok=True)
    paths = {"city": OUT / "refresh-city.db", "500": OUT / "refresh-500.db"}
    homes = {name: paths[name] for name in args.homes}
    for name, path in homes.items():
        if not path.exists():
            started = time.perf_counter()
            (build_city if name == "city" else build_500)(path)
            print(f"built {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    results = []
    for name, path in homes.items():
        for page, write in (
            ("residents", "resident_phone"),
            ("beds", "bed_service"),
            ("beds", "new_bed"),
        ):
            copy = OUT / f"refresh-{name}-run.db"
            copy_database(path, copy)
            result = {"home": name, **measure(copy, page, args.rounds, write)}
            print(json.dumps(result, ensure_ascii=False))
            results.append(result)
            copy.unlink()
    (OUT / "gui_refresh.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    write_figures("gui_refresh", figures_of(results), params(args))


WRITES = {
    "resident_phone": "住户, a resident's phone",
    "bed_service": "床位, a bed out of service / back",
    "new_bed": "床位, one new bed in a new room",
}


def figures_of(results: list[dict[str, Any]]) -> list[Figure]:
    out = []
    for r in results:
        home = "the city demo's largest home" if r["home"] == "city" else "a 500-bed home"
        where = f"{WRITES[r['write']]}, {home} ({r['beds']} beds)"
        out += [
            Figure(f"{where}: write + refresh", r["write_and_refresh_ms"], "ms",
                   "the same write alone", r["write_ms"],
                   *ratio_target(r["write_and_refresh_ms"], r["write_ms"], 3)),
            Figure(f"{where}: GUI thread blocked at most", r["gui_blocked_max_ms"], "ms",
                   None, None, *at_most(r["gui_blocked_max_ms"], 50, "ms")),
        ]  # fmt: skip
    return out


if __name__ == "__main__":
    main()
