"""The 同步 page against a real server process: enrolment through the form, 立即同步 and the
automatic sync, conflict review, quarantined changes fixed and resent, the status bar."""

from __future__ import annotations

import asyncio
import re
import socket
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import qasync
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

import mzdesk.gui.sync.page as sync_module
from mzdesk.core.vocab import Grade, InstitutionKind
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.tasks import pending_tasks
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.shell.main_window import PAGE_KEYS, MainWindow
from mzdesk.gui.start.opener import Opener, demo_hint
from mzdesk.gui.sync.page import SyncPage
from mzdesk.gui.sync.quarantine_dialog import QuarantineDialog
from mzdesk.gui.sync.text import status_line
from mzdesk.services.institutions import list_institutions
from mzdesk.services.views import InstitutionView
from mzdesk.store.engine import Store, open_store
from mzdesk.store.models import OutboxEntry
from mzdesk.sync.device import set_setting
from mzdesk.sync.review import open_conflicts, quarantined
from tests.gui.conftest import open_dialog
from tests.helpers.actors import SETUP
from tests.sync.conftest import ServerProcess, free_port, new_client, sync
from tests.sync.helpers import edit, institution_id, seed, value

HOME = "阳光养老院"
WAIT = 30_000


def off_thread(fn: Callable[..., Any], *args: Any) -> Any:
    """The sync tests' helpers run their own asyncio loop: keep them off the qasync one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fn, *args).result()


def click(qtbot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shot(qtbot, widget, path: Path) -> Path:
    qtbot.wait(50)  # let the layout settle
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 23) for y in range(0, image.height(), 17)
    }
    assert len(colours) > 5, f"{path.name} looks blank"
    return path


@pytest.fixture
def loop_threads(loop):
    """The sync client's database work runs on the loop's default executor (QThreads under
    qasync); the app closes it with the loop, a test closes it here."""
    executor = qasync.QThreadExecutor(4)
    loop.set_default_executor(executor)
    yield loop
    executor.shutdown()
    loop.set_default_executor(None)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server.log")
    process.start()
    process.institution(HOME)
    yield process
    process.stop()


@pytest.fixture
def site(server: ServerProcess, tmp_path: Path) -> Iterator[tuple[Store, Store, list[uuid.UUID]]]:
    """Two desktops of one home (前台电脑 with records, 护理站电脑 synced with them)."""

    def build() -> tuple[Store, Store, list[uuid.UUID]]:
        a = new_client(tmp_path, server, server.code(institution=HOME), "前台电脑")
        sync(a)
        residents = seed(a)
        sync(a)
        b = new_client(tmp_path, server, server.code(institution=HOME), "护理站电脑")
        sync(b)
        return a, b, residents

    a, b, residents = off_thread(build)
    yield a, b, residents
    a.close()
    b.close()


@pytest.fixture
def make_window(qtbot, loop_threads, site, monkeypatch) -> Iterator[Callable[..., MainWindow]]:
    """The main window on 前台电脑's database, opened on the 同步 page."""
    opened: list[tuple[MainWindow, Worker]] = []

    def make(first_sync_ms: int = 600_000) -> MainWindow:
        monkeypatch.setattr(sync_module, "AUTO_SYNC_FIRST_MS", first_sync_ms)
        monkeypatch.setattr(sync_module, "AUTO_SYNC_WINDOW_MS", 0)  # no random spread here
        store = site[0]
        worker = Worker()
        main = MainWindow(
            AppContext(store, worker, list_institutions(store)[0], None, store.path or Path())
        )
        opened.append((main, worker))
        main.resize(1280, 800)
        main.show()
        main.refresh_status()  # as the app does once the window is up
        main.navigation.setCurrentRow(PAGE_KEYS.index("sync"))
        qtbot.waitUntil(lambda: main.sync.view is not None, timeout=WAIT)
        return main

    yield make
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=WAIT)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()
    for main, worker in opened:
        main.close()
        main.deleteLater()
        qtbot.wait(10)
        worker.shutdown()


def sync_and_wait(qtbot, page: SyncPage) -> None:
    click(qtbot, page.sync_button)
    qtbot.waitUntil(lambda: page.syncing, timeout=WAIT)
    qtbot.waitUntil(lambda: not page.syncing and pending_tasks() == 0, timeout=WAIT)


