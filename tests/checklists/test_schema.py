"""Template files: the schema refuses a broken file naming the file, the item and the field
(in Chinese and English); every shipped file loads; ids never move."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from mzdesk.core.checklists import (
    ChecklistFileError,
    parse_template,
    shipped_templates,
    template_bytes,
)
from mzdesk.core.i18n import set_language
from mzdesk.core.ids import stable_id
from mzdesk.core.vocab import InstitutionKind

GOOD: dict[str, Any] = {
    "code": "TEST",
    "version": "1",
    "title": "测试检查表",
    "standard": "测试标准",
    "applies_to": ["nursing_home"],
    "rectify_days": 10,
    "items": [
        {"code": "01", "section": "甲", "text": "第一项", "clause": "4.1", "severity": "一般"},
        {
            "code": "02",
            "section": "乙",
            "text": "第二项",
            "clause": None,
            "clause_unverified": True,
            "severity": "重大隐患",
            "look_at": "看台账",
        },
    ],
}


def _refusal(raw: Any) -> ChecklistFileError:
    with pytest.raises(ChecklistFileError) as caught:
        parse_template(json.dumps(raw, ensure_ascii=False).encode(), "bad.json")
    return caught.value


def _broken(path: list[Any], value: Any = None, *, delete: bool = False) -> dict[str, Any]:
    raw = copy.deepcopy(GOOD)
    target: Any = raw
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return raw


def test_a_good_file_loads_with_every_field():
    template = parse_template(json.dumps(GOOD).encode(), "good.json")
    assert template.id == stable_id("checklist", "TEST", "1")
    assert [i.code for i in template.items] == ["01", "02"]
    first, second = template.items
    assert first.clause == "4.1" and not first.clause_unverified and not first.major_hazard
    assert second.clause is None and second.clause_unverified and second.major_hazard
    assert second.look_at == "看台账" and second.severity == "重大隐患"
    assert template.applies_to == (InstitutionKind.NURSING_HOME,)
    assert template.rectify_days == 10 and template.sections == ("甲", "乙")


@pytest.mark.parametrize(
    ("raw", "field", "item", "words"),
    [
        (_broken(["items", 1, "severity"], "严重"), "严重程度", "第2项（编号 02）", "一般"),
        (_broken(["items", 0, "text"], "  "), "检查内容", "第1项（编号 01）", "不能为空"),
        (_broken(["items", 0, "code"], delete=True), "编号", "第1项（无编号）", "未填写"),
        (_broken(["items", 0, "clause"]), "条款", "第1项（编号 01）", "clause_unverified"),
        (_broken(["items", 1, "code"], "01"), "编号", "第2项（编号 01）", "与第1项重复"),
        (_broken(["items", 0, "look"], "x"), "look", "第1项（编号 01）", "不是检查表文件的字段"),
        (
            _broken(["items", 0, "applies_to"], ["children_home"]),
            "适用机构类型",
            "第1项（编号 01）",
            "儿童福利机构",
        ),
        (_broken(["items", 0, "applies_to"], ["prison"]), "适用机构类型", "第1项", "应为"),
        (_broken(["rectify_days"], 0), "默认整改天数", None, "不能小于1"),
        (_broken(["rectify_days"], 400), "默认整改天数", None, "不能大于365"),
        (_broken(["rectify_days"], "十"), "默认整改天数", None, "整数"),
        (_broken(["applies_to"], []), "适用机构类型", None, "至少"),
        (_broken(["version"], "第一版"), "版本", None, "字母、数字"),
        (_broken(["items"], []), "检查项", None, "至少"),
        (_broken(["title"], delete=True), "名称", None, "未填写"),
    ],
)
def test_a_broken_file_is_refused_naming_file_item_and_field(raw, field, item, words):
    message = str(_refusal(raw))
    assert message.startswith("检查表文件 bad.json：")
    assert f"「{field}」" in message and words in message
    if item is None:
        assert "项（" not in message
    else:
        assert item in message


def test_the_refusal_reads_in_english_too():
    error = _refusal(_broken(["items", 1, "severity"], "严重"))
    set_language("en")
    try:
        message = str(error)
    finally:
        set_language("zh")
    assert message.startswith("checklist file bad.json: item 2 (code 02), 'severity'")


def test_not_json_and_too_big_are_refused_without_reading_on():
    with pytest.raises(ChecklistFileError, match="不是有效的 JSON"):
        parse_template(b'{"code": ', "half.json")
    with pytest.raises(ChecklistFileError, match="超过1 MB"):
        parse_template(b" " * (1024 * 1024 + 1), "huge.json")
    with pytest.raises(ChecklistFileError, match="JSON 对象"):
        parse_template(b"[1, 2]", "list.json")


def test_a_file_level_problem_names_no_field_and_no_unknown_line():
    with pytest.raises(ChecklistFileError) as half:
        parse_template(b'{"code": \n\n', "half.json")
    assert str(half.value) == "检查表文件 half.json：不是有效的 JSON 文件（第3行）"
    with pytest.raises(ChecklistFileError) as binary:
        parse_template(b"\xff\xfe\x00\x81", "photo.json")
    assert str(binary.value) == "检查表文件 photo.json：不是有效的 JSON 文件"
    with pytest.raises(ChecklistFileError) as listed:
        parse_template(b"[1, 2, 3]", "list.json")
    assert "「" not in str(listed.value) and "JSON 对象" in str(listed.value)


def test_every_shipped_file_loads_and_covers_what_the_issue_names():
    templates = {t.code: t for t in shipped_templates()}
    assert set(templates) == {"GB38600", "YLJG-XF", "YLJG-ZDYH", "ETFL-AQ", "FHXC"}
    gb = templates["GB38600"]
    nine = [i for i in gb.items if i.section == "服务防护（九防）"]
    for risk in (
        "噎食",
        "食品药品误食",
        "压疮",
        "烫伤",
        "坠床",
        "跌倒",
        "走失",
        "他伤和自伤",
        "文娱",
    ):
        assert any(i.text.startswith(risk) for i in nine), risk
    assert {"基本要求", "安全风险评估", "管理要求", "应急与事件处置"} <= set(gb.sections)
    assert 20 <= len(templates["YLJG-XF"].items) <= 30
    major = templates["YLJG-ZDYH"]
    assert all(i.major_hazard for i in major.items)
    assert len(major.sections) == 5
    patrol = templates["FHXC"]
    assert set(patrol.applies_to) == set(InstitutionKind) and len(patrol.items) == 10
    assert templates["ETFL-AQ"].applies_to == (InstitutionKind.CHILDREN_HOME,)
    for template in templates.values():
        for item in template.items:
            # a clause that could not be read is said to be so, never left silently empty
            assert item.clause or item.clause_unverified, (template.code, item.code)
            assert item.look_at, (template.code, item.code)


# Ids existing inspections refer to, as the loader before issue 12 derived them from the old
# files (checked against those files: every old item keeps its id, except YLJG-ZDYH 12–18,
# the fire-rule items that moved to YLJG-XF and are kept as retired rows where used).
OLD_IDS = {
    ("GB38600", "2019", "01"): "62ff594e-bbbc-5abd-bed7-69936c36de0a",
    ("ETFL-AQ", "2025", "16"): "1b454aca-3b2c-5368-ac9d-24d7b00e1b35",
}


def test_item_ids_are_uuid5_of_code_version_and_item_code_and_did_not_move():
    by_key = {(t.code, t.version, i.code): i.id for t in shipped_templates() for i in t.items}
    for key, old in OLD_IDS.items():
        assert str(by_key[key]) == old
    for (code, version, item), item_id in by_key.items():
        assert item_id == stable_id("checklist", code, version, item)


def test_a_template_round_trips_through_its_file_form():
    for template in shipped_templates():
        again = parse_template(template_bytes(template), "again.json")
        assert again == template
