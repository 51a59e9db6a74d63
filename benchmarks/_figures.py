"""The one shape every benchmark reports in, so one command can gather them into one table.

A benchmark builds a list of :class:`Figure` (each measured figure beside its baseline measured
in the same run, the ratio, the target and whether it is met) and calls :func:`write_figures`,
which writes ``bench-results/<benchmark>.figures.json``. ``benchmarks/report.py`` runs every
benchmark and collects those files into one Markdown and one JSON table.
"""

from __future__ import annotations

import json
import platform
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench-results"


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
        if self.ratio is None and self.baseline_value:
            object.__setattr__(self, "ratio", round(self.value / self.baseline_value, 3))


def ratio_target(value: float, baseline: float, limit: float) -> tuple[str, bool]:
    """The target "≤ limit×" and whether value/baseline meets it."""
    return f"≤ {limit:g}×", value / baseline <= limit


def write_figures(
    benchmark: str, figures: list[Figure], params: dict[str, Any] | None = None
) -> Path:
    """Write this run's figures to ``bench-results/<benchmark>.figures.json``; return the path."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{benchmark}.figures.json"
    payload = {
        "benchmark": benchmark,
        "params": params or {},
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"python": platform.python_version(), "system": platform.platform()},
        "figures": [asdict(f) for f in figures],
    }
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
