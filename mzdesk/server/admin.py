"""Administration of the central server: institutions, enrolment codes and devices."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from mzdesk.core.ids import new_id
from mzdesk.core.labels import field_label
from mzdesk.server.auth import find_device, hash_secret
from mzdesk.server.db import ServerDB
from mzdesk.server.errors import SyncError
from mzdesk.server.models import Change, Device, Enrollment, InstitutionIndex, Record, utcnow
from mzdesk.server.revisions import Revisions
from mzdesk.store.values import from_json, synced_columns

ENROLLMENT_DAYS = 14
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def _defaults(table: str) -> dict[str, Any]:
    now = utcnow().isoformat(timespec="microseconds")
    values: dict[str, Any] = {}
    for key, column in synced_columns(table).items():
        default: Any = column.default
        if default is not None and default.is_scalar:
            arg = default.arg
            values[key] = getattr(arg, "value", arg)
        elif key in ("created_at",):
            values[key] = now
        elif default is not None and default.is_callable and key not in ("id",):
            produced = default.arg(None)
            values[key] = produced if isinstance(produced, list | dict) else None
        else:
            values[key] = None
    return values


def add_institution(
    db: ServerDB, name: str, kind: str, region_code: str | None = None
) -> uuid.UUID:
    """Create an institution on the server; devices enrolled for it receive it on sync."""
    name = name.strip()
    if not name:
        raise SyncError(400, "invalid", "the institution needs a name", key="field.required")
    columns = synced_columns("institutions")
    with db.transaction() as session:
        if session.scalar(select(InstitutionIndex).where(InstitutionIndex.name == name)):
            raise SyncError(
                409,
                "duplicate",
                f"an institution named {name} already exists",
                key="institution.duplicate_name",
                name=name,
            )
        inst_id = new_id()
        data = _defaults("institutions")
        data.update(
            id=str(inst_id),
            institution_id=str(inst_id),
            name=name,
            kind=kind,
            region_code=region_code,
        )
        for key, value in data.items():
            try:
                from_json(columns[key], value)
            except ValueError as error:
                raise SyncError(
                    400,
                    "invalid",
                    str(error),
                    key="sync.rejected.bad_value",
                    field=field_label(key, "institutions"),
                ) from error
        rev = Revisions(session).next()
        session.add(
            Record(
                id=inst_id,
                table_name="institutions",
                institution_id=inst_id,
                data=data,
                field_revs=dict.fromkeys(data, rev),
                field_devices={},
                field_meta={},
                rev=rev,
                deleted=False,
            )
        )
        session.add(InstitutionIndex(id=inst_id, name=name, kind=kind, region_code=region_code))
    return inst_id


def create_enrollment(
    db: ServerDB, *, institution: str | None = None, region: str | None = None
) -> str:
    """A one-time code for one institution (by name) or for every institution of a region."""
    if (institution is None) == (region is None):
        raise SyncError(
            400,
            "invalid",
            "give an institution or a region, not both",
            key="sync.invalid.one_scope",
        )
    code = "-".join("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(4))
    with db.transaction() as session:
        ids: list[str] = []
        if institution is not None:
            found = session.scalar(
                select(InstitutionIndex).where(InstitutionIndex.name == institution.strip())
            )
            if found is None:
                raise SyncError(
                    404,
                    "not_found",
                    f"no institution named {institution}",
                    key="sync.not_found.institution",
                    name=institution,
                )
            ids = [str(found.id)]
        session.add(
            Enrollment(
                id=new_id(),
                code_hash=hash_secret(code.replace("-", "")),
                institution_ids=ids,
                region_prefix=region,
                expires_at=utcnow() + dt.timedelta(days=ENROLLMENT_DAYS),
            )
        )
    return code


@dataclass(frozen=True)
class DeviceInfo:
    id: uuid.UUID
    name: str
    scope: str
    enrolled_at: dt.datetime
    last_seen_at: dt.datetime | None
    revoked: bool


def list_devices(db: ServerDB) -> list[DeviceInfo]:
    with db.transaction() as session:
        names = {i.id: i.name for i in session.scalars(select(InstitutionIndex))}
        devices = []
        for d in session.scalars(select(Device).order_by(Device.enrolled_at)):
            scope = (
                f"region {d.region_prefix}"
                if d.region_prefix
                else ", ".join(names.get(uuid.UUID(i), i) for i in d.institution_ids)
            )
            devices.append(
                DeviceInfo(
                    d.id, d.name, scope, d.enrolled_at, d.last_seen_at, d.revoked_at is not None
                )
            )
        return devices


def revoke(db: ServerDB, device_id: str) -> None:
    with db.transaction() as session:
        device = find_device(session, device_id)
        if device.revoked_at is None:
            device.revoked_at = utcnow()


def counts(db: ServerDB) -> dict[str, int]:
    with db.transaction() as session:
        return {
            "records": session.scalar(select(func.count()).select_from(Record)) or 0,
            "changes": session.scalar(select(func.count()).select_from(Change)) or 0,
            "devices": session.scalar(select(func.count()).select_from(Device)) or 0,
        }
