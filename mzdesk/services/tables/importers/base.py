"""What every roster import shares: the report and its problems, a row being parsed, reading
cells without stopping at the first problem, and the importer's three steps (parse, plan,
write)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import MzdeskError, ValidationError
from mzdesk.core.i18n import text as message
from mzdesk.services.tables.columns import INSTITUTION, Kind, header_of
from mzdesk.services.tables.reading import Formula, Row
from mzdesk.store.models import Institution

Progress = Callable[[str, int, int], None]
T = TypeVar("T")


@dataclass(frozen=True)
class ImportProblem:
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = (
            message("import.where.row", row=self.row)
            if self.row is not None
            else message("import.where.file")
        )
        return (
            f"{where} {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )


@dataclass
class ImportReport:
    kind: Kind
    file: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[ImportProblem] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()
    # what was assumed for blank cells, said in the summary (e.g. a blank 考核结果 as 合格)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        text = message(
            "import.summary",
            kind=self.kind.label,
            rows=self.rows,
            created=self.created,
            updated=self.updated,
            unchanged=self.unchanged,
        )
        if self.skipped_rows:
            text += message("import.summary_skipped", count=len(self.skipped_rows))
        for note in self.notes:
            text += note
        return text


class ImportRejected(MzdeskError):
    """Some rows are invalid and ``skip_invalid`` was not given: nothing was written."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        super().__init__(message("import.rejected", count=len(report.problems)))


@dataclass
class Parsed(Generic[T]):
    row: int
    record: T | None
    problems: list[ImportProblem] = field(default_factory=list)

    def fail(self, column: str | None, text: str) -> None:
        self.problems.append(ImportProblem(self.row, column, text))


def collect(parsed: Parsed[Any], error: ValidationError, kind: Kind | None) -> None:
    """Add a record's problems to its row, each under the column it came from (``kind`` is
    ``None`` when the problems already name their column, as a cell's do)."""
    for problem in error.problems:
        column = header_of(kind, problem.field) if kind is not None else problem.field
        parsed.fail(column, problem.message)


def collect_unnamed(parsed: Parsed[Any], error: ValidationError, kind: Kind) -> None:
    """``collect`` for a row that already has problems: only those under columns not yet
    named (a cell that could not be read is not said again as a missing field), so a row's
    record checks still run and all its problems come at once."""
    named = {p.column for p in parsed.problems}
    for problem in error.problems:
        column = header_of(kind, problem.field)
        if column not in named:
            parsed.fail(column, problem.message)


class Cells:
    """Reads one row's cells, remembering every problem instead of stopping at the first."""

    def __init__(self, row: Row, parsed: Parsed[Any]) -> None:
        self.row = row
        self.parsed = parsed

    def get(
        self, reader: Callable[..., T | None], column: str, *args: Any, **kwargs: Any
    ) -> T | None:
        value = self.row.cells.get(column)
        if isinstance(value, Formula):  # no computed value in the file: not a blank
            self.parsed.fail(column, message("cell.formula_uncomputed", formula=value.text))
            return None
        try:
            return reader(value, column, *args, **kwargs)
        except ValidationError as error:
            collect(self.parsed, error, None)
            return None


class Importer(Generic[T]):
    kind: Kind

    def parse(self, row: Row) -> Parsed[T]:
        raise NotImplementedError

    def plan(self, session: Session, rows: list[Parsed[T]]) -> None:
        """Check records against each other and the database; add problems to the rows."""

    def notes(self) -> list[str]:
        """After :meth:`plan`: what the write will do beyond taking the rows' values (said
        in the preview and the report's summary)."""
        return []

    def write(
        self,
        session: Session,
        rows: list[Parsed[T]],
        report: ImportReport,
        progress: Progress | None,
    ) -> None:
        raise NotImplementedError

    def _institutions(self, session: Session) -> dict[str, Institution]:
        return {
            i.name: i
            for i in session.scalars(select(Institution).where(Institution.deleted_at.is_(None)))
        }

    def _require_institution(
        self, session: Session, rows: Iterable[Parsed[Any]], name_of: Callable[[Any], str]
    ) -> dict[str, Institution]:
        known = self._institutions(session)
        for parsed in rows:
            if parsed.record is not None and name_of(parsed.record) not in known:
                parsed.fail(
                    INSTITUTION, message("import.institution_unknown", value=name_of(parsed.record))
                )
        return known

    @staticmethod
    def _unique(
        rows: Iterable[Parsed[Any]],
        key_of: Callable[[Any], Any],
        column: str,
        shown: Callable[[Any], str],
    ) -> None:
        first: dict[Any, int] = {}
        for parsed in rows:
            if parsed.record is None:
                continue
            key = key_of(parsed.record)
            if key is None:
                continue
            if key in first:
                parsed.fail(
                    column,
                    message("import.duplicate_in_file", other=first[key], key=shown(parsed.record)),
                )
            else:
                first[key] = parsed.row


def changed_values(row: Any, values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if getattr(row, k) != v}


def update_row(row: Any, values: dict[str, Any], report: ImportReport) -> None:
    """Write only the values that differ, and count the row as updated or unchanged."""
    changed = changed_values(row, values)
    for key, value in changed.items():
        setattr(row, key, value)
    report.updated += bool(changed)
    report.unchanged += not changed
