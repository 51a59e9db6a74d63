"""The one shape every benchmark reports in, so one command can gather them into one table.

A benchmark builds a list of :class:`Figure` (each measured figure beside its baseline measured
in the same run, the ratio, the target and whether it is met) and calls :func:`write_figures`,
which writes ``bench-results/<benchmark>.figures.json``. ``benchmarks/report.py`` runs every
benchmark and collects those files into one Markdown and one JSON table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench-results"
# The report (benchmarks/report.py) may gather a run's figures elsewhere (its tests do).
RESULTS_ENV = "MZDESK_BENCH_RESULTS"


@dataclass(frozen=True)
class Figure:
    """One measured figure.

    ``value``/``baseline_value`` in ``unit``; ``ratio`` is value / baseline (computed when both
    are given). ``target`` is the target as people read it ("≤ 2×", "< 1.5 s"), ``None`` when
    the figure is reported, not targeted; ``met`` says whether this run met it (``None`` when
    there is no target).
    """

    name: str
    value: float
    unit: str
    baseline: str | None = None
    baseline_value: float | None = None
    target: str | None = None
    met: bool | None = None
    note: str = ""
    ratio: float | None = field(default=None)

    def __post_init__(self) -> None:
        if isinstance(self.baseline_value, bool) or isinstance(self.baseline, bool):
            raise TypeError(f"{self.name}: a target passed where the baseline goes")
        if self.ratio is None and self.baseline_value:
            ratio = self.value / self.baseline_value  # four significant digits (0.0001 stays)
            object.__setattr__(self, "ratio", float(f"{ratio:.4g}"))


def ratio_target(value: float, baseline: float, limit: float) -> tuple[str, bool]:
    """The target "≤ limit×" and whether value/baseline meets it."""
    return f"≤ {limit:g}×", value / baseline <= limit


def below(value: float, limit: float, unit: str, *, prefix: str = "") -> tuple[str, bool]:
    """The target "< limit unit" (``prefix`` e.g. "p95 ") and whether value is under it."""
    return f"{prefix}< {limit:g} {unit}", value < limit


def at_most(value: float, limit: float, unit: str) -> tuple[str, bool]:
    """The target "≤ limit unit" and whether value meets it."""
    return f"≤ {limit:g} {unit}", value <= limit


def parse_quick(
    parser: argparse.ArgumentParser, quick: dict[str, Any], argv: list[str] | None = None
) -> argparse.Namespace:
    """Add ``--quick`` to ``parser`` and parse. With ``--quick``, every option named in
    ``quick`` that the command line left at its default takes the quick value instead (small
    sizes, so the whole report runs in minutes); the default run stays the full size."""
    sizes = ", ".join(f"--{k.replace('_', '-')} {v}" for k, v in quick.items())
    parser.add_argument(
        "--quick", action="store_true", help=f"small sizes for the benchmark report ({sizes})"
    )
    args = parser.parse_args(argv)
    if args.quick:
        for dest, value in quick.items():
            if getattr(args, dest) == parser.get_default(dest):
                setattr(args, dest, value)
    return args


def params(args: argparse.Namespace, *drop: str) -> dict[str, Any]:
    """The options a run used, for ``write_figures`` (``drop``: internal ones)."""
    return {
        k: (str(v) if isinstance(v, Path) else v)
        for k, v in vars(args).items()
        if k not in drop and k != "child"
    }


def copy_database(source: Path, target: Path) -> None:
    """Copy a closed database with its key slots (``<name>.keys``: the store is encrypted,
    and a copy without them opens only with the recovery key)."""
    target.write_bytes(source.read_bytes())
    slots = source.with_name(source.name + ".keys")
    if slots.exists():
        target.with_name(target.name + ".keys").write_bytes(slots.read_bytes())


def open_demo(path: Path) -> Any:
    """Open a database the demo generator made: it has users, so its key comes from the demo
    administrator's login (a database without users opens as it is)."""
    from mzdesk.services.demo.accounts import DEMO_PASSWORD
    from mzdesk.store.engine import Locked, open_store, unlock

    try:
        return open_store(path)
    except Locked:
        return open_store(path, key=unlock(path, "admin", DEMO_PASSWORD)[0])


def write_figures(
    benchmark: str, figures: list[Figure], params: dict[str, Any] | None = None
) -> Path:
    """Write this run's figures to ``bench-results/<benchmark>.figures.json`` (or into the
    folder ``$MZDESK_BENCH_RESULTS`` names); return the path."""
    folder = Path(os.environ.get(RESULTS_ENV) or RESULTS)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{benchmark}.figures.json"
    payload = {
        "benchmark": benchmark,
        "params": params or {},
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"python": platform.python_version(), "system": platform.platform()},
        "figures": [asdict(f) for f in figures],
    }
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
