"""Importing rosters as people really keep them (the files are written by the tests)."""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from mzdesk.core.vocab import BedStatus, BedType, InstitutionKind, ResidentStatus
from mzdesk.services.beds import list_beds
from mzdesk.services.institutions import list_institutions
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importers.base import ImportRejected
from mzdesk.services.tables.importing import import_file
from mzdesk.services.tables.writing import export_table, write_template
from mzdesk.store.engine import open_store
from mzdesk.store.models import OutboxEntry, Resident
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number, wrong_check

HOME = "幸福养老院"
RESIDENT_HEADER = [
    "机构名称",
    "姓名",
    "身份证号",
    "性别",
    "出生日期",
    "入住日期",
    "床位号",
    "供养类型",
    "联系人",
    "联系电话",
]


def xlsx(
    path: Path, rows, *, title: str | None = None, blank_rows: int = 0, trailing: int = 0
) -> Path:
    """A sheet like a real roster: an optional merged title row, blank rows, the data, and
    trailing rows that Excel keeps (formatted but empty)."""
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for _ in range(blank_rows):
        sheet.append([])
    for row in rows:
        sheet.append(list(row))
    last = sheet.max_row
    for r in range(last + 1, last + 1 + trailing):
        sheet.cell(row=r, column=1).number_format = "@"
        sheet.cell(row=r, column=2).value = "   "
    book.save(path)
    return path


def institutions_file(tmp_path: Path) -> Path:
    return xlsx(
        tmp_path / "机构.xlsx",
        [
            [
                "机构名称",
                "机构类型",
                "机构定位",
                "运营方式",
                "等级",
                "统一社会信用代码",
                "行政区划代码",
            ],
            [HOME, "养老机构", "普惠型", "民办", "三级", "52370212MJ00000011", 370212],
            ["市儿童福利院", "儿童福利机构", None, "公办公营", "未评级", None, "370200"],
        ],
    )


def beds_file(tmp_path: Path, name="床位.xlsx") -> Path:
    rows = [["机构名称", "楼栋", "楼层", "房间", "床位号", "床位类型", "状态"]]
    for room in (101, 102, 103):
        for k in (1, 2):
            rows.append(
                [
                    HOME,
                    "1号楼",
                    "1层",
                    room,
                    f"{room}-{k}",
                    "护理型" if room != 103 else "自理型",
                    "空闲",
                ]
            )
    rows.append([HOME, "2号楼", "1层", "101", "101-1", "认知障碍照护", None])
    return xlsx(tmp_path / name, rows, title="床位登记表", blank_rows=1)


@pytest.fixture
def seeded(store, tmp_path):
    from mzdesk.core.identifiers import make_uscc

    path = institutions_file(tmp_path)
    # give the roster a valid USCC
    book = openpyxl.load_workbook(path)
    book.active["F2"] = make_uscc("52370212MJ0000001")
    book.save(path)
    import_file(store, SETUP, Kind.INSTITUTIONS, path)
    import_file(store, SETUP, Kind.BEDS, beds_file(tmp_path))
    return store


def count(store, model):
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_institutions_and_beds_from_rosters_with_title_rows(seeded):
    names = {i.name: i for i in list_institutions(seeded)}
    assert names[HOME].kind is InstitutionKind.NURSING_HOME
    assert names[HOME].region_code == "370212"  # typed as a number in Excel
    beds = list_beds(seeded, names[HOME].id)
    assert len(beds) == 7
    assert {b.label for b in beds} >= {"1号楼 1层 101-1", "2号楼 1层 101-1"}
    assert sum(b.bed_type is BedType.DEMENTIA for b in beds) == 1


