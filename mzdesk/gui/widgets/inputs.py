"""Shared inputs: vocabulary combos, dates, inline error display."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QWidget

from mzdesk.core.errors import FieldProblem
from mzdesk.core.labels import field_label
from mzdesk.core.vocab import Vocab
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.palette import ERROR_STYLE

V = TypeVar("V", bound=Vocab)


def fill_vocab(
    combo: QComboBox, vocab: type[V], *, empty: str | None = "—", members: Iterable[V] | None = None
) -> None:
    """Items show the label; their data is the member's code (Qt turns a StrEnum into a plain
    str on the way through QVariant, so :func:`vocab_value` turns it back)."""
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for member in members if members is not None else vocab:
        combo.addItem(member.label, member.value)


def vocab_value(combo: QComboBox, vocab: type[V]) -> V | None:
    value = combo.currentData()
    return vocab(value) if isinstance(value, str) and value else None


def select_vocab(combo: QComboBox, value: Vocab | None) -> None:
    index = combo.findData(value.value if value is not None else None)
    combo.setCurrentIndex(max(index, 0))


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def setup_date(edit: QDateEdit, value: dt.date | None = None) -> None:
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setDate(to_qdate(value or dt.date.today()))


def show_problems(
    problems: Iterable[FieldProblem],
    fields: dict[str, QWidget],
    labels: dict[str, str],
    summary: QLabel,
    table: str | None = None,
) -> None:
    """Mark each field that has a problem and list every problem, naming the field by the
    core's one table of labels (``labels`` holds only a form's own exceptions; ``table`` is
    the kind of record the form edits, when a problem does not say)."""
    for widget in fields.values():
        widget.setStyleSheet("")
        widget.setToolTip("")
    lines = []
    for problem in problems:
        key = problem.field.split(".")[0] if problem.field not in fields else problem.field
        marked = fields.get(problem.field) or fields.get(key)
        if marked is not None:
            marked.setStyleSheet(ERROR_STYLE)
            marked.setToolTip(problem.message)
        label = labels.get(problem.field) or labels.get(key)
        if label is None:
            label = field_label(problem.field, problem.table or table)
        lines.append(tr("{label}：{message}").format(label=label, message=problem.message))
    summary.setText("\n".join(lines))


def clear_problems(fields: dict[str, QWidget], summary: QLabel) -> None:
    for widget in fields.values():
        widget.setStyleSheet("")
        widget.setToolTip("")
    summary.setText("")
