"""``mzdesk print inspection`` and ``mzdesk print notice`` as real processes."""

from __future__ import annotations

from mzdesk.core.checklists import shipped_templates
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.store.engine import open_store
from tests.cli.process import mzdesk
from tests.helpers.actors import SETUP
from tests.helpers.inspection_report import make_inspection
from tests.helpers.tools import flat, pdf_text


def text_of(path) -> str:
    return flat(pdf_text(path))


def test_print_inspection_and_notice(tmp_path):
    db = tmp_path / "p.db"
    store = open_store(db)
    home = create_institution(
        store, SETUP, InstitutionData("幸福养老院", InstitutionKind.NURSING_HOME)
    )
    printed = make_inspection(store, home.id)
    store.close()
    prefix = printed.inspection_id.hex[:20]
    report = tmp_path / "报告.pdf"
    done = mzdesk(
        "print", "inspection", "--db", str(db), "--inspection", prefix, "--out", str(report),
        cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    items = len(next(t for t in shipped_templates() if t.code == "GB38600").items)
    assert "已生成安全检查报告" in done.stdout and f"{items} 个检查项目" in done.stdout
    assert "安全检查报告" in text_of(report) and "照片未同步" in text_of(report)
    notice = tmp_path / "通知书.pdf"
    done = mzdesk(
        "print", "notice", "--db", str(db), "--inspection", str(printed.inspection_id),
        "--out", str(notice), cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "3 项未销号隐患" in done.stdout
    assert "安全隐患整改通知书" in text_of(notice)

    missing = mzdesk(
        "print", "notice", "--db", str(db), "--inspection", "ffff0000", "--out", str(notice),
        cwd=tmp_path,
    )  # fmt: skip
    assert missing.returncode == 1 and "找不到检查记录「ffff0000」" in missing.stderr
    english = mzdesk(
        "--lang", "en", "print", "inspection", "--db", str(db), "--inspection", "nothex",
        "--out", str(report), cwd=tmp_path,
    )  # fmt: skip
    assert english.returncode == 1 and "no inspection 'nothex'" in english.stderr
    nowhere = mzdesk(
        "print", "inspection", "--db", str(db), "--inspection", prefix,
        "--out", str(tmp_path / "no" / "such" / "r.pdf"), cwd=tmp_path,
    )  # fmt: skip
    assert nowhere.returncode == 1 and "Traceback" not in nowhere.stderr
    assert "不存在" in nowhere.stderr
