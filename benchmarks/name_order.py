"""The resident list in pinyin name order and pinyin search on a 100,000-resident database
(issue 14: sort by the surname's full pinyin, search by full pinyin, initials and mixes).

Measures, interleaved in one run on the database gui_residents.py builds (and caches in
bench-results/): the first page in name order (``name_sort``, read from its index) against
the first page in admission order (an index of the same shape, the baseline), ascending and
descending; and search keystrokes (full pinyin, mixes, initials) against searches by
characters, p50 and p95. Also the size of the FTS5 search index and of name_sort's index.

    uv run python benchmarks/name_order.py [--residents 100000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _figures import Figure, params, parse_quick, write_figures  # noqa: E402

PINYIN = ["zhang", "zhangs", "zhang san", "chen", "zeng", "wangx", "lxy", "zs"]
CHARACTERS = ["张", "张三", "陈", "曾", "王秀", "李秀", "王", "李"]


def timed(fn, *args, **kwargs) -> float:
    start = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - start


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18]


def summary(samples: list[float]) -> str:
    p50 = statistics.median(samples) * 1000
    p95 = statistics.quantiles(samples, n=20)[18] * 1000
    return f"p50 {p50:.1f} ms, p95 {p95:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parse_quick(parser, {"residents": 5_000, "rounds": 3})
    from gui_residents import OUT, build

    from mzdesk.services.institutions import list_institutions
    from mzdesk.services.resident_list import (
        ResidentFilter,
        SortKey,
        page_residents,
        search_residents,
    )
    from mzdesk.store.engine import open_store

    OUT.mkdir(exist_ok=True)
    db = OUT / f"residents-{args.residents}.db"
    if not db.exists():
        build(db, args.residents)
    store = open_store(db)
    home = list_institutions(store)[0]
    f = ResidentFilter(institution_id=home.id)
    by: dict[str, list[float]] = {"name": [], "admission": [], "pinyin": [], "characters": []}
    for key in (SortKey.NAME, SortKey.ADMISSION):  # warm: read both indexes once
        page_residents(store, f, sort=key)
    for _ in range(args.rounds):
        for descending in (False, True):
            by["name"].append(
                timed(page_residents, store, f, sort=SortKey.NAME, descending=descending)
            )
            by["admission"].append(
                timed(page_residents, store, f, sort=SortKey.ADMISSION, descending=descending)
            )
        for typed, chars in zip(PINYIN, CHARACTERS, strict=True):
            query = ResidentFilter(institution_id=home.id, text=typed)
            by["pinyin"].append(timed(search_residents, store, query))
            query = ResidentFilter(institution_id=home.id, text=chars)
            by["characters"].append(timed(search_residents, store, query))
    print(f"{args.residents} residents, {args.rounds} rounds")
    print(f"  first page in name order:      {summary(by['name'])}")
    print(f"  first page in admission order: {summary(by['admission'])}  (baseline)")
    ratio = statistics.median(by["name"]) / statistics.median(by["admission"])
    print(f"  name / admission: {ratio:.2f}x")
    print(f"  pinyin searches {PINYIN}: {summary(by['pinyin'])}")
    print(f"  character searches {CHARACTERS}: {summary(by['characters'])}  (baseline)")
    ratio = statistics.median(by["pinyin"]) / statistics.median(by["characters"])
    print(f"  pinyin / characters: {ratio:.2f}x")
    figures = []
    for key, base, name, label in (
        ("name", "admission", "first page in name order", "first page in admission order"),
        ("pinyin", "characters", "searches by pinyin", "searches by characters"),
    ):
        for q, pick in (("p50", statistics.median), ("p95", p95)):
            figures.append(
                Figure(f"{name}, {q}", round(pick(by[key]) * 1000, 2), "ms",
                       f"{label}, {q}", round(pick(by[base]) * 1000, 2))
            )  # fmt: skip
    write_figures("name_order", figures, params(args))
    with store.read() as session:
        try:
            sizes = session.execute(
                text(
                    "SELECT name, SUM(pgsize) FROM dbstat WHERE name LIKE 'resident_search%'"
                    " OR name IN ('ix_residents_list_name', 'residents') GROUP BY name"
                )
            ).all()
            for name, size in sizes:
                print(f"  {name}: {size / 2**20:.1f} MiB")
        except Exception as error:  # dbstat is optional in SQLite builds
            print(f"  sizes not available: {type(error).__name__}")
    store.close()


if __name__ == "__main__":
    main()
