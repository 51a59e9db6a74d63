"""Import a children's roster (儿童名册) from .xlsx, as a ratio to importing a residents roster of
as many rows (without beds) in the same run.

A children's roster receives each child through the children's services in a savepoint of its
own (the record, the intake, half of them a 寻亲公告, a quarter a foster placement), where the
residents roster inserts in batches; the target bounds what that costs. The same file again
(nothing new) is reported beside it.

Run: ``uv run python benchmarks/import_children.py [--children N] [--repeat K]``; results in
``bench-results/import_children.figures.json``.
"""

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
from import_residents import write_residents

from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importing import import_file
from mzdesk.store.engine import open_store

ACTOR = Actor.setup()
HOME = "市儿童福利院"
HEADER = ["机构名称", "姓名", "出生日期", "儿童类别", "接收方式", "接收日期", "转出机构"]
HEADER += ["公告日期", "安置方式", "安置日期", "寄养或收养家庭", "家庭住址"]
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨"
GIVEN = ("小明", "小红", "小春", "小亮", "小雨", "小军", "小芳", "小东")


def write_children(path: Path, count: int) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("儿童名册")
    sheet.append(HEADER)
    for n in range(count):
        birth = dt.date(2010, 1, 1) + dt.timedelta(days=n % 5000)
        intake = max(birth, dt.date(2024, 1, 1)) + dt.timedelta(days=n % 300)
        notice = intake + dt.timedelta(days=3) if n % 2 == 0 else None
        foster = intake + dt.timedelta(days=120) if n % 4 == 1 else None
        sheet.append(
            [
                HOME,
                f"{SURNAMES[n % 16]}{GIVEN[n % 8]}{n}",
                birth,
                "孤儿" if n % 3 else "弃婴",
                "转入",
                intake,
                "县儿童福利院",
                notice,
                "家庭寄养" if foster else None,
                foster,
                f"寄养家庭{n}" if foster else None,
                f"城关镇{n}号" if foster else None,
            ]
        )
    book.save(path)


def timed(store, kind: Kind, path: Path):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    report = import_file(store, ACTOR, kind, path)
    return time.perf_counter() - start, report


def fresh(path: Path, kind: InstitutionKind, name: str):  # type: ignore[no-untyped-def]
    store = open_store(path)
    create_institution(store, ACTOR, InstitutionData(name=name, kind=kind))
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--children", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parse_quick(parser, {"children": 300, "repeat": 1})
    from import_beds import HOME as NURSING_HOME

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        children, residents = work / "children.xlsx", work / "residents.xlsx"
        write_children(children, args.children)
        write_residents(residents, args.children, beds=False)
        base, ours, again = [], [], []
        for run in range(args.repeat):
            store = fresh(work / f"n{run}.db", InstitutionKind.NURSING_HOME, NURSING_HOME)
            seconds, report = timed(store, Kind.RESIDENTS, residents)
            assert report.created == args.children, report
            base.append(seconds)
            store.close()
            store = fresh(work / f"c{run}.db", InstitutionKind.CHILDREN_HOME, HOME)
            seconds, report = timed(store, Kind.CHILDREN, children)
            assert report.created == args.children, report
            ours.append(seconds)
            seconds, report = timed(store, Kind.CHILDREN, children)
            assert report.unchanged == args.children, report
            again.append(seconds)
            store.close()
    result = {
        "children": args.children,
        "residents_import_s": round(statistics.median(base), 3),
        "children_import_s": round(statistics.median(ours), 3),
        "again_s": round(statistics.median(again), 3),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    residents_import = f"a residents roster of {args.children:,} rows (no beds)"
    b = result["residents_import_s"]
    figures = [
        Figure(f"import {args.children:,} children (intake, notices, foster placements)",
               result["children_import_s"], "s", residents_import, b,
               *ratio_target(result["children_import_s"], b, 8)),
        Figure("the same roster again (nothing new)", result["again_s"], "s",
               residents_import, b, *ratio_target(result["again_s"], b, 4)),
    ]  # fmt: skip
    write_figures("import_children", figures, params(args))


if __name__ == "__main__":
    main()
