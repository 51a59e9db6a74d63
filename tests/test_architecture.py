"""The house rules, checked: layers, lint, types."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def tool(name: str) -> str:
    path = shutil.which(name, path=str(Path(sys.executable).parent))
    assert path, f"{name} is not installed in the test environment"
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_layers_are_kept_by_import_linter():
    result = run(tool("lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_lint_and_format():
    assert (r := run(tool("ruff"), "check", ".")).returncode == 0, r.stdout
    assert (r := run(tool("ruff"), "format", "--check", ".")).returncode == 0, r.stdout


@pytest.mark.slow
def test_mypy_strict():
    result = run(tool("mypy"))
    assert result.returncode == 0, result.stdout


def test_no_qt_below_the_gui():
    """A second, cheaper guard than import-linter: no lower module even mentions Qt."""
    offenders = [
        str(p.relative_to(ROOT))
        for layer in ("core", "store", "services", "stats", "reports", "sync", "server")
        for p in (ROOT / "mzdesk" / layer).rglob("*.py")
        if "PySide6" in p.read_text(encoding="utf-8") or "qasync" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_the_gui_stays_off_the_database_layer():
    """Cheaper than import-linter, and it also sees imports inside functions."""
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "mzdesk" / "gui").rglob("*.py")
        for text in [p.read_text(encoding="utf-8")]
        if "sqlalchemy" in text or "mzdesk.store.models" in text
    ]
    assert offenders == []


MAX_MODULE_LINES = 400


def test_modules_are_short():
    """A module one can read in a sitting (generated forms and migrations excepted)."""
    long = {
        str(p.relative_to(ROOT)): n
        for p in (ROOT / "mzdesk").rglob("*.py")
        if "forms" not in p.parts and "migrations" not in p.parts
        for n in [len(p.read_text(encoding="utf-8").splitlines())]
        if n > MAX_MODULE_LINES
    }
    assert long == {}