def test_enrolment_form_enrols_and_the_institution_arrives(qtbot, loop_threads, server, tmp_path):
    store = open_store(tmp_path / "fresh.db")
    worker = Worker()
    nobody = InstitutionView(
        uuid.uuid4(), "新电脑", InstitutionKind.NURSING_HOME, None, None, Grade.UNRATED, None, None
    )
    page = SyncPage(AppContext(store, worker, nobody, None, tmp_path / "fresh.db"))
    try:
        page.resize(1000, 700)
        page.show()
        page.refresh()
        qtbot.waitUntil(lambda: page.view is not None, timeout=WAIT)
        form = page.enrol
        assert form.isVisible() and not page.overview.isVisible()
        assert form.device.text() == socket.gethostname()
        assert "0 条修改待同步" in page.local_note.text()

        form.device.clear()
        click(qtbot, form.enrol_button)
        assert "请填写服务器地址" in form.error.text() and "请填写注册码" in form.error.text()
        assert "请填写本机名称" in form.error.text()
        shot(qtbot, page, tmp_path / "sync-enrol-problems.png")

        form.server.setText(f"127.0.0.1:{free_port()}")  # nobody listens there
        form.code.setText("AAAA-BBBB-CCCC-DDDD")
        form.device.setText("前台电脑")
        click(qtbot, form.enrol_button)
        qtbot.waitUntil(lambda: "连接不上服务器" in form.error.text(), timeout=WAIT)
        assert "cannot be reached" not in form.error.text()  # no English in a Chinese sentence

        form.server.setText(server.url)
        click(qtbot, form.enrol_button)
        qtbot.waitUntil(lambda: "注册码错误" in form.error.text(), timeout=WAIT)
        assert "wrong, expired or already used" not in form.error.text()
        assert form.code.styleSheet()  # the code field is marked

        form.code.setText(server.code(institution=HOME))
        click(qtbot, form.enrol_button)
        qtbot.waitUntil(
            lambda: page.view is not None and bool(page.view.status["last_sync"]), timeout=WAIT
        )
        qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=WAIT)
        assert [i.name for i in list_institutions(store)] == [HOME]
        assert page.overview.isVisible() and not form.isVisible()
        assert page.server.text() == server.url
        assert page.device.text().startswith("前台电脑（设备号 ")
        assert "同步完成" in page.message.text()
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", page.last_sync.text())
        shot(qtbot, page, tmp_path / "sync-enrolled.png")
    finally:
        page.shutdown()
        qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=WAIT)
        page.close()
        page.deleteLater()
        qtbot.wait(10)
        worker.shutdown()
        store.close()


def test_sync_now_sends_local_edits_and_the_status_bar_follows(qtbot, make_window, site):
    a, b, (r, _) = site
    edit(a, r, phone="13800000001")
    main = make_window()
    page = main.sync
    qtbot.waitUntil(lambda: "待同步 1 条" in main.sync_label.text(), timeout=WAIT)
    assert page.pending.text() == "1 条"
    assert page.server.text().startswith("http://127.0.0.1:")
    sync_and_wait(qtbot, page)
    qtbot.waitUntil(lambda: page.pending.text() == "0 条", timeout=WAIT)
    qtbot.waitUntil(lambda: "待同步 0 条" in main.sync_label.text(), timeout=WAIT)
    assert re.search(r"上次同步 \d{4}-\d\d-\d\d \d\d:\d\d", main.sync_label.text())
    assert "冲突" not in main.sync_label.text() and "color" not in main.sync_label.styleSheet()
    assert "发送 1 条" in page.message.text()
    assert page.conflicts_note.text() == "没有需要审核的冲突。"
    off_thread(sync, b)
    assert value(b, r, "phone") == "13800000001"


def test_automatic_sync_and_its_failures_without_popups(qtbot, make_window, site, server):
    a, b, (r, _) = site
    edit(a, r, phone="13300000000")
    main = make_window(first_sync_ms=100)  # no click: the timer syncs shortly after start
    page = main.sync
    qtbot.waitUntil(lambda: page.pending.text() == "0 条", timeout=WAIT)
    off_thread(sync, b)
    assert value(b, r, "phone") == "13300000000"

    server.kill()
    edit(a, r, phone="13300000002")
    page.auto_sync()
    qtbot.waitUntil(lambda: "连接不上服务器" in page.message.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: "同步失败" in main.sync_label.text(), timeout=WAIT)
    assert "待同步 1 条" in main.sync_label.text()
    assert sync_module.RED in main.sync_label.styleSheet()
    assert "连接不上服务器" in main.sync_label.toolTip()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert page.sync_button.isEnabled()


