"""A hazard's page: what was found, where it stands (overdue in red), its evidence photos and
its history, with the steps its status allows — 开始整改, 提交复查, 复查通过, 打回, 延期, 修改."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import MzdeskError
from mzdesk.core.hazards import STEPS, HazardEventKind
from mzdesk.core.permissions import Permission
from mzdesk.core.vocab import HazardStatus
from mzdesk.gui.inspections.hazard_steps import StepDialog
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.dialog import wait_for
from mzdesk.gui.widgets.labels import heading
from mzdesk.gui.widgets.palette import RED
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.attachments import read_file
from mzdesk.services.hazards import EventRow, HazardDetail, HazardRow, hazard_detail

THUMB = 120
OVERDUE_STYLE = f"background: #fdecea; color: {RED}; padding: 6px; border-radius: 4px;"
ACTIONS = (
    HazardEventKind.STARTED,
    HazardEventKind.SUBMITTED,
    HazardEventKind.PASSED,
    HazardEventKind.RETURNED,
    HazardEventKind.EXTENDED,
    HazardEventKind.EDITED,
)


def allowed(kind: HazardEventKind, status: HazardStatus) -> bool:
    if kind in STEPS:
        return status in STEPS[kind][0]
    return status is not HazardStatus.CLOSED  # 延期 and 修改: until closed


def status_text(h: HazardRow) -> str:
    if h.overdue:
        return tr("{status}（超期 {n} 天）").format(status=h.status.label, n=h.overdue_days)
    if h.withdrawn:
        return tr("{status}（更正撤销）").format(status=h.status.label)
    return h.status.label


def event_row(e: EventRow) -> list[str]:
    deadline = ""
    if e.old_deadline and e.new_deadline:
        deadline = f"{e.old_deadline} → {e.new_deadline}"
    elif e.new_deadline:
        deadline = str(e.new_deadline)
    approved = tr("批准人：{name}").format(name=e.approved_by) if e.approved_by else ""
    why = "；".join(t for t in (e.text, approved) if t)
    return [str(e.on), e.kind.label, e.by or "", e.status.label, why, deadline]


class HazardDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        hazard_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.hazard_id = ctx, hazard_id
        self.today = today or dt.date.today()
        self.detail: HazardDetail | None = None
        self.step: StepDialog | None = None
        self.setWindowTitle(tr("隐患"))
        self.resize(900, 760)
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(self.title)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        layout.addWidget(self.banner)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("found_by", tr("来源")),
            ("level", tr("隐患等级")),
            ("status", tr("状态")),
            ("found_on", tr("发现日期")),
            ("deadline", tr("整改期限")),
            ("measure", tr("整改措施")),
            ("responsible_person", tr("整改责任人")),
            ("rectified_on", tr("整改完成日期")),
            ("recheck", tr("复查")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(label, value)
        layout.addLayout(form)
        bar = QHBoxLayout()
        self.buttons: dict[HazardEventKind, QPushButton] = {}
        can_edit = ctx.can(Permission.INSPECTIONS_EDIT)
        for kind in ACTIONS:
            button = QPushButton(_button_text(kind))
            button.setVisible(can_edit)
            button.clicked.connect(lambda _=False, k=kind: self.open_step(k))
            self.buttons[kind] = button
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(heading(tr("整改照片")))
        self.photos = QListWidget()
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(QPixmap(THUMB, THUMB).size())
        self.photos.setFixedHeight(THUMB + 36)
        layout.addWidget(self.photos)
        layout.addWidget(heading(tr("处理记录")))
        self.history = make_table(
            [tr("日期"), tr("环节"), tr("经办人"), tr("之后状态"), tr("原因/说明"), tr("整改期限")]
        )
        layout.addWidget(self.history, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.refresh()

    @async_slot()
    async def refresh(self) -> None:
        detail = await self.ctx.worker.read(
            hazard_detail, self.ctx.store, self.hazard_id, today=self.today
        )
        photos = []
        for view in detail.evidence:
            try:
                data = await self.ctx.worker.read(read_file, self.ctx.store, view.sha256)
            except MzdeskError:
                data = b""  # not synced here yet: the caption still says it exists
            photos.append((view.caption or view.media_type, data))
        self.show_detail(detail, photos)

    def show_detail(self, detail: HazardDetail, photos: list[tuple[str, bytes]]) -> None:
        self.detail = detail
        h = detail.hazard
        self.title.setText(h.description)
        v = self.values
        f = detail.found_by
        v["found_by"].setText(
            tr("{date} {type}「{checklist}」（{version}版）第 {code} 项，检查人 {who}").format(
                date=f.inspected_on,
                type=f.inspection_type.label,
                checklist=f.checklist,
                version=f.version,
                code=f.item_code or "—",
                who=f.inspectors,
            )
            if f is not None
            else tr("单独登记或台账导入")
        )
        v["level"].setText(h.level.label)
        v["status"].setText(status_text(h))
        v["status"].setStyleSheet(f"color: {RED}; font-weight: bold;" if h.overdue else "")
        original = tr("（原期限 {d}，已延期）").format(d=h.original_deadline) if h.extended else ""
        v["deadline"].setText(f"{h.deadline}{original}")
        v["found_on"].setText(str(h.found_on))
        v["measure"].setText(h.measure or "—")
        v["responsible_person"].setText(h.responsible_person or "—")
        v["rectified_on"].setText(str(h.rectified_on) if h.rectified_on else "—")
        v["recheck"].setText(
            tr("{by}，{on} 复查通过并销号").format(by=h.rechecked_by, on=h.rechecked_on)
            if h.status is HazardStatus.CLOSED
            else "—"
        )
        if h.overdue:
            self.banner.setText(
                tr("⚠ 已超过整改期限 {n} 天，请尽快整改并复查销号。").format(n=h.overdue_days)
            )
            self.banner.setStyleSheet(OVERDUE_STYLE)
        else:
            self.banner.setText("")
            self.banner.setStyleSheet("")
        self.banner.setVisible(h.overdue)
        for kind, button in self.buttons.items():
            button.setEnabled(allowed(kind, h.status))
        self.photos.clear()
        for caption, data in photos:
            item = QListWidgetItem(caption)
            pixmap = QPixmap()
            if data and pixmap.loadFromData(data):
                item.setIcon(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio))
            self.photos.addItem(item)
        red = QColor(RED)
        self.history.show_rows(
            [event_row(e) for e in detail.events],
            [red if e.kind is HazardEventKind.RETURNED else None for e in detail.events],
            tooltip_columns=(4,),
        )

    def open_step(self, kind: HazardEventKind) -> StepDialog | None:
        if self.detail is None:
            return None
        self.step = StepDialog(self.ctx, self.detail.hazard, kind, self, today=self.today)
        self._run_step(self.step)
        return self.step

    @async_slot()
    async def _run_step(self, step: StepDialog) -> None:
        if await wait_for(step) == QDialog.DialogCode.Accepted:
            self.refresh()


def _button_text(kind: HazardEventKind) -> str:
    return {
        HazardEventKind.STARTED: tr("开始整改"),
        HazardEventKind.SUBMITTED: tr("提交复查…"),
        HazardEventKind.PASSED: tr("复查通过…"),
        HazardEventKind.RETURNED: tr("打回…"),
        HazardEventKind.EXTENDED: tr("延期…"),
        HazardEventKind.EDITED: tr("修改…"),
    }[kind]
