"""The one dialog base: OK checks, then runs the async ``submit`` on the worker; problems are
shown inline and keep the dialog open with what was typed; only success closes it.

Layout lives in ui/*.ui (compiled to forms/) or is built in code; behaviour lives in the
feature's dialog module, which derives from :class:`FormDialog`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from mzdesk.core.errors import FieldProblem, MzdeskError, ValidationError
from mzdesk.gui.runtime.tasks import spawn
from mzdesk.gui.widgets.inputs import clear_problems, show_problems
from mzdesk.gui.widgets.palette import ERROR_TEXT

Submit = Callable[[], Awaitable[None]]


class Refusal(Exception):
    """Raised by ``check()`` or ``submit`` for a problem that is no one field's: the text is
    shown under the form and the dialog stays open."""


class FormDialog(QDialog):
    """OK runs ``check()`` and then ``submit``; a :class:`ValidationError` marks the named
    fields, a :class:`Refusal` or :class:`MzdeskError` is shown in ``error_label``, and
    anything unexpected reaches the error hook (log and dialog) instead of vanishing."""

    error_label: QLabel
    fields: dict[str, QWidget]
    # A field is named by the core's field_label(key, table); ``labels`` lists only this
    # form's exceptions (a prompt that says more than the field's own label).
    labels: dict[str, str]
    record_table: str | None = None  # the kind of record the form edits

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit: Submit | None = None
        self.fields = {}
        self.labels = {}
        self._task: asyncio.Future[None] | None = None

    # -- building ----------------------------------------------------------------------------
    def make_error_label(self) -> QLabel:
        """The red line under the form where problems are listed."""
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_TEXT)
        self.error_label.setWordWrap(True)
        return self.error_label

    def make_buttons(self, ok_text: str | None = None) -> QDialogButtonBox:
        """OK (or ``ok_text``) and Cancel, wired to accept and reject."""
        buttons = QDialogButtonBox()
        if ok_text is None:
            self.ok_button = buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        else:
            self.ok_button = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    # -- submitting --------------------------------------------------------------------------
    def accept(self) -> None:
        if self._task is not None and not self._task.done():
            return  # already submitting: a double click must not write twice
        try:
            self.check()
        except ValidationError as error:
            self.show_problems(error.problems)
            return
        except Refusal as refusal:
            self.error_label.setText(str(refusal))
            return
        if self.submit is None:
            super().accept()
            return
        self._task = spawn(self._run_submit(self.submit))

    async def _run_submit(self, submit: Submit) -> None:
        self.setEnabled(False)
        try:
            await submit()
        except ValidationError as error:
            self.show_problems(error.problems)
            return
        except (MzdeskError, Refusal) as error:
            self.error_label.setText(str(error))
            return
        finally:
            self.setEnabled(True)
        QDialog.accept(self)

    def check(self) -> None:
        """Pure, instant checks before calling the service (override)."""

    def show_problems(self, problems: Sequence[FieldProblem]) -> None:
        show_problems(problems, self.fields, self.labels, self.error_label, self.record_table)

    def clear_problems(self) -> None:
        clear_problems(self.fields, self.error_label)


async def wait_for(dialog: QDialog) -> int:
    """Show ``dialog`` without blocking the event loop and wait for its result."""
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def finished(code: int) -> None:
        if not future.done():
            future.set_result(code)

    dialog.finished.connect(finished)
    dialog.open()
    return await future
