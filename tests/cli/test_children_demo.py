"""``mzdesk demo --kind children_home`` as a real process, then the figures it makes
possible, read by ``mzdesk stats children --json`` as an administrator scripts it."""

from __future__ import annotations

import json

from tests.cli.process import mzdesk

DEMO = ("admin", "demo1234")


def test_childrens_home_demo_then_its_figures(tmp_path):
    path = str(tmp_path / "kids.db")
    made = mzdesk("demo", "--kind", "children_home", "--db", path, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "admin / demo1234" in made.stdout
    stats = mzdesk("stats", "children", "--db", path, "--json", cwd=tmp_path, user=DEMO)
    assert stats.returncode == 0, stats.stderr
    figures = json.loads(stats.stdout)
    assert figures["institutions"] == 1
    assert figures["in_care"] == figures["in_house"] + figures["in_foster_care"] > 40
    assert figures["in_foster_care"] and figures["visits_due"] and figures["at_school"]
    assert 0 < figures["notices_past_deadline"] < figures["notices_running"]
    assert figures["with_disability"] and sum(figures["by_category"].values()) == figures["in_care"]
    assert figures["placements"]["家庭寄养"] and figures["left"]
