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
    "hazard.extension_already_past": (
        "新整改期限 {value} 早于延期日期 {on}",
        "the new deadline {value} is before the day of the extension, {on}",
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
    "import.hazard_extended": (
        "；第{row}行整改期限 {old} 延至 {new}，记为延期（原因：台账导入）",
        "; row {row}: the deadline {old} moves to {new}, recorded as an extension (reason: "
        "台账导入, imported from a ledger)",
    ),
    "import.hazard_not_closed": (
        "填写了复查人和复查日期但状态为「{status}」：复查通过的隐患应为「已销号」",
        "re-checked by and on are given but the status is '{status}': a passed re-check "
        "closes the hazard ('已销号')",
    ),
    # mzdesk hazards
    "cli.hazards.heading": (
        "隐患台账（{name}，共 {count} 项，超期 {overdue} 项）",
        "Hazard ledger ({name}: {count} hazards, {overdue} overdue)",
    ),
    "cli.hazards.overdue": ("（超期 {days} 天）", " ({days} days overdue)"),
    "cli.hazards.deadline": ("期限 {date}", "due {date}"),
    "cli.hazards.now": ("隐患现为「{status}」", "the hazard is now '{status}'"),
    "cli.hazards.extended": ("整改期限已延至 {date}", "the deadline is now {date}"),
    "cli.hazards.new_deadline_needed": (
        "延期须给出 --new-deadline",
        "an extension needs --new-deadline",
    ),
    "cli.hazards.deadlines": (
        "{name} 默认整改期限：一般隐患 {ordinary} 天，重大隐患 {major} 天",
        "{name} default deadlines: ordinary hazards {ordinary} days, major hazards {major} days",
    ),
    "cli.hazards.returned_form": (
        "--returned 须写成 隐患ID=原因：{value}",
        "--returned takes HAZARD_ID=reason: {value}",
    ),
    "cli.hazards.followed_up": (
        "复查已记录：通过 {passed} 项，打回 {returned} 项",
        "follow-up recorded: {passed} passed, {returned} sent back",
    ),
}
