"""Where the shipped data files (resources/) are, in a checkout, a wheel or a PyInstaller bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    here = Path(__file__).resolve()
    candidates = [
        here.parents[2] / "resources",  # source checkout / editable install
        here.parents[1] / "_resources",  # wheel (force-included by hatch)
    ]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("mzdesk resources folder not found; the installation is incomplete")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
