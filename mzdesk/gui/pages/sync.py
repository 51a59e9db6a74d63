"""同步: enrolment with the central server, sync now and every few minutes (as an asyncio task
under qasync, so the window never waits on the network), USB bundles, conflict review and
the changes the server sent back."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import socket
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Column, String, Text
from sqlalchemy.orm import Session

from mzdesk.core.bundle import BundleError
from mzdesk.gui.context import AppContext
from mzdesk.gui.runtime import async_slot
from mzdesk.gui.widgets import ERROR_STYLE, QT_TR_NOOP, tr
from mzdesk.store.engine import Store
from mzdesk.store.models import Resident
from mzdesk.store.models.base import VocabType
from mzdesk.store.values import from_json, synced_columns, synced_tables
from mzdesk.sync.bundles import enrol_from_file, export_bundle, import_bundle
from mzdesk.sync.client import SyncClient, SyncFailure, SyncReport, enroll
from mzdesk.sync.device import get_setting, set_setting
from mzdesk.sync.feed import CONFLICTS
from mzdesk.sync.review import (
    ConflictView,
    QuarantinedChange,
    open_conflicts,
    quarantined,
    resend,
    resolve_conflict,
)
from mzdesk.sync.status import sync_status

log = logging.getLogger("mzdesk.gui")

AUTO_SYNC_FIRST_MS = 5_000  # once shortly after the window opens …
AUTO_SYNC_INTERVAL_MS = 5 * 60_000  # … then every five minutes
BUNDLE_SUFFIX = "mzbundle"
CLOCK_RED_SECONDS = 3600
MAX_COLUMN = 420  # px; a longer reason or value wraps

RED = "#b3261e"
ORANGE = "#b26a00"
GREEN = "#2e7d32"

TABLE_LABELS = {
    "institutions": QT_TR_NOOP("机构"),
    "buildings": QT_TR_NOOP("楼栋"),
    "floors": QT_TR_NOOP("楼层"),
    "rooms": QT_TR_NOOP("房间"),
    "beds": QT_TR_NOOP("床位"),
    "bed_history": QT_TR_NOOP("床位变更"),
    "residents": QT_TR_NOOP("住户"),
    "resident_contacts": QT_TR_NOOP("联系人"),
    "resident_leaves": QT_TR_NOOP("外出登记"),
    "bed_stays": QT_TR_NOOP("住床记录"),
    "assessments": QT_TR_NOOP("能力评估"),
    "care_workers": QT_TR_NOOP("护理员"),
    "worker_certificates": QT_TR_NOOP("证书"),
    "training_sessions": QT_TR_NOOP("培训"),
    "training_attendance": QT_TR_NOOP("参训记录"),
    "inspections": QT_TR_NOOP("安全检查"),
    "inspection_results": QT_TR_NOOP("检查结果"),
    "hazards": QT_TR_NOOP("隐患"),
    "users": QT_TR_NOOP("用户"),
    CONFLICTS: QT_TR_NOOP("冲突处理"),
}
PERSON_TABLES = {"residents", "resident_contacts", "care_workers"}
FIELD_LABELS = {
    "name": QT_TR_NOOP("名称"),
    "id_number": QT_TR_NOOP("身份证号"),
    "gender": QT_TR_NOOP("性别"),
    "birth_date": QT_TR_NOOP("出生日期"),
    "ethnicity": QT_TR_NOOP("民族"),
    "household_address": QT_TR_NOOP("户籍地址"),
    "phone": QT_TR_NOOP("联系电话"),
    "marital_status": QT_TR_NOOP("婚姻状况"),
    "living_situation": QT_TR_NOOP("居住情况"),
    "education": QT_TR_NOOP("文化程度"),
    "payment_method": QT_TR_NOOP("医疗费用支付方式"),
    "income_source": QT_TR_NOOP("经济来源"),
    "support_type": QT_TR_NOOP("供养类型"),
    "diagnoses": QT_TR_NOOP("疾病诊断"),
    "cognitive_disorder": QT_TR_NOOP("认知障碍"),
    "contract_number": QT_TR_NOOP("合同编号"),
    "status": QT_TR_NOOP("状态"),
    "admission_date": QT_TR_NOOP("入住日期"),
    "bed_id": QT_TR_NOOP("床位"),
    "ability_level": QT_TR_NOOP("能力等级"),
    "care_level": QT_TR_NOOP("护理等级"),
    "discharge_date": QT_TR_NOOP("退住日期"),
    "discharge_reason": QT_TR_NOOP("退住原因"),
    "note": QT_TR_NOOP("备注"),
    "relationship": QT_TR_NOOP("关系"),
    "address": QT_TR_NOOP("地址"),
    "number": QT_TR_NOOP("编号"),
    "bed_type": QT_TR_NOOP("床位类型"),
    "start_date": QT_TR_NOOP("开始日期"),
    "end_date": QT_TR_NOOP("结束日期"),
    "return_date": QT_TR_NOOP("返回日期"),
    "reason": QT_TR_NOOP("原因"),
    "description": QT_TR_NOOP("描述"),
    "deadline": QT_TR_NOOP("整改期限"),
    "level": QT_TR_NOOP("级别"),
    "deleted_at": QT_TR_NOOP("删除时间"),
    "created_at": QT_TR_NOOP("创建时间"),
}
OP_LABELS = {
    "insert": QT_TR_NOOP("新增"),
    "update": QT_TR_NOOP("修改"),
    "delete": QT_TR_NOOP("删除"),
    "resolve": QT_TR_NOOP("冲突处理"),
}
# ---------------------------------------------------------------- what the page shows


@dataclass(frozen=True)
class ConflictRow:
    conflict: ConflictView
    record: str


@dataclass(frozen=True)
class QuarantineRow:
    change: QuarantinedChange
    record: str


@dataclass(frozen=True)
class SyncView:
    status: dict[str, Any]
    device_name: str | None
    conflicts: list[ConflictRow]
    quarantined: list[QuarantineRow]


def load_sync_view(store: Store) -> SyncView:
    """Everything the page shows, read on a worker thread."""
    status = sync_status(store)
    conflicts = open_conflicts(store)
    changes = quarantined(store)
    with store.read() as session:
        return SyncView(
            status,
            get_setting(session, "device_name"),
            [ConflictRow(c, record_label(session, c.table, c.row_id)) for c in conflicts],
            [QuarantineRow(q, record_label(session, q.table, q.row_id)) for q in changes],
        )


def record_label(session: Session, table: str, row_id: uuid.UUID) -> str:
    """A record as a person knows it: its own name, or its resident's (the start of its id
    when it has neither)."""
    model = synced_tables().get(table)
    row = session.get(model, row_id) if model is not None else None
    name: str | None = None
    if row is not None:
        for attr in ("name", "display_name", "topic", "description", "number"):
            value = getattr(row, attr, None)
            if isinstance(value, str) and value:
                name = value
                break
        resident_id = getattr(row, "resident_id", None)
        if name is None and isinstance(resident_id, uuid.UUID):
            resident = session.get(Resident, resident_id)
            name = resident.name if resident is not None else None
    return name or str(row_id)[:8]


def record_text(table: str, name: str) -> str:
    kind = tr(TABLE_LABELS[table]) if table in TABLE_LABELS else table
    return tr("{kind}：{name}").format(kind=kind, name=name)


def remember_device_name(store: Store, name: str) -> None:
    with store.write() as session:
        set_setting(session, "device_name", name)


def reason_text(change: QuarantinedChange) -> str:
    """The server's reason with the change's field names as people know them (「电话」)."""
    reason = change.error
    for key in change.data:
        reason = reason.replace(f"「{key}」", f"「{field_label(change.table, key)}」")
    return reason


def field_label(table: str, field: str) -> str:
    if field == "name" and table in PERSON_TABLES:
        return tr("姓名")
    return tr(FIELD_LABELS[field]) if field in FIELD_LABELS else field


def _column(table: str, field: str) -> Column[Any] | None:
    return synced_columns(table).get(field) if table in synced_tables() else None


def readable_value(table: str, field: str, value: Any) -> str:
    """A JSON value as a person reads it: vocabulary codes as their labels, none as （空）."""
    if value is None:
        return tr("（空）")
    column = _column(table, field)
    if column is not None and isinstance(column.type, VocabType):
        try:
            return str(column.type.vocab(value).label)
        except ValueError:
            return str(value)
    if isinstance(value, bool):
        return tr("是") if value else tr("否")
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def edit_text(value: Any) -> str:
    """A JSON value as editable text (strings as they are, the rest as JSON)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def parse_value(text: str, column: Column[Any] | None) -> Any:
    """Edited text back to JSON: JSON when it parses, else the text itself. Text fields keep
    the text as typed (a phone number must not become a number); empty means no value."""
    if text == "":
        return None
    if column is not None and isinstance(column.type, String | Text | VocabType):
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


