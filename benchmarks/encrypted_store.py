"""The encrypted store against the same data unencrypted, on a 100,000-resident database.

Measures (1) open time: ``open_store`` (SQLCipher, the key given, the schema checked) to the
first query answered, against the same steps on a plain SQLite copy through SQLAlchemy's
stdlib sqlite3 driver; (2) the resident list's query (``services/resident_list.py``
``search_residents``: the first page, as the GUI's list runs it) for the empty filter and
the keystrokes of ``gui_residents.py``, on both. Reported as ratios measured in the same run.

The encrypted database is built with bulk inserts (``gui_residents.build``) and cached in
bench-results/; the plain copy is made from it with ``sqlcipher_export`` (the same pages'
content, no key), so both hold exactly the same rows.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _figures import Figure, params, parse_quick, write_figures
from gui_residents import KEYSTROKES, OUT, build

from mzdesk.services.resident_list import ResidentFilter, search_residents
from mzdesk.store import cipher, keys
from mzdesk.store.engine import Store, _configure_sqlite, open_store, sqlite_url
from mzdesk.store.migrate import upgrade
from mzdesk.store.models import Institution

PAGE = 200  # the list's first page (gui/residents/model.py reads pages of this size)


def plain_copy(encrypted: Path, key: bytes, plain: Path) -> None:
    plain.unlink(missing_ok=True)
    connection = cipher.connect(encrypted, key)
    try:
        connection.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
        connection.execute("SELECT sqlcipher_export('plain')")
        connection.execute("DETACH DATABASE plain")
    finally:
        connection.close()
    assert cipher.is_plain_sqlite(plain)


def open_encrypted(path: Path, key: bytes) -> Store:
    return open_store(path, key=key)


def open_plain(path: Path) -> Store:
    engine = create_engine(sqlite_url(path))
    _configure_sqlite(engine)
    upgrade(engine)  # the schema check open_store makes
    return Store(engine)


def first_query(store: Store) -> Any:
    with store.read() as session:
        return session.scalars(select(Institution.id).limit(1)).one()


def time_open(opener: Any, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        store = opener()
        first_query(store)
        times.append(time.perf_counter() - start)
        store.close()
    return times


def time_list(store: Store, rounds: int) -> list[float]:
    institution = first_query(store)
    times = []
    for _ in range(rounds):
        for typed in ["", *KEYSTROKES]:
            start = time.perf_counter()
            search_residents(
                store, ResidentFilter(institution_id=institution, text=typed), limit=PAGE
            )
            times.append(time.perf_counter() - start)
    return times


def with_cache(store: Store, mib: int | None) -> Store:
    """``store`` with a page cache of ``mib`` MiB on every connection (None: the default)."""
    if mib is not None:

        @event.listens_for(store.engine, "connect")
        def _cache(connection: Any, record: Any) -> None:
            connection.execute(f"PRAGMA cache_size=-{mib * 1024}")

        store.engine.dispose()
    return store


def compare_lists(
    encrypted: Path, key: bytes, plain: Path, rounds: int, cache_mib: int | None
) -> tuple[list[float], list[float]]:
    store_enc = with_cache(open_encrypted(encrypted, key), cache_mib)
    store_plain = with_cache(open_plain(plain), cache_mib)
    time_list(store_enc, 1)  # warm both page caches alike
    time_list(store_plain, 1)
    list_enc: list[float] = []
    list_plain: list[float] = []
    for _ in range(rounds):  # interleaved, so load on the machine falls on both alike
        list_enc += time_list(store_enc, 1)
        list_plain += time_list(store_plain, 1)
    store_enc.close()
    store_plain.close()
    return list_enc, list_plain


def ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--cache-mib", type=int, default=64)
    args = parse_quick(parser, {"residents": 5_000, "rounds": 3})
    OUT.mkdir(exist_ok=True)
    encrypted = OUT / f"encrypted-store-{args.residents}.db"
    if not encrypted.exists():
        started = time.perf_counter()
        build(encrypted, args.residents)
        print(f"built {encrypted} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    slots = keys.read_slots(encrypted)
    key = keys.unlock_open(slots) if slots is not None else None
    assert key is not None, "the benchmark's database has an open slot"
    plain = OUT / f"plain-store-{args.residents}.db"
    if not plain.exists():
        plain_copy(encrypted, key, plain)

    open_enc = time_open(lambda: open_encrypted(encrypted, key), args.rounds)
    open_plain_ = time_open(lambda: open_plain(plain), args.rounds)
    list_enc, list_plain = compare_lists(encrypted, key, plain, args.rounds, None)
    big_enc, big_plain = compare_lists(encrypted, key, plain, args.rounds, args.cache_mib)
    result = {
        "benchmark": "encrypted_store",
        "residents": args.residents,
        "file_mb": round(encrypted.stat().st_size / 1e6, 1),
        "open_encrypted_ms": ms(open_enc),
        "open_plain_ms": ms(open_plain_),
        "open_ratio": round(statistics.median(open_enc) / statistics.median(open_plain_), 2),
        "list_encrypted_p50_ms": ms(list_enc),
        "list_plain_p50_ms": ms(list_plain),
        "list_ratio_p50": round(statistics.median(list_enc) / statistics.median(list_plain), 2),
        "list_encrypted_p95_ms": round(statistics.quantiles(list_enc, n=20)[18] * 1000, 2),
        "list_plain_p95_ms": round(statistics.quantiles(list_plain, n=20)[18] * 1000, 2),
        # the same with a larger page cache on both connections (SQLite's default is 2 MiB):
        # SQLCipher decrypts a page each time it is read into the cache
        "cache_mib": args.cache_mib,
        "list_encrypted_big_cache_p50_ms": ms(big_enc),
        "list_plain_big_cache_p50_ms": ms(big_plain),
        "list_ratio_big_cache_p50": round(
            statistics.median(big_enc) / statistics.median(big_plain), 2
        ),
    }
    result["list_ratio_p95"] = round(
        result["list_encrypted_p95_ms"] / max(result["list_plain_p95_ms"], 0.01), 2
    )
    print(json.dumps(result, ensure_ascii=False, indent=2))
    (OUT / "encrypted_store.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    r = result
    plain_ = "the same on a plain SQLite copy"
    write_figures(
        "encrypted_store",
        [
            Figure("open → first query answered", r["open_encrypted_ms"], "ms", plain_,
                   r["open_plain_ms"]),
            Figure("resident list's first page, p50", r["list_encrypted_p50_ms"], "ms",
                   f"{plain_}, p50", r["list_plain_p50_ms"]),
            Figure("resident list's first page, p95", r["list_encrypted_p95_ms"], "ms",
                   f"{plain_}, p95", r["list_plain_p95_ms"]),
            Figure(f"list p50 with a {args.cache_mib} MiB page cache",
                   r["list_encrypted_big_cache_p50_ms"], "ms", f"{plain_}, same cache",
                   r["list_plain_big_cache_p50_ms"]),
        ],
        params(args),
    )  # fmt: skip


if __name__ == "__main__":
    main()
