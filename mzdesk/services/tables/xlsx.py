"""Streaming the first sheet of an .xlsx with bounded memory, whatever the file claims.

An .xlsx is a zip of XML parts. A few MB of zip can inflate to gigabytes (one cell, a shared
string table, or a sheet of a single repeated byte), and the sizes in the zip's directory can be
forged, so nothing here trusts them: every part is inflated in small chunks through a counter
that stops at :data:`Limits.part_bytes` per part and :data:`Limits.total_bytes` in all, and the
XML is parsed as it streams (the standard library's expat), with caps on a cell's length, the
number of shared strings and their characters, and the number of columns. Only one row's cells
are held at a time (plus the shared-string table, capped).

The reader sees both a cell's formula and its cached value, which openpyxl's read-only mode
shows one at a time: a formula with no computed value (a file written by a tool that does not
calculate) comes back as :class:`Formula`, so the import can say so instead of "必填".
Number formats, dates and the 1904 calendar are read with openpyxl's own helpers.
"""

from __future__ import annotations

import datetime as dt
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any
from xml.parsers import expat

from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from mzdesk.services.tables.xlsx_parts import (
    LIMITS,
    MB,
    NS,
    OFFICE,
    SHARED,
    STYLES,
    WORKSHEET,
    Archive,
    CappedText,
    Limits,
    TooLarge,
    Unreadable,
    date_styles,
    local_name,
    parse_stream,
    relations,
    shared_strings,
    small_xml,
)

__all__ = [
    "LIMITS",
    "MB",
    "Formula",
    "Limits",
    "Sheet",
    "TooLarge",
    "Unreadable",
    "read_first_sheet",
]


@dataclass(frozen=True)
class Formula:
    """A formula cell that carries no computed value (``text`` without the leading =)."""

    text: str

    def __str__(self) -> str:
        return f"={self.text}"


def _column(reference: str) -> int:
    """0-based column of a reference such as "AB12"."""
    index = 0
    for char in reference:
        if "A" <= char <= "Z":
            index = index * 26 + ord(char) - 64
        elif "a" <= char <= "z":
            index = index * 26 + ord(char) - 96
        else:
            break
    return index - 1


class _SheetReader:
    """expat handlers that turn a sheet's XML into (row number, values) pairs."""

    def __init__(
        self,
        strings: list[str],
        dates: set[int],
        durations: set[int],
        epoch: dt.datetime,
        limits: Limits,
    ) -> None:
        self.strings, self.dates, self.durations, self.epoch = strings, dates, durations, epoch
        self.limits = limits
        self.rows: list[tuple[int, tuple[Any, ...]]] = []
        self.last_row = 0  # as the sheet's <dimension> claims (for progress only)
        self.row = 0
        self.cells: dict[int, Any] = {}
        self.column = -1
        self.kind = "n"
        self.style = 0
        self.value: str | None = None
        self.formula: str | None = None
        self.inline: str | None = None
        self.collecting = False
        self.phonetic = False
        self.text = CappedText(limits.cell_chars, self._too_long)

    def _too_long(self) -> TooLarge:
        return TooLarge("table.bomb.cell", row=self.row, limit=self.limits.cell_chars)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        name = local_name(name)
        if name == "c":
            reference = attrs.get("r")
            self.column = _column(reference) if reference else self.column + 1
            if self.column >= self.limits.columns:
                raise TooLarge("table.bomb.columns", row=self.row, limit=self.limits.columns)
            self.kind = attrs.get("t", "n")
            self.style = int(attrs.get("s", 0))
            self.value = self.formula = self.inline = None
        elif name in ("v", "f", "t"):
            self.collecting = not self.phonetic
        elif name == "row":
            number = attrs.get("r")
            self.row = int(number) if number else self.row + 1
            self.cells = {}
            self.column = -1
        elif name == "rPh":  # a phonetic guide: not part of the value (as openpyxl reads it)
            self.phonetic = True
        elif name == "dimension":
            last = attrs.get("ref", "").rpartition(":")[2].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ$")
            self.last_row = int(last) if last.isdigit() else 0

    def end(self, name: str) -> None:
        name = local_name(name)
        if name == "v":
            self.value = self.text.take()
            self.collecting = False
        elif name == "f":
            self.formula = self.text.take()
            self.collecting = False
        elif name == "t":
            self.collecting = False  # an inline string's runs join until </is>
        elif name == "rPh":
            self.phonetic = False
        elif name == "is":
            self.inline = self.text.take()
        elif name == "c":
            value = self._value()
            if value is not None:
                self.cells[self.column] = value
        elif name == "row" and self.cells:
            values = [None] * (max(self.cells) + 1)
            for column, value in self.cells.items():
                values[column] = value
            self.rows.append((self.row, tuple(values)))

    def chars(self, data: str) -> None:
        if self.collecting:
            self.text.add(data)

    def _value(self) -> Any:
        raw, kind = self.value, self.kind
        if self.formula is not None and not raw:
            return Formula(self.formula) if self.formula else Formula("…")
        if kind == "inlineStr":
            return self.inline
        if raw is None or raw == "":
            return None
        if kind == "s":
            return self.strings[int(raw)]
        if kind in ("str", "e"):
            return raw
        if kind == "b":
            return raw.strip() in ("1", "true")
        if kind == "d":
            return dt.datetime.fromisoformat(raw.rstrip("Z"))
        number: int | float = float(raw)
        if "." not in raw and "E" not in raw.upper() and float(number).is_integer():
            number = int(raw)
        if self.style in self.dates:
            return from_excel(number, self.epoch)
        if self.style in self.durations:
            return from_excel(number, self.epoch, timedelta=True)
        return number

    def take(self) -> list[tuple[int, tuple[Any, ...]]]:
        rows, self.rows = self.rows, []
        return rows


