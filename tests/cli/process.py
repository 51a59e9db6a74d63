"""Run the ``mzdesk`` command as a real process, the way an administrator scripts it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def mzdesk(
    *args: str, cwd: Path, input: str | None = None, module: str = "mzdesk"
) -> subprocess.CompletedProcess[str]:
    """``python -m mzdesk ARGS`` in ``cwd``, with its default data folder inside ``cwd``."""
    env = {**os.environ, "XDG_DATA_HOME": str(cwd / "xdg"), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
    )
