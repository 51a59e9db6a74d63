"""Sync under load, on loopback: a real ``mzdesk serve`` (SQLite; PostgreSQL with 1 and 2
workers) and several client PROCESSES, each driving many client databases through the real
``SyncClient`` (enrolment, push, pull, retries, certificate checks — all of it).

Parts (``--part``):

- ``load``: D devices (default 200, two per institution) with C changes each (default 50 new
  residents), all syncing at once; then a catch-up round. Errors (target 0), per-sync
  latency p50/p95/max, changes pushed per second (first change sent → last sync done), and
  on PostgreSQL the throughput ratio from 1 to 2 workers.
- ``burst``: B devices (default 2,000, one per institution, already enrolled and synced once
  — the morning after) with 2 changes each, all syncing at once. Same figures.
- ``bulk``: one device pushes 10,000 new residents and a second pulls them; then the first
  changes one field of all 10,000 and the second pulls the change. Baselines in the same
  run: the push against a bare INSERT of the same record and change rows into tables of the
  same shape in the server's database (executemany, batches of 500 as the push); the pull
  of the change against a bare UPDATE of the same rows in a copy of the second device's
  database (executemany, pages of 1,000 as the pull); and the client's apply alone (the
  pages already fetched) against the same bare UPDATE.

Servers: ``sqlite`` (one process: SQLite is the one-process default), ``pg1`` and ``pg2``
(PostgreSQL with ``--workers 1`` and ``--workers 2``; a server without ``--workers`` is
recorded as "n/a" for 2 workers). PostgreSQL is a throwaway cluster started here (the test
suite's way), so its binaries must be installed.

Run: ``uv run python benchmarks/sync_load.py [--part load burst bulk] [--servers sqlite pg1
pg2] [--devices 200] [--changes 50] [--burst 2000] [--bulk 10000] [--procs 4]``. A full run
is bounded to about ten minutes on two cores; scale down with the options. Results are
printed as a table and written to bench-results/sync_load.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import multiprocessing as mp
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, MetaData, Table, insert

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _figures import Figure, copy_database, params, parse_quick, ratio_target, write_figures  # noqa: E402
from sync import ms, spread  # noqa: E402  (the sync benchmark's latency summary)

from mzdesk.store import cipher  # noqa: E402
from tests.sync.conftest import ROOT as REPO  # noqa: E402
from tests.sync.conftest import ServerProcess, _pg_bindir  # noqa: E402
from tests.sync.conftest import postgres_cluster as throwaway_cluster  # noqa: E402

OUT = ROOT / "bench-results"


def log(message: str) -> None:
    print(f"  [{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- servers


def serve_supports_workers() -> bool:
    done = subprocess.run(
        [sys.executable, "-m", "mzdesk", "serve", "--help"],
        capture_output=True, text=True, cwd=REPO, timeout=60,
    )  # fmt: skip
    return "--workers" in done.stdout


class Server(ServerProcess):
    """``mzdesk serve`` with ``--workers N`` (when N > 1), started as the tests start it
    (with the server's key file for PostgreSQL)."""

    def __init__(self, db_url: str, log_file: Path, workers: int) -> None:
        super().__init__(db_url, log_file, *(["--workers", str(workers)] if workers > 1 else []))
        self.workers = workers


@contextlib.contextmanager
def postgres_cluster() -> Iterator[str]:
    """A throwaway PostgreSQL on 127.0.0.1 (as the tests start it); yields a URL prefix to
    which a database name is appended."""
    bindir = _pg_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL binaries are not installed")
    with throwaway_cluster(bindir, "-c fsync=off -c max_connections=300") as port:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/"


def new_pg_database(prefix: str, name: str) -> str:
    import psycopg

    port = prefix.rsplit(":", 1)[1].split("/")[0]
    with psycopg.connect(
        f"host=127.0.0.1 port={port} user=postgres dbname=postgres", autocommit=True
    ) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return prefix + name


@contextlib.contextmanager
def running(kind: str, folder: Path, pg: str | None, workers: int) -> Iterator[Server]:
    name = f"{kind}_{uuid.uuid4().hex[:8]}"
    if kind == "sqlite":
        url = f"sqlite:///{folder / (name + '.db')}"
    else:
        assert pg is not None
        url = new_pg_database(pg, name)
    server = Server(url, folder / f"{name}.log", workers)
    server.start()
    try:
        yield server
    finally:
        server.stop()


# ---------------------------------------------------------------- client processes


def _device_main(
    jobs: list[tuple[int, str, str]],
    changes: int,
    url: str,
    folder: str,
    template: str,
    ready: Any,
    go: Any,
    results: Any,
) -> None:
    """One client process: prepare its devices (enrol, first sync, local changes), say it
    is ready, wait for the start, sync them all at once, then once more (catch-up)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from _figures import copy_database
    from sync import add_residents  # the sync benchmark's realistic residents

    from mzdesk.core.permissions import Actor
    from mzdesk.store.engine import open_store
    from mzdesk.sync.client import SyncClient, enroll

    actor = Actor.setup()

    setup_errors: dict[str, int] = {}

    async def prepare() -> list[Any]:
        stores = []
        for k, _institution, code in jobs:
            path = Path(folder) / f"device-{k:05d}.db"
            copy_database(Path(template), path)  # with its key slots
            store = open_store(path, migrate=False)
            try:
                await enroll(store, actor, url, code, f"PC-{k:05d}")
                await SyncClient(store, actor).sync()
            except Exception as error:  # counted, and this device sits the run out
                key = f"{type(error).__name__} {getattr(error, 'code', '')}: {error}"[:200]
                setup_errors[key] = setup_errors.get(key, 0) + 1
                store.close()
                continue
            if changes:
                add_residents(store, changes, seed=10_000 + k)
            stores.append(store)
        return stores

    stores = asyncio.run(prepare())
    ready.put(os.getpid())
    go.wait()

    async def one(store: Any) -> dict[str, Any]:
        started = time.time()
        try:
            report = await SyncClient(store, actor).sync()
            return {"start": started, "end": time.time(), "pushed": report.pushed,
                    "pulled": report.pulled, "error": None}  # fmt: skip
        except Exception as error:  # every error counts; the benchmark goes on
            cause = f" ({error.__cause__!r})" if error.__cause__ is not None else ""
            return {"start": started, "end": time.time(), "pushed": 0, "pulled": 0,
                    "error": f"{type(error).__name__} {getattr(error, 'code', '')}: "
                             f"{error}{cause}"[:300]}  # fmt: skip

    async def everyone() -> list[dict[str, Any]]:
        return list(await asyncio.gather(*(one(s) for s in stores)))

    first = asyncio.run(everyone())
    catch_up = asyncio.run(everyone())
    for store in stores:
        store.close()
    results.put({"first": first, "catch_up": catch_up, "setup_errors": setup_errors})


def run_devices(
    server: Server, folder: Path, devices: int, per_institution: int, changes: int, procs: int
) -> dict[str, Any]:
    """``devices`` client databases in ``procs`` processes, all syncing at once."""
    from mzdesk.store.engine import open_store

    institutions = max(1, devices // per_institution)
    names = [f"负载测试院{i + 1:05d}" for i in range(institutions)]
    started = time.perf_counter()
    for name in names:
        server.institution(name)
    jobs = [(k, names[k % institutions], server.code(institution=names[k % institutions]))
            for k in range(devices)]  # fmt: skip
    clients = folder / f"clients-{uuid.uuid4().hex[:6]}"
    clients.mkdir()
    template = clients / "template.db"
    open_store(template).close()
    ctx = mp.get_context("spawn")
    ready, results, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    workers = []
    for p in range(min(procs, devices)):
        args = (
            jobs[p::procs],
            changes,
            server.url,
            str(clients),
            str(template),
            ready,
            go,
            results,
        )
        workers.append(ctx.Process(target=_device_main, args=args))
    for worker in workers:
        worker.start()
    waiting = len(workers)
    while waiting:
        try:
            ready.get(timeout=5)
            waiting -= 1
        except queue.Empty:
            if any(w.exitcode not in (None, 0) for w in workers):
                for worker in workers:
                    worker.kill()
                raise RuntimeError("a client process died while preparing its devices") from None
    setup_s = time.perf_counter() - started
    log(f"{devices} devices ready in {setup_s:.1f} s ({len(workers)} processes); go")
    go.set()
    gathered = [results.get(timeout=3600) for _ in workers]
    for worker in workers:
        worker.join(60)
    shutil.rmtree(clients, ignore_errors=True)
    first = [r for g in gathered for r in g["first"]]
    catch_up = [r for g in gathered for r in g["catch_up"]]
    setup_errors: dict[str, int] = {}
    for g in gathered:
        for key, n in g["setup_errors"].items():
            setup_errors[key] = setup_errors.get(key, 0) + n
    errors: dict[str, int] = {}
    for r in first + catch_up:
        if r["error"]:
            errors[r["error"]] = errors.get(r["error"], 0) + 1
    wall = max(r["end"] for r in first) - min(r["start"] for r in first)
    pushed = sum(r["pushed"] for r in first)
    return {
        "devices": devices,
        "institutions": institutions,
        "changes_each": changes,
        "client_processes": len(workers),
        "setup_s": round(setup_s, 1),
        "wall_ms": ms(wall),
        "latency_ms": spread([r["end"] - r["start"] for r in first]),
        "errors": sum(1 for r in first if r["error"]),
        "catch_up_errors": sum(1 for r in catch_up if r["error"]),
        "error_kinds": errors,
        "setup_errors": sum(setup_errors.values()),  # enrolment or first sync, before the run
        "setup_error_kinds": setup_errors,
        "pushed": pushed,
        "pulled": sum(r["pulled"] for r in first),
        "catch_up_pulled": sum(r["pulled"] for r in catch_up),
        "changes_per_s": round(pushed / wall, 1) if wall > 0 else None,
    }


# ---------------------------------------------------------------- bulk: push and pull


def _scratch_tables(server: Server) -> tuple[Table, Table]:
    """Tables of the same shape as the server's records and changes, for the bare INSERT."""
    from mzdesk.server.models import Change, Record

    meta = MetaData()
    suffix = uuid.uuid4().hex[:6]
    made = []
    for model in (Record, Change):
        source = model.__table__
        columns = [
            Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable)
            if not (c.primary_key and isinstance(c.type, BigInteger))
            else Column(c.name, c.type, primary_key=True, autoincrement=True)
            for c in source.columns  # type: ignore[attr-defined]
        ]
        made.append(Table(f"bench_{source.name}_{suffix}", meta, *columns))  # type: ignore[attr-defined]
    meta.create_all(server.db.engine)
    return made[0], made[1]


