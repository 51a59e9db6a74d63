"""The embedded CJK font is parsed and registered once per thread, not once per document."""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics

from mzdesk.reports.fonts import register_cjk_font


def test_printing_many_documents_on_a_thread_registers_the_font_once() -> None:
    first = register_cjk_font()
    registered = len(pdfmetrics.getRegisteredFontNames())
    for _ in range(5):
        assert register_cjk_font() == first
    assert len(pdfmetrics.getRegisteredFontNames()) == registered


def test_two_threads_get_two_instances_of_the_font() -> None:
    names: list[str] = []
    thread = threading.Thread(target=lambda: names.append(register_cjk_font()))
    thread.start()
    thread.join()
    assert names and names[0] != register_cjk_font()