def test_messy_resident_roster(seeded, tmp_path):
    a = id_number(dt.date(1938, 3, 7), male=True)
    b = id_number(dt.date(1941, 12, 1), male=False)
    c = id_number(dt.date(1945, 1, 9), male=False)
    path = xlsx(
        tmp_path / "住户.xlsx",
        [
            [
                "机构名称",
                "姓名",
                "身份证号*",
                "性别",
                "出生日期（yyyy-MM-dd）",
                "入住日期",
                "床位号",
                "供养类型",
                "紧急联系人",
                "联系电话",
                "备用列",
            ],
            [
                HOME,
                "赵建国",
                a,
                "男",
                dt.datetime(1938, 3, 7),
                dt.datetime(2025, 1, 5),
                "102-1",
                "低保",
                "赵小",
                13800138000,
                "x",
            ],
            [
                HOME,
                " 钱秀英 ",
                b.lower(),
                None,
                "1941/12/1",
                "2025.1.5",
                "1号楼 1层 102-2",
                "特困",
                None,
                None,
                None,
            ],
            [None] * 11,
            [
                HOME,
                "孙桂兰",
                f" {c} ",
                "女",
                "",
                "2025年1月5日",
                "2号楼101-1",
                "自费",
                "孙强",
                "0532-88886666",
                None,
            ],
        ],
        title="2026年11月在住老人花名册",
        blank_rows=2,
        trailing=30,
    )
    report = import_file(seeded, SETUP, Kind.RESIDENTS, path)
    assert (report.rows, report.created, report.updated, report.unchanged) == (3, 3, 0, 0)
    assert report.ignored_columns == ("备用列",)
    with seeded.read() as s:
        people = {r.name: r for r in s.scalars(select(Resident))}
    assert people["钱秀英"].birth_date == dt.date(1941, 12, 1)
    assert people["钱秀英"].id_number == b.upper()
    assert people["赵建国"].admission_date == dt.date(2025, 1, 5)
    assert all(p.status is ResidentStatus.IN_HOUSE for p in people.values())
    occupied = [
        bed
        for bed in list_beds(seeded, people["赵建国"].institution_id)
        if bed.status is BedStatus.OCCUPIED
    ]
    assert sorted(bed.label for bed in occupied) == [
        "1号楼 1层 102-1",
        "1号楼 1层 102-2",
        "2号楼 1层 101-1",
    ]

    again = import_file(seeded, SETUP, Kind.RESIDENTS, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert count(seeded, Resident) == 3


def test_every_problem_is_listed_with_row_and_column_and_nothing_is_written(seeded, tmp_path):
    good = id_number(dt.date(1940, 1, 1))
    rows = [RESIDENT_HEADER]
    rows.append(
        [HOME, "周一", good, "男", None, "2025-01-01", "102-1", "低保", None, None]
    )  # row 3 (after title)
    for _ in range(12):
        rows.append([HOME, "填充", id_number(), None, None, "2025-01-01", None, None, None, None])
    rows.append(
        [
            HOME,
            "吴二",
            wrong_check(id_number()),
            None,
            None,
            "2025-01-01",
            "102-2",
            None,
            None,
            None,
        ]
    )  # 16
    rows.append(
        [HOME, "郑三", 110105194912310021, None, None, "2025-01-01", None, None, None, None]
    )  # 17
    rows.append(
        [HOME, "王四", id_number(), None, None, "01/02/2025", "103-1", "五保户啊", None, None]
    )  # 18
    rows.append(
        ["不存在的院", "冯五", id_number(), None, None, "2025-01-01", "9-9", None, None, None]
    )  # 19
    rows.append(
        [HOME, "陈六", id_number(male=True), "女", None, "2025-01-01", "101", None, None, None]
    )  # 20
    rows.append([HOME, "周一", good, None, None, "2025-01-01", None, None, None, None])  # 21
    path = xlsx(tmp_path / "bad.xlsx", rows, title="花名册")
    before = count(seeded, OutboxEntry)
    with pytest.raises(ImportRejected) as rejected:
        import_file(seeded, SETUP, Kind.RESIDENTS, path)
    messages = [str(p) for p in rejected.value.report.problems]
    assert any(m.startswith("第16行 身份证号: 校验位错误") for m in messages), messages
    assert "第17行 身份证号: 身份证号以数字形式保存" in "\n".join(messages)
    assert any(m.startswith("第18行 入住日期: 「01/02/2025」不是可识别的日期") for m in messages)
    assert any(m.startswith("第18行 供养类型: 「五保户啊」不是有效值") for m in messages)
    assert any(m.startswith("第21行 身份证号: 与第3行重复") for m in messages)
    assert any(m.startswith("第19行 机构名称: 机构「不存在的院」不存在") for m in messages)
    assert any(m.startswith("第20行 性别: 性别「女」与身份证号（男）不符") for m in messages)
    assert "第20行 床位号: 本机构没有床位「101」" in messages
    assert "第19行 床位号" not in "\n".join(
        messages
    )  # unknown institution: its beds are not looked up
    assert count(seeded, Resident) == 0
    assert count(seeded, OutboxEntry) == before

    report = import_file(seeded, SETUP, Kind.RESIDENTS, path, skip_invalid=True)
    assert report.created == 13
    assert report.skipped_rows == [16, 17, 18, 19, 20, 21]
    assert count(seeded, Resident) == 13


def test_a_bed_cannot_be_given_twice(seeded, tmp_path):
    rows = [
        RESIDENT_HEADER,
        [HOME, "甲", id_number(), None, None, "2025-01-01", "1号楼 101-1", None, None, None],
        [HOME, "乙", id_number(), None, None, "2025-01-01", "1号楼1层101-1", None, None, None],
    ]
    with pytest.raises(ImportRejected) as rejected:
        import_file(seeded, SETUP, Kind.RESIDENTS, xlsx(tmp_path / "twice.xlsx", rows))
    assert [str(p) for p in rejected.value.report.problems] == [
        "第3行 床位号: 床位「1号楼1层101-1」在第2行已被使用"
    ]


def test_a_code_that_excel_turned_into_a_date_is_not_guessed(seeded, tmp_path):
    rows = [
        ["机构名称", "楼栋", "楼层", "房间", "床位号", "床位类型"],
        [HOME, "3号楼", "1层", "101", dt.datetime(2026, 1, 2), "护理型"],
    ]
    with pytest.raises(ImportRejected) as rejected:
        import_file(seeded, SETUP, Kind.BEDS, xlsx(tmp_path / "dates.xlsx", rows))
    (problem,) = rejected.value.report.problems
    assert problem.row == 2 and problem.column == "床位号"
    assert "识别成了日期（2026-01-02）" in problem.message


def test_gbk_csv_from_chinese_excel(seeded, tmp_path):
    path = tmp_path / "workers.csv"
    person = id_number(dt.date(1980, 5, 6), male=False)
    path.write_bytes(
        (
            "机构名称,姓名,身份证号,岗位,技能等级,入职日期\r\n"
            f"{HOME},周凤琴,{person},养老护理员,四级,2024/3/1\r\n"
            ",,,,,\r\n"
        ).encode("gb18030")
    )
    report = import_file(seeded, SETUP, Kind.WORKERS, path)
    assert report.created == 1
    assert import_file(seeded, SETUP, Kind.WORKERS, path).unchanged == 1


def test_file_level_problems(seeded, tmp_path):
    no_header = xlsx(tmp_path / "nohead.xlsx", [["随便", "写写"], ["1", "2"]])
    with pytest.raises(ImportRejected) as rejected:
        import_file(seeded, SETUP, Kind.BEDS, no_header)
    assert "找不到表头行" in str(rejected.value.report.problems[0])
    missing = xlsx(tmp_path / "missing.xlsx", [["机构名称", "楼栋", "房间"], [HOME, "1", "101"]])
    with pytest.raises(ImportRejected) as rejected:
        import_file(seeded, SETUP, Kind.BEDS, missing)
    assert (
        str(rejected.value.report.problems[0])
        == "文件: 第1行表头缺少必需的列：楼层、床位号、床位类型"
    )
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ImportRejected, match="未导入任何数据") as rejected:
        import_file(seeded, SETUP, Kind.BEDS, old)
    assert "另存为 .xlsx" in str(rejected.value.report.problems[0])


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_into_a_new_database_reproduces_it(seeded, tmp_path, suffix):
    rows = [
        RESIDENT_HEADER,
        [HOME, "甲", id_number(), None, None, "2025-01-01", "102-1", "低保", "家属", "13800000000"],
    ]
    import_file(seeded, SETUP, Kind.RESIDENTS, xlsx(tmp_path / "r.xlsx", rows))
    fresh = open_store(tmp_path / f"fresh{suffix}.db")
    for kind in (Kind.INSTITUTIONS, Kind.BEDS, Kind.RESIDENTS):
        out = tmp_path / f"{kind.value}{suffix}"
        export_table(seeded, kind, out)
        try:
            assert import_file(fresh, SETUP, kind, out).created > 0
        except ImportRejected as rejected:
            raise AssertionError([str(p) for p in rejected.report.problems]) from None
        assert (
            import_file(seeded, SETUP, kind, out).created == 0
        )  # re-import into the source: no duplicates
    with fresh.read() as s:
        (person,) = s.scalars(select(Resident)).all()
        assert person.support_type.zh == "低保"
    assert len(list_beds(fresh, person.institution_id)) == 7


