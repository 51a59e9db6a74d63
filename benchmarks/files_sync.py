"""Photos through sync: 20 phone-sized JPEGs (random pixels, so ~2 MB each and not
compressible) attached on one PC, sent to a real ``mzdesk serve`` (SQLite) by its sync and
fetched by a second PC's sync; then a sync with nothing to do, and the server's peak memory.

Baseline, same run: the same bytes hashed and written into a local file store (the floor of
handling them at all). Run: ``uv run python benchmarks/files_sync.py [--photos 20]``.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _figures import Figure, params, parse_quick, write_figures

from mzdesk.core.vocab import AttachmentKind
from mzdesk.services.attachments import add_attachment, store_file
from mzdesk.store.files import FileStore
from tests.helpers.actors import SETUP
from tests.sync.conftest import ServerProcess, new_client, sync
from tests.sync.helpers import institution_id
from tests.sync.test_bounds import peak_kb


def photos(count: int) -> list[bytes]:
    made = []
    for _ in range(count):
        image = Image.frombytes("RGB", (2000, 1500), os.urandom(2000 * 1500 * 3))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=85)
        made.append(out.getvalue())
    return made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=20)
    args = parse_quick(parser, {"photos": 5})
    tmp = Path(tempfile.mkdtemp(prefix="mzdesk-bench-files-"))
    data = photos(args.photos)
    size = sum(map(len, data))
    started = time.perf_counter()
    floor = FileStore(tmp / "floor")
    for photo in data:
        floor.put(photo)
    baseline = time.perf_counter() - started

    server = ServerProcess(f"sqlite:///{tmp / 'server.db'}", tmp / "server.log")
    server.start()
    try:
        server.institution("测速院")
        a = new_client(tmp, server, server.code(institution="测速院"), "A")
        b = new_client(tmp, server, server.code(institution="测速院"), "B")
        sync(a)
        sync(b)
        home = institution_id(a)
        for photo in data:
            ref = store_file(a, photo, "image/jpeg")
            with a.write(SETUP) as session:
                add_attachment(
                    session,
                    institution_id=home,
                    owner_table="inspections",
                    owner_id=uuid.uuid4(),
                    ref=ref,
                    kind=AttachmentKind.PHOTO,
                )
        started = time.perf_counter()
        sent = sync(a).files.sent
        up = time.perf_counter() - started
        started = time.perf_counter()
        received = sync(b).files.received
        down = time.perf_counter() - started
        started = time.perf_counter()
        sync(a)
        idle = time.perf_counter() - started
        peak = peak_kb(server) / 1024
    finally:
        server.stop()
    print(f"{args.photos} photos, {size / 2**20:.1f} MiB")
    print(f"baseline (hash + write into a local file store): {baseline:.2f} s")
    print(f"sync A, rows + {sent} uploads: {up:.2f} s ({up / baseline:.1f}x baseline)")
    print(f"sync B, pull + {received} downloads: {down:.2f} s ({down / baseline:.1f}x baseline)")
    print(f"sync A again, nothing to do: {idle * 1000:.0f} ms")
    print(f"server peak RSS: {peak:.0f} MiB")
    base = "hash + write into a local file store"
    write_figures(
        "files_sync",
        [
            Figure("photos' bytes", round(size / 2**20, 1), "MiB"),
            Figure("sync A: rows + uploads", round(up, 3), "s", base, round(baseline, 3)),
            Figure("sync B: pull + downloads", round(down, 3), "s", base, round(baseline, 3)),
            Figure("sync with nothing to do", round(idle * 1000, 1), "ms"),
            Figure("server peak RSS", round(peak, 1), "MiB"),
        ],
        params(args),
    )


if __name__ == "__main__":
    main()
