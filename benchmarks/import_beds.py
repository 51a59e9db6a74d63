"""Import 10,000 beds from .xlsx, as a ratio to openpyxl's read-only load of the same file."""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import openpyxl
from _figures import Figure, params, parse_quick, ratio_target, write_figures

from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importing import import_file
from mzdesk.store.engine import open_store

ACTOR = Actor.setup()  # benchmarks set up their own databases

HOME = "青岛市崂山区福寿康养老院"


def write_roster(path: Path, beds: int) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("床位")
    sheet.append(["2026年床位登记表"])
    sheet.append(["机构名称", "楼栋", "楼层", "房间", "床位号", "床位类型", "状态"])
    types = ("护理型", "护理型", "自理型", "认知障碍照护")
    n = 0
    building = 0
    while n < beds:
        building += 1
        for floor in range(1, 11):
            for room in range(1, 26):
                for bed in range(1, 3):
                    if n >= beds:
                        break
                    number = f"{floor}{room:02d}"
                    sheet.append(
                        [
                            HOME,
                            f"{building}号楼",
                            f"{floor}层",
                            number,
                            f"{number}-{bed}",
                            types[n % 4],
                            "空闲",
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


def mzdesk_import(path: Path, workdir: Path, run: int) -> float:
    store = open_store(workdir / f"bench-{run}.db")
    create_institution(store, ACTOR, InstitutionData(name=HOME, kind=InstitutionKind.NURSING_HOME))
    start = time.perf_counter()
    report = import_file(store, ACTOR, Kind.BEDS, path)
    elapsed = time.perf_counter() - start
    store.close()
    assert report.created > 0 and not report.problems
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--beds", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parse_quick(parser, {"beds": 5_000, "repeat": 2})
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        roster = workdir / "beds.xlsx"
        write_roster(roster, args.beds)
        openpyxl_baseline(roster)  # warm caches and imports
        baseline = [openpyxl_baseline(roster) for _ in range(args.repeat)]
        ours = [mzdesk_import(roster, workdir, i) for i in range(args.repeat)]
    base, mine = statistics.median(baseline), statistics.median(ours)
    result = {
        "benchmark": "import_beds",
        "beds": args.beds,
        "openpyxl_read_only_s": round(base, 4),
        "mzdesk_import_s": round(mine, 4),
        "ratio": round(mine / base, 2),
        "target_ratio": 3.0,
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    out = Path("bench-results")
    out.mkdir(exist_ok=True)
    (out / "import_beds.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    write_figures(
        "import_beds",
        [Figure(f"import {args.beds:,} beds", round(mine, 3), "s", "openpyxl read-only load",
                round(base, 3), *ratio_target(mine, base, 3))],
        params(args),
    )  # fmt: skip


if __name__ == "__main__":
    main()
