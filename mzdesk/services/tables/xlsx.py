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
import posixpath
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any
from xml.etree import ElementTree
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

MB = 1 << 20
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Limits:
    part_bytes: int = 512 * MB  # one part (a sheet) inflated
    total_bytes: int = 1024 * MB  # all parts read, inflated
    small_part_bytes: int = 32 * MB  # workbook, relationships, styles
    cell_chars: int = 32_767  # Excel's own limit for a cell
    shared_strings: int = 2_000_000
    shared_chars: int = 64 * MB
    columns: int = 16_384  # Excel's own limit (column XFD)


LIMITS = Limits()


class TooLarge(Exception):
    """The file inflates beyond a limit; ``code`` and ``params`` say which (table.bomb.*)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class Unreadable(Exception):
    """The file is not a well-formed workbook."""


@dataclass(frozen=True)
class Formula:
    """A formula cell that carries no computed value (``text`` without the leading =)."""

    text: str

    def __str__(self) -> str:
        return f"={self.text}"


_NS = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
_WORKSHEET = "/worksheet"
_SHARED = "/sharedStrings"
_STYLES = "/styles"
_OFFICE = "/officeDocument"


class _Archive:
    """A zip whose parts are inflated through counters."""

    def __init__(self, file: IO[bytes] | str, limits: Limits) -> None:
        self.zip = zipfile.ZipFile(file)
        self.limits = limits
        self.total = 0
        self.names = {info.filename.lstrip("/").lower(): info for info in self.zip.infolist()}

    def chunks(self, name: str, cap: int) -> Iterator[bytes]:
        info = self.names.get(name.lstrip("/").lower())
        if info is None:
            raise Unreadable(name)
        # zipfile stops at the declared size; lift it so a forged small size does not hide the
        # real stream from the counter (the counter, not the header, ends the read)
        info = _unbounded(info)
        read = 0
        with self.zip.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                self.total += len(chunk)
                if read > cap:
                    raise TooLarge("table.bomb.part", part=name, limit=cap // MB)
                if self.total > self.limits.total_bytes:
                    raise TooLarge("table.bomb.total", limit=self.limits.total_bytes // MB)
                yield chunk

    def read(self, name: str) -> bytes:
        return b"".join(self.chunks(name, self.limits.small_part_bytes))

    def has(self, name: str) -> bool:
        return name.lstrip("/").lower() in self.names

    def close(self) -> None:
        self.zip.close()


def _unbounded(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    copy = zipfile.ZipInfo(info.filename, info.date_time)
    for attribute in ("compress_type", "flag_bits", "header_offset", "compress_size", "CRC"):
        setattr(copy, attribute, getattr(info, attribute))
    copy.file_size = 1 << 62
    return copy


def _relations(archive: _Archive, part: str) -> dict[str, tuple[str, str]]:
    """id → (type suffix, target path) of ``part``'s relationships."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if not archive.has(rels):
        return {}
    found = {}
    for rel in _xml(archive.read(rels)).iterfind("rel:Relationship", _NS):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        kind = rel.get("Type", "")
        found[rel.get("Id", "")] = (kind[kind.rfind("/") :], posixpath.normpath(path))
    return found


def _xml(data: bytes) -> ElementTree.Element:
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # no entity expansion ("billion laughs")
        raise Unreadable("document type declarations are not allowed")
    parser = ElementTree.XMLParser()
    try:
        parser.feed(data)
        return parser.close()
    except ElementTree.ParseError as error:
        raise Unreadable(str(error)) from error


def _no_entities(*_: object) -> None:
    raise Unreadable("entity declarations are not allowed")


