"""import/export/template of workers, certificates and training ledgers as real processes,
with --institution for sheets without 机构名称."""

import openpyxl

from tests.cli.process import mzdesk
from tests.services.tables.staff import CERT_HEADER, LEDGER_HEADER, PEOPLE, sheet, workers_sheet

USER = ("a", "secret-1")
(A, NA), (B, NB), _ = PEOPLE


def run(tmp_path, *args):
    return mzdesk(*args, "--db", str(tmp_path / "x.db"), cwd=tmp_path, user=USER)


def test_staff_rosters_in_and_out(tmp_path):
    init = mzdesk(
        "init", "--db", str(tmp_path / "x.db"), "--name", "幸福院", "--admin", "a",
        "--password", "secret-1", cwd=tmp_path,
    )  # fmt: skip
    assert init.returncode == 0, init.stderr
    workers_sheet(tmp_path / "w.xlsx")
    assert run(tmp_path, "import", "workers", "w.xlsx").returncode == 0
    certs = [CERT_HEADER, [A, NA, "健康证", None, None, "疾控", "2025-03-05", "长期"]]
    sheet(tmp_path / "c.xlsx", certs)
    unknown = run(tmp_path, "import", "certificates", "c.xlsx", "--institution", "康乐园")
    assert unknown.returncode == 1
    assert "文件: 没有名为「康乐园」的机构" in unknown.stderr
    assert "--skip-invalid" not in unknown.stderr  # skipping rows would not help
    done = run(tmp_path, "import", "certificates", "c.xlsx", "--institution", "幸福院")
    assert done.returncode == 0, done.stderr
    assert "新增1" in done.stdout
    ledger = [
        LEDGER_HEADER,
        ["消防安全", "消防", "2026-03-05", None, "2学时", None, None, A, NA, None],
        ["消防安全", "消防", "2026-03-05", None, "2学时", None, None, B, NB, "七级"],
    ]
    sheet(tmp_path / "t.xlsx", ledger)
    bad = run(tmp_path, "import", "training", "t.xlsx", "--institution", "幸福院")
    assert bad.returncode == 1
    assert "第3行 考核结果: 「七级」不是有效值" in bad.stderr
    skipped = run(
        tmp_path, "import", "training", "t.xlsx", "--institution", "幸福院", "--skip-invalid"
    )
    assert skipped.returncode == 0 and "跳过1行" in skipped.stdout
    for kind in ("certificates", "training"):
        out = run(tmp_path, "export", kind, "--out", f"{kind}.xlsx")
        assert out.returncode == 0, out.stderr
        assert "1" in out.stdout
        again = run(tmp_path, "import", kind, f"{kind}.xlsx")  # the export names its institution
        assert again.returncode == 0 and "新增0" in again.stdout, again.stderr
        assert mzdesk("template", kind, "--out", f"t-{kind}.xlsx", cwd=tmp_path).returncode == 0
    headers = [c.value for c in openpyxl.load_workbook(tmp_path / "t-training.xlsx").active[1]]
    assert headers[1:4] == ["培训主题", "培训类别", "开始日期"]
