"""A children's home's 首页 cards: its own day — children in care, in the home, in foster care
and at school, the 寻亲公告 running (each with its deadline, those past it in red) and the
foster visits due — instead of the nursing-home cards (stats/children.py computes them)."""

from __future__ import annotations

import datetime as dt

from mzdesk.gui.home.cards import Card
from mzdesk.gui.runtime.i18n import tr
from mzdesk.stats.children import ChildFigures

NOTICES_NAMED = 4  # notices named on the card; the statistics page lists them all


class ChildrenCards:
    def __init__(self) -> None:
        self.in_care = Card(tr("在院儿童"))
        self.in_house = Card(tr("院内儿童"))
        self.in_foster_care = Card(tr("家庭寄养"))
        self.at_school = Card(tr("在读儿童"))
        self.notices = Card(tr("寻亲公告"))
        self.visits = Card(tr("寄养回访到期"))
        self.cards = [
            self.in_care,
            self.in_house,
            self.in_foster_care,
            self.at_school,
            self.notices,
            self.visits,
        ]

    def show_figures(self, f: ChildFigures) -> None:
        self.in_care.set(str(f.in_care), tr("含家庭寄养，仍由本院监护"))
        self.in_house.set(str(f.in_house), tr("在本院生活"))
        self.in_foster_care.set(str(f.in_foster_care), tr("在寄养家庭生活"))
        self.at_school.set(str(f.at_school), tr("学前教育至高等教育"))
        past = f.notices_past_deadline
        summary = (
            tr("其中 {n} 份已过公告期，可按查找不到生父母办理").format(n=past)
            if past
            else tr("均在公告期内")
            if f.notices
            else tr("没有公告中的寻亲公告")
        )
        lines = [summary] + [
            _notice_line(n.child, n.period_end, n.expired, f.as_of)
            for n in sorted(f.notices, key=lambda n: n.period_end)[:NOTICES_NAMED]
        ]
        self.notices.set(str(f.notices_running), "\n".join(lines), alert=past > 0)
        colour = "#b3261e" if past else "#667"
        self.notices.detail.setStyleSheet(f"color: {colour}; font-size: 12px;")
        self.visits.set(
            str(f.visits_due),
            tr("请尽快回访寄养家庭") if f.visits_due else tr("没有到期的回访"),
            alert=f.visits_due > 0,
        )


def _notice_line(child: str, end: dt.date, expired: bool, today: dt.date) -> str:
    if expired:
        return tr("· {child}：{date} 已期满").format(child=child, date=end.isoformat())
    return tr("· {child}：公告期至 {date}（还有 {days} 天）").format(
        child=child, date=end.isoformat(), days=(end - today).days
    )
