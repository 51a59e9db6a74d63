"""Finding the worker a certificate or training row names: by 身份证号 within the
institution, with the name as a check (a name that disagrees is a problem naming both)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.i18n import text as message
from mzdesk.services.tables.importers.base import Parsed
from mzdesk.store.models import CareWorker


class WorkerIndex:
    def __init__(self, session: Session, institution_ids: Iterable[uuid.UUID]) -> None:
        self.by_id_number: dict[tuple[uuid.UUID, str], CareWorker] = {}
        query = select(CareWorker).where(
            CareWorker.institution_id.in_(list(institution_ids)), CareWorker.deleted_at.is_(None)
        )
        for worker in session.scalars(query):
            if worker.id_number:
                self.by_id_number[(worker.institution_id, worker.id_number)] = worker

    def find(
        self, parsed: Parsed[Any], institution_id: uuid.UUID, id_number: str, name: str
    ) -> CareWorker | None:
        """The worker, or None with the problem added to the row."""
        worker = self.by_id_number.get((institution_id, id_number))
        if worker is None:
            parsed.fail("身份证号", message("import.worker_unknown", id_number=id_number))
            return None
        if _same_name(worker.name) != _same_name(name):
            parsed.fail(
                "姓名",
                message(
                    "import.worker_name_differs",
                    id_number=id_number,
                    recorded=worker.name,
                    typed=name,
                ),
            )
            return None
        return worker


def _same_name(name: str) -> str:
    return "".join(name.split()).replace("\u3000", "")
