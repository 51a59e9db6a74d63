"""A preview of a PDF the app made (Qt PDF), with 打印… through the system print dialog (A4),
另存为… and 用其他程序打开. Any feature that writes a PDF writes it to
:func:`private_pdf_path` (a folder of this process only readable by the user, never the home
folder: the PDFs hold personal data) and shows it with :func:`show_pdf_preview`, which
deletes the file when the preview closes; 另存为… keeps a copy where the user chooses."""

from __future__ import annotations

import atexit
import contextlib
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.files import ask_save_path
from mzdesk.gui.widgets.palette import ERROR_TEXT

PRINT_DPI = 300
PRIVATE = 0o600

_folder: Path | None = None


def private_folder() -> Path:
    """This process's folder for the PDFs it shows (0700, in the system's temporary folder),
    removed with whatever is left in it when the app exits."""
    global _folder
    if _folder is None or not _folder.is_dir():
        _folder = Path(tempfile.mkdtemp(prefix="mzdesk-pdf-"))
        atexit.register(shutil.rmtree, _folder, ignore_errors=True)
    return _folder


def private_pdf_path(stem: str) -> Path:
    """A new file ``stem``.pdf (the name 另存为… suggests) in a folder of its own (0700)
    inside :func:`private_folder`, so two previews of the same report stay apart."""
    safe = "".join("_" if ch in '/\\:*?"<>|' else ch for ch in stem).strip() or "mzdesk"
    return Path(tempfile.mkdtemp(dir=private_folder())) / f"{safe}.pdf"


def discard_private(path: Path) -> None:
    """Delete the app's own copy ``path`` and its folder (:func:`private_pdf_path`)."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
        if path.parent.parent == private_folder():
            path.parent.rmdir()


class PdfPreview(QDialog):
    """Shows ``path`` page after page, fitted to the width."""

    def __init__(
        self, path: Path, title: str, parent: QWidget | None = None, *, temporary: bool = False
    ) -> None:
        """``temporary``: ``path`` is the app's own copy (:func:`private_pdf_path`), made
        readable by the user alone and deleted when the preview closes."""
        super().__init__(parent)
        self.path = path
        self.temporary = temporary
        if temporary:
            with contextlib.suppress(OSError):
                path.chmod(PRIVATE)
            self.finished.connect(self.discard)
        self.setWindowTitle(title)
        self.resize(760, 900)
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.print_button = QPushButton(tr("打印…"))
        self.save_button = QPushButton(tr("另存为…"))
        self.open_button = QPushButton(tr("用其他程序打开"))
        close = QPushButton(tr("关闭"))
        self.pages = QLabel(tr("共 %n 页").replace("%n", str(self.document.pageCount())))
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_TEXT)
        bar = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.open_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.pages)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self.print_button.clicked.connect(self.ask_print)
        self.save_button.clicked.connect(self.ask_save)
        self.open_button.clicked.connect(self.open_elsewhere)
        close.clicked.connect(self.accept)
        if self.document.status() != QPdfDocument.Status.Ready:
            self.message.setText(tr("无法显示这个 PDF 文件。"))
            self.print_button.setEnabled(False)

    # -- printing ----------------------------------------------------------------------------
    def new_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(self.windowTitle())
        return printer

    def ask_print(self) -> None:
        self.printer = self.new_printer()
        dialog = QPrintDialog(self.printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.print_to(self.printer))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # as open(): modal, non-blocking (PySide6 types open() as needing a slot)

    def print_to(self, printer: QPrinter) -> int:
        """Every page (or the range chosen in the print dialog) onto ``printer``, each
        rendered at the printer's resolution (at most 300 dpi) and fitted to the page.
        Returns the number of pages printed."""
        count = self.document.pageCount()
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, last) if first > 0 and last >= first else range(count)
        pages = range(max(pages.start, 0), min(pages.stop, count))
        painter = QPainter()
        if not painter.begin(printer):
            self.message.setText(tr("无法开始打印。"))
            return 0
        try:
            dpi = min(printer.resolution(), PRINT_DPI)
            for n, page in enumerate(pages):
                if n:
                    printer.newPage()
                size = self.document.pagePointSize(page)
                pixels = QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi))
                image = self.document.render(page, pixels)
                target = painter.viewport()
                scaled = pixels.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), scaled), image)
        finally:
            painter.end()
        return len(pages)

    # -- saving and opening ------------------------------------------------------------------
    def ask_save(self) -> None:
        ask_save_path(
            self,
            tr("另存为"),
            Path.home() / self.path.name,
            tr("PDF 文件 (*.pdf)"),
            "pdf",
            self.save_to,
        )

    def save_to(self, target: str) -> None:
        if not target:
            return
        try:
            shutil.copyfile(self.path, target)
        except OSError as error:
            self.message.setText(tr("保存失败：") + str(error.strerror or error))
            return
        self.message.setText("")

    def open_elsewhere(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    def discard(self) -> None:
        """The app's own copy goes when the preview closes (another program it was opened in
        keeps its own handle on it)."""
        self.document.close()
        discard_private(self.path)


def show_pdf_preview(
    path: Path, title: str, parent: QWidget | None = None, *, temporary: bool = False
) -> PdfPreview:
    """Open the preview without blocking (never ``exec()`` inside async code); see
    :class:`PdfPreview` for ``temporary``."""
    preview = PdfPreview(path, title, parent, temporary=temporary)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview
