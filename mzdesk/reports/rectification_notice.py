"""安全隐患整改通知书: to the inspected home, the open hazards of one inspection with their
deadlines and what to do, and lines to sign (the issuer, and the home's head on receipt).
A4, embedded CJK font, "第 x 页 共 y 页" on every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from mzdesk.core.vocab import HazardLevel
from mzdesk.reports.inspection_report import build, hazards_table, styles
from mzdesk.reports.pages import WIDTH, report_font
from mzdesk.services.inspection_report import InspectionReport

REQUIREMENTS = (
    "请你单位主要负责人组织落实整改，明确整改责任人和措施，在整改期限内完成整改。",
    "重大隐患在整改完成前，应当采取停用、隔离、专人值守等防范措施，确保老年人、儿童和工作人员安全。",
    "整改完成后，请将整改情况（附整改前后照片等凭证）书面报送检查单位，申请复查；复查合格后予以销号。",
    "确因客观原因不能按期完成整改的，应在期限届满前说明理由，申请延期。",
    "逾期未整改或整改不到位的，将依照有关法律法规和规定处理。",
)


def notice_number(report: InspectionReport) -> str:
    """A reference printed on the notice: the inspection's year and the end of its id (the
    start of a time-ordered id is the same for inspections entered the same minute)."""
    return f"整改〔{report.inspected_on.year}〕{report.inspection_id.hex[-8:].upper()}号"


def signature_lines(font: str) -> Table:
    rows = [
        ["检查单位（盖章）：", "", "被检查单位（签收）：", ""],
        ["检查人（签名）：", "", "负责人（签名）：", ""],
        ["日期：", "", "签收日期：", ""],
    ]
    table = Table(
        rows,
        colWidths=(32 * mm, 50 * mm, 36 * mm, WIDTH - 118 * mm),
        rowHeights=[12 * mm] * len(rows),
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 10),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, "#333333"),
                ("LINEBELOW", (3, 0), (3, -1), 0.6, "#333333"),
            ]
        )
    )
    return table


def write_rectification_notice(path: Path, report: InspectionReport) -> None:
    """Write the notice for the report's open hazards to ``path`` (through a temporary
    file beside it). The caller makes sure there are open hazards (``notice_report``)."""
    font = report_font()
    st = styles(font)
    body = ParagraphStyle("nb", parent=st["body"], fontSize=11, leading=19, firstLineIndent=22)
    open_hazards = report.open_hazards
    major = sum(1 for h in open_hazards if h.level is HazardLevel.MAJOR)
    overdue = sum(1 for h in open_hazards if h.overdue(report.printed_on))
    counted = f"{len(open_hazards)}项" + (f"（其中重大隐患{major}项）" if major else "")
    story: list[Any] = [
        Paragraph("安全隐患整改通知书", st["title"]),
        Paragraph(notice_number(report), st["subtitle"]),
        Spacer(1, 6 * mm),
        Paragraph(
            f"{escape(report.institution)}：",
            ParagraphStyle("to", parent=st["body"], fontSize=11, leading=19),
        ),
        Paragraph(
            f"{report.inspected_on.year}年{report.inspected_on.month}月{report.inspected_on.day}日，"
            f"{escape(report.inspectors)}依据《{escape(report.template_title)}》"
            f"（{escape(report.template_basis)}）"
            f"对你单位进行了{report.inspection_type.zh}，发现下列安全隐患{counted}尚未整改销号。"
            "现通知你单位按下表所列整改措施和期限落实整改。",
            body,
        ),
    ]
    if overdue:
        story.append(
            Paragraph(
                f"截至{report.printed_on.isoformat()}，其中{overdue}项已超过整改期限，请立即整改。",
                ParagraphStyle("od", parent=body, textColor="#b3261e"),
            )
        )
    story += [
        Spacer(1, 3 * mm),
        hazards_table(report, font, open_only=True),
        Spacer(1, 4 * mm),
        Paragraph("整改要求：", ParagraphStyle("rq", parent=st["body"], fontSize=11, leading=19)),
        *(Paragraph(f"{n}. {text}", body) for n, text in enumerate(REQUIREMENTS, 1)),
        Spacer(1, 8 * mm),
        KeepTogether([signature_lines(font)]),
        Spacer(1, 6 * mm),
        Paragraph(
            f"本通知书一式两份，检查单位和被检查单位各执一份。检查记录编号 {report.inspection_id}；"
            f"打印日期 {report.printed_on.isoformat()}。",
            st["small"],
        ),
    ]
    title = f"{report.institution} 安全隐患整改通知书 {report.inspected_on.isoformat()}"
    footer = f"{report.institution} · 安全隐患整改通知书"
    build(path, title, font, story, footer, report.printed_on)
