"""Sync against a real server process (``mzdesk serve`` on 127.0.0.1, SQLite server database).

Three parts, each measured from a clean state (fresh server and client databases in a
temporary folder):

1. Push and pull of 10,000 field changes (one field of 10,000 residents, changed through the
   ORM so the outbox captures them). Device A's push is timed inside a real
   ``SyncClient.sync()`` (push phase, then the pull of its own changes coming back), and a
   second device B's pull of those changes. Baseline: the same gzip-compressed push bodies
   (rebuilt from the outbox before pushing, in batches of 500) POSTed one after another to
   ``/v1/bundles``, which reads and inflates the whole body and answers 400 at once.
2. A 1% change of a 100,000-resident database: the database is built with bulk inserts and
   synced once in full (timed and reported), then one field of 1,000 residents is changed
   and synced. Bytes sent (the compressed push bodies) as a ratio of the database file after
   a WAL checkpoint. Target: ≤ 2%.
3. 200 devices (each its own client database) with 50 pending changes each, all syncing at
   once (``asyncio.gather`` of ``SyncClient.sync()``): wall time, per-device latency
   p50/p95/max and errors. Target: zero errors. The devices are spread over 100 institutions
   (two desktops per home) by default: every device pulls what the others of its institution
   pushed, and all 200 clients share this one process, so with few institutions the run
   mostly measures this process applying pulled rows (``--institutions 10``: 20 devices per
   home, about 145,000 rows applied here). A second round checks every device converged.

Run: ``uv run python benchmarks/sync.py [--part 1 2 3] [--changes N] [--residents N]
[--devices N]``. Results are printed and written to bench-results/sync.json (parts run
separately are merged into it).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import gzip
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy.exc
from _figures import Figure, copy_database, params, parse_quick, write_figures
from sqlalchemy import select

from mzdesk.core.permissions import Actor
from mzdesk.store import cipher
from mzdesk.store.engine import Store, open_store
from mzdesk.store.models import Institution, Resident
from mzdesk.sync.client import PUSH_BATCH, SyncClient, SyncReport, enroll
from mzdesk.sync.device import get_setting, schema_version, set_setting
from mzdesk.sync.outbox import outbox_batch
from mzdesk.sync.status import sync_status

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the server process helper is the test suite's

from tests.sync.conftest import ServerProcess  # noqa: E402

ACTOR = Actor.setup()  # benchmarks set up their own databases

OUT = ROOT / "bench-results"
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def log(message: str) -> None:
    print(f"  [{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


# ---------------------------------------------------------------- the server process


class Server(ServerProcess):
    """The test suite's ``mzdesk serve`` process on a SQLite database in ``folder``;
    administration goes straight to the same database from this process."""

    def __init__(self, folder: Path) -> None:
        super().__init__(f"sqlite:///{folder / 'server.db'}", folder / "server.log")

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server process so far (Linux; 0 elsewhere)."""
        if self.process is None:
            return 0.0
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / TICKS

    def code(self, institution: str) -> str:  # type: ignore[override]
        return super().code(institution=institution)


