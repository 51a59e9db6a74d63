"""Messages about districts (行政区划代码) in the figures (core/districts.py, cli/stats.py).

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "districts.unknown": ("未知的区划代码 {code}", "unknown division code {code}"),
}
