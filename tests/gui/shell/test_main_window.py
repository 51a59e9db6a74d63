"""The main window: every page renders; errors in async code reach the user."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.conftest import open_dialog


def test_an_error_in_async_code_reaches_the_user(qtbot, window, monkeypatch):
    from mzdesk.gui.runtime import errors

    errors.install_excepthook(lambda: window)

    async def boom() -> None:
        raise RuntimeError("disk on fire")

    def explode(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("mzdesk.gui.residents.page.resident_details", explode)
    window.residents.table.selectRow(0)
    window.residents.open_selected()
    box = open_dialog(qtbot, QMessageBox)
    assert "意外错误" in box.text()
    assert "disk on fire" in box.detailedText()
    box.close()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            widget.close()


@pytest.mark.parametrize("index", range(8))
def test_every_page_renders(qtbot, window, index, tmp_path):
    window.navigation.setCurrentRow(index)
    qtbot.wait(50)
    image = window.grab().toImage()
    assert image.width() == 1280
    assert not image.isNull()
