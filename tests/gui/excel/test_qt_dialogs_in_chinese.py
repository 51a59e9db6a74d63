"""Qt's own dialogs speak the app's language (issue 14: "Qt's file dialog in English"): with
Chinese chosen, every label and button of the file dialog the app opens, and a message box's
standard buttons, read in Chinese; with English chosen, in English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMessageBox, QWidget

from mzdesk.gui.runtime.i18n import install_translators
from mzdesk.gui.widgets.files import ask_open_path, ask_save_path

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.fixture
def language(qapp) -> Iterator[callable]:
    installed = []

    def use(code: str) -> None:
        installed.extend(install_translators(qapp, code))

    yield use
    for translator in installed:
        qapp.removeTranslator(translator)
    PARENTS.clear()


def texts(dialog: QFileDialog) -> list[str]:
    shown = [
        w.text()
        for w in dialog.findChildren(QWidget)
        if isinstance(w, (QLabel, QAbstractButton)) and w.isVisible() and w.text()
    ]
    return shown + [w.toolTip() for w in dialog.findChildren(QAbstractButton) if w.toolTip()]


PARENTS: list[QWidget] = []  # pytest-qt holds widgets weakly; a dialog dies with its parent


def file_dialog(qtbot, tmp_path: Path, save: bool) -> QFileDialog:
    parent = QWidget()
    PARENTS.append(parent)
    qtbot.addWidget(parent)
    parent.show()
    if save:
        dialog = ask_save_path(parent, "保存", tmp_path / "a.xlsx", "Excel (*.xlsx)", "xlsx", print)
    else:
        dialog = ask_open_path(parent, "选择要导入的文件", "Excel (*.xlsx)", print)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


@pytest.mark.parametrize("save", [False, True])
def test_the_file_dialogs_read_in_chinese(qtbot, language, tmp_path, save):
    language("zh")
    dialog = file_dialog(qtbot, tmp_path, save)
    shown = texts(dialog)
    english = [t for t in shown if LATIN_WORD.search(t.replace("Excel", "").replace("xlsx", ""))]
    assert english == [], english
    assert any(t.startswith("查找范围") for t in shown), shown
    assert any(t.startswith("文件类型") for t in shown), shown
    assert ("保存(&S)" if save else "打开(&O)") in shown and "取消" in shown
    dialog.close()


def test_the_file_dialogs_read_in_english(qtbot, language, tmp_path):
    language("en")
    dialog = file_dialog(qtbot, tmp_path, False)
    shown = texts(dialog)
    assert "&Look in:" in shown and "Files of &type:" in shown, shown
    dialog.close()


def test_a_message_box_says_yes_and_no_in_chinese(qtbot, language):
    language("zh")
    box = QMessageBox(QMessageBox.Icon.Question, "退住", "确定吗？")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    box.open()
    yes = box.button(QMessageBox.StandardButton.Yes).text()
    no = box.button(QMessageBox.StandardButton.No).text()
    assert (yes, no) == ("是(&Y)", "否(&N)")
    box.close()


def test_the_backup_folder_is_chosen_in_a_dialog_that_does_not_block(
    qtbot, language, window, tmp_path
):
    language("zh")
    panel = window.settings.backups
    qtbot.mouseClick(panel.folder_button, Qt.MouseButton.LeftButton)  # returns: open(), not exec()
    dialog = next(d for d in panel.findChildren(QFileDialog) if d.isVisible())
    assert any(t.startswith("查找范围") for t in texts(dialog))
    dialog.setDirectory(str(tmp_path))
    dialog.selectFile(str(tmp_path))
    dialog.accept()
    qtbot.waitUntil(lambda: panel.folder.text() == str(tmp_path))