def test_a_conflict_shows_both_values_and_keeping_the_other_resolves_it(
    qtbot, make_window, site, tmp_path
):
    a, b, (r, _) = site

    def two_desks_edit_the_same_field() -> None:
        edit(a, r, ethnicity="满族")
        edit(b, r, ethnicity="回族")
        sync(a)  # arrives first
        sync(b)  # arrives later: applied; 前台电脑's value is kept in a conflict record

    off_thread(two_desks_edit_the_same_field)
    main = make_window()
    page = main.sync
    sync_and_wait(qtbot, page)
    qtbot.waitUntil(lambda: page.conflicts.model().rowCount() == 1, timeout=WAIT)
    cells = [page.conflicts.rows_model.text(0, c) for c in range(4)]
    assert cells[0] == "住户：住户0" and cells[1] == "民族"
    assert cells[2].startswith("回族\n护理站电脑 · ")
    assert cells[3].startswith("满族\n前台电脑 · ")
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d$", cells[3])
    assert value(a, r, "ethnicity") == "回族"
    qtbot.waitUntil(lambda: "冲突 1 条" in main.sync_label.text(), timeout=WAIT)
    assert sync_module.ORANGE in main.sync_label.styleSheet()
    assert page.conflict_count.text() == "1 条"
    shot(qtbot, main, tmp_path / "sync-conflict.png")

    (conflict,) = open_conflicts(a)
    other = page.conflicts.indexWidget(page.conflicts.model().index(0, 4)).findChild(
        QPushButton, f"other-{conflict.id}"
    )
    assert other.text() == "改用被覆盖的值"
    click(qtbot, other)
    qtbot.waitUntil(lambda: page.view.status["conflicts"] == 0, timeout=WAIT)
    assert page.conflicts.model().rowCount() == 0 and not page.conflicts.isVisible()
    assert value(a, r, "ethnicity") == "满族"
    assert page.view.status["pending"] > 0  # the choice travels with the next sync
    sync_and_wait(qtbot, page)
    qtbot.waitUntil(lambda: page.pending.text() == "0 条", timeout=WAIT)
    off_thread(sync, b)
    assert value(b, r, "ethnicity") == "满族"
    assert open_conflicts(b) == []


def test_a_quarantined_change_is_shown_fixed_and_resent(qtbot, make_window, site, tmp_path):
    a, b, (r, _) = site
    with a.write(SETUP) as session:  # a value the server refuses (too long for the field)
        session.add(
            OutboxEntry(
                change_id=uuid.uuid4(),
                table_name="residents",
                row_id=r,
                institution_id=institution_id(a),
                op="update",
                data={"phone": "1" * 60},
                base_rev=None,
                state="pending",
                attempts=0,
            )
        )
    main = make_window()
    page = main.sync
    sync_and_wait(qtbot, page)
    qtbot.waitUntil(lambda: page.quarantine.model().rowCount() == 1, timeout=WAIT)
    cells = [page.quarantine.rows_model.text(0, c) for c in range(4)]
    assert cells[:2] == ["住户：住户0", "修改"]
    assert cells[2] == "字段「联系电话」的内容太长（上限40）"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", cells[3])
    assert "1 条被服务器退回" in page.message.text()
    qtbot.waitUntil(lambda: "被退回 1 条" in main.sync_label.text(), timeout=WAIT)
    shot(qtbot, main, tmp_path / "sync-quarantine.png")

    assert not page.fix_button.isEnabled()
    page.quarantine.selectRow(0)
    assert page.fix_button.isEnabled()
    click(qtbot, page.fix_button)
    dialog = open_dialog(qtbot, QuarantineDialog)
    assert dialog.keys == ["phone"]
    assert dialog.table.item(0, 0).text() == "联系电话"
    assert dialog.table.item(0, 1).text() == "1" * 60
    shot(qtbot, dialog, tmp_path / "sync-fix-dialog.png")

    dialog.table.item(0, 1).setText("2" * 41)  # still too long: refused before sending
    click(qtbot, dialog.resend_button)
    assert "联系电话" in dialog.error.text() and dialog.isVisible()
    assert len(quarantined(a)) == 1

    dialog.table.item(0, 1).setText("13512345678")
    click(qtbot, dialog.resend_button)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: page.view.status["quarantined"] == 0, timeout=WAIT)
    qtbot.waitUntil(lambda: not page.syncing and pending_tasks() == 0, timeout=WAIT)
    qtbot.waitUntil(lambda: page.pending.text() == "0 条", timeout=WAIT)  # resent at once
    assert value(a, r, "phone") == "13512345678"
    assert page.quarantine_note.text() == "没有被退回的修改。"
    assert "被退回" not in main.sync_label.text()
    off_thread(sync, b)
    assert value(b, r, "phone") == "13512345678"


