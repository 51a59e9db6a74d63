"""能力评估: the GB/T 42195 form, built from the scheme data.

A repeat assessment starts from the last one (its answers and assessor, as 常规评估: the
standard's name for a reassessment; 即时评估 and 复评 can be chosen), since most items do
not change between two assessments and the assessor checks each one. Problems are listed
in a short summary under the form (the 26 items keep their room) and go as they are fixed.
"""

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
from mzdesk.core.errors import FieldProblem
from mzdesk.core.vocab import AbilityLevel, AssessmentReason, RiskEvent
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.inputs import fill_vocab, select_vocab, setup_date, vocab_value
from mzdesk.services.assessments import AssessmentView

MISSING = "assessment.missing_item"


class AssessmentDialog(FormDialog):
    """GB/T 42195 form built from the scheme data; total and level update as it is filled."""

    def __init__(
        self,
        who: str,
        history: Sequence[tuple[dt.date, int, AbilityLevel]],
        scheme: AssessmentScheme | None = None,
        parent: QWidget | None = None,
        *,
        previous: AssessmentView | None = None,
    ) -> None:
        super().__init__(parent)
        self.scheme = scheme or default_scheme()
        self.setWindowTitle(tr("老年人能力评估（GB/T 42195-2022）"))
        self.resize(760, 640)  # fits a 1024×700 screen with its title bar
        root = QVBoxLayout(self)
        header = QFormLayout()
        self.who = QLabel(who)
        header.addRow(tr("住户"), self.who)
        self.date = QDateEdit()
        setup_date(self.date)
        header.addRow(tr("评估日期"), self.date)
        self.reason = QComboBox()
        repeat = bool(history) or previous is not None
        # once assessed, an assessment is a reassessment: 首次评估 is no longer offered
        reasons = [r for r in AssessmentReason if not (repeat and r is AssessmentReason.FIRST)]
        fill_vocab(self.reason, AssessmentReason, empty=None, members=reasons)
        select_vocab(self.reason, AssessmentReason.ROUTINE if repeat else AssessmentReason.FIRST)
        header.addRow(tr("评估原因"), self.reason)
        self.assessor = QLineEdit()
        self.assessor.textChanged.connect(self._fixed)
        header.addRow(tr("评估员"), self.assessor)
        root.addLayout(header)
        self.prefilled_note = QLabel()
        self.prefilled_note.setWordWrap(True)
        self.prefilled_note.hide()
        root.addWidget(self.prefilled_note)

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
                # the longest options do not fit the closed combo: the list shows them whole,
                # and the tooltip tells the chosen one
                combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
                combo.currentTextChanged.connect(combo.setToolTip)
                combo.currentIndexChanged.connect(self._update)
                combo.currentIndexChanged.connect(self._fixed)
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
        self.items_area = QScrollArea()
        self.items_area.setWidgetResizable(True)
        self.items_area.setWidget(body)
        root.addWidget(self.items_area, 1)
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
        self._problems: list[FieldProblem] = []
        if previous is not None:
            self._start_from(previous)
        self._update()

    def _start_from(self, previous: AssessmentView) -> None:
        """The last assessment's answers and assessor, to be checked item by item."""
        for item_id, score in previous.answers.items():
            combo = self.answers.get(item_id)
            index = combo.findData(score) if combo is not None else -1
            if combo is not None and index > 0:
                combo.setCurrentIndex(index)
        self.assessor.setText(previous.assessor)
        self.prefilled_note.setText(
            tr("已按上次评估（{date}，{total}分）预填，请逐项核对，有变化的改选。").format(
                date=previous.assessed_on.isoformat(), total=previous.total
            )
        )
        self.prefilled_note.show()

    # -- problems: a short summary, gone as they are fixed ----------------------------------
    def show_problems(self, problems: Sequence[FieldProblem]) -> None:
        self._problems = list(problems)
        super().show_problems(self._problems)
        self._summarise()
        first = next((self.fields[p.field] for p in self._problems if p.field in self.fields), None)
        if first is not None:
            self.items_area.ensureWidgetVisible(first)

    def _summarise(self) -> None:
        """One line for the unscored items (counted, named by number and name), one line for
        each other problem: a list of 26 lines left the items two rows of room."""
        missing = [p for p in self._problems if p.code == MISSING]
        lines = [
            tr("{label}：{message}").format(label=self._label(p), message=p.message)
            for p in self._problems
            if p.code != MISSING
        ]
        if missing:
            names = tr("、").join(self._item_name(p.field) for p in missing)  # en: ", "
            lines.append(tr("还有 {n} 项未评分：{items}").format(n=len(missing), items=names))
        self.error_label.setText("\n".join(lines))

    def _label(self, problem: FieldProblem) -> str:
        return self.labels.get(problem.field) or problem.label

    def _item_name(self, field: str) -> str:
        item_id = field.removeprefix("answers.")
        try:
            return f"{item_id} {self.scheme.item(item_id).name}"
        except KeyError:
            return item_id

    def _fixed(self) -> None:
        """Drop the problems of fields that now have a value, and their marks."""
        if not self._problems:
            return
        remaining = []
        for problem in self._problems:
            widget = self.fields.get(problem.field)
            if widget is not None and self._has_value(widget):
                widget.setStyleSheet("")
                widget.setToolTip(widget.currentText() if isinstance(widget, QComboBox) else "")
            else:
                remaining.append(problem)
        if len(remaining) != len(self._problems):
            self._problems = remaining
            self._summarise()

    @staticmethod
    def _has_value(widget: QWidget) -> bool:
        if isinstance(widget, QComboBox):
            return widget.currentData() is not None
        return isinstance(widget, QLineEdit) and bool(widget.text().strip())

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
