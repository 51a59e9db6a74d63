"""Guards of the installable bundle that need no build: build.spec ships every resource folder
and migration script the app reads, the desktop entry and icons are valid, and the trimmed ICU
data (tools/trim_icu.py) still gives Qt what a Chinese app uses. The bundle itself is built and
run by tools/build_bundle.sh and tools/check_bundle.sh (CI)."""

from __future__ import annotations

import ast
import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build.spec"
DESKTOP = ROOT / "packaging" / "mzdesk.desktop"
ICONS = ROOT / "resources" / "icons"


def spec_constant(name: str) -> object:
    """The literal value of a module-level assignment in build.spec."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"build.spec has no {name}")


def spec_hidden_imports() -> set[str]:
    for node in ast.walk(ast.parse(SPEC.read_text(encoding="utf-8"))):
        if isinstance(node, ast.keyword) and node.arg == "hiddenimports":
            return set(ast.literal_eval(node.value))
    raise AssertionError("build.spec passes no hiddenimports")


def test_every_resource_folder_is_in_the_bundle():
    shipped = set(spec_constant("RESOURCE_DIRS"))  # type: ignore[arg-type]
    folders = {path.name for path in (ROOT / "resources").iterdir() if path.is_dir()}
    assert folders - shipped == set(), "resources/ folders build.spec leaves out"
    assert shipped - folders == set(), "build.spec names folders resources/ does not have"


def test_every_resource_the_code_reads_is_in_a_shipped_folder():
    """resource_path("folder", …) and the *_FILE = ("folder", …) tuples passed to it."""
    shipped = set(spec_constant("RESOURCE_DIRS"))  # type: ignore[arg-type]
    pattern = re.compile(r'(?:resource_path\(\s*|_FILE\s*=\s*\(\s*)"([^"]+)"')
    read = {
        (folder, path.relative_to(ROOT).as_posix())
        for path in (ROOT / "mzdesk").rglob("*.py")
        for folder in pattern.findall(path.read_text(encoding="utf-8"))
    }
    assert {folder for folder, _ in read} >= {"fonts", "translations", "checklists"}
    assert {(folder, where) for folder, where in read if folder not in shipped} == set()


def test_every_migrations_folder_ships_with_its_env_module():
    folders = {
        path.parent.relative_to(ROOT).as_posix() for path in (ROOT / "mzdesk").rglob("env.py")
    }
    assert folders, "no Alembic migrations found"
    assert set(spec_constant("MIGRATIONS")) == folders  # type: ignore[arg-type]
    hidden = spec_hidden_imports()
    assert {folder.replace("/", ".") + ".env" for folder in folders} <= hidden


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_icons_the_package_installs_exist_at_their_sizes():
    for size in (48, 128, 256):
        assert png_size(ICONS / f"mzdesk-{size}.png") == (size, size)
    assert (ICONS / "mzdesk.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert (ICONS / "mzdesk.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_the_desktop_entry_is_valid():
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
        problems = [
            line for line in result.stdout.splitlines() if "error:" in line or "warning:" in line
        ]  # hints (suggestions of further categories) are not problems
        assert result.returncode == 0 and problems == [], result.stdout
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "民政桌面"
    assert entry["Name[en]"] == "mzdesk"
    assert entry["Exec"] == "mzdesk"  # /usr/bin/mzdesk, the .deb's link to /opt/mzdesk
    assert entry["Icon"] == "mzdesk"  # the hicolor icons the .deb installs
    assert "Office" in entry["Categories"].split(";")
    for key in ("Categories", "Keywords"):
        assert entry[key].endswith(";"), f"{key} is a list and must end with ';'"
    assert entry["Terminal"] == "false"


def test_trimming_keeps_root_zh_en_and_the_unicode_tables():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from trim_icu import _kept
    finally:
        sys.path.remove(str(ROOT / "tools"))
    kept = [
        "icudt73l/coll/zh.res", "icudt73l/coll/root.res", "icudt73l/coll/ucadata.icu",
        "icudt73l/zh_Hans_CN.res", "icudt73l/en_GB.res", "icudt73l/res_index.res",
        "icudt73l/brkitr/cjdict.dict", "icudt73l/brkitr/word.brk", "icudt73l/uprops.icu",
        "icudt73l/gb18030.cnv", "icudt73l/supplementalData.res", "icudt73l/zone/pool.res",
    ]  # fmt: skip
    dropped = [
        "icudt73l/coll/ja.res", "icudt73l/de.res", "icudt73l/brkitr/thaidict.dict",
        "icudt73l/translit/root.res", "icudt73l/ibm-1364_P110-2007.cnv", "icudt73l/yue.res",
    ]  # fmt: skip
    assert [name for name in kept if not _kept(name)] == []
    assert [name for name in dropped if _kept(name)] == []


PROBE = """
import functools, sys
from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QStringDecoder
from PySide6.QtCore import qInstallMessageHandler
messages = []
qInstallMessageHandler(lambda kind, context, text: messages.append(text))
app = QCoreApplication([])
collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
print(" ".join(sorted(["张三", "李四", "王五", "艾一", "赵六"], key=functools.cmp_to_key(collator.compare))))
print(QStringDecoder("GB18030").isValid(), QStringDecoder("GBK").isValid())
print(messages)
maps = open("/proc/self/maps").read()
print([line.split()[-1] for line in maps.splitlines() if "libicudata" in line][0])
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ICU ships only on Linux")
@pytest.mark.skipif(shutil.which("gcc") is None, reason="trimming ICU needs gcc")
def test_qt_sorts_and_decodes_chinese_with_the_trimmed_icu_data(tmp_path):
    import PySide6

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from trim_icu import trim_library
    finally:
        sys.path.remove(str(ROOT / "tools"))
    (source,) = (Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*")
    trimmed = trim_library(source, tmp_path / "icu")
    assert trimmed.stat().st_size < source.stat().st_size / 3

    env = {**os.environ, "LD_LIBRARY_PATH": str(trimmed.parent), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    order, decoders, messages, loaded = result.stdout.splitlines()
    assert order == "艾一 李四 王五 张三 赵六"  # by pinyin: ai, li, wang, zhang, zhao
    assert decoders == "True True"
    assert messages == "[]"
    assert Path(loaded) == trimmed