@contextlib.contextmanager
def running_server(folder: Path) -> Iterator[Server]:
    server = Server(folder)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def workdir(keep: bool) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="mzdesk-bench-sync-"))
    try:
        yield folder
    finally:
        if keep:
            log(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------- clients and data


async def new_device(
    server: Server, path: Path, institution: str, name: str, *, first_sync: bool = True
) -> Store:
    """An enrolled client database, by default with its first sync done (it has received
    its institution and whatever else the server holds for it)."""
    store = open_store(path)
    await enroll(store, ACTOR, server.url, server.code(institution), name)
    if first_sync:
        await SyncClient(store, ACTOR).sync()
    return store


def institution_of(store: Store) -> uuid.UUID:
    with store.read() as session:
        return session.scalars(select(Institution.id)).one()


def resident_rows(institution_id: uuid.UUID, count: int, seed: int) -> list[dict[str, Any]]:
    """Residents with realistic names, initials, ID numbers and dates (as gui_residents.py)."""
    from mzdesk.core.identifiers import make_id_number
    from mzdesk.core.pinyin import initials
    from mzdesk.core.vocab import Gender, ResidentKind, ResidentStatus
    from mzdesk.services.demo.maker import GIVEN_F, GIVEN_M, SURNAMES

    rng = random.Random(seed)
    rows = []
    for i in range(count):
        gender = Gender.MALE if i % 2 else Gender.FEMALE
        given = GIVEN_M if gender is Gender.MALE else GIVEN_F
        name = rng.choice(SURNAMES) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2))))
        birth = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randrange(12000))
        rows.append(
            {
                "institution_id": institution_id,
                "kind": ResidentKind.ELDERLY,
                "name": name,
                "name_initials": initials(name),
                "gender": gender,
                "id_number": make_id_number(
                    "370212", birth, (i % 499) * 2 + (1 if gender is Gender.MALE else 2)
                ),
                "birth_date": birth,
                "phone": f"139{rng.randrange(10**8):08d}",
                "household_address": f"山东省青岛市崂山区{rng.randrange(1, 300)}号",
                "status": ResidentStatus.IN_HOUSE,
                "admission_date": dt.date(2021, 1, 1) + dt.timedelta(days=i % 1500),
            }
        )
    return rows


def add_residents(store: Store, count: int, seed: int, chunk: int = 20_000) -> None:
    from mzdesk.store.outbox import insert_many

    inst = institution_of(store)
    for start in range(0, count, chunk):
        rows = resident_rows(inst, min(chunk, count - start), seed + start)
        with store.write(ACTOR) as session:
            insert_many(session, Resident, rows)


def change_phones(store: Store, count: int, round_: int, *, every: int = 1) -> int:
    """Change the phone number of ``count`` residents (every ``every``-th by id) through the
    ORM, in one transaction: the outbox listener records one field change per row."""
    with store.write(ACTOR) as session:
        ids = session.scalars(select(Resident.id).order_by(Resident.id)).all()[::every][:count]
        changed = 0
        for start in range(0, len(ids), 500):
            for row in session.scalars(
                select(Resident).where(Resident.id.in_(ids[start : start + 500]))
            ):
                row.phone = f"1{round_ % 10}{changed:09d}"
                changed += 1
            session.flush()
        return changed


def open_fds() -> int | None:
    """File descriptors this process holds (Linux)."""
    folder = Path("/proc/self/fd")
    return sum(1 for _ in folder.iterdir()) if folder.exists() else None


def residents_in(store: Store) -> int:
    with store.read() as session:
        return len(session.scalars(select(Resident.id)).all())


def spread(values: list[float]) -> dict[str, float]:
    """p50, p95 and max in milliseconds."""
    if not values:
        return {}
    ordered = sorted(values)
    return {
        "p50": ms(statistics.median(ordered)),
        "p95": ms(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]),
        "max": ms(ordered[-1]),
    }


def pending(store: Store) -> int:
    return int(sync_status(store)["pending"])


def db_size(store: Store) -> dict[str, Any]:
    """File size after a WAL checkpoint, and how much of it is the outbox (dbstat)."""
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            per_table: dict[str, int] = dict(
                conn.exec_driver_sql(
                    "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
                ).all()
            )
        except sqlalchemy.exc.OperationalError:  # SQLCipher's build has no dbstat
            per_table = {}
        index_of: dict[str, str] = dict(
            conn.exec_driver_sql(
                "SELECT name, tbl_name FROM sqlite_master WHERE type='index'"
            ).all()
        )
    grouped: dict[str, int] = {}
    for name, size in per_table.items():
        table = index_of.get(name, name)
        table = "resident_search (FTS5)" if str(table).startswith("resident_search") else table
        grouped[str(table)] = grouped.get(str(table), 0) + int(size)
    assert store.path is not None
    return {
        "file_bytes": store.path.stat().st_size,
        "largest_tables_bytes": dict(sorted(grouped.items(), key=lambda kv: -kv[1])[:4]),
    }


