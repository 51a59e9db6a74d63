"""The resident list on a 100,000-resident database.

Measures (1) time from process start to a usable main window (window shown, home figures and
the first page of the resident list loaded), in a fresh process, and (2) search keystroke
latency in the resident list (p50, p95) beside the same SQL queries run alone in the same
process. Targets: window ready < 1.5 s; keystroke p95 < 50 ms.

The database is built with bulk inserts (the services' insert_beds and the outbox's
insert_many), not 100,000 admissions, so building it takes seconds; it is cached in
bench-results/ between runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _figures import Figure, below, params, parse_quick, write_figures

from mzdesk.core.permissions import Actor

ACTOR = Actor.setup()  # benchmarks set up their own databases

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench-results"
KEYSTROKES = [
    "w",
    "wa",
    "wan",
    "王",
    "王秀",
    "1",
    "12",
    "123",
    "1234",
    "z",
    "zs",
    "zsf",
    "",
    "李",
    "l",
    "ly",
]


def build(path: Path, residents: int) -> None:
    from mzdesk.core.identifiers import make_id_number
    from mzdesk.core.pinyin import initials
    from mzdesk.core.vocab import (
        BedStatus,
        BedType,
        Gender,
        InstitutionKind,
        ResidentKind,
        ResidentStatus,
    )
    from mzdesk.services.beds import BedSpec, insert_beds
    from mzdesk.services.demo.maker import GIVEN_F, GIVEN_M, SURNAMES
    from mzdesk.services.institutions import InstitutionData, add_institution
    from mzdesk.store.engine import open_store
    from mzdesk.store.models import Resident
    from mzdesk.store.outbox import insert_many

    rng = random.Random(1)
    store = open_store(path)
    with store.write(ACTOR) as session:
        home = add_institution(
            session, InstitutionData(name="大型养老社区", kind=InstitutionKind.NURSING_HOME)
        )
        specs = [
            BedSpec(
                f"{b}号楼",
                f"{f}层",
                f"{f}{r:02d}",
                f"{f}{r:02d}-{k}",
                BedType.NURSING,
                BedStatus.OCCUPIED,
            )
            for b in range(1, residents // 1000 + 2)
            for f in range(1, 11)
            for r in range(1, 51)
            for k in (1, 2)
        ][:residents]
        bed_ids = insert_beds(session, home.id, specs, dt.date(2020, 1, 1))
        rows = []
        for i, bed_id in enumerate(bed_ids):
            gender = Gender.MALE if i % 2 else Gender.FEMALE
            given = GIVEN_M if gender is Gender.MALE else GIVEN_F
            name = rng.choice(SURNAMES) + "".join(
                rng.choice(given) for _ in range(rng.choice((1, 2)))
            )
            birth = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randrange(12000))
            rows.append(
                {
                    "institution_id": home.id,
                    "kind": ResidentKind.ELDERLY,
                    "name": name,
                    "name_initials": initials(name),
                    "gender": gender,
                    "id_number": make_id_number(
                        "370212", birth, (i % 499) * 2 + (1 if gender is Gender.MALE else 2)
                    ),
                    "birth_date": birth,
                    "status": ResidentStatus.IN_HOUSE,
                    "admission_date": dt.date(2021, 1, 1) + dt.timedelta(days=i % 1500),
                    "bed_id": bed_id,
                }
            )
        insert_many(session, Resident, rows)
    store.close()


def child_startup(db: str) -> None:
    """Runs in a fresh process: print seconds from process start to a usable window."""
    started = float(os.environ["MZDESK_BENCH_T0"])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    import qasync

    from mzdesk.gui.app import make_application
    from mzdesk.gui.runtime.context import AppContext
    from mzdesk.gui.runtime.i18n import register_font
    from mzdesk.gui.runtime.worker import Worker
    from mzdesk.gui.shell.main_window import MainWindow
    from mzdesk.services.institutions import list_institutions
    from mzdesk.store.engine import open_store

    app = make_application()
    register_font(app)

    async def main() -> float:
        store = open_store(Path(db))
        worker = Worker()
        institution = (await worker.read(list_institutions, store))[0]
        window = MainWindow(AppContext(store, worker, institution, None, Path(db)))
        window.show()
        await window.home.refresh()
        ready = time.time() - started
        assert window.residents.model.rowCount() > 0
        window.close()
        worker.shutdown()
        return ready

    print(json.dumps({"ready_s": qasync.run(main())}))


def keystrokes(db: Path) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    from mzdesk.gui.residents.model import PAGE, ResidentTableModel
    from mzdesk.gui.runtime.worker import Worker
    from mzdesk.services.institutions import list_institutions
    from mzdesk.services.resident_list import ResidentFilter, search_residents
    from mzdesk.store.engine import open_store

    QApplication.instance() or QApplication([])
    store = open_store(db)
    institution = list_institutions(store)[0]
    gui: list[float] = []
    sql: list[float] = []

    async def type_keys() -> None:  # the model queries on the worker's readers
        worker = Worker()
        model = ResidentTableModel(store, worker, ResidentFilter(institution_id=institution.id))
        for _round in range(5):
            for text in KEYSTROKES:
                start = time.perf_counter()
                await model.set_filter(text=text)
                gui.append(time.perf_counter() - start)
                start = time.perf_counter()
                search_residents(
                    store, ResidentFilter(institution_id=institution.id, text=text), limit=PAGE
                )
                sql.append(time.perf_counter() - start)
        worker.shutdown()

    qasync.run(type_keys())
    return {
        "keystroke_p50_ms": round(statistics.median(gui) * 1000, 1),
        "keystroke_p95_ms": round(statistics.quantiles(gui, n=20)[18] * 1000, 1),
        "sql_alone_p50_ms": round(statistics.median(sql) * 1000, 1),
        "sql_alone_p95_ms": round(statistics.quantiles(sql, n=20)[18] * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parse_quick(parser, {"residents": 5_000})
    if args.child:
        child_startup(args.child)
        return
    OUT.mkdir(exist_ok=True)
    db = OUT / f"residents-{args.residents}.db"
    if not db.exists():
        started = time.perf_counter()
        build(db, args.residents)
        print(f"built {db} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    # An installed app starts from compiled bytecode (pip, uv and PyInstaller write it); measure
    # that, not a first start that compiles ~500 modules (PYTHONDONTWRITEBYTECODE is often set).
    import sysconfig

    subprocess.run(
        [
            sys.executable,
            "-m",
            "compileall",
            "-q",
            "-j",
            "0",
            sysconfig.get_paths()["purelib"],
            str(ROOT / "mzdesk"),
        ],
        check=False,
        capture_output=True,
    )
    runs = []
    for _ in range(3):
        env = {**os.environ, "MZDESK_BENCH_T0": repr(time.time()), "QT_QPA_PLATFORM": "offscreen"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(db)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1])["ready_s"])
    result = {
        "benchmark": "gui_residents",
        "residents": args.residents,
        "window_ready_s": round(statistics.median(runs), 3),
        "target_window_ready_s": 1.5,
        **keystrokes(db),
        "target_keystroke_p95_ms": 50,
    }
    result["keystroke_vs_sql_p95"] = round(
        result["keystroke_p95_ms"] / max(result["sql_alone_p95_ms"], 0.1), 2
    )
    print(json.dumps(result, ensure_ascii=False, indent=2))
    (OUT / "gui_residents.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    r, sql = result, "the same SQL query alone, same process"
    write_figures(
        "gui_residents",
        [
            Figure("process start → usable main window", r["window_ready_s"], "s",
                   None, None, *below(r["window_ready_s"], 1.5, "s"), note="median of 3 starts"),
            Figure("search keystroke, p50", r["keystroke_p50_ms"], "ms", f"{sql}, p50",
                   r["sql_alone_p50_ms"]),
            Figure("search keystroke, p95", r["keystroke_p95_ms"], "ms", f"{sql}, p95",
                   r["sql_alone_p95_ms"], *below(r["keystroke_p95_ms"], 50, "ms", prefix="p95 ")),
        ],
        params(args),
    )  # fmt: skip


if __name__ == "__main__":
    main()
