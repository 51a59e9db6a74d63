"""Messages about hazards until closed: steps, extensions, follow-ups and the hazard ledger
(issue 12, part D).

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "hazard.step_not_allowed": (
        "隐患当前为「{current}」，不能{step}",
        "the hazard is '{current}': it cannot be {step} now",
    ),
    "hazard.closed": ("隐患已销号，不能再修改", "the hazard is closed and cannot be changed"),
    "hazard.before_last_step": (
        "{value} 早于上一步「{step}」的日期 {other_value}",
        "{value} is before the previous step '{step}' on {other_value}",
    ),
    "hazard.extension_not_later": (
        "新整改期限 {value} 须晚于当前整改期限 {current}",
        "the new deadline {value} must be after the current deadline {current}",
    ),
    "hazard.days_range": (
        "整改天数须在 1 到 {max} 天之间",
        "the days to rectify must be between 1 and {max}",
    ),
    "hazard.nothing_changed": ("没有修改任何内容", "nothing was changed"),
    "hazard.not_in_follow_up": (
        "该隐患不属于这次检查的未销号隐患",
        "the hazard is not one of this inspection's open hazards",
    ),
    "hazard.follow_up_empty": (
        "这次检查没有未销号的隐患，无需复查",
        "this inspection has no open hazards to follow up",
    ),
    "hazard.follow_up_unanswered": (
        "还有{count}项隐患未填写复查结果",
        "{count} hazards have no follow-up result yet",
    ),
    "hazard.inspection_not_completed": (
        "检查尚未完成，完成后才能复查",
        "the inspection is not completed yet: follow it up once it is",
    ),
    # the hazard ledger (隐患排查整改台账)
    "import.hazard_reopened": (
        "该隐患已于 {date} 销号，台账不能改回「{status}」",
        "the hazard was closed on {date}: a ledger cannot set it back to '{status}'",
    ),
    "import.hazard_needs": (
        "状态为「{status}」时须填写{column}",
        "a hazard '{status}' needs its {column}",
    ),
    "import.hazard_not_closed": (
        "填写了复查人和复查日期但状态为「{status}」：复查通过的隐患应为「已销号」",
        "re-checked by and on are given but the status is '{status}': a passed re-check "
        "closes the hazard ('已销号')",
    ),
}
