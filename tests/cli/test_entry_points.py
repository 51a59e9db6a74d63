"""Both ways of starting the command as a module offer every command group."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = (
    "gui",
    "init",
    "demo",
    "import",
    "export",
    "template",
    "stats",
    "serve",
    "server",
    "sync",
)


@pytest.mark.parametrize("module", ["mzdesk", "mzdesk.cli"])
def test_python_dash_m_lists_every_command(module: str, tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg"), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", module, "--help"],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    listed = {line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ")}
    missing = [command for command in COMMANDS if command not in listed]
    assert not missing, result.stdout
