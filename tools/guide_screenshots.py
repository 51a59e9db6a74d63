"""The user guide's pictures, made by the app itself: ``docs/guide/images/*.png``.

    uv run python tools/guide_screenshots.py [--out DIR] [--only NAME ...]

Offscreen Qt, a fresh demo database in a temporary folder made as on a fixed day
(``GUIDE_DAY``, with the clock held there while the app runs, so re-running gives the same
pictures), the main window at 1280×800 logged in as the demo's administrator. Each shot
opens a page or a dialog the way a click would (the same buttons and slots), grabs it at its
own size and closes it again. The list of shots is ``SHOTS`` (guide_shots.py); the guide may
reference only pictures in that list (tests/docs check it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import qasync
import time_machine
from guide_shots import SHOTS, Shooter
from PySide6.QtCore import QSettings

from mzdesk.core.i18n import set_language
from mzdesk.core.permissions import Actor
from mzdesk.gui.app import make_application, settle
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import install_translators, register_font
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.shell.main_window import MainWindow
from mzdesk.services.demo.accounts import demo_account
from mzdesk.services.demo.generate import Scale, generate
from mzdesk.services.institutions import list_institutions
from mzdesk.services.users import authenticate
from mzdesk.store.engine import open_store

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "guide" / "images"
# The demo data is made as on this day and the app runs with the wall clock stopped at it
# (timers run on the monotonic clock, which is not held): overdue hazards, ages, "today's"
# inspection draft, backup times and the dates in the pictures stay the same.
GUIDE_DAY = dt.datetime(2026, 6, 16, 9, 30)
SIZE = (1280, 800)


def make_demo(folder: Path) -> tuple[Path, bytes | None]:
    """A fresh demo site (seed 2026, as ``mzdesk demo``) in ``folder``; a fixed file name, so
    the path the window shows is the same every time. With the database key: the window opens
    it as a login would."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    path = folder / "演示数据.db"
    store = open_store(path)
    try:
        generate(store, Actor.setup(), Scale.SITE, seed=2026, today=GUIDE_DAY.date())
        key = store.key
    finally:
        store.close()
    return path, key


async def run(db_path: Path, key: bytes | None, out: Path, only: set[str]) -> list[Path]:
    worker = Worker()
    store = await worker.write(open_store, db_path, key=key)
    written: list[Path] = []
    try:
        institution = (await worker.read(list_institutions, store))[0]
        # logged in as the app does it (the demo's account): the login also lets this
        # account open the encrypted database on this computer, as 设置 › 安全 shows
        account = await worker.read(demo_account, store)
        assert account is not None, "the demo database names its account"
        user = await worker.write(authenticate, store, institution.id, *account)
        main = MainWindow(AppContext(store, worker, institution, user, db_path))
        main.resize(*SIZE)
        main.show()
        await main.refresh_status()
        shooter = Shooter(main, out, db_path.parent)
        for shot in SHOTS:
            if only and shot.name not in only:
                continue
            await shot.take(shooter)
            await shooter.close_dialogs()
            written += [out / f"{name}.png" for name in shot.images]
        main.close()
        await settle()
    finally:
        worker.shutdown()
        store.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES)
    parser.add_argument("--only", nargs="*", default=[], help="shot names (default: all)")
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "mzdesk-guide-shots"
    )
    args = parser.parse_args(argv)
    unknown = set(args.only) - {s.name for s in SHOTS}
    if unknown:
        parser.error(f"unknown shots: {', '.join(sorted(unknown))}")
    args.out.mkdir(parents=True, exist_ok=True)
    with time_machine.travel(GUIDE_DAY, tick=False):
        db_path, key = make_demo(args.work)
        # the app's own settings (language, backup folder) from a folder of this run, not the
        # user's
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(args.work))
        app = make_application()
        app.setCursorFlashTime(0)  # a text cursor that blinks is in some pictures, not others
        set_language("zh")
        register_font(app)
        install_translators(app, "zh")
        written = qasync.run(run(db_path, key, args.out, set(args.only)))
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
