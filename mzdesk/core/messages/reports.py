"""Messages of the printed inspection reports, the 整改通知书 and the hazard figures
(issue 12, part E).

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "cli.stats.period_reversed": (
        "起始日期 {start} 晚于截止日期 {end}",
        "the start date {start} is after the end date {end}",
    ),
    "report.inspection_not_found": (
        "找不到检查记录「{key}」（请给出检查记录编号或其唯一的开头部分）",
        "no inspection '{key}' (give its id or a unique beginning of it)",
    ),
    "report.inspection_ambiguous": (
        "「{key}」对应 {count} 条检查记录，请多给几位编号",
        "'{key}' matches {count} inspections: give more of the id",
    ),
    "cli.print.inspection": (
        "已生成安全检查报告 {path}（{items} 个检查项目）",
        "wrote the inspection report {path} ({items} items)",
    ),
    "cli.print.notice": (
        "已生成整改通知书 {path}（{hazards} 项未销号隐患）",
        "wrote the rectification notice {path} ({hazards} open hazards)",
    ),
    "report.no_open_hazards": (
        "这次检查没有未销号的隐患，无需整改通知书",
        "this inspection has no open hazards: there is nothing to notify",
    ),
}
