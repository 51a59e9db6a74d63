"""The session's certificates dialog and the PDF preview, offscreen (grabbed as PNG)."""

from __future__ import annotations

import os
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QPushButton

from mzdesk.gui.training.certificates import RevokeDialog, open_session_certificates
from mzdesk.gui.widgets.pdf_preview import PdfPreview
from mzdesk.services.certificates import certificate_sheets, session_certificates
from mzdesk.services.signing_keys import set_verify_server
from mzdesk.services.workers import list_trainings
from tests.gui.conftest import open_dialog
from tests.helpers.actors import SETUP
from tests.helpers.printing import pdf_info, pdf_text


def _shot(widget, name: str, tmp_path: Path) -> Path:
    out = Path(os.environ.get("MZDESK_SHOTS", tmp_path)) / f"{name}.png"
    assert widget.grab().save(str(out))
    return out


def test_issue_print_preview_cancel_revoke(qtbot, window, tmp_path):
    ctx = window.ctx
    set_verify_server(ctx.store, SETUP, "https://sync.example.org")
    session = next(t for t in list_trainings(ctx.store, ctx.institution.id) if t.passed >= 2)
    dialog = open_session_certificates(ctx, window, session.id)
    qtbot.waitUntil(lambda: dialog.table.rows_model.rowCount() == session.passed, timeout=10_000)
    assert all(row[3] == "未签发" for row in dialog.table.rows_model.rows)
    assert dialog.heading.text().startswith(session.topic + "（")
    _shot(dialog, "certificates-dialog-before", tmp_path)

    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=60_000)
    preview = dialog.preview
    assert isinstance(preview, PdfPreview)
    assert preview.document.pageCount() == session.passed
    assert all(row[3] == "有效" and row[2] for row in dialog.table.rows_model.rows)
    qtbot.wait(300)  # the view renders its pages asynchronously
    _shot(preview, "certificates-preview", tmp_path)
    _shot(dialog, "certificates-dialog-issued", tmp_path)

    # printing: every page onto an A4 printer (a PDF printer here)
    printer = preview.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert preview.print_to(printer) == session.passed
    info = pdf_info(printed)
    assert info["Pages"] == str(session.passed) and "(A4)" in info["Page size"]
    copy = tmp_path / "copy.pdf"
    preview.save_to(str(copy))
    assert copy.read_bytes() == preview.path.read_bytes()
    assert pdf_text(preview.path).count("培训合格证书") >= session.passed
    written = preview.path
    preview.close()
    qtbot.waitUntil(lambda: not written.exists(), timeout=5_000)  # the private copy goes

    # cancelling a long print writes nothing and says so
    sheets = certificate_sheets(ctx.store, session.id) * 150
    before = set(dialog.out_dir.iterdir())
    task = _spawn_print(dialog, sheets)
    qtbot.waitUntil(lambda: hasattr(dialog, "progress"), timeout=10_000)
    dialog.progress.findChild(QPushButton).click()  # its Cancel button
    qtbot.waitUntil(task.done, timeout=60_000)
    assert task.result() is None and "已取消" in dialog.message.text()
    assert set(dialog.out_dir.iterdir()) == before

    # revoking the first one
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
    revoke = open_dialog(qtbot, RevokeDialog)
    assert not revoke.ok_button.isEnabled()  # a reason is required
    revoke.reason.setText("姓名有误")
    qtbot.mouseClick(revoke.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rows_model.rows[0][3] == "已作废", timeout=10_000)
    attendees = session_certificates(ctx.store, session.id)
    revoked = [c for a in attendees for c in a.certificates if not c.live]
    assert len(revoked) == 1 and revoked[0].revoked_reason == "姓名有误"
    _shot(dialog, "certificates-dialog-revoked", tmp_path)

    # print one: the selected worker's certificate only
    dialog.preview = None
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=30_000)
    assert dialog.preview.document.pageCount() == 1
    dialog.preview.close()

    # 签发并打印 again does not bring the revoked one back; 重新签发 does, asked first
    assert not dialog.reissue_button.isEnabled()  # a live certificate is selected
    dialog.preview = None
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=30_000)
    assert dialog.preview.document.pageCount() == session.passed - 1
    assert dialog.table.rows_model.rows[0][3] == "已作废"
    dialog.preview.close()
    dialog.preview = None
    dialog.table.selectRow(0)
    assert dialog.reissue_button.isEnabled()
    qtbot.mouseClick(dialog.reissue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(dialog, "asking", None) is not None)
    dialog.asking.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=30_000)
    assert dialog.preview.document.pageCount() == 1
    assert dialog.table.rows_model.rows[0][3] == "有效"
    assert dialog.table.rows_model.rows[0][2] != revoked[0].serial
    dialog.preview.close()
    dialog.close()
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def _spawn_print(dialog, sheets):
    from mzdesk.gui.runtime.tasks import spawn

    if hasattr(dialog, "progress"):
        del dialog.progress
    return spawn(dialog.print_sheets(sheets))


def test_read_only_user_cannot_issue(qtbot, window_as):
    main = window_as("readonly")
    session = next(t for t in list_trainings(main.ctx.store, main.ctx.institution.id) if t.passed)
    dialog = open_session_certificates(main.ctx, main, session.id)
    qtbot.waitUntil(lambda: dialog.table.rows_model.rowCount() == session.passed, timeout=10_000)
    assert not dialog.issue_button.isEnabled() and not dialog.revoke_button.isEnabled()
    dialog.close()


def test_not_enrolled_and_no_address_says_so(qtbot, window):
    ctx = window.ctx
    session = next(t for t in list_trainings(ctx.store, ctx.institution.id) if t.passed)
    dialog = open_session_certificates(ctx, window, session.id)
    qtbot.waitUntil(lambda: dialog.table.rows_model.rowCount() == session.passed, timeout=10_000)
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "核验网址" in dialog.message.text(), timeout=10_000)
    assert dialog.preview is None
    assert all(row[3] == "未签发" for row in dialog.table.rows_model.rows)
    dialog.close()
