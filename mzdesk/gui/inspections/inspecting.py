"""The inspecting screen: items by section on the left, the item on the right. Keys: 1 合格,
2 不合格, 3 不适用 (then the next item), ↑/↓, N note, P photo; the mouse does the same. Each
answer shows at once and is written in the background on the one writer, in order, so typing
never waits for the database. A finished inspection opens read-only, with 更正… offered."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import MzdeskError
from mzdesk.core.permissions import Permission
from mzdesk.core.vocab import ItemResult
from mzdesk.gui.inspections.item_panel import (
    ITEM_ROLE,
    KEY_RESULTS,
    RESULT_COLOURS,
    ItemPanel,
    ItemTree,
)
from mzdesk.gui.inspections.photos import PhotosMixin
from mzdesk.gui.inspections.signed_strip import SignedStrip
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import spawn
from mzdesk.gui.widgets.dialog import Refusal
from mzdesk.gui.widgets.palette import ERROR_TEXT, RED
from mzdesk.services.inspecting.detail import InspectionDetail, inspection_detail
from mzdesk.services.inspecting.flow import answer_item, set_item_note


class InspectingDialog(PhotosMixin, QDialog):
    finish_requested = Signal()
    amend_requested = Signal()

    def __init__(
        self, ctx: AppContext, detail: InspectionDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.results: dict[uuid.UUID, ItemResult] = {}
        self.notes: dict[uuid.UUID, str | None] = {}
        self.photos: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {}  # id, sha256
        self.pixmaps: dict[str, QPixmap] = {}
        self.writes: list[asyncio.Future[Any]] = []
        self.write_ms: list[float] = []  # how long each answer took to reach the database
        self.rows: dict[uuid.UUID, QTreeWidgetItem] = {}
        self.can_edit = ctx.can(Permission.INSPECTIONS_EDIT)
        self.gone = False  # closed: the writes still finish, but touch no widget
        self.finished.connect(self._gone)
        self.setWindowTitle(tr("安全检查 — {title}").format(title=detail.title))
        self.resize(1180, 760)
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setStyleSheet("font-size: 15px;")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        progress_line = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setMaximum(len(detail.items))
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(10)
        self.counts = QLabel()
        progress_line.addWidget(self.progress, 1)
        progress_line.addWidget(self.counts)
        layout.addLayout(progress_line)
        self.signed = SignedStrip()
        layout.addWidget(self.signed)
        splitter = QSplitter()
        self.tree = ItemTree()
        self.tree.setHeaderLabels([tr("检查项"), tr("结果")])
        self.tree.setColumnWidth(0, 420)
        self.tree.key.connect(self.key)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.panel = ItemPanel()
        self.panel.answered.connect(self.answer)
        self.panel.note_changed.connect(self._note_changed)
        self.panel.note_done.connect(self.tree.setFocus)
        self.panel.add_photo.connect(self.choose_photo)
        self.panel.photo_files.connect(self.add_photos)
        self.panel.remove_photo.connect(self.remove_photo)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.panel)
        splitter.setSizes([560, 600])
        layout.addWidget(splitter, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        bar = QHBoxLayout()
        self.finish_button = QPushButton(tr("完成并签名…"))
        self.finish_button.clicked.connect(self.request_finish)
        self.amend_button = QPushButton(tr("更正…"))
        self.amend_button.clicked.connect(self.amend_requested)
        close = QPushButton(tr("关闭"))
        close.clicked.connect(self.close)
        for button in (self.finish_button, self.amend_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(close)
        layout.addLayout(bar)
        self.show_detail(detail)

    @classmethod
    async def load(
        cls, ctx: AppContext, inspection_id: uuid.UUID, parent: QWidget | None = None
    ) -> InspectingDialog:
        detail = await ctx.worker.read(inspection_detail, ctx.store, inspection_id)
        return cls(ctx, detail, parent)

    async def reload(self) -> None:
        self.show_detail(
            await self.ctx.worker.read(inspection_detail, self.ctx.store, self.detail.id)
        )

    def _gone(self) -> None:
        self.gone = True

    # -- showing -----------------------------------------------------------------------------
    def show_detail(self, detail: InspectionDetail) -> None:
        self.detail = detail
        self.results = {i: a.result for i, a in detail.answers.items()}
        self.notes = {i: a.note for i, a in detail.answers.items()}
        self.photos = {i: [(p.id, p.sha256) for p in a.photos] for i, a in detail.answers.items()}
        if detail.locked:  # what it reads as now, amendments included
            for item in detail.items:
                result, note = detail.current(item.id)
                if result is not None:
                    self.results[item.id], self.notes[item.id] = result, note
        state = tr("已更正") if detail.amended else tr("已完成") if detail.locked else tr("草稿")
        self.header.setText(
            tr(
                "<b>{title}</b>（{version}） · {date} · {type} · 检查人：{inspectors} · <b>{state}</b>"
            ).format(
                title=detail.title,
                version=detail.version,
                date=detail.inspected_on.isoformat(),
                type=detail.inspection_type.label,
                inspectors="、".join(detail.inspectors),
                state=state,
            )
        )
        self.finish_button.setVisible(not detail.locked and self.can_edit)
        self.amend_button.setVisible(detail.locked and self.can_edit)
        current = self.current_item()
        self.tree.clear()
        self.rows = {}
        sections: dict[str, QTreeWidgetItem] = {}
        for item in detail.items:
            section = sections.get(item.section)
            if section is None:
                section = QTreeWidgetItem(self.tree, [item.section])
                section.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = section.font(0)
                font.setBold(True)
                section.setFont(0, font)
                sections[item.section] = section
            row = QTreeWidgetItem(section, [f"{item.code}  {item.text}", ""])
            row.setData(0, ITEM_ROLE, item.id)
            row.setToolTip(0, item.text)
            self.rows[item.id] = row
            self._show_row(item.id)
        self.tree.expandAll()
        self._show_counts()
        first = current or next((i.id for i in detail.unanswered()), None)
        self.select(first or (detail.items[0].id if detail.items else None))
        spawn(self._show_signed(detail))
        if detail.locked:
            self.say(
                tr("该检查已完成并签名，已锁定；如需更正，请点“更正…”。")
                if not detail.amended
                else tr("该检查已更正 {n} 次；显示的是更正后的结果。").format(
                    n=len(detail.amendments)
                )
            )

    async def _show_signed(self, detail: InspectionDetail) -> None:
        for signature in detail.signatures:
            if signature.image is not None:
                await self._pixmap(signature.image.sha256)
        if not self.gone:
            self.signed.show_detail(detail, self.pixmaps)

    def _show_row(self, item_id: uuid.UUID) -> None:
        row = self.rows[item_id]
        result = self.results.get(item_id)
        row.setText(1, result.label if result else "")
        colour = QColor(RESULT_COLOURS[result]) if result else QColor("#999")
        row.setForeground(1, QBrush(colour))
        if result is ItemResult.FAIL:
            row.setForeground(0, QBrush(QColor(RED)))
        else:
            row.setForeground(0, QBrush())

    def _show_counts(self) -> None:
        total = len(self.detail.items)
        answered = sum(1 for i in self.detail.items if i.id in self.results)
        failed = sum(1 for r in self.results.values() if r is ItemResult.FAIL)
        self.progress.setValue(answered)
        self.counts.setText(
            tr("已检查 {answered}/{total} · 不合格 {failed}").format(
                answered=answered, total=total, failed=failed
            )
        )

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_TEXT if error else "color: #445;")

    # -- moving ----------------------------------------------------------------------------------
    def current_item(self) -> uuid.UUID | None:
        row = self.tree.currentItem()
        value = row.data(0, ITEM_ROLE) if row is not None else None
        return value if isinstance(value, uuid.UUID) else None

    def select(self, item_id: uuid.UUID | None) -> None:
        if item_id is not None and item_id in self.rows:
            self.tree.setCurrentItem(self.rows[item_id])
            self.tree.scrollToItem(self.rows[item_id])

    def step(self, by: int) -> None:
        ids = [i.id for i in self.detail.items]
        current = self.current_item()
        index = ids.index(current) if current in ids else -1
        target = min(max(index + by, 0), len(ids) - 1)
        if ids:
            self.select(ids[target])

    def _current_changed(self) -> None:
        item_id = self.current_item()
        item = next((i for i in self.detail.items if i.id == item_id), None)
        if item is None:
            return
        amended_from = None
        if self.detail.amended:
            answer = self.detail.answers.get(item.id)
            original = (answer.result, answer.note) if answer else (None, None)
            if original != self.detail.current(item.id):
                amended_from = original
        self.panel.show_item(
            item,
            self.results.get(item.id),
            self.notes.get(item.id),
            locked=self.detail.locked or not self.can_edit,
            amended_from=amended_from,
        )
        spawn(self._show_photos(item.id))

    def key(self, key: Qt.Key) -> None:
        if key in KEY_RESULTS:
            self.answer(KEY_RESULTS[key])
        elif key == Qt.Key.Key_Up:
            self.step(-1)
        elif key == Qt.Key.Key_Down:
            self.step(1)
        elif key == Qt.Key.Key_N:
            self.write_note()
        elif key == Qt.Key.Key_P:
            self.choose_photo()

    # -- answering ---------------------------------------------------------------------------------
    def _refuse_locked(self) -> bool:
        if not self.can_edit:
            self.say(tr("您的角色不能进行安全检查，只能查看。"), error=True)
            return True
        if self.detail.locked:
            self.say(tr("该检查已完成并签名，已锁定；如需更正，请点“更正…”。"), error=True)
        return self.detail.locked

    def answer(self, result: ItemResult) -> None:
        """Shown at once, written in the background; then on to the next item."""
        item_id = self.current_item()
        if item_id is None or self._refuse_locked():
            return
        self.results[item_id] = result
        self._show_row(item_id)
        self._show_counts()
        self.panel.show_result(result)
        self._write(self._timed(answer_item, item_id, result))
        self.step(1)
        if len(self.results) == len(self.detail.items):
            self.say(tr("全部检查项已填写，可以“完成并签名…”。"))

    async def _timed(self, service: Any, *args: Any) -> None:
        started = time.perf_counter()
        await self.ctx.change(service, self.detail.id, *args)
        self.write_ms.append((time.perf_counter() - started) * 1000)

    def _write(self, work: Any) -> None:
        task = spawn(self._guarded(work))
        self.writes.append(task)
        task.add_done_callback(lambda t: self.writes.remove(t) if t in self.writes else None)

    async def _guarded(self, work: Any) -> None:
        try:
            await work
        except (MzdeskError, Refusal) as error:  # shown, then what the database holds
            if not self.gone:
                self.say(str(error), error=True)
                await self.reload()

    async def settled(self) -> None:  # every answer, note and photo sent so far is written
        while self.writes:
            await asyncio.gather(*list(self.writes), return_exceptions=True)

    def write_note(self) -> None:
        item_id = self.current_item()
        if item_id is None or self._refuse_locked():
            return
        if item_id not in self.results:
            self.say(tr("请先选择结果（1 合格 / 2 不合格 / 3 不适用），再写备注。"), error=True)
            return
        self.panel.edit_note()

    def _note_changed(self, text: str) -> None:
        item_id = self.panel.item.id if self.panel.item else None
        if item_id is None or item_id not in self.results or self.detail.locked:
            return
        self.notes[item_id] = text or None
        self._write(self._timed(set_item_note, item_id, text or None))

    # -- finishing -----------------------------------------------------------------------------------
    def request_finish(self) -> None:
        """Refused while items are unanswered (how many, and the first is shown)."""
        missing = [i for i in self.detail.items if i.id not in self.results]
        if missing:
            self.say(
                tr("还有 {n} 项未填写结果，已跳到第一项：{code}").format(
                    n=len(missing), code=missing[0].code
                ),
                error=True,
            )
            self.select(missing[0].id)
            self.tree.setFocus()
            return
        self.finish_requested.emit()
