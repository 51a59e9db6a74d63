"""``--lang en``: a failing command explains itself in English, with no Chinese left in."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest

from tests.cli.process import mzdesk

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def english_failure(*args: str, cwd: Path) -> str:
    result = mzdesk("--lang", "en", *args, cwd=cwd)
    assert result.returncode == 1, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert not CJK.search(output), output
    return output


def test_import_of_an_unsupported_file_type(tmp_path: Path) -> None:
    (tmp_path / "roster.pdf").write_bytes(b"%PDF-1.4")
    output = english_failure("import", "residents", "roster.pdf", "--db", "x.db", cwd=tmp_path)
    assert "Nothing was imported: roster.pdf has 1 problem(s)." in output
    assert "file: the file type '.pdf' is not supported; use .xlsx or .csv" in output


@pytest.mark.parametrize("command", ["template", "export"])
def test_writing_an_unsupported_file_type(tmp_path: Path, command: str) -> None:
    output = english_failure(command, "beds", "--out", "beds.pdf", cwd=tmp_path)
    assert "the file type '.pdf' is not supported" in output


@pytest.mark.parametrize("side", ["sync", "server"])
def test_a_rejected_bundle(tmp_path: Path, side: str) -> None:
    (tmp_path / "junk.mzbundle").write_bytes(b"not a bundle at all")
    db = "site.db" if side == "sync" else "server.db"
    if side == "sync":  # a desktop's database exists; a mistyped one is refused before this
        from mzdesk.store.engine import open_store

        open_store(tmp_path / db).close()
    output = english_failure(side, "import-bundle", "junk.mzbundle", "--db", db, cwd=tmp_path)
    assert output.startswith("The sync bundle was refused: "), output


def test_chinese_stays_the_default(tmp_path: Path) -> None:
    result = mzdesk("template", "beds", "--out", "beds.pdf", cwd=tmp_path)
    assert result.returncode == 1
    assert "不支持的文件类型「.pdf」，请使用 .xlsx 或 .csv" in result.stderr


def test_import_messages_in_english(tmp_path: Path) -> None:
    """Only the data and the file's own column headers stay Chinese."""
    from tests.helpers.people import id_number

    good = id_number(dt.date(1940, 5, 1))
    rows = [
        ["机构名称", "姓名", "身份证号", "性别", "入住日期", "供养类型"],
        ["康乐园", "张三", "123", "男", "2025-01-01", ""],
        ["康乐园", "李四", good, "外星", "2025-13-01", ""],
        ["无名院", "王五", "", "", "2025-01-01", "特困"],
        ["康乐园", "赵六", id_number(dt.date(1938, 3, 2)), "", "2025-01-01", ""],
    ]
    (tmp_path / "roster.csv").write_text(
        "\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8"
    )
    init = mzdesk(
        "--lang",
        "en",
        "init",
        "--name",
        "康乐园",
        "--admin",
        "admin",
        "--password",
        "secret-1",
        "--db",
        "x.db",
        cwd=tmp_path,
    )
    assert init.returncode == 0, init.stderr
    user = ("admin", "secret-1")

    def english(result: subprocess.CompletedProcess[str]) -> str:
        output = result.stdout + result.stderr
        remaining = output
        for value in sorted({v for r in rows for v in r if v}, key=len, reverse=True):
            remaining = remaining.replace(value, "")
        assert not CJK.search(remaining), output
        return output

    args = ("--lang", "en", "import", "residents", "roster.csv", "--db", "x.db")
    rejected = mzdesk(*args, cwd=tmp_path, user=user)
    assert rejected.returncode == 1
    output = english(rejected)
    assert "Nothing was imported: roster.csv has" in output
    assert "row 2 身份证号: an ID number has 18 characters, this one has 3" in output
    assert "row 4 机构名称: institution '无名院' does not exist" in output
    skipped = mzdesk(*args, "--skip-invalid", cwd=tmp_path, user=user)
    assert skipped.returncode == 0, skipped.stderr
    output = english(skipped)
    assert "resident: 4 rows, 1 added, 0 updated, 0 unchanged, 3 rows skipped" in output


def test_a_missing_database(tmp_path: Path) -> None:
    output = english_failure("stats", "training", "--db", "nowhere.db", cwd=tmp_path)
    assert "no database file at" in output and "nowhere.db" in output
