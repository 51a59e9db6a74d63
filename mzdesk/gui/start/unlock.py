"""The login before anything is read (an encrypted database with users): the login dialog,
the recovery key behind its link, and ``--screenshot``'s login."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QDialog

from mzdesk.gui.start.dialogs import LoginDialog
from mzdesk.gui.start.opener import Opener, Unlocked, demo_hint
from mzdesk.gui.start.recovery import recover
from mzdesk.gui.widgets.dialog import wait_for


async def unlock_and_log_in(opener: Opener) -> Unlocked | None:
    """The login dialog before anything is read. None when the user gives up (the store, if
    a password opened it, stays with ``opener`` to be closed)."""
    dialog = LoginDialog(opener.db_path.name, demo_hint(opener.db_path), recovery=True)
    result: list[Unlocked] = []

    async def submit() -> None:
        result.append(await opener.log_in(dialog.username.text(), dialog.password.text()))

    async def use_recovery_key() -> None:
        dialog.hide()
        recovered = await recover(opener)
        if recovered is not None:
            result.append(recovered)
            QDialog.accept(dialog)
        else:
            dialog.show()

    dialog.submit = submit
    dialog.recover = use_recovery_key
    if await wait_for(dialog) != QDialog.DialogCode.Accepted or not result:
        return None
    return result[0]


async def screenshot_unlock(opener: Opener) -> Unlocked:
    """``--screenshot`` on an encrypted database logs in as MZDESK_USER / MZDESK_PASSWORD, or
    as the demo account the slot file names."""
    hint = demo_hint(opener.db_path)
    username = os.environ.get("MZDESK_USER") or (hint[0] if hint else "")
    password = os.environ.get("MZDESK_PASSWORD") or (hint[1] if hint else "")
    return await opener.log_in(username, password)
