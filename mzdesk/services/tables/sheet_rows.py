"""Rows of every spreadsheet mzdesk writes (rosters, statistics, sampling records): text is
written as text, never as a formula, and never with a character that breaks the file.

openpyxl turns a ``str`` starting with "=" into a formula and refuses control characters with
``IllegalCharacterError``; a row put through :func:`append_row` holds each text as an explicit
string cell of :func:`~mzdesk.services.tables.cells.exported_text` (docs/data-rules.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from mzdesk.services.tables.cells import exported_text


def sheet_value(sheet: Worksheet, value: Any) -> Any:
    """What ``sheet.append`` is given for ``value``: a string cell for a text, else the value."""
    if not isinstance(value, str):
        return value
    cell = Cell(sheet, value=exported_text(value))
    cell.data_type = "s"
    return cell


def append_row(sheet: Worksheet, values: Iterable[Any]) -> None:
    """``sheet.append(values)``, each text safe for a spreadsheet to open."""
    sheet.append([sheet_value(sheet, v) for v in values])
