"""The training page reaches the other parts of the feature: a session's 证书… opens its
certificates dialog (issue, print, revoke), and 导入/导出 sits beside the workers and the
sessions with the rosters each list is made of."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mzdesk.gui.training.certificates import SessionCertificates
from mzdesk.gui.training.session_page import SessionPage
from mzdesk.services.signing_keys import set_verify_server
from mzdesk.services.tables.columns import Kind
from mzdesk.services.workers import list_trainings
from tests.gui.conftest import closed, open_dialog
from tests.gui.training.test_workers_and_sessions import show_page
from tests.helpers.actors import SETUP


def test_a_session_opens_its_certificates(qtbot, window):
    ctx = window.ctx
    set_verify_server(ctx.store, SETUP, "https://sync.example.org")
    page = show_page(qtbot, window)
    session = next(t for t in list_trainings(ctx.store, ctx.institution.id) if t.passed >= 2)
    page.open_session(session.id)
    sheet = open_dialog(qtbot, SessionPage)
    assert sheet.certificates_button.isVisible()
    qtbot.mouseClick(sheet.certificates_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, SessionCertificates)
    assert dialog.parent() is sheet
    qtbot.waitUntil(lambda: dialog.table.rows_model.rowCount() == session.passed, timeout=10_000)
    dialog.close()
    sheet.close()


def test_import_and_export_beside_each_list(qtbot, window):
    page = show_page(qtbot, window)
    for io, kinds in ((page.workers_io, (Kind.WORKERS, Kind.CERTIFICATES)),
                      (page.sessions_io, (Kind.TRAINING,))):  # fmt: skip
        assert not io.isHidden() and io.parent() is not None
        menus = [action.text() for action in io.menu().actions()]
        assert menus == [kind.label for kind in kinds]
    page.sessions_io.message.emit("已导出3行到 /tmp/x.xlsx")
    assert window.statusBar().currentMessage() == "已导出3行到 /tmp/x.xlsx"


def test_certificate_style_is_set_from_the_certificates_dialog(qtbot, window):
    from mzdesk.gui.training.certificate_settings import CertificateSettingsDialog
    from mzdesk.services.certificate_settings import certificate_settings

    ctx = window.ctx
    set_verify_server(ctx.store, SETUP, "https://sync.example.org")
    session = next(t for t in list_trainings(ctx.store, ctx.institution.id) if t.passed >= 1)
    from mzdesk.gui.training.certificates import open_session_certificates

    certificates = open_session_certificates(ctx, window, session.id)
    qtbot.mouseClick(certificates.settings_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, CertificateSettingsDialog)
    assert (
        not dialog.full_id.isChecked() and dialog.issuer.placeholderText() == ctx.institution.name
    )
    dialog.full_id.setChecked(True)
    dialog.issuer.setText("长" * 100 + "x")  # the field stops at 100: typed text never overflows
    assert len(dialog.issuer.text()) == 100
    dialog.issuer.setText("崂山区养老服务培训中心")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    closed(qtbot, dialog)
    assert certificate_settings(ctx.store, ctx.institution.id).full_id
    assert certificate_settings(ctx.store, ctx.institution.id).issuer == "崂山区养老服务培训中心"
    certificates.close()
