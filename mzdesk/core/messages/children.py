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
    # 儿童名册: import, export and template (services/tables: children_*.py, importers/children*.py)
    "roster.children.no_home": (
        "数据库中没有儿童福利机构，没有儿童名册可导出",
        "the database has no children's welfare home: there is no children's roster",
    ),
    "roster.children.not_children_home": (
        "「{name}」不是儿童福利机构：儿童名册只能导入儿童福利机构（住户请用住户名册）",
        "'{name}' is not a children's welfare home: a children's roster imports only into one "
        "(use the residents roster for residents)",
    ),
    "roster.children.notice_running_closed": (
        "公告状态为公告中时不填结束日期",
        "a running notice has no end date",
    ),
    "roster.children.leaving_reason": (
        "儿童离院原因只能是{choices}",
        "a child leaves for one of: {choices}",
    ),
    "roster.children.leaving_by_placement": (
        "离院原因「{reason}」是安置的结果：请填写安置方式「{kind}」，安置日期与离院日期相同",
        "leaving for '{reason}' is a placement: fill 安置方式 '{kind}' with the 安置日期 of the "
        "leaving",
    ),
    "roster.children.left_by_placement": (
        "安置方式「{kind}」已使儿童离院，不再另填离院日期",
        "the placement '{kind}' is the child's leaving: leave 离院日期 blank",
    ),
    "roster.children.differs": (
        "与儿童档案不符（档案为{value}）；接收、公告、安置、离院的更改请在儿童档案中办理",
        "differs from the child's record ({value}); change the path in the child's record",
    ),
    "roster.children.note.id_number": (
        "有则填写；没有身份证号的儿童按姓名、出生日期和接收日期识别",
        "if known; a child without one is matched by name, birth date and intake date",
    ),
    "roster.children.note.status": (
        "导出时填写，导入时不读取（由接收、安置、离院决定）",
        "written by the export, not read by the import (the path decides it)",
    ),
    "roster.children.note.way": (
        "公安机关送交须填送交单位和捡拾日期；转入须填转出机构；法院指定监护须填判决书或决定书文号。",
        "brought by the police needs 送交单位 and 捡拾日期; a transfer 转出机构; a court "
        "ruling 判决书或决定书文号.",
    ),
    "roster.children.note.period_end": (
        "不填则按{days}天计算（发布日次日起算）。",
        "blank: {days} days from the day after publication.",
    ),
    "roster.children.note.notice_status": (
        "不填为公告中；已认领、已撤回须填公告结束日期（已认领填认领人，已撤回在公告备注中写明原因）。",
        "blank means running; claimed or withdrawn needs 公告结束日期 (claimed: 认领人; "
        "withdrawn: the reason in 公告备注).",
    ),
    "roster.children.note.placement": (
        "与安置日期同时填写；家庭寄养须填家庭住址。收养、回归家庭、成年安置即离院。",
        "with 安置日期; foster care needs 家庭住址. Adoption, return and adult placement are "
        "the child's leaving.",
    ),
    "roster.children.note.leaving": (
        "与离院日期同时填写，可填：{reasons}；收养、回归家庭、成年安置须与同日的安置一致。",
        "with 离院日期, one of: {reasons}; adoption, return and adult placement match a "
        "placement of that day.",
    ),
    "roster.children.note.private": (
        "隐私信息：仅有查看儿童隐私信息权限的角色导出和导入。",
        "private: exported and imported only by a role that may see children's private details.",
    ),
    "roster.note.sheet": ("填写说明", "how to fill in"),
    "roster.note.column": ("列名", "column"),
    "roster.note.required": ("必填", "required"),
    "roster.note.yes": ("是", "yes"),
    "roster.note.what": ("填写说明", "what to write"),
    "roster.note.example": ("示例", "example"),
    "roster.note.date": ("日期，格式 yyyy-MM-dd。", "a date, yyyy-MM-dd."),
    "roster.note.choices": ("可填：{options}。", "one of: {options}."),
}
