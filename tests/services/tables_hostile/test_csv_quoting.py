"""CSV files are read as CSV: quoted cells keep their line breaks, and characters that
str.splitlines() treats as line ends (U+2028, U+2029, VT, FF, NEL, …) do not split a record.
Row numbers are the file's record numbers, as Excel shows them."""

import datetime as dt

import pytest
from sqlalchemy import select

from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importers.base import ImportRejected
from mzdesk.services.tables.importing import import_file, preview_import
from mzdesk.store.models import Resident
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number
from tests.services.tables.test_import import HOME

HEADER = "机构名称,姓名,身份证号,性别,入住日期,备注\r\n"


def test_a_line_break_inside_a_quoted_cell_is_kept(seeded, tmp_path):
    a, b = id_number(dt.date(1940, 1, 2)), id_number(dt.date(1941, 1, 2))
    path = tmp_path / "住户.csv"
    path.write_text(
        HEADER
        + f'{HOME},赵建国,{a},男,2025-01-05,"糖尿病\r\n每日两次胰岛素"\r\n'
        + f"{HOME},钱秀英,{b},男,2025-01-05,\r\n",
        encoding="utf-8",
    )
    report = import_file(seeded, SETUP, Kind.RESIDENTS, path)
    assert report.created == 2
    with seeded.read() as s:
        notes = {r.name: r.note for r in s.scalars(select(Resident))}
    # a multi-line field keeps its line breaks as \n (docs/data-rules.md)
    assert notes["赵建国"] == "糖尿病\n每日两次胰岛素"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\x1c"])
def test_line_separator_characters_inside_a_cell_do_not_split_the_row(seeded, tmp_path, separator):
    a = id_number(dt.date(1940, 1, 2))
    path = tmp_path / "住户.csv"
    path.write_text(
        HEADER
        + f"{HOME},赵建国,{a},男,2025-01-05,左{separator}右\r\n"
        + f"{HOME},钱秀英,{id_number(dt.date(1941, 1, 2), male=False)},女,2025-13-05,\r\n",
        encoding="utf-8",
    )
    preview = preview_import(seeded, Kind.RESIDENTS, path)
    assert [row.number for row in preview.rows] == [2, 3]
    # the separator itself is refused by the text rule, at the row and column it is in
    refused, late = sorted(preview.problems, key=lambda p: p.row or 0)
    assert (refused.row, refused.column) == (2, "备注")
    assert f"U+{ord(separator):04X}" in refused.message
    assert (late.row, late.column) == (3, "入住日期")


def test_row_numbers_after_a_multi_line_cell_are_the_records_numbers(seeded, tmp_path):
    """Excel shows a record with a line break in a cell as one row: the next record is row 3,
    not row 4."""
    path = tmp_path / "住户.csv"
    path.write_text(
        HEADER
        + f'{HOME},赵建国,{id_number(dt.date(1940, 1, 2))},男,2025-01-05,"一\n二\n三"\r\n'
        + f"{HOME},,{id_number(dt.date(1941, 1, 2), male=False)},女,2025-01-05,\r\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRejected) as rejected:
        import_file(seeded, SETUP, Kind.RESIDENTS, path)
    (problem,) = rejected.value.report.problems
    assert (problem.row, problem.column) == (3, "姓名")
