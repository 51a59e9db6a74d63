"""``mzdesk checks due`` and ``mzdesk checks list`` as real processes."""

from __future__ import annotations

import datetime as dt
import json

from mzdesk.core.vocab import InspectionType, ScheduleFrequency
from mzdesk.services.inspecting.finish import finish_inspection
from mzdesk.services.inspecting.schedules import ScheduleData, save_schedule
from tests.cli.process import mzdesk
from tests.helpers.actors import SETUP
from tests.services.inspecting.conftest import answer_all, signatures, start, template_for

DAY = dt.date(2026, 11, 20)


def test_due_and_missed_checks_and_the_list(store, home, tmp_path):
    schedule = save_schedule(
        store,
        SETUP,
        ScheduleData(
            home.id,
            "每日防火巡查",
            ScheduleFrequency.DAILY,
            template_for(home).id,
            InspectionType.SELF_DAILY,
            DAY - dt.timedelta(days=2),
        ),
    )
    done = start(store, home, on=DAY - dt.timedelta(days=1), schedule_id=schedule)
    answer_all(store, home, done, fail=1)
    finish_inspection(store, SETUP, done, signatures("刘志强", "王建国"))
    draft = start(store, home, on=DAY, schedule_id=schedule)
    db = str(tmp_path / "test.db")

    due = mzdesk("checks", "due", "--db", db, "--date", DAY.isoformat(), "--json", cwd=tmp_path)
    assert due.returncode == 0, due.stderr
    (check,) = json.loads(due.stdout)["checks"]
    assert (check["schedule"], check["due"], check["draft"]) == ("每日防火巡查", True, str(draft))
    assert check["missed"] == [(DAY - dt.timedelta(days=2)).isoformat()]
    text = mzdesk("checks", "due", "--db", db, "--date", DAY.isoformat(), cwd=tmp_path)
    assert (
        "每日防火巡查" in text.stdout and "草稿未完成" in text.stdout and "漏检 1 次" in text.stdout
    )

    listed = mzdesk("checks", "list", "--db", db, "--json", cwd=tmp_path)
    rows = json.loads(listed.stdout)
    assert [(r["id"], r["state"], r["failed"]) for r in rows] == [
        (str(draft), "draft", 0),
        (str(done), "completed", 1),
    ]
    drafts = mzdesk("checks", "list", "--db", db, "--state", "draft", cwd=tmp_path)
    assert str(draft) in drafts.stdout and str(done) not in drafts.stdout
    bad = mzdesk("checks", "due", "--db", db, "--date", "2026-13-01", cwd=tmp_path)
    assert bad.returncode != 0 and "--date" in bad.stderr
