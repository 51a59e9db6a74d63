"""The data commands (init, demo, import, export, template) as real processes."""

import openpyxl
import pytest

from tests.cli.process import mzdesk
from tests.helpers.people import id_number, wrong_check

DEMO = ("admin", "demo1234")


def test_init_with_prompts_and_the_default_database(tmp_path):
    result = mzdesk(
        "init", "--kind", "nursing_home", cwd=tmp_path, input="康乐园\nadmin\nsecret-1\nsecret-1\n"
    )
    assert result.returncode == 0, result.stderr
    assert "已创建机构「康乐园」" in result.stdout
    assert (tmp_path / "xdg" / "mzdesk" / "mzdesk.db").exists()
    unknown = mzdesk(
        "init", "--name", "康乐园", "--admin", "x", "--password", "secret-1", cwd=tmp_path
    )
    assert unknown.returncode == 1
    assert "本数据库已有用户，请先登录" in unknown.stderr
    again = mzdesk(
        "init",
        "--name",
        "康乐园",
        "--admin",
        "x",
        "--password",
        "secret-1",
        cwd=tmp_path,
        user=("admin", "secret-1"),
    )
    assert again.returncode == 1
    assert "机构名称：已有同名机构「康乐园」" in again.stderr


def test_demo_export_template_import_round_trip(tmp_path):
    db = str(tmp_path / "demo.db")
    result = mzdesk("demo", "--db", db, "--scale", "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "床位152张" in result.stdout
    assert (
        mzdesk(
            "export", "residents", "--out", "r.xlsx", "--db", db, cwd=tmp_path, user=DEMO
        ).returncode
        == 0
    )
    again = mzdesk("import", "residents", "r.xlsx", "--db", db, cwd=tmp_path, user=DEMO)
    assert again.returncode == 0, again.stderr
    assert "新增0" in again.stdout and "未变" in again.stdout
    assert mzdesk("template", "beds", "--out", "t.xlsx", cwd=tmp_path).returncode == 0
    assert [c.value for c in openpyxl.load_workbook(tmp_path / "t.xlsx").active[1]][:3] == [
        "机构名称",
        "楼栋",
        "楼层",
    ]


def test_import_errors_exit_non_zero_and_skip_invalid(tmp_path):
    db = str(tmp_path / "x.db")
    assert (
        mzdesk(
            "init",
            "--db",
            db,
            "--name",
            "幸福院",
            "--admin",
            "a",
            "--password",
            "secret-1",
            cwd=tmp_path,
        ).returncode
        == 0
    )
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["机构名称", "姓名", "身份证号", "岗位", "入职日期"])
    sheet.append(["幸福院", "甲", id_number(male=False), "养老护理员", "2024-01-01"])
    sheet.append(["幸福院", "乙", wrong_check(id_number()), "养老护理员", "2024-01-01"])
    book.save(tmp_path / "w.xlsx")
    rejected = mzdesk(
        "import", "workers", "w.xlsx", "--db", db, cwd=tmp_path, user=("a", "secret-1")
    )
    assert rejected.returncode == 1
    assert "未导入任何数据" in rejected.stderr
    assert "第3行 身份证号: 校验位错误" in rejected.stderr
    partial = mzdesk(
        "import",
        "workers",
        "w.xlsx",
        "--db",
        db,
        "--skip-invalid",
        cwd=tmp_path,
        user=("a", "secret-1"),
    )
    assert partial.returncode == 0
    assert "新增1" in partial.stdout and "跳过1行" in partial.stdout
    assert "跳过 第3行 身份证号" in partial.stdout


@pytest.mark.parametrize("suffix", [".pdf", ".xls"])
def test_unsupported_output_types(tmp_path, suffix):
    result = mzdesk("template", "beds", "--out", f"t{suffix}", cwd=tmp_path)
    assert result.returncode == 1
    assert "请使用 .xlsx 或 .csv" in result.stderr


def test_a_mistyped_database_path_is_refused_not_created(tmp_path):
    """Found trying the app: `stats training --db wrong.db` made an empty database there and
    reported zeros with exit status 0; `training sessions` said there were several
    institutions. Only the commands that set a database up may create one."""
    from tests.cli.process import mzdesk as run

    missing = tmp_path / "nonexist.db"
    for args in (["stats", "training"], ["training", "sessions", "--json"],
                 ["export", "workers", "--out", str(tmp_path / "w.xlsx")]):  # fmt: skip
        done = run(*args, "--db", str(missing), cwd=tmp_path)
        assert done.returncode == 1, (args, done.stdout)
        assert "找不到数据库文件" in done.stderr and str(missing) in done.stderr
        assert "Traceback" not in done.stderr and not missing.exists()
    made = run("demo", "--db", str(missing), cwd=tmp_path)
    assert made.returncode == 0 and missing.exists()
