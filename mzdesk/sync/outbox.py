"""The device's outgoing changes: batches of the outbox as wire changes, the server's
outcomes recorded against them (rejected ones quarantined), and pruning acknowledged ones."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mzdesk.core.i18n import MESSAGES, current_language, text
from mzdesk.core.labels import field_label, table_label
from mzdesk.core.permissions import Actor
from mzdesk.store.engine import Store
from mzdesk.store.models import OutboxEntry, utcnow
from mzdesk.store.outbox import UNSENT

KEEP_ACKED = dt.timedelta(days=30)


def outbox_batch(store: Store, limit: int) -> list[dict[str, Any]]:
    """The oldest unsent changes, in the order they were made, as wire changes."""
    with store.read() as session:
        rows = session.scalars(
            select(OutboxEntry)
            .where(OutboxEntry.state.in_(UNSENT))
            .order_by(OutboxEntry.seq)
            .limit(limit)
        ).all()
        return [wire_change(row) for row in rows]


def wire_change(row: OutboxEntry) -> dict[str, Any]:
    return {
        "change_id": str(row.change_id),
        "table": row.table_name,
        "row_id": str(row.row_id),
        "institution_id": str(row.institution_id),
        "op": row.op,
        "data": row.data,
        "base_rev": row.base_rev,
        "made_at": row.created_at.isoformat(timespec="seconds") + "Z",
        "author": str(row.author_id) if row.author_id else None,
    }


def rejection_text(result: dict[str, Any], table: str | None = None) -> str:
    """The server's reason in the user's language (by its code), else as the server said it.
    A ``fields`` parameter (field names, comma-separated) is shown as the fields' labels."""
    code = result.get("reason_code")
    params = {k: str(v) for k, v in (result.get("reason_params") or {}).items()}
    if table and "fields" in params:
        separator = "、" if current_language() == "zh" else ", "
        params["fields"] = separator.join(
            field_label(name, table) for name in params["fields"].split(",") if name
        )
    if "table" in params:
        params["table"] = table_label(params["table"])
    key = f"sync.rejected.{code}"
    if code and key in MESSAGES:
        try:
            return text(key, **params)
        except (KeyError, IndexError):
            pass
    return str(result.get("reason") or text("sync.rejected.unknown"))


def prune_outbox(store: Store) -> None:
    """Acknowledged changes are the server's now; keep a month of them for diagnosis, then
    let them go. Pending and quarantined changes are never removed."""
    with store.write(Actor.system()) as session:
        session.execute(
            delete(OutboxEntry).where(
                OutboxEntry.state == "acked", OutboxEntry.created_at < utcnow() - KEEP_ACKED
            )
        )


def record_outcomes(session: Session, results: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Acknowledged changes are done; rejected ones are quarantined with the server's reason
    (kept, shown, fixable — never dropped and never rolled back)."""
    counts: dict[str, int] = {}
    wanted: dict[uuid.UUID, dict[str, Any]] = {}
    for result in results:
        try:
            wanted[uuid.UUID(str(result.get("change_id")))] = result
        except ValueError:
            continue
    entries = {
        e.change_id: e
        for chunk in range(0, len(wanted), 500)
        for e in session.scalars(
            select(OutboxEntry).where(OutboxEntry.change_id.in_(list(wanted)[chunk : chunk + 500]))
        )
    }
    for change_id, result in wanted.items():
        status = result.get("status")
        entry = entries.get(change_id)
        if entry is None or entry.state in ("acked", "discarded"):
            continue
        if status in ("applied", "conflict"):
            entry.state = "acked"
            entry.error = None
        elif status == "rejected":
            entry.state = "quarantined"
            entry.error = rejection_text(result, entry.table_name)
        else:
            continue
        counts[str(status)] = counts.get(str(status), 0) + 1
    return counts
