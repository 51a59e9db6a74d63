"""The start-up probe: with ``MZDESK_STARTUP_PROBE=1`` the desktop app logs in as
``MZDESK_USER`` / ``MZDESK_PASSWORD`` (as ``--screenshot`` does), prints one JSON line on
stdout once its main window is usable, and quits. ``benchmarks/startup.py`` measures the time
from launch to that line; a test checks what was imported by then.

The marks are wall-clock times (``time.time()``) of the steps on the way, so the parent
process can subtract its own launch time. This module imports nothing heavy: it is imported
first and must not itself be a cost.
"""

from __future__ import annotations

import json
import os
import sys
import time

ENV = "MZDESK_STARTUP_PROBE"
_marks: dict[str, float] = {}


def enabled() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


def mark(step: str) -> None:
    """Note when ``step`` was reached (the first time only); nothing when the probe is off."""
    if enabled() and step not in _marks:
        _marks[step] = time.time()


def report(**extra: object) -> str:
    """The probe's line: the marks, the time now (``ready``), the CPU time used so far, the
    top-level packages imported by now, the app's and Qt's own modules imported by now (what
    is left for later is checked by a test) and ``extra``."""
    packages = sorted({name.partition(".")[0] for name in sys.modules})
    own = sorted(name for name in sys.modules if name.startswith(("mzdesk.", "PySide6.")))
    line = json.dumps(
        {
            "probe": "mzdesk",
            "marks": {**_marks, "ready": time.time()},
            "cpu_s": time.process_time(),  # all threads' CPU time: steadier on a busy machine
            "modules": len(sys.modules),
            "packages": packages,
            "own_modules": own,
            **extra,
        },
        ensure_ascii=False,
    )
    print(line, flush=True)
    return line
