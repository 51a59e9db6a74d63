"""Inspecting by keyboard: how one answer feels. On the site demo topped up with a year of
daily patrols (``--days`` finished inspections), a new inspection of the longest shipped
checklist is answered key by key in the real inspecting screen (offscreen, the real one
writer), and measured:

- the key press: the GUI-thread time of one ``1`` key (the answer shown, the next item
  selected) — what the inspector feels; the write is not awaited;
- one answer's write on the one writer (``answer_item``: permission, lock check, row, outbox,
  audit), p50/p95, against the baseline of a bare Core INSERT of the same result row into the
  same database, same run;
- the longest the GUI thread was blocked while answering (a 5 ms QTimer heartbeat).

No target is asserted in the tests; "instant" here means a key press well under 16 ms (one
frame) and a write far below what a person types between keys (~200 ms).

Run: ``uv run python benchmarks/inspecting.py [--days 365]``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from _figures import Figure, below, copy_database, open_demo, params, parse_quick, write_figures

from mzdesk.core.permissions import Actor

ACTOR = Actor.setup()
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench-results"
HEARTBEAT_MS = 5


def build(path: Path, days: int) -> None:
    from mzdesk.core.vocab import InspectionType, ItemResult, SignerRole
    from mzdesk.services.demo.generate import Scale, generate
    from mzdesk.services.demo.inspecting import signature_png
    from mzdesk.services.inspecting.finish import Signature, finish_inspection
    from mzdesk.services.inspecting.flow import NewInspection, answer_item, start_draft
    from mzdesk.services.inspecting.templates import (
        available_checklists,
        checklist,
        inspected_items,
    )
    from mzdesk.services.institutions import list_institutions
    from mzdesk.store.engine import open_store

    store = open_store(path)
    generate(store, ACTOR, Scale.SITE, seed=5)
    (home,) = list_institutions(store)
    patrol = min(available_checklists(store, home.id, home.kind), key=lambda c: c.items)
    template = checklist(store, patrol.id)
    assert template is not None
    png = signature_png(1)
    for n in range(days, 0, -1):
        on = dt.date.today() - dt.timedelta(days=n + 30)
        inspection = start_draft(
            store,
            ACTOR,
            NewInspection(home.id, patrol.id, on, InspectionType.SELF_DAILY, ("刘志强",)),
        )
        for item in inspected_items(template, home.kind):
            answer_item(store, ACTOR, inspection, item.id, ItemResult.PASS)
        finish_inspection(
            store,
            ACTOR,
            inspection,
            [
                Signature(SignerRole.INSPECTOR, "刘志强", png),
                Signature(SignerRole.INSPECTED_HEAD, "陈院长", png),
            ],
        )
    store.close()


def baseline_inserts(store: Any, inspection_id: uuid.UUID, items: list[uuid.UUID]) -> list[float]:
    """A bare Core INSERT of the same kind of row, one transaction each (then removed)."""
    from sqlalchemy import delete, insert

    from mzdesk.core.ids import new_id
    from mzdesk.store.models import Inspection, InspectionResult

    times = []
    with store.engine.connect() as conn:
        institution_id = (
            conn.execute(Inspection.__table__.select().where(Inspection.id == inspection_id))
            .one()
            .institution_id
        )
    for item_id in items:
        started = time.perf_counter()
        with store.engine.begin() as conn:
            conn.execute(
                insert(InspectionResult).values(
                    id=new_id(),
                    institution_id=institution_id,
                    inspection_id=inspection_id,
                    item_id=item_id,
                    result="pass",
                    photos=[],
                    created_at=dt.datetime.now(),
                    updated_at=dt.datetime.now(),
                )
            )
        times.append(time.perf_counter() - started)
    with store.engine.begin() as conn:
        conn.execute(
            delete(InspectionResult).where(InspectionResult.inspection_id == inspection_id)
        )
    return times


def measure(db: Path) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from mzdesk.core.vocab import InspectionType
    from mzdesk.gui.inspections.inspecting import InspectingDialog
    from mzdesk.gui.runtime.context import AppContext
    from mzdesk.gui.runtime.i18n import register_font
    from mzdesk.gui.runtime.worker import Worker
    from mzdesk.services.inspecting.flow import NewInspection, start_draft
    from mzdesk.services.inspecting.templates import available_checklists
    from mzdesk.services.institutions import list_institutions
    from mzdesk.services.users import users_of

    app = QApplication.instance() or QApplication([])
    register_font(app)  # type: ignore[arg-type]
    app.setQuitOnLastWindowClosed(False)
    store = open_demo(db)  # the demo has users: its key comes from a login
    (home,) = list_institutions(store)
    user = users_of(store, home.id)[0]
    longest = max(available_checklists(store, home.id, home.kind), key=lambda c: c.items)
    draft = start_draft(
        store,
        ACTOR,
        NewInspection(home.id, longest.id, dt.date.today(), InspectionType.MONTHLY, ("刘志强",)),
    )
    baseline_draft = start_draft(
        store,
        ACTOR,
        NewInspection(home.id, longest.id, dt.date.today(), InspectionType.MONTHLY, ("王建国",)),
    )

    async def run() -> dict[str, Any]:
        worker = Worker()
        ctx = AppContext(store, worker, home, user, db)
        dialog = await InspectingDialog.load(ctx, draft)
        dialog.show()
        await asyncio.sleep(0.3)
        gaps = [0.0]
        last = [time.perf_counter()]

        def beat() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        heartbeat = QTimer(dialog)
        heartbeat.timeout.connect(beat)
        heartbeat.start(HEARTBEAT_MS)
        keys = []
        for _ in dialog.detail.items:
            started = time.perf_counter()
            QTest.keyClick(dialog.tree, Qt.Key.Key_1)
            keys.append(time.perf_counter() - started)
            await asyncio.sleep(0.03)  # a brisk inspector: a key every ~30 ms
        await dialog.settled()
        heartbeat.stop()
        items = [i.id for i in dialog.detail.items]
        writes = list(dialog.write_ms)
        dialog.close()
        worker.shutdown()
        bare = baseline_inserts(store, baseline_draft, items)
        p = statistics.quantiles
        return {
            "past_inspections": None,
            "items": len(items),
            "key_press_ms_p50": round(statistics.median(keys) * 1000, 2),
            "key_press_ms_max": round(max(keys) * 1000, 2),
            "answer_write_ms_p50": round(statistics.median(writes), 2),
            "answer_write_ms_p95": round(p(writes, n=20)[-1], 2),
            "bare_insert_ms_p50": round(statistics.median(bare) * 1000, 2),
            "write_ratio": round(statistics.median(writes) / (statistics.median(bare) * 1000), 2),
            "gui_blocked_max_ms": round((max(gaps) - HEARTBEAT_MS / 1000) * 1000, 1),
        }

    result: dict[str, Any] = qasync.run(run())
    store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=365)
    args = parse_quick(parser, {"days": 30})
    OUT.mkdir(exist_ok=True)
    path = OUT / f"inspecting-{args.days}.db"
    if not path.exists():
        started = time.perf_counter()
        build(path, args.days)
        print(f"built {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    copy = OUT / "inspecting-run.db"
    copy_database(path, copy)
    result = measure(copy)
    result["past_inspections"] = args.days
    print(json.dumps(result, ensure_ascii=False, indent=2))
    (OUT / "inspecting.json").write_text(json.dumps(result, ensure_ascii=False, indent=2))
    r, bare = result, "a bare Core INSERT of the same row"
    write_figures(
        "inspecting",
        [
            Figure("a key press on the GUI thread, p50", r["key_press_ms_p50"], "ms",
                   None, None, *below(r["key_press_ms_p50"], 16, "ms"), note="one frame"),
            Figure("a key press on the GUI thread, max", r["key_press_ms_max"], "ms"),
            Figure("one answer's write, p50", r["answer_write_ms_p50"], "ms", f"{bare}, p50",
                   r["bare_insert_ms_p50"]),
            Figure("one answer's write, p95", r["answer_write_ms_p95"], "ms",
                   None, None, *below(r["answer_write_ms_p95"], 200, "ms"),
                   note="far below the ~200 ms between a person's keys"),
            Figure("GUI thread blocked at most", r["gui_blocked_max_ms"], "ms"),
        ],
        params(args),
    )  # fmt: skip


if __name__ == "__main__":
    main()
