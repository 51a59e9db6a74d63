"""Hostile files for the children's roster (issue 16): a cell that inflates to a gigabyte and a
file that is no workbook are refused with a message naming the file, read with bounded memory
(measured in a child process against a tiny roster imported the same way), nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.services.tables_hostile.test_bombs import GIB, SHEET, bomb

HOME = "市儿童福利院"
CHILD = r"""
import json, resource, sys
from pathlib import Path
from sqlalchemy import func, select
from mzdesk.core.i18n import set_language
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importers.base import ImportRejected
from mzdesk.services.tables.importing import import_file
from mzdesk.store.engine import open_store
from mzdesk.store.models import Resident
from tests.helpers.actors import SETUP

set_language("zh")
path, db = Path(sys.argv[1]), Path(sys.argv[2])
store = open_store(db)
kind = InstitutionKind.CHILDREN_HOME
create_institution(store, SETUP, InstitutionData(name=sys.argv[3], kind=kind))
problems = []
try:
    import_file(store, SETUP, Kind.CHILDREN, path)
except ImportRejected as error:
    problems = [str(p) for p in error.report.problems]
with store.read() as session:
    children = session.scalar(select(func.count()).select_from(Resident))
store.close()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"problems": problems, "peak": peak, "children": children}))
"""

HEADERS = ("机构名称", "姓名", "儿童类别", "接收方式", "转出机构", "接收日期", "出生日期")
CELL_PREFIX = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1">'
    + "".join(
        f'<c r="{col}1" t="inlineStr"><is><t>{h}</t></is></c>'
        for col, h in zip("ABCDEFG", HEADERS, strict=True)
    )
    + "</row>"
    '<row r="2"><c r="A2" t="inlineStr"><is><t>' + HOME + "</t></is></c>"
    '<c r="B2" t="inlineStr"><is><t>'
).encode()
CELL_SUFFIX = b"</t></is></c></row></sheetData></worksheet>"


def _tiny(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.append(list(HEADERS))
    book.active.append([HOME, "党小春", "弃婴", "转入", "县儿童福利院", "2026-03-02", "2026-02-20"])
    book.save(path)
    return path


def _run(path: Path, tmp_path: Path) -> dict:
    db = tmp_path / f"{path.stem}.db"
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(db), HOME],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> int:
    folder = tmp_path_factory.mktemp("baseline")
    outcome = _run(_tiny(folder / "tiny.xlsx"), folder)
    assert (outcome["problems"], outcome["children"]) == ([], 1)  # the tiny roster imports
    return int(outcome["peak"])


def test_a_childs_name_that_inflates_to_a_gigabyte(tmp_path, baseline):
    path = bomb(tmp_path / "儿童名册.xlsx", SHEET, CELL_PREFIX, CELL_SUFFIX, GIB)
    assert path.stat().st_size < 3_000_000
    outcome = _run(path, tmp_path)
    assert outcome["problems"] and "儿童名册.xlsx" in outcome["problems"][0], outcome
    assert "恶意文件" in outcome["problems"][0] and outcome["children"] == 0
    assert outcome["peak"] - baseline < 300 * 1024 * 1024, (outcome["peak"], baseline)


def test_a_file_that_is_no_workbook(tmp_path, baseline):
    path = tmp_path / "儿童名册.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 4096)
    outcome = _run(path, tmp_path)
    assert outcome["problems"] and "儿童名册.xlsx" in outcome["problems"][0], outcome
    assert outcome["children"] == 0
