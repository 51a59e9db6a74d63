"""``mzdesk import hazards`` and ``mzdesk export hazards`` as real processes."""

from __future__ import annotations

import datetime as dt

import openpyxl

from tests.cli.process import mzdesk
from tests.services.tables.staff import sheet

D = dt.date
HEADER = ["机构名称", "发现日期", "隐患描述", "隐患等级", "整改措施", "责任人", "整改期限",
          "整改完成日期", "复查人", "复查日期", "状态"]  # fmt: skip


def test_import_and_export_a_hazard_ledger(store, home, tmp_path):
    db = str(tmp_path / "test.db")
    good = sheet(
        tmp_path / "台账.xlsx",
        [HEADER,
         ["幸福养老院", D(2026, 3, 1), "灭火器压力不足", "一般", "更换", "刘", D(2026, 3, 31),
          D(2026, 3, 10), "王建国", D(2026, 3, 12), "已销号"],
         ["幸福养老院", D(2026, 4, 2), "安全出口堵塞", "重大", None, None, D(2026, 4, 9),
          None, None, None, None]],
    )  # fmt: skip
    first = mzdesk("import", "hazards", str(good), "--db", db, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "隐患：共2行，新增2，更新0，未变0" in first.stdout
    again = mzdesk("import", "hazards", str(good), "--db", db, cwd=tmp_path)
    assert again.returncode == 0 and "新增0，更新0，未变2" in again.stdout

    bad = sheet(
        tmp_path / "bad.xlsx",
        [HEADER,
         ["幸福养老院", D(2026, 4, 2), "楼梯扶手松动", "一般", None, None, "2026-02-30",
          None, None, None, None]],
    )  # fmt: skip
    refused = mzdesk("import", "hazards", str(bad), "--db", db, cwd=tmp_path)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "第2行 整改期限" in refused.stderr

    out = tmp_path / "export.xlsx"
    exported = mzdesk("export", "hazards", "--out", str(out), "--db", db, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER and len(rows) == 3
    assert rows[2][1] == dt.datetime(2026, 4, 2) and rows[2][3] == "重大隐患"
    assert rows[2][10] == "待整改"


def test_list_steps_and_deadlines(store, home, tmp_path):
    import io
    import json

    from PIL import Image

    from tests.services.hazards.conftest import inspect_with_failures

    major, _ = inspect_with_failures(store, home.id).hazards
    db = str(tmp_path / "test.db")

    def run(*args: str):
        return mzdesk("hazards", *args, "--db", db, cwd=tmp_path)

    listed = run("list", "--as-of", "2026-03-10", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [(r["level"], r["overdue_days"]) for r in rows] == [("重大隐患", 2), ("一般隐患", 0)]
    text = run("list", "--as-of", "2026-03-10", "--overdue")
    assert "共 1 项，超期 1 项" in text.stdout and "（超期 2 天）" in text.stdout

    sid = str(major)
    missing = mzdesk("--lang", "en", "hazards", "step", "ffff0000-0000-0000-0000-000000000000",
                     "start", "--db", db, cwd=tmp_path)  # fmt: skip
    assert missing.returncode == 1 and "no hazard" in missing.stderr
    assert "隐患" not in missing.stderr
    assert "「整改中」" in run("step", sid, "start", "--on", "2026-03-02", "--by", "刘").stdout
    photo = tmp_path / "after.png"
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "green").save(buffer, "PNG")
    photo.write_bytes(buffer.getvalue())
    submitted = run(
        "step", sid, "submit", "--on", "2026-03-03", "--by", "刘", "--photo", str(photo)
    )
    assert "「待复查」" in submitted.stdout, submitted.stderr
    refused = run("step", sid, "return", "--on", "2026-03-04", "--by", "王")
    assert refused.returncode == 1 and "原因" in refused.stderr
    assert "Traceback" not in refused.stderr
    extended = run(
        "step", sid, "extend", "--on", "2026-03-04", "--new-deadline", "2026-03-20",
        "--reason", "等配件", "--approved-by", "院长",
    )  # fmt: skip
    assert "2026-03-20" in extended.stdout, extended.stderr
    assert "「已销号」" in run("step", sid, "pass", "--on", "2026-03-05", "--by", "王").stdout

    shown = run("deadlines", "--major", "3")
    assert "一般隐患 30 天，重大隐患 3 天" in shown.stdout, shown.stderr
    bad = run("deadlines", "--ordinary", "0")
    assert bad.returncode == 1 and "1 到 365" in bad.stderr


def test_show_and_follow_up(store, home, tmp_path):
    import json

    from tests.services.hazards.conftest import inspect_with_failures

    inspected = inspect_with_failures(store, home.id)
    major, ordinary = inspected.hazards
    db = str(tmp_path / "test.db")

    def run(*args: str):
        return mzdesk("hazards", *args, "--db", db, cwd=tmp_path)

    iid = str(inspected.inspection_id)
    missing = run("follow-up", iid, "--on", "2026-03-09", "--by", "孙", "--passed", str(major))
    assert missing.returncode == 1 and "1项隐患未填写" in missing.stderr
    bad = run("follow-up", iid, "--by", "孙", "--returned", "不是ID")
    assert bad.returncode == 1 and "隐患ID=原因" in bad.stderr
    done = run(
        "follow-up", iid, "--on", "2026-03-09", "--by", "区民政局 孙", "--passed", str(major),
        "--returned", f"{ordinary}=演练记录缺失",
    )  # fmt: skip
    assert "通过 1 项，打回 1 项" in done.stdout, done.stderr
    shown = json.loads(run("show", str(ordinary), "--as-of", "2026-03-10").stdout)
    assert (shown["status"], shown["overdue_days"]) == ("整改中", 0)
    assert [(h["step"], h["by"], h["reason"]) for h in shown["history"]] == [
        ("发现", "张三、李四", None),
        ("打回", "区民政局 孙", "演练记录缺失"),
    ]


def test_hazards_commands_take_a_unique_beginning_of_an_id(store, home, tmp_path):
    import json

    from tests.services.hazards.conftest import inspect_with_failures

    inspected = inspect_with_failures(store, home.id)
    major, ordinary = inspected.hazards
    db = str(tmp_path / "test.db")

    def run(*args: str):
        return mzdesk("hazards", *args, "--db", db, cwd=tmp_path)

    common = next(n for n in range(32, 0, -1) if major.hex[:n] == ordinary.hex[:n])
    several = run("show", major.hex[:common])
    assert several.returncode == 1 and "对应 2 条隐患" in several.stderr, several.stderr
    missing = run("step", "zz-not-an-id", "start", "--by", "刘")
    assert missing.returncode == 1 and "找不到隐患「zz-not-an-id」" in missing.stderr
    nowhere = run("follow-up", "ffffffff", "--by", "孙")
    assert nowhere.returncode == 1 and "找不到检查记录「ffffffff」" in nowhere.stderr
    for refused in (several, missing, nowhere):
        assert "Invalid value" not in refused.stderr and "Traceback" not in refused.stderr
    mine, theirs = major.hex[: common + 1], str(ordinary)[: common + 4]  # hyphens or not
    assert json.loads(run("show", mine).stdout)["id"] == str(major)
    done = run(
        "follow-up", inspected.inspection_id.hex[:12], "--on", "2026-03-09", "--by", "孙",
        "--passed", mine, "--returned", f"{theirs}=演练记录缺失",
    )  # fmt: skip
    assert "通过 1 项，打回 1 项" in done.stdout, done.stderr
    started = run("step", theirs, "start", "--on", "2026-03-10", "--by", "刘")
    assert "「整改中」" not in started.stdout  # 打回 left it 整改中 already
    assert "不能开始整改" in started.stderr, started.stderr