def _date_styles(archive: _Archive, path: str | None) -> tuple[set[int], set[int]]:
    """Style indexes whose number format is a date, and those that are a duration."""
    if path is None or not archive.has(path):
        return set(), set()
    root = _xml(archive.read(path))
    formats = dict(BUILTIN_FORMATS)
    for fmt in root.iterfind("main:numFmts/main:numFmt", _NS):
        formats[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
    dates: set[int] = set()
    durations: set[int] = set()
    for index, xf in enumerate(root.iterfind("main:cellXfs/main:xf", _NS)):
        code = formats.get(int(xf.get("numFmtId", "0")), "")
        if code and is_date_format(code):
            (durations if is_timedelta_format(code) else dates).add(index)
    return dates, durations


class _Text:
    """Collects an element's text, refusing it past ``cap`` characters."""

    __slots__ = ("cap", "parts", "size", "too_long")

    def __init__(self, cap: int, too_long: Callable[[], TooLarge]) -> None:
        self.cap = cap
        self.parts: list[str] = []
        self.size = 0
        self.too_long = too_long

    def add(self, data: str) -> None:
        self.size += len(data)
        if self.size > self.cap:
            raise self.too_long()
        self.parts.append(data)

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        self.size = 0
        return text


def _parse(chunks: Iterator[bytes], parser: Any, done: Callable[[], list[Any]]) -> Iterator[Any]:
    parser.StartDoctypeDeclHandler = _no_entities  # no entities, so no "billion laughs"
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
            yield from done()
        parser.Parse(b"", True)
        yield from done()
    except expat.ExpatError as error:
        raise Unreadable(str(error)) from error


def _local(name: str) -> str:
    return name[name.rfind(":") + 1 :]


def _shared_strings(archive: _Archive, path: str | None, limits: Limits) -> list[str]:
    strings: list[str] = []
    if path is None or not archive.has(path):
        return strings
    total = 0
    text = _Text(limits.cell_chars, lambda: TooLarge("table.bomb.string_chars", limit=0))
    depth = {"t": 0, "rPh": 0}

    def start(name: str, _: dict[str, str]) -> None:
        name = _local(name)
        if name in depth:
            depth[name] += 1

    def end(name: str) -> None:
        nonlocal total
        name = _local(name)
        if name in depth:
            depth[name] -= 1
        elif name == "si":
            value = text.take()
            total += len(value)
            if len(strings) >= limits.shared_strings:
                raise TooLarge("table.bomb.strings", limit=limits.shared_strings)
            if total > limits.shared_chars:
                raise TooLarge("table.bomb.string_chars", limit=limits.shared_chars)
            strings.append(value)

    def chars(data: str) -> None:
        if depth["t"] and not depth["rPh"]:
            text.add(data)

    def too_long() -> TooLarge:
        return TooLarge("table.bomb.cell", row=len(strings) + 1, limit=limits.cell_chars)

    text.too_long = too_long
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    for _ in _parse(archive.chunks(path, limits.part_bytes), parser, list):
        pass
    return strings


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
        self.text = _Text(limits.cell_chars, self._too_long)

    def _too_long(self) -> TooLarge:
        return TooLarge("table.bomb.cell", row=self.row, limit=self.limits.cell_chars)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        name = _local(name)
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
        name = _local(name)
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
        archive = _Archive(file, limits)
        root = _relations(archive, "")
        office = next((t for k, t in root.values() if k == _OFFICE), "xl/workbook.xml")
        rels = _relations(archive, office)
        workbook = _xml(archive.read(office))
        properties = workbook.find("main:workbookPr", _NS)
        date1904 = properties is not None and properties.get("date1904") in ("1", "true")
        epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        title, sheet_path = None, None
        for sheet in workbook.iterfind("main:sheets/main:sheet", _NS):
            kind, target = rels.get(sheet.get(f"{{{_NS['r']}}}id", ""), ("", ""))
            if kind == _WORKSHEET:
                title, sheet_path = sheet.get("name"), target
                break
        if sheet_path is None:
            raise Unreadable("no worksheet")
        by_kind = dict(rels.values())
        strings = _shared_strings(archive, by_kind.get(_SHARED), limits)
        dates, durations = _date_styles(archive, by_kind.get(_STYLES))
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
            yield from _parse(archive.chunks(sheet_path, limits.part_bytes), parser, reader.take)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, IndexError) as error:
            raise Unreadable(str(error)) from error
        except (NotImplementedError, RuntimeError, OverflowError) as error:
            raise Unreadable(str(error)) from error
        finally:
            archive.close()

    return Sheet(title, rows(), lambda: reader.last_row)
