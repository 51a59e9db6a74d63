"""A formula cell whose file carries no computed value (written by a tool that does not
calculate, such as openpyxl) is refused as a formula, not reported as blank; a formula with a
cached value is read as that value."""

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importers.base import ImportRejected
from mzdesk.services.tables.importing import import_file
from mzdesk.store.models import Resident
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number
from tests.services.tables.test_import import HOME

HEADER = ["机构名称", "姓名", "身份证号", "性别", "入住日期", "备注", "姓", "名"]


def roster(path: Path, number: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2026年花名册"])
    sheet.append([])
    sheet.append([])
    sheet.append(HEADER)
    sheet.append([HOME, "=G5&H5", number, "男", "2025-01-05", None, "赵", "建国"])
    book.save(path)
    return path


def test_a_formula_without_a_computed_value_is_refused_as_a_formula(seeded, tmp_path):
    path = roster(tmp_path / "住户.xlsx", id_number(dt.date(1940, 1, 2)))
    with pytest.raises(ImportRejected) as rejected:
        import_file(seeded, SETUP, Kind.RESIDENTS, path)
    (problem,) = rejected.value.report.problems
    assert str(problem) == (
        "第5行 姓名: 是公式（=G5&H5），没有计算结果；请在 Excel 中打开并保存，或粘贴为数值"
    )


def with_cached_value(path: Path, value: str) -> Path:
    """What Excel writes after calculating: the formula and its value (t="str")."""
    out = path.with_name("cached.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start = text.index('<c r="B5"')
                end = text.index("</c>", start) + len("</c>")
                text = (
                    text[:start]
                    + f'<c r="B5" t="str"><f>G5&amp;H5</f><v>{value}</v></c>'
                    + text[end:]
                )
                data = text.encode()
            target.writestr(item, data)
    return out


def test_a_formula_with_a_computed_value_imports_the_value(seeded, tmp_path):
    path = with_cached_value(roster(tmp_path / "住户.xlsx", id_number()), "赵建国")
    report = import_file(seeded, SETUP, Kind.RESIDENTS, path)
    assert report.created == 1
    with seeded.read() as s:
        assert s.scalars(select(Resident.name)).all() == ["赵建国"]
