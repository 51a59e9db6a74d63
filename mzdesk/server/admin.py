"""Administration of the central server: institutions, enrolment codes and devices."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from mzdesk.core.errors import ValidationError
from mzdesk.core.identifiers import check_uscc
from mzdesk.core.ids import new_id
from mzdesk.core.labels import field_label
from mzdesk.server.auth import find_device, hash_secret
from mzdesk.server.db import ServerDB
from mzdesk.server.errors import SyncError
from mzdesk.server.institutions import index_institution, select_institution
from mzdesk.server.models import Change, Device, Enrollment, InstitutionIndex, Record, utcnow
from mzdesk.server.revisions import Revisions
from mzdesk.store.values import character_problems, from_json, synced_columns

ENROLLMENT_DAYS = 14
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
_INSTITUTIONS_LOCK = 0x6D7A_0010_1DE7  # advisory lock: adding or renaming institutions


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


def _credit_code(raw: str | None) -> str | None:
    """A 统一社会信用代码, checked and normalised (None when not given)."""
    if raw is None or not raw.strip():
        return None
    try:
        return check_uscc(raw)
    except ValidationError as error:
        problem = error.problems[0]
        raise SyncError(
            400, "invalid", f"invalid credit code {raw}", key=problem.code, **problem.params
        ) from error


def _refuse_taken(
    session: Session, inst_id: uuid.UUID | None, name: str | None, code: str | None
) -> None:
    """An institution's name and credit code are its own: refuse one another has. On
    PostgreSQL the check and the write that follows are serialised by a transaction-level
    advisory lock, so two administrators adding the same name at once cannot both pass
    (SQLite transactions already take the write lock when they begin)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _INSTITUTIONS_LOCK})
    others = select(InstitutionIndex).where(InstitutionIndex.id != inst_id)
    if name is not None and session.scalar(others.where(InstitutionIndex.name == name)):
        raise SyncError(
            409,
            "duplicate",
            f"an institution named {name} already exists",
            key="institution.duplicate_name",
            name=name,
        )
    if code is not None and session.scalar(others.where(InstitutionIndex.uscc == code)):
        raise SyncError(
            409,
            "duplicate",
            f"another institution has the credit code {code}",
            key="institution.duplicate_uscc",
            credit_code=code,
        )


def _checked(data: dict[str, Any]) -> None:
    columns = synced_columns("institutions")
    for problem in character_problems("institutions", data):  # docs/data-rules.md
        raise SyncError(
            400,
            "invalid",
            f"{problem.field}: holds {problem.params['char']}",
            key="text.invisible_in",
            field=field_label(problem.field, "institutions"),
            char=str(problem.params["char"]),
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


def add_institution(
    db: ServerDB,
    name: str,
    kind: str,
    region_code: str | None = None,
    *,
    credit_code: str | None = None,
) -> uuid.UUID:
    """Create an institution on the server; devices enrolled for it receive it on sync.
    Its name and its 统一社会信用代码 (optional) must not be another institution's."""
    name = name.strip()
    if not name:
        raise SyncError(400, "invalid", "the institution needs a name", key="field.required")
    code = _credit_code(credit_code)
    with db.transaction() as session:
        _refuse_taken(session, None, name, code)
        inst_id = new_id()
        data = _defaults("institutions")
        data.update(
            id=str(inst_id),
            institution_id=str(inst_id),
            name=name,
            kind=kind,
            region_code=region_code,
            uscc=code,
        )
        _checked(data)
        rev = Revisions(session).next()
        record = Record(
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
        session.add(record)
        index_institution(session, record)
    return inst_id


def set_institution(
    db: ServerDB,
    reference: str,
    *,
    name: str | None = None,
    kind: str | None = None,
    region_code: str | None = None,
    credit_code: str | None = None,
) -> uuid.UUID:
    """Change what identifies an institution (the administrator's alone: devices cannot):
    rename it, change its kind, region code or 统一社会信用代码. The change reaches its devices
    on their next sync like any other; a region code decides which bureaus see it."""
    name = name.strip() if name is not None else None
    if name == "":
        raise SyncError(400, "invalid", "the institution needs a name", key="field.required")
    code = _credit_code(credit_code)
    with db.transaction() as session:
        found = select_institution(session, reference)
        _refuse_taken(session, found.id, name, code)
        record = session.get(Record, found.id)
        assert record is not None
        wanted = {"name": name, "kind": kind, "region_code": region_code, "uscc": code}
        changes = {
            key: value
            for key, value in wanted.items()
            if value is not None and value != record.data.get(key)
        }
        if not changes:
            return found.id
        _checked(changes)
        rev = Revisions(session).next()
        field_revs = dict(record.field_revs)
        field_devices = dict(record.field_devices)
        field_meta = dict(record.field_meta)
        for key in changes:
            field_revs[key] = rev
            field_devices.pop(key, None)  # written by the administrator, not by a device
            field_meta[key] = {"at": utcnow().isoformat(timespec="seconds") + "Z"}
        record.data = {**record.data, **changes}
        record.field_revs = field_revs
        record.field_devices = field_devices
        record.field_meta = field_meta
        record.rev = rev
        index_institution(session, record)
        return found.id


@dataclass(frozen=True)
class InstitutionInfo:
    id: uuid.UUID
    name: str
    kind: str | None
    region_code: str | None
    credit_code: str | None


def list_institutions(db: ServerDB) -> list[InstitutionInfo]:
    with db.transaction() as session:
        return [
            InstitutionInfo(i.id, i.name, i.kind, i.region_code, i.uscc)
            for i in session.scalars(
                select(InstitutionIndex).order_by(
                    InstitutionIndex.region_code, InstitutionIndex.name
                )
            )
        ]


def create_enrollment(
    db: ServerDB, *, institution: str | None = None, region: str | None = None
) -> str:
    """A one-time code for one institution (by id, 统一社会信用代码 or unambiguous name, see
    :func:`select_institution`) or for every institution of a region."""
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
            ids = [str(select_institution(session, institution).id)]
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
