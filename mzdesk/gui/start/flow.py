"""Before the main window: first run (create, join or demo), choose an institution, log in."""

from __future__ import annotations

import socket

from PySide6.QtWidgets import QDialog

from mzdesk.core.errors import CodedError
from mzdesk.core.vocab import UserRole
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.start.dialogs import ChooseInstitutionDialog, FirstRunDialog, LoginDialog
from mzdesk.gui.widgets.dialog import wait_for
from mzdesk.services.demo import Scale, generate
from mzdesk.services.institutions import (
    add_institution,
    authenticate,
    create_user,
    list_institutions,
    users_of,
)
from mzdesk.services.views import InstitutionView, UserView
from mzdesk.store.engine import Store
from mzdesk.sync.client import SyncClient, SyncFailure, enroll


async def choose_institution(
    store: Store, worker: Worker, *, interactive: bool
) -> InstitutionView | None:
    institutions = await worker.read(list_institutions, store)
    if not institutions:
        if not interactive:
            return None
        first = FirstRunDialog()

        async def create() -> None:
            if first.choice == "demo":
                await worker.write(generate, store, Scale.SITE)
            elif first.choice == "enrol":
                await _enrol(store, first)
            else:
                await worker.write(_create, store, first)

        first.submit = create
        if await wait_for(first) != QDialog.DialogCode.Accepted:
            return None
        institutions = await worker.read(list_institutions, store)
    if len(institutions) == 1 or not interactive:
        return institutions[0]
    chooser = ChooseInstitutionDialog([i.name for i in institutions])
    if await wait_for(chooser) != QDialog.DialogCode.Accepted:
        return None
    name = chooser.names.currentText()
    return next((i for i in institutions if i.name == name), institutions[0])


async def _enrol(store: Store, dialog: FirstRunDialog) -> None:
    """Join an institution of the central server: enrol, then the first sync brings it."""
    try:
        await enroll(store, dialog.server(), dialog.enrolCode.text(), socket.gethostname())
        await SyncClient(store).sync()
    except SyncFailure as failure:
        raise CodedError("sync.enrol_failed", detail=failure.message) from failure


def _create(store: Store, dialog: FirstRunDialog) -> None:
    """The institution and its administrator in one transaction."""
    with store.write() as session:
        institution = add_institution(session, dialog.institution())
        institution_id = institution.id
    create_user(
        store,
        institution_id,
        dialog.adminName.text(),
        dialog.adminName.text(),
        dialog.adminPassword.text(),
        UserRole.ADMIN,
    )


async def log_in(
    store: Store, worker: Worker, institution: InstitutionView
) -> UserView | bool | None:
    """A login when the institution has users; ``False`` when the user gave up."""
    users = await worker.read(users_of, store, institution.id)
    if not users:
        return None
    dialog = LoginDialog(institution.name)
    if len(users) == 1:
        dialog.username.setText(users[0].username)
        dialog.password.setFocus()
    result: list[UserView] = []

    async def submit() -> None:
        result.append(
            await worker.read(authenticate, store, dialog.username.text(), dialog.password.text())
        )

    dialog.submit = submit
    if await wait_for(dialog) != QDialog.DialogCode.Accepted:
        return False
    return result[0]
