"""The generic import dialog for every roster kind: choose a file, see its rows with each
problem at its row and column (the cell highlighted, the message as its tooltip, and a list
of all problems), then write all rows (only when none has a problem) or only the valid ones.

Reading, checking and writing run on the worker thread through the services the CLI uses
(``preview_import``, ``import_file``), with a progress bar and Cancel; a cancelled import
writes nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import MzdeskError
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.files import TABLE_FILTER, ask_open_path, ask_save_path
from mzdesk.gui.widgets.palette import ERROR_TEXT, GREEN, note_style
from mzdesk.gui.widgets.table import setup_view
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importers.base import ImportProblem, ImportRejected, ImportReport
from mzdesk.services.tables.importing import (
    ImportCancelled,
    ImportPreview,
    import_file,
    preview_import,
)
from mzdesk.services.tables.problem_report import write_problem_report
from mzdesk.services.tables.writing import write_template

PROBLEM_BACKGROUND = QColor("#fdecea")
PROBLEM_TEXT = QColor("#b3261e")
Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """The rows as read (行号 first), cells with a problem tinted with the message as tooltip."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[str] = []
        self.rows: list[tuple[int, tuple[str, ...]]] = []
        self.problems: dict[tuple[int, int], list[str]] = {}  # (row index, column) → messages
        self.row_of: dict[int, int] = {}  # spreadsheet row number → row index

    def show(self, preview: ImportPreview) -> None:
        self.beginResetModel()
        self.headers = [tr("行号"), *preview.columns]
        self.rows = [(r.number, r.values) for r in preview.rows]
        self.row_of = {number: i for i, (number, _) in enumerate(self.rows)}
        self.problems = {}
        for problem in preview.problems:
            if problem.row is None or problem.row not in self.row_of:
                continue
            column = self.column_of(problem.column)
            self.problems.setdefault((self.row_of[problem.row], column), []).append(problem.message)
        self.endResetModel()

    def column_of(self, header: str | None) -> int:
        """The model column of a header (0, the row number, when the sheet lacks it)."""
        return self.headers.index(header) if header in self.headers[1:] else 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        number, values = self.rows[r]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(number) if c == 0 else values[c - 1]
        messages = self.problems.get((r, c))
        if messages is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            return PROBLEM_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(messages)
        return None


class _Progress(QObject):
    """Carries progress from the worker thread to the dialog (a queued signal)."""

    moved = Signal(str, int, int)

    def __call__(self, phase: str, done: int, total: int) -> None:
        self.moved.emit(phase, done, total)


