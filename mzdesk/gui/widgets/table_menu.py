"""导入/导出: one button for a page that keeps rosters, with a menu per kind — import (the
preview dialog), export (.xlsx or .csv, re-importable) and an empty template."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QMenu, QPushButton, QSizePolicy, QWidget

from mzdesk.core.permissions import Permission
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.files import TABLE_FILTER, ask_save_path
from mzdesk.services.tables.columns import Kind

if TYPE_CHECKING:  # the dialog, the reader and the writer (openpyxl) load when first used
    from mzdesk.gui.widgets.import_dialog import ImportDialog


class TableMenuButton(QPushButton):
    """``message`` carries a line for the page's status (an export written); it is also shown
    in the main window's status bar."""

    message = Signal(str)

    def __init__(
        self, ctx: AppContext, kinds: Sequence[Kind], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kinds = tuple(kinds)
        self.dialog: ImportDialog | None = None
        self.message.connect(self._show_in_status_bar)
        self.setText(tr("导入/导出"))
        # a push button's size counts its menu arrow (a tool button's instant popup draws
        # the arrow over the text); never squeezed below that by a crowded button bar
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        menu = QMenu(self)
        for kind in kinds:
            sub = menu.addMenu(kind.label)
            importing = sub.addAction(tr("导入…"))
            importing.setEnabled(
                ctx.can(Permission.DATA_IMPORT) and all(ctx.can(p) for p in kind.permissions)
            )
            importing.triggered.connect(lambda _=False, k=kind: self.open_import(k))
            sub.addAction(tr("导出…")).triggered.connect(lambda _=False, k=kind: self.ask_export(k))
            sub.addAction(tr("空白模板…")).triggered.connect(
                lambda _=False, k=kind: self.ask_template(k)
            )
        self.setMenu(menu)

    def _show_in_status_bar(self, text: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10_000)

    def open_import(self, kind: Kind) -> ImportDialog:
        from mzdesk.gui.widgets.import_dialog import ImportDialog

        self.dialog = ImportDialog(self.ctx, kind, self.window())
        self.dialog.open()
        return self.dialog

    def ask_export(self, kind: Kind) -> None:
        suggested = Path.home() / f"{kind.label}.xlsx"
        ask_save_path(
            self,
            tr("导出{kind}").format(kind=kind.label),
            suggested,
            TABLE_FILTER,
            "xlsx",
            lambda path: self.export(kind, Path(path)),
        )

    def ask_template(self, kind: Kind) -> None:
        suggested = Path.home() / tr("{kind}导入模板.xlsx").format(kind=kind.label)
        ask_save_path(
            self,
            tr("保存空白模板"),
            suggested,
            TABLE_FILTER,
            "xlsx",
            lambda path: self.template(kind, Path(path)),
        )

    @async_slot(object, object)
    async def export(self, kind: Kind, path: Path) -> None:
        from mzdesk.services.tables.writing import export_table

        # the children's roster's private columns are the user's to see, and their export is
        # audited: a write (on the one writer thread)
        run = self.ctx.worker.write if kind is Kind.CHILDREN else self.ctx.worker.read
        count = await run(export_table, self.ctx.store, kind, path, self.ctx.actor)
        self.message.emit(tr("已导出{count}行到 {path}").format(count=count, path=path))

    @async_slot(object, object)
    async def template(self, kind: Kind, path: Path) -> None:
        from mzdesk.services.tables.writing import write_template

        await self.ctx.worker.read(write_template, kind, path)
        self.message.emit(tr("模板已保存到 {path}").format(path=path))
