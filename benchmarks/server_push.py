"""The server's side of a push against writing the same rows bare, in the same run.

For SQLite and PostgreSQL (started here from its binaries, on 127.0.0.1, like the tests):
10,000 new residents (their outbox entries, as a desktop sends them) pushed in batches of
500 through ``merge.push`` — authentication, locks, validation, merge, revisions, feed
positions, change rows — in this process, no HTTP. Baseline: the same ``records`` rows (data,
per-field revisions/devices/meta) and ``changes`` rows written by a bare Core INSERT, one
transaction per batch of 500, into a fresh database of the same kind. Then an update of one
field of every resident pushed the same way, against a bare UPDATE of the same record rows
plus INSERT of the change rows. Reported as ratios (push / bare); target ≤ 1.5× for inserts.

Run: ``uv run python benchmarks/server_push.py [--changes N] [--rounds K]
[--db sqlite postgresql]``. Results are printed and written to bench-results/server_push.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from _figures import Figure, params, parse_quick, ratio_target, write_figures
from sqlalchemy import insert, update

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mzdesk.core.permissions import Actor  # noqa: E402
from mzdesk.server import merge  # noqa: E402
from mzdesk.server.admin import add_institution, create_enrollment  # noqa: E402
from mzdesk.server.auth import enroll  # noqa: E402
from mzdesk.server.db import ServerDB, open_server_db  # noqa: E402
from mzdesk.server.models import Change, Record  # noqa: E402
from mzdesk.store.engine import open_store  # noqa: E402
from mzdesk.store.models import Institution, Resident  # noqa: E402
from mzdesk.store.outbox import insert_many  # noqa: E402
from mzdesk.sync.outbox import outbox_batch  # noqa: E402
from tests.sync.conftest import _pg_bindir, postgres_cluster  # noqa: E402

ACTOR = Actor.setup()
BATCH = 500
OUT = ROOT / "bench-results"


def log(message: str) -> None:
    print(f"  [{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@contextmanager
def postgres() -> Iterator[str]:
    """A throwaway PostgreSQL on 127.0.0.1 (fsync on: the figures are for real writes)."""
    bindir = _pg_bindir()
    assert bindir is not None, "PostgreSQL binaries are needed"
    with postgres_cluster(bindir) as port:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/"


def fresh(kind: str, base: str, folder: Path, name: str) -> ServerDB:
    if kind == "sqlite":
        return open_server_db(f"sqlite:///{folder / (name + '.db')}")
    import psycopg

    dsn = base.replace("postgresql+psycopg://", "postgresql://") + "postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return open_server_db(base + name, key_file=folder / f"{name}.key")  # PostgreSQL needs one


def changes_for(folder: Path, institution: uuid.UUID, count: int) -> tuple[Any, list[Any]]:
    """``count`` new residents of ``institution`` as a desktop's outbox sends them."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from sync import resident_rows  # the sync benchmark's realistic residents

    store = open_store(folder / f"client-{uuid.uuid4().hex[:6]}.db")
    with store.apply_remote() as session:
        session.add(
            Institution(
                id=institution, institution_id=institution, name="基准院", kind="nursing_home"
            )
        )
    with store.write(ACTOR) as session:
        insert_many(session, Resident, resident_rows(institution, count, 7))
    return store, outbox_batch(store, count + 10)


def phone_changes(store: Any, count: int, round_: int) -> list[Any]:
    from sqlalchemy import select

    with store.write(ACTOR) as session:
        for k, row in enumerate(session.scalars(select(Resident).order_by(Resident.id))):
            row.phone = f"1{round_}{k:09d}"
    return [c for c in outbox_batch(store, count * 3) if c["op"] == "update"][-count:]


def setup(db: ServerDB) -> tuple[uuid.UUID, str]:
    institution = add_institution(db, "基准院", "nursing_home", "370212")
    code = create_enrollment(db, institution="基准院")
    return institution, enroll(db, code, "基准电脑")["token"]


def timed_push(db: ServerDB, token: str, changes: list[Any]) -> float:
    started = time.perf_counter()
    for k in range(0, len(changes), BATCH):
        outcomes = merge.push(db, token, changes[k : k + BATCH])
        assert all(o.status != "rejected" for o in outcomes), outcomes[0]
    return time.perf_counter() - started


