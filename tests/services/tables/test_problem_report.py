"""The problem list an import dialog saves: one line per problem (行号, 列, 内容, 问题), the
cell as read, row numbers as numbers in .xlsx, and a .csv Excel opens (UTF-8 with BOM, a
formula-like cell made safe)."""

import csv

import openpyxl

from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importing import preview_import
from mzdesk.services.tables.problem_report import write_problem_report
from tests.services.tables.test_import import HOME, seeded, xlsx  # noqa: F401 - fixture

HEADER = ["姓名", "身份证号", "性别", "出生日期", "入住日期", "供养类型"]


def test_the_problem_list_as_xlsx_and_csv(seeded, tmp_path):  # noqa: F811
    path = xlsx(
        tmp_path / "r.xlsx",
        [HEADER, ["周甲", "123", "男", None, "2026-02-01", "=1+1"]],
    )
    preview = preview_import(seeded, Kind.RESIDENTS, path, institution=HOME)
    assert write_problem_report(tmp_path / "p.xlsx", preview) == len(preview.problems) == 2
    rows = list(openpyxl.load_workbook(tmp_path / "p.xlsx").active.iter_rows())
    assert [c.value for c in rows[0]] == ["行号", "列", "内容", "问题"]
    lines = {r[1].value: r for r in rows[1:]}
    assert lines["身份证号"][0].value == 2 and lines["身份证号"][0].data_type == "n"
    assert lines["身份证号"][2].value == "123" and lines["身份证号"][2].data_type == "s"
    assert lines["供养类型"][2].data_type == "s"  # text, never a formula
    assert write_problem_report(tmp_path / "p.csv", preview) == 2
    raw = (tmp_path / "p.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert table[0] == ["行号", "列", "内容", "问题"]
    assert {(r[0], r[1]) for r in table[1:]} == {("2", "身份证号"), ("2", "供养类型")}
    assert all(not r[2].startswith("=") for r in table[1:])


def test_a_file_problem_is_a_line_without_a_row(seeded, tmp_path):  # noqa: F811
    bad = tmp_path / "old.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0")
    preview = preview_import(seeded, Kind.RESIDENTS, bad, institution=HOME)
    write_problem_report(tmp_path / "f.xlsx", preview)
    (line,) = list(openpyxl.load_workbook(tmp_path / "f.xlsx").active.iter_rows(min_row=2))
    assert line[0].value is None and "xlsx" in line[3].value
