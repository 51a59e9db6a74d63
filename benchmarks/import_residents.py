"""Import residents from .xlsx, as a ratio to openpyxl's read-only load of the same file.

1. ``--residents`` (10,000) residents, each into a bed of a home whose beds were imported
   first: ``mzdesk``'s import_file against openpyxl's read-only load of the same file (the
   median of ``--repeat`` runs each), and the same file imported again (nothing new).
2. ``--large`` (200,000) residents without beds, imported in a child process: the time and
   the child's peak RSS, against the same child reading the file with openpyxl read-only.

Run: ``uv run python benchmarks/import_residents.py [--residents N] [--repeat K]
[--large N] [--profile]``; results in ``bench-results/import_residents.json``.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl
from _figures import Figure, params, parse_quick, ratio_target, write_figures
from import_beds import HOME, write_roster

from mzdesk.core.identifiers import make_id_number
from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importing import import_file
from mzdesk.store.engine import open_store

ACTOR = Actor.setup()
HEADER = [
    "机构名称",
    "姓名",
    "身份证号",
    "性别",
    "出生日期",
    "入住日期",
    "床位号",
    "供养类型",
    "联系人",
    "联系电话",
    "备注",
]
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨"
GIVEN = ("建国", "秀英", "桂兰", "淑珍", "德明", "玉梅", "志强", "春花")
SUPPORT = ("低保", "特困", "自费")


def write_residents(path: Path, count: int, *, beds: bool) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("住户")
    sheet.append(["2026年在住老人花名册"])
    sheet.append(HEADER)
    n = 0
    building = 0
    start = dt.date(1930, 1, 1)
    while n < count:
        building += 1
        for floor in range(1, 11):
            for room in range(1, 26):
                for bed in range(1, 3):
                    if n >= count:
                        break
                    birth = start + dt.timedelta(days=n % 9000)
                    male = n % 2 == 0
                    sequence = (n // 9000) * 2 % 998 + (1 if male else 0)
                    number = f"{floor}{room:02d}"
                    sheet.append(
                        [
                            HOME,
                            SURNAMES[n % 16] + GIVEN[n % 8],
                            make_id_number("370212", birth, sequence),
                            "男" if male else "女",
                            birth,
                            "2025-01-05",
                            f"{building}号楼{number}-{bed}" if beds else None,
                            SUPPORT[n % 3],
                            "家属",
                            f"138{n:08d}",
                            "高血压" if n % 5 == 0 else None,
                        ]
                    )
                    n += 1

    book.save(path)


def openpyxl_baseline(path: Path) -> float:
    start = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert rows > 0
    return time.perf_counter() - start


def fresh_store(path: Path, beds: Path | None):  # type: ignore[no-untyped-def]
    store = open_store(path)
    create_institution(store, ACTOR, InstitutionData(name=HOME, kind=InstitutionKind.NURSING_HOME))
    if beds is not None:
        import_file(store, ACTOR, Kind.BEDS, beds)
    return store


def timed_import(store, path: Path, *, profile: bool = False) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    profiler = cProfile.Profile() if profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    report = import_file(store, ACTOR, Kind.RESIDENTS, path)
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    return time.perf_counter() - start, report


def child(mode: str, path: Path, db: Path) -> None:
    start = time.perf_counter()
    if mode == "openpyxl":
        openpyxl_baseline(path)
        rows = 0
    else:
        store = fresh_store(db, None)
        start = time.perf_counter()
        report = import_file(store, ACTOR, Kind.RESIDENTS, path, progress=lambda *_: None)
        rows = report.created
        store.close()
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": elapsed, "peak_bytes": peak, "created": rows}))


def in_child(mode: str, path: Path, db: Path) -> dict:  # type: ignore[type-arg]
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path), str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--residents", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--large", type=int, default=200_000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FILE", "DB"))
    args = parse_quick(parser, {"residents": 1_000, "repeat": 1, "large": 5_000})
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    result: dict[str, object] = {"benchmark": "import_residents", "residents": args.residents}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        beds, roster = work / "beds.xlsx", work / "residents.xlsx"
        write_roster(beds, args.residents)
        write_residents(roster, args.residents, beds=True)
        openpyxl_baseline(roster)  # warm caches and imports
        baseline = [openpyxl_baseline(roster) for _ in range(args.repeat)]
        ours, again = [], []
        for run in range(args.repeat):
            store = fresh_store(work / f"r{run}.db", beds)
            seconds, report = timed_import(store, roster, profile=args.profile and run == 0)
            assert report.created == args.residents, report  # type: ignore[attr-defined]
            ours.append(seconds)
            seconds, report = timed_import(store, roster)
            assert report.unchanged == args.residents, report  # type: ignore[attr-defined]
            again.append(seconds)
            store.close()
        base = statistics.median(baseline)
        result |= {
            "openpyxl_read_only_s": round(base, 3),
            "import_s": round(statistics.median(ours), 3),
            "ratio": round(statistics.median(ours) / base, 2),
            "again_s": round(statistics.median(again), 3),
            "again_ratio": round(statistics.median(again) / base, 2),
            "target_ratio": 3.0,
        }
        print(json.dumps(result, ensure_ascii=False, indent=2), flush=True)
        if args.large:
            large = work / "large.xlsx"
            write_residents(large, args.large, beds=False)
            read = in_child("openpyxl", large, work / "x.db")
            mine = in_child("import", large, work / "large.db")
            assert mine["created"] == args.large, mine
            result |= {
                "large_rows": args.large,
                "large_openpyxl_s": round(read["seconds"], 2),
                "large_import_s": round(mine["seconds"], 2),
                "large_ratio": round(mine["seconds"] / read["seconds"], 2),
                "large_openpyxl_peak_mib": read["peak_bytes"] // 2**20,
                "large_import_peak_mib": mine["peak_bytes"] // 2**20,
            }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    out = Path("bench-results")
    out.mkdir(exist_ok=True)
    (out / "import_residents.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    write_figures("import_residents", figures_of(result), params(args, "profile"))


def figures_of(r: dict) -> list[Figure]:  # type: ignore[type-arg]
    read, base = "openpyxl read-only load", r["openpyxl_read_only_s"]
    out = [
        Figure(f"import {r['residents']:,} residents into beds", r["import_s"], "s", read,
               base, *ratio_target(r["import_s"], base, 3)),
        Figure("the same file again (nothing new)", r["again_s"], "s", read, base),
    ]  # fmt: skip
    if "large_rows" in r:
        out += [
            Figure(f"import {r['large_rows']:,} residents without beds (child process)",
                   r["large_import_s"], "s", f"{read} (child process)", r["large_openpyxl_s"],
                   *ratio_target(r["large_import_s"], r["large_openpyxl_s"], 3)),
            Figure("its peak RSS", r["large_import_peak_mib"], "MiB",
                   "peak RSS of the openpyxl read", r["large_openpyxl_peak_mib"]),
        ]  # fmt: skip
    return out


if __name__ == "__main__":
    main()
