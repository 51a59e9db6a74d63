"""Checklist templates: what reading them costs (docs/checklists.md).

1. the schema's first import (pydantic) in a fresh process, against the same process
   importing the package without it — what the first inspection of a session pays;
2. the five shipped files read and checked, against json.loads of the same bytes;
3. a 500-item file (the schema's most) read and checked, against json.loads;
4. ``load_version`` of a 500-item home version from the store, against a bare SELECT of
   its rows.

Run: ``uv run python benchmarks/checklists.py [--repeat K]``; prints and writes
bench-results/checklists.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _figures import Figure, params, parse_quick, write_figures
from sqlalchemy import select

from mzdesk.core.checklists import parse_template, template_bytes
from mzdesk.core.permissions import Actor
from mzdesk.core.resources import resource_path
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.checklist_editing import import_template
from mzdesk.services.checklists import load_version
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.store.engine import open_store
from mzdesk.store.models import HomeChecklistItem

ACTOR = Actor.setup()


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def cold_import(module: str, repeat: int) -> float:
    code = (
        "import time, mzdesk.core.checklists, mzdesk.core.i18n; t = time.perf_counter(); "
        f"import {module}; print(time.perf_counter() - t)"
    )
    return statistics.median(
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(repeat)
    )


def big_file(items: int) -> bytes:
    raw = {
        "code": "BIG",
        "version": "1",
        "title": "大检查表",
        "standard": "测试标准",
        "applies_to": ["nursing_home"],
        "items": [
            {
                "code": f"{i:03d}",
                "section": f"第{i // 50 + 1}部分",
                "text": f"第{i}项检查内容，写得和真实检查项一样长一些，说明应当如何",
                "clause": f"{i // 50 + 4}.{i % 50 + 1}",
                "severity": "重大隐患" if i % 10 == 0 else "一般",
                "look_at": "查看记录、台账和现场",
            }
            for i in range(items)
        ],
    }
    return json.dumps(raw, ensure_ascii=False).encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parse_quick(parser, {"repeat": 2})
    results: dict[str, float] = {}
    results["schema_import_s"] = cold_import("mzdesk.core.checklist_schema", args.repeat)
    files = [p.read_bytes() for p in sorted(resource_path("checklists").glob("*.json"))]
    parse_template(files[0], "warm.json")  # the schema imported once, as after the first read
    results["shipped_parse_s"] = best(
        lambda: [parse_template(d, "x.json") for d in files], args.repeat
    )
    results["shipped_json_s"] = best(lambda: [json.loads(d) for d in files], args.repeat)
    data = big_file(500)
    results["big_parse_s"] = best(lambda: parse_template(data, "big.json"), args.repeat)
    results["big_json_s"] = best(lambda: json.loads(data), args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "bench.db")
        home = create_institution(
            store, ACTOR, InstitutionData(name="测试养老院", kind=InstitutionKind.NURSING_HOME)
        )
        version = import_template(store, ACTOR, home.id, data, "big.json")

        def bare() -> None:
            with store.read() as session:
                session.execute(
                    select(HomeChecklistItem.__table__).where(
                        HomeChecklistItem.template_id == version
                    )
                ).all()

        results["load_version_s"] = best(lambda: load_version(store, version), args.repeat)
        results["bare_select_s"] = best(bare, args.repeat)
        assert len(load_version(store, version).items) == 500
        assert parse_template(template_bytes(load_version(store, version)), "again.json")
        store.close()
    results["shipped_ratio"] = results["shipped_parse_s"] / results["shipped_json_s"]
    results["big_ratio"] = results["big_parse_s"] / results["big_json_s"]
    results["load_ratio"] = results["load_version_s"] / results["bare_select_s"]
    for key, value in results.items():
        print(
            f"{key:20s} {value * 1000:9.2f} ms"
            if key.endswith("_s")
            else f"{key:20s} {value:9.2f}×"
        )
    out = Path("bench-results")
    out.mkdir(exist_ok=True)
    (out / "checklists.json").write_text(json.dumps(results, indent=2))
    r = {k: round(v * 1000, 3) for k, v in results.items() if k.endswith("_s")}
    write_figures(
        "checklists",
        [
            Figure("the schema's first import (fresh process)", r["schema_import_s"], "ms"),
            Figure("the five shipped files read and checked", r["shipped_parse_s"], "ms",
                   "json.loads of the same bytes", r["shipped_json_s"]),
            Figure("a 500-item file read and checked", r["big_parse_s"], "ms",
                   "json.loads of the same bytes", r["big_json_s"]),
            Figure("load_version of a 500-item home version", r["load_version_s"], "ms",
                   "a bare SELECT of its rows", r["bare_select_s"]),
        ],
        params(args),
    )  # fmt: skip


if __name__ == "__main__":
    main()
