"""``mzdesk sample`` and ``mzdesk sample-results`` as real processes."""

import json

import openpyxl

from tests.cli.process import mzdesk
from tests.services.test_sampling import HOMES, by_hand, region_store


def test_sample_json_is_reproducible_prints_its_seed_and_exports(tmp_path):
    region_store(tmp_path / "test.db", list(range(8))).close()
    db = str(tmp_path / "test.db")
    people = ["--inspector", "张三", "--inspector", "李四", "--inspector", "王五"]
    args = ("sample", "--db", db, "--region", "370212", "--institutions", "3", *people)
    first = mzdesk(*args, "--seed", "99", "--json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    body = json.loads(first.stdout)
    assert body["seed"] == "99" and len(body["drawn"]) == 3
    assert set(body["drawn"][0]) == {"institution", "code", "inspectors"}
    names = {code: name for name, code in HOMES}
    expected = by_hand("99", [code for _, code in HOMES[:8]], ["张三", "李四", "王五"], 3)
    assert [(d["code"], d["inspectors"]) for d in body["drawn"]] == expected
    assert [d["institution"] for d in body["drawn"]] == [names[c] for c, _ in expected]
    again = json.loads(mzdesk(*args, "--seed", "99", "--json", cwd=tmp_path).stdout)
    assert again["drawn"] == body["drawn"]

    out = tmp_path / "抽查.xlsx"
    text = mzdesk(*args, "--out", str(out), cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert "随机种子" in text.stdout and "mzdesk sample --region 370212" in text.stdout
    seed = text.stdout.split("随机种子 ")[1].split("，")[0]
    assert seed.isdigit() and len(seed) == 12  # made up, printed
    rows = list(openpyxl.load_workbook(out)["抽查名单"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 3 and all(r[1] in names.values() for r in rows)

    results = mzdesk(
        "sample-results", "--db", db, "--json", "--out", str(tmp_path / "r.xlsx"), cwd=tmp_path
    )
    assert results.returncode == 0, results.stderr
    published = json.loads(results.stdout)
    assert published["seed"] == seed and all(
        r["inspected_on"] is None for r in published["results"]
    )
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["抽查结果公示"]
    assert [r[2] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["未检查"] * 3

    wrong = mzdesk(
        "sample", "--db", db, "--region", "370212", "--institutions", "30", *people, cwd=tmp_path
    )
    assert (
        wrong.returncode == 1 and "抽取机构数：要抽取 30 家，但本区域只有 8 家机构" in wrong.stderr
    )
    assert "Traceback" not in wrong.stderr
    english = mzdesk(
        "--lang",
        "en",
        "sample",
        "--db",
        db,
        "--region",
        "37x",
        "--institutions",
        "1",
        *people,
        cwd=tmp_path,
    )
    assert (
        english.returncode == 1
        and "region code" in english.stderr
        and "Traceback" not in english.stderr
    )
