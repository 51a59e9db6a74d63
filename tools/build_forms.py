"""Compile ui/*.ui (Qt Designer) into mzdesk/gui/forms/ui_*.py with pyside6-uic.

Run after editing a form: ``uv run python tools/build_forms.py``. A test fails when a compiled
form is older than its .ui file's content.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "mzdesk" / "gui" / "forms"


def uic() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-uic"
    )
    if not found:
        raise SystemExit("pyside6-uic not found; install PySide6")
    return found


def compile_form(ui_file: Path) -> str:
    result = subprocess.run([uic(), str(ui_file)], capture_output=True, text=True, check=True)
    return result.stdout


def target(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def main() -> None:
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    (FORMS_DIR / "__init__.py").write_text(
        '"""Generated from ui/*.ui by tools/build_forms.py; do not edit."""\n'
    )
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        target(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(f"{ui_file.relative_to(ROOT)} -> {target(ui_file).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