def _fill(table: Table, known: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column in table.columns:
        if column.name in known:
            row[column.name] = known[column.name]
        elif column.primary_key and column.autoincrement is True:
            continue
        elif column.nullable:
            row[column.name] = None
        elif isinstance(column.type, JSON):
            row[column.name] = {}
        else:
            row[column.name] = column.type.python_type()
    return row


def bare_push(server: Server, batches: list[list[dict[str, Any]]], device: uuid.UUID) -> float:
    """The pushed changes written as bare rows: one record row and one change row each."""
    records, changes = _scratch_tables(server)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    started = time.perf_counter()
    for rev, batch in enumerate(batches):
        record_rows = [
            _fill(records, {"id": uuid.UUID(c["row_id"]), "table_name": c["table"],
                            "institution_id": uuid.UUID(c["institution_id"]), "data": c["data"],
                            "field_revs": dict.fromkeys(c["data"], rev),
                            "field_devices": dict.fromkeys(c["data"], str(device)),
                            "field_meta": {}, "rev": rev, "deleted": False})
            for c in batch
        ]  # fmt: skip
        change_rows = [
            _fill(changes, {"change_id": uuid.UUID(c["change_id"]), "device_id": device,
                            "table_name": c["table"], "row_id": uuid.UUID(c["row_id"]),
                            "institution_id": uuid.UUID(c["institution_id"]), "op": c["op"],
                            "status": "applied", "rev": rev, "received_at": now})
            for c in batch
        ]  # fmt: skip
        with server.db.engine.begin() as conn:
            conn.execute(insert(records), record_rows)
            conn.execute(insert(changes), change_rows)
    return time.perf_counter() - started


def bare_update(path: Path, pages: list[list[dict[str, Any]]], field: str, key: bytes) -> float:
    """The pulled change written as a bare UPDATE of the same rows (field and revision),
    one transaction per page as the pull (the DB-API connection, with the store's key)."""
    conn = cipher.connect(path, key)
    started = time.perf_counter()
    for page in pages:
        with conn:
            conn.executemany(
                f"UPDATE residents SET {field} = ?, server_rev = ? WHERE id = ?",
                [(i["data"][field], i["rev"], uuid.UUID(i["id"]).hex) for i in page],
            )
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def bulk(server: Server, folder: Path, count: int) -> dict[str, Any]:
    from sync import Timed, add_residents, change_phones, push_bodies

    from mzdesk.core.permissions import Actor
    from mzdesk.store.engine import open_store
    from mzdesk.sync import client as sync_client
    from mzdesk.sync.client import SyncClient, enroll
    from mzdesk.sync.device import get_setting
    from mzdesk.sync.outbox import outbox_batch

    actor = Actor.setup()
    server.institution("批量测试院")

    async def device(name: str) -> Any:
        store = open_store(folder / f"bulk-{name}-{uuid.uuid4().hex[:6]}.db")
        await enroll(store, actor, server.url, server.code(institution="批量测试院"), name)
        await SyncClient(store, actor).sync()
        return store

    async def timed(store: Any) -> tuple[float, float]:
        client = Timed(store, actor)
        await client.sync()
        return client.push_s, client.pull_s

    a, b = asyncio.run(device("A")), asyncio.run(device("B"))
    add_residents(a, count, seed=7)
    batches = [outbox_batch(a, 10**9)[i : i + sync_client.PUSH_BATCH]
               for i in range(0, count, sync_client.PUSH_BATCH)]  # fmt: skip
    assert len(push_bodies(a)) == len(batches)
    with a.read() as session:
        device_id = uuid.UUID(str(get_setting(session, "device_id")))
    push_s, _ = asyncio.run(timed(a))
    bare_push_s = bare_push(server, batches, device_id)
    _, first_pull_s = asyncio.run(timed(b))
    log(f"push of {count} inserts {push_s:.2f} s (bare INSERT {bare_push_s:.2f} s)")

    change_phones(a, count, 1)
    asyncio.run(timed(a))
    pages: list[list[dict[str, Any]]] = []

    class Recording(Timed):  # keeps the pages it applies (for the apply-only figure)
        def _apply_page(self, cursor: int, page: dict[str, Any]) -> None:
            pages.append(page["items"])
            super()._apply_page(cursor, page)

    assert b.path is not None and b.key is not None
    copy = folder / "bulk-b-copy.db"
    with b.engine.connect() as conn:  # B is idle: its file, checkpointed, is consistent
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    copy_database(b.path, copy)  # the store is encrypted: the same key, its key slots
    copy_database(copy, folder / "bulk-b-copy2.db")
    client = Recording(b, actor)
    asyncio.run(client.sync())
    pull_s = client.pull_s
    bare_s = bare_update(copy, pages, "phone", b.key)
    apply_s = apply_only(folder / "bulk-b-copy2.db", pages)
    a.close()
    b.close()
    return {
        "changes": count,
        "push_ms": ms(push_s),
        "bare_insert_ms": ms(bare_push_s),
        "push_ratio": round(push_s / bare_push_s, 2),
        "first_pull_of_inserts_ms": ms(first_pull_s),
        "pull_ms": ms(pull_s),
        "apply_only_ms": ms(apply_s),
        "bare_update_ms": ms(bare_s),
        "pull_ratio": round(pull_s / bare_s, 2),
        "apply_ratio": round(apply_s / bare_s, 2),
        "pull_pages": len(pages),
    }


def apply_only(path: Path, pages: list[list[dict[str, Any]]]) -> float:
    """The client's apply of the same pages (one transaction each, with the cursor)."""
    from mzdesk.store.engine import open_store
    from mzdesk.sync import device, feed

    store = open_store(path, migrate=False)
    started = time.perf_counter()
    for n, page in enumerate(pages):
        with store.apply_remote() as session:
            feed.apply_items(session, page)
            device.set_setting(session, "cursor", n)
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed


# ---------------------------------------------------------------- main


SERVERS = {"sqlite": ("sqlite", 1), "pg1": ("postgresql", 1), "pg2": ("postgresql", 2)}


def table(result: dict[str, Any]) -> str:
    lines = [
        f"{'server':8} {'part':6} {'devices':>7} {'errors':>6} {'p50 ms':>9} {'p95 ms':>9} "
        f"{'changes/s':>10} {'setup errors':>12}"
    ]
    for name, parts in result["servers"].items():
        for part in ("load", "burst"):
            figures = parts.get(part)
            if figures is None:
                continue
            if isinstance(figures, str):
                lines.append(f"{name:8} {part:6} {figures}")
                continue
            latency = figures["latency_ms"]
            lines.append(
                f"{name:8} {part:6} {figures['devices']:>7} {figures['errors']:>6} "
                f"{latency.get('p50', 0):>9} {latency.get('p95', 0):>9} "
                f"{figures['changes_per_s']:>10} {figures['setup_errors']:>12}"
            )
        if isinstance(parts.get("bulk"), str):
            lines.append(f"{name:8} bulk   {parts['bulk']}")
        if isinstance(parts.get("bulk"), dict):
            b = parts["bulk"]
            lines.append(
                f"{name:8} bulk   push {b['push_ms']} ms vs bare INSERT {b['bare_insert_ms']} ms "
                f"({b['push_ratio']}x); pull {b['pull_ms']} ms, apply {b['apply_only_ms']} ms vs "
                f"bare UPDATE {b['bare_update_ms']} ms ({b['pull_ratio']}x, apply "
                f"{b['apply_ratio']}x)"
            )
    for part, ratio in result.get("workers_1_to_2", {}).items():
        lines.append(f"PostgreSQL throughput 1 -> 2 workers ({part}): {ratio}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--part", nargs="+", choices=("load", "burst", "bulk"),
                        default=["load", "burst", "bulk"])  # fmt: skip
    parser.add_argument("--servers", nargs="+", choices=tuple(SERVERS), default=list(SERVERS))
    parser.add_argument("--devices", type=int, default=200, help="load: devices")
    parser.add_argument("--changes", type=int, default=50, help="load: changes per device")
    parser.add_argument("--burst", type=int, default=2000, help="burst: devices")
    parser.add_argument("--bulk", type=int, default=10_000, help="bulk: changes")
    parser.add_argument("--procs", type=int, default=4, help="client processes")
    quick = {"devices": 10, "changes": 10, "burst": 20, "bulk": 500, "procs": 2}
    args = parse_quick(parser, quick)

    has_workers = serve_supports_workers()
    result: dict[str, Any] = {
        "benchmark": "sync_load",
        "measured": dt.datetime.now().isoformat(timespec="seconds"),
        "options": vars(args),
        "serve_has_workers_option": has_workers,
        "cpus": os.cpu_count(),
        "servers": {},
    }
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mzdesk-bench-load-") as tmp:
        folder = Path(tmp)
        needs_pg = any(SERVERS[s][0] == "postgresql" for s in args.servers)
        with contextlib.ExitStack() as stack:
            pg = stack.enter_context(postgres_cluster()) if needs_pg else None
            for name in args.servers:
                kind, workers = SERVERS[name]
                parts: dict[str, Any] = {}
                result["servers"][name] = parts
                if workers > 1 and not has_workers:
                    for part in args.part:
                        parts[part] = "n/a (mzdesk serve has no --workers)"
                    log(f"{name}: n/a (mzdesk serve has no --workers)")
                    continue
                for part in args.part:
                    log(f"{name}: {part}")
                    with running(kind, folder, pg, workers) as server:
                        if part == "load":
                            parts[part] = run_devices(
                                server, folder, args.devices, 2, args.changes, args.procs
                            )
                        elif part == "burst":
                            parts[part] = run_devices(server, folder, args.burst, 1, 2, args.procs)
                        else:
                            parts[part] = bulk(server, folder, args.bulk)
                    log(f"{name} {part}: {json.dumps(parts[part], ensure_ascii=False)[:300]}")
    ratios = {}
    for part in ("load", "burst"):
        one = result["servers"].get("pg1", {}).get(part)
        two = result["servers"].get("pg2", {}).get(part)
        if isinstance(one, dict) and isinstance(two, dict) and one["changes_per_s"]:
            ratios[part] = round(two["changes_per_s"] / one["changes_per_s"], 2)
        elif one is not None:
            ratios[part] = "n/a"
    result["workers_1_to_2"] = ratios
    result["run_seconds"] = round(time.perf_counter() - started, 1)
    OUT.mkdir(exist_ok=True)
    (OUT / "sync_load.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    print(table(result))
    print(f"run {result['run_seconds']} s; written to {OUT / 'sync_load.json'}")
    write_figures("sync_load", figures_of(result), params(args))


NAMES = {"sqlite": "SQLite", "pg1": "PostgreSQL, 1 worker", "pg2": "PostgreSQL, 2 workers"}


def figures_of(result: dict[str, Any]) -> list[Figure]:
    out = []
    for name, parts in result["servers"].items():
        server = NAMES[name]
        for part in ("load", "burst"):
            f = parts.get(part)
            if isinstance(f, str):
                out.append(Figure(f"{part}, {server}", 0, "", note=f))
            elif f is not None:
                what = f"{part}, {server}: {f['devices']} devices × {f['changes_each']}"
                errors = f["errors"] + f["catch_up_errors"]
                out += [
                    Figure(f"{what}: errors", errors, "", target="zero errors", met=errors == 0,
                           note="first round and catch-up"),
                    Figure(f"{what}: per-device sync, p95", f["latency_ms"].get("p95", 0), "ms"),
                    Figure(f"{what}: changes pushed per second", f["changes_per_s"] or 0, "/s"),
                ]  # fmt: skip
        b = parts.get("bulk")
        if isinstance(b, str):
            out.append(Figure(f"bulk, {server}", 0, "", note=b))
        elif b is not None:
            bare = "a bare UPDATE of the same rows"
            out += [
                Figure(f"bulk, {server}: push of {b['changes']:,} inserts", b["push_ms"], "ms",
                       "a bare INSERT of the same record and change rows", b["bare_insert_ms"],
                       *ratio_target(b["push_ms"], b["bare_insert_ms"], 1.5)),
                Figure(f"bulk, {server}: pull of a one-field change", b["pull_ms"], "ms", bare,
                       b["bare_update_ms"]),
                Figure(f"bulk, {server}: the client's apply alone", b["apply_only_ms"], "ms",
                       bare, b["bare_update_ms"], note="target: close to 1×"),
            ]  # fmt: skip
    for part, ratio in result.get("workers_1_to_2", {}).items():
        one = result["servers"]["pg1"][part]
        two = result["servers"].get("pg2", {}).get(part)
        if isinstance(two, dict) and isinstance(ratio, float):
            out.append(
                Figure(f"{part}: changes/s with 2 workers", two["changes_per_s"], "/s",
                       "the same with 1 worker", one["changes_per_s"], "grows (> 1×)", ratio > 1)
            )  # fmt: skip
    return out


if __name__ == "__main__":
    main()