class ImportDialog(QDialog):
    """Import one kind of roster; ``imported`` carries the report once rows were written."""

    imported = Signal(object)

    def __init__(self, ctx: AppContext, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.report: ImportReport | None = None
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        self.setWindowTitle(tr("导入{kind}").format(kind=kind.label))
        self.resize(980, 640)
        layout = QVBoxLayout(self)

        choose = QHBoxLayout()
        self.file_label = QLabel(tr("请选择要导入的 Excel（.xlsx）或 CSV 文件"))
        self.choose_button = QPushButton(tr("选择文件…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.template_button = QPushButton(tr("空白模板…"))
        self.template_button.clicked.connect(self.save_template)
        choose.addWidget(self.file_label, 1)
        choose.addWidget(self.choose_button)
        choose.addWidget(self.template_button)
        layout.addLayout(choose)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = PreviewModel()
        self.table = setup_view(QTableView())
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        # widths from the first rows only: a ledger of thousands of rows opens at once
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        splitter.addWidget(self.table)
        self.problem_list = QListWidget()
        self.problem_list.setStyleSheet(ERROR_TEXT)
        self.problem_list.currentItemChanged.connect(self._go_to_problem)
        splitter.addWidget(self.problem_list)
        splitter.setSizes([420, 140])
        layout.addWidget(splitter, 1)

        progress_row = QHBoxLayout()
        self.progress_label = QLabel()
        self.progress_bar = QProgressBar()
        self.cancel_button = QPushButton(tr("取消"))
        self.cancel_button.clicked.connect(self._cancel.set)
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)

        buttons = QHBoxLayout()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.write_all_button = QPushButton(tr("写入全部"))
        self.write_all_button.clicked.connect(self.write_all)
        self.write_valid_button = QPushButton(tr("只写入无误的行"))
        self.write_valid_button.clicked.connect(self.write_valid)
        self.problems_button = QPushButton(tr("保存问题清单…"))
        self.problems_button.setToolTip(tr("每个问题一行：行号、列、内容、问题（.xlsx 或 .csv）"))
        self.problems_button.clicked.connect(self.save_problems)
        self.close_button = QPushButton(tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.result_label, 1)
        buttons.addWidget(self.problems_button)
        buttons.addWidget(self.write_all_button)
        buttons.addWidget(self.write_valid_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self._busy(False)
        self._update_buttons()

    # -- choosing and previewing -------------------------------------------------------------
    def choose_file(self) -> None:
        ask_open_path(
            self, tr("选择要导入的文件"), TABLE_FILTER, lambda path: self.load(Path(path))
        )

    def save_template(self) -> None:
        suggested = Path.home() / tr("{kind}导入模板.xlsx").format(kind=self.kind.label)
        ask_save_path(
            self, tr("保存空白模板"), suggested, TABLE_FILTER, "xlsx", self._write_template
        )

    @async_slot(str)
    async def _write_template(self, path: str) -> None:
        await self.ctx.worker.read(write_template, self.kind, Path(path))
        self.result_label.setText(tr("模板已保存到 {path}").format(path=path))

    @async_slot(object)
    async def load(self, path: Path) -> None:
        """Read and check ``path`` (nothing is written) and show its rows and problems."""
        self.path, self.report = path, None
        self.file_label.setText(str(path))
        self.result_label.clear()
        self._busy(True, tr("正在检查…"))
        try:
            # on the one writer, quietly (this dialog shows its own progress and Cancel):
            # the rows are checked against the database as the write will find it
            preview = await self.ctx.worker.write_quietly(
                preview_import,
                self.ctx.store,
                self.kind,
                path,
                institution=self.ctx.institution.name,
                progress=self._progress,
                cancelled=self._cancel.is_set,
            )
        except ImportCancelled as cancelled:
            self.result_label.setText(str(cancelled))
            return
        finally:
            self._busy(False)
        self.show_preview(preview)

    def show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.show(preview)
        self.table.resizeColumnsToContents()
        self._list_problems(preview.problems)
        if preview.file_problems:
            self.summary.setText(tr("无法导入这个文件。"))
        else:
            text = tr("共{rows}行：{valid}行无误，{invalid}行有问题。").format(
                rows=len(preview.rows), valid=preview.valid_rows, invalid=preview.invalid_rows
            )
            if preview.ignored_columns:
                text += tr("未识别的列（不导入）：{columns}").format(
                    columns="、".join(preview.ignored_columns)
                )
            self.summary.setText(text + "".join(preview.notes))  # e.g. deadlines a ledger moves
        self.summary.setStyleSheet(
            note_style(GREEN) if preview.problems == () and preview.rows else ERROR_TEXT
        )
        self._update_buttons()

    def _list_problems(self, problems: Sequence[ImportProblem]) -> None:
        self.problem_list.clear()
        for problem in problems:
            item = QListWidgetItem(str(problem))
            item.setData(Qt.ItemDataRole.UserRole, (problem.row, problem.column))
            self.problem_list.addItem(item)

    def _go_to_problem(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        row, column = item.data(Qt.ItemDataRole.UserRole)
        if row in self.model.row_of:
            index = self.model.index(self.model.row_of[row], self.model.column_of(column))
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def save_problems(self) -> None:
        """Save what is wrong (what 只写入无误的行 skips), by row and column."""
        name = Path(self.path.name if self.path else self.kind.label).stem
        suggested = Path.home() / tr("{name}-问题清单.xlsx").format(name=name)
        ask_save_path(
            self, tr("保存问题清单"), suggested, TABLE_FILTER, "xlsx", self._write_problems
        )

    @async_slot(str)
    async def _write_problems(self, path: str) -> None:
        if self.preview is None:
            return
        await self.ctx.worker.read(write_problem_report, Path(path), self.preview)
        self.result_label.setText(tr("问题清单已保存到 {path}").format(path=path))

    # -- writing -----------------------------------------------------------------------------
    def write_all(self) -> None:
        self._write(skip_invalid=False)

    def write_valid(self) -> None:
        self._write(skip_invalid=True)

    @async_slot()
    async def _write(self, *, skip_invalid: bool) -> None:
        if self.path is None:
            return
        self._busy(True, tr("正在写入…"))
        try:
            report = await self.ctx.worker.write_quietly(
                import_file,
                self.ctx.store,
                self.ctx.actor,
                self.kind,
                self.path,
                skip_invalid=skip_invalid,
                progress=self._progress,
                institution=self.ctx.institution.name,
                cancelled=self._cancel.is_set,
            )
        except ImportRejected as rejected:  # the file changed since the preview
            self._list_problems(rejected.report.problems)
            self.result_label.setText(str(rejected))
            return
        except MzdeskError as error:
            self.result_label.setText(str(error))
            return
        finally:
            self._busy(False)
        self.report = report
        more = tr("跳过的行可用“保存问题清单…”保存。") if report.skipped_rows else ""
        self.result_label.setText(report.summary() + more)
        self.result_label.setStyleSheet(note_style(GREEN))
        self.write_all_button.setEnabled(False)
        self.write_valid_button.setEnabled(False)
        self.imported.emit(report)

    # -- state -------------------------------------------------------------------------------
    def _busy(self, busy: bool, phase: str = "") -> None:
        self._cancel.clear()
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.setVisible(busy)
        self.progress_label.setText(phase)
        self.progress_bar.setRange(0, 0)  # until the first step says how many rows
        for button in (self.choose_button, self.template_button, self.close_button):
            button.setEnabled(not busy)
        if busy:
            self.write_all_button.setEnabled(False)
            self.write_valid_button.setEnabled(False)
            self.problems_button.setEnabled(False)
        else:
            self._update_buttons()

    def _update_buttons(self) -> None:
        preview = self.preview
        written = self.report is not None
        ready = preview is not None and bool(preview.rows) and not preview.file_problems
        self.problems_button.setEnabled(preview is not None and bool(preview.problems))
        self.write_all_button.setEnabled(
            ready and not written and preview is not None and not preview.problems
        )
        self.write_valid_button.setEnabled(
            ready
            and not written
            and preview is not None
            and bool(preview.problems)
            and preview.valid_rows > 0
        )

    def _moved(self, phase: str, done: int, total: int) -> None:
        self.progress_label.setText(phase)
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def reject(self) -> None:
        self._cancel.set()  # a close while working cancels the work (nothing is written)
        super().reject()
