"""Starting the desktop app: Qt, qasync, the store, first run, login, the main window."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from pathlib import Path

import qasync
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication

from mzdesk.core.errors import MzdeskError
from mzdesk.core.i18n import set_language
from mzdesk.core.permissions import Permission
from mzdesk.gui import probe
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.errors import install_excepthook, log_file, show_error
from mzdesk.gui.runtime.i18n import install_translators, register_font, tr
from mzdesk.gui.runtime.tasks import pending_tasks, running_tasks
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.settings.backup_schedule import BackupSchedule
from mzdesk.gui.settings.damaged_dialog import offer_restore
from mzdesk.gui.shell.main_window import PAGE_KEYS, MainWindow
from mzdesk.gui.start.flow import choose_institution, log_in
from mzdesk.gui.start.opener import Opener, needs_login
from mzdesk.gui.start.unlock import screenshot_unlock, unlock_and_log_in
from mzdesk.gui.widgets.dialog import wait_for
from mzdesk.gui.widgets.wheel import install_wheel_guard
from mzdesk.services.demo.accounts import demo_account
from mzdesk.services.users import actor_for, authenticate, has_users
from mzdesk.services.views import InstitutionView, UserView
from mzdesk.store.cipher import StoreError
from mzdesk.store.engine import Store, open_store
from mzdesk.sync.device import is_region_device

log = logging.getLogger("mzdesk.gui")


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("mzdesk")
    app.setApplicationName("mzdesk")
    # _main decides when the app ends (after the window closes and work has settled); Qt
    # quitting on its own would stop the asyncio loop under running tasks.
    app.setQuitOnLastWindowClosed(False)
    install_wheel_guard(app)  # the wheel scrolls forms, not the input under the pointer
    return app


def configured_language(requested: str | None) -> str:
    if requested in ("zh", "en"):
        return requested
    value = str(QSettings().value("language", "zh"))
    return value if value in ("zh", "en") else "zh"


def run_app(
    db_path: Path,
    *,
    language: str | None = None,
    screenshot_dir: Path | None = None,
    size: tuple[int, int] = (1280, 800),
) -> int:
    """Open the app on ``db_path``. With ``screenshot_dir``, render every page to PNG and exit."""
    probe.mark("run_app")
    app = make_application()
    probe.mark("qapplication")
    lang = configured_language(language)
    set_language("en" if lang == "en" else "zh")
    register_font(app)
    install_translators(app, lang)
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=[logging.FileHandler(log_file(), encoding="utf-8"), logging.StreamHandler()],
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)
    window: list[MainWindow] = []
    install_excepthook(lambda: window[0] if window else None)
    worker = Worker()
    stores: list[Store] = []  # the store, once opened (by a login, on an encrypted database)
    try:
        code: int = qasync.run(_main(worker, db_path, window, screenshot_dir, stores, size))
    finally:
        worker.shutdown()
        for store in stores:
            store.close()
    if code == DAMAGED:  # offer the newest good backup (gui/settings), then start again
        return run_app(db_path, language=language) if offer_restore(db_path) else 1
    return code


DAMAGED = 3  # _main's code for a damaged database (asked about once the loop has ended)


async def _main(
    worker: Worker,
    db_path: Path,
    window: list[MainWindow],
    screenshot_dir: Path | None,
    stores: list[Store],
    size: tuple[int, int],
) -> int:
    # the start-up probe logs in as --screenshot does, and says what went wrong on stderr
    interactive = screenshot_dir is None and not probe.enabled()
    if not interactive and not (db_path.is_file() and db_path.stat().st_size):
        # never create or migrate a database only to photograph it (an empty file included)
        print(
            tr(
                "没有可截图的数据库：{path} 不存在或是空文件；请先运行 mzdesk demo --db {path}"
            ).format(path=db_path),
            file=sys.stderr,
        )
        return 2
    try:
        opened = await _open(worker, db_path, interactive, stores)
    except MzdeskError as error:  # a damaged slot file, a wrong login for --screenshot, …
        if not interactive:
            print(str(error), file=sys.stderr)
            return 2
        if isinstance(error, StoreError) and error.code == "store.damaged":
            return DAMAGED
        await wait_for(show_error(None, tr("不能打开"), str(error)))
        return 1
    if opened is None:
        return 0 if interactive else 2
    store, institution, user = opened
    probe.mark("logged_in")
    main = MainWindow(
        AppContext(store, worker, institution, user, db_path, is_region_device(store))
    )
    probe.mark("window_built")
    window.append(main)
    main.resize(*size)
    main.show()
    probe.mark("shown")
    await main.refresh_status()
    if screenshot_dir is not None:
        await take_screenshots(main, screenshot_dir)
        main.close()
    else:
        # the daily backup a little later, off the start path, and on close (gui/settings)
        schedule = BackupSchedule(main.ctx, main)
        schedule.start()
        if probe.enabled():
            await usable(main)
            probe.report()
            main.close()
        await main.closed
        await settle()
        schedule.on_close()
    await settle()
    return 0


async def _open(
    worker: Worker, db_path: Path, interactive: bool, stores: list[Store]
) -> tuple[Store, InstitutionView, UserView | None] | None:
    """The store, its institution and who logged in; None when the user gave up. An
    encrypted database with users: the login first (it unlocks the store). Otherwise as
    always: first run, choose an institution, log in."""
    probe.mark("opening")
    if needs_login(db_path):
        opener = Opener(db_path, worker)
        try:
            unlocked = await (
                unlock_and_log_in(opener) if interactive else screenshot_unlock(opener)
            )
        finally:
            if opener.store is not None:
                stores.append(opener.store)
        if unlocked is None:
            return None
        return unlocked.store, unlocked.institution, unlocked.user
    store = await worker.write(open_store, db_path)
    stores.append(store)
    probe.mark("store_open")
    first_run: list[str] = []
    institution = await choose_institution(
        store, worker, interactive=interactive, first_run=first_run
    )
    if institution is None:
        if not interactive:
            print(tr("数据库中没有机构，无法截图；请先运行 mzdesk demo。"), file=sys.stderr)
        return None
    user: UserView | None = None
    if interactive:
        login = await log_in(store, worker, institution)
        if login is False:
            return None
        user = login if isinstance(login, UserView) else None
    else:
        user = await _screenshot_login(store, worker, institution)
        probe.mark("authenticated")
    if first_run in (["create"], ["enrol"]) and user is not None:
        actor = actor_for(user)
        if actor.can(Permission.USERS_MANAGE):
            # the sheet's PDF preview (QtPdf) only on a first run
            from mzdesk.gui.start.recovery_step import offer_recovery_sheet

            await offer_recovery_sheet(store, worker, actor)
    return store, institution, user


async def _screenshot_login(
    store: Store, worker: Worker, institution: InstitutionView
) -> UserView | None:
    """Screenshots log in too: as MZDESK_USER / MZDESK_PASSWORD, or as the demo's account."""
    if not await worker.read(has_users, store):
        return None
    account = await worker.read(demo_account, store)
    username = os.environ.get("MZDESK_USER") or (account[0] if account else "")
    password = os.environ.get("MZDESK_PASSWORD") or (account[1] if account else "")
    user: UserView = await worker.write(authenticate, store, institution.id, username, password)
    return user


