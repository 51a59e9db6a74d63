"""Importing workers' certificates (证书台账). The worker is found by 身份证号 in the
institution; a certificate already recorded — the same worker, 证书名称 and 证书编号, or
without a number the same 证书名称 and 发证日期 — is updated, not added again. A skill
certificate of a higher level raises the worker's 技能等级, as recording one in the app does."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import ValidationError
from mzdesk.core.i18n import text as message
from mzdesk.core.vocab import SkillLevel
from mzdesk.services.checks import Checks
from mzdesk.services.tables import cells
from mzdesk.services.tables.columns import INSTITUTION, Kind
from mzdesk.services.tables.importers.base import (
    Cells,
    Importer,
    ImportReport,
    Parsed,
    Progress,
    collect,
    update_row,
)
from mzdesk.services.tables.importers.staff import WorkerIndex
from mzdesk.services.tables.reading import Row
from mzdesk.services.workers import CertificateData
from mzdesk.store.models import CareWorker, WorkerCertificate

_LEVELS = list(SkillLevel)


@dataclass(frozen=True)
class _CertificateRecord:
    institution: str
    person: str
    id_number: str
    data: CertificateData  # worker_id resolved in plan()


def _key(r: _CertificateRecord) -> tuple[object, ...]:
    d = r.data
    return (r.institution, r.id_number, d.name, d.number or None, None if d.number else d.issued_on)


def raise_skill_level(worker: CareWorker, level: SkillLevel | None) -> None:
    """A skill certificate of a higher level raises the worker's level (never lowers it)."""
    if level is not None and _LEVELS.index(level) > _LEVELS.index(worker.skill_level):
        worker.skill_level = level


class CertificateImporter(Importer[_CertificateRecord]):
    kind = Kind.CERTIFICATES

    def __init__(self) -> None:
        self.workers: dict[int, CareWorker] = {}
        self.existing: dict[int, WorkerCertificate] = {}

    def parse(self, row: Row) -> Parsed[_CertificateRecord]:
        parsed: Parsed[_CertificateRecord] = Parsed(row.number, None)
        c = Cells(row, parsed)
        institution = c.get(cells.required_text, INSTITUTION)
        person = c.get(cells.required_text, "姓名")
        id_number = c.get(cells.code, "身份证号")
        data = CertificateData(
            worker_id=uuid.UUID(int=0),
            name=c.get(cells.text, "证书名称") or "",
            number=c.get(cells.code, "证书编号"),
            skill_level=c.get(cells.vocab, "技能等级", SkillLevel),
            issuer=c.get(cells.text, "发证机关"),
            issued_on=c.get(cells.date, "发证日期"),
            expires_on=c.get(cells.expiry, "有效期至"),
        )
        checks = Checks("worker_certificates")
        checked = checks.id_number("id_number", id_number, required=True)
        name = checks.text("name", data.name, max_len=100)
        checks.not_before("expires_on", data.expires_on, data.issued_on, "issued_on")
        checks.lengths("worker_certificates", data)
        try:
            checks.done()
        except ValidationError as error:
            collect(parsed, error, self.kind)
        if not parsed.problems:
            assert institution and person and checked
            parsed.record = _CertificateRecord(
                institution, person, checked.value, replace(data, name=name or "")
            )
        return parsed

    def plan(self, session: Session, rows: list[Parsed[_CertificateRecord]]) -> None:
        institutions = self._require_institution(session, rows, lambda r: r.institution)
        index = WorkerIndex(session, [i.id for i in institutions.values()])
        self._unique(rows, _key, "证书名称", lambda r: f"{r.person} {r.data.name}")
        for parsed in rows:
            record = parsed.record
            if record is None or record.institution not in institutions:
                continue
            institution = institutions[record.institution]
            worker = index.find(parsed, institution.id, record.id_number, record.person)
            if worker is None:
                continue
            self.workers[parsed.row] = worker
            query = select(WorkerCertificate).where(
                WorkerCertificate.worker_id == worker.id,
                WorkerCertificate.name == record.data.name,
                WorkerCertificate.deleted_at.is_(None),
            )
            if record.data.number:
                query = query.where(WorkerCertificate.number == record.data.number)
            else:
                query = query.where(
                    WorkerCertificate.number.is_(None),
                    WorkerCertificate.issued_on.is_(record.data.issued_on)
                    if record.data.issued_on is None
                    else WorkerCertificate.issued_on == record.data.issued_on,
                )
            existing = session.scalars(query).first()
            if existing is not None:
                self.existing[parsed.row] = existing

    def write(
        self,
        session: Session,
        rows: list[Parsed[_CertificateRecord]],
        report: ImportReport,
        progress: Progress | None,
    ) -> None:
        for done, parsed in enumerate(rows, start=1):
            record = parsed.record
            assert record is not None
            worker = self.workers[parsed.row]
            # a blank cell keeps what is recorded, except 有效期至: blank means no expiry
            values = {
                k: v
                for k, v in record.data.__dict__.items()
                if k != "worker_id" and (v is not None or k == "expires_on")
            }
            existing = self.existing.get(parsed.row)
            if existing is None:
                session.add(
                    WorkerCertificate(
                        institution_id=worker.institution_id, worker_id=worker.id, **values
                    )
                )
                report.created += 1
            else:
                update_row(existing, values, report)
            raise_skill_level(worker, record.data.skill_level)
            if progress and done % 200 == 0:
                progress(message("import.phase.write"), done, len(rows))
        session.flush()
