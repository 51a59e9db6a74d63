"""Messages of a child's path (services/children, core/child_assessment.py).

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "child.left": ("{name}已离院，档案只读", "{name} has left the home; the record is read-only"),
    "child.not_a_child": ("{name}不是儿童档案", "{name} is not a child's record"),
    "child.not_children_home": (
        "{name}不是儿童福利机构，不能接收儿童",
        "{name} is not a children's welfare home and cannot receive children",
    ),
    "child.notice_days": (
        "公告期 {value} 天不在 {low}–{high} 天之间",
        "a notice period of {value} days is not between {low} and {high}",
    ),
    "child.notice_running": (
        "{name}已有一份公告中的寻亲公告，请先结束它",
        "{name} already has a running notice; close it first",
    ),
    "child.notice_closed": (
        "这份寻亲公告已经结束（{status}）",
        "this notice has already ended ({status})",
    ),
    "child.notice_not_lapsed": (
        "公告期到 {end} 才届满，届满之后才能以「期满无人认领」结束",
        "the notice's period runs until {end}; it can end unclaimed only after that day",
    ),
    "child.not_fostered": ("{name}目前不在家庭寄养中", "{name} is not in foster care"),
    "child.leaving_reason": (
        "离院原因只能是转出、死亡或其他；收养、回归家庭、成年安置请通过「安置」登记",
        "a child leaves for a transfer, death or another reason; adoption, return to the "
        "family and adult placement are recorded as a placement",
    ),
    "child.findings": ("评估结论", "findings"),
    "child.delayed": ("；发育落后：{items}", "; delayed: {items}"),
    "child.private_hidden": ("（需授权查看）", "(restricted)"),
    "child.not_a_document": (
        "这不是儿童的入院材料",
        "this is not one of a child's intake documents",
    ),
    "child_assessment.bad_option": (
        "{item}：「{value}」不是可选的答案",
        "{item}: '{value}' is not one of the answers",
    ),
    "child_assessment.disability_mismatch": (
        "残疾类别与残疾等级不一致：无残疾时等级应为「无」，有残疾时须选等级",
        "disability type and level disagree: no disability means level 'none', a "
        "disability needs a level",
    ),
}
