"""The file dialogs: non-blocking, and the chosen path reaches the caller."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from mzdesk.gui.widgets.files import ask_open_path, ask_save_path


def test_a_save_dialog_adds_the_suffix_and_an_open_dialog_wants_an_existing_file(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    chosen: list[str] = []
    save = ask_save_path(parent, "导出", tmp_path / "a.pdf", "*.pdf", "pdf", chosen.append)
    assert save.isVisible() and save.defaultSuffix() == "pdf"
    assert save.acceptMode() is QFileDialog.AcceptMode.AcceptSave
    save.fileSelected.emit(str(tmp_path / "a.pdf"))
    save.close()
    existing = tmp_path / "b.mzbundle"
    existing.write_bytes(b"x")
    opened = ask_open_path(parent, "导入", "*.mzbundle", chosen.append)
    assert opened.fileMode() is QFileDialog.FileMode.ExistingFile
    opened.fileSelected.emit(str(existing))
    opened.close()
    assert [Path(p).name for p in chosen] == ["a.pdf", "b.mzbundle"]
