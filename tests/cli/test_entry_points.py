"""Both ways of starting the command as a module offer every command group."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.process import mzdesk

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
    "training",
)


@pytest.mark.parametrize("module", ["mzdesk", "mzdesk.cli"])
def test_python_dash_m_lists_every_command(module: str, tmp_path: Path) -> None:
    result = mzdesk("--help", cwd=tmp_path, module=module)
    assert result.returncode == 0, result.stderr
    listed = {line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ")}
    missing = [command for command in COMMANDS if command not in listed]
    assert not missing, result.stdout
