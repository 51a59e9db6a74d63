"""The parts of an .xlsx around its sheet, read with bounded memory: the zip container
(every part inflated through counters that do not trust the zip's declared sizes), the
relationships, the workbook, the styles' date formats and the shared-string table.

See :mod:`mzdesk.services.tables.xlsx`, which streams the sheet itself.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any
from xml.etree import ElementTree
from xml.parsers import expat

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

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


NS = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
WORKSHEET = "/worksheet"
SHARED = "/sharedStrings"
STYLES = "/styles"
OFFICE = "/officeDocument"


class Archive:
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


def relations(archive: Archive, part: str) -> dict[str, tuple[str, str]]:
    """id → (type suffix, target path) of ``part``'s relationships."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if not archive.has(rels):
        return {}
    found = {}
    for rel in small_xml(archive.read(rels)).iterfind("rel:Relationship", NS):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        kind = rel.get("Type", "")
        found[rel.get("Id", "")] = (kind[kind.rfind("/") :], posixpath.normpath(path))
    return found


def small_xml(data: bytes) -> ElementTree.Element:
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


def date_styles(archive: Archive, path: str | None) -> tuple[set[int], set[int]]:
    """Style indexes whose number format is a date, and those that are a duration."""
    if path is None or not archive.has(path):
        return set(), set()
    root = small_xml(archive.read(path))
    formats = dict(BUILTIN_FORMATS)
    for fmt in root.iterfind("main:numFmts/main:numFmt", NS):
        formats[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
    dates: set[int] = set()
    durations: set[int] = set()
    for index, xf in enumerate(root.iterfind("main:cellXfs/main:xf", NS)):
        code = formats.get(int(xf.get("numFmtId", "0")), "")
        if code and is_date_format(code):
            (durations if is_timedelta_format(code) else dates).add(index)
    return dates, durations


class CappedText:
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


def parse_stream(
    chunks: Iterator[bytes], parser: Any, done: Callable[[], list[Any]]
) -> Iterator[Any]:
    parser.StartDoctypeDeclHandler = _no_entities  # no entities, so no "billion laughs"
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
            yield from done()
        parser.Parse(b"", True)
        yield from done()
    except expat.ExpatError as error:
        raise Unreadable(str(error)) from error


def local_name(name: str) -> str:
    return name[name.rfind(":") + 1 :]


def shared_strings(archive: Archive, path: str | None, limits: Limits) -> list[str]:
    strings: list[str] = []
    if path is None or not archive.has(path):
        return strings
    total = 0
    text = CappedText(limits.cell_chars, lambda: TooLarge("table.bomb.string_chars", limit=0))
    depth = {"t": 0, "rPh": 0}

    def start(name: str, _: dict[str, str]) -> None:
        name = local_name(name)
        if name in depth:
            depth[name] += 1

    def end(name: str) -> None:
        nonlocal total
        name = local_name(name)
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
    for _ in parse_stream(archive.chunks(path, limits.part_bytes), parser, list):
        pass
    return strings