def test_usb_bundles_out_and_back(qtbot, make_window, site, server, tmp_path):
    from mzdesk.server.admin import list_devices
    from mzdesk.server.bundles import export_bundle, import_bundle

    a, b, (r, _) = site
    edit(a, r, phone="13011112222")
    main = make_window()
    page = main.sync
    out = tmp_path / "to-server.mzbundle"
    page.write_bundle(str(out))
    qtbot.waitUntil(lambda: "已把 1 条修改导出" in page.message.text(), timeout=WAIT)
    assert import_bundle(server.db, out.read_bytes())["applied"] == 1
    off_thread(sync, b)
    assert value(b, r, "phone") == "13011112222"

    edit(b, r, ethnicity="满族")
    off_thread(sync, b)
    device = next(d for d in list_devices(server.db) if d.name == "前台电脑")
    back = tmp_path / "to-device.mzbundle"
    back.write_bytes(export_bundle(server.db, str(device.id)))
    page.read_bundle(str(back))
    qtbot.waitUntil(lambda: "已导入同步包" in page.message.text(), timeout=WAIT)
    assert value(a, r, "ethnicity") == "满族"
    qtbot.waitUntil(lambda: page.pending.text() == "0 条", timeout=WAIT)  # answered by bundle

    (tmp_path / "junk.mzbundle").write_bytes(b"not a bundle")
    page.read_bundle(str(tmp_path / "junk.mzbundle"))
    qtbot.waitUntil(lambda: "无法导入同步包" in page.message.text(), timeout=WAIT)
    assert "这不是 mzdesk 同步包" in page.message.text()  # no English inside the sentence
    assert sync_module.RED in page.message.styleSheet()


def test_clock_offset_is_warned_about_on_the_page_and_in_the_status_bar(qtbot, make_window, site):
    a, _, _ = site
    with a.write(SETUP) as session:
        set_setting(session, "clock_offset_s", -900.0)  # this computer is 15 min fast
    main = make_window()
    page = main.sync
    qtbot.waitUntil(lambda: "时钟偏差 15 分钟" in main.sync_label.text(), timeout=WAIT)
    assert sync_module.ORANGE in main.sync_label.styleSheet()
    assert page.clock.isVisible() and "本机时钟比服务器快约 15 分钟" in page.clock.text()


def test_status_line():
    base = {
        "enrolled": True,
        "pending": 3,
        "conflicts": 0,
        "quarantined": 0,
        "last_sync": "2026-03-01T02:03:04+00:00",
        "last_error": None,
        "clock_offset_s": 1.5,
        "clock_warning": False,
    }
    text, colour = status_line(base, None, syncing=False)
    assert (
        re.fullmatch(r"同步：上次同步 \d{4}-\d\d-\d\d \d\d:\d\d · 待同步 3 条", text)
        and colour is None
    )
    text, colour = status_line({**base, "enrolled": False}, None, syncing=False)
    # a site that has not enrolled is not in trouble: say calmly that the data is safe here
    # (the old line read as an error: "本机未注册到服务器，1635 条修改待同步")
    assert text == "数据已安全保存在本机 · 尚未设置同步" and colour is None
    assert "未注册" not in text and "待同步" not in text
    late = {**base, "clock_offset_s": 7300.0, "clock_warning": True, "conflicts": 2}
    text, colour = status_line(late, None, syncing=True)
    assert text.startswith("同步：正在同步… · ") and "冲突 2 条" in text
    assert "时钟偏差 122 分钟" in text and colour == sync_module.RED
    text, colour = status_line({**base, "last_error": "boom"}, None, syncing=False)
    assert text.startswith("同步：同步失败 · ") and colour == sync_module.RED
    text, _ = status_line({**base, "files_to_send": 2, "files_to_fetch": 1}, None, syncing=False)
    assert "待同步 3 条 · 文件待上传 2 个、待下载 1 个" in text


