"""能力评估: the GB/T 42195 form, built from the scheme data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.assessment import AssessmentScheme, default_scheme
from mzdesk.core.vocab import AbilityLevel, AssessmentReason, RiskEvent
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.inputs import fill_vocab, setup_date, vocab_value


class AssessmentDialog(FormDialog):
    """GB/T 42195 form built from the scheme data; total and level update as it is filled."""

    def __init__(
        self,
        who: str,
        history: Sequence[tuple[dt.date, int, AbilityLevel]],
        scheme: AssessmentScheme | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.scheme = scheme or default_scheme()
        self.setWindowTitle(tr("老年人能力评估（GB/T 42195-2022）"))
        self.resize(760, 680)
        root = QVBoxLayout(self)
        header = QFormLayout()
        self.who = QLabel(who)
        header.addRow(tr("住户"), self.who)
        self.date = QDateEdit()
        setup_date(self.date)
        header.addRow(tr("评估日期"), self.date)
        self.reason = QComboBox()
        fill_vocab(self.reason, AssessmentReason, empty=None)
        header.addRow(tr("评估原因"), self.reason)
        self.assessor = QLineEdit()
        header.addRow(tr("评估员"), self.assessor)
        root.addLayout(header)

        body = QWidget()
        grid = QVBoxLayout(body)
        self.answers: dict[str, QComboBox] = {}
        for dimension in self.scheme.dimensions:
            box = QGroupBox(f"{dimension.name}（{dimension.max_score}分）")
            form = QGridLayout(box)
            for row, item in enumerate(dimension.items):
                combo = QComboBox()
                combo.addItem(tr("— 请选择 —"), None)
                for option in item.options:
                    combo.addItem(f"{option.score}分  {option.text}", option.score)
                combo.setMinimumContentsLength(30)
                combo.currentIndexChanged.connect(self._update)
                self.answers[item.id] = combo
                form.addWidget(QLabel(f"{item.id} {item.name}"), row, 0)
                form.addWidget(combo, row, 1)
            grid.addWidget(box)
        extra = QGroupBox(tr("等级调整"))
        extra_layout = QVBoxLayout(extra)
        self.cognitive = QCheckBox(tr("确诊认知障碍/痴呆或其他精神障碍（提高一级）"))
        self.cognitive.toggled.connect(self._update)
        extra_layout.addWidget(self.cognitive)
        risk_row = QHBoxLayout()
        risk_row.addWidget(QLabel(tr("近30天风险事件：")))
        self.risks: dict[RiskEvent, QCheckBox] = {}
        for event in RiskEvent:
            check = QCheckBox(event.label)
            check.toggled.connect(self._update)
            self.risks[event] = check
            risk_row.addWidget(check)
        extra_layout.addLayout(risk_row)
        grid.addWidget(extra)
        if history:
            past = QGroupBox(tr("评估历史"))
            past_layout = QVBoxLayout(past)
            for day, total, level in history:
                past_layout.addWidget(QLabel(f"{day.isoformat()}  {total}分  {level.label}"))
            grid.addWidget(past)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        root.addWidget(scroll, 1)
        self.result_label = QLabel()
        self.result_label.setStyleSheet("font-size: 15px; font-weight: bold;")
        root.addWidget(self.result_label)
        root.addWidget(self.make_error_label())
        root.addWidget(self.make_buttons())
        self.fields = {
            "assessor": self.assessor,
            "assessed_on": self.date,  # before the admission or after today: marked
            **{f"answers.{k}": v for k, v in self.answers.items()},
        }
        self.labels = {f"answers.{i.id}": i.name for i in self.scheme.items}
        self._update()

    def answered(self) -> dict[str, int]:
        return {k: c.currentData() for k, c in self.answers.items() if c.currentData() is not None}

    def risk_events(self) -> tuple[RiskEvent, ...]:
        return tuple(e for e, box in self.risks.items() if box.isChecked())

    def _update(self) -> None:
        result = self.scheme.score(
            self.answered(),
            cognitive_disorder=self.cognitive.isChecked(),
            risk_events_30d=len(self.risk_events()),
            partial=True,
        )
        done = len(self.answered())
        text = tr("已评 {done}/{all} 项  总分 {total}/{max}").format(
            done=done, all=len(self.answers), total=result.total, max=self.scheme.max_total
        )
        if result.complete:
            text += tr("  能力等级：{level}").format(level=result.level.label)
            if result.level is not result.base_level:
                text += tr("（总分对应{base}，经调整）").format(base=result.base_level.label)
        self.result_label.setText(text)

    def assessment_reason(self) -> AssessmentReason:
        return vocab_value(self.reason, AssessmentReason) or AssessmentReason.FIRST
