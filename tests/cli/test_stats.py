"""``mzdesk stats`` as a real process."""

import json

from tests.cli.process import mzdesk

DEMO = ("admin", "demo1234")  # the demo's login


def test_stats_beds_json_and_summary(tmp_path):
    db = str(tmp_path / "s.db")
    assert mzdesk("demo", "--db", db, cwd=tmp_path).returncode == 0
    result = mzdesk("stats", "beds", "--db", db, "--json", cwd=tmp_path, user=DEMO)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    for key in (
        "institutions",
        "total_beds",
        "beds_by_type",
        "nursing_beds",
        "nursing_share",
        "nursing_share_pct",
        "beds_in_service",
        "occupied_beds",
        "occupancy_rate",
        "occupancy_rate_pct",
        "social_operated_beds",
        "social_operated_share",
        "institutions_by_positioning",
        "institutions_by_operation",
        "institutions_by_grade",
        "home_care_beds",
    ):
        assert key in figures, key
    assert set(figures["beds_by_type"]) == {"自理型", "护理型", "认知障碍照护"}
    assert figures["total_beds"] == 152
    assert 0 <= figures["nursing_share"] <= 1
    assert figures["nursing_share_pct"].endswith("%")
    summary = mzdesk("stats", "beds", "--db", db, "--as-of", "2026-06-30", cwd=tmp_path, user=DEMO)
    assert summary.returncode == 0
    assert "其中护理型床位" in summary.stdout and "截至 2026-06-30" in summary.stdout
    missing = mzdesk(
        "stats", "beds", "--db", db, "--institution", "没有这家", cwd=tmp_path, user=DEMO
    )
    assert missing.returncode == 1 and "找不到机构" in missing.stderr


def test_an_unknown_district_code_is_named(tmp_path):
    db = str(tmp_path / "s.db")
    assert mzdesk("demo", "--db", db, cwd=tmp_path).returncode == 0
    unknown = mzdesk("stats", "beds", "--db", db, "--region", "370299", cwd=tmp_path, user=DEMO)
    assert unknown.returncode == 1 and "未知的区划代码 370299" in unknown.stderr
    known = mzdesk(
        "stats", "beds", "--db", db, "--region", "370203", "--json", cwd=tmp_path, user=DEMO
    )
    assert known.returncode == 0 and json.loads(known.stdout)["institutions"] == 0  # empty, known
