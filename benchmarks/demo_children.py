"""The children's home demo (``mzdesk demo --kind children_home``: one 儿童福利院, ~76 children
each written through the children's use cases, child-care workers, inspections) beside the
nursing home's site demo (``mzdesk demo``) in the same run: the first run's welcome dialog
offers both, so a person waits for either.

Each round makes both into fresh databases in this process (the same seed and day), the two
interleaved; wall and CPU seconds, medians. Target: the children's demo ≤ 1.2× the nursing
site demo (CPU time, which the machine's other load disturbs less than the wall clock).

Run: ``uv run python benchmarks/demo_children.py [--rounds 3]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _figures import Figure, params, parse_quick, ratio_target, write_figures

from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.demo.generate import Scale, generate
from mzdesk.store.engine import open_store

LIMIT = 1.2
DAY = dt.date(2026, 6, 15)


def _once(folder: Path, kind: InstitutionKind, round_: int) -> tuple[float, float, int]:
    store = open_store(folder / f"{kind.value}-{round_}.db")
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        summary = generate(store, Actor.setup(), Scale.SITE, seed=2026, today=DAY, kind=kind)
        return time.perf_counter() - wall, time.process_time() - cpu, summary.residents
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parse_quick(parser, {"rounds": 1}, argv)
    times: dict[InstitutionKind, list[tuple[float, float]]] = {k: [] for k in InstitutionKind}
    people: dict[InstitutionKind, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            for kind in (InstitutionKind.NURSING_HOME, InstitutionKind.CHILDREN_HOME):
                wall, cpu, people[kind] = _once(Path(tmp), kind, round_)
                times[kind].append((wall, cpu))
                print(f"{kind.value}: {wall:.1f} s wall, {cpu:.1f} s CPU", flush=True)

    def median(kind: InstitutionKind, index: int) -> float:
        return statistics.median(t[index] for t in times[kind])

    nursing = "the nursing home's site demo (~150 beds), same run"
    cpu_children = median(InstitutionKind.CHILDREN_HOME, 1)
    cpu_nursing = median(InstitutionKind.NURSING_HOME, 1)
    target, met = ratio_target(cpu_children, cpu_nursing, LIMIT)
    write_figures(
        "demo_children",
        [
            Figure(
                f"children's home demo ({people[InstitutionKind.CHILDREN_HOME]} children), CPU",
                round(cpu_children, 2),
                "s",
                nursing,
                round(cpu_nursing, 2),
                target,
                met,
            ),
            Figure(
                "children's home demo, wall",
                round(median(InstitutionKind.CHILDREN_HOME, 0), 2),
                "s",
                nursing,
                round(median(InstitutionKind.NURSING_HOME, 0), 2),
            ),
        ],
        params(args),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