def test_a_site_without_network_enrols_from_the_offline_file(qtbot, loop_threads, server, tmp_path):
    from mzdesk.server.bundles import enrol_offline

    code, data = enrol_offline(server.db, institution=HOME, device_name="山区电脑")
    enrolment = tmp_path / "site.mzenrol"
    enrolment.write_bytes(data)
    store = open_store(tmp_path / "offline.db")
    worker = Worker()
    nobody = InstitutionView(
        uuid.uuid4(), "新电脑", InstitutionKind.NURSING_HOME, None, None, Grade.UNRATED, None, None
    )
    page = SyncPage(AppContext(store, worker, nobody, None, tmp_path / "offline.db"))
    try:
        page.show()
        page.refresh()
        qtbot.waitUntil(lambda: page.view is not None, timeout=WAIT)
        form = page.enrol
        click(qtbot, form.file_button)
        assert "请先填写与注册文件一起给出的注册码" in form.error.text()
        form.code.setText("AAAA-BBBB-CCCC-DDDD")
        page.enrol.enrol_from_file(str(enrolment))
        qtbot.waitUntil(lambda: "注册文件与注册码不符" in form.error.text(), timeout=WAIT)
        assert list_institutions(store) == []
        form.code.setText(code)
        page.enrol.enrol_from_file(str(enrolment))
        qtbot.waitUntil(lambda: not form.isVisible(), timeout=WAIT)
        qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=WAIT)
        assert [i.name for i in list_institutions(store)] == [HOME]
        assert "已用离线注册文件注册" in page.message.text()
    finally:
        page.shutdown()
        qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=WAIT)
        page.close()
        page.deleteLater()
        qtbot.wait(10)
        worker.shutdown()
        store.close()


def test_the_window_follows_an_enrolment_that_re_keys_its_institution(
    qtbot, loop_threads, server, tmp_path
):
    """A home that worked offline enrols from the 同步 page: its institution takes the
    server's id, and the running window keeps showing its records under the new id."""
    from mzdesk.services.demo.generate import Scale, generate
    from mzdesk.services.users import users_of

    store = open_store(tmp_path / "offline.db")
    generate(store, SETUP, Scale.SITE, seed=3)
    (before,) = list_institutions(store)
    user = users_of(store, before.id)[0]
    worker = Worker()
    main = MainWindow(AppContext(store, worker, before, user, tmp_path / "offline.db"))
    try:
        main.resize(1280, 800)
        main.show()
        main.navigation.setCurrentRow(PAGE_KEYS.index("residents"))
        qtbot.waitUntil(lambda: main.residents.model.idle and main.residents.model.total > 0)
        residents = main.residents.model.total
        main.navigation.setCurrentRow(PAGE_KEYS.index("sync"))
        qtbot.waitUntil(lambda: main.sync.view is not None, timeout=WAIT)
        form = main.sync.enrol
        form.server.setText(server.url)
        form.code.setText(server.code(institution=HOME))
        form.device.setText("前台电脑")
        click(qtbot, form.enrol_button)
        qtbot.waitUntil(
            lambda: main.sync.view is not None and bool(main.sync.view.status["last_sync"]),
            timeout=WAIT,
        )
        qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=WAIT)
        (after,) = list_institutions(store)
        assert after.id != before.id  # re-keyed to the server's id
        assert main.ctx.institution.id == after.id
        assert main.ctx.user is not None and main.ctx.user.institution_id == after.id
        main.navigation.setCurrentRow(PAGE_KEYS.index("residents"))
        qtbot.waitUntil(lambda: main.residents.model.idle, timeout=WAIT)
        assert main.residents.model.total == residents  # not an empty window
        main.navigation.setCurrentRow(PAGE_KEYS.index("home"))
        qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=WAIT)
        assert main.home.in_house.value.text() not in ("0", "…")
    finally:
        main.sync.shutdown()
        qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=WAIT)
        main.close()
        main.deleteLater()
        qtbot.wait(10)
        worker.shutdown()
        store.close()

    # the next start: the login unlocks with a key slot written before the enrolment (it names
    # the old id) and opens the re-keyed institution (gui/start/test_adopted_login.py)
    login = demo_hint(tmp_path / "offline.db")
    assert login is not None
    opener = Opener(tmp_path / "offline.db", Worker())
    try:
        task = asyncio.ensure_future(opener.log_in(*login))
        qtbot.waitUntil(task.done, timeout=WAIT)
        assert task.result().institution.id == after.id
    finally:
        opener.close()
        opener.worker.shutdown()
