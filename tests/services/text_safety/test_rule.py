"""The one rule for characters in stored text (docs/data-rules.md): control, bidi and
invisible characters are refused where text enters, with the field (and in imports the row
and column) named; text is NFC; multi-line fields keep their line breaks."""

import csv
import json
import unicodedata

import pytest
from sqlalchemy import select

from mzdesk.core import text_safety
from mzdesk.core.errors import ValidationError
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.checks import Checks
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.residents import ResidentData, check_resident
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importers.base import ImportRejected
from mzdesk.services.tables.importing import import_file
from mzdesk.services.users import NewUser, add_user
from mzdesk.store.models import Institution, Resident
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number
from tests.services.tables.test_import import xlsx

HOSTILE = {
    "BEL": "\x07",
    "ESC": "\x1b[2J",
    "NUL": "\x00",
    "DEL": "\x7f",
    "C1 CSI": "\x9b",
    "RLO": "\u202e",
    "LRI": "\u2066",
    "PDI": "\u2069",
    "ZWSP": "\u200b",
    "BOM": "\ufeff",
    "RLM": "\u200f",
}


def problems(error: ValidationError) -> list[tuple[str, str]]:
    return [(p.label, p.message) for p in error.problems]


@pytest.mark.parametrize("char", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_name_with_an_invisible_character_is_refused_with_the_field_named(char):
    checks = Checks("residents")
    checks.text("name", f"张{char}三")
    with pytest.raises(ValidationError) as caught:
        checks.done()
    point = f"U+{ord(char[0]):04X}"
    assert problems(caught.value) == [("姓名", f"含有不可见的控制字符（{point}）")]


@pytest.mark.parametrize("char", ["\n", "\t", "\r", "\v", "\f", "\u2028", "\x85"])
def test_a_one_line_field_refuses_line_breaks_and_tabs(char):
    checks = Checks("institutions")
    checks.text("name", f"幸福{char}养老院")
    with pytest.raises(ValidationError) as caught:
        checks.done()
    ((label, text),) = problems(caught.value)
    assert label == "机构名称"
    assert text == f"只能填一行，不能含有换行或制表符（U+{ord(char):04X}）"


def test_a_note_keeps_its_line_breaks_as_one_kind_and_text_is_nfc():
    checks = Checks("residents")
    note = checks.text("note", "第一行\r\n第二行\r第三行\t完", max_len=500)
    name = checks.text("name", "Jose\u0301")  # e + combining acute
    checks.done()
    assert note == "第一行\n第二行\n第三行\t完"
    assert name == "Jos\u00e9" and unicodedata.is_normalized("NFC", name)


def test_the_zero_width_joiner_of_emoji_is_kept():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    checks = Checks("residents")
    assert checks.text("note", f"全家福{family}", max_len=500) == f"全家福{family}"
    checks.done()


def test_fields_no_text_check_looks_at_are_refused_too():
    data = ResidentData(
        name="张三", household_address="北京\x1b[31m市", note="好\u202e", diagnoses="高血压\n糖尿病"
    )
    with pytest.raises(ValidationError) as caught:
        check_resident(data, InstitutionKind.NURSING_HOME)
    assert problems(caught.value)[-2:] == [
        ("户籍地址", "含有不可见的控制字符（U+001B）"),
        ("备注", "含有不可见的控制字符（U+202E）"),
    ]


def test_an_institution_name_is_refused_through_the_service(store):
    with pytest.raises(ValidationError) as caught:
        create_institution(
            store,
            SETUP,
            InstitutionData(name="幸福\u202e院老养", kind=InstitutionKind.NURSING_HOME),
        )
    assert problems(caught.value) == [("机构名称", "含有不可见的控制字符（U+202E）")]
    with store.read() as session:
        assert session.scalars(select(Institution)).all() == []


def test_a_username_is_refused(store, home):
    with pytest.raises(ValidationError) as caught:
        add_user(store, SETUP, home.id, NewUser("ad\x1bmin", "管理员\x07", "secret-12"))
    assert [text for _, text in problems(caught.value)] == [
        "含有不可见的控制字符（U+001B）",
        "含有不可见的控制字符（U+0007）",
    ]


def test_the_last_guard_refuses_a_write_that_bypassed_every_check(store, home):
    """A service (or a future one) that forgets the check still cannot store the text: the
    outbox guard checks every synced text field of every write."""
    with pytest.raises(ValidationError) as caught, store.write(SETUP) as session:
        institution = session.get(Institution, home.id)
        assert institution is not None
        institution.address = "地址\x1b]0;pwned\x07"
    assert problems(caught.value) == [("地址", "含有不可见的控制字符（U+001B）")]
    with store.read() as session:
        assert session.get(Institution, home.id).address is None  # type: ignore[union-attr]


def test_an_import_names_the_row_and_the_column(store, home, tmp_path):
    path = tmp_path / "r.csv"  # (openpyxl cannot even write ESC into an xlsx)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(
            [
                ["机构名称", "姓名", "身份证号", "入住日期", "备注"],
                [home.name, "李四", id_number(), "2025-01-02", "备注\t可以有制表符"],
                [home.name, "王\u202e五", id_number(), "2025-01-02", None],
                [home.name, "赵六", id_number(), "2025-01-02", "坏\x1b[2J备注"],
            ]
        )
    with pytest.raises(ImportRejected) as caught:
        import_file(store, SETUP, Kind.RESIDENTS, path)
    assert [str(p) for p in caught.value.report.problems] == [
        "第3行 姓名: 含有不可见的控制字符（U+202E）",
        "第4行 备注: 含有不可见的控制字符（U+001B）",
    ]
    with store.read() as session:
        assert session.scalars(select(Resident)).all() == []


