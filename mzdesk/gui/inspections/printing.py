"""打印报告 and 整改通知书: an inspection's report or rectification notice written off the GUI
thread and opened in the PDF preview (print dialog on A4, save, open elsewhere).

Any screen that shows inspections calls :func:`open_printed`, or puts a :class:`PrintBar`
under its list with a function that names the selected inspection."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from mzdesk.core.errors import MzdeskError, os_error_text
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.palette import ERROR_TEXT
from mzdesk.gui.widgets.pdf_preview import PdfPreview, private_pdf_path, show_pdf_preview
from mzdesk.services.inspection_report import (
    InspectionReport,
    file_reader,
    inspection_report,
    notice_report,
    thumbnail_cache,
)


def _write(ctx: AppContext, inspection_id: uuid.UUID, notice: bool) -> tuple[Path, str]:
    """On a reader thread: the data, then the PDF. Returns the file and the preview's title."""
    from mzdesk.reports.inspection_report import write_inspection_report  # reportlab: late
    from mzdesk.reports.rectification_notice import write_rectification_notice

    report: InspectionReport
    if notice:
        report = notice_report(ctx.store, inspection_id)
        kind = "整改通知书"
    else:
        report = inspection_report(ctx.store, inspection_id)
        kind = "安全检查报告"
    path = private_pdf_path(f"{kind}-{report.institution}-{report.inspected_on.isoformat()}")
    if notice:
        write_rectification_notice(path, report)
    else:
        write_inspection_report(path, report, file_reader(ctx.store), thumbnail_cache(ctx.store))
    return path, f"{report.institution} {report.inspected_on.isoformat()}"


async def open_printed(
    ctx: AppContext, parent: QWidget, inspection_id: uuid.UUID, *, notice: bool = False
) -> PdfPreview:
    """Write the report (``notice``: the 整改通知书) and open it in the preview. Raises
    MzdeskError with a message to show (e.g. no open hazard for a notice) or OSError."""
    path, what = await ctx.worker.read(_write, ctx, inspection_id, notice)
    title = (tr("整改通知书") if notice else tr("安全检查报告")) + " — " + what
    return show_pdf_preview(path, title, parent, temporary=True)


class PrintBar(QWidget):
    """打印报告 / 整改通知书 for the inspection ``selected()`` names (None: none selected)."""

    def __init__(
        self,
        ctx: AppContext,
        selected: Callable[[], uuid.UUID | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.selected = selected
        self.preview: PdfPreview | None = None
        self.report_button = QPushButton(tr("打印报告"))
        self.notice_button = QPushButton(tr("整改通知书"))
        self.report_button.setToolTip(tr("预览、打印或保存所选检查的安全检查报告（PDF）"))
        self.notice_button.setToolTip(tr("为所选检查尚未销号的隐患出具整改通知书（PDF）"))
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_TEXT)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.report_button)
        row.addWidget(self.notice_button)
        row.addWidget(self.message, 1)
        self.report_button.clicked.connect(lambda: self.print_selected(False))
        self.notice_button.clicked.connect(lambda: self.print_selected(True))

    @async_slot(bool)
    async def print_selected(self, notice: bool) -> None:
        inspection_id = self.selected()
        if inspection_id is None:
            self.message.setText(tr("请先在检查记录中选择一次检查。"))
            return
        self.message.setText("")
        self.report_button.setEnabled(False)
        self.notice_button.setEnabled(False)
        try:
            self.preview = await open_printed(self.ctx, self.window(), inspection_id, notice=notice)
        except MzdeskError as error:
            self.message.setText(str(error))
        except OSError as error:
            self.message.setText(tr("无法生成 PDF：") + os_error_text(error))
        finally:
            self.report_button.setEnabled(True)
            self.notice_button.setEnabled(True)
