"""Importing rosters: every row is checked before anything is written.

The flow is the same for every kind: read the table, turn each row's cells into a typed
record (collecting every problem of the row), check the records against each other and the
database, then — only if no row has a problem, or with ``skip_invalid`` for the valid rows —
write them in one transaction. Rows are matched on natural keys (institution name; building,
floor, room and bed number; 身份证号), so importing a file twice creates nothing the second
time.

:func:`preview_import` runs the same reading and checking in a read-only transaction, so the
app can show the rows and their problems before :func:`import_file` writes anything. Both
take a ``cancelled`` flag checked between rows: a cancelled import writes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import MzdeskError, os_error_text
from mzdesk.core.i18n import text as message
from mzdesk.core.permissions import Actor, Permission
from mzdesk.services.backups import before_import
from mzdesk.services.operations import operation
from mzdesk.services.tables.columns import (
    COLUMNS,
    INSTITUTION,
    Kind,
    known_headers,
    required_headers,
)
from mzdesk.services.tables.importers.base import (
    Importer,
    ImportProblem,
    ImportRejected,
    ImportReport,
    Parsed,
    Progress,
)
from mzdesk.services.tables.importers.beds import BedImporter
from mzdesk.services.tables.importers.certificates import CertificateImporter
from mzdesk.services.tables.importers.children import ChildImporter
from mzdesk.services.tables.importers.hazards import HazardImporter
from mzdesk.services.tables.importers.institutions import InstitutionImporter
from mzdesk.services.tables.importers.residents import ResidentImporter
from mzdesk.services.tables.importers.training import TrainingImporter
from mzdesk.services.tables.importers.workers import WorkerImporter
from mzdesk.services.tables.reading import Row, Table, TableError, read_table
from mzdesk.store.engine import Store
from mzdesk.store.models import Institution

Cancelled = Callable[[], bool]

_IMPORTERS: dict[Kind, Callable[[], Importer[Any]]] = {
    Kind.INSTITUTIONS: InstitutionImporter,
    Kind.BEDS: BedImporter,
    Kind.RESIDENTS: ResidentImporter,
    Kind.WORKERS: WorkerImporter,
    Kind.CERTIFICATES: CertificateImporter,
    Kind.TRAINING: TrainingImporter,
    Kind.HAZARDS: HazardImporter,
    Kind.CHILDREN: ChildImporter,
}


class ImportCancelled(MzdeskError):
    """The person cancelled the import; nothing was written."""

    def __init__(self) -> None:
        super().__init__(message("import.cancelled"))


class _FileProblem(Exception):
    def __init__(self, problem: ImportProblem) -> None:
        self.problem = problem


@dataclass(frozen=True)
class PreviewRow:
    number: int  # as the spreadsheet shows it
    values: tuple[str, ...]  # one display value per column of the preview


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do, before it writes: the rows as read, and every problem."""

    kind: Kind
    file: str
    columns: tuple[str, ...]
    rows: tuple[PreviewRow, ...] = ()
    problems: tuple[ImportProblem, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    institution: str | None = None  # where rows without 机构名称 go
    notes: tuple[str, ...] = ()  # what the import will do beyond the rows' values

    @property
    def invalid_rows(self) -> int:
        return len({p.row for p in self.problems if p.row is not None})

    @property
    def valid_rows(self) -> int:
        return 0 if self.file_problems else len(self.rows) - self.invalid_rows

    @property
    def file_problems(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.row is None]


def _watch(progress: Progress | None, cancelled: Cancelled | None) -> Progress | None:
    """Progress that also stops the work (raising :class:`ImportCancelled`) once cancelled."""
    if cancelled is None:
        return progress

    def tick(phase: str, done: int, total: int) -> None:
        if cancelled():
            raise ImportCancelled
        if progress is not None:
            progress(phase, done, total)

    return tick


def _read(kind: Kind, path: Path) -> Table:
    # a sheet without 机构名称 goes to the institution given or the user's own
    # (_default_institution, which says so when it cannot tell which)
    required = [h for h in required_headers(kind) if kind is Kind.INSTITUTIONS or h != INSTITUTION]
    try:
        return read_table(path, known_headers(kind), required)
    except TableError as error:
        raise _FileProblem(ImportProblem(None, None, str(error))) from error
    except OSError as error:
        text = message("import.cannot_open", error=os_error_text(error))
        raise _FileProblem(ImportProblem(None, None, text)) from error


def _default_institution(
    session: Session,
    kind: Kind,
    table: Table,
    name: str | None,
    own: uuid.UUID | None = None,
) -> str | None:
    """The institution the rows without 机构名称 go to: ``name`` (as given by --institution or
    the app), else the one the user acts for (``own``), else the database's only one. None
    when every row names its own."""
    if kind is Kind.INSTITUTIONS or (INSTITUTION in table.headers and name is None):
        return None
    live = {
        i.id: i.name
        for i in session.scalars(select(Institution).where(Institution.deleted_at.is_(None)))
    }
    if name is not None:
        if name not in live.values():
            text = message("import.institution_option_unknown", name=name)
            raise _FileProblem(ImportProblem(None, None, text))
        return name
    if own is not None and own in live:
        return live[own]
    if len(live) == 1:
        return next(iter(live.values()))
    code = "import.institution_choose" if live else "import.no_institution"
    raise _FileProblem(ImportProblem(None, None, message(code, count=len(live))))


def _fill_institution(rows: Iterable[Row], name: str | None) -> Iterator[Row]:
    if name is None:
        yield from rows
        return
    for row in rows:
        if row.cells.get(INSTITUTION) in (None, ""):
            row = Row(row.number, {**row.cells, INSTITUTION: name})
        yield row


def _check(
    session: Session,
    kind: Kind,
    table: Table,
    rows: Iterable[Row],
    progress: Progress | None,
    shown: Callable[[Row], None] | None = None,
) -> tuple[Importer[Any], list[Parsed[Any]]]:
    """Parse every row as it is read (no row's raw cells are kept), then check the records
    against each other and the database."""
    importer = _IMPORTERS[kind]()
    parsed = []
    try:
        for i, row in enumerate(rows, start=1):
            parsed.append(importer.parse(row))
            if shown is not None:
                shown(row)
            if progress and i % 200 == 0:
                progress(message("import.phase.check"), i, max(i, table.size_hint))
    except TableError as error:  # found while streaming (a bomb further down the sheet)
        raise _FileProblem(ImportProblem(None, None, str(error))) from error
    importer.plan(session, [p for p in parsed if p.record is not None])
    return importer, parsed


@operation(Permission.DATA_IMPORT)
def import_file(
    store: Store,
    actor: Actor,
    kind: Kind,
    path: Path,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    institution: str | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Import ``path``. Raises :class:`ImportRejected` (nothing written) when a row is invalid
    and ``skip_invalid`` is false; with it, writes the valid rows and reports the others.
    Rows of a sheet without 机构名称 go to ``institution`` or the database's only one.
    Raises :class:`ImportCancelled` (nothing written) once ``cancelled()`` is true."""
    for permission in kind.permissions:
        actor.require(permission)
    report = ImportReport(kind, path.name)
    tick = _watch(progress, cancelled)
    try:
        table = _read(kind, path)
        before_import(store)  # a backup to go back to (services/backups.py)
        report.ignored_columns = table.ignored_headers
        with store.write(actor) as session:
            rows = _fill_institution(
                table.rows,
                _default_institution(session, kind, table, institution, actor.institution_id),
            )
            importer, parsed = _check(session, kind, table, rows, tick)
            report.rows = len(parsed)  # (not before: --skip-invalid cannot help a file problem)
            report.problems = [problem for p in parsed for problem in p.problems]
            if report.problems and not skip_invalid:
                raise ImportRejected(report)
            valid = [p for p in parsed if not p.problems]
            report.skipped_rows = sorted({p.row for p in parsed if p.problems})
            importer.write(session, valid, report, tick)
            if report.problems and not skip_invalid:  # a row the services refused in writing
                raise ImportRejected(report)
            report.notes.extend(importer.notes())
            if cancelled is not None and cancelled():
                raise ImportCancelled
    except _FileProblem as problem:
        report.problems = [problem.problem]
        raise ImportRejected(report) from None
    return report


def preview_import(
    store: Store,
    kind: Kind,
    path: Path,
    *,
    institution: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPreview:
    """Read and check ``path`` as :func:`import_file` would, writing nothing: the rows (a
    display value per column) and every problem by row and column."""
    try:
        table = _read(kind, path)
    except _FileProblem as problem:
        return ImportPreview(kind, path.name, tuple(columns_of(kind)), problems=(problem.problem,))
    columns = tuple(c for c in columns_of(kind) if c in table.headers)
    tick = _watch(progress, cancelled)
    shown: list[PreviewRow] = []

    def show(row: Row) -> None:
        shown.append(PreviewRow(row.number, tuple(display(row.cells.get(c)) for c in columns)))

    with store.read() as session:
        try:
            default = _default_institution(session, kind, table, institution)
            rows = _fill_institution(table.rows, default)
            importer, parsed = _check(session, kind, table, rows, tick, show)
        except _FileProblem as problem:
            for row in table.rows:  # the rest of the rows, shown beside the file's problem
                show(row)
            return ImportPreview(
                kind, path.name, columns, tuple(shown), (problem.problem,), table.ignored_headers
            )
    return ImportPreview(
        kind,
        path.name,
        columns,
        tuple(shown),
        tuple(problem for p in parsed for problem in p.problems),
        table.ignored_headers,
        default,
        tuple(importer.notes()),
    )


def display(value: object) -> str:
    """A cell as the preview shows it: dates yyyy-MM-dd, whole numbers without .0."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def columns_of(kind: Kind) -> Sequence[str]:
    return [c.header for c in COLUMNS[kind]]