async def progress(store: Store, every: float = 20.0) -> None:
    """Log the outbox and the pull cursor now and then during a long sync."""
    started = time.perf_counter()
    while True:
        await asyncio.sleep(every)
        figures = await asyncio.to_thread(sync_status, store)
        log(
            f"  {time.perf_counter() - started:.0f} s: {figures['pending']} unsent, "
            f"cursor {figures['cursor']}"
        )


class Timed(SyncClient):
    """A real ``SyncClient`` whose push and pull phases are timed separately."""

    push_s = 0.0
    pull_s = 0.0

    async def _push(self, http: httpx.AsyncClient, report: SyncReport) -> None:
        started = time.perf_counter()
        await super()._push(http, report)
        self.push_s = time.perf_counter() - started

    async def _pull(self, http: httpx.AsyncClient, report: SyncReport) -> None:
        started = time.perf_counter()
        await super()._pull(http, report)
        self.pull_s = time.perf_counter() - started


class Counting(httpx.AsyncHTTPTransport):
    """Counts request and response body bytes as they cross the socket (responses still
    compressed: ``SyncReport.bytes_received`` counts them after httpx has inflated them)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent = 0
        self.received = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent += len(request.content)
        response = await super().handle_async_request(request)
        inner = response.stream
        assert isinstance(inner, httpx.AsyncByteStream)
        response.stream = _CountedStream(inner, self)
        return response


class _CountedStream(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream, counter: Counting) -> None:
        self.inner = inner
        self.counter = counter

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self.inner:
            self.counter.received += len(chunk)
            yield chunk

    async def aclose(self) -> None:
        await self.inner.aclose()


async def timed_sync(
    store: Store, transport: httpx.AsyncBaseTransport | None = None
) -> tuple[SyncReport, float, float, float]:
    """A real sync: its report, total seconds, and the seconds of its push and pull."""
    client = Timed(store, ACTOR, transport=transport)
    started = time.perf_counter()
    report = await client.sync()
    return report, time.perf_counter() - started, client.push_s, client.pull_s


# ---------------------------------------------------------------- part 1


def push_bodies(store: Store) -> list[bytes]:
    """What the next push will send: every unsent change in batches of PUSH_BATCH, each as
    gzip-compressed JSON exactly as ``SyncClient._push`` builds it."""
    changes = outbox_batch(store, 10**9)
    return [
        gzip.compress(
            json.dumps({"changes": changes[i : i + PUSH_BATCH]}, separators=(",", ":")).encode(),
            6,
        )
        for i in range(0, len(changes), PUSH_BATCH)
    ]


async def bare_posts(server: Server, token: str, bodies: list[bytes]) -> float:
    headers = {
        "X-Mzdesk-Schema": schema_version(),
        "Accept-Encoding": "gzip",
        "Authorization": f"Bearer {token}",
    }
    async with httpx.AsyncClient(base_url=server.url, headers=headers, timeout=60) as http:
        await http.get("/health")  # the connection is open before the clock starts
        started = time.perf_counter()
        for body in bodies:
            response = await http.post(
                "/v1/bundles",
                content=body,
                headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
            )
            assert response.status_code == 400 and response.json()["code"] == "bad_bundle"
        return time.perf_counter() - started


async def part1(changes: int, rounds: int, keep: bool) -> dict[str, Any]:
    with workdir(keep) as folder, running_server(folder) as server:
        server.institution("基准养老院")
        a = await new_device(server, folder / "a.db", "基准养老院", "A")
        started = time.perf_counter()
        add_residents(a, changes, seed=1)
        log(f"{changes} residents inserted in {time.perf_counter() - started:.1f} s")
        report, _, initial_push, initial_echo = await timed_sync(a)
        log(f"A's first push of {report.pushed} inserts: {initial_push:.1f} s")
        b = await new_device(server, folder / "b.db", "基准养老院", "B", first_sync=False)
        b_report, b_initial, _, _ = await timed_sync(b)
        log(f"B's initial pull of {b_report.pulled} rows: {b_initial:.1f} s")
        with a.read() as session:
            token = str(get_setting(session, "token"))

        runs: list[dict[str, Any]] = []
        for round_ in range(1, rounds + 1):
            started = time.perf_counter()
            made = change_phones(a, changes, round_)
            write_s = time.perf_counter() - started
            assert made == changes and pending(a) == changes, (made, pending(a))
            bodies = push_bodies(a)
            bare = [await bare_posts(server, token, bodies) for _ in range(3)]
            cpu0 = server.cpu_seconds()
            a_report, a_total, push_s, echo_s = await timed_sync(a)
            cpu1 = server.cpu_seconds()
            b_report, pull_s, _, _ = await timed_sync(b)
            cpu2 = server.cpu_seconds()
            assert a_report.pushed == changes and a_report.outcomes == {"applied": changes}
            assert b_report.pulled == changes and pending(a) == 0
            assert a_report.bytes_sent == sum(map(len, bodies))
            run = {
                "local_write_ms": ms(write_s),
                "push_ms": ms(push_s),
                "a_echo_pull_ms": ms(echo_s),
                "a_sync_total_ms": ms(a_total),
                "pull_ms": ms(pull_s),
                "bare_post_ms": ms(statistics.median(bare)),
                "server_cpu_push_and_echo_s": round(cpu1 - cpu0, 2),
                "server_cpu_pull_s": round(cpu2 - cpu1, 2),
                "requests": len(bodies),
                "push_bytes": a_report.bytes_sent,
                "pull_pages": b_report.pages,
            }
            log(f"round {round_}: {run}")
            runs.append(run)
        keys = [k for k in runs[0] if k.endswith("_ms") or k.startswith("server_cpu")]
        med = {k: round(statistics.median(r[k] for r in runs), 2) for k in keys}
        a.close()
        b.close()
        return {
            "changes": changes,
            "rounds": rounds,
            "setup": {
                "a_push_of_inserts_ms": ms(initial_push),
                "a_echo_pull_of_inserts_ms": ms(initial_echo),
                "b_initial_pull_ms": ms(b_initial),
            },
            **med,
            "push_ratio": round(med["push_ms"] / med["bare_post_ms"], 1),
            "pull_ratio": round(med["pull_ms"] / med["bare_post_ms"], 1),
            "a_sync_total_ratio": round(med["a_sync_total_ms"] / med["bare_post_ms"], 1),
            "requests": runs[0]["requests"],
            "push_bytes": runs[0]["push_bytes"],
            "pull_pages": runs[0]["pull_pages"],
            "runs": runs,
        }


# ---------------------------------------------------------------- part 2


def snapshot(source: Path, target: Path) -> None:
    """A consistent copy of a SQLite database (WAL included), even while it is open; an
    encrypted (closed) store is copied with its key slots."""
    target.unlink(missing_ok=True)
    if not cipher.is_plain_sqlite(source):
        copy_database(source, target)
        return
    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
    server_key = source.with_name(source.name + ".key")
    if server_key.exists():
        shutil.copy(server_key, target.with_name(target.name + ".key"))


async def build_and_sync(server: Server, folder: Path, residents: int) -> dict[str, Any]:
    """Device A with ``residents`` residents (bulk inserts), synced once in full; timed."""
    server.institution("大型养老社区")
    a = await new_device(server, folder / "a.db", "大型养老社区", "A")
    started = time.perf_counter()
    add_residents(a, residents, seed=2)
    built_s = time.perf_counter() - started
    log(f"{residents} residents inserted in {built_s:.1f} s; initial sync …")
    cpu0 = server.cpu_seconds()
    counter = Counting()
    watch = asyncio.create_task(progress(a))
    try:
        first, first_s, push_s, pull_s = await timed_sync(a, counter)
    finally:
        watch.cancel()
    cpu1 = server.cpu_seconds()
    log(f"initial sync {first_s:.1f} s (push {push_s:.1f} s, pull {pull_s:.1f} s)")
    assert first.pushed == residents and pending(a) == 0
    a.close()
    return {
        "build_ms": ms(built_s),
        "total_ms": ms(first_s),
        "push_ms": ms(push_s),
        "echo_pull_ms": ms(pull_s),
        "pushed": first.pushed,
        "pulled": first.pulled,
        "bytes_sent": first.bytes_sent,
        "bytes_received_wire": counter.received,
        "server_cpu_s": round(cpu1 - cpu0, 1),
        "measured": dt.datetime.now().isoformat(timespec="seconds"),
    }


async def part2(residents: int, percent: float, keep: bool, rebuild: bool) -> dict[str, Any]:
    """The synced 100,000-resident pair (server database and device A) is cached in
    bench-results/sync-<N>/ with the figures of its initial sync; ``rebuild`` starts over."""
    cache = OUT / f"sync-{residents}"
    cached = not rebuild and (cache / "initial.json").exists()
    with workdir(keep) as folder:
        if cached:
            log(f"using the synced databases cached in {cache} (--rebuild to build them again)")
            shutil.copy(cache / "server.db", folder / "server.db")
            if (cache / "server.db.key").exists():  # the server's key file, beside its database
                shutil.copy(cache / "server.db.key", folder / "server.db.key")
            copy_database(cache / "a.db", folder / "a.db")
            initial = json.loads((cache / "initial.json").read_text(encoding="utf-8"))
        with running_server(folder) as server:
            if not cached:
                initial = await build_and_sync(server, folder, residents)
                cache.mkdir(exist_ok=True)
                (cache / "initial.json").unlink(missing_ok=True)
                snapshot(folder / "server.db", cache / "server.db")
                snapshot(folder / "a.db", cache / "a.db")
                (cache / "initial.json").write_text(json.dumps(initial), encoding="utf-8")
            a = open_store(folder / "a.db")
            with a.write(ACTOR) as session:  # the server listens on a new port each run
                set_setting(session, "server", server.url)
            assert pending(a) == 0
            size = db_size(a)
            changed = round(residents * percent / 100)
            started = time.perf_counter()
            change_phones(a, changed, 1, every=max(1, residents // changed))
            write_s = time.perf_counter() - started
            counter = Counting()
            report, sync_s, push_s, pull_s = await timed_sync(a, counter)
            assert report.pushed == changed and pending(a) == 0
            after = db_size(a)
            a.close()
            return {
                "residents": residents,
                "changed_rows": changed,
                "initial_sync": {**initial, "from_cache": cached},
                "db_file_bytes": size["file_bytes"],
                "db_largest_tables_bytes": size["largest_tables_bytes"],
                "change": {
                    "local_write_ms": ms(write_s),
                    "sync_ms": ms(sync_s),
                    "push_ms": ms(push_s),
                    "pull_ms": ms(pull_s),
                    "pushed": report.pushed,
                    "pulled": report.pulled,
                    "bytes_sent": report.bytes_sent,
                    "bytes_received_report": report.bytes_received,
                    "bytes_received_wire": counter.received,
                },
                "bytes_sent_ratio_pct": round(100 * report.bytes_sent / size["file_bytes"], 3),
                "bytes_both_ways_ratio_pct": round(
                    100 * (report.bytes_sent + counter.received) / size["file_bytes"], 3
                ),
                "target_pct": 2.0,
                "db_file_bytes_after": after["file_bytes"],
            }


# ---------------------------------------------------------------- part 3


async def part3(devices: int, changes: int, institutions: int, keep: bool) -> dict[str, Any]:
    with workdir(keep) as folder, running_server(folder) as server:
        names = [f"并发养老院{i + 1:02d}" for i in range(institutions)]
        for name in names:
            server.institution(name)
        # one migrated database copied per device: 200 migrations would take minutes
        template = folder / "template.db"
        open_store(template).close()
        started = time.perf_counter()
        stores: list[Store] = []
        gate = asyncio.Semaphore(20)

        async def prepare(k: int) -> Store:
            path = folder / f"device-{k:03d}.db"
            copy_database(template, path)  # with its key slots
            async with gate:
                return await new_device(server, path, names[k % institutions], f"PC-{k:03d}")

        stores = list(await asyncio.gather(*(prepare(k) for k in range(devices))))
        for k, store in enumerate(stores):
            add_residents(store, changes, seed=1000 + k)
            assert pending(store) == changes
        setup_s = time.perf_counter() - started
        log(f"{devices} devices enrolled with {changes} changes each in {setup_s:.1f} s")

        latencies: list[float] = []
        push_phase: list[float] = []
        pull_phase: list[float] = []
        errors: dict[str, int] = {}
        reports: list[SyncReport] = []

        async def one(store: Store) -> None:
            begun = time.perf_counter()
            client = Timed(store, ACTOR)
            try:
                reports.append(await client.sync())
                push_phase.append(client.push_s)
                pull_phase.append(client.pull_s)
            except Exception as error:
                cause = f" ({error.__cause__!r})" if error.__cause__ is not None else ""
                key = f"{type(error).__name__} {getattr(error, 'code', '')}: {error}{cause}"[:300]
                errors[key] = errors.get(key, 0) + 1
            finally:
                latencies.append(time.perf_counter() - begun)

        cpu0 = server.cpu_seconds()
        started = time.perf_counter()
        await asyncio.gather(*(one(s) for s in stores))
        wall = time.perf_counter() - started
        cpu1 = server.cpu_seconds()
        fds = open_fds()
        still_pending = sum(pending(s) for s in stores)
        log(f"{devices} concurrent syncs in {wall:.1f} s, errors {sum(errors.values())}")
        # a second round: every device fetches what the others of its institution pushed
        started = time.perf_counter()
        catch_up = await asyncio.gather(
            *(SyncClient(s, ACTOR).sync() for s in stores), return_exceptions=True
        )
        catch_up_s = time.perf_counter() - started
        catch_up_errors = sum(isinstance(r, BaseException) for r in catch_up)
        peers = [sum(1 for j in range(devices) if j % institutions == k % institutions)
                 for k in range(devices)]  # fmt: skip
        converged = sum(residents_in(s) == changes * peers[k] for k, s in enumerate(stores))
        with server.db.transaction() as session:
            from sqlalchemy import func

            from mzdesk.server.models import Change

            on_server = session.scalar(select(func.count()).select_from(Change)) or 0
        for store in stores:
            store.close()
        return {
            "devices": devices,
            "changes_each": changes,
            "institutions": institutions,
            "setup_ms": ms(setup_s),
            "wall_ms": ms(wall),
            "latency_ms": spread(latencies),
            "push_phase_ms": spread(push_phase),
            "pull_phase_ms": spread(pull_phase),
            "errors": sum(errors.values()),
            "error_kinds": errors,
            "succeeded": len(reports),
            "pushed": sum(r.pushed for r in reports),
            "pulled": sum(r.pulled for r in reports),
            "changes_on_server": on_server,
            "still_pending": still_pending,
            "server_cpu_s": round(cpu1 - cpu0, 1),
            "changes_per_s": round(sum(r.pushed for r in reports) / wall, 1),
            "open_fds_after_sync": fds,
            "catch_up_round_ms": ms(catch_up_s),
            "catch_up_errors": catch_up_errors,
            "devices_converged": converged,
        }


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--part", type=int, nargs="+", choices=(1, 2, 3), default=[1, 2, 3])
    parser.add_argument("--changes", type=int, default=10_000, help="part 1: field changes")
    parser.add_argument("--rounds", type=int, default=3, help="part 1: push/pull rounds")
    parser.add_argument("--residents", type=int, default=100_000, help="part 2: database size")
    parser.add_argument("--percent", type=float, default=1.0, help="part 2: rows changed, %%")
    parser.add_argument("--devices", type=int, default=200, help="part 3: concurrent devices")
    parser.add_argument("--device-changes", type=int, default=50, help="part 3: changes each")
    parser.add_argument(
        "--institutions",
        type=int,
        default=100,
        help="part 3: institutions the devices are spread over (device k: institution k mod N)",
    )
    parser.add_argument("--rebuild", action="store_true", help="part 2: ignore the cache")
    parser.add_argument("--keep", action="store_true", help="keep the temporary databases")
    quick = {"changes": 1_000, "rounds": 1, "residents": 5_000, "devices": 20,
             "device_changes": 10, "institutions": 10}  # fmt: skip
    args = parse_quick(parser, quick)

    OUT.mkdir(exist_ok=True)
    target = OUT / "sync.json"
    result: dict[str, Any] = {"benchmark": "sync"}
    if target.exists():
        with contextlib.suppress(ValueError):
            result.update(json.loads(target.read_text(encoding="utf-8")))
    for part in args.part:
        log(f"part {part}")
        started = time.perf_counter()
        if part == 1:
            figures = asyncio.run(part1(args.changes, args.rounds, args.keep))
        elif part == 2:
            figures = asyncio.run(part2(args.residents, args.percent, args.keep, args.rebuild))
        else:
            figures = asyncio.run(
                part3(args.devices, args.device_changes, args.institutions, args.keep)
            )
        figures["part_seconds"] = round(time.perf_counter() - started, 1)
        figures["measured"] = dt.datetime.now().isoformat(timespec="seconds")
        result[f"part{part}"] = figures
        print(json.dumps({f"part{part}": figures}, ensure_ascii=False, indent=2), flush=True)
        target.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    write_figures("sync", figures_of(result, args.part), params(args, "keep"))


def figures_of(result: dict[str, Any], parts: list[int]) -> list[Figure]:
    """The report's figures of the parts run now (sync.json keeps earlier parts too)."""
    out = []
    if 1 in parts:
        p = result["part1"]
        bare = "the same gzip push bodies POSTed bare"
        n = f"{p['changes']:,}"
        out += [
            Figure(f"(1) push of {n} field changes", p["push_ms"], "ms", bare, p["bare_post_ms"]),
            Figure(f"(1) pull of the {n} changes", p["pull_ms"], "ms", bare, p["bare_post_ms"]),
        ]
    if 2 in parts:
        p = result["part2"]
        sent, size = p["change"]["bytes_sent"], p["db_file_bytes"]
        out.append(
            Figure(f"(2) bytes sent for a {p['changed_rows']:,}-row change of "
                   f"{p['residents']:,} residents", round(sent / 1024, 1), "KiB",
                   "the database file", round(size / 1024, 1), "≤ 2% of the file",
                   sent <= 0.02 * size)
        )  # fmt: skip
    if 3 in parts:
        p = result["part3"]
        errors = p["errors"] + p["catch_up_errors"]
        out += [
            Figure(f"(3) errors, {p['devices']} devices × {p['changes_each']} changes at once",
                   errors, "", target="zero errors", met=errors == 0,
                   note="first round and catch-up"),
            Figure("(3) per-device sync, p95", p["latency_ms"].get("p95", 0), "ms"),
            Figure("(3) changes pushed per second", p["changes_per_s"], "/s"),
        ]  # fmt: skip
    return out


if __name__ == "__main__":
    main()
