"""``mzdesk children``: the child's path as real processes — 接收 with a document, 寻亲公告,
入院评估, 养育, 安置 with a visit, the record hidden and revealed (audited), and a read-only
user refused."""

from __future__ import annotations

import json
import re

import pytest

from tests.cli.process import mzdesk
from tests.sync.test_files import png

ADMIN = ("admin", "kids-pass-1")
VIEWER = ("viewer", "view-pass-1")


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "k.db")
    made = mzdesk(
        "init",
        "--db",
        path,
        "--name",
        "市儿童福利院",
        "--kind",
        "children_home",
        "--admin",
        ADMIN[0],
        "--password",
        ADMIN[1],
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    added = mzdesk(
        "user",
        "add",
        VIEWER[0],
        "--role",
        "只读",
        "--db",
        path,
        cwd=tmp_path,
        user=ADMIN,
        env={"MZDESK_NEW_PASSWORD": VIEWER[1]},
    )
    assert added.returncode == 0, added.stderr
    return path


def _run(tmp_path, *args, user=ADMIN):
    return mzdesk("children", *args, cwd=tmp_path, user=user)


def _id(result) -> str:
    assert result.returncode == 0, result.stderr
    return re.findall(r"\[([0-9a-f-]{36})\]", result.stdout)[-1]


def test_the_path_from_the_command_line(db, tmp_path):
    (tmp_path / "报案证明.png").write_bytes(png(3))
    child = _id(
        _run(
            tmp_path,
            "receive",
            "--db",
            db,
            "--name",
            "党小春",
            "--birth",
            "2026-02-20",
            "--category",
            "弃婴",
            "--way",
            "公安机关送交",
            "--date",
            "2026-03-02",
            "--found-on",
            "2026-03-01",
            "--found-place",
            "市妇幼保健院门口",
            "--brought-by",
            "城关派出所",
            "--document",
            str(tmp_path / "报案证明.png"),
        )
    )
    notice = _id(_run(tmp_path, "notice", child[:8], "--db", db, "--on", "2026-03-05"))
    answers = [
        "H1=good",
        "H2=normal",
        "H3=negative",
        "H4=no",
        "D1=none",
        "D2=none",
        "V1=normal",
        "V2=normal",
        "V3=mild",
        "V4=normal",
        "V5=normal",
        "P1=stable",
        "P2=none",
    ]
    args = [a for pair in (("--answer", x) for x in answers) for a in pair]
    assessed = _run(
        tmp_path, "assess", child, "--db", db, "--on", "2026-03-10", "--assessor", "王医生", *args
    )
    assert assessed.returncode == 0, assessed.stderr
    incomplete = _run(
        tmp_path, "assess", child, "--db", db, "--assessor", "王医生", "--answer", "D1=none"
    )
    assert incomplete.returncode != 0 and "未评分：总体健康" in incomplete.stderr
    assert "Traceback" not in incomplete.stderr
    placement = _id(
        _run(
            tmp_path,
            "place",
            child,
            "--db",
            db,
            "--kind",
            "家庭寄养",
            "--on",
            "2026-06-01",
            "--family",
            "李建国家庭",
            "--address",
            "城关镇幸福路8号",
            "--next-visit",
            "2026-07-01",
        )
    )
    visit = _run(
        tmp_path,
        "visit",
        placement[:10],
        "--db",
        db,
        "--on",
        "2026-07-01",
        "--by",
        "社工张敏",
        "--findings",
        "适应良好",
    )
    assert visit.returncode == 0, visit.stderr
    early = _run(tmp_path, "notice-close", notice, "--db", db, "--on", "2026-05-04", "--lapsed")
    assert early.returncode == 1 and "届满" in early.stderr and "Traceback" not in early.stderr
    closed = _run(
        tmp_path,
        "notice-close",
        notice,
        "--db",
        db,
        "--on",
        "2026-06-02",
        "--withdrawn",
        "已进入寄养",
    )
    assert closed.returncode == 0, closed.stderr

    hidden = json.loads(_run(tmp_path, "show", child, "--db", db, "--json", user=VIEWER).stdout)
    assert [s["step"] for s in hidden["steps"]] == [
        "child_intakes",
        "family_notices",
        "child_assessments",
        "child_placements",
        "placement_visits",
    ]
    assert hidden["steps"][0]["fields"]["brought_by"] == "（需授权查看）"
    assert hidden["steps"][2]["fields"]["findings"] == "无残疾；发育落后：语言"
    refused = _run(tmp_path, "show", child, "--db", db, "--reveal", user=VIEWER)
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "城关派出所" not in refused.stdout
    shown = json.loads(_run(tmp_path, "show", child, "--db", db, "--reveal", "--json").stdout)
    assert shown["steps"][0]["fields"]["brought_by"] == "城关派出所"
    assert shown["steps"][0]["documents"] == ["报案证明"]
    assert shown["steps"][3]["fields"]["family_name"] == "李建国家庭"
    trail = mzdesk("audit", "--db", db, "--json", cwd=tmp_path, user=ADMIN)
    assert trail.returncode == 0, trail.stderr
    reveals = [e for e in json.loads(trail.stdout) if e.get("action") == "reveal"]
    assert {e["table"] for e in reveals} >= {"child_intakes", "child_placements"}

    refused = _run(
        tmp_path,
        "upbringing",
        child,
        "--db",
        db,
        "--arrangement",
        "类家庭养育",
        "--school",
        "未入学",
        user=VIEWER,
    )
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    bad = _run(tmp_path, "place", child, "--db", db, "--kind", "送人", "--family", "x")
    assert bad.returncode != 0 and "家庭寄养、收养、回归家庭、成年安置" in bad.stderr
