"""A training session: its own fields (topic, category, dates, hours, trainer, place) and, for
a new session, the attendance picker — the session and its attendance are one write."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.labels import field_label
from mzdesk.core.vocab import TrainingCategory
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.training.attendance_picker import AttendancePicker, hours_box
from mzdesk.gui.widgets.dialog import FormDialog, Refusal
from mzdesk.gui.widgets.inputs import fill_vocab, from_qdate, select_vocab, setup_date, vocab_value
from mzdesk.services.views import WorkerView
from mzdesk.services.workers import TrainingData

TABLE = "training_sessions"
DEFAULT_HOURS = Decimal(2)


@dataclass(frozen=True)
class SessionFields:
    """What the form holds about the session itself."""

    topic: str
    category: TrainingCategory
    start_date: dt.date
    end_date: dt.date
    hours: Decimal
    trainer: str | None
    place: str | None


def _label(field: str) -> str:
    return {"start_date": tr("开始日期"), "end_date": tr("结束日期")}.get(
        field, field_label(field, TABLE)
    )


class SessionDialog(FormDialog):
    """New session (with the picker of active workers) or a session's fields alone."""

    record_table = TABLE

    def __init__(
        self,
        institution_id: uuid.UUID,
        workers: Sequence[WorkerView] | None = None,
        fields: SessionFields | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.institution_id = institution_id
        self.setWindowTitle(tr("新建培训") if fields is None else tr("修改培训信息"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.topic = QLineEdit()
        self.category = QComboBox()
        fill_vocab(self.category, TrainingCategory, empty=None)
        self.start_date = QDateEdit()
        setup_date(self.start_date)
        self.end_date = QDateEdit()
        setup_date(self.end_date)
        dates = QHBoxLayout()
        dates.addWidget(self.start_date)
        dates.addWidget(self.end_date)
        dates.addStretch(1)
        self.hours: QDoubleSpinBox = hours_box(DEFAULT_HOURS)
        self.hours.setMaximumWidth(120)
        self.trainer = QLineEdit()
        self.place = QLineEdit()
        form.addRow(_label("topic"), self.topic)
        form.addRow(_label("category"), self.category)
        form.addRow(tr("日期（开始—结束）"), dates)
        form.addRow(_label("hours"), self.hours)
        form.addRow(_label("trainer"), self.trainer)
        form.addRow(_label("place"), self.place)
        layout.addLayout(form)
        self.fields = {
            "topic": self.topic,
            "category": self.category,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "hours": self.hours,
            "trainer": self.trainer,
            "place": self.place,
        }
        self.labels = {"start_date": _label("start_date"), "end_date": _label("end_date")}
        self.picker: AttendancePicker | None = None
        if workers is not None:
            self.picker = AttendancePicker(workers, DEFAULT_HOURS)
            self.fields["attendees"] = self.picker.table
            self.labels["attendees"] = tr("参训人员")
            layout.addWidget(self.picker, 1)
            self.hours.valueChanged.connect(self._hours_changed)
            self.picker.changed.connect(self.clear_problems)  # an old refusal goes stale
            self.resize(760, 720)
        else:
            self.resize(480, 0)
        self._start = self.start_date.date()
        self.start_date.dateChanged.connect(self._follow_start)
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons(tr("保存") if fields else tr("保存培训与签到")))
        if fields is not None:
            self.load(fields)

    def _hours_changed(self, value: float) -> None:
        if self.picker is not None:
            self.picker.set_session_hours(_decimal(value))

    def _follow_start(self) -> None:
        """A one-day session is the usual case: the end date follows the start while they
        were the same day, and is never left before it."""
        start = self.start_date.date()
        if self.end_date.date() == self._start or self.end_date.date() < start:
            self.end_date.setDate(start)
        self._start = start

    def load(self, fields: SessionFields) -> None:
        self.topic.setText(fields.topic)
        select_vocab(self.category, fields.category)
        setup_date(self.start_date, fields.start_date)
        setup_date(self.end_date, fields.end_date)
        self.hours.setValue(float(fields.hours))
        self.trainer.setText(fields.trainer or "")
        self.place.setText(fields.place or "")

    def session_fields(self) -> SessionFields:
        category = vocab_value(self.category, TrainingCategory)
        if category is None:
            raise Refusal(tr("请选择培训类别。"))
        return SessionFields(
            topic=self.topic.text(),
            category=category,
            start_date=from_qdate(self.start_date.date()),
            end_date=from_qdate(self.end_date.date()),
            hours=_decimal(self.hours.value()),
            trainer=self.trainer.text().strip() or None,
            place=self.place.text().strip() or None,
        )

    def training_data(self) -> TrainingData:
        """The new session with everyone ticked (one write)."""
        fields = self.session_fields()
        attendees = self.picker.attendees() if self.picker is not None else []
        return TrainingData(
            institution_id=self.institution_id,
            topic=fields.topic,
            category=fields.category,
            start_date=fields.start_date,
            end_date=fields.end_date,
            hours=fields.hours,
            attendees=attendees,
            trainer=fields.trainer,
            place=fields.place,
        )

    def check(self) -> None:
        self.session_fields()
        if self.picker is not None and not self.picker.ticked():
            raise Refusal(tr("请在名单中勾选参训人员（可用“全选”或“选中该岗位”）。"))


def _decimal(value: float) -> Decimal:
    return Decimal(str(round(value, 1)))
