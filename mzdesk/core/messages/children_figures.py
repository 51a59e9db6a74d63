"""Messages of the children's figures as the statistics page, the workbook and the printed
report show them (issue 16): one wording for all three.

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "children.figures.title": ("{area}儿童福利统计报表", "Children's welfare figures {area}"),
    "children.figures.sheet": ("儿童统计", "Children"),
    "children.figures.notices_sheet": ("寻亲公告", "Notices"),
    "children.figures.homes_sheet": ("各机构", "Homes"),
    "children.figures.as_of": ("统计日期 {day}", "As of {day}"),
    "children.figures.period": (
        "安置与离院统计期 {start} 至 {end}",
        "Placements and leaving from {start} to {end}",
    ),
    "children.figures.printed": ("制表日期 {day}", "Printed {day}"),
    "children.figures.source": ("数据来源：{source}", "Source: {source}"),
    "children.figures.sentence": (
        "{area}截至 {day}，儿童福利机构 {homes} 家，在院儿童 {in_care} 人，其中家庭寄养 "
        "{foster} 人、在读 {school} 人、有残疾的 {disabled} 人；寻亲公告 {running} 份在公告中，"
        "其中 {past} 份已过公告期",
        "{area}as of {day}: {homes} children's home(s), {in_care} children in care, of them "
        "{foster} in family foster care, {school} at school and {disabled} with a disability; "
        "{running} family-search notice(s) running, {past} of them past their deadline",
    ),
    "children.figures.region": ("区划{code}", "region {code}"),
    "children.figures.item": ("指标", "Figure"),
    "children.figures.count": ("人数", "Children"),
    "children.figures.number": ("数值", "Number"),
    "children.figures.homes": ("儿童福利机构（家）", "Children's homes"),
    "children.figures.in_care": ("在院儿童", "Children in care"),
    "children.figures.in_house": ("其中院内养育", "of them in the home"),
    "children.figures.in_foster_care": ("其中家庭寄养", "of them in foster care"),
    "children.figures.at_school": ("在读儿童", "At school"),
    "children.figures.with_disability": ("有残疾的儿童", "With a disability"),
    "children.figures.notices_running": ("寻亲公告（公告中，份）", "Notices running"),
    "children.figures.notices_past": ("其中已过公告期", "of them past their deadline"),
    "children.figures.visits_due": ("寄养回访到期（户）", "Foster visits due"),
    "children.figures.by_category": ("按类别", "By category"),
    "children.figures.by_age_band": ("按年龄段", "By age band"),
    "children.figures.by_disability": ("按残疾类别", "By disability"),
    "children.figures.placements": ("期内安置（按方式）", "Placed in the period, by kind"),
    "children.figures.left": ("期内离院（按原因）", "Left in the period, by reason"),
    "children.figures.none": ("无", "none"),
    "children.figures.notices": ("寻亲公告", "Family-search notices"),
    "children.figures.no_notices": ("无公告中的寻亲公告", "No notice running"),
    "children.figures.home": ("机构", "Home"),
    "children.figures.published": ("发布日期", "Published"),
    "children.figures.period_end": ("公告期满", "Period ends"),
    "children.figures.state": ("状态", "State"),
    "children.figures.past": ("已过公告期", "past its deadline"),
    "children.figures.running": ("公告中", "running"),
    "children.figures.region_code": ("区划代码", "Region"),
    "children.figures.col.placed": ("期内安置", "Placed"),
    "children.figures.col.left": ("期内离院", "Left"),
    "children.figures.col.in_house": ("院内", "In the home"),
    "children.figures.col.foster": ("家庭寄养", "Fostered"),
    "children.figures.col.school": ("在读", "At school"),
    "children.figures.col.disabled": ("有残疾", "Disabled"),
    "children.figures.col.notices": ("寻亲公告", "Notices"),
    "children.figures.col.past": ("已过期", "Past"),
    "children.figures.col.visits": ("回访到期", "Visits due"),
    "children.figures.total": ("合计", "Total"),
    "children.figures.page": ("第 {n} 页", "Page {n}"),
    "cli.stats.children.written": ("已写入 {path}", "Written: {path}"),
    "cli.stats.children.source": (
        "民政桌面 mzdesk 数据库 {db}",
        "mzdesk database {db}",
    ),
}
