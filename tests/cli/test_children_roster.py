"""``mzdesk export|import|template children`` as real processes: a roster imported by the
administrator (bad rows named, --skip-invalid), exported with the private columns for them and
without for a read-only user, who may not import; a nursing home has no children's roster."""

from __future__ import annotations

import openpyxl

from tests.cli.process import mzdesk
from tests.cli.test_children import ADMIN, VIEWER, db  # noqa: F401  (the children's home)
from tests.services.tables.children import sheet_rows

HEADER = ["机构名称", "姓名", "出生日期", "儿童类别", "接收方式", "接收日期"]
HEADER += ["捡拾日期", "送交单位", "公告日期"]


def test_children_roster_from_the_command_line(db, tmp_path):  # noqa: F811
    template = tmp_path / "模板.xlsx"
    made = mzdesk("template", "children", "--out", str(template), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert openpyxl.load_workbook(template).sheetnames == ["数据", "填写说明"]

    roster = tmp_path / "儿童名册.xlsx"
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    home, police = "市儿童福利院", "公安机关送交"
    book.active.append(
        [home, "党小春", "2026-02-20", "弃婴", police, "2026-03-02", "2026-03-01", "城关派出所"]
    )
    book.active["I2"] = "2026-03-05"
    book.active.append([home, "王小明", "2019-04-02", "孤儿", police, "2026-13-02"])
    book.save(roster)
    args = ("import", "children", str(roster), "--db", db)
    refused = mzdesk(*args, cwd=tmp_path, user=ADMIN)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "第3行 接收日期" in refused.stderr and "第3行 送交单位" in refused.stderr
    imported = mzdesk(*args, "--skip-invalid", cwd=tmp_path, user=ADMIN)
    assert imported.returncode == 0, imported.stderr
    assert "新增1" in imported.stdout.replace(" ", ""), imported.stdout

    mine = tmp_path / "管理员.xlsx"
    out = mzdesk("export", "children", "--out", str(mine), "--db", db, cwd=tmp_path, user=ADMIN)
    assert out.returncode == 0, out.stderr
    headers, rows = sheet_rows(mine)
    assert rows["党小春"]["送交单位"] == "城关派出所"
    assert rows["党小春"]["公告期满日期"] == "2026-05-04"

    theirs = tmp_path / "只读.xlsx"
    out = mzdesk("export", "children", "--out", str(theirs), "--db", db, cwd=tmp_path, user=VIEWER)
    assert out.returncode == 0, out.stderr
    headers, rows = sheet_rows(theirs)
    assert "送交单位" not in headers and "城关派出所" not in str(rows)
    assert rows["党小春"]["公告日期"] == "2026-03-05"

    denied = mzdesk("import", "children", str(mine), "--db", db, cwd=tmp_path, user=VIEWER)
    assert denied.returncode != 0 and "Traceback" not in denied.stderr
    assert "只读没有「导入数据」的权限" in denied.stderr, denied.stderr


def test_a_nursing_home_has_no_childrens_roster(tmp_path):
    path = str(tmp_path / "n.db")
    made = mzdesk(
        "init",
        "--db",
        path,
        "--name",
        "幸福养老院",
        "--admin",
        "admin",
        "--password",
        "pw-12345",
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    out = mzdesk(
        "export",
        "children",
        "--out",
        str(tmp_path / "x.xlsx"),
        "--db",
        path,
        cwd=tmp_path,
        user=("admin", "pw-12345"),
    )
    assert out.returncode != 0 and "没有儿童福利机构" in out.stderr, out.stderr
    assert "Traceback" not in out.stderr and not (tmp_path / "x.xlsx").exists()
