"""The CJK font for PDFs: WenQuanYi Micro Hei (TrueType outlines), embedded as a subset.

reportlab must not share one TTFont object between two documents being built at once, so
each report registers its own font name.
"""

from __future__ import annotations

import itertools
import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from mzdesk.core.resources import resource_path

_counter = itertools.count(1)
_lock = threading.Lock()


def register_cjk_font() -> str:
    """Register a fresh instance of the bundled font and return its name."""
    with _lock:
        name = f"WQYMicroHei-{next(_counter)}"
        pdfmetrics.registerFont(
            TTFont(name, str(resource_path("fonts", "wqy-microhei.ttc")), subfontIndex=0)
        )
        return name
