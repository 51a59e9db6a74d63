"""Before the main window: first run (create, join or demo), choose an institution, log in."""

from __future__ import annotations

import socket

from PySide6.QtWidgets import QDialog

from mzdesk.core.errors import CodedError
from mzdesk.core.permissions import Actor
from mzdesk.gui.runtime.errors import show_error
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.start.dialogs import ChooseInstitutionDialog, FirstRunDialog, LoginDialog
from mzdesk.gui.widgets.dialog import wait_for
from mzdesk.services.demo.accounts import demo_account
from mzdesk.services.institutions import list_institutions
from mzdesk.services.users import authenticate, has_users, set_up_institution, users_of
from mzdesk.services.views import InstitutionView, UserView
from mzdesk.store.engine import Store
from mzdesk.sync.client import SyncClient, SyncFailure, enroll


async def choose_institution(
    store: Store, worker: Worker, *, interactive: bool, first_run: list[str] | None = None
) -> InstitutionView | None:
    """The institution to open; on a first run ``first_run`` receives what was chosen
    ("create", "enrol" or "demo")."""
    institutions = await worker.read(list_institutions, store)
    if not institutions:
        if not interactive:
            return None
        first = FirstRunDialog()

        async def create() -> None:
            if first.choice == "demo":
                # the demo's generator (and what it imports) only when a demo is made
                from mzdesk.services.demo.generate import Scale, generate

                await worker.write(generate, store, Actor.setup(), Scale.SITE, kind=first.demo_kind)
            elif first.choice == "enrol":
                await _enrol(store, worker, first)
            else:
                await worker.write(
                    set_up_institution,
                    store,
                    Actor.setup(),
                    first.institution(),
                    first.administrator(),
                )

        first.submit = create
        if await wait_for(first) != QDialog.DialogCode.Accepted:
            return None
        if first_run is not None and first.choice is not None:
            first_run.append(first.choice)
        institutions = await worker.read(list_institutions, store)
    if len(institutions) == 1 or not interactive:
        return institutions[0]
    chooser = ChooseInstitutionDialog([i.name for i in institutions])
    if await wait_for(chooser) != QDialog.DialogCode.Accepted:
        return None
    name = chooser.names.currentText()
    return next((i for i in institutions if i.name == name), institutions[0])


async def _enrol(store: Store, worker: Worker, dialog: FirstRunDialog) -> None:
    """Join an institution of the central server: enrol, then the first sync brings it."""
    try:
        setup = Actor.setup()  # no users yet: the first sync brings them
        await enroll(
            store,
            setup,
            dialog.server(),
            dialog.enrolCode.text(),
            socket.gethostname(),
            run_blocking=worker.write,  # database work on the one writer, as everywhere
        )
        await SyncClient(store, setup, run_blocking=worker.write_quietly).sync()
    except SyncFailure as failure:
        raise CodedError("sync.enrol_failed", detail=failure.message) from failure


async def log_in(
    store: Store, worker: Worker, institution: InstitutionView
) -> UserView | bool | None:
    """Who is working. ``None`` only while the database has no users at all (being set up);
    ``False`` when the user gave up, or when this institution has no one who may log in
    although the database has users (it is never opened without a login)."""
    users = await worker.read(users_of, store, institution.id)
    if not users:
        if not await worker.read(has_users, store):
            return None
        box = show_error(
            None,
            tr("不能打开"),
            tr("「{name}」没有可以登录的账号，不能打开。请由本机构的管理员添加或启用账号。").format(
                name=institution.name
            ),
        )
        await wait_for(box)
        return False
    dialog = LoginDialog(institution.name, await worker.read(demo_account, store))
    if len(users) == 1:
        dialog.username.setText(users[0].username)
        dialog.password.setFocus()
    result: list[UserView] = []

    async def submit() -> None:
        result.append(
            await worker.write(
                authenticate,
                store,
                institution.id,
                dialog.username.text(),
                dialog.password.text(),
            )
        )

    dialog.submit = submit
    if await wait_for(dialog) != QDialog.DialogCode.Accepted:
        return False
    return result[0]
