"""The 住户 page's filters besides the search: status, and the elderly's 供养类型 and 能力等级 in
a nursing home or the children's categories (孤儿, 事实无人抚养儿童, 弃婴 …) in a children's home,
with each kind's words for being in and out of the home's care."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from mzdesk.core.vocab import AbilityLevel, ChildCategory, ResidentStatus, SupportType
from mzdesk.gui.runtime.i18n import QT_TR_NOOP, tr
from mzdesk.gui.widgets.flow import FlowLayout
from mzdesk.gui.widgets.inputs import fill_vocab, vocab_value

_IN_CARE = (ResidentStatus.IN_HOUSE, ResidentStatus.ON_LEAVE, ResidentStatus.FOSTERED)
STATUS_FILTERS: list[tuple[str, tuple[ResidentStatus, ...]]] = [
    # a child in foster care is still in the home's care (a nursing home has none)
    (QT_TR_NOOP("在住与外出"), _IN_CARE),
    (QT_TR_NOOP("在住"), (ResidentStatus.IN_HOUSE,)),
    (QT_TR_NOOP("外出"), (ResidentStatus.ON_LEAVE,)),
    (QT_TR_NOOP("已退住"), (ResidentStatus.DISCHARGED,)),
    (QT_TR_NOOP("家庭寄养"), (ResidentStatus.FOSTERED,)),
    (QT_TR_NOOP("全部"), ()),
]
# a children's home: 在院 includes a child out for the day; 离院 keeps the record
CHILD_STATUS_FILTERS: list[tuple[str, tuple[ResidentStatus, ...]]] = [
    (QT_TR_NOOP("在院与家庭寄养"), _IN_CARE),
    (QT_TR_NOOP("在院"), (ResidentStatus.IN_HOUSE, ResidentStatus.ON_LEAVE)),
    (QT_TR_NOOP("家庭寄养"), (ResidentStatus.FOSTERED,)),
    (QT_TR_NOOP("已离院"), (ResidentStatus.DISCHARGED,)),
    (QT_TR_NOOP("全部"), ()),
]


class ResidentFilters(QObject):
    """The combos, added to ``bar``; ``changed`` when one of them changes. The kind's own
    combos are made with their parent and hidden otherwise (never shown as windows)."""

    changed = Signal()

    def __init__(self, parent: QWidget, bar: FlowLayout, *, children: bool) -> None:
        super().__init__(parent)
        self.for_children = children
        self.statuses = CHILD_STATUS_FILTERS if children else STATUS_FILTERS
        self.status = QComboBox(parent)
        for label, _ in self.statuses:
            self.status.addItem(tr(label))
        self.support = QComboBox(parent)
        fill_vocab(self.support, SupportType, empty=tr("全部供养类型"))
        self.level = QComboBox(parent)
        fill_vocab(self.level, AbilityLevel, empty=tr("全部能力等级"))
        self.category = QComboBox(parent)
        fill_vocab(self.category, ChildCategory, empty=tr("全部儿童类别"))
        for combo, shown in (
            (self.status, True),
            (self.support, not children),
            (self.level, not children),
            (self.category, children),
        ):
            combo.setVisible(shown)
            if shown:
                bar.addWidget(combo)
            combo.currentIndexChanged.connect(self.changed)

    def values(self) -> dict[str, Any]:
        """The model's filter fields (ResidentFilter) as chosen."""
        return {
            "statuses": self.statuses[self.status.currentIndex()][1],
            "support_type": None if self.for_children else vocab_value(self.support, SupportType),
            "ability_level": None if self.for_children else vocab_value(self.level, AbilityLevel),
            "child_category": vocab_value(self.category, ChildCategory)
            if self.for_children
            else None,
        }
