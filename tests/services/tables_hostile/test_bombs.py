"""Zip bombs: an .xlsx of a few MB whose one cell, shared-string table or sheet expands to
gigabytes is refused with a message, reading with bounded memory (measured in a child process
against importing a tiny file the same way). The sizes a zip declares are not trusted."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.services.tables.test_import import HOME

GIB = 1 << 30
CHUNK = 1 << 22

CHILD = r"""
import json, resource, sys
from pathlib import Path
from mzdesk.core.i18n import set_language
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importers.base import ImportRejected
from mzdesk.services.tables.importing import import_file, preview_import
from mzdesk.store.engine import open_store
from tests.helpers.actors import SETUP

set_language("zh")
path, db, how = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
store = open_store(db)
create_institution(store, SETUP, InstitutionData(name=sys.argv[4], kind=InstitutionKind.NURSING_HOME))
problems = []
if how == "preview":
    problems = [str(p) for p in preview_import(store, Kind.RESIDENTS, path).problems]
else:
    try:
        import_file(store, SETUP, Kind.RESIDENTS, path)
    except ImportRejected as error:
        problems = [str(p) for p in error.report.problems]
store.close()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"problems": problems, "peak": peak}))
"""


def tiny(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["机构名称", "姓名", "身份证号", "入住日期", "备注"])
    book.active.append([HOME, "赵建国", "x", "2025-01-05", "short"])
    book.save(path)
    return path


SHARED_REL = (
    '<Relationship Id="rIdStrings" Target="sharedStrings.xml" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>'
)
SHARED_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
SHARED_SHEET = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>机构名称</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>姓名</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>入住日期</t></is></c></row>'
    '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>0</v></c></row>'
    "</sheetData></worksheet>"
).encode()


def bomb(
    path: Path, part: str, prefix: bytes, suffix: bytes, size: int, block: bytes = b"A"
) -> Path:
    """``tiny`` with ``part`` replaced by prefix + ``size`` bytes of ``block`` repeated +
    suffix, deflated; a shared-string table is wired into the workbook and used by row 2."""
    source_path = tiny(path.with_name("source.xlsx"))
    strings = part == "xl/sharedStrings.xml"
    with zipfile.ZipFile(source_path) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == part:
                continue
            if strings and item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", SHARED_REL.encode())
            if strings and item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", SHARED_TYPE.encode())
            if strings and item.filename == SHEET:
                data = SHARED_SHEET
            target.writestr(item, data, zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo(part)
        info.compress_type = zipfile.ZIP_DEFLATED
        with target.open(info, "w", force_zip64=True) as out:
            out.write(prefix)
            repeated = block * (CHUNK // len(block))
            for _ in range(size // len(repeated)):
                out.write(repeated)
            out.write(suffix)
    return path


def run(path: Path, tmp_path: Path, how: str = "import") -> dict:
    db = tmp_path / f"{path.stem}-{how}.db"
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(db), how, HOME],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


SHEET = "xl/worksheets/sheet1.xml"
CELL_PREFIX = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>机构名称</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>姓名</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>入住日期</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>'
).encode()
CELL_SUFFIX = b"</t></is></c></row></sheetData></worksheet>"


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> int:
    folder = tmp_path_factory.mktemp("baseline")
    return int(run(tiny(folder / "tiny.xlsx"), folder)["peak"])


@pytest.mark.parametrize("how", ["import", "preview"])
def test_one_cell_that_expands_to_a_gigabyte(tmp_path, baseline, how):
    path = bomb(tmp_path / "花名册.xlsx", SHEET, CELL_PREFIX, CELL_SUFFIX, GIB + GIB // 2)
    assert path.stat().st_size < 3_000_000
    outcome = run(path, tmp_path, how)
    assert outcome["problems"], outcome
    assert "花名册.xlsx" in outcome["problems"][0] and "恶意文件" in outcome["problems"][0]
    assert outcome["peak"] - baseline < 300 * 1024 * 1024, (outcome["peak"], baseline)


def test_a_shared_string_table_that_expands_to_a_gigabyte(tmp_path, baseline):
    prefix = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
    )
    path = bomb(
        tmp_path / "花名册.xlsx",
        "xl/sharedStrings.xml",
        prefix,
        b"</t></si></sst>",
        GIB + GIB // 2,
    )
    outcome = run(path, tmp_path)
    assert outcome["problems"] and "恶意文件" in outcome["problems"][0], outcome
    assert outcome["peak"] - baseline < 300 * 1024 * 1024, (outcome["peak"], baseline)


def test_many_small_shared_strings(tmp_path, baseline):
    """Not one long string but tens of millions of short ones: the count is capped too."""
    path = bomb(
        tmp_path / "花名册.xlsx",
        "xl/sharedStrings.xml",
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
        b"</sst>",
        GIB // 2,
        block=b"<si><t>x</t></si>",
    )
    outcome = run(path, tmp_path)
    assert outcome["problems"] and "恶意文件" in outcome["problems"][0], outcome
    assert outcome["peak"] - baseline < 300 * 1024 * 1024, (outcome["peak"], baseline)


def test_forged_sizes_in_the_zip_directory_are_not_trusted(tmp_path, baseline):
    """The central directory says the sheet is small; the stream inflates to a gigabyte."""
    path = bomb(tmp_path / "花名册.xlsx", SHEET, CELL_PREFIX, CELL_SUFFIX, GIB)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(SHEET)
    # zip64 extra field holds the real size; shrink it to 4 KB in the local and central records
    real = info.file_size.to_bytes(8, "little")
    assert data.count(real) >= 1
    data = data.replace(real, (4096).to_bytes(8, "little"))
    path.write_bytes(bytes(data))
    outcome = run(path, tmp_path)
    assert outcome["problems"], outcome
    assert outcome["peak"] - baseline < 300 * 1024 * 1024, (outcome["peak"], baseline)


def test_an_oversized_cell_far_down_the_sheet_refuses_the_whole_file(seeded, tmp_path):
    """Found while streaming, after rows were already parsed: nothing is written, and the
    preview shows the file's problem."""
    import datetime as dt

    from sqlalchemy import func, select

    from mzdesk.services.tables.columns import Kind
    from mzdesk.services.tables.importers.base import ImportRejected
    from mzdesk.services.tables.importing import import_file, preview_import
    from mzdesk.store.models import OutboxEntry, Resident
    from tests.helpers.actors import SETUP
    from tests.helpers.people import id_number

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["机构名称", "姓名", "身份证号", "入住日期", "备注"])
    for i in range(60):
        sheet.append([HOME, f"住户{i}", id_number(dt.date(1940, 1, 1 + i % 28)), "2025-01-05"])
    sheet.append([HOME, "长备注", id_number(dt.date(1941, 2, 3)), "2025-01-05", "x" * 40_000])
    source = tmp_path / "source.xlsx"
    book.save(source)  # (openpyxl cuts a cell at Excel's 32,767 characters: lengthen it after)
    path = tmp_path / "花名册.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as target:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == SHEET:
                data = data.replace(b"x" * 32_767, b"x" * 40_000)
            target.writestr(item, data)
    with seeded.read() as s:
        before = s.scalar(select(func.count()).select_from(OutboxEntry))
    with pytest.raises(ImportRejected) as rejected:
        import_file(seeded, SETUP, Kind.RESIDENTS, path)
    (problem,) = rejected.value.report.problems
    assert problem.row is None and "第62行" in str(problem) and "恶意文件" in str(problem)
    with seeded.read() as s:
        assert s.scalar(select(func.count()).select_from(Resident)) == 0
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == before
    preview = preview_import(seeded, Kind.RESIDENTS, path)
    assert [str(p) for p in preview.problems] == [str(problem)]
