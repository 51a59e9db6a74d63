"""The top of the page: 岗前培训率 and 持证上岗率 as of today, big, with the names behind any
gap (a click opens that worker), and the certificates expiring within 60 days."""

from __future__ import annotations

import html
import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.palette import BORDER, GREEN, MUTED, ORANGE, RED
from mzdesk.stats.beds.figures import Ratio
from mzdesk.stats.training import TrainingFigures, WorkerRef

SHOWN_NAMES = 12  # names listed behind a gap before "…等 N 人"
LINK = "worker:"


def names_html(workers: Sequence[tuple[uuid.UUID, str]]) -> str:
    """Names as links (``worker:<id>``); a long list ends with how many more."""
    links = [
        f'<nobr><a href="{LINK}{worker_id}">{html.escape(name)}</a></nobr>'
        for worker_id, name in workers[:SHOWN_NAMES]
    ]
    more = len(workers) - SHOWN_NAMES
    text = "、".join(links)
    if more > 0:
        text += html.escape(tr("…等 {n} 人").format(n=len(workers)))
    return text


def _link_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
    return label


class RateBox(QFrame):
    """One rate: the percentage big, the count under it, the names behind the gap."""

    def __init__(
        self, title: str, gap: str, parent: QWidget | None = None, *, children: bool = False
    ) -> None:
        super().__init__(parent)
        self.for_children = children  # a children's home: its care workers are 保育员
        self.gap = gap
        self.setObjectName("rate")
        self.setStyleSheet(f"#rate {{ border: 1px solid {BORDER}; border-radius: 6px; }}")
        layout = QGridLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        caption = QLabel(title)
        caption.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.value = QLabel("…")
        self.count = QLabel()
        self.count.setStyleSheet(f"color: {MUTED};")
        self.names = _link_label()
        layout.addWidget(caption, 0, 0)
        layout.addWidget(self.value, 1, 0)
        layout.addWidget(self.count, 2, 0)
        layout.addWidget(self.names, 0, 1, 3, 1)
        layout.setColumnStretch(1, 1)

    def show_rate(self, ratio: Ratio, missing: Sequence[WorkerRef]) -> None:
        full = ratio.denominator > 0 and ratio.numerator == ratio.denominator
        colour = GREEN if full else (RED if ratio.value < 0.7 else ORANGE)
        self.value.setText(ratio.pct)
        self.value.setStyleSheet(f"font-size: 30px; font-weight: bold; color: {colour};")
        self.count.setText(
            tr("{n} / {total} 人").format(n=ratio.numerator, total=ratio.denominator)
        )
        if missing:
            self.names.setText(
                f"<b>{html.escape(self.gap)}</b><br>"
                + names_html([(w.worker_id, w.name) for w in missing])
            )
        elif ratio.denominator:
            self.names.setText(html.escape(tr("全部达标。")))
        else:
            none = tr("暂无在职保育员。") if self.for_children else tr("暂无在职护理员。")
            self.names.setText(html.escape(none))


class RatesPanel(QWidget):
    open_worker = Signal(object)  # the id of a name clicked

    def __init__(self, parent: QWidget | None = None, *, children: bool = False) -> None:
        super().__init__(parent)
        self.for_children = children  # a children's home: its care workers are 保育员
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setStyleSheet(f"color: {MUTED};")
        layout.addWidget(self.heading)
        boxes = QGridLayout()
        self.prejob = RateBox(tr("岗前培训率"), tr("未完成岗前培训："), children=children)
        self.certified = RateBox(tr("持证上岗率"), tr("未持有效技能证书："), children=children)
        boxes.addWidget(self.prejob, 0, 0)
        boxes.addWidget(self.certified, 0, 1)
        layout.addLayout(boxes)
        self.expiring = _link_label()
        layout.addWidget(self.expiring)
        for label in (self.prejob.names, self.certified.names, self.expiring):
            label.linkActivated.connect(self._clicked)

    def _clicked(self, link: str) -> None:
        if link.startswith(LINK):
            self.open_worker.emit(uuid.UUID(link.removeprefix(LINK)))

    def show_figures(self, figures: TrainingFigures) -> None:
        heading = (
            tr("截至 {date}，在职保育员 {n} 人；今年人均培训 {hours} 学时")
            if self.for_children
            else tr("截至 {date}，在职护理员 {n} 人；今年人均培训 {hours} 学时")
        )
        self.heading.setText(
            heading.format(
                date=figures.as_of.isoformat(),
                n=figures.active_care_workers,
                hours=figures.average_hours,
            )
        )
        self.prejob.show_rate(figures.prejob_rate, figures.missing_prejob)
        self.certified.show_rate(figures.certified_rate, figures.missing_certificate)
        expiring = figures.expiring_certificates
        if not expiring:
            self.expiring.setText(html.escape(tr("60天内没有到期的证书。")))
            return
        items = [
            f'<nobr><a href="{LINK}{c.worker_id}">{html.escape(c.name)}</a> '
            + html.escape(
                tr("{certificate}（{date}到期）").format(
                    certificate=c.certificate, date=c.expires_on.isoformat()
                )
            )
            + "</nobr>"
            for c in expiring[:SHOWN_NAMES]
        ]
        more = len(expiring) - SHOWN_NAMES
        tail = html.escape(tr("…共 {n} 本").format(n=len(expiring))) if more > 0 else ""
        self.expiring.setText(
            f'<span style="color:{ORANGE}"><b>'
            + html.escape(tr("60天内到期的证书："))
            + "</b></span>"
            + "；".join(items)
            + tail
        )
