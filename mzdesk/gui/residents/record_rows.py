"""The rows of a resident's record as the dialog shows them: the events in date order, and
the change history (one row per changed field; ID numbers masked until revealed)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from mzdesk.core.identifiers import mask_id_number
from mzdesk.gui.runtime.i18n import QT_TR_NOOP, tr
from mzdesk.services.history import AuditView, FieldChange
from mzdesk.services.resident_record import EventKind, RecordEvent

EVENT_TITLES = {
    EventKind.ADMISSION: QT_TR_NOOP("入住"),
    EventKind.TRANSFER: QT_TR_NOOP("换床"),
    EventKind.LEAVE: QT_TR_NOOP("外出"),
    EventKind.ASSESSMENT: QT_TR_NOOP("能力评估"),
    EventKind.DISCHARGE: QT_TR_NOOP("退住"),
}
# Bookkeeping a person does not read: links to other rows, search keys, ordering.
NOT_SHOWN = frozenset({"sort_order", "name_initials", "search_terms"})
MASKED = frozenset({"id_number"})


def local_time(at: dt.datetime) -> str:
    """The audit's time (UTC, stored without a zone) as the user's local time."""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def leave_span(event: RecordEvent) -> str:
    if event.end is None:
        return tr("{start} 起，尚未返回").format(start=event.on.isoformat())
    return tr("{start} 至 {end}").format(start=event.on.isoformat(), end=event.end.isoformat())


def event_detail(event: RecordEvent) -> str:
    if event.kind is EventKind.ADMISSION:
        return tr("床位 {bed}").format(bed=event.bed) if event.bed else tr("未分配床位")
    if event.kind is EventKind.TRANSFER:
        return tr("换到 {bed}").format(bed=event.bed or "")
    if event.kind is EventKind.LEAVE:
        return tr("；").join(t for t in (leave_span(event), event.note) if t)
    if event.kind is EventKind.ASSESSMENT:
        return tr("{level}（总分 {total}，{reason}）").format(
            level=event.level.label if event.level else "",
            total=event.total,
            reason=event.assessment_reason.label if event.assessment_reason else "",
        )
    reason = event.discharge_reason.label if event.discharge_reason else ""
    return tr("；").join(t for t in (reason, event.note) if t)


def event_rows(events: Sequence[RecordEvent]) -> list[list[str]]:
    return [[e.on.isoformat(), tr(EVENT_TITLES[e.kind]), event_detail(e)] for e in events]


def _text(change: FieldChange, value: str, revealed: bool) -> str:
    if value in ("[]", "{}"):
        return ""  # an empty list reads as nothing
    if change.field in MASKED and value and not revealed:
        return mask_id_number(value)
    return value


def _shown(change: FieldChange) -> bool:
    if change.field in NOT_SHOWN or change.field.endswith("_id"):
        return False
    return bool(_text(change, change.old_text, True) or _text(change, change.new_text, True))


def history_rows(
    entries: Sequence[AuditView], resident_id: uuid.UUID, *, revealed: bool = False
) -> list[list[str]]:
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
            old = _text(change, change.old_text, revealed)
            new = _text(change, change.new_text, revealed)
            rows.append([*shown, change.label, old, new])
    return rows
