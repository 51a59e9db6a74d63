"""``mzdesk stats hazards`` as a real process, on the hand-counted hazards of
tests/stats/hazards (the counts are worked out there)."""

import json

from mzdesk.store.engine import open_store
from tests.cli.process import mzdesk
from tests.stats.hazards.conftest import add_hazards


def test_stats_hazards_json_text_and_refusals(tmp_path):
    db = tmp_path / "h.db"
    store = open_store(db)
    add_hazards(store)
    store.close()
    period = ("--from", "2026-03-01", "--to", "2026-04-30")
    result = mzdesk("stats", "hazards", "--db", str(db), *period, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert {k: figures[k] for k in ("found", "closed", "closed_in_period")} == {
        "found": 6,
        "closed": 2,
        "closed_in_period": 3,
    }
    assert (figures["open_at_end"], figures["overdue_at_end"]) == (5, 3)
    assert figures["closure_rate_pct"] == "33.3%"
    assert set(figures["by_level"]) == {"一般隐患", "重大隐患"}
    assert list(figures["by_month"]) == ["2026-03", "2026-04"]
    assert list(figures["by_section"]) == ["基本要求", "服务防护（九防）", "其他"]

    one = mzdesk(
        "stats", "hazards", "--db", str(db), "--region", "370212", *period, "--json", cwd=tmp_path
    )
    assert json.loads(one.stdout)["found"] == 5
    home = mzdesk(
        "stats", "hazards", "--db", str(db), "--institution", "市南福利院", *period, cwd=tmp_path
    )
    assert home.returncode == 0, home.stderr
    assert "期内发现隐患 1 项" in home.stdout and "2026-03-01 至 2026-04-30" in home.stdout

    english = mzdesk("--lang", "en", "stats", "hazards", "--db", str(db), "--region", "370212",
                     *period, cwd=tmp_path)  # fmt: skip
    assert english.returncode == 0, english.stderr
    assert "Hazard rectification (region 370212, 2026-03-01 to 2026-04-30" in english.stdout
    assert "5 hazards found in the period" in english.stdout and "By level:" in english.stdout
    for chinese in ("隐患整改统计", "期内发现隐患", "按等级", "一般隐患", "发现", "其他", "至"):
        assert chinese not in english.stdout  # the sections' titles are the checklist's own

    reversed_ = mzdesk(
        "stats", "hazards", "--db", str(db), "--from", "2026-05-01", "--to", "2026-04-01",
        cwd=tmp_path,
    )  # fmt: skip
    assert reversed_.returncode == 1 and "晚于截止日期" in reversed_.stderr
    assert "Traceback" not in reversed_.stderr
    bad = mzdesk("stats", "hazards", "--db", str(db), "--from", "2026-13-01", "--to", "2026-12-01",
                 cwd=tmp_path)  # fmt: skip
    assert bad.returncode == 1 and "--from" in bad.stderr and "Traceback" not in bad.stderr
    missing = mzdesk("stats", "hazards", "--db", str(db), "--to", "2026-12-01", cwd=tmp_path)
    assert missing.returncode == 2 and "--from" in missing.stderr
