"""The inspection report (安全检查报告): A4 PDF with the embedded CJK font — header, summary
counts, every item by section with its result, note and photo thumbnails, the hazards with
their deadlines (overdue marked), the signatures, and "第 x 页 共 y 页" on every page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from mzdesk.core.vocab import (
    HazardLevel,
    HazardStatus,
    InspectionState,
    InspectionStatus,
    ItemResult,
)
from mzdesk.reports.amendments import amendments_table, result_text
from mzdesk.reports.pages import (
    HEAD,
    MARGIN,
    PALE_RED,
    RED,
    WIDTH,
    grid_style,
    lines,
    numbered_canvas,
    report_font,
)
from mzdesk.reports.pictures import Picture, load_pictures, picture
from mzdesk.services.inspection_report import InspectionReport, ReportItem
from mzdesk.store.files import SealedCache

Reader = Callable[[str], bytes | None]  # sha256 → the file's bytes, None when not on this device

PHOTO_BOX = (38 * mm, 28 * mm)
PHOTO_PIXELS = 400  # 38 mm at ~270 dpi
SIGNATURE_PIXELS = 600
PHOTOS_PER_ROW = 4
SIGNATURE_BOX = (45 * mm, 16 * mm)
ITEM_WIDTHS = (16 * mm, 92 * mm, 17 * mm, 45 * mm)
HAZARD_WIDTHS = (9 * mm, 58 * mm, 13 * mm, 34 * mm, 16 * mm, 22 * mm, 18 * mm)
LEVEL_SHORT = {HazardLevel.ORDINARY: "一般", HazardLevel.MAJOR: "重大"}
RESULT_COLOURS = {
    ItemResult.FAIL: RED,
    ItemResult.PASS: colors.HexColor("#2e7d32"),
    ItemResult.NOT_APPLICABLE: colors.HexColor("#666666"),
}


def styles(font: str) -> dict[str, ParagraphStyle]:
    return {
        "title": ParagraphStyle(
            "title", fontName=font, fontSize=18, leading=26, alignment=1, spaceAfter=2
        ),
        "subtitle": ParagraphStyle("sub", fontName=font, fontSize=11, leading=16, alignment=1),
        "h": ParagraphStyle("h", fontName=font, fontSize=12, leading=18, spaceBefore=8),
        "body": ParagraphStyle("b", fontName=font, fontSize=10, leading=15, wordWrap="CJK"),
        "small": ParagraphStyle(
            "s", fontName=font, fontSize=8, leading=11, textColor=colors.grey, wordWrap="CJK"
        ),
    }


def header_table(report: InspectionReport, font: str) -> Table:
    """被检查单位, 日期, 类型, 检查表 and version, 依据, 检查人, 状态 as a two-by-n grid."""
    status = InspectionState.AMENDED.zh if report.amended else report.status.zh
    if report.status is InspectionStatus.COMPLETED and report.completed_at:
        status += f"（{report.completed_at.date().isoformat()} 完成"
        if report.amended:
            status += f"，{report.amendments[-1].amended_at.date().isoformat()} 更正"
        status += "）"
    elif report.status is InspectionStatus.IN_PROGRESS:
        status += "（检查尚未完成）"
    value = WIDTH - 28 * mm
    rows = [
        ("被检查单位", report.institution + (f"（{report.address}）" if report.address else "")),
        ("检查日期", report.inspected_on.isoformat()),
        ("检查类型", report.inspection_type.zh),
        (
            "检查表",
            f"{report.template_title}（{report.template_code}，版本 {report.template_version}）",
        ),
        ("依据", report.template_basis),
        ("检查人", report.inspectors),
        ("状态", status),
    ]
    table = Table([(k, lines(v, font, 10, value)) for k, v in rows], colWidths=(28 * mm, value))
    table.setStyle(TableStyle([*grid_style(font, 10), ("BACKGROUND", (0, 0), (0, -1), HEAD)]))
    return table


def summary_table(report: InspectionReport, font: str) -> Table:
    counts = [
        report.count(ItemResult.PASS),
        report.count(ItemResult.FAIL),
        report.count(ItemResult.NOT_APPLICABLE),
    ]
    unanswered = report.count(None)
    head = ["合格", "不合格", "不适用", *(["未检查"] if unanswered else []), "合计"]
    numbers = [*counts, *([unanswered] if unanswered else []), len(report.items)]
    hazard_head = ["一般隐患", "重大隐患", "未销号", "已超期"]
    hazard_numbers = [
        report.hazards_of(HazardLevel.ORDINARY),
        report.hazards_of(HazardLevel.MAJOR),
        len(report.open_hazards),
        report.overdue_hazards,
    ]
    rows = [
        ["检查项目", *head],
        ["项数", *map(str, numbers)],
        ["隐患", *hazard_head],
        ["项数", *map(str, hazard_numbers)],
    ]
    for row in rows:
        row += [""] * (len(head) + 1 - len(row))
    table = Table(rows, colWidths=[20 * mm] + [(WIDTH - 20 * mm) / len(head)] * len(head))
    style = [
        *grid_style(font, 10),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD),
        ("BACKGROUND", (0, 2), (-1, 2), HEAD),
    ]
    if counts[1]:
        style.append(("TEXTCOLOR", (2, 1), (2, 1), RED))
    if report.overdue_hazards:
        style.append(("TEXTCOLOR", (4, 3), (4, 3), RED))
    table.setStyle(TableStyle(style))
    return table


def photo_grid(item: ReportItem, shown: dict[str, Picture], font: str) -> Table:
    cells: list[Any] = [
        picture(
            shown[ref.sha256], PHOTO_BOX, missing="照片未同步", broken="照片无法显示", font=font
        )
        for ref in item.photos
    ]
    rows = [cells[i : i + PHOTOS_PER_ROW] for i in range(0, len(cells), PHOTOS_PER_ROW)]
    rows[-1] += [""] * (PHOTOS_PER_ROW - len(rows[-1]))
    grid = Table(rows, colWidths=[PHOTO_BOX[0] + 1 * mm] * PHOTOS_PER_ROW)
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),  # the blank cells too: never Helvetica
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return grid


def section_table(items: list[ReportItem], shown: dict[str, Picture], font: str) -> Table:
    """One section's items: 编号, 检查内容, 结果, 说明, and under an item with photos a row of
    thumbnails across the last three columns."""
    rows: list[list[Any]] = [["编号", "检查内容", "结果", "说明"]]
    style: list[tuple[Any, ...]] = [
        *grid_style(font, 9),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD),
        ("ALIGN", (2, 0), (2, -1), "CENTER"),
    ]
    for item in items:
        text = item.text + ("【重大隐患判定项】" if item.major_hazard else "")
        if item.basis:
            text += f"（{item.basis}）"
        elif item.clause_unverified:
            text += "（条款待核实）"
        rows.append(
            [
                item.code,
                lines(text, font, 9, ITEM_WIDTHS[1]),
                result_text(item),
                lines(item.note, font, 9, ITEM_WIDTHS[3]),
            ]
        )
        row = len(rows) - 1
        if item.result in RESULT_COLOURS:
            style.append(("TEXTCOLOR", (2, row), (2, row), RESULT_COLOURS[item.result]))
        if item.result is ItemResult.FAIL:
            style.append(("BACKGROUND", (0, row), (-1, row), PALE_RED))
        if item.photos:
            rows.append(["", photo_grid(item, shown, font), "", ""])
            photo_row = len(rows) - 1
            style += [
                ("SPAN", (1, photo_row), (3, photo_row)),
                ("SPAN", (0, row), (0, photo_row)),
                ("LEFTPADDING", (1, photo_row), (1, photo_row), 0),
            ]
    table = Table(rows, colWidths=ITEM_WIDTHS, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(style))
    return table


def hazards_table(report: InspectionReport, font: str, *, open_only: bool = False) -> Table:
    """序号, 隐患描述, 等级, 整改措施, 责任人, 整改期限, 状态; an overdue row in red."""
    rows: list[list[Any]] = [["序号", "隐患描述", "等级", "整改措施", "责任人", "整改期限", "状态"]]
    style: list[tuple[Any, ...]] = [
        *grid_style(font, 8.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
    ]
    hazards = report.open_hazards if open_only else report.hazards
    for n, h in enumerate(hazards, 1):
        overdue = h.overdue(report.printed_on)
        description = h.description + (f"（检查项 {h.item_code}）" if h.item_code else "")
        status = h.status.zh
        if h.withdrawn:
            status += "\n更正撤销"
        elif h.status is HazardStatus.CLOSED and h.rechecked_on:
            status += f"\n{h.rechecked_on.isoformat()}"
        rows.append(
            [
                str(n),
                lines(description, font, 8.5, HAZARD_WIDTHS[1]),
                LEVEL_SHORT[h.level],
                lines(h.measure or "按检查项目要求整改", font, 8.5, HAZARD_WIDTHS[3]),
                lines(h.responsible_person or "", font, 8.5, HAZARD_WIDTHS[4]),
                h.deadline.isoformat() + ("\n已超期" if overdue else ""),
                status,
            ]
        )
        row = len(rows) - 1
        if h.level is HazardLevel.MAJOR:
            style.append(("TEXTCOLOR", (2, row), (2, row), RED))
        if overdue:
            style += [
                ("BACKGROUND", (0, row), (-1, row), PALE_RED),
                ("TEXTCOLOR", (5, row), (5, row), RED),
            ]
    table = Table(rows, colWidths=HAZARD_WIDTHS, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(style))
    return table


def signatures_block(report: InspectionReport, shown: dict[str, Picture], font: str) -> Table:
    """Each signer: role, name, the stroke image, the date; blank lines to sign by hand when
    the inspection was not signed in the app."""
    rows: list[list[Any]] = [["签名人", "姓名", "签名", "日期"]]
    for s in report.signatures:
        image = (
            picture(
                shown[s.image.sha256],
                SIGNATURE_BOX,
                missing="签名未同步",
                broken="签名无法显示",
                font=font,
            )
            if s.image
            else "（未留签名图像）"
        )
        rows.append([s.role.zh, s.name, image, s.signed_at.date().isoformat()])
    if not report.signatures:
        rows += [["检查人", "", "", ""], ["被检查单位负责人", "", "", ""]]
    table = Table(
        rows,
        colWidths=(36 * mm, 34 * mm, 62 * mm, 38 * mm),
        rowHeights=[None] + [SIGNATURE_BOX[1] + 4 * mm] * (len(rows) - 1),
    )
    table.setStyle(
        TableStyle(
            [
                *grid_style(font, 10),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD),
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                ("ALIGN", (2, 1), (2, -1), "CENTER"),
            ]
        )
    )
    return table


def document(path: Path, title: str, font: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="mzdesk",
        initialFontName=font,  # else each page's preamble names Helvetica, never embedded
    )


def prepare_photos(sha256s: Iterable[str], read: Reader, thumbnails: SealedCache) -> None:
    """Make the small copies a printed report draws, when a photo is added: decoding a phone
    photo is most of a first print's time (see benchmarks/inspection_report.py)."""
    load_pictures([(sha256, PHOTO_PIXELS, False) for sha256 in sha256s], read, thumbnails)


