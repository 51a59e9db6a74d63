"""One step of a hazard, as a small form: 开始整改, 提交复查 (with evidence photos), 复查通过,
打回 (with a reason), 延期 (reason and approver), 修改. OK runs the step's service on the one
writer; a problem keeps the form open with what was typed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import ValidationError, os_error_text
from mzdesk.core.hazards import HazardEventKind
from mzdesk.core.limits import MAX_ATTACHMENT_BYTES, MIB
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.files import ask_open_path
from mzdesk.gui.widgets.inputs import from_qdate, setup_date
from mzdesk.gui.widgets.labels import note
from mzdesk.services.hazards import (
    HazardEdit,
    HazardRow,
    Photo,
    edit_hazard,
    extend_deadline,
    pass_recheck,
    return_hazard,
    start_rectification,
    submit_for_recheck,
)

IMAGE_FILTER = "图片 Images (*.png *.jpg *.jpeg)"
THUMB = 96


def _text(widget: QLineEdit | QPlainTextEdit) -> str:
    return (widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()).strip()


class StepDialog(FormDialog):
    """The form of one ``kind`` of step on ``hazard`` (EDITED: the corrections form)."""

    record_table = "hazard_events"

    def __init__(
        self,
        ctx: AppContext,
        hazard: HazardRow,
        kind: HazardEventKind,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.hazard, self.kind = ctx, hazard, kind
        self.today = today or dt.date.today()
        self.photos: list[Photo] = []
        self.setWindowTitle(tr("{step}：{hazard}").format(step=_title(kind), hazard=_short(hazard)))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        user = ctx.user.display_name if ctx.user is not None else ""
        if kind is HazardEventKind.EDITED:
            self._edit_fields(form)
        else:
            self.on = QDateEdit()
            setup_date(self.on, self.today)
            self.by = QLineEdit(user)
            self._add(form, "happened_on", tr("日期"), self.on)
            by_label = tr("复查人") if kind in _RECHECK else tr("经办人")
            self._add(form, "done_by", by_label, self.by)
        if kind is HazardEventKind.STARTED:
            self.measure = QPlainTextEdit(hazard.measure or "")
            self.measure.setFixedHeight(70)
            self._add(form, "measure", tr("整改措施"), self.measure)
        if kind is HazardEventKind.EXTENDED:
            self.new_deadline = QDateEdit()
            setup_date(self.new_deadline, max(hazard.deadline, self.today) + dt.timedelta(days=7))
            self.approved_by = QLineEdit()
            self._add(form, "new_deadline", tr("新整改期限"), self.new_deadline)
            self._add(form, "approved_by", tr("批准人"), self.approved_by)
            layout.insertWidget(
                0, note(tr("当前整改期限 {d}（原期限保留在处理记录中）").format(d=hazard.deadline))
            )
        if kind in (HazardEventKind.RETURNED, HazardEventKind.EXTENDED):
            self.reason = QPlainTextEdit()
            self.reason.setFixedHeight(70)
            label = tr("打回原因") if kind is HazardEventKind.RETURNED else tr("延期原因")
            self._add(form, "reason", label, self.reason)
        if kind in (HazardEventKind.SUBMITTED, HazardEventKind.PASSED):
            self.reason = QPlainTextEdit()
            self.reason.setFixedHeight(50)
            self._add(form, "reason", tr("说明"), self.reason)
        if kind is HazardEventKind.SUBMITTED:
            self._photo_fields(form)
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons(_title(kind)))
        self.submit = self._submit

    def _add(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        self.fields[key] = widget
        self.labels[key] = label
        form.addRow(label, widget)

    def _edit_fields(self, form: QFormLayout) -> None:
        h = self.hazard
        self.description = QPlainTextEdit(h.description)
        self.description.setFixedHeight(70)
        self.measure = QPlainTextEdit(h.measure or "")
        self.measure.setFixedHeight(70)
        self.person = QLineEdit(h.responsible_person or "")
        self.deadline = QDateEdit()
        setup_date(self.deadline, h.deadline)
        self._add(form, "description", tr("隐患描述"), self.description)
        self._add(form, "measure", tr("整改措施"), self.measure)
        self._add(form, "responsible_person", tr("整改责任人"), self.person)
        self._add(form, "deadline", tr("整改期限"), self.deadline)

    def _photo_fields(self, form: QFormLayout) -> None:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.photo_list = QListWidget()
        self.photo_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.photo_list.setIconSize(QPixmap(THUMB, THUMB).size())
        self.photo_list.setFixedHeight(THUMB + 30)
        add = QPushButton(tr("添加照片…"))
        add.clicked.connect(self._ask_photo)
        row.addWidget(self.photo_list, 1)
        row.addWidget(add, 0, Qt.AlignmentFlag.AlignTop)
        self._add(form, "evidence", tr("整改照片"), box)

    def _ask_photo(self) -> None:
        ask_open_path(self, tr("选择整改照片"), IMAGE_FILTER, self.add_photo_file)

    def add_photo_file(self, path: str) -> None:
        """Read a chosen photo, refusing one too big before reading it (bounded memory)."""
        file = Path(path)
        try:
            if file.stat().st_size > MAX_ATTACHMENT_BYTES:
                self.error_label.setText(
                    tr("「{name}」太大：照片最大 {mb} MB").format(
                        name=file.name, mb=MAX_ATTACHMENT_BYTES // MIB
                    )
                )
                return
            data = file.read_bytes()
        except OSError as error:
            self.error_label.setText(os_error_text(error))
            return
        self.add_photo(data, file.name)

    def add_photo(self, data: bytes, name: str) -> None:
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            self.error_label.setText(tr("「{name}」不是可读的图片").format(name=name))
            return
        self.photos.append(Photo(data, caption=name))
        item = QListWidgetItem(name)
        item.setIcon(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio))
        self.photo_list.addItem(item)

    async def _submit(self) -> None:
        ctx, h, kind = self.ctx, self.hazard.id, self.kind
        if kind is HazardEventKind.EDITED:
            edit = HazardEdit(
                description=_text(self.description),
                measure=_text(self.measure),
                responsible_person=_text(self.person),
                deadline=from_qdate(self.deadline.date()),
            )
            await ctx.change(edit_hazard, h, edit, on=self.today, by=self._user())
            return
        on, by = from_qdate(self.on.date()), _text(self.by)
        if kind is HazardEventKind.STARTED:
            await ctx.change(start_rectification, h, on=on, by=by, measure=_text(self.measure))
        elif kind is HazardEventKind.SUBMITTED:
            photos = list(self.photos)
            await ctx.change(
                submit_for_recheck, h, on=on, by=by, note=_text(self.reason), photos=photos
            )
        elif kind is HazardEventKind.PASSED:
            await ctx.change(pass_recheck, h, on=on, by=by, note=_text(self.reason))
        elif kind is HazardEventKind.RETURNED:
            await ctx.change(return_hazard, h, on=on, by=by, reason=_text(self.reason))
        elif kind is HazardEventKind.EXTENDED:
            await ctx.change(
                extend_deadline,
                h,
                on=on,
                new_deadline=from_qdate(self.new_deadline.date()),
                reason=_text(self.reason),
                approved_by=_text(self.approved_by),
                by=by or None,
            )
        else:  # pragma: no cover - the hazard page offers only the steps above
            raise ValidationError.single("kind", "field.required")

    def _user(self) -> str | None:
        return self.ctx.user.display_name if self.ctx.user is not None else None


_RECHECK = (HazardEventKind.PASSED, HazardEventKind.RETURNED)


def _title(kind: HazardEventKind) -> str:
    return {
        HazardEventKind.STARTED: tr("开始整改"),
        HazardEventKind.SUBMITTED: tr("提交复查"),
        HazardEventKind.PASSED: tr("复查通过"),
        HazardEventKind.RETURNED: tr("打回"),
        HazardEventKind.EXTENDED: tr("延期"),
        HazardEventKind.EDITED: tr("修改"),
    }.get(kind, kind.label)


def _short(hazard: HazardRow) -> str:
    text = hazard.description
    return text if len(text) <= 24 else text[:23] + "…"
