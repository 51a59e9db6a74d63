"""The CJK font for PDFs: WenQuanYi Micro Hei (TrueType outlines), embedded as a subset.

reportlab must not share one TTFont object between two documents being built at once (two
threads), but one object serves documents built one after another: it keeps each document's
subset apart (a weak dictionary by document). So the font is parsed and registered once per
thread (~0.3 s), not once per document — registering per document grew reportlab's font
registry, and memory, with every PDF printed.
"""

from __future__ import annotations

import itertools
import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from mzdesk.core.resources import resource_path

_counter = itertools.count(1)
_lock = threading.Lock()
_per_thread = threading.local()


def register_cjk_font() -> str:
    """The name of this thread's instance of the bundled font (registered on first use)."""
    name: str | None = getattr(_per_thread, "name", None)
    if name is None:
        with _lock:
            name = f"WQYMicroHei-{next(_counter)}"
        pdfmetrics.registerFont(
            TTFont(name, str(resource_path("fonts", "wqy-microhei.ttc")), subfontIndex=0)
        )
        _per_thread.name = name
    return name
