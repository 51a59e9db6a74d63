"""The pre-flight before Qt (mzdesk/gui/preflight.py) runs on every start of the app. This
measures what it adds: a process that imports Qt and makes its QApplication (the bare start,
baseline) against the same process running the pre-flight first, interleaved, same run; and
the pre-flight's own time in a process (the Qt imports it makes are the app's own, so they
are counted in both).

    QT_QPA_PLATFORM=offscreen uv run python benchmarks/preflight.py [--rounds 9]
    xvfb-run -a uv run python benchmarks/preflight.py      # the xcb plugin, under Xvfb
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys

from _figures import Figure, parse_quick, ratio_target, write_figures

START = """
import sys, time
import mzdesk.cli  # what the command has loaded when it decides to open the app
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication  # the app's own import; the pre-flight's first
t1 = time.perf_counter()
if {preflight}:
    from mzdesk.gui.preflight import qt_problem
    assert qt_problem() is None, qt_problem()
t2 = time.perf_counter()
app = QApplication(sys.argv[:1])
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


# The app starts from compiled modules; a shell with PYTHONDONTWRITEBYTECODE would compile
# the pre-flight's modules on every start and charge that to it.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def start(preflight: bool) -> tuple[float, float, float]:
    """Seconds of one fresh process (its interpreter's start-up excluded) to import Qt, to
    run the pre-flight (0 without), and to make the QApplication (platform plugin loaded)."""
    out = subprocess.run(
        [sys.executable, "-c", START.format(preflight=preflight)],
        capture_output=True,
        text=True,
        check=True,
        env=ENV,
    ).stdout.split()
    return float(out[0]), float(out[1]), float(out[2])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    args = parse_quick(parser, {"rounds": 5})
    platform = os.environ.get("QT_QPA_PLATFORM") or "xcb"
    bare: list[tuple[float, float, float]] = []
    checked: list[tuple[float, float, float]] = []
    start(preflight=True)  # compiles what has not been compiled yet
    for _ in range(args.rounds):
        bare.append(start(preflight=False))
        checked.append(start(preflight=True))

    def median(runs: list[tuple[float, float, float]], part: int | None = None) -> float:
        return statistics.median(sum(r) if part is None else r[part] for r in runs)

    b, c = median(bare), median(checked)
    own = median(checked, 1)
    target, met = ratio_target(c, b, 1.1)
    print(f"platform {platform}, median of {args.rounds} interleaved rounds (ms)")
    print("                 Qt imports  pre-flight  QApplication  total")
    for label, runs in (("bare", bare), ("pre-flight", checked)):
        parts = [median(runs, i) * 1000 for i in range(3)]
        print(
            f"  {label:<13} {parts[0]:10.1f}  {parts[1]:10.1f}  {parts[2]:12.1f}  "
            f"{median(runs) * 1000:5.0f}"
        )
    print(f"  ratio {c / b:.2f}x; the pre-flight itself {own * 1000:.1f} ms")
    write_figures(
        f"preflight-{platform}",
        [
            Figure(
                name=f"start to QApplication with the pre-flight ({platform})",
                value=round(c * 1000, 1),
                unit="ms",
                baseline="the same start without it",
                baseline_value=round(b * 1000, 1),
                target=target,
                met=met,
                note=f"the pre-flight itself {own * 1000:.1f} ms (after the app's own Qt imports)",
            )
        ],
        {"rounds": args.rounds, "platform": platform, "quick": args.quick},
    )


if __name__ == "__main__":
    main()
