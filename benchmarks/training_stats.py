"""Training figures over many institutions: ``training_statistics`` for all of them, for one
region and for one institution, and ``training_matrix`` of one institution, against the plain
SQL aggregates alone (active care workers, passed pre-job, certificates, hours) in the same
run. Default: 500 institutions × 40 workers (32 care workers), 7 sessions each, about 1.2
certificates per care worker — a city five times the demo's. Speed is reported, not asserted.

Run: ``uv run python benchmarks/training_stats.py [--institutions N] [--rounds K]``
(the database is built with bulk inserts and cached in bench-results/)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

from _figures import Figure, params, parse_quick, write_figures
from sqlalchemy import text

from mzdesk.core.permissions import Actor

ACTOR = Actor.setup()
ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench-results"
WORKERS_EACH, CARE_EACH = 40, 32
AS_OF = dt.date(2026, 6, 30)

BASELINE = [
    "SELECT institution_id, count(*) FROM care_workers WHERE deleted_at IS NULL"
    " AND occupation = 'care_worker' AND hired_on <= :d AND (left_on IS NULL OR left_on > :d)"
    " GROUP BY institution_id",
    "SELECT count(DISTINCT a.worker_id) FROM training_attendance a JOIN training_sessions s"
    " ON s.id = a.session_id WHERE a.result = 'passed' AND s.category = 'pre_job'"
    " AND s.end_date <= :d",
    "SELECT worker_id, name, skill_level, expires_on FROM worker_certificates"
    " WHERE deleted_at IS NULL AND (issued_on IS NULL OR issued_on <= :d)"
    " AND (expires_on IS NULL OR expires_on >= :d)",
    "SELECT a.worker_id, sum(a.hours_credited) FROM training_attendance a JOIN training_sessions s"
    " ON s.id = a.session_id WHERE s.end_date BETWEEN :y AND :d GROUP BY a.worker_id",
]


def build(path: Path, institutions: int) -> None:
    from mzdesk.core.vocab import (
        InstitutionKind,
        Occupation,
        SkillLevel,
        TrainingCategory,
        TrainingResult,
        WorkerStatus,
    )
    from mzdesk.services.institutions import InstitutionData, add_institution
    from mzdesk.store.engine import open_store
    from mzdesk.store.models import (
        CareWorker,
        TrainingAttendance,
        TrainingSession,
        WorkerCertificate,
    )
    from mzdesk.store.outbox import insert_many

    rng = random.Random(11)
    store = open_store(path)
    others = [Occupation.NURSE, Occupation.THERAPIST, Occupation.SOCIAL_WORKER, Occupation.MANAGER]
    sessions_spec = [
        ("岗前培训", TrainingCategory.PRE_JOB, 40),
        ("消防安全培训", TrainingCategory.FIRE_FIRST_AID, 3),
        ("急救培训", TrainingCategory.FIRE_FIRST_AID, 4),
        ("失智照护", TrainingCategory.ON_JOB, 6),
        ("跌倒预防", TrainingCategory.ON_JOB, 4),
        ("消防演练", TrainingCategory.FIRE_FIRST_AID, 2),
        ("技能竞赛", TrainingCategory.COMPETITION, 8),
    ]
    for i in range(institutions):
        with store.write(ACTOR) as session:
            home = add_institution(
                session,
                InstitutionData(
                    name=f"第{i + 1:04d}养老院",
                    kind=InstitutionKind.NURSING_HOME,
                    region_code=f"37{rng.randrange(1, 17):02d}{rng.randrange(1, 13):02d}",
                ),
            )
            workers = []
            for k in range(WORKERS_EACH):
                hired = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(0, 3000))
                left = (
                    hired + dt.timedelta(days=rng.randrange(30, 900))
                    if rng.random() < 0.15
                    else None
                )
                workers.append(
                    {
                        "institution_id": home.id,
                        "name": f"员工{i}-{k}",
                        "occupation": Occupation.CARE_WORKER if k < CARE_EACH else others[k % 4],
                        "hired_on": hired,
                        "left_on": left,
                        "status": WorkerStatus.LEFT if left else WorkerStatus.ACTIVE,
                    }
                )
            ids = insert_many(session, CareWorker, workers)
            certificates = []
            for wid in ids[:CARE_EACH]:
                for _ in range(rng.choice((0, 1, 1, 1, 2))):
                    issued = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(0, 3800))
                    certificates.append(
                        {
                            "institution_id": home.id,
                            "worker_id": wid,
                            "name": "养老护理员职业技能等级证书",
                            "skill_level": rng.choice(list(SkillLevel)[1:4]),
                            "issued_on": issued,
                            "expires_on": issued + dt.timedelta(days=1800)
                            if rng.random() < 0.5
                            else None,
                        }
                    )
            insert_many(session, WorkerCertificate, certificates)
            attendance = []
            for topic, category, hours in sessions_spec:
                start = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(0, 540))
                (sid,) = insert_many(
                    session,
                    TrainingSession,
                    [
                        {
                            "institution_id": home.id,
                            "topic": topic,
                            "category": category,
                            "start_date": start,
                            "end_date": start,
                            "hours": Decimal(hours),
                        }
                    ],
                )
                for wid in rng.sample(ids, 30):
                    result = rng.choices(list(TrainingResult), weights=(18, 1, 1))[0]
                    attendance.append(
                        {
                            "institution_id": home.id,
                            "session_id": sid,
                            "worker_id": wid,
                            "result": result,
                            "hours_credited": Decimal(
                                0 if result is TrainingResult.ABSENT else hours
                            ),
                        }
                    )
            insert_many(session, TrainingAttendance, attendance)
        if i % 100 == 0:
            print(f"  {i} institutions", file=sys.stderr)
    store.close()


def median_ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 1)


def main() -> None:
    from mzdesk.services.institutions import list_institutions
    from mzdesk.stats.beds.asof import Scope
    from mzdesk.stats.training import training_matrix, training_statistics
    from mzdesk.store.engine import open_store

    parser = argparse.ArgumentParser()
    parser.add_argument("--institutions", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parse_quick(parser, {"institutions": 50, "rounds": 3})
    OUT.mkdir(exist_ok=True)
    db = OUT / f"training-{args.institutions}.db"
    if not db.exists():
        started = time.perf_counter()
        build(db, args.institutions)
        print(f"built {db} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    store = open_store(db)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    institutions = list_institutions(store)
    one = institutions[len(institutions) // 2]
    region = (one.region_code or "")[:4]
    timings: dict[str, list[float]] = {
        "all": [],
        "region": [],
        "one": [],
        "matrix": [],
        "plain": [],
    }
    figures = training_statistics(store, Scope(as_of=AS_OF))  # warm the page cache
    for _ in range(args.rounds):
        for key, run in (
            ("all", lambda: training_statistics(store, Scope(as_of=AS_OF))),
            ("region", lambda: training_statistics(store, Scope(None, region, AS_OF))),
            ("one", lambda: training_statistics(store, Scope(one.id, None, AS_OF))),
            ("matrix", lambda: training_matrix(store, one.id, AS_OF)),
        ):
            start = time.perf_counter()
            run()
            timings[key].append(time.perf_counter() - start)
        start = time.perf_counter()
        with store.engine.connect() as conn:
            for sql in BASELINE:
                conn.execute(text(sql), {"d": AS_OF, "y": dt.date(AS_OF.year, 1, 1)}).all()
        timings["plain"].append(time.perf_counter() - start)
    with store.engine.connect() as conn:
        counts = {
            table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in ("care_workers", "worker_certificates", "training_attendance")
        }
    result = {
        "benchmark": "training_stats",
        "institutions": figures.institutions,
        "rows": counts,
        "active_care_workers": figures.active_care_workers,
        "prejob_rate": figures.prejob_rate.pct,
        "certified_rate": figures.certified_rate.pct,
        "all_ms": median_ms(timings["all"]),
        "region_ms": median_ms(timings["region"]),
        "one_institution_ms": median_ms(timings["one"]),
        "matrix_one_institution_ms": median_ms(timings["matrix"]),
        "plain_sql_all_ms": median_ms(timings["plain"]),
        "all_ratio": round(
            statistics.median(timings["all"]) / statistics.median(timings["plain"]), 2
        ),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    (OUT / "training_stats.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    plain_ = "the plain SQL aggregates alone (all institutions)"
    write_figures(
        "training_stats",
        [
            Figure(f"training_statistics, all {figures.institutions} institutions",
                   result["all_ms"], "ms", plain_, result["plain_sql_all_ms"]),
            Figure("training_statistics, one region", result["region_ms"], "ms"),
            Figure("training_statistics, one institution", result["one_institution_ms"], "ms"),
            Figure("training_matrix, one institution", result["matrix_one_institution_ms"],
                   "ms"),
        ],
        params(args),
    )  # fmt: skip


if __name__ == "__main__":
    main()
