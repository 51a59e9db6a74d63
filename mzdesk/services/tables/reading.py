"""Reading a roster file into numbered rows under a recognised header row.

Real rosters have a title row (often merged across the sheet), blank rows, notes beside the
header ("出生日期（yyyy-MM-dd）", "身份证号*"), trailing empty rows, and CSV files saved by
Chinese Excel in GBK. The header row is the one among the first rows that names the most known
columns; row numbers are the ones the spreadsheet shows, so messages point at the right line.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl

from mzdesk.core.errors import CodedError
from mzdesk.core.i18n import text as message

HEADER_SCAN_ROWS = 30
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
    rows: list[Row]
    sheet: str | None


def _read_raw(path: Path) -> tuple[str | None, Iterator[Sequence[Any]]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise TableError("table.unreadable_excel", file=path.name) from error
        sheet = workbook.worksheets[0]
        return sheet.title, sheet.iter_rows(min_row=1, values_only=True)
    if suffix == ".csv":
        data = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise TableError("table.encoding", file=path.name)
        return None, iter(csv.reader(text.splitlines()))
    if suffix == ".xls":
        raise TableError("table.old_xls")
    raise TableError("table.unsupported_type", suffix=path.suffix)


def read_table(path: Path, known: dict[str, str], required: Sequence[str]) -> Table:
    """Read ``path``; ``known`` maps every accepted header spelling (normalised) to its
    canonical header; ``required`` lists canonical headers that must be present."""
    sheet, raw_rows = _read_raw(path)
    buffered: list[tuple[int, Sequence[Any]]] = []
    best: tuple[int, int] | None = None  # (matches, row number)
    for number, values in enumerate(raw_rows, start=1):
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
    header_values = buffered[header_number - 1][1]
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

    def rows() -> Iterator[tuple[int, Sequence[Any]]]:
        yield from buffered[header_number:]
        yield from enumerate(raw_rows, start=len(buffered) + 1)

    table_rows = []
    for number, values in rows():
        cells = {h: (values[i] if i < len(values) else None) for h, i in headers.items()}
        if all(_blank(v) for v in cells.values()):
            continue  # blank separator rows and the trailing empty rows Excel keeps
        table_rows.append(Row(number, cells))
    return Table(header_number, headers, tuple(ignored), table_rows, sheet)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