def test_template_has_the_headers_text_codes_and_choices(tmp_path):
    path = tmp_path / "t.xlsx"
    write_template(Kind.RESIDENTS, path)
    sheet = openpyxl.load_workbook(path).active
    headers = [c.value for c in sheet[1]]
    assert headers[:10] == RESIDENT_HEADER
    assert sheet["C2"].number_format == "@"  # 身份证号 stays text
    choices = {str(dv.sqref)[0]: dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert "低保" in choices["H"]


def test_a_reimported_roster_that_renames_someone_updates_the_pinyin_initials(seeded, tmp_path):
    """Defect: a rename by re-import kept the old initials, so 拼音 search found the old name."""
    number = id_number(dt.date(1941, 2, 3))
    first = [
        RESIDENT_HEADER,
        [HOME, "张三", number, None, None, "2025-01-02", None, None, None, None],
    ]
    import_file(seeded, SETUP, Kind.RESIDENTS, xlsx(tmp_path / "a.xlsx", first))
    renamed = [
        RESIDENT_HEADER,
        [HOME, "李四", number, None, None, "2025-01-02", None, None, None, None],
    ]
    report = import_file(seeded, SETUP, Kind.RESIDENTS, xlsx(tmp_path / "b.xlsx", renamed))
    assert report.updated == 1
    with seeded.read() as s:
        resident = s.scalars(select(Resident).where(Resident.id_number == number)).one()
    assert (resident.name, resident.name_initials) == ("李四", "ls")


def test_a_cell_longer_than_its_field_is_named_with_row_column_and_limit(seeded, tmp_path):
    """The import checks the same limits as the server (core/limits.py): a value it accepts
    is never quarantined by the server for its length."""
    header = [*RESIDENT_HEADER, "户籍地址", "备注"]
    ok = [HOME, "周一", id_number(), None, None, "2025-01-01", None, None, None, None]
    rows = [
        header,
        [*ok, "山东省青岛市", "备" * 2000],  # exactly at the limits: fine
        [HOME, "吴二", id_number(), None, None, "2025-01-01", None, None, None, None,
         "址" * 201, "注" * 2001],
    ]  # fmt: skip
    path = xlsx(tmp_path / "long.xlsx", rows)
    with pytest.raises(ImportRejected) as rejected:
        import_file(seeded, SETUP, Kind.RESIDENTS, path)
    messages = [str(p) for p in rejected.value.report.problems]
    assert sorted(messages) == [
        "第3行 备注: 不能超过2000个字符",
        "第3行 户籍地址: 不能超过200个字符",
    ]


def test_a_bed_roster_cell_longer_than_its_field_is_named(seeded, tmp_path):
    rows = [
        ["机构名称", "楼栋", "楼层", "房间", "床位号", "床位类型", "状态"],
        [HOME, "楼" * 51, "1层", "301", "301-1", "护理型", None],
        [HOME, "3号楼", "1层", "3" * 31, "1" * 31, "护理型", None],
    ]
    path = xlsx(tmp_path / "long-beds.xlsx", rows)
    with pytest.raises(ImportRejected) as rejected:
        import_file(seeded, SETUP, Kind.BEDS, path)
    messages = sorted(str(p) for p in rejected.value.report.problems)
    assert messages == [
        "第2行 楼栋: 不能超过50个字符",
        "第3行 床位号: 不能超过30个字符",
        "第3行 房间: 不能超过30个字符",
    ]


def test_a_region_device_may_not_change_a_homes_records_by_importing_a_roster(seeded, tmp_path):
    """Seen: a bureau laptop imported a residents and a beds roster (the server refused the
    changes only at the next sync, leaving the laptop's records unlike everyone's)."""
    import uuid

    from mzdesk.core.permissions import REGION_WITHHELD, Actor, PermissionDenied

    bureau = Actor(uuid.uuid4(), None, "admin", "区民政局").withholding(REGION_WITHHELD)
    before = (count(seeded, OutboxEntry), count(seeded, Resident))
    for kind, path in (
        (Kind.BEDS, beds_file(tmp_path, "again.xlsx")),
        (Kind.RESIDENTS, beds_file(tmp_path, "residents.xlsx")),
    ):
        with pytest.raises(PermissionDenied):
            import_file(seeded, bureau, kind, path)
    assert (count(seeded, OutboxEntry), count(seeded, Resident)) == before


def test_an_inspector_may_import_a_hazard_ledger_but_not_a_roster(seeded, tmp_path):
    import uuid

    from mzdesk.core.permissions import Actor, PermissionDenied

    inspector = Actor(uuid.uuid4(), None, "inspector", "检查员甲")
    ledger = xlsx(
        tmp_path / "台账.xlsx",
        [
            ["机构名称", "发现日期", "隐患描述", "隐患等级", "整改措施", "责任人", "整改期限"],
            [HOME, "2026-11-02", "三楼消防通道堆放杂物", "一般", "清理", "刘志强", "2026-11-30"],
        ],
    )
    report = import_file(seeded, inspector, Kind.HAZARDS, ledger)
    assert report.rows == 1
    with pytest.raises(PermissionDenied):
        import_file(seeded, inspector, Kind.BEDS, beds_file(tmp_path, "again.xlsx"))
