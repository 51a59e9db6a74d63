"""``--lang en``: a failing command explains itself in English, with no Chinese left in."""

from __future__ import annotations

import re
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
    output = english_failure(side, "import-bundle", "junk.mzbundle", "--db", db, cwd=tmp_path)
    assert output.startswith("The sync bundle was refused: "), output


def test_chinese_stays_the_default(tmp_path: Path) -> None:
    result = mzdesk("template", "beds", "--out", "beds.pdf", cwd=tmp_path)
    assert result.returncode == 1
    assert "不支持的文件类型「.pdf」，请使用 .xlsx 或 .csv" in result.stderr
