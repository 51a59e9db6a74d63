"""历史: who changed a resident's record, when, and each field from what to what.

One table row per changed field (fixed row heights, the one table idiom); the time, the user,
the record and the action are written on an entry's first row only, so entries read as
blocks. Newest first, as ``audit_trail`` returns them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout, QWidget

from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.labels import note
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.history import AuditView, FieldChange, audit_trail
from mzdesk.services.residents import resident_details


def local_time(at: dt.datetime) -> str:
    """The audit's time (UTC, stored without a zone) as the user's local time."""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


# Bookkeeping a person does not read: links to other rows, search keys, ordering.
NOT_SHOWN = frozenset({"sort_order", "name_initials", "search_terms"})


def _shown(change: FieldChange) -> bool:
    if change.field in NOT_SHOWN or change.field.endswith("_id"):
        return False
    return bool(_text(change.old_text) or _text(change.new_text))


def _text(value: str) -> str:
    return "" if value in ("[]", "{}") else value  # an empty list reads as nothing


def history_rows(entries: Sequence[AuditView], resident_id: uuid.UUID) -> list[list[str]]:
    rows: list[list[str]] = []
    for entry in entries:
        if entry.row_id == resident_id:
            record = entry.table_label
        else:  # a contact, a leave, a bed stay, an assessment of the resident
            named = entry.record_label != entry.table_label
            record = f"{entry.table_label}：{entry.record_label}" if named else entry.table_label
        head = [local_time(entry.at), entry.user_name, record, entry.action_label]
        fields = [change for change in entry.fields if _shown(change)]
        if not fields:
            rows.append([*head, "", "", ""])
        for i, change in enumerate(fields):
            shown = head if i == 0 else ["", "", "", ""]
            rows.append([*shown, change.label, _text(change.old_text), _text(change.new_text)])
    return rows


class HistoryDialog(FormDialog):
    """Read-only: a Close button, no submit."""

    def __init__(
        self,
        name: str,
        resident_id: uuid.UUID,
        entries: Sequence[AuditView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("历史：{name}").format(name=name))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                tr(
                    "「{name}」的档案及其联系人、外出、住床与评估记录的每一次修改（最新在前）。"
                ).format(name=name)
            )
        )
        self.table = make_table(
            [tr("时间"), tr("用户"), tr("记录"), tr("操作"), tr("字段"), tr("原值"), tr("新值")]
        )
        rows = history_rows(entries, resident_id)
        self.table.show_rows(rows, tooltip_columns=(5, 6))
        for column, most in ((5, 220), (6, 220)):
            if self.table.columnWidth(column) > most:
                self.table.setColumnWidth(column, most)
        layout.addWidget(self.table, 1)
        if not rows:
            layout.addWidget(note(tr("暂无记录。")))
        layout.addWidget(self.make_error_label())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    async def load(
        cls, ctx: AppContext, resident_id: uuid.UUID, parent: QWidget | None = None
    ) -> HistoryDialog:
        """Read the resident's name and history on the worker, then build the dialog."""
        view, _ = await ctx.worker.read(resident_details, ctx.store, resident_id)
        entries = await ctx.worker.read(audit_trail, ctx.store, related_to=resident_id)
        return cls(view.name, resident_id, entries, parent)