def local_time(value: str | dt.datetime | None) -> str:
    """A UTC timestamp (ISO text or naive UTC) as local yyyy-MM-dd HH:mm."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    else:
        moment = value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def failure_text(failure: SyncFailure) -> str:
    """The failure in the user's language (by its code), then the details as they came."""
    if failure.detail and failure.detail != failure.message:
        return tr("{message}（详情：{detail}）").format(
            message=failure.message, detail=failure.detail
        )
    return failure.message


def clock_text(offset: float) -> str:
    minutes = max(1, round(abs(offset) / 60))
    if offset > 0:
        return tr(
            "本机时钟比服务器慢约 {n} 分钟，请校准电脑时间，否则修改的先后可能判断错误。"
        ).format(n=minutes)
    return tr("本机时钟比服务器快约 {n} 分钟，请校准电脑时间，否则修改的先后可能判断错误。").format(
        n=minutes
    )


def status_line(
    status: dict[str, Any], failure: SyncFailure | None, syncing: bool
) -> tuple[str, str | None]:
    """The status bar's sync text and its colour (``None``: the ordinary one)."""
    if not status["enrolled"]:
        return tr("同步：本机未注册到服务器，{n} 条修改待同步").format(n=status["pending"]), None
    parts = [
        tr("上次同步 {time}").format(time=local_time(status["last_sync"]))
        if status["last_sync"]
        else tr("从未同步"),
        tr("待同步 {n} 条").format(n=status["pending"]),
    ]
    if status["conflicts"]:
        parts.append(tr("冲突 {n} 条").format(n=status["conflicts"]))
    if status["quarantined"]:
        parts.append(tr("被退回 {n} 条").format(n=status["quarantined"]))
    colour: str | None = ORANGE if status["conflicts"] or status["quarantined"] else None
    offset = status["clock_offset_s"]
    if status["clock_warning"] and offset is not None:
        parts.append(tr("时钟偏差 {n} 分钟").format(n=max(1, round(abs(offset) / 60))))
        colour = RED if abs(offset) >= CLOCK_RED_SECONDS else ORANGE
    if syncing:
        parts.insert(0, tr("正在同步…"))
    elif failure is not None or status["last_error"]:
        parts.insert(0, tr("同步失败"))
        colour = RED
    return tr("同步：") + " · ".join(parts), colour


