"""Translations are complete and current; the screenshot command renders every page."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from mzdesk.gui.runtime.i18n import install_translators

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402

TS = ROOT / "resources" / "translations" / "mzdesk_en.ts"


def messages(path: Path) -> dict[tuple[str, str], str | None]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation is None or translation.get("type") == "unfinished"
            found[(name, message.findtext("source") or "")] = (
                None if unfinished else translation.text
            )
    return found


def test_every_string_has_an_english_translation():
    untranslated = [source for key, text in messages(TS).items() if not text for source in [key[1]]]
    assert untranslated == []


def test_the_ts_file_knows_every_string_in_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [
            update_translations.tool("pyside6-lupdate"),
            "-locations",
            "none",
            *update_translations.sources(),
            "-ts",
            str(fresh),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    missing = set(messages(fresh)) - set(messages(TS))
    assert missing == set(), (
        "run `uv run python tools/update_translations.py` and translate the new strings"
    )


def test_the_compiled_qm_is_current(tmp_path):
    out = tmp_path / "en.qm"
    subprocess.run(
        [update_translations.tool("pyside6-lrelease"), str(TS), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == update_translations.qm_file("en").read_bytes()


def test_english_is_loaded_for_english(qapp):
    translators = install_translators(qapp, "en")
    try:
        assert QCoreApplication.translate("", "住户") == "Residents"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("", "住户") == "住户"


def test_qt_standard_dialogs_speak_chinese(qapp):
    translators = install_translators(qapp, "zh")
    try:
        assert translators, "Qt's own qtbase_zh_CN.qm was not found"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_screenshot_command_renders_every_page(demo_db, tmp_path):
    out = tmp_path / "shots"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "mzdesk", "gui", "--db", str(demo_db), "--screenshot", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    pages = sorted(p.name for p in out.glob("*.png"))
    assert pages == [
        "01-home.png",
        "02-residents.png",
        "03-beds.png",
        "04-workers.png",
        "05-inspections.png",
        "06-stats.png",
        "07-sync.png",
        "08-settings.png",
    ]
    for page in out.glob("*.png"):
        image = QImage(str(page))
        assert (image.width(), image.height()) == (1280, 800)
        colours = {image.pixel(x, y) for x in range(0, 1280, 37) for y in range(0, 800, 29)}
        assert len(colours) > 5, f"{page.name} looks blank"


def _screenshot_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
    }


def test_screenshots_of_a_missing_database_refuse_and_leave_no_file(tmp_path):
    """Seen: ``--screenshot`` on a database that did not exist created and migrated an empty
    one, then said it had no institution; the file stayed behind."""
    db = tmp_path / "none" / "typo.db"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mzdesk",
            "gui",
            "--db",
            str(db),
            "--screenshot",
            str(tmp_path / "s"),
        ],
        env=_screenshot_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "不存在或是空文件" in result.stderr and str(db) in result.stderr
    assert "Traceback" not in result.stderr
    assert not db.exists() and not db.parent.exists()
    assert not (tmp_path / "s").exists()
    empty = tmp_path / "empty.db"
    empty.touch()
    result = subprocess.run(
        _gui(empty, tmp_path / "s"),
        env=_screenshot_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "不存在或是空文件" in result.stderr
    assert empty.stat().st_size == 0 and not list(tmp_path.glob("empty.db*"))[1:]


def _gui(db: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "mzdesk", "gui", "--db", str(db), "--screenshot", str(out)]


def test_screenshots_at_a_chosen_size(demo_db, tmp_path):
    out = tmp_path / "small"
    result = subprocess.run(
        [*_gui(demo_db, out), "--size", "1024x700"],
        env=_screenshot_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    shots = list(out.glob("*.png"))
    assert len(shots) == 8
    for page in shots:
        image = QImage(str(page))
        assert (image.width(), image.height()) == (1024, 700), page.name
