"""The 整改通知书 (open hazards only), the report's data, and finding an inspection by a
unique beginning of its id."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mzdesk.core.checklists import shipped_templates
from mzdesk.core.errors import NotFoundError, StateError
from mzdesk.core.vocab import ItemResult, SignerRole
from mzdesk.reports.rectification_notice import write_rectification_notice
from mzdesk.services.inspection_report import find_inspection, inspection_report, notice_report
from tests.helpers.inspecting import answer, begin, close_hazard, sign_and_finish
from tests.helpers.inspection_report import make_inspection
from tests.reports.conftest import flat, fonts, page_count, pdftotext

PRINTED_ON = dt.date(2026, 3, 20)  # before the deadline 2026-04-01
TEMPLATE = next(t for t in shipped_templates() if t.code == "GB38600")


def test_report_data(store, printed):
    report = inspection_report(store, printed.inspection_id, today=PRINTED_ON)
    assert report.institution == "幸福养老院"
    total = len(report.items)
    assert total == len(TEMPLATE.items)
    assert (report.count(ItemResult.PASS), report.count(ItemResult.FAIL)) == (total - 4, 3)
    assert report.count(ItemResult.NOT_APPLICABLE) == 1 and report.count(None) == 0
    sections = list(dict.fromkeys(i.section for i in TEMPLATE.items))
    assert [s for s, _ in report.sections] == sections
    by_code = {i.code: i for i in report.items}
    assert len(by_code["02"].photos) == 2 and len(by_code["01"].photos) == 1
    assert by_code["15"].photos[0].sha256 == printed.missing_sha256
    assert [h.item_code for h in report.hazards] == ["02", "15", "19"]
    assert report.overdue_hazards == 0
    assert [(s.role, s.name) for s in report.signatures] == [
        (SignerRole.INSPECTOR, "王明"),
        (SignerRole.INSPECTOR, "李华"),
        (SignerRole.INSPECTED_HEAD, "刘志强"),
    ]
    assert all(s.image is not None for s in report.signatures)
    later = inspection_report(store, printed.inspection_id, today=dt.date(2026, 4, 2))
    assert later.overdue_hazards == 3  # the deadline day itself is not overdue: 04-02 is


def test_notice_lists_only_the_open_hazards(store, printed, tmp_path):
    first = printed.hazard_ids[0]
    close_hazard(store, first, dt.date(2026, 3, 12), by="王明")
    pdf = tmp_path / "notice.pdf"
    write_rectification_notice(pdf, notice_report(store, printed.inspection_id, today=PRINTED_ON))
    text = flat(pdftotext(pdf))
    assert "安全隐患整改通知书" in text and "幸福养老院：" in text
    assert "发现下列安全隐患2项尚未整改销号" in text
    assert "楼梯口安全警示标识脱落" not in text  # closed: not on the notice
    assert "三楼走廊地面湿滑" in text and "（检查项19）" in text
    assert text.count("2026-04-01") == 2 and "已超期" not in text
    assert "整改要求：" in text and "申请延期" in text
    for line in ("检查人（签名）：", "负责人（签名）：", "签收日期："):
        assert line in text
    assert "第1页共1页" in text and page_count(pdf) == 1
    assert all(font.embedded for font in fonts(pdf))


def test_notice_marks_overdue_and_refuses_when_nothing_is_open(store, printed, tmp_path):
    pdf = tmp_path / "late.pdf"
    write_rectification_notice(
        pdf, notice_report(store, printed.inspection_id, today=dt.date(2026, 4, 20))
    )
    text = flat(pdftotext(pdf))
    assert "截至2026-04-20，其中3项已超过整改期限" in text
    assert text.count("已超期") == 3
    for hazard in printed.hazard_ids:
        close_hazard(store, hazard, dt.date(2026, 3, 12), by="王")
    with pytest.raises(StateError) as refused:
        notice_report(store, printed.inspection_id)
    assert "没有未销号的隐患" in str(refused.value)


def test_find_inspection_by_id_or_unique_beginning(store, home, printed):
    full = printed.inspection_id
    assert find_inspection(store, str(full)) == full
    assert find_inspection(store, str(full).upper()) == full
    assert find_inspection(store, full.hex[:12]) == full
    assert find_inspection(store, str(full)[:13]) == full  # with its hyphen
    other = make_inspection(store, home.id).inspection_id
    common = next(
        n for n in range(32, 0, -1) if full.hex[:n] == other.hex[:n]
    )  # time-ordered ids made together share their beginning
    with pytest.raises(NotFoundError) as several:
        find_inspection(store, full.hex[:common])
    assert "对应 2 条检查记录" in str(several.value)
    assert find_inspection(store, full.hex[: common + 1]) == full
    for key in ("ffffffff", "not-a-hex-id!", "", "0" * 40):
        with pytest.raises(NotFoundError) as missing:
            find_inspection(store, key)
        assert "找不到检查记录" in str(missing.value)


def test_text_that_looks_like_markup_prints_as_typed(store, home, tmp_path):
    from mzdesk.core.checklists import shipped_templates
    from mzdesk.core.vocab import InspectionType
    from mzdesk.reports.inspection_report import write_inspection_report
    from mzdesk.services.inspection_report import file_reader

    template = next(t for t in shipped_templates() if t.code == "GB38600")
    inspection = begin(
        store, home.id, template.id, dt.date(2026, 5, 6), InspectionType.MONTHLY, "张三 & <李四>"
    )
    for n, item in enumerate(template.items):
        result = ItemResult.FAIL if n == 0 else ItemResult.PASS
        answer(store, inspection, item.id, result, "灭火器<2具 & 压力>1MPa" if n == 0 else None)
    sign_and_finish(store, inspection, ["张三 & <李四>"], summary="<b>注意</b> & 其他")
    report_pdf, notice_pdf = tmp_path / "r.pdf", tmp_path / "n.pdf"
    write_inspection_report(report_pdf, inspection_report(store, inspection), file_reader(store))
    write_rectification_notice(notice_pdf, notice_report(store, inspection))
    text = flat(pdftotext(report_pdf))
    assert "<b>注意</b>&其他" in text and "灭火器<2具&压力>1MPa" in text
    assert "张三&<李四>" in flat(pdftotext(notice_pdf))


def test_a_failed_layout_leaves_no_part_file(store, printed, tmp_path, monkeypatch):
    from mzdesk.reports import inspection_report as module

    def broken(self, *args, **kwargs):
        Path(self.filename).write_bytes(b"%PDF-1.4 half")  # part of the file written
        raise RuntimeError("layout failed")

    monkeypatch.setattr(module.SimpleDocTemplate, "build", broken)
    target = tmp_path / "out" / "r.pdf"
    target.parent.mkdir()
    with pytest.raises(RuntimeError):
        module.write_inspection_report(
            target, inspection_report(store, printed.inspection_id), lambda _: None
        )
    assert list(target.parent.iterdir()) == []