# ---------------------------------------------------------------- widgets


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 16px; font-weight: bold; margin-top: 6px;")
    return label


def _note(text: str = "", colour: str = "#445") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(f"color: {colour}; font-size: 13px;")
    return label


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fit(table: QTableWidget) -> None:
    """Columns as wide as their text up to a limit (longer text wraps); no taller than its
    rows, so a list of two does not fill the page (a long one scrolls)."""
    table.resizeColumnsToContents()
    for column in range(table.columnCount()):
        if table.cellWidget(0, column) is None and table.columnWidth(column) > MAX_COLUMN:
            table.setColumnWidth(column, MAX_COLUMN)
    table.resizeRowsToContents()
    rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setMaximumHeight(
        table.horizontalHeader().sizeHint().height()
        + rows
        + table.horizontalScrollBar().sizeHint().height()
        + 2 * table.frameWidth()
        + 2
    )


class EnrolForm(QGroupBox):
    """Server address, one-time code and this computer's name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("注册到中心服务器"), parent)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _note(
                tr(
                    "向民政局或机构管理员索取服务器地址和一次性注册码。注册后，本机的修改会自动"
                    "发送到服务器，其他电脑的修改也会同步到本机。"
                )
            )
        )
        form = QFormLayout()
        self.server = QLineEdit()
        self.server.setPlaceholderText(tr("例如 http://192.168.1.10:8760"))
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-EFGH-JKLM-NPQR")
        self.device = QLineEdit(socket.gethostname())
        self.device.setMaxLength(100)
        form.addRow(tr("服务器地址"), self.server)
        form.addRow(tr("注册码"), self.code)
        form.addRow(tr("本机名称"), self.device)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.enrol_button = QPushButton(tr("注册并同步"))
        self.enrol_button.setDefault(True)
        self.cancel_button = QPushButton(tr("取消"))
        self.file_button = QPushButton(tr("用离线注册文件注册…"))
        self.file_button.setToolTip(
            tr("没有网络的站点：用中心给的离线注册文件（U盘）和注册码注册，之后用U盘同步包同步。")
        )
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.file_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.error = _note(colour=RED)
        self.error.hide()
        layout.addWidget(self.error)
        self.fields = {"server": self.server, "code": self.code, "device": self.device}

    def problems(self) -> dict[str, str]:
        found = {}
        url = QUrl(self.server_url())
        if not self.server.text().strip():
            found["server"] = tr("请填写服务器地址。")
        elif not url.isValid() or url.scheme() not in ("http", "https") or not url.host():
            found["server"] = tr("服务器地址的格式不对，应类似 http://192.168.1.10:8760。")
        if not self.code.text().strip():
            found["code"] = tr("请填写注册码。")
        if not self.device.text().strip():
            found["device"] = tr("请填写本机名称，便于管理员识别这台电脑。")
        return found

    def server_url(self) -> str:
        text = self.server.text().strip().rstrip("/")
        return text if "://" in text or not text else f"http://{text}"

    def show_problems(self, problems: dict[str, str]) -> None:
        """Mark the fields named and list the problems in red."""
        for key, widget in self.fields.items():
            widget.setStyleSheet(ERROR_STYLE if key in problems else "")
        self.say("\n".join(problems.values()), RED)

    def say(self, text: str, colour: str = "#445") -> None:
        self.error.setStyleSheet(f"color: {colour}; font-size: 13px;")
        self.error.setText(text)
        self.error.setVisible(bool(text))


class QuarantineDialog(QDialog):
    """A change the server sent back: its reason, its fields to correct, and 重新发送."""

    def __init__(self, row: QuarantineRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        change = row.change
        self.setWindowTitle(tr("修正被退回的修改"))
        self.resize(560, 460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(tr("记录"), QLabel(record_text(change.table, row.record)))
        form.addRow(tr("操作"), QLabel(tr(OP_LABELS.get(change.op, change.op))))
        form.addRow(tr("修改时间"), QLabel(local_time(change.created_at)))
        reason = _note(change.error, RED)
        form.addRow(tr("退回原因"), reason)
        layout.addLayout(form)
        layout.addWidget(
            _note(
                tr("改正下面的值后点“重新发送”。文字照原样填写；数字、是否等其他值按 JSON 填写。")
            )
        )
        self.fields = list(change.data)
        self.table = QTableWidget(len(self.fields), 2)
        self.table.setHorizontalHeaderLabels([tr("字段"), tr("值")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for r, key in enumerate(self.fields):
            name = QTableWidgetItem(field_label(change.table, key))
            name.setToolTip(key)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, name)
            self.table.setItem(r, 1, QTableWidgetItem(edit_text(change.data[key])))
        self.table.resizeColumnToContents(0)
        layout.addWidget(self.table, 1)
        self.error = _note(colour=RED)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox()
        self.resend_button = self.buttons.addButton(
            tr("重新发送"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._resend)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.submit: Callable[[dict[str, Any] | None], Awaitable[None]] | None = None
        self._task: asyncio.Future[Any] | None = None

    def corrections(self) -> dict[str, Any] | None:
        """The fields whose value was changed, parsed back to JSON and checked against the
        column; ``ValueError`` names the first field that does not fit."""
        change = self.row.change
        data: dict[str, Any] = {}
        for r, key in enumerate(self.fields):
            item = self.table.item(r, 1)
            text = item.text() if item is not None else ""
            if text == edit_text(change.data[key]):
                continue
            column = _column(change.table, key)
            value = parse_value(text, column)
            if column is not None:
                try:
                    from_json(column, value)
                except ValueError as error:
                    self._mark(r)
                    raise ValueError(
                        tr("{field}：这个值不符合要求（{detail}）").format(
                            field=field_label(change.table, key), detail=error
                        )
                    ) from error
            data[key] = value
        return data or None

    def _mark(self, row: int) -> None:
        item = self.table.item(row, 1)
        if item is not None:
            item.setBackground(QColor("#fdecea"))

    def _resend(self) -> None:
        if self._task is not None and not self._task.done():
            return
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 1)
            if item is not None:
                item.setData(Qt.ItemDataRole.BackgroundRole, None)
        try:
            data = self.corrections()
        except ValueError as error:
            self.error.setText(str(error))
            return
        self._task = self._run(data)

    @async_slot()
    async def _run(self, data: dict[str, Any] | None) -> None:
        if self.submit is None:
            self.accept()
            return
        self.setEnabled(False)
        try:
            await self.submit(data)
        except (ValueError, LookupError) as error:
            self.error.setText(tr("无法重新发送：{error}").format(error=error))
            return
        finally:
            self.setEnabled(True)
        self.accept()


class SyncPage(QWidget):
    """同步. ``state_changed`` tells the status bar that a sync started or ended, or that the
    page loaded fresh figures (``view``)."""

    state_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: SyncView | None = None
        self.failure: SyncFailure | None = None
        self.syncing = False
        self._again = False
        self._sync_task: asyncio.Future[Any] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)

        self.enrol = EnrolForm()
        self.enrol.setMaximumWidth(760)
        self.enrol.enrol_button.clicked.connect(self.enrol_now)
        self.enrol.cancel_button.clicked.connect(lambda: self.enrol.hide())
        self.enrol.file_button.clicked.connect(self.choose_enrolment_file)
        self.enrol.hide()
        layout.addWidget(self.enrol)
        self.local_note = _note(
            tr(
                "所有修改都已安全保存在本机数据库中，并记录在待同步队列里，不会丢失；"
                "注册到中心服务器后会自动发送。没有网络的机构可以用U盘同步包交换数据。"
            )
        )
        self.local_note.hide()
        layout.addWidget(self.local_note)

        self.overview = QGroupBox(tr("同步状态"))
        form = QFormLayout(self.overview)
        self.server = QLabel()
        self.device = QLabel()
        self.last_sync = QLabel()
        self.pending = QLabel()
        self.conflict_count = QLabel()
        self.quarantine_count = QLabel()
        for label in (self.server, self.device):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(tr("服务器"), self.server)
        form.addRow(tr("本机"), self.device)
        form.addRow(tr("上次成功同步"), self.last_sync)
        form.addRow(tr("待发送的修改"), self.pending)
        form.addRow(tr("待审核的冲突"), self.conflict_count)
        form.addRow(tr("被服务器退回的修改"), self.quarantine_count)
        self.clock = _note(colour=ORANGE)
        form.addRow(self.clock)
        self.message = _note()
        self.message.hide()
        form.addRow(self.message)
        buttons = QHBoxLayout()
        self.sync_button = QPushButton(tr("立即同步"))
        self.export_button = QPushButton(tr("导出U盘同步包…"))
        self.import_button = QPushButton(tr("导入U盘同步包…"))
        self.reenrol_button = QPushButton(tr("重新注册…"))
        for button in (
            self.sync_button,
            self.export_button,
            self.import_button,
            self.reenrol_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.sync_button.clicked.connect(self.sync_now)
        self.export_button.clicked.connect(self.export_bundle)
        self.import_button.clicked.connect(self.import_bundle)
        self.reenrol_button.clicked.connect(self._show_enrol)
        self.overview.hide()
        layout.addWidget(self.overview)

        self.conflicts_heading = _heading(tr("待审核的冲突"))
        self.conflicts_note = _note()
        self.conflicts = _table(
            [tr("记录"), tr("字段"), tr("已采用的值"), tr("被覆盖的值"), tr("处理")]
        )
        self.quarantine_heading = _heading(tr("被服务器退回的修改"))
        self.quarantine_note = _note()
        self.quarantine = _table([tr("记录"), tr("操作"), tr("退回原因"), tr("修改时间")])
        self.quarantine.itemSelectionChanged.connect(self._selection_changed)
        self.quarantine.cellDoubleClicked.connect(lambda *_: self.fix_selected())
        self.fix_button = QPushButton(tr("查看并修正…"))
        self.fix_button.setEnabled(False)
        self.fix_button.clicked.connect(self.fix_selected)
        fix_row = QHBoxLayout()
        fix_row.addWidget(self.fix_button)
        fix_row.addStretch(1)
        self.review = QWidget()
        review = QVBoxLayout(self.review)
        review.setContentsMargins(0, 0, 0, 0)
        review.addWidget(self.conflicts_heading)
        review.addWidget(self.conflicts_note)
        review.addWidget(self.conflicts, 10)
        review.addWidget(self.quarantine_heading)
        review.addWidget(self.quarantine_note)
        review.addWidget(self.quarantine, 10)
        review.addLayout(fix_row)
        review.addStretch(1)  # short lists stay short (see _fit)
        self.review.hide()
        layout.addWidget(self.review, 1)
        self.filler = QWidget()
        layout.addWidget(self.filler, 1)

        self.first_timer = QTimer(self)
        self.first_timer.setSingleShot(True)
        self.first_timer.timeout.connect(self.auto_sync)
        self.first_timer.start(AUTO_SYNC_FIRST_MS)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.auto_sync)
        self.timer.start(AUTO_SYNC_INTERVAL_MS)
        ctx.worker.changed.connect(self.refresh)

    # ------------------------------------------------------------ showing

    @async_slot()
    async def refresh(self) -> None:
        self.show_view(await self.ctx.worker.read(load_sync_view, self.ctx.store))
        self.state_changed.emit()

    def show_view(self, view: SyncView) -> None:
        self.view = view
        status = view.status
        enrolled = bool(status["enrolled"])
        if not enrolled:
            self.enrol.show()
        self.enrol.cancel_button.setVisible(enrolled)
        self.local_note.setVisible(not enrolled)
        self.overview.setVisible(enrolled)
        self.review.setVisible(enrolled)
        self.filler.setVisible(not enrolled)
        if not enrolled:
            self.local_note.setText(
                tr(
                    "本机尚未注册到中心服务器，{n} 条修改待同步。所有修改都已安全保存在本机"
                    "数据库中，并记录在待同步队列里，不会丢失；注册后会自动发送。"
                ).format(n=status["pending"])
            )
            return
        self.server.setText(str(status["server"] or tr("（仅用U盘同步）")))
        number = str(status["device_id"])[:8]
        self.device.setText(
            tr("{name}（设备号 {number}）").format(name=view.device_name, number=number)
            if view.device_name
            else tr("设备号 {number}").format(number=number)
        )
        self.last_sync.setText(local_time(status["last_sync"]) or tr("从未成功同步"))
        self.pending.setText(tr("{n} 条").format(n=status["pending"]))
        self._count(self.conflict_count, status["conflicts"])
        self._count(self.quarantine_count, status["quarantined"])
        offset = status["clock_offset_s"]
        if status["clock_warning"] and offset is not None:
            self.clock.setText("⚠ " + clock_text(offset))
            colour = RED if abs(offset) >= CLOCK_RED_SECONDS else ORANGE
            self.clock.setStyleSheet(f"color: {colour}; font-size: 13px;")
            self.clock.show()
        else:
            self.clock.hide()
        if not self.syncing and self.failure is None and status["last_error"]:
            self._say(tr("上次同步未完成：{message}").format(message=status["last_error"]), RED)
        self._fill_conflicts(view.conflicts)
        self._fill_quarantine(view.quarantined)

    def _count(self, label: QLabel, n: int) -> None:
        label.setText(tr("{n} 条").format(n=n))
        label.setStyleSheet(f"color: {ORANGE}; font-weight: bold;" if n else "")

    def _say(self, text: str, colour: str = "#445") -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet(f"color: {colour}; font-size: 13px;")

    def _fill_conflicts(self, rows: list[ConflictRow]) -> None:
        self.conflicts_heading.setText(tr("待审核的冲突（{n} 条）").format(n=len(rows)))
        self.conflicts.setVisible(bool(rows))
        self.conflicts_note.setText(
            tr(
                "两台电脑改了同一项内容时，服务器采用后到的修改，先到的值保留在这里。"
                "请确认应当保留哪一个；处理结果在下次同步时发送到服务器。"
            )
            if rows
            else tr("没有需要审核的冲突。")
        )
        self.conflicts.setRowCount(len(rows))
        for r, row in enumerate(rows):
            c = row.conflict
            cells = [
                record_text(c.table, row.record),
                field_label(c.table, c.field),
                self._side(c.table, c.field, c.applied),
                self._side(c.table, c.field, c.overwritten),
            ]
            for col, text in enumerate(cells):
                self.conflicts.setItem(r, col, QTableWidgetItem(text))
            actions = QWidget()
            box = QHBoxLayout(actions)
            box.setContentsMargins(4, 2, 4, 2)
            keep = QPushButton(tr("保留已采用的值"))
            other = QPushButton(tr("改用被覆盖的值"))
            keep.setObjectName(f"keep-{c.id}")
            other.setObjectName(f"other-{c.id}")
            keep.clicked.connect(lambda _=False, i=c.id: self.resolve(i, "applied"))
            other.clicked.connect(lambda _=False, i=c.id: self.resolve(i, "overwritten"))
            box.addWidget(keep)
            box.addWidget(other)
            self.conflicts.setCellWidget(r, 4, actions)
        _fit(self.conflicts)

    def _side(self, table: str, field: str, side: dict[str, Any]) -> str:
        value = readable_value(table, field, side.get("value"))
        who = tr("{device} · {time}").format(
            device=side.get("device_name") or tr("未知设备"), time=local_time(side.get("at"))
        )
        return f"{value}\n{who}"

    def _fill_quarantine(self, rows: list[QuarantineRow]) -> None:
        self.quarantine_heading.setText(tr("被服务器退回的修改（{n} 条）").format(n=len(rows)))
        self.quarantine.setVisible(bool(rows))
        self.fix_button.setVisible(bool(rows))
        self.quarantine_note.setText(
            tr("这些修改没有被服务器接受，仍保存在本机。选中一条，改正后重新发送。")
            if rows
            else tr("没有被退回的修改。")
        )
        self.quarantine.setRowCount(len(rows))
        for r, row in enumerate(rows):
            q = row.change
            cells = [
                record_text(q.table, row.record),
                tr(OP_LABELS[q.op]) if q.op in OP_LABELS else q.op,
                reason_text(q),
                local_time(q.created_at),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setForeground(QColor(RED))
                    item.setToolTip(text)
                self.quarantine.setItem(r, col, item)
        _fit(self.quarantine)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.fix_button.setEnabled(bool(self.quarantine.selectionModel().selectedRows()))

    def _show_enrol(self) -> None:
        if self.view is not None and self.view.status["server"]:
            self.enrol.server.setText(str(self.view.status["server"]))
        self.enrol.show()
        self.enrol.code.setFocus()

    def _set_busy(self, busy: bool) -> None:
        for button in (
            self.sync_button,
            self.export_button,
            self.import_button,
            self.reenrol_button,
            self.enrol.enrol_button,
        ):
            button.setEnabled(not busy)
        if busy:
            self._say(tr("正在同步…"))

    # ------------------------------------------------------------ enrolment and sync

    def enrol_now(self) -> None:
        """注册并同步: the form is checked at once; the server is asked without waiting."""
        form = self.enrol
        problems = form.problems()
        form.show_problems(problems)
        if not problems and not self.syncing:
            self._enrol(form.server_url(), form.code.text().strip(), form.device.text().strip())

    @async_slot(str, str, str)
    async def _enrol(self, server: str, code: str, name: str) -> None:
        form = self.enrol
        form.enrol_button.setEnabled(False)
        form.say(tr("正在连接服务器…"))
        try:
            await enroll(self.ctx.store, server, code, name)
        except SyncFailure as failure:
            field = "code" if failure.code == "bad_code" else "server"
            form.show_problems({field: tr("注册没有成功：") + failure_text(failure)})
            return
        except httpx.InvalidURL as error:
            form.show_problems({"server": tr("服务器地址的格式不对：{error}").format(error=error)})
            return
        finally:
            form.enrol_button.setEnabled(True)
        form.say("")
        form.code.clear()
        form.hide()
        self.failure = None
        await self.ctx.worker.write(remember_device_name, self.ctx.store, name)
        await self.run_sync(manual=True)

    def choose_enrolment_file(self) -> None:
        """用离线注册文件注册: the code typed above plus the file from the USB stick."""
        form = self.enrol
        if not form.code.text().strip():
            form.show_problems({"code": tr("请先填写与注册文件一起给出的注册码。")})
            return
        dialog = QFileDialog(
            self,
            tr("选择离线注册文件"),
            str(Path.home()),
            tr("离线注册文件 (*.mzenrol);;所有文件 (*)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.enrol_from_file)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @async_slot(str)
    async def enrol_from_file(self, path: str) -> None:
        form = self.enrol
        code = form.code.text().strip()
        try:
            data = await self.ctx.worker.read(Path(path).read_bytes)
            summary = await self.ctx.worker.write(enrol_from_file, self.ctx.store, data, code)
        except BundleError as error:
            form.show_problems(
                {"code": tr("注册文件与注册码不符，或文件已损坏：{error}").format(error=error)}
            )
            return
        except OSError as error:
            form.show_problems({"code": tr("无法读取文件：{error}").format(error=error)})
            return
        form.say("")
        form.code.clear()
        form.hide()
        await self.ctx.worker.write(remember_device_name, self.ctx.store, form.device.text())
        self._say(
            tr("已用离线注册文件注册，收到 {n} 条记录。之后请用U盘同步包与中心交换数据。").format(
                n=summary["items"]
            ),
            GREEN,
        )
        self.state_changed.emit()

    @async_slot()
    async def sync_now(self) -> None:
        await self.run_sync(manual=True)

    @async_slot()
    async def auto_sync(self) -> None:
        """The timer's sync: quiet when not enrolled or already syncing; failures are shown
        on the page and in the status bar, never in a popup."""
        if self.syncing:
            return
        status = await self.ctx.worker.read(sync_status, self.ctx.store)
        if status["enrolled"] and status["server"]:
            await self.run_sync(manual=False)

    async def run_sync(self, *, manual: bool) -> SyncReport | None:
        """One sync at a time; a request while one runs (a resend) runs once more after it."""
        if self.syncing:
            self._again = self._again or manual
            return None
        self.syncing = True
        self._sync_task = asyncio.current_task()
        self._set_busy(True)
        self.state_changed.emit()
        report: SyncReport | None = None
        try:
            report = await SyncClient(self.ctx.store).sync()
        except SyncFailure as failure:
            self.failure = failure
        except (ValueError, KeyError, httpx.InvalidURL) as error:  # a server talking nonsense
            log.exception("sync failed")
            self.failure = SyncFailure("server_error", str(error))
        finally:
            self.syncing = False
            self._sync_task = None
            self._set_busy(False)
        if report is not None:
            self.failure = None
            self._say(self._report_text(report), GREEN)
        elif self.failure is not None:
            self._say(tr("同步失败：") + failure_text(self.failure), RED)
        # The page reloads and then tells the status bar (``refresh`` emits state_changed).
        if report is not None and (report.pulled or report.pushed):
            self.ctx.worker.changed.emit()  # records arrived: every screen refreshes
        else:
            await self.refresh()
        if self._again:
            self._again = False
            return await self.run_sync(manual=True)
        return report

    def _report_text(self, report: SyncReport) -> str:
        text = tr("同步完成（{time}）：发送 {sent} 条，收到 {received} 条。").format(
            time=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
            sent=report.pushed,
            received=report.pulled,
        )
        rejected = report.outcomes.get("rejected", 0)
        if rejected:
            text += tr("其中 {n} 条被服务器退回，见下方列表。").format(n=rejected)
        return text

    def shutdown(self) -> None:
        """The window is closing: no new syncs; one in flight stops (it resumes next time)."""
        self.first_timer.stop()
        self.timer.stop()
        if self._sync_task is not None and not self._sync_task.done():
            self._sync_task.cancel()

    # ------------------------------------------------------------ conflicts and quarantine

    @async_slot(object, str)
    async def resolve(self, conflict_id: uuid.UUID, choice: str) -> None:
        await self.ctx.worker.write(resolve_conflict, self.ctx.store, conflict_id, choice)
        self._say(tr("冲突已处理，结果将在下次同步时发送到服务器。"), GREEN)

    def selected_change(self) -> QuarantineRow | None:
        rows = self.quarantine.selectionModel().selectedRows()
        if not rows or self.view is None or rows[0].row() >= len(self.view.quarantined):
            return None
        return self.view.quarantined[rows[0].row()]

    def fix_selected(self) -> QuarantineDialog | None:
        row = self.selected_change()
        if row is None:
            return None
        dialog = QuarantineDialog(row, self)
        seq = row.change.seq

        async def submit(data: dict[str, Any] | None) -> None:
            await self.ctx.worker.write(resend, self.ctx.store, seq, data)
            self._say(tr("已重新放入发送队列。"), GREEN)
            if self.view is not None and self.view.status["server"]:
                await self.run_sync(manual=True)

        dialog.submit = submit
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ------------------------------------------------------------ USB bundles

    def export_bundle(self) -> None:
        name = f"{self.ctx.institution.name}-{dt.date.today().isoformat()}"
        dialog = QFileDialog(
            self,
            tr("导出U盘同步包"),
            str(Path.home() / f"{name}.{BUNDLE_SUFFIX}"),
            tr("同步包 (*.{suffix})").format(suffix=BUNDLE_SUFFIX),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(BUNDLE_SUFFIX)
        dialog.fileSelected.connect(self.write_bundle)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def import_bundle(self) -> None:
        dialog = QFileDialog(
            self,
            tr("导入U盘同步包"),
            str(Path.home()),
            tr("同步包 (*.{suffix})").format(suffix=BUNDLE_SUFFIX),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.read_bundle)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @async_slot(str)
    async def write_bundle(self, path: str) -> None:
        try:
            data, count = await self.ctx.worker.read(export_bundle, self.ctx.store)
            await self.ctx.worker.read(Path(path).write_bytes, data)
        except BundleError as error:
            self._say(tr("无法导出同步包：{error}").format(error=error), RED)
            return
        except OSError as error:
            self._say(tr("无法写入文件：{error}").format(error=error), RED)
            return
        self._say(
            tr(
                "已把 {n} 条修改导出到 {path}。请把这个文件交到中心导入服务器，"
                "再把中心回传的同步包导入本机。"
            ).format(n=count, path=path),
            GREEN,
        )

    @async_slot(str)
    async def read_bundle(self, path: str) -> None:
        try:
            data = await self.ctx.worker.read(Path(path).read_bytes)
            summary = await self.ctx.worker.write(import_bundle, self.ctx.store, data)
        except BundleError as error:
            self._say(tr("无法导入同步包：{error}").format(error=error), RED)
            return
        except OSError as error:
            self._say(tr("无法读取文件：{error}").format(error=error), RED)
            return
        self._say(tr("已导入同步包：收到 {n} 条记录。").format(n=summary.get("items", 0)), GREEN)
        self.state_changed.emit()
