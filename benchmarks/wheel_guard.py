"""The wheel guard is an application-wide event filter (gui/widgets/wheel.py): every event
of the app passes through it. This measures what that costs per event: sending N events to a
widget with and without the guard installed, interleaved rounds, same run.

    QT_QPA_PLATFORM=offscreen uv run python benchmarks/wheel_guard.py [--events 200000]
"""

from __future__ import annotations

import argparse
import statistics
import time

from _figures import Figure, params, parse_quick, write_figures
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget

from mzdesk.gui.widgets.wheel import WheelGuard


def deliver(target: QWidget, count: int) -> float:
    event = QEvent(QEvent.Type.User)
    start = time.perf_counter()
    for _ in range(count):
        QCoreApplication.sendEvent(target, event)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parse_quick(parser, {"events": 20_000, "rounds": 3})
    app = QApplication([])
    target = QWidget()
    guard = WheelGuard(app)
    bare: list[float] = []
    guarded: list[float] = []
    for _ in range(args.rounds):
        bare.append(deliver(target, args.events))
        app.installEventFilter(guard)
        guarded.append(deliver(target, args.events))
        app.removeEventFilter(guard)
    b, g = statistics.median(bare), statistics.median(guarded)
    print(f"{args.events} events, median of {args.rounds} rounds")
    print(f"  without the guard: {b * 1e6 / args.events:.2f} µs/event (Python sendEvent loop)")
    print(f"  with the guard:    {g * 1e6 / args.events:.2f} µs/event")
    print(f"  guard costs {(g - b) * 1e6 / args.events:.2f} µs/event, ratio {g / b:.2f}x")
    per = 1e6 / args.events
    write_figures(
        "wheel_guard",
        [
            Figure("an event with the guard", round(g * per, 3), "µs",
                   "the same event without the guard", round(b * per, 3)),
            Figure("the guard's cost per event", round((g - b) * per, 3), "µs"),
        ],
        params(args),
    )  # fmt: skip


if __name__ == "__main__":
    main()
