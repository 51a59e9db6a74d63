"""Reading a roster file into numbered rows under a recognised header row.

Real rosters have a title row (often merged across the sheet), blank rows, notes beside the
header ("出生日期（yyyy-MM-dd）", "身份证号*"), trailing empty rows, and CSV files saved by
Chinese Excel in GBK. The header row is the one among the first rows that names the most known
columns; row numbers are the ones the spreadsheet shows, so messages point at the right line
(in a CSV file, the record's number: a quoted cell may hold line breaks).

Files may be hostile: .xlsx files are streamed by :mod:`mzdesk.services.tables.xlsx` with
bounded memory, and the rows after the header come as an iterator, read once.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mzdesk.core.errors import CodedError
from mzdesk.core.i18n import text as message
from mzdesk.services.tables import xlsx
from mzdesk.services.tables.xlsx import Formula

__all__ = ["Formula", "Row", "Table", "TableError", "normalise_header", "read_table"]

HEADER_SCAN_ROWS = 30
CSV_LIMIT_BYTES = 512 * xlsx.MB  # a CSV is read whole (it is not compressed: its size is its size)
_NOTE = re.compile(r"[（(【\[].*$")


class TableError(CodedError):
    """The file as a whole cannot be read (wrong format, no header row, missing columns)."""


def normalise_header(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value if value is not None else ""))
    text = _NOTE.sub("", text)
    return re.sub(r"[\s*＊:：]", "", text)


@dataclass(frozen=True)
class Row:
    number: int  # as the spreadsheet shows it (1-based)
    cells: dict[str, Any]  # canonical header → raw cell value


@dataclass(frozen=True)
class Table:
    header_row: int
    headers: dict[str, int]  # canonical header → column index
    ignored_headers: tuple[str, ...]
    rows: Iterator[Row]  # the rows after the header that have a value, read as they come
    sheet: str | None
    last_row: Callable[[], int]  # the number of the file's last row, as it claims (progress)

    @property
    def size_hint(self) -> int:
        """About how many rows follow the header (for progress only: not trusted)."""
        return max(0, self.last_row() - self.header_row)


RawRows = Generator[tuple[int, Sequence[Any]], None, None]


def _read_raw(path: Path) -> tuple[str | None, RawRows, Callable[[], int]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix == ".csv":
        if path.stat().st_size > CSV_LIMIT_BYTES:
            raise TableError(
                "table.csv_too_large", file=path.name, limit=CSV_LIMIT_BYTES // xlsx.MB
            )
        data = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise TableError("table.encoding", file=path.name)
        del data
        lines = text.count("\n")
        return None, _csv_records(path.name, text), lambda: lines
    if suffix == ".xls":
        raise TableError("table.old_xls")
    raise TableError("table.unsupported_type", suffix=path.suffix)


def _read_xlsx(path: Path) -> tuple[str | None, RawRows, Callable[[], int]]:
    file = path.open("rb")
    try:
        sheet = xlsx.read_first_sheet(file)
    except BaseException as error:
        file.close()
        raise _table_error(path, error) from error

    def guarded() -> RawRows:
        try:
            yield from sheet.rows
        except (xlsx.TooLarge, xlsx.Unreadable) as error:
            raise _table_error(path, error) from error
        finally:
            file.close()

    return sheet.title, guarded(), sheet.last_row


def _table_error(path: Path, error: BaseException) -> BaseException:
    if isinstance(error, xlsx.TooLarge):
        return TableError("table.bomb", file=path.name, detail=message(error.code, **error.params))
    if isinstance(error, xlsx.Unreadable):
        return TableError("table.unreadable_excel", file=path.name)
    return error


def _csv_records(name: str, text: str) -> RawRows:
    """Records as Excel shows them: a quoted cell keeps its line breaks, and only CR and LF end
    a record (not U+2028, VT, FF or NEL, which str.splitlines() would split on)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    number = 0
    try:
        for number, values in enumerate(reader, start=1):
            yield number, values
    except csv.Error as error:
        raise TableError("table.unreadable_csv", file=name, row=number + 1, error=error) from error


def read_table(path: Path, known: dict[str, str], required: Sequence[str]) -> Table:
    """Read ``path``; ``known`` maps every accepted header spelling (normalised) to its
    canonical header; ``required`` lists canonical headers that must be present."""
    sheet, raw_rows, last_row = _read_raw(path)
    try:
        return _read_table(sheet, raw_rows, last_row, known, required)
    except BaseException:
        raw_rows.close()  # (the file is closed once its rows were begun)
        raise


def _read_table(
    sheet: str | None,
    raw_rows: RawRows,
    last_row: Callable[[], int],
    known: dict[str, str],
    required: Sequence[str],
) -> Table:
    buffered: list[tuple[int, Sequence[Any]]] = []
    best: tuple[int, int] | None = None  # (matches, row number)
    for number, values in raw_rows:
        buffered.append((number, values))
        matches = len({known[h] for v in values if (h := normalise_header(v)) in known})
        if matches and (best is None or matches > best[0]):
            best = (matches, number)
        if number >= HEADER_SCAN_ROWS:
            break
    if best is None or best[0] < min(2, len(required)):
        raise TableError(
            "table.no_header",
            rows=HEADER_SCAN_ROWS,
            columns=message("list.separator").join(required),
        )
    header_number = best[1]
    header_index = next(i for i, (n, _) in enumerate(buffered) if n == header_number)
    header_values = buffered[header_index][1]
    headers: dict[str, int] = {}
    ignored: list[str] = []
    for index, value in enumerate(header_values):
        name = normalise_header(value)
        if not name:
            continue
        canonical = known.get(name)
        if canonical is None:
            ignored.append(str(value).strip())
        elif canonical in headers:
            raise TableError("table.duplicate_header", row=header_number, column=canonical)
        else:
            headers[canonical] = index
    missing = [h for h in required if h not in headers]
    if missing:
        raise TableError(
            "table.missing_columns",
            row=header_number,
            columns=message("list.separator").join(missing),
        )

    after = buffered[header_index + 1 :]
    buffered.clear()

    def rows() -> Iterator[Row]:
        for source in (after, raw_rows):
            for number, values in source:
                cells = {h: (values[i] if i < len(values) else None) for h, i in headers.items()}
                if all(_blank(v) for v in cells.values()):
                    continue  # blank separator rows and the trailing empty rows Excel keeps
                yield Row(number, cells)

    return Table(header_number, headers, tuple(ignored), rows(), sheet, last_row)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
