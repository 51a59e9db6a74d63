"""Refresh the translation files: extract tr() strings and Designer forms with pyside6-lupdate
into resources/translations/*.ts (existing translations are kept), then compile .qm files with
pyside6-lrelease. Edit translations with Qt Linguist (pyside6-linguist) in between.

Run: ``uv run python tools/update_translations.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ["en"]


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6")
    return found


def sources() -> list[str]:
    python = [
        str(p.relative_to(ROOT))
        for p in sorted((ROOT / "mzdesk" / "gui").rglob("*.py"))
        if "forms" not in p.parts
    ]
    return python + [str(p.relative_to(ROOT)) for p in sorted((ROOT / "ui").glob("*.ui"))]


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"mzdesk_{language}.ts"


def qm_file(language: str) -> Path:
    return TRANSLATIONS / f"mzdesk_{language}.qm"


def main() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                *sources(),
                "-ts",
                str(ts_file(language).relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts_file(language)), "-qm", str(qm_file(language))],
            check=True,
        )


if __name__ == "__main__":
    main()
