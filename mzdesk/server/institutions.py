"""Institutions on the server: identity is by id, never by name.

- Only the server's administrator creates an institution or changes what identifies it
  (``mzdesk server add-institution`` / ``set-institution``): its name, kind, region code
  (which decides the bureaus that see it), 统一社会信用代码 and its tombstone. A device may change
  only the particulars a home owns (:data:`HOME_OWNED_FIELDS`) of an institution in its
  scope; :func:`institution_refusal` says why any other change is refused.
- The administrator names an institution by its id, its 统一社会信用代码, or its exact name only
  when no other institution has it (:func:`select_institution`).
- Accounts (``users`` rows, with their password hashes) belong to the home: only devices
  enrolled for that institution itself write them or receive them (:func:`for_device`); a
  bureau's laptop, which sees a district's homes through its region, gets neither.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.children import NOT_FOR_BUREAU, PRIVATE_FIELDS, WITHHELD_FROM_BUREAU
from mzdesk.core.identifiers import normalise_code
from mzdesk.server.errors import SyncError
from mzdesk.server.models import CONFLICTS, Device, InstitutionIndex, Record
from mzdesk.store.models.institutions import HOME_OWNED_FIELDS

ACCOUNTS = "users"  # the table whose rows hold password hashes


@dataclass(frozen=True)
class Refusal:
    """Why a change is refused: a stable ``code``, English ``message``, what it names."""

    code: str
    message: str
    params: dict[str, str] = field(default_factory=dict)


def identity_refusal(
    device: Device,
    scope: set[uuid.UUID],
    table: str,
    institution_id: uuid.UUID,
    data: Mapping[str, Any],
    record: Record | None,
) -> Refusal | None:
    """Why a device may not make this change to an ``institutions`` or ``users`` row, or
    None. ``record`` is the server's row (None when it is new). Called before the generic
    scope checks, so it leaves to them whatever is out of scope or mismatched."""
    if table == "institutions":
        if record is None:  # whatever its ids say: only the administrator adds institutions
            return Refusal(
                "institution_not_created",
                "institutions are created only by the server's administrator",
            )
        if (
            institution_id not in scope
            or record.table_name != table
            or record.institution_id != institution_id
        ):
            return None
        locked = sorted(
            key
            for key, value in data.items()
            if key not in HOME_OWNED_FIELDS and value != record.data.get(key)
        )
        if locked:
            return Refusal(
                "institution_field_locked",
                "only the server's administrator may change these fields of an institution: "
                + ", ".join(locked),
                {"fields": ",".join(locked)},
            )
    if (
        table == ACCOUNTS
        and institution_id in scope
        and str(institution_id) not in device.institution_ids
    ):
        return Refusal(
            "accounts_home_only",
            "a home's accounts are changed only on devices enrolled for that home",
        )
    return None


def for_device(device: Device, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Feed items (a pull page, a bundle, an enrolment file) as this device may receive them:
    accounts, and conflict records about accounts (which hold password hashes), only for the
    institutions the device is enrolled for by name — a home's own PCs — never for those it
    sees through a region. The bureau's laptop does not log in as a home's staff, so it has
    no use for their accounts (see docs/sync-protocol.md, "Accounts and the trust model").

    Nor for children's private details (core/children.py: WITHHELD_FROM_BUREAU): through a
    region, a child's record arrives without its identity details, its path without the
    birth family and the placement families, and neither intake documents nor contacts
    arrive at all; the bureau gets what its figures need."""
    own = set(device.institution_ids)
    shown = []
    for item in items:
        if item["institution_id"] in own:
            shown.append(item)
        elif not _is_account(item) and not _withheld(item):
            shown.append(_redacted(item))
    return shown


def _withheld(item: Mapping[str, Any]) -> bool:
    table = item["table"]
    data = item.get("data") or {}
    if table == CONFLICTS:  # a conflict holds both sides' values of the field
        about = data.get("table")
        return about in NOT_FOR_BUREAU or about in WITHHELD_FROM_BUREAU
    if table in NOT_FOR_BUREAU:
        return True
    # an intake document, or a file of a placement
    return table == "attachments" and data.get("owner_table") in PRIVATE_FIELDS


def _redacted(item: dict[str, Any]) -> dict[str, Any]:
    table = item["table"]
    data = item.get("data")
    hidden = WITHHELD_FROM_BUREAU.get(table)
    if not hidden or not isinstance(data, dict):
        return item
    if table == "residents" and data.get("kind") != "child":
        return item
    return {**item, "data": {k: v for k, v in data.items() if k not in hidden}}


def _is_account(item: Mapping[str, Any]) -> bool:
    if item["table"] == ACCOUNTS:
        return True
    return item["table"] == CONFLICTS and (item.get("data") or {}).get("table") == ACCOUNTS


def index_institution(session: Session, record: Record) -> None:
    """Keep the institution's row of ``institution_index`` (selection, region scoping)."""
    row = session.get(InstitutionIndex, record.id)
    if row is None:
        row = InstitutionIndex(id=record.id, name="")
        session.add(row)
    row.name = str(record.data.get("name") or "")
    row.kind = record.data.get("kind")
    row.region_code = record.data.get("region_code")
    row.uscc = record.data.get("uscc")


def select_institution(session: Session, reference: str) -> InstitutionIndex:
    """The one institution ``reference`` names: its id, its 统一社会信用代码, or its exact name
    when no other institution has that name (an ambiguous name is refused, listing the
    candidates so the administrator can give an id or a code)."""
    wanted = reference.strip()
    try:
        by_id: InstitutionIndex | None = session.get(InstitutionIndex, uuid.UUID(wanted))
    except ValueError:
        pass
    else:
        if by_id is None:
            raise _not_found(wanted)
        return by_id
    code = normalise_code(wanted)
    if len(code) == 18:
        by_code = session.scalar(select(InstitutionIndex).where(InstitutionIndex.uscc == code))
        if by_code is not None:
            return by_code
    named = session.scalars(
        select(InstitutionIndex)
        .where(InstitutionIndex.name == wanted)
        .order_by(InstitutionIndex.region_code, InstitutionIndex.id)
    ).all()
    if not named:
        raise _not_found(wanted)
    if len(named) > 1:
        candidates = "\n".join(
            f"  {i.id}  {i.region_code or '-'}  {i.kind or '-'}  {i.uscc or '-'}" for i in named
        )
        raise SyncError(
            409,
            "ambiguous",
            f"{len(named)} institutions are named {wanted}; give an id or a credit code:\n"
            + candidates,
            key="sync.ambiguous.institution",
            name=wanted,
            count=len(named),
            candidates=candidates,
        )
    return named[0]


def _not_found(reference: str) -> SyncError:
    return SyncError(
        404,
        "not_found",
        f"no institution {reference}",
        key="sync.not_found.institution",
        name=reference,
    )
