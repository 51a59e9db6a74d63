"""Messages about checklist templates: their files, a home's own versions, the CLI
(issue 12, part A).

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    # a template file refused: where, then what
    "checklist.file_problem": (
        "检查表文件 {file}：「{field}」{problem}",
        "checklist file {file}: '{field}' {problem}",
    ),
    "checklist.file_whole_problem": (
        "检查表文件 {file}：{problem}",
        "checklist file {file}: {problem}",
    ),
    "checklist.draft_whole_problem": (
        "检查表「{file}」：{problem}",
        "checklist '{file}': {problem}",
    ),
    "checklist.draft_problem": (
        "检查表「{file}」：「{field}」{problem}",
        "checklist '{file}': '{field}' {problem}",
    ),
    "checklist.draft_item_problem": (
        "检查表「{file}」：{item}的「{field}」{problem}",
        "checklist '{file}': {item}, '{field}' {problem}",
    ),
    "checklist.file_item_problem": (
        "检查表文件 {file}：{item}的「{field}」{problem}",
        "checklist file {file}: {item}, '{field}' {problem}",
    ),
    "checklist.item_with_code": ("第{position}项（编号 {code}）", "item {position} (code {code})"),
    "checklist.item_at": ("第{position}项（无编号）", "item {position} (no code)"),
    "checklist.missing": ("未填写", "is missing"),
    "checklist.unknown_field": ("不是检查表文件的字段", "is not a field of a checklist file"),
    "checklist.empty": ("不能为空", "must not be empty"),
    "checklist.too_long": ("超过{max}个字", "is longer than {max} characters"),
    "checklist.pattern": (
        "只能用字母、数字、点、横线和下划线（「{value}」）",
        "may only hold letters, digits, dots, dashes and underscores ('{value}')",
    ),
    "checklist.choice": ("应为 {allowed}（「{value}」）", "must be {allowed} ('{value}')"),
    "checklist.too_few": ("至少需要{min}项", "needs at least {min}"),
    "checklist.too_many": ("最多{max}项", "may hold at most {max}"),
    "checklist.at_least": ("不能小于{min}（「{value}」）", "must be at least {min} ('{value}')"),
    "checklist.at_most": ("不能大于{max}（「{value}」）", "must be at most {max} ('{value}')"),
    "checklist.integer": ("应为整数（「{value}」）", "must be a whole number ('{value}')"),
    "checklist.boolean": ("应为 true 或 false", "must be true or false"),
    "checklist.text": ("应为文字", "must be text"),
    "checklist.list": ("应为列表", "must be a list"),
    "checklist.object": ("应为 JSON 对象", "must be a JSON object"),
    "checklist.invalid": ("无效（「{value}」）", "is not valid ('{value}')"),
    "checklist.clause_unverified": (
        '为空时须注明 "clause_unverified": true（条款未能核实）',
        'is null: mark it "clause_unverified": true (the clause could not be checked)',
    ),
    "checklist.duplicate_code": ("与第{first}项重复", "repeats item {first}'s"),
    "checklist.kind_outside": (
        "含检查表不适用的机构类型：{kinds}",
        "names institution kinds the checklist does not apply to: {kinds}",
    ),
    "checklist.too_big": ("文件超过{mb} MB", "the file is larger than {mb} MB"),
    "checklist.not_json": ("不是有效的 JSON 文件（第{line}行）", "is not valid JSON (line {line})"),
    "checklist.not_json_anywhere": ("不是有效的 JSON 文件", "is not valid JSON"),
    # a home's own versions
    "checklist.not_found": ("找不到检查表「{key}」", "no checklist '{key}'"),
    "checklist.published": (
        "「{title}」{version} 已发布，不能修改；请另存为新版本再编辑",
        "'{title}' {version} is published and cannot change: edit a new version",
    ),
    "checklist.shipped": (
        "「{title}」是标准检查表，不能修改；请先复制为本院版本",
        "'{title}' is a standard checklist and cannot change: copy it first",
    ),
    "checklist.draft_exists": (
        "「{title}」已有草稿 {version}，请继续编辑该草稿",
        "'{title}' already has the draft {version}: edit that draft",
    ),
    "checklist.version_taken": (
        "本院已有「{checklist}」{version}，请换一个版本号",
        "this home already has '{checklist}' {version}: choose another version",
    ),
    "checklist.version_shipped": (
        "标准检查表已有「{checklist}」{version}，请换一个版本号",
        "the standard checklist '{checklist}' already has {version}: choose another version",
    ),
    "checklist.other_home": ("该检查表属于其他机构", "this checklist belongs to another home"),
    "checklist.kind_mismatch": (
        "该检查表不适用于{kind}",
        "this checklist does not apply to a {kind}",
    ),
    # the CLI
    "cli.checklists.header": (
        "编号\t版本\t状态\t项数\t名称",
        "code\tversion\tstatus\titems\ttitle",
    ),
    "checklist.unverified_mark": ("（未核实）", " (unverified)"),
    "cli.checklists.exported": ("已导出 {path}", "exported {path}"),
    "cli.checklists.imported": (
        "已导入「{title}」{version}（草稿，{items}项），请在检查表中发布",
        "imported '{title}' {version} (a draft of {items} items): publish it in the app",
    ),
    "cli.checklists.ambiguous": (
        "「{key}」对应多个检查表，请给出版本或完整编号",
        "'{key}' names several checklists: give the version or the id",
    ),
}
