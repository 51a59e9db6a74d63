"""A finished inspection corrected by an amendment (更正) prints the results in force, the
amended items marked, the status 已更正 and a 更正记录 of each amendment; a draft's status says
草稿 once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

from mzdesk.core.checklists import shipped_templates
from mzdesk.core.vocab import InspectionStatus, InspectionType, ItemResult
from mzdesk.reports.amendments import result_text
from mzdesk.reports.inspection_report import ITEM_WIDTHS, write_inspection_report
from mzdesk.reports.pages import report_font
from mzdesk.reports.rectification_notice import write_rectification_notice
from mzdesk.services.inspecting.finish import ItemCorrection, amend_inspection
from mzdesk.services.inspection_report import file_reader, inspection_report, notice_report
from tests.helpers.actors import SETUP
from tests.helpers.inspecting import answer, begin
from tests.reports.conftest import flat, pdftotext

PRINTED_ON = dt.date(2026, 4, 20)
TEMPLATE = next(t for t in shipped_templates() if t.code == "GB38600")
ITEM_02 = next(i for i in TEMPLATE.items if i.code == "02")


def amend_02(store, inspection_id) -> None:
    amend_inspection(
        store, SETUP, inspection_id, [ItemCorrection(ITEM_02.id, ItemResult.PASS, None)], "复核误判"
    )


def test_the_report_data_holds_the_results_in_force_and_the_amendments(store, home, printed):
    amend_02(store, printed.inspection_id)
    report = inspection_report(store, printed.inspection_id, today=PRINTED_ON)
    item = next(i for i in report.items if i.code == "02")
    assert (item.result, item.original, item.note) == (ItemResult.PASS, ItemResult.FAIL, None)
    assert report.amended and report.count(ItemResult.FAIL) == 2
    (amendment,) = report.amendments
    assert (amendment.reason, amendment.amended_by) == ("复核误判", SETUP.name)
    ((code, old, new),) = [(c.code, c.old, c.new) for c in amendment.changes]
    assert (code, old, new) == ("02", ItemResult.FAIL, ItemResult.PASS)
    unchanged = next(i for i in report.items if i.code == "15")
    assert unchanged.original is None and unchanged.result is ItemResult.FAIL


def test_the_printed_report_shows_the_amended_results_status_and_record(
    store, home, printed, tmp_path: Path
):
    amend_02(store, printed.inspection_id)
    report = inspection_report(store, printed.inspection_id, today=PRINTED_ON)
    pdf = tmp_path / "amended.pdf"
    write_inspection_report(pdf, report, file_reader(store))
    text = flat(pdftotext(pdf))
    assert report.status is InspectionStatus.COMPLETED
    assert "状态已更正" in text and "状态已完成" not in text
    assert "不合格→合格（更正）" in text
    total = len(TEMPLATE.items)
    assert flat(f"项数 {total - 3} 2 1 {total}") in text  # 合格 不合格 不适用 合计
    assert "更正记录" in text and "复核误判" in text
    assert flat(f"{SETUP.name}") in text
    assert flat("02 不合格→合格") in text  # the record names the item, old → new


def test_a_draft_says_draft_once(store, home, tmp_path: Path):
    inspection = begin(
        store, home.id, TEMPLATE.id, dt.date(2026, 5, 6), InspectionType.SELF_DAILY, "张三"
    )
    answer(store, inspection, TEMPLATE.items[0].id, ItemResult.FAIL, "灭火器过期")
    pdf = tmp_path / "draft.pdf"
    write_inspection_report(
        pdf, inspection_report(store, inspection, today=PRINTED_ON), file_reader(store)
    )
    text = flat(pdftotext(pdf))
    assert text.count("草稿") == 1, text[:400]
    assert "检查尚未完成" in text


def test_a_failure_amended_away_leaves_the_notice_and_shows_withdrawn_in_the_report(
    store, home, printed, tmp_path: Path
):
    amend_02(store, printed.inspection_id)
    notice = notice_report(store, printed.inspection_id, today=PRINTED_ON)
    assert [h.item_code for h in notice.open_hazards] == ["15", "19"]
    pdf = tmp_path / "notice.pdf"
    write_rectification_notice(pdf, notice)
    text = flat(pdftotext(pdf))
    assert "楼梯口安全警示标识脱落" not in text and "发现下列安全隐患2项" in text
    pdf = tmp_path / "report.pdf"
    write_inspection_report(
        pdf, inspection_report(store, printed.inspection_id, today=PRINTED_ON), file_reader(store)
    )
    text = flat(pdftotext(pdf))
    assert text.count("已销号更正撤销") == 1
    assert flat("项数 3 0 2 2") in text  # 一般 重大 未销号 已超期


def test_an_amended_result_fits_its_column(store, home, printed):
    amend_02(store, printed.inspection_id)
    report = inspection_report(store, printed.inspection_id, today=PRINTED_ON)
    item = next(i for i in report.items if i.code == "02")
    font = report_font()
    room = ITEM_WIDTHS[2] - 12  # reportlab's cell padding, 6 pt a side
    assert all(stringWidth(line, font, 9) <= room for line in result_text(item).split("\n"))
