"""The base of the children's dialogs (接收 and the steps of a child's path): a form built
in code whose rows are named by the core's field labels (the same words its errors use), and
that asks before a half-filled form is discarded."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from mzdesk.core.dates import parse_date
from mzdesk.core.labels import field_label
from mzdesk.core.vocab import Vocab
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.ask import discard_box
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.inputs import fill_vocab, from_qdate, setup_date, vocab_value

V = TypeVar("V", bound=Vocab)


def text_or_none(widget: QLineEdit | QPlainTextEdit) -> str | None:
    value = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    return value.strip() or None


class ChildForm(FormDialog):
    """Rows are added with the ``add_*`` helpers into ``form``; each is registered in
    ``fields`` under its service field name so that a problem is shown at its field."""

    def __init__(self, title: str, table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.record_table = table
        self.rows: dict[str, QLabel] = {}
        self._asking: QMessageBox | None = None
        self._as_opened: tuple[object, ...] | None = None

    # -- building ----------------------------------------------------------------------------
    def _row(self, form: QFormLayout, key: str, widget: QWidget, label: str | None) -> None:
        caption = QLabel(label or field_label(key, self.record_table))
        form.addRow(caption, widget)
        self.rows[key] = caption
        self.fields[key] = widget

    def add_date(
        self, form: QFormLayout, key: str, value: dt.date | None = None, label: str | None = None
    ) -> QDateEdit:
        edit = QDateEdit()
        setup_date(edit, value)
        self._row(form, key, edit, label)
        return edit

    def add_optional_date(self, form: QFormLayout, key: str, label: str | None = None) -> QLineEdit:
        """A date that may stay empty (yyyy-MM-dd typed)."""
        edit = QLineEdit()
        edit.setPlaceholderText(tr("yyyy-MM-dd，可不填"))
        self._row(form, key, edit, label)
        return edit

    def add_line(
        self, form: QFormLayout, key: str, label: str | None = None, max_len: int = 200
    ) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(max_len)
        self._row(form, key, edit, label)
        return edit

    def add_text(self, form: QFormLayout, key: str, label: str | None = None) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(56)
        self._row(form, key, edit, label)
        return edit

    def add_vocab(
        self,
        form: QFormLayout,
        key: str,
        vocab: type[V],
        members: list[V] | None = None,
        *,
        empty: str | None = None,
        label: str | None = None,
    ) -> QComboBox:
        combo = QComboBox()
        fill_vocab(combo, vocab, empty=empty, members=members)
        self._row(form, key, combo, label)
        return combo

    def add_days(self, form: QFormLayout, key: str, value: int, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        self._row(form, key, spin, None)
        return spin

    def show_row(self, key: str, shown: bool) -> None:
        self.rows[key].setVisible(shown)
        self.fields[key].setVisible(shown)

    # -- reading -----------------------------------------------------------------------------
    @staticmethod
    def date_of(edit: QDateEdit) -> dt.date:
        return from_qdate(edit.date())

    @staticmethod
    def optional_date(edit: QLineEdit, key: str) -> dt.date | None:
        """The typed date or None; a ValidationError naming ``key`` when it is not a date."""
        typed = edit.text().strip()
        return parse_date(typed, field=key) if typed else None

    @staticmethod
    def vocab_of(combo: QComboBox, vocab: type[V]) -> V | None:
        return vocab_value(combo, vocab)

    # -- leaving a half-filled form ----------------------------------------------------------
    def typed(self) -> tuple[object, ...]:
        """What the user has entered (the dialog asks before losing a change to it)."""
        return (
            tuple(w.text() for w in self.findChildren(QLineEdit)),
            tuple(w.toPlainText() for w in self.findChildren(QPlainTextEdit)),
            tuple(c.currentIndex() for c in self.findChildren(QComboBox)),
        )

    def showEvent(self, event: object) -> None:
        if self._as_opened is None:
            self._as_opened = self.typed()
        super().showEvent(event)  # type: ignore[arg-type]

    def reject(self) -> None:
        """Esc, 取消 or closing the window: when something was typed, ask first."""
        if self._as_opened is None or self.typed() == self._as_opened:
            super().reject()
            return
        if self._asking is not None:
            return
        box = discard_box(self)
        box.finished.connect(self._answered)
        self._asking = box
        box.open()

    def _answered(self, code: int) -> None:
        self._asking = None
        if code == QMessageBox.StandardButton.Yes.value:
            super().reject()
