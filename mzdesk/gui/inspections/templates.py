"""检查表: the checklist templates a home can use — the shipped standards and the home's own
versions (草稿 / 已发布) — with their items by section; copy a standard into the home's own
version, edit the draft, publish it, import and export template files.

Everyone may look and export; changing needs 进行安全检查 (inspections.edit). The panel is a
plain widget (a tab or a window); :class:`ChecklistsWindow` shows it from the 安全检查 page.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.changes import Changes
from mzdesk.core.checklists import MAX_TEMPLATE_BYTES, Template, TemplateStatus, severity_label
from mzdesk.core.errors import MzdeskError
from mzdesk.core.permissions import Permission
from mzdesk.gui.inspections.template_editor import TemplateEditor
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.files import ask_open_path, ask_save_path
from mzdesk.gui.widgets.labels import heading, note
from mzdesk.gui.widgets.palette import ERROR_TEXT, ORANGE, RED
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.checklist_editing import (
    copy_template,
    discard_draft,
    export_template,
    import_template,
    publish,
    save_draft,
)
from mzdesk.services.checklists import TemplateSummary, list_templates, load_version

TABLES = frozenset({"home_checklists", "home_checklist_items"})


def read_template_file(path: Path) -> bytes:
    """At most one byte over the limit: the schema refuses a larger file, memory stays bounded."""
    with path.open("rb") as handle:
        return handle.read(MAX_TEMPLATE_BYTES + 1)


class ChecklistsPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.can(Permission.INSPECTIONS_EDIT)
        self.templates: list[TemplateSummary] = []
        self.shown: Template | None = None
        self.want: uuid.UUID | None = None  # the row to select after the next reload
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(
            note(
                tr(
                    "标准检查表不能修改：复制为本院版本后编辑草稿，发布后用于检查。"
                    "已发布的版本不再改变，检查记录始终对应当时使用的版本。"
                )
            )
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading(tr("检查表")))
        self.list = make_table([tr("名称"), tr("版本"), tr("状态"), tr("项数")], right_aligned=[3])
        header = self.list.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        left_layout.addWidget(self.list, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.title = heading("")
        self.standard = note("")
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.standard)
        self.items = QTreeWidget()
        self.items.setHeaderLabels(
            [tr("编号"), tr("检查内容"), tr("严重程度"), tr("条款"), tr("检查方法")]
        )
        self.items.setColumnWidth(0, 90)
        self.items.setColumnWidth(1, 380)
        self.items.setColumnWidth(2, 80)
        self.items.setColumnWidth(3, 130)
        self.items.setAlternatingRowColors(True)
        right_layout.addWidget(self.items, 1)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 900])
        layout.addWidget(splitter, 1)
        bar = QHBoxLayout()
        self.copy_button = QPushButton(tr("复制为本院版本"))
        self.edit_button = QPushButton(tr("编辑草稿…"))
        self.publish_button = QPushButton(tr("发布"))
        self.discard_button = QPushButton(tr("删除草稿"))
        self.import_button = QPushButton(tr("导入文件…"))
        self.export_button = QPushButton(tr("导出文件…"))
        for button in (
            self.copy_button,
            self.edit_button,
            self.publish_button,
            self.discard_button,
            self.import_button,
            self.export_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.copy_button.clicked.connect(self.copy)
        self.edit_button.clicked.connect(self.edit)
        self.publish_button.clicked.connect(self.ask_publish)
        self.discard_button.clicked.connect(self.discard)
        self.import_button.clicked.connect(self.ask_import)
        self.export_button.clicked.connect(self.ask_export)
        for button in (self.copy_button, self.edit_button, self.publish_button):
            button.setVisible(self.can_edit)
        self.discard_button.setVisible(self.can_edit)
        self.import_button.setVisible(self.can_edit)
        ctx.worker.changed.connect(self._changed)
        self._buttons()

    # -- showing ------------------------------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        if changes.touches(TABLES):
            self.refresh()

    def current(self) -> TemplateSummary | None:
        row = self.list.currentIndex().row()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    @async_slot()
    async def refresh(self, select: uuid.UUID | None = None) -> None:
        """Reload the list, keeping the selection (or selecting ``select``, a new version).
        The selection is read after the await: a refresh on a change and one after an action
        may overlap, and both must end on the same row."""
        ctx = self.ctx
        if select is not None:
            self.want = select
        templates = await ctx.worker.read(
            list_templates, ctx.store, ctx.institution.id, ctx.institution.kind
        )
        current = self.current()
        keep = self.want or (current.id if current else None)
        self.templates = templates
        self.list.show_rows(
            [(t.title, t.version, t.status.label, str(t.items)) for t in templates],
            [QColor(ORANGE) if t.status is TemplateStatus.DRAFT else None for t in templates],
        )
        rows = [i for i, t in enumerate(templates) if t.id == keep]
        self.list.selectRow(rows[0] if rows else 0)
        if select is not None:
            self.want = None
        await self._show_items()

    def _selected(self) -> None:
        self._buttons()
        self._load_items()

    @async_slot()
    async def _load_items(self) -> None:
        await self._show_items()

    async def _show_items(self) -> None:
        summary = self.current()
        if summary is None:
            self.shown = None
            self.items.clear()
            return
        template = await self.ctx.worker.read(load_version, self.ctx.store, summary.id)
        self.shown = template
        self.title.setText(f"{template.title}  {template.version}（{template.status.label}）")
        self.standard.setText(
            tr("依据：{standard}；默认整改期限 {days} 天").format(
                standard=template.basis, days=template.rectify_days
            )
        )
        self.items.clear()
        for section in template.sections:
            top = QTreeWidgetItem([section])
            self.items.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # only once it is in the tree
            for item in (i for i in template.items if i.section == section):
                clause = item.basis or "—"
                if item.clause_unverified:
                    clause += tr("（未核实）")
                row = QTreeWidgetItem(
                    [
                        item.code,
                        item.text,
                        severity_label(item.major_hazard),
                        clause,
                        item.look_at or "",
                    ]
                )
                row.setToolTip(1, item.text)
                row.setToolTip(4, item.look_at or "")
                if item.major_hazard:
                    row.setForeground(2, QColor(RED))
                top.addChild(row)
            top.setExpanded(True)
        self._buttons()

    def _buttons(self) -> None:
        summary = self.current()
        status = summary.status if summary else None
        self.copy_button.setEnabled(status in (TemplateStatus.SHIPPED, TemplateStatus.PUBLISHED))
        self.copy_button.setText(
            tr("复制为新版本") if status is TemplateStatus.PUBLISHED else tr("复制为本院版本")
        )
        draft = status is TemplateStatus.DRAFT
        for button in (self.edit_button, self.publish_button, self.discard_button):
            button.setEnabled(draft)
        self.export_button.setEnabled(summary is not None)

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_TEXT if error else "")
        self.message.setText(text)

    async def _try(self, work: Awaitable[object]) -> bool:
        """Run a change; a refusal is shown under the lists (never a traceback)."""
        try:
            await work
        except MzdeskError as error:
            self.say(str(error), error=True)
            return False
        return True

    # -- changing -----------------------------------------------------------------------------
    @async_slot()
    async def copy(self) -> None:
        summary = self.current()
        if summary is None:
            return
        new: list[uuid.UUID] = []

        async def work() -> None:
            new.append(await self.ctx.change(copy_template, summary.id, self.ctx.institution.id))

        if await self._try(work()):
            await self.refresh(new[0])
            self.say(tr("已复制为本院草稿，可编辑后发布。"))

    @async_slot()
    async def edit(self) -> None:
        summary = self.current()
        if summary is None or summary.status is not TemplateStatus.DRAFT:
            return
        template = await self.ctx.worker.read(load_version, self.ctx.store, summary.id)
        dialog = TemplateEditor(template, parent=self)

        async def submit() -> None:
            await self.ctx.change(save_draft, template.id, dialog.draft())
            await self.refresh(template.id)
            self.say(tr("草稿已保存。"))

        dialog.submit = submit
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.editor = dialog

    def ask_publish(self) -> None:
        summary = self.current()
        if summary is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("发布检查表"),
            tr("发布「{title}」{version}？发布后不能再修改，修改需另存为新版本。").format(
                title=summary.title, version=summary.version
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(
            lambda answer: (
                self.publish(summary.id) if answer == QMessageBox.StandardButton.Yes else None
            )
        )
        box.open()
        self.question = box

    @async_slot(object)
    async def publish(self, template_id: uuid.UUID) -> None:
        if await self._try(self.ctx.change(publish, template_id)):
            await self.refresh(template_id)
            self.say(tr("已发布，可在新建检查时选用。"))

    @async_slot()
    async def discard(self) -> None:
        summary = self.current()
        if summary is not None and await self._try(self.ctx.change(discard_draft, summary.id)):
            await self.refresh()
            self.say(tr("草稿已删除。"))

    def ask_import(self) -> None:
        ask_open_path(self, tr("导入检查表文件"), tr("检查表文件 (*.json)"), self.import_file)

    @async_slot(str)
    async def import_file(self, path: str) -> None:
        ctx = self.ctx
        new: list[uuid.UUID] = []

        async def work() -> None:
            data = await ctx.worker.read(read_template_file, Path(path))
            new.append(await ctx.change(import_template, ctx.institution.id, data, Path(path).name))

        if await self._try(work()):
            await self.refresh(new[0])
            self.say(tr("已导入为本院草稿，请检查后发布。"))

    def ask_export(self) -> None:
        summary = self.current()
        if summary is None:
            return
        suggested = Path.home() / f"{summary.code}-{summary.version}.json"
        ask_save_path(
            self,
            tr("导出检查表文件"),
            suggested,
            tr("检查表文件 (*.json)"),
            "json",
            self.export_file,
        )

    @async_slot(str)
    async def export_file(self, path: str) -> None:
        summary = self.current()
        if summary is None:
            return
        data = await self.ctx.worker.read(export_template, self.ctx.store, summary.id)
        await self.ctx.worker.read(Path(path).write_bytes, data)
        self.say(tr("已导出到 {path}").format(path=path))


class ChecklistsWindow(QDialog):
    """The panel in a window of its own, opened from the 安全检查 page."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("检查表"))
        self.resize(1280, 720)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.panel = ChecklistsPanel(ctx, self)
        layout.addWidget(self.panel)


def checklists_button(ctx: AppContext, parent: QWidget) -> QPushButton:
    """检查表… — opens :class:`ChecklistsWindow` (what the 安全检查 page adds)."""
    button = QPushButton(tr("检查表…"))

    def show() -> None:
        window = ChecklistsWindow(ctx, parent)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.open()
        window.panel.refresh()

    button.clicked.connect(show)
    return button
