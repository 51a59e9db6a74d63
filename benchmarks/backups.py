"""Backups and the check at start on a given database (the demo, or a 100,000-resident one
built by ``benchmarks/gui_residents.py``'s ``build``): PRAGMA quick_check, integrity_check,
quick_check(1), one verified backup, finding the newest good backup. Baseline: reading the
database file's bytes once (same run), so the ratios compare across machines.

Run: ``uv run python benchmarks/backups.py --db /tmp/demo.db [--user admin --password demo1234]``
(make a copy first: the backup is written into a ``backups`` folder beside it)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from mzdesk.store import cipher
from mzdesk.store.backup import making, restoring
from mzdesk.store.engine import Locked, key_without_login, unlock


def timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="demo1234")
    args = parser.parse_args()
    db: Path = args.db
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


if __name__ == "__main__":
    main()
