"""When Qt cannot start for a missing system library or a missing display, ``mzdesk`` says
which library and how to install it, and exits with 1 — no traceback, no abort (issue 15).

The libraries are missing for real: a copy of a Qt file whose list of needed libraries gains
one the loader cannot find (patchelf), loaded by a real ``mzdesk`` process.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

from mzdesk.gui.system_libs import DEBIAN_PACKAGES, install_command, missing_library
from tests.cli.process import mzdesk

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="Linux's loader and Qt's xcb plugin"
)

PYSIDE = Path(PySide6.__file__).parent


def _patchelf(*args: str) -> None:
    patchelf = Path(sys.executable).parent / "patchelf"
    subprocess.run([str(patchelf), *args], check=True, capture_output=True)


def _run(tmp_path: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = mzdesk(*args, "gui", "--db", str(tmp_path / "x.db"), cwd=tmp_path, env=env)
    assert result.returncode == 1, (result.returncode, -signal.SIGABRT, result.stderr)
    assert "Traceback" not in result.stderr
    assert "Could not load the Qt platform plugin" not in result.stderr
    assert not (tmp_path / "x.db").exists()  # said before anything was opened
    return result


def _plugin_needing(tmp_path: Path, soname: str) -> Path:
    """A copy of Qt's xcb platform plugin that also needs ``soname``, which is nowhere."""
    folder = tmp_path / "platforms"
    folder.mkdir()
    plugin = folder / "libqxcb.so"
    shutil.copy2(PYSIDE / "Qt" / "plugins" / "platforms" / "libqxcb.so", plugin)
    _patchelf("--set-rpath", str(PYSIDE / "Qt" / "lib"), str(plugin))
    _patchelf("--add-needed", f"/nonexistent/{soname}", str(plugin))
    return folder


def test_a_missing_xcb_library_is_named_with_its_package(tmp_path: Path) -> None:
    folder = _plugin_needing(tmp_path, "libxcb-cursor.so.0")
    env = {"DISPLAY": ":99", "QT_QPA_PLATFORM": "", "QT_QPA_PLATFORM_PLUGIN_PATH": str(folder)}
    result = _run(tmp_path, env=env)
    assert (
        result.stderr.strip()
        == "缺少系统库 libxcb-cursor.so.0，请安装：sudo apt install libxcb-cursor0"
    )
    english = _run(tmp_path, "--lang", "en", env=env)
    assert english.stderr.strip() == (
        "a system library is missing: libxcb-cursor.so.0; "
        "install it with: sudo apt install libxcb-cursor0"
    )


def test_a_library_outside_the_table_is_still_named(tmp_path: Path) -> None:
    folder = _plugin_needing(tmp_path, "libmzdesk-nowhere.so.3")
    env = {"DISPLAY": ":99", "QT_QPA_PLATFORM": "xcb", "QT_QPA_PLATFORM_PLUGIN_PATH": str(folder)}
    assert "缺少系统库 libmzdesk-nowhere.so.3，" in _run(tmp_path, env=env).stderr


def test_qt_that_cannot_be_imported_names_the_library(tmp_path: Path) -> None:
    """``import PySide6.QtGui`` fails as it does without libEGL: PySide6 seen through links,
    except its QtGui module, a copy that needs a libEGL.so.1 the loader cannot find."""
    package = tmp_path / "site" / "PySide6"
    package.mkdir(parents=True)
    for entry in PYSIDE.iterdir():
        if not entry.name.startswith("QtGui."):
            (package / entry.name).symlink_to(entry)
    (gui_module,) = PYSIDE.glob("QtGui.*.so")
    shutil.copy2(gui_module, package / gui_module.name)
    _patchelf("--add-needed", "/nonexistent/libEGL.so.1", str(package / gui_module.name))
    env = {"PYTHONPATH": str(tmp_path / "site"), "QT_QPA_PLATFORM": "offscreen"}
    result = _run(tmp_path, env=env)
    assert result.stderr.strip() == "缺少系统库 libEGL.so.1，请安装：sudo apt install libegl1"


@pytest.mark.parametrize(
    "env",
    [
        {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""},
        {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": "xcb"},
    ],
    ids=["nothing-set", "xcb-without-display"],
)
def test_no_display_at_all(tmp_path: Path, env: dict[str, str]) -> None:
    result = _run(tmp_path, env=env)
    assert result.stderr.startswith("没有可用的图形显示（DISPLAY 与 WAYLAND_DISPLAY 均未设置）")


def test_the_loader_words_give_the_soname() -> None:
    """The loader's own words, from a real failed dlopen, parsed to the soname."""
    import ctypes

    with pytest.raises(OSError, match="cannot open shared object file") as raised:
        ctypes.CDLL("/nonexistent/libxkbcommon-x11.so.0")
    soname = missing_library(str(raised.value))
    assert soname == "libxkbcommon-x11.so.0"
    assert install_command(soname) == "sudo apt install libxkbcommon-x11-0"
    assert missing_library("undefined symbol: xcb_cursor_load_cursor") is None


def test_every_library_qt_needs_from_the_system_is_in_the_table() -> None:
    """The table covers what Qt's xcb and offscreen plugins and the Qt libraries the app
    loads ask of the system (read from the files themselves: patchelf --print-needed)."""
    patchelf = Path(sys.executable).parent / "patchelf"
    plugins = PYSIDE / "Qt" / "plugins" / "platforms"
    files = [plugins / "libqxcb.so", plugins / "libqoffscreen.so"]
    for name in ("XcbQpa", "Gui", "Widgets", "Core", "DBus", "Svg", "Pdf", "PrintSupport"):
        files += (PYSIDE / "Qt" / "lib").glob(f"libQt6{name}.so.6")
    needed: set[str] = set()
    for file in files:
        listed = subprocess.run(
            [str(patchelf), "--print-needed", str(file)], capture_output=True, text=True, check=True
        )
        needed |= set(listed.stdout.split())
    own = {name for name in needed if name.startswith(("libQt6", "libicu"))}
    base = {
        "libc.so.6",
        "libm.so.6",
        "libstdc++.so.6",
        "libgcc_s.so.1",
        "libdl.so.2",
        "libpthread.so.0",
        "librt.so.1",
        "ld-linux-x86-64.so.2",
        "ld-linux-aarch64.so.1",
    }
    assert len(files) >= 8
    assert sorted(needed - own - base - DEBIAN_PACKAGES.keys()) == []


def test_the_readme_lists_every_package_of_the_table() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## 快速开始 Quick start")[1].split("\n## ")[0]
    listed = quick_start.split("sudo apt install libegl1")[1].split("```")[0]
    listed = "libegl1" + listed.replace("\\", " ")
    assert sorted(set(DEBIAN_PACKAGES.values()) - set(listed.split())) == []
