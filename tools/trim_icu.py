"""Rebuild PySide6's ICU data library (libicudata.so.NN, 31 MB) with only what a Chinese and
English desktop app can use: the Unicode tables, root/zh/en locale data, Chinese collation and
word breaking, and the GB18030/GBK converters. build.spec ships the result instead of the
original (Linux only; Qt on Windows uses the system's ICU).

ICU's common data is a "CmnD" package: a header, a table of contents (name offset, data offset),
then the items. The trimmed package keeps the table's order (ICU searches it by binary search)
and each item's bytes, 16-byte aligned like icupkg writes them; gcc turns it into a shared
library exporting the same ``icudtNN_dat`` symbol under the same soname.

    uv run python tools/trim_icu.py SOURCE.so OUT_DIR    # prints the new library's path
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*$")
_KEPT_LOCALES = ("root", "en", "zh")
# Converters for the encodings Chinese files come in (UTF-8/16 and Latin-1 are built in).
_KEPT_CONVERTERS = ("gb18030", "ibm-1386_", "windows-936", "ibm-5478_", "ibm-1383_")
_ALIGN = 16


def _section(library: bytes, name: bytes) -> tuple[int, int]:
    """(file offset, size) of the ELF64 section ``name``."""
    shoff = struct.unpack_from("<Q", library, 0x28)[0]
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", library, 0x3A)

    def header(index: int) -> tuple[int, int, int]:
        base = shoff + index * shentsize
        name_offset = struct.unpack_from("<I", library, base)[0]
        offset, size = struct.unpack_from("<QQ", library, base + 0x18)
        return name_offset, offset, size

    strings_offset = header(shstrndx)[1]
    for index in range(shnum):
        name_offset, offset, size = header(index)
        start = strings_offset + name_offset
        if library[start : library.index(b"\0", start)] == name:
            return offset, size
    raise ValueError(f"no {name.decode()} section")


def _kept(name: str) -> bool:
    """Whether the package item ``name`` (e.g. icudt73l/coll/zh.res) stays."""
    parts = name.split("/")[1:]
    leaf = parts[-1]
    stem, _, kind = leaf.rpartition(".")
    if kind == "cnv":
        return leaf.startswith(_KEPT_CONVERTERS)
    if parts[0] == "translit":
        return False
    if kind == "dict":
        return stem == "cjdict"
    if stem == "res_index" or not _LOCALE.match(stem):
        return True  # Unicode tables, rules, supplemental data, pools
    return stem.split("_")[0] in _KEPT_LOCALES


def trim_package(package: bytes) -> tuple[bytes, int, int]:
    """The package with only the kept items; also the item counts before and after."""
    header_size = struct.unpack_from("<H", package, 0)[0]
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count = struct.unpack_from("<I", package, header_size)[0]
    entries = [struct.unpack_from("<II", package, header_size + 4 + 8 * i) for i in range(count)]
    ends = [header_size + offset for _, offset in entries[1:]] + [len(package)]
    items: list[tuple[str, bytes]] = []
    for (name_offset, data_offset), end in zip(entries, ends, strict=True):
        start = header_size + name_offset
        name = package[start : package.index(b"\0", start)].decode("ascii")
        if _kept(name):
            items.append((name, package[header_size + data_offset : end]))
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items)
    data_start = -(-(toc_size + len(names)) // _ALIGN) * _ALIGN
    toc = bytearray(struct.pack("<I", len(items)))
    body = bytearray()
    name_offset = toc_size
    for name, data in items:
        toc += struct.pack("<II", name_offset, data_start + len(body))
        name_offset += len(name) + 1
        body += data + b"\0" * (-len(data) % _ALIGN)
    toc += names + b"\0" * (data_start - toc_size - len(names))
    return package[:header_size] + bytes(toc) + bytes(body), count, len(items)


def trim_library(source: Path, out_dir: Path) -> Path:
    """Write the trimmed library, named like ``source``, into ``out_dir``."""
    library = source.read_bytes()
    offset, size = _section(library, b".rodata")
    match = re.match(rb"libicudata\.so\.(\d+)", source.name.encode())
    if match is None:
        raise ValueError(f"{source.name}: not an ICU data library")
    version = match.group(1).decode()
    package, before, after = trim_package(library[offset : offset + size])
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / source.name
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "icudata.dat"
        data.write_bytes(package)
        assembly = Path(scratch) / "icudata.S"
        symbol = f"icudt{version}_dat"
        assembly.write_text(
            f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n"
            f'\t.balign 16\n{symbol}:\n\t.incbin "{data}"\n'
            f"\t.size {symbol}, .-{symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n'
        )
        gcc = shutil.which("gcc") or shutil.which("cc")
        if gcc is None:
            raise RuntimeError("trimming ICU needs gcc (Debian: apt-get install gcc)")
        subprocess.run(
            [gcc, "-shared", "-nostdlib", f"-Wl,-soname,libicudata.so.{version}", "-o",
             str(target), str(assembly)],
            check=True,
        )  # fmt: skip
    print(
        f"ICU data: {before} → {after} items, {size / 1e6:.1f} → {len(package) / 1e6:.1f} MB",
        file=sys.stderr,
    )
    return target


if __name__ == "__main__":
    print(trim_library(Path(sys.argv[1]), Path(sys.argv[2])))
