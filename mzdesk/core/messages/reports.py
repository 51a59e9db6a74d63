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
    "cli.stats.area_all": ("全部", "all"),
    "cli.stats.area_region": ("区划{prefix}", "region {prefix}"),
    "cli.stats.hazards.title": (
        "隐患整改统计（{area}，{start} 至 {end}，{institutions} 家机构）",
        "Hazard rectification ({area}, {start} to {end}, {institutions} institution(s))",
    ),
    "cli.stats.hazards.found": (
        "期内发现隐患 {found} 项，其中期末已销号 {closed} 项，"
        "整改销号率 {rate}（{closed}/{found}）",
        "{found} hazards found in the period, {closed} of them closed by its end: "
        "closure rate {rate} ({closed}/{found})",
    ),
    "cli.stats.hazards.closed_in_period": (
        "期内销号 {closed} 项（不论何时发现）",
        "{closed} closed in the period (whenever found)",
    ),
    "cli.stats.hazards.open_at_end": (
        "期末未销号 {open} 项，其中超过整改期限 {overdue} 项",
        "{open} open at the end of the period, {overdue} of them past their deadline",
    ),
    "cli.stats.hazards.by_level": ("按等级：", "By level:"),
    "cli.stats.hazards.by_month": ("按月：", "By month:"),
    "cli.stats.hazards.by_section": ("按检查项目类别：", "By checklist section:"),
    "cli.stats.hazards.other_section": ("其他", "other"),
    "cli.stats.hazards.line": (
        "{name}：发现{found}，销号{closed}（整改销号率{rate}），"
        "期内销号{closed_in_period}，期末未销号{open}，其中超期{overdue}",
        "{name}: found {found}, closed {closed} (closure rate {rate}), "
        "closed in the period {closed_in_period}, open at the end {open}, overdue {overdue}",
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
