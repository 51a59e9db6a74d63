"""Which Debian/Ubuntu/UOS package provides a shared library Qt needs at run time.

The one table of it: the pre-flight before Qt starts (:mod:`mzdesk.gui.preflight`) names the
package to install, and the README's list of system libraries is this table's packages.
Windows and macOS need none of them (the PySide6 wheels carry their own).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Final

# soname → Debian package (bookworm; the same names on Ubuntu 22.04+, UOS and Kylin).
DEBIAN_PACKAGES: Final[dict[str, str]] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}

# What the loader says: "libEGL.so.1: cannot open shared object file: No such file or
# directory" (ctypes and ImportError alike; a NEEDED entry with a path is named with it).
# (compiled when an error is read: this module is on every start of the app, errors are rare)
_MISSING = r"([^\s:]+\.so(?:\.[0-9]+)*): cannot open shared object file"


def missing_library(error_text: str) -> str | None:
    """The soname a loader error says is missing, or None when it says something else."""
    found = re.search(_MISSING, error_text)
    return PurePosixPath(found.group(1)).name if found else None


def install_command(soname: str) -> str | None:
    """The command that installs ``soname`` on Debian and its kin, or None if unknown."""
    package = DEBIAN_PACKAGES.get(soname)
    return f"sudo apt install {package}" if package else None