def bare_rows(changes: list[Any], device: uuid.UUID, rev0: int) -> tuple[list[Any], list[Any]]:
    records, rows = [], []
    for k, c in enumerate(changes):
        rev = rev0 + k
        records.append(
            {
                "id": uuid.UUID(c["row_id"]),
                "table_name": c["table"],
                "institution_id": uuid.UUID(c["institution_id"]),
                "data": c["data"],
                "field_revs": dict.fromkeys(c["data"], rev),
                "field_devices": dict.fromkeys(c["data"], str(device)),
                "field_meta": {},
                "rev": rev,
                "deleted": False,
                "pos": rev,
                "last_device": device,
            }
        )
        rows.append(
            {
                "change_id": uuid.UUID(c["change_id"]),
                "device_id": device,
                "table_name": c["table"],
                "row_id": uuid.UUID(c["row_id"]),
                "institution_id": uuid.UUID(c["institution_id"]),
                "op": c["op"],
                "status": "applied",
                "rev": rev,
            }
        )
    return records, rows


def timed_bare_insert(db: ServerDB, changes: list[Any]) -> float:
    device = uuid.uuid4()
    started = time.perf_counter()
    for k in range(0, len(changes), BATCH):
        records, rows = bare_rows(changes[k : k + BATCH], device, 1000 + k)
        with db.transaction() as session:
            session.execute(insert(Record), records)
            session.execute(insert(Change), rows)
    return time.perf_counter() - started


def timed_bare_update(db: ServerDB, changes: list[Any], full: dict[str, Any]) -> float:
    """UPDATE of the same record rows with their whole new state, and the change rows."""
    device = uuid.uuid4()
    started = time.perf_counter()
    for k in range(0, len(changes), BATCH):
        batch = changes[k : k + BATCH]
        records, rows = bare_rows(batch, device, 100_000 + k)
        for record in records:
            row = str(record["id"])
            record["data"] = {**full[row], **record["data"]}
        with db.transaction() as session:
            session.execute(
                update(Record),
                [
                    {"id": r["id"], "data": r["data"], "rev": r["rev"], "pos": r["pos"]}
                    for r in records
                ],
            )
            session.execute(insert(Change), rows)
    return time.perf_counter() - started


def run(kind: str, base: str, folder: Path, count: int, rounds: int) -> dict[str, Any]:
    pushes, bares, upd_pushes, upd_bares = [], [], [], []
    for round_ in range(rounds):
        db = fresh(kind, base, folder, f"push{round_}")
        bare = fresh(kind, base, folder, f"bare{round_}")
        institution, token = setup(db)
        store, changes = changes_for(folder, institution, count)
        pushes.append(timed_push(db, token, changes))
        bares.append(timed_bare_insert(bare, changes))
        full = {c["row_id"]: c["data"] for c in changes}
        updates = phone_changes(store, count, round_)
        upd_pushes.append(timed_push(db, token, updates))
        upd_bares.append(timed_bare_update(bare, updates, full))
        log(
            f"{kind} round {round_}: insert push {pushes[-1]:.2f}s bare {bares[-1]:.2f}s; "
            f"update push {upd_pushes[-1]:.2f}s bare {upd_bares[-1]:.2f}s"
        )
        store.close()
        db.close()
        bare.close()
    push, base_ins = statistics.median(pushes), statistics.median(bares)
    upd, base_upd = statistics.median(upd_pushes), statistics.median(upd_bares)
    return {
        "changes": count,
        "insert_push_s": round(push, 3),
        "insert_bare_s": round(base_ins, 3),
        "insert_ratio": round(push / base_ins, 2),
        "update_push_s": round(upd, 3),
        "update_bare_s": round(base_upd, 3),
        "update_ratio": round(upd / base_upd, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--db", nargs="+", default=["sqlite", "postgresql"])
    args = parse_quick(parser, {"changes": 1_000, "rounds": 1})
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="mzdesk-push-") as tmp:
        folder = Path(tmp)
        if "sqlite" in args.db:
            results["sqlite"] = run("sqlite", "", folder, args.changes, args.rounds)
        if "postgresql" in args.db:
            with postgres() as base:
                results["postgresql"] = run("postgresql", base, folder, args.changes, args.rounds)
    print(json.dumps(results, indent=2))
    OUT.mkdir(exist_ok=True)
    (OUT / "server_push.json").write_text(json.dumps(results, indent=2) + "\n")
    figures = []
    for kind, r in results.items():
        figures += [
            Figure(f"push of {r['changes']:,} new residents, {kind}", r["insert_push_s"], "s",
                   "a bare INSERT of the same records and changes rows", r["insert_bare_s"],
                   *ratio_target(r["insert_push_s"], r["insert_bare_s"], 1.5)),
            Figure(f"push of one field of each, {kind}", r["update_push_s"], "s",
                   "a bare UPDATE of the same records + INSERT of the changes",
                   r["update_bare_s"]),
        ]  # fmt: skip
    write_figures("server_push", figures, params(args))


if __name__ == "__main__":
    main()
