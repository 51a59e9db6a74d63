"""Every problem of a row at once (issue 14: "a preview of the rows with every problem by row
and column"): a residents row whose 供养类型 cannot be read still has its ID number checked,
so the person fixes both in one pass rather than finding the second after the first."""

import datetime as dt

from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importing import preview_import
from tests.helpers.people import id_number
from tests.services.tables.test_import import HOME, seeded, xlsx  # noqa: F401 - fixture

HEADER = ["姓名", "身份证号", "性别", "出生日期", "入住日期", "供养类型"]


def test_a_row_with_an_unreadable_cell_has_its_other_cells_checked_too(seeded, tmp_path):  # noqa: F811
    path = xlsx(
        tmp_path / "r.xlsx",
        [
            HEADER,
            ["周甲", "123", "男", None, "2026-02-01", "外星"],
            ["周乙", id_number(), "男", None, "2026-02-01", "外星"],
            [None, "456", "女", "不是日期", "2026-02-01", "自费"],
        ],
    )
    preview = preview_import(seeded, Kind.RESIDENTS, path, institution=HOME)
    found = sorted((p.row, p.column) for p in preview.problems)
    assert found == [
        (2, "供养类型"),
        (2, "身份证号"),
        (3, "供养类型"),
        (4, "出生日期"),
        (4, "姓名"),
        (4, "身份证号"),
    ]
    # a cell that could not be read is said once, not again as missing
    assert len([p for p in preview.problems if (p.row, p.column) == (4, "姓名")]) == 1


def test_a_workers_row_with_an_unknown_post_has_its_id_number_checked_too(seeded, tmp_path):  # noqa: F811
    path = xlsx(
        tmp_path / "w.xlsx",
        [
            ["姓名", "身份证号", "岗位", "入职日期", "联系电话"],
            ["孙丙", "789", "宇航员", "2025-03-01", "12"],
            ["孙丁", id_number(dt.date(1980, 1, 1)), "护理员", "不是日期", None],
        ],
    )
    preview = preview_import(seeded, Kind.WORKERS, path, institution=HOME)
    found = sorted((p.row, p.column) for p in preview.problems)
    assert found == [(2, "岗位"), (2, "联系电话"), (2, "身份证号"), (3, "入职日期")]


def test_an_institutions_row_with_an_unknown_kind_has_its_codes_checked_too(store, tmp_path):
    path = xlsx(
        tmp_path / "i.xlsx",
        [
            ["机构名称", "机构类型", "统一社会信用代码", "行政区划代码"],
            ["某某院", "宇宙站", "123", "37"],
        ],
    )
    preview = preview_import(store, Kind.INSTITUTIONS, path)
    columns = sorted(p.column for p in preview.problems)
    assert "机构类型" in columns and "统一社会信用代码" in columns, preview.problems
