"""双随机抽取: the region's random draws — a new draw (homes and inspectors at random, with a
recorded seed), the draws made on this computer, and their export: the draw itself, and later
its results for publication (一公开). The algorithm is services/sampling.py
(docs/sampling.md)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.permissions import Permission
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot, spawn
from mzdesk.gui.widgets.dialog import FormDialog, wait_for
from mzdesk.gui.widgets.files import ask_save_path
from mzdesk.gui.widgets.labels import heading, note
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.sampling import Draw, DrawRequest, list_draws, make_draw

_SEPARATORS = re.compile(r"[\s,，、;；]+")


def inspector_names(text: str) -> list[str]:
    """Names typed one a line, or separated by 、 , ; or spaces."""
    return [name for name in _SEPARATORS.split(text) if name]


class NewDrawDialog(FormDialog):
    """The draw's parameters; OK draws, records it and closes with ``self.draw`` set."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.draw: Draw | None = None
        self.setWindowTitle(tr("新的双随机抽取"))
        self.resize(520, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                tr(
                    "从本区域的机构中随机抽取检查对象，并为每家随机选派两名检查人员。"
                    "随机种子留空时自动生成；公布种子和名单后，任何人都能重现本次抽取。"
                )
            )
        )
        form = QFormLayout()
        self.region = QLineEdit((ctx.institution.region_code or "")[:6])
        self.region.setPlaceholderText(tr("如 370212（区），3702（市）"))
        self.count = QSpinBox()
        self.count.setRange(1, 9999)
        self.count.setValue(3)
        self.inspectors = QPlainTextEdit()
        self.inspectors.setPlaceholderText(tr("每行一名检查人员，或用顿号分隔"))
        self.seed = QLineEdit()
        self.seed.setPlaceholderText(tr("留空则随机生成"))
        form.addRow(tr("行政区划代码"), self.region)
        form.addRow(tr("抽取机构数"), self.count)
        form.addRow(tr("检查人员"), self.inspectors)
        form.addRow(tr("随机种子"), self.seed)
        layout.addLayout(form)
        self.fields = {
            "region_code": self.region,
            "institutions": self.count,
            "inspectors": self.inspectors,
            "seed": self.seed,
        }
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons(tr("抽取")))
        self.submit = self._draw

    def request(self) -> DrawRequest:
        return DrawRequest(
            self.region.text().strip(),
            self.count.value(),
            inspector_names(self.inspectors.toPlainText()),
            self.seed.text().strip() or None,
        )

    async def _draw(self) -> None:
        self.draw = await self.ctx.change(make_draw, self.request())


class DrawsDialog(QDialog):
    """The draws made here, newest first; the selected draw's homes and inspectors."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.draws: list[Draw] = []
        self.setWindowTitle(tr("双随机抽取"))
        self.resize(900, 620)
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(tr("新的抽取…"))
        self.new_button.setEnabled(ctx.can(Permission.INSPECTIONS_EDIT))
        self.new_button.clicked.connect(self.new_draw)
        self.export_button = QPushButton(tr("导出抽取名单…"))
        self.export_button.clicked.connect(lambda: self.export(results=False))
        self.results_button = QPushButton(tr("导出检查结果（一公开）…"))
        self.results_button.clicked.connect(lambda: self.export(results=True))
        for button in (self.new_button, self.export_button, self.results_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(heading(tr("抽取记录")))
        self.list = make_table(
            [tr("抽取日期"), tr("行政区划代码"), tr("随机种子"), tr("候选机构"), tr("抽取")]
        )
        self.list.clicked.connect(lambda _index: self.show_selected())
        layout.addWidget(self.list, 1)
        self.summary = note()
        layout.addWidget(self.summary)
        self.homes = make_table([tr("序号"), tr("机构名称"), tr("机构代码"), tr("检查人员")])
        layout.addWidget(self.homes, 2)
        self.message = note()
        layout.addWidget(self.message)

    @async_slot()
    async def refresh(self, select: uuid.UUID | None = None) -> None:
        self.draws = await self.ctx.worker.read(list_draws, self.ctx.store)
        self.list.show_rows(
            [
                (
                    d.draw_date.isoformat(),
                    d.region_code,
                    d.seed,
                    str(len(d.candidates)),
                    tr("{n} 家").format(n=len(d.drawn)),
                )
                for d in self.draws
            ]
        )
        row = next((i for i, d in enumerate(self.draws) if d.id == select), 0)
        if self.draws:
            self.list.selectRow(row)
        self.show_selected()

    def selected(self) -> Draw | None:
        row = self.list.selected_row()
        return self.draws[row] if row is not None and row < len(self.draws) else None

    def show_selected(self) -> None:
        draw = self.selected()
        for button in (self.export_button, self.results_button):
            button.setEnabled(draw is not None)
        if draw is None:
            self.summary.setText(tr("还没有抽取记录。点“新的抽取…”开始。"))
            self.homes.show_rows([])
            return
        self.summary.setText(
            tr(
                "{date} 从区域 {region} 的 {homes} 家机构中抽取 {count} 家，检查人员 {people} 名，"
                "随机种子 {seed}（算法 {algorithm}）"
            ).format(
                date=draw.draw_date.isoformat(),
                region=draw.region_code,
                homes=len(draw.candidates),
                count=len(draw.drawn),
                people=len(draw.inspectors),
                seed=draw.seed,
                algorithm=draw.algorithm,
            )
        )
        self.homes.show_rows(
            [
                (str(n), d.institution, d.code, "、".join(d.inspectors))
                for n, d in enumerate(draw.drawn, 1)
            ]
        )

    @async_slot()
    async def new_draw(self) -> None:
        dialog = NewDrawDialog(self.ctx, self)
        if await wait_for(dialog) == QDialog.DialogCode.Accepted and dialog.draw is not None:
            await self.refresh(dialog.draw.id)

    def export(self, *, results: bool) -> None:
        draw = self.selected()
        if draw is None or draw.id is None:
            return
        draw_id = draw.id
        stem = tr("双随机检查结果") if results else tr("双随机抽取名单")
        name = f"{stem}-{draw.region_code}-{draw.draw_date.isoformat()}.xlsx"

        def chosen(path: str) -> None:
            spawn(self._write(draw_id, Path(path), results))

        ask_save_path(self, stem, Path.home() / name, tr("Excel 文件 (*.xlsx)"), "xlsx", chosen)

    async def _write(self, draw_id: uuid.UUID, path: Path, results: bool) -> None:
        # late: openpyxl loads when first used
        from mzdesk.services.sampling_export import export_draw, export_results

        write = export_results if results else export_draw
        rows = await self.ctx.worker.read(write, self.ctx.store, draw_id, path)
        self.message.setText(tr("已导出 {n} 家到 {path}").format(n=rows, path=path))


def open_draws(ctx: AppContext, parent: QWidget) -> DrawsDialog:
    """The 双随机抽取 window (non-modal), filled."""
    dialog = DrawsDialog(ctx, parent)
    dialog.show()
    dialog.refresh()
    return dialog