async def settle(timeout: float = 10.0) -> None:
    """Let refreshes that are still running finish before the loop closes (asyncio would
    otherwise cancel them mid-flight while shutting down)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while pending_tasks() and loop.time() < deadline:
        await asyncio.sleep(0.02)
    if pending_tasks():
        log.warning("closing with %d tasks still running: %s", pending_tasks(), running_tasks())


async def usable(main: MainWindow) -> None:
    """Until the window is usable: shown, every task started on the way (the home page's
    figures, the status bar's sync state) finished, and the window painted once after that.
    The daily backup's check comes later (``BackupSchedule``): nobody waits for it."""
    await settle()
    painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    class _Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted.done():
                painted.set_result(None)
            return False

    watcher = _Painted(main)
    main.installEventFilter(watcher)
    main.update()
    try:
        await painted
    finally:
        main.removeEventFilter(watcher)
        watcher.deleteLater()


async def take_screenshots(main: MainWindow, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, key in enumerate(PAGE_KEYS):
        main.navigation.setCurrentRow(index)
        page = main.page(key)
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            await refresh()
        # Let Qt lay out and paint through the event loop; calling processEvents() from inside a
        # coroutine would re-enter asyncio and strand other tasks.
        await asyncio.sleep(0.05)
        path = folder / f"{index + 1:02d}-{key}.png"
        if not main.grab().save(str(path)):
            raise OSError(f"cannot write {path}")
        written.append(path)
    return written
