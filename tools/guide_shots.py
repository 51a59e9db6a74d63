"""The user guide's shots: each opens a page or a dialog the way a click would and grabs it.

``SHOTS`` is the list; ``guide_screenshots.py`` runs it on a fresh demo database. A shot's
name is its file name (``docs/guide/images/<name>.png``).
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget

from mzdesk.core.hazards import HazardEventKind
from mzdesk.core.vocab import InspectionState, ResidentStatus
from mzdesk.gui.runtime.tasks import pending_tasks
from mzdesk.gui.shell.main_window import PAGE_KEYS, MainWindow
from mzdesk.gui.start.dialogs import FirstRunDialog, LoginDialog
from mzdesk.gui.training.certificates import open_session_certificates
from mzdesk.services.demo.accounts import demo_account


class Shooter:
    """Opens, waits, grabs, saves and closes, on the main window ``main``."""

    def __init__(self, main: MainWindow, out: Path, work: Path) -> None:
        self.main = main
        self.out = out
        self.work = work  # the demo database's folder
        self.kept: list[QWidget] = []  # dialogs made here without a parent live until the end

    @property
    def ctx(self) -> Any:
        return self.main.ctx

    async def settle(self, pause: float = 0.25) -> None:
        """Until the app's own tasks are done, then a moment for Qt to lay out and paint."""
        for _ in range(500):
            if not pending_tasks():
                break
            await asyncio.sleep(0.02)
        await asyncio.sleep(pause)

    def save(self, widget: QWidget, name: str) -> Path:
        path = self.out / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"cannot write {path}")
        return path

    async def page(self, key: str) -> QWidget:
        index = PAGE_KEYS.index(key)
        self.main.navigation.setCurrentRow(index)
        page = self.main.page(key)
        refresh = getattr(page, "refresh", None)
        if refresh is not None:
            await refresh()
        await self.settle()
        return page

    async def window(self, name: str) -> None:
        await self.settle()
        self.save(self.main, name)

    def _open_windows(self) -> list[QWidget]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not self.main and w.isWindow() and isinstance(w, QDialog)
        ]

    async def dialog(self, trigger: Callable[[], object], name: str | None = None) -> QWidget:
        """Run ``trigger`` (a click, a slot) and wait for the new dialog it opens; grab it as
        ``name`` when given."""
        before = set(map(id, self._open_windows()))
        result = trigger()
        if inspect.isawaitable(result):
            await result
        found: list[QWidget] = []
        for _ in range(500):
            found = [w for w in self._open_windows() if id(w) not in before]
            if found:
                break
            await asyncio.sleep(0.02)
        if not found:
            raise RuntimeError(f"no dialog opened for {name or trigger}")
        opened = found[-1]
        await self.settle(0.4)
        if name is not None:
            self.save(opened, name)
        return opened

    async def close_dialogs(self) -> None:
        for _ in range(5):
            shown = self._open_windows()
            if not shown:
                break
            for widget in reversed(shown):
                widget.close()
            await self.settle(0.05)


@dataclass(frozen=True)
class Shot:
    """``take`` writes ``images`` (file names without .png); the first is the shot's name."""

    take: Callable[[Shooter], Awaitable[None]]
    images: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.images[0]


# -- start --------------------------------------------------------------------------------------
async def first_run(s: Shooter) -> None:
    def show() -> None:
        s.kept.append(FirstRunDialog())
        s.kept[-1].open()

    await s.dialog(show, "first-run")


async def login(s: Shooter) -> None:
    account = await s.ctx.worker.read(demo_account, s.ctx.store)

    def show() -> None:
        dialog = LoginDialog(s.ctx.institution.name, account)  # as log_in() opens it
        s.kept.append(dialog)
        dialog.open()

    await s.dialog(show, "login")


async def home(s: Shooter) -> None:
    await s.page("home")
    await s.window("home")


# -- residents ----------------------------------------------------------------------------------
async def residents(s: Shooter) -> None:
    page = await s.page("residents")
    _select_in_house(page)
    await s.window("residents")


def _select_in_house(page: Any) -> None:
    for i, row in enumerate(page.model.rows):
        if row.status is ResidentStatus.IN_HOUSE:
            page.table.selectRow(i)
            return


async def admit(s: Shooter) -> None:
    page = await s.page("residents")
    await s.dialog(page.admit_button.click, "admit")


async def assessment(s: Shooter) -> None:
    page = await s.page("residents")
    _select_in_house(page)
    await s.dialog(page.assess_button.click, "assessment")


# -- beds ---------------------------------------------------------------------------------------
async def beds(s: Shooter) -> None:
    await s.page("beds")
    await s.window("beds")


async def bulk_beds(s: Shooter) -> None:
    page = await s.page("beds")
    dialog: Any = await s.dialog(page.add_button.click)
    dialog.building.setEditText("5号楼")
    dialog.floor.setEditText("2层")
    dialog.floorTo.setText("3层")
    dialog.roomFrom.setText("201")
    dialog.roomTo.setText("210")
    dialog.bedsPerRoom.setValue(2)
    await s.settle()
    s.save(dialog, "bulk-beds")


# -- care workers and training ------------------------------------------------------------------
async def workers(s: Shooter) -> None:
    page: Any = await s.page("workers")
    page.tabs.setCurrentWidget(page.workers)
    await s.window("workers")


async def matrix(s: Shooter) -> None:
    page: Any = await s.page("workers")
    page.tabs.setCurrentWidget(page.matrix)
    await s.settle()
    await s.window("training-matrix")


async def worker(s: Shooter) -> None:
    page: Any = await s.page("workers")
    page.tabs.setCurrentWidget(page.workers)
    await s.settle()
    chosen = max(page.workers.all, key=lambda w: (w.skill_level.value != "none", w.hired_on))
    await s.dialog(lambda: page.open_worker(chosen.id), "worker")


