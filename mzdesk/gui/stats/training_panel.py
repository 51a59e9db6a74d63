"""The care-worker training part of the 统计 page: 岗前培训率 and 持证上岗率 with their
counts, who is behind each gap, and per institution when the scope has several."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.table import make_table
from mzdesk.stats.beds.figures import Ratio
from mzdesk.stats.training import TrainingFigures

SHOWN = 12  # names on the page behind each gap ("等N人" after them); more in the tooltip
TOOLTIP = 60
RATE_STYLE = "font-size: 16px; font-weight: bold; color: %s; padding-right: 18px;"


class TrainingPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMaximumHeight(190)
        row = QHBoxLayout(self)
        left = QVBoxLayout()
        title = QLabel(tr("护理员培训"))
        title.setStyleSheet("font-weight: bold; color: #1f3b5a;")
        left.addWidget(title)
        rates = QHBoxLayout()
        self.prejob = QLabel()
        self.certified = QLabel()
        self.hours = QLabel()
        for label in (self.prejob, self.certified):
            rates.addWidget(label)
        rates.addStretch(1)
        left.addLayout(rates)
        left.addWidget(self.hours)
        self.gaps = QLabel()
        self.gaps.setWordWrap(True)
        self.gaps.setStyleSheet("color: #7a3b00;")
        left.addWidget(self.gaps)
        left.addStretch(1)
        row.addLayout(left, 1)
        self.table = make_table(
            [tr("机构"), tr("护理员"), tr("岗前培训率"), tr("持证上岗率"), tr("人均学时")],
            right_aligned=(1, 2, 3, 4),
        )
        row.addWidget(self.table, 1)

    def show_figures(self, f: TrainingFigures) -> None:
        # late: reportlab and openpyxl load when first used
        from mzdesk.reports.training_report import institution_rows, names

        def rate(name: str, r: Ratio) -> str:
            return f"{name} {r.pct}（{r.numerator}/{r.denominator}）"

        full = "#2e7d32"
        short = "#b26a00"
        self.prejob.setText(rate(tr("岗前培训率"), f.prejob_rate))
        self.prejob.setStyleSheet(RATE_STYLE % (full if not f.missing_prejob else short))
        self.certified.setText(rate(tr("持证上岗率"), f.certified_rate))
        self.certified.setStyleSheet(RATE_STYLE % (full if not f.missing_certificate else short))
        self.hours.setText(
            tr("{year}年人均学时 {hours}").format(year=f.as_of.year, hours=f.average_hours)
        )
        gaps, everyone = [], []
        for label, refs in (
            (tr("未完成岗前培训："), f.missing_prejob),
            (tr("未持有效技能证书："), f.missing_certificate),
        ):
            if refs:
                gaps.append(label + names(refs, SHOWN))
                everyone.append(label + names(refs, TOOLTIP))
        self.gaps.setText("\n".join(gaps))
        self.gaps.setToolTip("\n".join(everyone))
        several = len(f.per_institution) > 1
        self.table.setVisible(several)
        self.table.show_rows(institution_rows(f) if several else [])
