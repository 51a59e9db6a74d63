"""The inspection report PDF, read back with poppler (pdftotext, pdffonts, pdfimages) and
rendered to PNG (the pages were also looked at: see the report of issue 12 part E)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PIL import Image

from mzdesk.core.checklists import shipped_templates
from mzdesk.core.vocab import AttachmentKind, InspectionType, ItemResult
from mzdesk.reports.inspection_report import write_inspection_report
from mzdesk.services.attachments import FileRef, add_attachment
from mzdesk.services.inspection_report import file_reader, inspection_report
from tests.helpers.actors import SETUP
from tests.helpers.inspecting import answer, begin, sign_and_finish
from tests.helpers.inspection_report import FAILED
from tests.reports.conftest import flat, fonts, images, page_count, pdftotext, render

PRINTED_ON = dt.date(2026, 4, 20)  # the hazards' deadline 2026-04-01 has passed
TEMPLATE = next(t for t in shipped_templates() if t.code == "GB38600")
KEEP = os.environ.get("MZDESK_KEEP_PDF")  # a folder to keep the PDFs and PNGs in, to look at


def out_dir(tmp_path: Path) -> Path:
    folder = Path(KEEP) if KEEP else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write(store, inspection_id, path: Path) -> Path:
    report = inspection_report(store, inspection_id, today=PRINTED_ON)
    write_inspection_report(path, report, file_reader(store))
    return path


def test_report_reads_back_header_items_hazards_signatures_and_page_numbers(
    store, home, printed, tmp_path
):
    pdf = write(store, printed.inspection_id, out_dir(tmp_path) / "inspection.pdf")
    text = flat(pdftotext(pdf))
    for expected in (
        "安全检查报告",
        "幸福养老院",
        "2026-03-02",
        "上级检查",
        flat(f"{TEMPLATE.title}（{TEMPLATE.code}，版本 {TEMPLATE.version}）"),
        flat("检查人 王明、李华"),
        "总体较好，三项需整改。",
    ):
        assert expected in text, expected
    # the summary: 3 不合格, 1 不适用, the rest 合格; 3 一般隐患, all open and overdue
    total = len(TEMPLATE.items)
    assert flat(f"项数 {total - 4} 3 1 {total}") in text
    assert flat("项数 3 0 3 3") in text
    for item in TEMPLATE.items:
        assert flat(item.code + item.text) in text, item.code
        if item.basis is None and item.clause_unverified:
            assert flat(item.text + "（条款待核实）") in text
    for number, section in enumerate(dict.fromkeys(i.section for i in TEMPLATE.items), 1):
        assert f"{number}.{section}" in text
    for note in (n for n in FAILED.values() if n):
        assert note in text
    assert "无噎食风险老人" in text
    # the hazards table: each failed item's hazard with its deadline, marked overdue
    assert text.count("2026-04-01已超期") == 3
    assert (
        flat("在醒目位置设置安全警示标识，标识清晰、完好（楼梯口安全警示标识脱落）（检查项02）")
        in text
    )
    assert "刘志强" in text
    # signatures: both roles, names and the day they signed
    assert flat("检查人 王明") in text and flat("被检查单位负责人 刘志强") in text
    assert "照片未同步" in text and "签名未同步" not in text
    pages = page_count(pdf)
    assert pages >= 2
    for page in range(1, pages + 1):
        assert f"第{page}页共{pages}页" in flat(pdftotext(pdf, page))


def test_fonts_embedded_and_pictures_scaled_down(store, home, printed, tmp_path):
    pdf = write(store, printed.inspection_id, out_dir(tmp_path) / "inspection.pdf")
    listed = fonts(pdf)
    assert listed and all(font.embedded for font in listed), listed
    assert not any("Helvetica" in font.name for font in listed)
    drawn = images(pdf)
    # three photos on this device (one twice), the lost one as a box; three signature strokes
    assert len(drawn) == 6, drawn
    assert all(max(w, h) <= 600 for w, h in drawn)  # 1600×1200 camera photos, shrunk
    assert drawn.count((400, 300)) == 3  # the photos, shrunk to 400 wide


def test_the_photos_and_signatures_are_on_the_pages(store, home, printed, tmp_path):
    folder = out_dir(tmp_path)
    pdf = write(store, printed.inspection_id, folder / "inspection.pdf")
    colours = set()
    for page in range(1, page_count(pdf) + 1):
        with Image.open(render(pdf, page, folder, dpi=150)) as image:
            colours |= {c for _, c in image.convert("RGB").getcolors(1 << 20) or []}

    def near(rgb: tuple[int, int, int]) -> bool:
        return any(sum(abs(a - b) for a, b in zip(c, rgb, strict=True)) < 30 for c in colours)

    assert near((0xC0, 0x39, 0x2B))  # the red photo of item 02
    assert near((0x24, 0x71, 0xA3))  # the blue one (items 01 and 02)
    assert not near((0x27, 0xAE, 0x60))  # the green one never reached this device
    assert near((10, 20, 60))  # the signature strokes


def test_a_draft_prints_unanswered_items_and_blank_signature_lines(store, home, tmp_path):
    inspection = begin(
        store, home.id, TEMPLATE.id, dt.date(2026, 5, 6), InspectionType.SELF_DAILY, "张三"
    )
    answer(store, inspection, TEMPLATE.items[0].id, ItemResult.FAIL, "灭火器过期")
    pdf = write(store, inspection, out_dir(tmp_path) / "draft.pdf")
    text = flat(pdftotext(pdf))
    assert "草稿" in text and "日常自查" in text
    assert text.count("未检查") == len(TEMPLATE.items) - 1 + 1  # each item, and the summary
    assert "本次检查未发现隐患。" in text  # a draft has opened no hazard yet
    assert flat("签名人 姓名 签名 日期 检查人 被检查单位负责人") in text


def test_a_photo_file_that_is_not_an_image_prints_a_box(store, home, tmp_path):
    inspection = begin(
        store, home.id, TEMPLATE.id, dt.date(2026, 5, 6), InspectionType.MONTHLY, "张三"
    )
    answer(store, inspection, TEMPLATE.items[0].id, ItemResult.PASS)
    junk = b"\x89PNG\r\n\x1a\n" + b"not really" * 50  # arrived by sync, never checked here
    ref = FileRef(store.files.put(junk), len(junk), "image/png")
    report = inspection_report(store, inspection)
    with store.write(SETUP) as session:
        from mzdesk.store.models import InspectionResult

        result = session.query(InspectionResult).filter_by(inspection_id=inspection).one()
        add_attachment(
            session,
            institution_id=home.id,
            owner_table="inspection_results",
            owner_id=result.id,
            ref=ref,
            kind=AttachmentKind.PHOTO,
        )
    report = inspection_report(store, inspection)
    assert [len(i.photos) for i in report.items][:2] == [1, 0]
    pdf = out_dir(tmp_path) / "junk.pdf"
    write_inspection_report(pdf, report, file_reader(store))
    assert "照片无法显示" in flat(pdftotext(pdf))
    assert images(pdf) == []


def test_notes_taller_than_a_page_split_across_pages(store, home, tmp_path):
    """A note as long as the store allows makes a table row taller than a page: the row is
    split between pages (reportlab cannot print a row that does not fit), nothing is lost
    and nothing runs into the footer."""
    from mzdesk.reports.rectification_notice import write_rectification_notice
    from mzdesk.services.inspection_report import notice_report

    inspection = begin(
        store, home.id, TEMPLATE.id, dt.date(2026, 5, 6), InspectionType.MONTHLY, "张三"
    )
    for n, item in enumerate(TEMPLATE.items[:4]):
        note = "消防通道堆放杂物，" * 195 + f"第{n}条说明完"  # ~1,800 characters
        answer(store, inspection, item.id, ItemResult.FAIL, note)
    for item in TEMPLATE.items[4:]:
        answer(store, inspection, item.id, ItemResult.PASS)
    sign_and_finish(store, inspection, ["张三"])
    folder = out_dir(tmp_path)
    pdf = write(store, inspection, folder / "long-notes.pdf")
    text = flat(pdftotext(pdf))
    for n in range(4):
        assert f"第{n}条说明完" in text
    pages = page_count(pdf)
    assert pages >= 8
    assert f"第{pages}页共{pages}页" in flat(pdftotext(pdf, pages))
    notice = folder / "long-notice.pdf"
    write_rectification_notice(notice, notice_report(store, inspection, today=PRINTED_ON))
    assert all(f"第{n}条说明完" in flat(pdftotext(notice)) for n in range(4))
    # nothing drawn below the bottom margin but the footer: the rows stop above it
    for number in range(1, pages + 1):
        with Image.open(render(pdf, number, folder, dpi=72)) as page:
            grey = page.convert("L")
            width, height = grey.size
            mm = 72 / 25.4
            band = grey.crop((0, height - int(17 * mm), width, height - int(14 * mm)))
            assert band.getextrema()[0] > 200, number  # above the footer: blank


def test_more_photos_than_a_page_holds_continue_on_the_next(store, home, printed, tmp_path):
    from mzdesk.services.attachments import store_file
    from mzdesk.store.models import InspectionResult
    from tests.helpers.inspection_report import photo

    refs = [store_file(store, photo(f"#{n * 5:02x}3050", str(n), (640, 480))) for n in range(44)]
    with store.write(SETUP) as session:
        result = (
            session.query(InspectionResult).filter_by(inspection_id=printed.inspection_id).first()
        )
        for ref in refs:
            add_attachment(
                session,
                institution_id=home.id,
                owner_table="inspection_results",
                owner_id=result.id,
                ref=ref,
                kind=AttachmentKind.PHOTO,
            )
    pdf = write(store, printed.inspection_id, out_dir(tmp_path) / "many-photos.pdf")
    assert len(images(pdf)) == 6 + 44  # 11 rows of 4: taller than a page, split between two
    assert page_count(pdf) >= 4