async def certificates(s: Shooter) -> None:
    page: Any = await s.page("workers")
    page.tabs.setCurrentWidget(page.sessions)
    await s.settle()
    # an offline site has no server address for the QR code: the administrator's
    # `mzdesk certificates server 网址` (the guide says so); the same service here
    from mzdesk.services.signing_keys import set_verify_server

    await s.ctx.change(set_verify_server, "https://mz.example.gov.cn")
    session = next(x for x in page.sessions.sessions if x.passed)
    session_page: Any = await s.dialog(lambda: page.open_session(session.id), "training-session")
    listing: Any = await s.dialog(
        lambda: open_session_certificates(s.ctx, session_page, session.id)
    )
    await listing.loading
    await s.settle()
    s.save(listing, "certificates")
    try:
        preview = await s.dialog(listing.issue_and_print)
    except RuntimeError as error:
        raise RuntimeError(f"{error}: {listing.message.text()}") from error
    preview.resize(900, 760)
    await s.settle(0.8)
    s.save(preview, "certificate-preview")


# -- inspections and hazards --------------------------------------------------------------------
async def inspections(s: Shooter) -> None:
    await s.page("inspections")
    await s.window("inspections")


async def inspecting(s: Shooter) -> None:
    page: Any = await s.page("inspections")
    draft = next(r for r in page.rows if r.state is InspectionState.DRAFT)
    dialog: Any = await s.dialog(lambda: page.open_inspection(draft.id))
    dialog.resize(1200, 760)
    await s.settle()
    s.save(dialog, "inspecting")


async def hazard(s: Shooter) -> None:
    page: Any = await s.page("inspections")
    panel = page.hazards
    await panel.refresh()
    await s.settle()
    panel.table.selectRow(0)
    dialog: Any = await s.dialog(panel.open_button.click, "hazard")
    status = dialog.detail.hazard.status
    for kind in (HazardEventKind.SUBMITTED, HazardEventKind.PASSED, HazardEventKind.EXTENDED):
        button: QPushButton = dialog.buttons[kind]
        if button.isEnabled() and button.isVisible():
            await s.dialog(lambda k=kind: dialog.open_step(k), "hazard-step")
            return
    raise RuntimeError(f"no step to show for a hazard {status}")


# -- statistics, sync, settings -----------------------------------------------------------------
async def stats(s: Shooter) -> None:
    await s.page("stats")
    await s.window("stats")


async def sync(s: Shooter) -> None:
    """Not yet registered (the enrolment form), then registered from an offline enrolment
    file made by a central server (an SQLite one in the work folder) — the page staff see
    from then on, with the USB-stick buttons."""
    page: Any = await s.page("sync")
    page.enrol.device.setText("护理站电脑")  # the computer's own name by default
    await s.window("sync-enrol")
    code, data = await s.ctx.worker.read(_offline_enrolment, s.work, s.ctx.institution)
    path = s.work / "注册.mzenrol"
    path.write_bytes(data)
    page.enrol.code.setText(code)
    await page.enrol.enrol_from_file(str(path))
    await page.refresh()
    await s.page("sync")
    await s.window("sync")


def _offline_enrolment(work: Path, institution: Any) -> tuple[str, bytes]:
    """What ``mzdesk server add-institution`` and ``mzdesk server enroll --out`` do at the
    bureau, on a throw-away server database."""
    from mzdesk.server.admin import add_institution
    from mzdesk.server.bundles import enrol_offline
    from mzdesk.server.db import open_server_db

    server = open_server_db(f"sqlite:///{work / 'server.db'}")
    try:
        add_institution(server, institution.name, str(institution.kind), "370212")
        return enrol_offline(server, institution=institution.name, device_name="护理站电脑")
    finally:
        server.close()


async def settings(s: Shooter) -> None:
    page: Any = await s.page("settings")
    page.backups.backup_button.click()
    for _ in range(500):
        if page.backups.backups and pending_tasks() == 0:
            break
        await asyncio.sleep(0.05)
    await s.settle()
    scroller: Any = page.layout().itemAt(0).widget()
    scroller.ensureWidgetVisible(page.backups.save_button, 0, 40)
    await s.window("backups")
    assert page.users is not None, "the demo's administrator manages users"
    scroller.ensureWidgetVisible(page.users.table, 0, 0)
    scroller.verticalScrollBar().setValue(scroller.verticalScrollBar().maximum())
    await s.window("users")
    await s.dialog(page.users.add_button.click, "add-user")


SHOTS: list[Shot] = [
    Shot(first_run, ("first-run",)),
    Shot(login, ("login",)),
    Shot(home, ("home",)),
    Shot(residents, ("residents",)),
    Shot(admit, ("admit",)),
    Shot(assessment, ("assessment",)),
    Shot(beds, ("beds",)),
    Shot(bulk_beds, ("bulk-beds",)),
    Shot(workers, ("workers",)),
    Shot(matrix, ("training-matrix",)),
    Shot(worker, ("worker",)),
    Shot(inspections, ("inspections",)),
    Shot(inspecting, ("inspecting",)),
    Shot(hazard, ("hazard", "hazard-step")),
    Shot(stats, ("stats",)),
    Shot(certificates, ("training-session", "certificates", "certificate-preview")),
    Shot(settings, ("backups", "users", "add-user")),
    # last: the enrolment re-keys the demo's institution to the server's
    Shot(sync, ("sync-enrol", "sync")),
]


def image_names() -> list[str]:
    """Every picture the shots write, in order."""
    return [name for shot in SHOTS for name in shot.images]
