"""The children's figures exported (issue 16): ``mzdesk stats children --xlsx/--pdf`` run as a
real process on the district fixture; the workbook read back with openpyxl and the PDF with
poppler (tests/helpers/tools.py) carry the figures of stats/children.py — and no child's name,
birth family or foster family."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest

from mzdesk.core.i18n import set_language
from mzdesk.reports.children_rows import headline, sections
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.children import children_statistics
from mzdesk.stats.children_homes import children_side_by_side
from tests.cli.process import mzdesk
from tests.helpers import tools
from tests.helpers.children_district import make_district

DAY = dt.date(2026, 4, 10)
PERIOD = (dt.date(2026, 1, 1), DAY)
# what the fixture knows of the children and their families: never in a figure's export
PRIVATE = ("孤儿甲", "弃婴乙", "残疾丙", "李家", "幸福路8号", "城关派出所", "祖父母", "王医生")


@pytest.fixture
def district(store):
    return make_district(store)


def _workbook(path):
    book = openpyxl.load_workbook(path)
    cells = [
        v for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row
    ]
    return book, cells


def test_homes_side_by_side_add_up_to_the_region(store, district):
    scope = Scope(region_prefix="370212", as_of=DAY)
    total = children_statistics(store, scope, PERIOD)
    homes = children_side_by_side(store, scope, PERIOD)
    assert [h.name for h in homes] == ["甲区儿童福利院", "甲区儿童福利院分院"]
    assert [h.figures.in_care for h in homes] == [3, 1]
    for name in ("in_care", "in_house", "in_foster_care", "at_school", "with_disability"):
        assert sum(getattr(h.figures, name) for h in homes) == getattr(total, name), name
    assert sum(h.figures.notices_past_deadline for h in homes) == total.notices_past_deadline
    assert (
        children_side_by_side(store, Scope(region_prefix="3703", as_of=DAY), PERIOD)[
            0
        ].figures.in_care
        == 1
    )


def test_the_cli_writes_the_workbook_and_the_pdf(store, district, tmp_path):
    book_path, pdf_path = tmp_path / "children.xlsx", tmp_path / "children.pdf"
    result = mzdesk(
        "stats", "children", "--db", str(store.path), "--region", "370212",
        "--as-of", DAY.isoformat(), "--json", "--xlsx", str(book_path), "--pdf", str(pdf_path),
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)  # stdout stays one JSON object
    f = children_statistics(store, Scope(region_prefix="370212", as_of=DAY), PERIOD)
    assert printed == f.as_json()
    assert str(book_path) in result.stderr and str(pdf_path) in result.stderr

    book, cells = _workbook(book_path)
    assert book.sheetnames == ["儿童统计", "寻亲公告", "各机构"]
    sheet = book["儿童统计"]
    assert sheet["A1"].value == "区划370212 儿童福利统计报表"
    rows = [r for r in sheet.iter_rows(values_only=True) if r and r[0] is not None]
    pairs = [(r[0], r[1]) for r in rows if len(r) > 1 and r[1] is not None]
    expected = [("指标", "数值"), *headline(f)]
    for title, counts in sections(f):
        expected += [(title, "人数"), *counts]
    assert pairs == expected
    assert dict(headline(f))["在院儿童"] == printed["in_care"] == 4
    assert all(isinstance(v, int) for _label, v in pairs[1:] if v not in ("人数",))
    homes = list(book["各机构"].iter_rows(values_only=True))
    assert homes[1][:4] == ("甲区儿童福利院", "370212", 3, 2)
    assert homes[-1][0] == "合计" and homes[-1][2] == printed["in_care"]
    notices = list(book["寻亲公告"].iter_rows(values_only=True))
    assert notices[1] == ("甲区儿童福利院", "2026-02-05", "2026-04-06", "已过公告期")
    assert not [c for c in cells if isinstance(c, str) and any(p in c for p in PRIVATE)]

    text = tools.flat(tools.pdf_text(pdf_path))
    assert "区划370212儿童福利统计报表" in text
    assert "统计日期2026-04-10" in text
    for heading in ("按类别", "按年龄段", "按残疾类别", "期内安置（按方式）", "寻亲公告", "各机构"):
        assert heading in text, heading
    assert "在院儿童4" in text and "其中家庭寄养1" in text and "孤儿2" in text
    assert "甲区儿童福利院2026-02-052026-04-06已过公告期" in text
    assert not [p for p in PRIVATE if p in text]
    fonts = tools.pdf_fonts(pdf_path)
    assert fonts and all(font.embedded for font in fonts)
    assert tools.pdf_info(pdf_path)["Page size"].endswith("(A4)")


def test_in_english_and_for_one_home(store, district, tmp_path):
    pdf_path = tmp_path / "home.pdf"
    result = mzdesk(
        "--lang", "en", "stats", "children", "--db", str(store.path),
        "--institution", "甲区儿童福利院", "--as-of", DAY.isoformat(), "--pdf", str(pdf_path),
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = tools.flat(tools.pdf_text(pdf_path))
    set_language("en")
    f = children_statistics(store, Scope(district["甲"], None, DAY), PERIOD)  # labels in English
    assert "Children'swelfarefigures甲区儿童福利院" in text
    for label, n in headline(f):
        assert tools.flat(label) + str(n) in text, label
    assert "Homes" not in text  # one home: no side by side
    bad = mzdesk(
        "stats", "children", "--db", str(store.path), "--xlsx", str(tmp_path / "no" / "x.xlsx"),
        cwd=tmp_path,
    )  # fmt: skip
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
