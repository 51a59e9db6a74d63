"""``mzdesk checklists`` as a real process: list, show, copy, export, publish, import."""

from __future__ import annotations

import json

from tests.cli.process import mzdesk


def test_list_show_copy_export_publish_import(store, home, tmp_path):
    db = str(tmp_path / "test.db")
    listed = mzdesk("checklists", "list", "--db", db, "--json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    codes = {(t["code"], t["status"]) for t in json.loads(listed.stdout)}
    # a nursing home sees its kind's templates and the patrol, not the children's home's
    assert codes == {
        ("GB38600", "shipped"),
        ("YLJG-XF", "shipped"),
        ("YLJG-ZDYH", "shipped"),
        ("FHXC", "shipped"),
    }
    shown = mzdesk("checklists", "show", "gb38600", "--db", db, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "【服务防护（九防）】" in shown.stdout and "6.1（未核实）" in shown.stdout

    copied = mzdesk("checklists", "copy", "GB38600", "--db", db, cwd=tmp_path)
    assert copied.returncode == 0 and "2019.1\t草稿" in copied.stdout, copied.stderr
    again = mzdesk("checklists", "show", "GB38600", "--db", db, cwd=tmp_path)
    assert again.returncode == 1 and "多个检查表" in again.stderr

    out = tmp_path / "gb.json"
    exported = mzdesk(
        "checklists", "export", "GB38600", "2019.1", "--db", db, "--out", str(out), cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    published = mzdesk("checklists", "publish", "GB38600", "2019.1", "--db", db, cwd=tmp_path)
    assert published.returncode == 0 and "已发布" in published.stdout, published.stderr

    raw = json.loads(out.read_text(encoding="utf-8"))
    raw["version"] = "2027"
    raw["items"][2]["severity"] = "很严重"
    out.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    refused = mzdesk("checklists", "import", str(out), "--db", db, cwd=tmp_path)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert (
        "gb.json：第3项（编号 03）的「严重程度」应为 一般 / 重大隐患（「很严重」）"
        in refused.stderr
    )
    english = mzdesk("--lang", "en", "checklists", "import", str(out), "--db", db, cwd=tmp_path)
    assert "item 3 (code 03), 'severity' must be 一般 / 重大隐患" in english.stderr

    raw["items"][2]["severity"] = "一般"
    out.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    imported = mzdesk("checklists", "import", str(out), "--db", db, cwd=tmp_path)
    assert imported.returncode == 0 and "2027（草稿，30项）" in imported.stdout, imported.stderr
    final = json.loads(mzdesk("checklists", "list", "--db", db, "--json", cwd=tmp_path).stdout)
    assert [(t["version"], t["status"]) for t in final if t["code"] == "GB38600"] == [
        ("2027", "draft"),
        ("2019.1", "published"),
        ("2019", "shipped"),
    ]
