"""``mzdesk stats training`` and ``mzdesk training`` as real processes, on a hand-made staff."""

import json

from tests.cli.process import mzdesk
from tests.helpers.training_staff import make_staff


def test_stats_training_json_text_and_scopes(store, tmp_path):
    make_staff(store)
    db = str(tmp_path / "test.db")
    result = mzdesk(
        "stats",
        "training",
        "--db",
        db,
        "--institution",
        "幸福养老院",
        "--as-of",
        "2025-06-01",
        "--json",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    f = json.loads(result.stdout)
    assert (f["active_care_workers"], f["prejob_trained"], f["prejob_rate_pct"]) == (3, 2, "66.7%")
    assert (f["certified"], f["certified_rate_pct"]) == (2, "66.7%")
    assert [w["name"] for w in f["missing_prejob"]] == ["郑秀兰"]
    assert [w["name"] for w in f["missing_certificate"]] == ["郑秀兰"]
    first = f["expiring_certificates"][0]
    assert (first["name"], first["certificate"], first["expires_on"]) == (
        "吴桂兰",
        "职业技能等级证书",
        "2025-06-30",
    )
    assert f["average_hours_per_worker"] == 3.0
    assert {h["name"]: h["hours"] for h in f["hours_per_worker"]}["周凤琴"] == 6.0

    region = mzdesk(
        "stats", "training", "--db", db, "--region", "3702", "--as-of", "2025-06-01", cwd=tmp_path
    )
    assert region.returncode == 0, region.stderr
    out = region.stdout
    assert "岗前培训率 75.0%（3/4）" in out and "未完成岗前培训：郑秀兰" in out
    assert "各机构：" in out and "市儿童福利院：护理员1人，岗前培训率100.0%" in out
    assert "2025-06-30  吴桂兰  职业技能等级证书" in out

    wrong = mzdesk("stats", "training", "--db", db, "--institution", "没有这家", cwd=tmp_path)
    assert (
        wrong.returncode == 1 and "找不到机构" in wrong.stderr and "Traceback" not in wrong.stderr
    )
    bad_date = mzdesk("stats", "training", "--db", db, "--as-of", "2025-13-01", cwd=tmp_path)
    assert bad_date.returncode == 1 and "Traceback" not in bad_date.stderr


def test_training_sessions_and_matrix(store, tmp_path):
    make_staff(store)
    db = str(tmp_path / "test.db")
    several = mzdesk("training", "sessions", "--db", db, "--json", cwd=tmp_path)
    assert several.returncode == 1 and "--institution" in several.stderr
    result = mzdesk(
        "training", "sessions", "--db", db, "--institution", "幸福养老院", "--json", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    sessions = json.loads(result.stdout)
    assert len(sessions) == 6
    newest = sessions[0]
    assert set(newest) == {
        "id",
        "topic",
        "category",
        "start_date",
        "end_date",
        "hours",
        "attended",
        "passed",
    }
    assert (newest["topic"], newest["category"], newest["start_date"], newest["hours"]) == (
        "急救技能",
        "消防/急救专项",
        "2025-08-01",
        2.0,
    )
    (mixed,) = [s for s in sessions if s["topic"] == "失智照护"]
    assert (mixed["attended"], mixed["passed"]) == (4, 3)

    matrix = mzdesk(
        "training",
        "matrix",
        "--db",
        db,
        "--institution",
        "幸福养老院",
        "--as-of",
        "2025-06-01",
        "--json",
        cwd=tmp_path,
    )
    assert matrix.returncode == 0, matrix.stderr
    m = json.loads(matrix.stdout)
    assert m["columns"] == ["岗前培训", "消防安全培训", "急救培训", "年度培训学时"]
    assert (m["needs_next"][0]["name"], m["needs_next"][0]["due"]) == ("钱芳", "2021-01-01")
    text = mzdesk(
        "training",
        "matrix",
        "--db",
        db,
        "--institution",
        "幸福养老院",
        "--as-of",
        "2025-06-01",
        cwd=tmp_path,
    ).stdout
    assert "2025-01-15  郑秀兰  岗前培训（缺）" in text
    assert "还差34.0学时" in text
