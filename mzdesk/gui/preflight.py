"""Before Qt starts: can it start here? (issue 15)

Without a system library Qt needs, ``import PySide6.QtGui`` raises an ImportError
("libEGL.so.1: cannot open shared object file"), and a platform plugin that cannot be loaded
makes Qt print "Could not load the Qt platform plugin xcb" and abort — a core dump, no word
of which package is missing. :func:`qt_problem` finds both first, without starting Qt: it
imports the Qt modules the app imports anyway, and on Linux loads the platform plugin Qt is
about to use, the way Qt will (dlopen), so the loader names the missing library. The caller
prints the message (zh/en, with the Debian package to install) and exits non-zero.

This module imports no Qt at import time: it is what runs when Qt cannot be imported.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from mzdesk.core.i18n import text
from mzdesk.gui.system_libs import install_command, missing_library

# What the desktop app imports of Qt; QtGui and QtWidgets load libEGL, libGL, fontconfig …
_QT_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")


def qt_problem(environ: Mapping[str, str] = os.environ) -> str | None:
    """Why Qt cannot start here, in the user's language — or None when it can."""
    for module in _QT_MODULES:
        try:
            importlib.import_module(module)
        except ImportError as error:
            return _loader_message(str(error))
    if not sys.platform.startswith("linux"):
        return None  # Windows and macOS: the wheels carry every library Qt needs
    platform = _platform(environ)
    if platform is None or _display_missing(platform, environ):
        return text("startup.no_display")
    plugin = _plugin_file(platform, environ)
    if plugin is None:
        return None  # a platform Qt will name itself if it does not know it
    # _ctypes.dlopen is what ctypes.CDLL calls, without importing ctypes (16 ms of Python
    # classes on a busy machine, on every start); the plugin stays loaded for Qt.
    from _ctypes import dlopen

    try:
        dlopen(str(plugin), os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as error:
        return _loader_message(str(error))
    return None


def _platform(environ: Mapping[str, str]) -> str | None:
    """The platform plugin Qt will load first: QT_QPA_PLATFORM's first choice ("xcb",
    "offscreen", "wayland;xcb" → "wayland", "vnc:size=…" → "vnc"), else what the session
    offers (Qt prefers Wayland in a Wayland session), else None: no display at all."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    if environ.get("DISPLAY"):
        return "xcb"
    if environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    return None


def _display_missing(platform: str, environ: Mapping[str, str]) -> bool:
    """xcb without DISPLAY, or Wayland without WAYLAND_DISPLAY: Qt would abort."""
    needs = {"xcb": "DISPLAY", "wayland": "WAYLAND_DISPLAY"}.get(platform)
    return needs is not None and not environ.get(needs)


def _plugin_file(platform: str, environ: Mapping[str, str]) -> Path | None:
    """The plugin Qt loads for ``platform``: from QT_QPA_PLATFORM_PLUGIN_PATH when set (Qt
    looks there first), else from PySide6's own plugin folder."""
    import PySide6  # already imported above: QtCore loaded

    folders = [Path(p) for p in environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(":") if p]
    folders.append(Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms")
    for folder in folders:
        for name in (f"libq{platform}.so", f"libq{platform}-generic.so"):
            if (folder / name).is_file():
                return folder / name
    return None


def _loader_message(error: str) -> str:
    soname = missing_library(error)
    if soname is None:
        return text("startup.qt_failed", error=error)
    install = install_command(soname)
    if install is None:
        return text("startup.missing_library_unknown", soname=soname)
    return text("startup.missing_library", soname=soname, install=install)
