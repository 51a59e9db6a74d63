"""Enrolment failures read in the user's language: an address that answers but is not an
mzdesk server (a router's page, another web application), a server that speaks another
language's error format. Under zh no English words; under en the English message."""

from __future__ import annotations

import re
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mzdesk.core.i18n import set_language
from mzdesk.core.vocab import Grade, InstitutionKind
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import install_translators
from mzdesk.gui.runtime.tasks import pending_tasks
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.sync.enrol_form import EnrolForm
from mzdesk.services.views import InstitutionView
from mzdesk.store.engine import open_store

ANSWERS = {
    "/page": (200, "text/html", b"<html><body>Router login</body></html>"),
    "/missing": (404, "text/html", b"<html><body>Not Found</body></html>"),
    "/other-api": (404, "application/json", b'{"detail": "Not Found"}'),
    "/half": (200, "application/json", b'{"device_id": "x"}'),
    "/broken": (200, "application/json", b'{"device_id": '),
}


class Answer(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        prefix = "/" + self.path.strip("/").split("/")[0]
        status, kind, body = ANSWERS.get(prefix, (404, "text/plain", b"no"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def not_mzdesk() -> Iterator[str]:
    """A web server that is not an mzdesk server."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def form(qtbot, loop, tmp_path: Path) -> Iterator[EnrolForm]:
    store = open_store(tmp_path / "fresh.db")
    worker = Worker()
    nobody = InstitutionView(
        uuid.uuid4(), "新电脑", InstitutionKind.NURSING_HOME, None, None, Grade.UNRATED, None, None
    )
    enrol = EnrolForm(AppContext(store, worker, nobody, None, tmp_path / "fresh.db"))
    enrol.enrol_button.clicked.connect(enrol.enrol_now)  # as the 同步 page wires it
    qtbot.addWidget(enrol)
    enrol.show()
    yield enrol
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=10_000)
    worker.shutdown()
    store.close()
    set_language("zh")


def enrol_at(qtbot, form: EnrolForm, url: str) -> str:
    form.error.clear()
    form.server.setText(url)
    form.code.setText("AAAA-BBBB-CCCC-DDDD")
    qtbot.mouseClick(form.enrol_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            form.enrol_button.isEnabled()
            and bool(form.error.text())
            and "正在连接" not in form.error.text()
            and "Connecting" not in form.error.text()
        ),
        timeout=20_000,
    )
    return form.error.text()


@pytest.mark.parametrize("path", list(ANSWERS))
def test_an_address_that_is_not_an_mzdesk_server_is_said_in_chinese(qtbot, form, not_mzdesk, path):
    said = enrol_at(qtbot, form, not_mzdesk + path)
    assert said.startswith("注册没有成功")
    assert "不是民政桌面的中心服务器" in said
    assert not re.search(r"[A-Za-z]{3,}", said.replace(not_mzdesk + path, "")), said
    assert form.server.styleSheet()  # the address is what to check


def test_under_english_the_failure_is_english(qtbot, qapp, form, not_mzdesk):
    set_language("en")
    translators = install_translators(qapp, "en")
    try:
        said = enrol_at(qtbot, form, not_mzdesk + "/page")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert said.startswith("Enrolment failed: there is no mzdesk central server"), said
    assert not re.search(r"[\u3400-\u9fff]", said), said
