"""打印报表 on the 统计 page: the report opens in the PDF preview (no file left in the home
folder), prints through the print dialog onto A4, and its private copy goes on close."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import Qt

from mzdesk.gui.widgets.pdf_preview import PdfPreview
from tests.helpers.printing import assert_printed_like, pdf_text, print_with_dialog


def test_the_report_opens_in_the_preview_and_prints_on_a4(
    qtbot, monkeypatch, window, tmp_path: Path
):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # nothing may be written there
    (tmp_path / "home").mkdir()
    window.navigation.setCurrentRow(5)
    page = window.stats
    qtbot.waitUntil(lambda: page.view is not None, timeout=15_000)
    page.message.setText("")
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=30_000)
    preview = page.preview
    assert isinstance(preview, PdfPreview) and preview.isVisible()
    assert "床位统计报表" in preview.windowTitle()
    assert page.message.text() == ""  # no grey line naming a file
    path = preview.path
    assert path.name == f"床位统计-{page.view.figures.as_of.isoformat()}.pdf"  # 另存为's name
    assert not path.is_relative_to(tmp_path / "home")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    text = pdf_text(path)
    assert "床位统计报表" in text and "入住率" in text
    pages = preview.document.pageCount()
    assert pages >= 2
    qtbot.wait(300)
    preview.grab().save(str(tmp_path / "stats-report-preview.png"))

    printed = print_with_dialog(qtbot, monkeypatch, preview, tmp_path / "printed.pdf")
    assert_printed_like(printed, path, pages, tmp_path)

    copy = tmp_path / "saved.pdf"
    preview.save_to(str(copy))
    assert copy.read_bytes() == path.read_bytes()
    preview.close()
    qtbot.waitUntil(lambda: not path.parent.exists(), timeout=5_000)
    assert copy.exists()
    assert list((tmp_path / "home").iterdir()) == []
