"""Importing rosters: every row is checked before anything is written.

The flow is the same for every kind: read the table, turn each row's cells into a typed
record (collecting every problem of the row), check the records against each other and the
database, then — only if no row has a problem, or with ``skip_invalid`` for the valid rows —
write them in one transaction. Rows are matched on natural keys (institution name; building,
floor, room and bed number; 身份证号), so importing a file twice creates nothing the second
time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mzdesk.core.errors import os_error_text
from mzdesk.core.i18n import text as message
from mzdesk.core.permissions import Actor, Permission
from mzdesk.services.operations import operation
from mzdesk.services.tables.columns import COLUMNS, Kind, known_headers, required_headers
from mzdesk.services.tables.importers.base import (
    Importer,
    ImportProblem,
    ImportRejected,
    ImportReport,
    Progress,
)
from mzdesk.services.tables.importers.beds import BedImporter
from mzdesk.services.tables.importers.institutions import InstitutionImporter
from mzdesk.services.tables.importers.residents import ResidentImporter
from mzdesk.services.tables.importers.workers import WorkerImporter
from mzdesk.services.tables.reading import TableError, read_table
from mzdesk.store.engine import Store

_IMPORTERS: dict[Kind, Callable[[], Importer[Any]]] = {
    Kind.INSTITUTIONS: InstitutionImporter,
    Kind.BEDS: BedImporter,
    Kind.RESIDENTS: ResidentImporter,
    Kind.WORKERS: WorkerImporter,
}


@operation(Permission.DATA_IMPORT)
def import_file(
    store: Store,
    actor: Actor,
    kind: Kind,
    path: Path,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import ``path``. Raises :class:`ImportRejected` (nothing written) when a row is invalid
    and ``skip_invalid`` is false; with it, writes the valid rows and reports the others."""
    report = ImportReport(kind, path.name)
    try:
        table = read_table(path, known_headers(kind), required_headers(kind))
    except TableError as error:
        report.problems.append(ImportProblem(None, None, str(error)))
        raise ImportRejected(report) from error
    except OSError as error:
        report.problems.append(
            ImportProblem(None, None, message("import.cannot_open", error=os_error_text(error)))
        )
        raise ImportRejected(report) from error
    report.ignored_columns = table.ignored_headers
    report.rows = len(table.rows)
    importer = _IMPORTERS[kind]()
    parsed = []
    for i, row in enumerate(table.rows, start=1):
        parsed.append(importer.parse(row))
        if progress and i % 500 == 0:
            progress(message("import.phase.check"), i, len(table.rows))
    with store.write(actor) as session:
        importer.plan(session, [p for p in parsed if p.record is not None])
        report.problems = [problem for p in parsed for problem in p.problems]
        if report.problems and not skip_invalid:
            raise ImportRejected(report)
        valid = [p for p in parsed if not p.problems]
        report.skipped_rows = sorted({p.row for p in parsed if p.problems})
        importer.write(session, valid, report, progress)
    return report


def columns_of(kind: Kind) -> Sequence[str]:
    return [c.header for c in COLUMNS[kind]]
