"""打印恢复单: the recovery sheet (reports/recovery_sheet.py) in the PDF preview. The PDF holds
the database key, so it is written to a private temporary folder and deleted when the
preview closes; printing it (or saving it, e.g. to print elsewhere) is remembered in the
slot file so the app stops reminding (services/security.mark_recovery_printed)."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from mzdesk.core.permissions import Actor
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import spawn
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.widgets.pdf_preview import PdfPreview
from mzdesk.services.security import mark_recovery_printed, recovery_sheet
from mzdesk.store.engine import Store


def _write(store: Store, actor: Actor, folder: Path) -> Path:
    # late: reportlab loads when first used
    from mzdesk.reports.recovery_sheet import write_recovery_sheet

    sheet = recovery_sheet(store, actor)
    path = folder / "恢复单.pdf"
    write_recovery_sheet(
        path,
        recovery=sheet.recovery,
        database=sheet.database,
        institution=sheet.institution,
        printed_on=dt.date.today(),
    )
    return path


class RecoverySheetPreview(PdfPreview):
    """The preview; ``on_printed`` is called (and ``printed`` set) once the sheet was printed
    or saved."""

    def __init__(self, path: Path, on_printed: Callable[[], None], parent: QWidget | None) -> None:
        super().__init__(path, tr("恢复单"), parent, temporary=True)  # 0600, deleted on close
        self.on_printed = on_printed
        self.printed = False
        self.finished.connect(lambda _code: shutil.rmtree(path.parent, ignore_errors=True))

    def print_to(self, printer: QPrinter) -> int:
        pages = super().print_to(printer)
        if pages:
            self.printed = True
            self.on_printed()
        return pages

    def save_to(self, target: str) -> None:
        super().save_to(target)
        if target and not self.message.text():
            self.printed = True
            self.on_printed()


async def show_recovery_sheet(
    store: Store,
    worker: Worker,
    actor: Actor,
    parent: QWidget | None,
    after_printed: Callable[[], object] | None = None,
) -> RecoverySheetPreview:
    """Write the sheet (off the GUI thread) and open it in the preview."""
    folder = Path(tempfile.mkdtemp(prefix="mzdesk-recovery-"))  # 0700
    try:
        path = await worker.read(_write, store, actor, folder)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise

    def printed() -> None:
        async def mark() -> None:
            await worker.write(mark_recovery_printed, store, actor, dt.date.today())
            if after_printed is not None:
                after_printed()

        spawn(mark())

    preview = RecoverySheetPreview(path, printed, parent)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview
