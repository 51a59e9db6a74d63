"""Start-up: the app started as a user starts it (a fresh process, a login) loads nothing the
first window does not need. The start-up probe (mzdesk/core/probe.py) reports, once the main
window is usable, which packages the process has imported; the server, the PDF and
spreadsheet writers, Alembic and the pinyin dictionaries load later, when they are used."""

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
