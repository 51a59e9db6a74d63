"""Backups and the check at start on a given database (the demo, or a 100,000-resident one
built by ``benchmarks/gui_residents.py``'s ``build``): PRAGMA quick_check, integrity_check,
quick_check(1), one verified backup, finding the newest good backup. Baseline: reading the
database file's bytes once (same run), so the ratios compare across machines.

Run: ``uv run python benchmarks/backups.py --db /tmp/demo.db [--user admin --password demo1234]``
(make a copy first: the backup is written into a ``backups`` folder beside it). Without
``--db``: a copy of ``gui_residents.py``'s 100,000-resident database (built and cached in
bench-results/ if missing), or with ``--quick`` a fresh site demo (``mzdesk demo``)."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _figures import Figure, params, parse_quick, write_figures

from mzdesk.store import cipher
from mzdesk.store.backup import making, restoring
from mzdesk.store.engine import Locked, key_without_login, unlock


def timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def given_or_made(args: argparse.Namespace, folder: Path) -> Path:
    """The database to measure: ``--db``, else a demo (``--quick``) or a copy of the
    100,000-resident one."""
    if args.db is not None:
        return Path(args.db)
    db = folder / "bench.db"
    if args.quick:
        command = [sys.executable, "-m", "mzdesk", "demo", "--db", str(db)]
        subprocess.run(command, check=True, capture_output=True)
        return db
    from gui_residents import OUT, build

    cached = OUT / "residents-100000.db"
    if not cached.exists():
        OUT.mkdir(exist_ok=True)
        build(cached, 100_000)
    for source in OUT.glob("residents-100000.db*"):
        shutil.copy(source, folder / source.name.replace("residents-100000.db", "bench.db"))
    return db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="demo1234")
    args = parse_quick(parser, {})
    with tempfile.TemporaryDirectory(prefix="mzdesk-bench-backups-") as folder:
        measure(args, given_or_made(args, Path(folder)))


def measure(args: argparse.Namespace, db: Path) -> None:
    try:
        key = key_without_login(db)
    except Locked:
        key = unlock(db, args.user, args.password)[0]

    def pragma(name: str) -> None:
        connection = cipher.connect(db, key)
        try:
            connection.execute(f"PRAGMA {name}").fetchall()
        finally:
            connection.close()

    def read_bytes() -> None:
        with db.open("rb") as handle:
            while handle.read(1 << 20):
                pass

    baseline = timed(read_bytes)
    size = db.stat().st_size / (1 << 20)
    rows = {
        "quick_check": timed(lambda: pragma("quick_check")),
        "quick_check(1)": timed(lambda: pragma("quick_check(1)")),
        "integrity_check": timed(lambda: pragma("integrity_check")),
        "check at start": timed(lambda: restoring.check_at_start(db, key)),
        "backup (copy + check)": timed(
            lambda: making.make_backup(db, lambda: cipher.connect(db, key), "manual")
        ),
        "newest good backup": timed(lambda: restoring.newest_good_backup(db, key)),
    }
    print(f"{db} {size:.1f} MiB; baseline (read the file) {baseline * 1000:.0f} ms")
    for name, seconds in rows.items():
        print(f"  {name:24} {seconds * 1000:8.0f} ms  {seconds / baseline:6.1f}x")
    base = "reading the database file once"
    figures = [Figure("database file", round(size, 1), "MiB")]
    figures += [
        Figure(name, round(seconds * 1000, 1), "ms", base, round(baseline * 1000, 1))
        for name, seconds in rows.items()
    ]
    write_figures("backups", figures, params(args, "password") | {"db": str(args.db or db.name)})


if __name__ == "__main__":
    main()
