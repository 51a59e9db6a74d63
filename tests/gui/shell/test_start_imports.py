"""Start-up: the app started as a user starts it (a fresh process, a login) loads nothing the
first window does not need. The start-up probe (mzdesk/gui/probe.py) reports, once the main
window is usable, which packages and which of the app's and Qt's modules the process has
imported; the server, the PDF and spreadsheet writers, Alembic, the pinyin dictionaries, the
HTTP client, the pages other than 首页 and 同步 (with their charts and PDF viewers) and the
demo's generator load later, when they are used."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData
from mzdesk.services.users import NewUser, set_up_institution
from mzdesk.store.engine import open_store

ROOT = Path(__file__).resolve().parents[3]
NOT_AT_START = {
    "fastapi", "starlette", "uvicorn", "pydantic",  # the server, the checklist schema
    "reportlab", "openpyxl",  # PDFs and spreadsheets
    "alembic",  # only when the schema is not current
    "pypinyin",  # only when a name is read
    "PIL",  # when a picture is attached
    "httpx", "rich", "pygments",  # the first request (httpx loads its CLI's rich and pygments)
}  # fmt: skip
NOT_AT_START_MODULES = {
    # the pages built the first time they are shown (gui/shell/main_window.py)
    "mzdesk.gui.residents.page", "mzdesk.gui.beds.page", "mzdesk.gui.training.page",
    "mzdesk.gui.inspections.page", "mzdesk.gui.stats.page", "mzdesk.gui.settings.page",
    # what they bring: charts, PDF previews and printing
    "PySide6.QtCharts", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtPrintSupport",
    "mzdesk.gui.widgets.pdf_preview",  # also the first run's recovery sheet
    "mzdesk.services.demo.generate",  # only when the first run makes a demo
    "mzdesk.gui.home.children_cards", "mzdesk.stats.children",  # a children's home's 首页
}  # fmt: skip


def test_the_usable_main_window_has_loaded_no_server_report_or_migration_code(tmp_path: Path):
    db = tmp_path / "home.db"
    store = open_store(db)
    set_up_institution(
        store,
        Actor.setup(),
        InstitutionData(name="幸福养老院", kind=InstitutionKind.NURSING_HOME),
        NewUser("admin", "院长", "admin-pass-1"),
    )
    store.close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MZDESK_STARTUP_PROBE": "1",
        "MZDESK_USER": "admin",
        "MZDESK_PASSWORD": "admin-pass-1",
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "mzdesk", "gui", "--db", str(db)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [line for line in done.stdout.splitlines() if line.startswith('{"probe"')]
    assert len(lines) == 1, done.stdout[-3000:]
    probe = json.loads(lines[0])
    marks = probe["marks"]
    steps = ["interpreter", "run_app", "store_open", "authenticated", "shown", "ready"]
    assert all(marks[a] <= marks[b] for a, b in itertools.pairwise(steps))
    assert "mzdesk" in probe["packages"] and "PySide6" in probe["packages"]
    assert NOT_AT_START & set(probe["packages"]) == set()
    assert "mzdesk.gui.home.page" in probe["own_modules"]  # the list names modules
    assert NOT_AT_START_MODULES & set(probe["own_modules"]) == set()
