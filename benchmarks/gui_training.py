"""The 护理员与培训 page on a large staff: one everyday write (an attendee's result corrected)
plus the refresh it causes while the page is visible (with each of its tabs in turn), against
the write alone; and the new-session dialog (the attendance picker, one row of widgets per
active worker) opened.

The home is the site demo topped up to ``--workers`` staff (care workers hired over the last
ten years) with ``--sessions`` more sessions, each attended by every active worker — several
years of a large home's records. A 5 ms QTimer heartbeat records the longest the GUI thread
was blocked. The page reloads its four reads (workers, sessions, the rates, the matrix) on the
reader threads; only showing them runs on the GUI thread. Timed assertions stay out of the
test suite.

Run: ``uv run python benchmarks/gui_training.py [--workers 150] [--sessions 40]``.
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
from decimal import Decimal
from pathlib import Path
from typing import Any

from _figures import Figure, at_most, copy_database, open_demo, params, parse_quick, write_figures

from mzdesk.core.permissions import Actor

ACTOR = Actor.setup()
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench-results"
HEARTBEAT_MS = 5


def build(path: Path, workers: int, sessions: int) -> None:
    from mzdesk.core.identifiers import make_id_number
    from mzdesk.core.vocab import Occupation, TrainingCategory, TrainingResult
    from mzdesk.services.demo.generate import Scale, generate
    from mzdesk.services.institutions import list_institutions
    from mzdesk.services.workers import (
        Attendee,
        TrainingData,
        WorkerData,
        list_workers,
        record_training_session,
        register_care_worker,
    )
    from mzdesk.store.engine import open_store

    store = open_store(path)
    generate(store, ACTOR, Scale.SITE, seed=1)
    (home,) = list_institutions(store)
    today = dt.date.today()
    surnames, given = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "秀英华玉兰桂芳红梅丽凤珍春燕霞"
    for i in range(workers - len(list_workers(store, home.id))):
        name = surnames[i % 20] + given[i % 15] + given[(i // 15) % 15]
        number = make_id_number("370202", dt.date(1970 + i % 25, 1 + i % 12, 1 + i % 28), i % 998)
        hired = today - dt.timedelta(days=30 + (i * 37) % 3650)
        register_care_worker(
            store, ACTOR, WorkerData(home.id, name, Occupation.CARE_WORKER, hired, number)
        )
    categories = list(TrainingCategory)
    for s in range(sessions):
        day = today - dt.timedelta(days=20 + s * 45)
        staff = [w for w in list_workers(store, home.id) if w.hired_on <= day]
        record_training_session(
            store,
            ACTOR,
            TrainingData(
                home.id,
                f"消防安全与急救培训 第{s + 1}期",
                categories[s % len(categories)],
                day,
                day,
                Decimal(3),
                [Attendee(w.id, TrainingResult.PASSED) for w in staff],
            ),
        )
    store.close()


def measure(db: Path, rounds: int, tab: str) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mzdesk.core.vocab import TrainingResult
    from mzdesk.gui.runtime.context import AppContext
    from mzdesk.gui.runtime.i18n import register_font
    from mzdesk.gui.runtime.tasks import pending_tasks
    from mzdesk.gui.runtime.worker import Worker
    from mzdesk.gui.shell.main_window import PAGE_KEYS, MainWindow
    from mzdesk.gui.training.session_dialog import SessionDialog
    from mzdesk.services.institutions import list_institutions
    from mzdesk.services.training import session_detail, update_attendance
    from mzdesk.services.users import users_of
    from mzdesk.services.workers import list_trainings, list_workers

    app = QApplication.instance() or QApplication([])
    register_font(app)  # type: ignore[arg-type]
    app.setQuitOnLastWindowClosed(False)
    store = open_demo(db)  # the demo has users: its key comes from a login
    (home,) = list_institutions(store)
    users = users_of(store, home.id)
    active = list_workers(store, home.id)
    sessions = list_trainings(store, home.id)
    attendance = session_detail(store, sessions[0].id).attendees[0]

    async def settle() -> None:
        while pending_tasks():
            await asyncio.sleep(0.001)

    async def run() -> dict[str, Any]:
        worker = Worker()
        window = MainWindow(AppContext(store, worker, home, users[0] if users else None, db))
        window.resize(1280, 800)
        window.show()
        window.navigation.setCurrentRow(PAGE_KEYS.index("workers"))
        page = window.workers
        page.tabs.setCurrentWidget(getattr(page, tab))
        await asyncio.sleep(0.2)
        await settle()
        gaps = [0.0]
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        gc.collect()
        heartbeat = QTimer(window)
        heartbeat.timeout.connect(beat)
        alone, total, blocked = [], [], []
        for i in range(rounds):
            result = TrainingResult.FAILED if i % 2 == 0 else TrainingResult.PASSED
            await asyncio.sleep(0.05)
            gaps[:] = [0.0]
            last[0] = time.perf_counter()
            heartbeat.start(HEARTBEAT_MS)
            start = time.perf_counter()
            await window.ctx.change(
                update_attendance,
                attendance.attendance_id,
                result=result,
                hours_credited=Decimal(3),
            )
            written = time.perf_counter()
            await settle()
            done = time.perf_counter()
            await asyncio.sleep(0.01)
            heartbeat.stop()
            alone.append(written - start)
            total.append(done - start)
            blocked.append(max(gaps) - HEARTBEAT_MS / 1000)
        opened = []
        for _ in range(3):
            start = time.perf_counter()
            dialog = SessionDialog(home.id, active, parent=window)
            opened.append(time.perf_counter() - start)
            dialog.deleteLater()
        window.close()
        window.deleteLater()
        await asyncio.sleep(0.2)
        worker.shutdown()
        return {
            "tab": tab,
            "workers": len(active),
            "sessions": len(sessions),
            "write_ms": round(statistics.median(alone) * 1000, 1),
            "write_and_refresh_ms": round(statistics.median(total) * 1000, 1),
            "ratio": round(statistics.median(total) / statistics.median(alone), 2),
            "gui_blocked_max_ms": round(max(blocked) * 1000, 1),
            "new_session_dialog_ms": round(statistics.median(opened) * 1000, 1),
        }

    result: dict[str, Any] = qasync.run(run())
    store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=150)
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=7)
    args = parse_quick(parser, {"workers": 60, "sessions": 12, "rounds": 3})
    OUT.mkdir(exist_ok=True)
    path = OUT / f"training-{args.workers}-{args.sessions}.db"
    if not path.exists():
        started = time.perf_counter()
        build(path, args.workers, args.sessions)
        print(f"built {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    results = []
    for tab in ("workers", "sessions", "matrix"):
        copy = OUT / "training-run.db"
        copy_database(path, copy)
        results.append(measure(copy, args.rounds, tab))
        copy.unlink()
        print(json.dumps(results[-1], ensure_ascii=False))
    (OUT / "gui_training.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    figures = []
    for r in results:
        figures += [
            Figure(f"a result corrected + refresh, {r['tab']} tab", r["write_and_refresh_ms"],
                   "ms", "the same write alone", r["write_ms"]),
            Figure(f"GUI thread blocked at most, {r['tab']} tab", r["gui_blocked_max_ms"], "ms",
                   None, None, *at_most(r["gui_blocked_max_ms"], 50, "ms")),
        ]  # fmt: skip
    figures.append(
        Figure(f"new-session dialog for {results[0]['workers']} workers opened",
               statistics.median(r["new_session_dialog_ms"] for r in results), "ms")
    )  # fmt: skip
    write_figures("gui_training", figures, params(args))


if __name__ == "__main__":
    main()
