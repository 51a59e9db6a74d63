"""Messages about carrying out inspections: drafts, signing, locking, amendments and
schedules (issue 12, part C).

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "inspecting.locked": (
        "该检查已于{date}完成并签名，已锁定，不能修改；如需更正，请使用“更正”",
        "this inspection was finished and signed on {date} and is locked; "
        "to correct it, make an amendment",
    ),
    "inspecting.not_finished": (
        "该检查尚未完成，不需要更正，可直接修改",
        "this inspection is not finished: change it directly instead of amending it",
    ),
    "inspecting.unanswered": (
        "还有{count}项未填写结果（第一项：{item} {text}）",
        "{count} items have no result yet (the first: {item} {text})",
    ),
    "inspecting.unanswered_item": (
        "该项还没有结果：请先选择结果（1 合格 / 2 不合格 / 3 不适用）",
        "this item has no result yet: choose one first (1 pass / 2 fail / 3 not applicable)",
    ),
    "inspecting.no_inspectors": ("至少填写一名检查人员", "name at least one inspector"),
    "inspecting.duplicate_inspector": (
        "检查人员「{name}」重复",
        "the inspector '{name}' is named twice",
    ),
    "inspecting.template_unavailable": (
        "检查表「{title}」不适用于本机构",
        "the checklist '{title}' does not apply to this institution",
    ),
    "inspecting.signature_missing": (
        "「{name}」（{role}）还没有签名",
        "'{name}' ({role}) has not signed",
    ),
    "inspecting.signer_unknown": (
        "「{name}」不是本次检查的检查人员",
        "'{name}' is not one of this inspection's inspectors",
    ),
    "inspecting.unit_head_required": (
        "请填写被检查单位负责人并签名",
        "the head of the inspected unit must be named and sign",
    ),
    "inspecting.no_change": (
        "没有更改任何检查项的结果或备注",
        "no item's result or note was changed",
    ),
    "inspecting.photo_not_here": (
        "该照片不属于本次检查的检查项",
        "the photo is not on an item of this inspection",
    ),
    "inspecting.template_missing": (
        "找不到该检查表（或该版本）",
        "no such checklist (or version of it)",
    ),
    "cli.checks.heading": (
        "检查计划（{name}，{date}，共 {n} 项）",
        "Scheduled checks ({name}, {date}, {n})",
    ),
    "cli.checks.due": ("待检查", "due"),
    "cli.checks.draft": ("草稿未完成", "draft not finished"),
    "cli.checks.done": ("已完成", "done"),
    "cli.checks.missed": ("漏检 {n} 次：{dates}", "missed {n} times: {dates}"),
    "cli.checks.list_heading": ("检查记录（{name}，共 {n} 次）", "Inspections ({name}, {n})"),
    "cli.checks.failed": ("不合格 {n} 项", "{n} failed"),
}