@dataclass(frozen=True)
class Sheet:
    title: str | None
    rows: Iterator[tuple[int, tuple[Any, ...]]]  # (row number as shown, values), non-empty
    last_row: Callable[[], int]  # the row count the sheet claims, once reading has begun


def read_first_sheet(file: IO[bytes] | str, limits: Limits = LIMITS) -> Sheet:
    """The first worksheet, its rows streamed. Raises :class:`TooLarge` or
    :class:`Unreadable` (also while iterating)."""
    try:
        archive = Archive(file, limits)
        root = relations(archive, "")
        office = next((t for k, t in root.values() if k == OFFICE), "xl/workbook.xml")
        rels = relations(archive, office)
        workbook = small_xml(archive.read(office))
        properties = workbook.find("main:workbookPr", NS)
        date1904 = properties is not None and properties.get("date1904") in ("1", "true")
        epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        title, sheet_path = None, None
        for sheet in workbook.iterfind("main:sheets/main:sheet", NS):
            kind, target = rels.get(sheet.get(f"{{{NS['r']}}}id", ""), ("", ""))
            if kind == WORKSHEET:
                title, sheet_path = sheet.get("name"), target
                break
        if sheet_path is None:
            raise Unreadable("no worksheet")
        by_kind = dict(rels.values())
        strings = shared_strings(archive, by_kind.get(SHARED), limits)
        dates, durations = date_styles(archive, by_kind.get(STYLES))
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError) as error:
        raise Unreadable(str(error)) from error
    except (NotImplementedError, RuntimeError, OSError) as error:
        raise Unreadable(str(error)) from error
    reader = _SheetReader(strings, dates, durations, epoch, limits)

    def rows() -> Iterator[tuple[int, tuple[Any, ...]]]:
        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.StartElementHandler = reader.start
        parser.EndElementHandler = reader.end
        parser.CharacterDataHandler = reader.chars
        try:
            yield from parse_stream(
                archive.chunks(sheet_path, limits.part_bytes), parser, reader.take
            )
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, IndexError) as error:
            raise Unreadable(str(error)) from error
        except (NotImplementedError, RuntimeError, OverflowError) as error:
            raise Unreadable(str(error)) from error
        finally:
            archive.close()

    return Sheet(title, rows(), lambda: reader.last_row)