def write_inspection_report(
    path: Path, report: InspectionReport, read: Reader, thumbnails: SealedCache | None = None
) -> None:
    """Write the report to ``path`` (through a temporary file beside it); the photos' small
    copies are kept in ``thumbnails`` for the next print (none: made afresh each time)."""
    font = report_font()
    st = styles(font)
    shown = load_pictures(
        [
            *((ref.sha256, PHOTO_PIXELS, False) for item in report.items for ref in item.photos),
            *((s.image.sha256, SIGNATURE_PIXELS, True) for s in report.signatures if s.image),
        ],
        read,
        thumbnails,
    )
    story: list[Any] = [
        Paragraph("安全检查报告", st["title"]),
        Paragraph(escape(report.institution), st["subtitle"]),
        Spacer(1, 4 * mm),
        header_table(report, font),
        Paragraph("一、检查结果汇总", st["h"]),
        summary_table(report, font),
    ]
    if report.summary:
        story += [Spacer(1, 2 * mm), Paragraph("检查意见：" + escape(report.summary), st["body"])]
    story.append(Paragraph("二、检查项目", st["h"]))
    for number, (section, items) in enumerate(report.sections, 1):
        story += [
            CondPageBreak(30 * mm),
            Paragraph(f"{number}. {escape(section)}", st["body"]),
            Spacer(1, 1 * mm),
            section_table(items, shown, font),
            Spacer(1, 2 * mm),
        ]
    numbers = iter("三四五")
    if report.amended:
        story += [
            Paragraph(f"{next(numbers)}、更正记录", st["h"]),
            amendments_table(report, font),
        ]
    story.append(Paragraph(f"{next(numbers)}、隐患及整改期限", st["h"]))
    if report.hazards:
        story.append(hazards_table(report, font))
    else:
        story.append(Paragraph("本次检查未发现隐患。", st["body"]))
    signed = Paragraph(f"{next(numbers)}、签名", st["h"])
    story += [
        KeepTogether([signed, signatures_block(report, shown, font)]),
        Spacer(1, 3 * mm),
        Paragraph(
            f"检查记录编号 {report.inspection_id}；打印日期 {report.printed_on.isoformat()}。"
            "隐患以打印日期判断是否超期。",
            st["small"],
        ),
    ]
    title = f"{report.institution} 安全检查报告 {report.inspected_on.isoformat()}"
    footer = f"{report.institution} · {report.inspected_on.isoformat()}"
    build(path, title, font, story, footer, report.printed_on)


def build(
    path: Path, title: str, font: str, story: list[Any], footer: str, printed_on: dt.date
) -> None:
    """Lay ``story`` out into ``path`` through a temporary file beside it (removed when the
    layout fails: no half-written PDF is left behind)."""
    tmp = path.with_name(path.name + ".part")
    try:
        document(tmp, title, font).build(
            story, canvasmaker=numbered_canvas(font, footer, f"打印于 {printed_on.isoformat()}")
        )
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
