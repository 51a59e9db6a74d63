"""At start, a damaged database: the dialog names the newest good backup and restores it."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from mzdesk.gui.settings.damaged_dialog import DamagedDialog, offer_restore
from mzdesk.services.backups import back_up
from mzdesk.store.backup import layout
from mzdesk.store.engine import open_store


def _damage(path: Path) -> None:
    pages = path.stat().st_size // 4096
    with path.open("r+b") as handle:
        for page in range(max(1, pages // 4), max(2, 3 * pages // 4)):
            handle.seek(page * 4096 + 1000)
            handle.write(os.urandom(16))


def _answer(choice: str, seen: list[str], shots: str | None) -> None:
    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DamagedDialog):
            QTimer.singleShot(20, click)
            return
        seen.append(dialog.text() + "\n" + dialog.informativeText())
        if shots:
            dialog.grab().save(str(Path(shots) / "start-damaged.png"))
        for button in dialog.buttons():
            if button.text() == choice:
                button.click()

    QTimer.singleShot(0, click)


def test_a_damaged_database_offers_the_newest_good_backup(qtbot, tmp_path, home, store):
    backup = back_up(store)
    path = store.path
    store.close()
    _damage(path)
    seen: list[str] = []
    _answer("退出", seen, None)
    assert offer_restore(path) is False  # quitting changes nothing
    assert not [p for p in path.parent.iterdir() if ".damaged-" in p.name]
    _answer("恢复", seen, os.environ.get("MZDESK_SCREENSHOTS"))
    assert offer_restore(path) is True
    assert backup.local_time.strftime("%Y-%m-%d %H:%M") in seen[-1]
    assert "已损坏" in seen[-1]
    reopened = open_store(path)
    reopened.close()
    assert [p for p in path.parent.iterdir() if ".damaged-" in p.name]
    assert layout.list_backups(path)[0].path == backup.path
