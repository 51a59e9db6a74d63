"""The streaming .xlsx reader: the same values as openpyxl's read-only load, and every cap
refusing on small limits (the multi-gigabyte bombs are in test_bombs.py)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from mzdesk.services.tables.xlsx import Formula, Limits, TooLarge, Unreadable, read_first_sheet


def book_bytes(rows, *, date1904: bool = False) -> bytes:
    book = openpyxl.Workbook()
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904 if date1904 else book.epoch
    sheet = book.active
    sheet.title = "花名册"
    for row in rows:
        sheet.append(row)
    sheet["C7"].number_format = "yyyy-mm-dd"
    sheet["C7"] = 45000
    sheet["D7"].number_format = "[h]:mm"
    sheet["D7"] = 1.25
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


ROWS = [
    ["标题"],
    [],
    ["整数", 42, -7, 10**14, 123456789012345678],
    ["小数", 1.5, 1e-7, 3.0],
    ["日期", dt.date(1941, 12, 1), dt.datetime(2025, 1, 5, 8, 30), dt.time(7, 15)],
    ["真假", True, False, None, "  空格  ", "换\n行"],
]


@pytest.mark.parametrize("date1904", [False, True])
def test_the_values_are_those_openpyxl_reads(tmp_path: Path, date1904: bool):
    path = tmp_path / "book.xlsx"
    path.write_bytes(book_bytes(ROWS, date1904=date1904))
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    expected = [
        (number, tuple(row))
        for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1)
        if any(v is not None for v in row)
    ]
    book.close()
    sheet = read_first_sheet(str(path))
    assert sheet.title == "花名册"
    got = list(sheet.rows)
    assert [n for n, _ in got] == [n for n, _ in expected]
    for (_, mine), (_, theirs) in zip(got, expected, strict=True):
        assert mine == theirs[: len(mine)] and not any(theirs[len(mine) :])


SST = (
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    "<si><t>张三</t></si>"
    "<si><r><t>李</t></r><r><t>四</t></r><rPh><t>リ</t></rPh></si>"
    "</sst>"
)
SHEET = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<dimension ref="A1:C3"/><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>'
    '<row r="3"><c r="B3"><f>A1&amp;C1</f><v></v></c><c r="C3" t="str"><f>1+1</f><v>2</v></c>'
    '<c r="D3" t="inlineStr"><is><r><t>王</t></r><r><t>五</t></r></is></c></row>'
    "</sheetData></worksheet>"
)


def handmade(sheet: str = SHEET, strings: str | None = SST) -> bytes:
    """A workbook as Excel writes it: shared strings, rich text, phonetic runs, formulas."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="住户" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        )
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        if strings is not None:
            z.writestr("xl/sharedStrings.xml", strings)
    return out.getvalue()


def test_shared_strings_rich_text_phonetics_and_formulas():
    sheet = read_first_sheet(io.BytesIO(handmade()))  # type: ignore[arg-type]
    assert sheet.title == "住户"
    rows = list(sheet.rows)
    assert rows == [
        (1, ("张三", None, "李四")),
        (3, (None, Formula("A1&C1"), "2", "王五")),
    ]
    assert sheet.last_row() == 3


@pytest.mark.parametrize(
    ("limits", "code"),
    [
        (Limits(cell_chars=1), "table.bomb.cell"),
        (Limits(shared_strings=1), "table.bomb.strings"),
        (Limits(shared_chars=3), "table.bomb.string_chars"),
        (Limits(columns=3), "table.bomb.columns"),
        (Limits(part_bytes=100), "table.bomb.part"),
        (Limits(total_bytes=600), "table.bomb.total"),
    ],
)
def test_each_cap_refuses(limits: Limits, code: str):
    with pytest.raises(TooLarge) as refused:
        sheet = read_first_sheet(io.BytesIO(handmade()), limits)  # type: ignore[arg-type]
        list(sheet.rows)
    assert refused.value.code == code


@pytest.mark.parametrize(
    "sheet",
    [
        SHEET.replace("<sheetData>", '<!DOCTYPE x [<!ENTITY a "aaaa">]><sheetData>'),
        SHEET.replace("</row>", "</rox>", 1),
        SHEET.replace("<v>1</v>", "<v>99</v>"),  # a shared string that does not exist
        SHEET.replace("<v>0</v>", "<v>x</v>"),
    ],
)
def test_malformed_sheets_are_unreadable(sheet: str):
    with pytest.raises(Unreadable):
        list(read_first_sheet(io.BytesIO(handmade(sheet)), Limits()).rows)  # type: ignore[arg-type]
