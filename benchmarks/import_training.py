"""Import a training sign-in ledger (default 100 sessions × 50 attendees = 5,000 rows) from
.xlsx, then import it again (nothing new), as ratios to openpyxl's read-only load of the same
file."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path

import openpyxl
from _figures import Figure, params, parse_quick, ratio_target, write_figures

from mzdesk.core.identifiers import make_id_number
from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import InstitutionKind, Occupation
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importing import import_file
from mzdesk.services.workers import WorkerData, add_worker
from mzdesk.store.engine import open_store

ACTOR = Actor.setup()  # benchmarks set up their own databases
HOME = "青岛市崂山区福寿康养老院"
RESULTS = ("合格", "合格", "合格", "不合格", "缺席")


def people(count: int) -> list[tuple[str, str]]:
    return [
        (
            f"护理员{i}",
            make_id_number("370212", dt.date(1970 + i % 30, 1 + i % 12, 1 + i % 28), i % 998 + 1),
        )
        for i in range(count)
    ]


def write_ledger(path: Path, sessions: int, attendees: list[tuple[str, str]]) -> int:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("签到表")
    sheet.append(["2026年培训签到表"])
    sheet.append(["培训主题", "培训类别", "开始日期", "结束日期", "学时", "培训讲师", "培训地点",
                  "姓名", "身份证号", "考核结果"])  # fmt: skip
    rows = 0
    for s in range(sessions):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=s * 3)
        for name, number in attendees:
            sheet.append([f"在岗培训第{s + 1}期", "在岗", day, day, 2, "刘教官", "会议室", name,
                          number, RESULTS[(s + rows) % 5]])  # fmt: skip
            rows += 1
    book.save(path)
    return rows


def openpyxl_baseline(path: Path) -> float:
    start = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert rows > 0
    return time.perf_counter() - start


def mzdesk_import(
    path: Path, workdir: Path, run: int, staff: list[tuple[str, str]]
) -> tuple[float, float]:
    store = open_store(workdir / f"bench-{run}.db")
    home = create_institution(
        store, ACTOR, InstitutionData(name=HOME, kind=InstitutionKind.NURSING_HOME)
    )
    with store.write(ACTOR) as session:
        for name, number in staff:
            add_worker(
                session,
                WorkerData(home.id, name, Occupation.CARE_WORKER, dt.date(2020, 1, 1), number),
            )
    start = time.perf_counter()
    first = import_file(store, ACTOR, Kind.TRAINING, path)
    middle = time.perf_counter()
    again = import_file(store, ACTOR, Kind.TRAINING, path)
    end = time.perf_counter()
    store.close()
    assert first.created > 0 and not first.problems and again.created == 0
    return middle - start, end - middle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--attendees", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parse_quick(parser, {"sessions": 40, "repeat": 1})
    staff = people(args.attendees)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        ledger = workdir / "ledger.xlsx"
        rows = write_ledger(ledger, args.sessions, staff)
        openpyxl_baseline(ledger)  # warm caches and imports
        baseline = [openpyxl_baseline(ledger) for _ in range(args.repeat)]
        runs = [mzdesk_import(ledger, workdir, i, staff) for i in range(args.repeat)]
    base = statistics.median(baseline)
    first = statistics.median(r[0] for r in runs)
    again = statistics.median(r[1] for r in runs)
    result = {
        "benchmark": "import_training",
        "rows": rows,
        "openpyxl_read_only_s": round(base, 4),
        "mzdesk_import_s": round(first, 4),
        "mzdesk_reimport_s": round(again, 4),
        "ratio": round(first / base, 2),
        "reimport_ratio": round(again / base, 2),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    out = Path("bench-results")
    out.mkdir(exist_ok=True)
    (out / "import_training.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    read = "openpyxl read-only load"
    write_figures(
        "import_training",
        [
            Figure(f"import {rows:,} rows", round(first, 3), "s", read, round(base, 3),
                   *ratio_target(first, base, 3)),
            Figure("the same file again (nothing new)", round(again, 3), "s", read,
                   round(base, 3)),
        ],
        params(args),
    )  # fmt: skip


if __name__ == "__main__":
    main()
