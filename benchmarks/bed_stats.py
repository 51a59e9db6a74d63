"""Province-sized bed statistics: 2,000 institutions, 300,000 beds, 250,000 residents.

Times the full ``bed_statistics`` computation (as of today, all institutions) against the
plain SQL aggregates alone (beds by type, occupied beds, residents) in the same run, twice:
cold (no per-institution snapshots for the day: everything computed from the tables) and warm
(snapshots saved by an earlier computation and still valid; after a change only the changed
institution is recomputed — measured too). Target: under 300 ms. The database is built with
bulk inserts and cached in bench-results/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from pathlib import Path

from _figures import Figure, below, params, parse_quick, write_figures
from sqlalchemy import text

from mzdesk.core.permissions import Actor

ACTOR = Actor.setup()  # benchmarks set up their own databases

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench-results"
INSTITUTIONS, BEDS_EACH, OCCUPANCY = 2000, 150, 250 / 300

BASELINE = [
    "SELECT bed_type, count(*) FROM beds WHERE deleted_at IS NULL GROUP BY bed_type",
    "SELECT count(*) FROM bed_stays WHERE end_date IS NULL",
    "SELECT support_type, count(*) FROM residents WHERE discharge_date IS NULL"
    " GROUP BY support_type",
    "SELECT operation, count(*) FROM institutions GROUP BY operation",
]


def build(path: Path, institutions: int = INSTITUTIONS) -> None:
    from mzdesk.core.vocab import (
        BedType,
        Grade,
        InstitutionKind,
        Operation,
        Positioning,
        ResidentKind,
        ResidentStatus,
        SupportType,
    )
    from mzdesk.services.beds import BedSpec, insert_beds
    from mzdesk.services.institutions import InstitutionData, add_institution
    from mzdesk.store.engine import open_store
    from mzdesk.store.models import BedStay, Resident
    from mzdesk.store.outbox import insert_many

    rng = random.Random(3)
    store = open_store(path)
    opened = dt.date(2020, 1, 1)
    for i in range(institutions):
        with store.write(ACTOR) as session:
            home = add_institution(
                session,
                InstitutionData(
                    name=f"第{i + 1:04d}养老院",
                    kind=InstitutionKind.NURSING_HOME,
                    operation=rng.choice(list(Operation)),
                    positioning=rng.choice(list(Positioning)),
                    grade=rng.choice(list(Grade)),
                    region_code=f"37{rng.randrange(1, 17):02d}{rng.randrange(1, 13):02d}",
                ),
            )
            types = [BedType.NURSING] * 6 + [BedType.SELF_CARE] * 3 + [BedType.DEMENTIA]
            specs = [
                BedSpec(
                    "1号楼",
                    f"{1 + k // 50}层",
                    f"{1 + k // 50}{(k % 50) // 2:02d}",
                    f"{k}",
                    rng.choice(types),
                )
                for k in range(BEDS_EACH)
            ]
            bed_ids = insert_beds(session, home.id, specs, opened)
            taken = bed_ids[: int(len(bed_ids) * OCCUPANCY)]
            residents = [
                {
                    "institution_id": home.id,
                    "kind": ResidentKind.ELDERLY,
                    "name": f"住户{i}-{k}",
                    "status": ResidentStatus.IN_HOUSE,
                    "admission_date": opened,
                    "bed_id": bed,
                    "support_type": rng.choice(list(SupportType)),
                }
                for k, bed in enumerate(taken)
            ]
            ids = insert_many(session, Resident, residents)
            insert_many(
                session,
                BedStay,
                [
                    {
                        "institution_id": home.id,
                        "resident_id": rid,
                        "bed_id": bed,
                        "start_date": opened,
                    }
                    for rid, bed in zip(ids, taken, strict=True)
                ],
            )
        if i % 200 == 0:
            print(f"  {i} institutions", file=sys.stderr)
    store.close()


def main() -> None:
    from mzdesk.stats.beds.asof import Scope
    from mzdesk.stats.beds.figures import bed_statistics
    from mzdesk.store.engine import open_store

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--institutions", type=int, default=INSTITUTIONS)
    parser.add_argument("--rounds", type=int, default=5)
    args = parse_quick(parser, {"institutions": 100, "rounds": 3})
    OUT.mkdir(exist_ok=True)
    size = "" if args.institutions == INSTITUTIONS else f"-{args.institutions}"
    db = OUT / f"province{size}.db"
    if not db.exists():
        started = time.perf_counter()
        build(db, args.institutions)
        print(f"built {db} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    store = open_store(db)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    bed_statistics(store, Scope())  # warm the page cache
    cold, warm, one_changed, plain = [], [], [], []
    for round_ in range(args.rounds):
        with store.write(ACTOR) as session:
            session.execute(text("DELETE FROM stat_snapshots"))
        start = time.perf_counter()
        figures = bed_statistics(store, Scope())
        cold.append(time.perf_counter() - start)
        start = time.perf_counter()
        again = bed_statistics(store, Scope())
        warm.append(time.perf_counter() - start)
        assert again == figures
        with store.write(ACTOR) as session:  # a change in one institution: its snapshot goes stale
            session.execute(
                text(
                    "UPDATE beds SET note = :n WHERE id = (SELECT id FROM beds LIMIT 1 OFFSET :k)"
                ),
                {"n": f"bench {round_}", "k": round_ * 150},
            )
        start = time.perf_counter()
        bed_statistics(store, Scope())
        one_changed.append(time.perf_counter() - start)
        start = time.perf_counter()
        with store.engine.connect() as conn:
            for sql in BASELINE:
                conn.execute(text(sql)).all()
        plain.append(time.perf_counter() - start)
    result = {
        "benchmark": "bed_stats",
        "institutions": figures.institutions,
        "beds": figures.total_beds,
        "occupied": figures.occupied_beds,
        "cold_ms": round(statistics.median(cold) * 1000, 1),
        "warm_ms": round(statistics.median(warm) * 1000, 1),
        "one_institution_changed_ms": round(statistics.median(one_changed) * 1000, 1),
        "plain_sql_ms": round(statistics.median(plain) * 1000, 1),
        "cold_ratio": round(statistics.median(cold) / statistics.median(plain), 2),
        "warm_ratio": round(statistics.median(warm) / statistics.median(plain), 2),
        "target_full_ms": 300,
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    (OUT / "bed_stats.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    plain_ms = result["plain_sql_ms"]
    write_figures(
        "bed_stats",
        [
            Figure(f"{label} ({figures.institutions:,} institutions, {figures.total_beds:,} beds)",
                   result[key], "ms", "the plain SQL aggregates alone", plain_ms,
                   *below(result[key], 300, "ms"))
            for key, label in (
                ("cold_ms", "bed_statistics, cold"),
                ("warm_ms", "bed_statistics, warm"),
                ("one_institution_changed_ms", "bed_statistics, one institution changed"),
            )
        ],
        params(args),
    )  # fmt: skip


if __name__ == "__main__":
    main()
