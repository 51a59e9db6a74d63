"""Loading live (not tombstoned) rows by id, with a clear error when they are missing."""

from __future__ import annotations

import uuid
from typing import TypeVar

from sqlalchemy.orm import Session

from mzdesk.core.errors import NotFoundError
from mzdesk.store.models import Synced

S = TypeVar("S", bound=Synced)

_WHAT = {
    "institutions": "机构",
    "beds": "床位",
    "residents": "住户",
    "care_workers": "工作人员",
    "training_sessions": "培训",
    "worker_certificates": "证书",
    "training_attendance": "参训记录",
    "training_requirements": "培训要求",
    "inspections": "检查",
    "hazards": "隐患",
    "users": "用户",
}


def get_live(session: Session, model: type[S], row_id: uuid.UUID) -> S:
    row = session.get(model, row_id)
    if row is None or row.deleted_at is not None:
        table = model.__tablename__  # type: ignore[attr-defined]
        raise NotFoundError("not_found", what=_WHAT.get(table, table), key=str(row_id))
    return row
