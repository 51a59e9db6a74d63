"""首页: the day's numbers."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from mzdesk.core.permissions import Permission
from mzdesk.core.vocab import BedType, InstitutionKind
from mzdesk.gui.home.cards import Card
from mzdesk.gui.home.checks_panel import ChecksPanel
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.palette import ORANGE
from mzdesk.services.security import key_status
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.schedules import scheduled_checks
from mzdesk.stats.today import TodayFigures, today_figures

if TYPE_CHECKING:  # a children's home's cards and figures: imported for one (not at start)
    from mzdesk.gui.home.children_cards import ChildrenCards


def weekday_name(day: dt.date) -> str:
    names = (tr("星期一"), tr("星期二"), tr("星期三"), tr("星期四"), tr("星期五"), tr("星期六"),
             tr("星期日"))  # fmt: skip
    return names[day.weekday()]


def date_line(today: dt.date) -> str:
    """首页's 今天是 line, the weekday in the language shown."""
    return tr("今天是 {date} {weekday}").format(date=today.isoformat(), weekday=weekday_name(today))


class HomePage(QWidget):
    start_check = Signal(object, object)  # a scheduled check to start: schedule id, draft id
    # what the page shows: the shell refreshes it when a change touches one of these
    tables = frozenset(
        {
            "residents",
            "resident_leaves",
            "bed_stays",
            "beds",
            "bed_history",
            "hazards",
            "institutions",
            "inspections",
            "inspection_schedules",
            # a children's home's day
            "child_placements",
            "family_notices",
            "child_upbringing",
        }
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 22px; font-weight: bold;")
        layout.addWidget(self.heading)
        self.date_line = QLabel()
        self.date_line.setStyleSheet("color: #566; font-size: 14px;")
        layout.addWidget(self.date_line)
        # the recovery sheet, until an administrator printed it (设置 → 安全)
        self.recovery_reminder = QLabel(
            tr("尚未打印恢复单：如果所有密码都遗失，只有它能打开数据。请到「设置」打印。")
        )
        self.recovery_reminder.setObjectName("recoveryReminder")
        self.recovery_reminder.setStyleSheet(f"color: {ORANGE};")
        self.recovery_reminder.setWordWrap(True)
        self.recovery_reminder.hide()
        layout.addWidget(self.recovery_reminder)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.children_home = ctx.institution.kind is InstitutionKind.CHILDREN_HOME
        self.free = Card(tr("空闲床位"))
        self.hazards = Card(tr("未销号隐患"))
        cards: list[Card]
        if self.children_home:  # a children's home has a day of its own (ChildrenCards)
            from mzdesk.gui.home.children_cards import ChildrenCards

            self.child_cards: ChildrenCards = ChildrenCards()
            self.in_house = self.child_cards.in_house
            cards = [*self.child_cards.cards, self.free, self.hazards]
        else:
            self.in_house = Card(tr("在住人数"))
            self.on_leave = Card(tr("外出人数"))
            self.occupancy = Card(tr("入住率"))
            self.free_types = {t: Card(tr("空闲{kind}床位").format(kind=t.label)) for t in BedType}
            cards = [
                self.in_house,
                self.on_leave,
                self.occupancy,
                self.free,
                *self.free_types.values(),
                self.hazards,
            ]
        for i, card in enumerate(cards):
            grid.addWidget(card, i // 4, i % 4)
        layout.addLayout(grid)
        self.checks = ChecksPanel()
        self.checks.start_check.connect(self.start_check)
        layout.addWidget(self.checks)
        layout.addStretch(1)

    @async_slot()
    async def refresh(self) -> None:
        figures = await self.ctx.worker.read(today_figures, self.ctx.store, self.ctx.institution.id)
        if self.children_home:
            from mzdesk.stats.children import children_statistics

            scope = Scope(self.ctx.institution.id, as_of=dt.date.today())
            children = await self.ctx.worker.read(children_statistics, self.ctx.store, scope)
            self.child_cards.show_figures(children)
        self.show_figures(figures)
        checks = await self.ctx.worker.read(
            scheduled_checks, self.ctx.store, self.ctx.institution.id
        )
        self.checks.show_checks(checks)
        if self.ctx.can(Permission.USERS_MANAGE):
            status = await self.ctx.worker.read(key_status, self.ctx.store, self.ctx.actor)
            self.recovery_reminder.setVisible(status.recovery_printed is None and not status.open)

    def show_figures(self, f: TodayFigures) -> None:
        self.heading.setText(self.ctx.institution.name)
        self.date_line.setText(date_line(dt.date.today()))
        if not self.children_home:
            self.in_house.set(str(f.in_house), tr("不含外出人员"))
            self.on_leave.set(str(f.on_leave), tr("外出期间保留床位"))
            self.occupancy.set(
                f.occupancy.pct,  # the published rounding, as on the statistics page
                tr("{occupied} / {in_service} 张在用床位").format(
                    occupied=f.beds_occupied, in_service=f.beds_in_service
                ),
            )
            for bed_type, card in self.free_types.items():
                card.set(str(f.free_by_type.get(bed_type, 0)))
        self.free.set(
            str(f.free_total),
            tr("共 {total} 张床位，停用 {out} 张").format(
                total=f.beds_total, out=f.beds_total - f.beds_in_service
            ),
        )
        self.hazards.set(
            str(f.open_hazards),
            tr("其中 {n} 项已超过整改期限").format(n=f.overdue_hazards)
            if f.overdue_hazards
            else tr("无超期隐患"),
            alert=f.overdue_hazards > 0,
        )
        if f.most_overdue:  # name the most overdue, so they cannot be missed
            lines = [
                tr("· {text}（超期 {days} 天）").format(text=_short(h.description), days=h.days)
                for h in f.most_overdue
            ]
            self.hazards.detail.setText("\n".join([self.hazards.detail.text(), *lines]))
            self.hazards.detail.setStyleSheet("color: #b3261e; font-size: 12px;")
        else:
            self.hazards.detail.setStyleSheet("color: #667; font-size: 12px;")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignLeft)


def _short(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
