"""历史: who changed a worker's record (with certificates and attendance) or a session (with
its attendance), when, and each field from what to what — newest first, one table row per
changed field, the time, user, record and action on an entry's first row only."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.labels import note
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.history import AuditView, FieldChange, audit_trail

# Bookkeeping a person does not read: links, search keys, ordering, the signed code.
NOT_SHOWN = frozenset({"sort_order", "name_initials", "search_terms", "payload"})


def local_time(at: dt.datetime) -> str:
    """The audit's time (UTC, stored without a zone) as the user's local time."""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def _when(text: str) -> str:
    try:
        return local_time(dt.datetime.fromisoformat(text)) if text else ""
    except ValueError:
        return text


def _shown(change: FieldChange) -> bool:
    if change.field in NOT_SHOWN or change.field.endswith("_id"):
        return False
    return bool(change.old_text or change.new_text)


def history_rows(entries: Sequence[AuditView], record_id: uuid.UUID) -> list[list[str]]:
    rows: list[list[str]] = []
    for entry in entries:
        named = entry.row_id != record_id and entry.record_label != entry.table_label
        record = f"{entry.table_label}：{entry.record_label}" if named else entry.table_label
        head = [local_time(entry.at), entry.user_name, record, entry.action_label]
        fields = [change for change in entry.fields if _shown(change)]
        if not fields:
            rows.append([*head, "", "", ""])
        for i, change in enumerate(fields):
            shown = head if i == 0 else ["", "", "", ""]
            old, new = change.old_text, change.new_text
            if change.field == "deleted_at":  # when it was removed, as a local time
                old, new = _when(old), _when(new)
            rows.append([*shown, change.label, old, new])
    return rows


class HistoryDialog(QDialog):
    def __init__(
        self,
        title: str,
        record_id: uuid.UUID,
        entries: Sequence[AuditView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("历史：{name}").format(name=title))
        self.resize(920, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(tr("「{name}」及其相关记录的每一次修改（最新在前）。").format(name=title))
        )
        self.table = make_table(
            [tr("时间"), tr("用户"), tr("记录"), tr("操作"), tr("字段"), tr("原值"), tr("新值")]
        )
        self.rows = history_rows(entries, record_id)
        self.table.show_rows(self.rows, tooltip_columns=(2, 5, 6))
        for column, most in ((2, 220), (5, 200), (6, 200)):
            if self.table.columnWidth(column) > most:
                self.table.setColumnWidth(column, most)
        layout.addWidget(self.table, 1)
        if not self.rows:
            layout.addWidget(note(tr("暂无记录。")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    async def load(
        cls, ctx: AppContext, title: str, record_id: uuid.UUID, parent: QWidget | None = None
    ) -> HistoryDialog:
        entries = await ctx.worker.read(audit_trail, ctx.store, related_to=record_id)
        return cls(title, record_id, entries, parent)
