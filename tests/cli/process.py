"""Run the ``mzdesk`` command as a real process, the way an administrator scripts it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def mzdesk(
    *args: str,
    cwd: Path,
    input: str | None = None,
    module: str = "mzdesk",
    user: tuple[str, str] | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m mzdesk ARGS`` in ``cwd``, with its default data folder inside ``cwd``;
    ``user`` logs in as (name, password) the way scripts do."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MZDESK_")},
        "XDG_DATA_HOME": str(cwd / "xdg"),
        "PYTHONIOENCODING": "utf-8",
        **(env or {}),
    }
    if user is not None:
        env["MZDESK_USER"], env["MZDESK_PASSWORD"] = user
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=120,
    )