def test_a_line_break_in_a_one_line_import_cell_is_named(store, home, tmp_path):
    path = xlsx(
        tmp_path / "r.xlsx",
        [
            ["机构名称", "姓名", "身份证号", "入住日期"],
            [home.name, "王\n五", id_number(), "2025-01-02"],
        ],
    )
    with pytest.raises(ImportRejected) as caught:
        import_file(store, SETUP, Kind.RESIDENTS, path)
    assert [str(p) for p in caught.value.report.problems] == [
        "第2行 姓名: 只能填一行，不能含有换行或制表符（U+000A）"
    ]


def test_the_quick_test_finds_every_refused_character():
    """The regular expression that lets clean text through without a closer look must match
    every character the rule refuses, over the whole of Unicode."""
    missed = [
        f"U+{p:04X}"
        for p in range(0x110000)
        if text_safety._refused(chr(p))
        and not (
            text_safety._ANY_REFUSED.match(chr(p))
            and (chr(p) in "\n\t" or text_safety._ANY_REFUSED_MULTILINE.match(chr(p)))
        )
    ]
    assert missed == []
    assert text_safety.first_refused("a\nb\tc", multiline=True) is None
    assert text_safety.first_refused("a\nb\u200bc\x1b", multiline=True) == "\u200b"


def test_output_forms():
    stored = "张\x1b[2J三\u202e\x00\n第二行\t"
    assert text_safety.for_output(stored) == "张\ufffd[2J三\ufffd\ufffd\n第二行\t"
    assert text_safety.visible(stored) == "张\\u001b[2J三\\u202e\\u0000\\u000a第二行\\u0009"
    assert text_safety.visible(stored, keep="\n") == "张\\u001b[2J三\\u202e\\u0000\n第二行\\u0009"
    tag = "\U000e0001"  # an astral format character: spelt as JSON does, a surrogate pair
    assert json.loads(f'"{text_safety.visible(tag)}"') == tag
    assert text_safety.visible("普通的名字") == "普通的名字"


def test_an_import_of_beds_names_the_row_and_the_column(store, home, tmp_path):
    path = tmp_path / "b.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(
            [
                ["机构名称", "楼栋", "楼层", "房间", "床位号", "床位类型"],
                [home.name, "1号楼", "1层", "101", "1", "护理型"],
                [home.name, "1号楼\x1b[2J", "1层", "102", "1", "护理型"],
                [home.name, "1号楼", "1层\u2066", "103", "1", "护理型"],
            ]
        )
    with pytest.raises(ImportRejected) as caught:
        import_file(store, SETUP, Kind.BEDS, path)
    assert [str(p) for p in caught.value.report.problems] == [
        "第3行 楼栋: 含有不可见的控制字符（U+001B）",
        "第4行 楼层: 含有不可见的控制字符（U+2066）",
    ]
