"""The care-worker training part of the statistics report: the two rates with their counts
(and per institution for a region) in the PDF, and a sheet of numbers in the workbook."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from mzdesk.services.tables.sheet_rows import append_row
from mzdesk.stats.beds.figures import Ratio
from mzdesk.stats.training import TrainingFigures

LISTED = 40  # names printed behind a gap before "等N人"


def rate_rows(f: TrainingFigures) -> list[tuple[str, str, str, str]]:
    """(指标, 数值, 分子, 分母) for the page and the PDF."""

    def ratio(name: str, r: Ratio) -> tuple[str, str, str, str]:
        return (name, r.pct, str(r.numerator), str(r.denominator))

    return [
        ("在职护理员（人）", str(f.active_care_workers), "", ""),
        ratio("岗前培训率", f.prejob_rate),
        ratio("持证上岗率", f.certified_rate),
        (
            f"{f.as_of.year}年人均培训学时",
            str(f.average_hours),
            str(f.hours_total),
            str(f.active_care_workers),
        ),
        ("60天内到期的证书（本）", str(len(f.expiring_certificates)), "", ""),
    ]


def institution_rows(f: TrainingFigures) -> list[tuple[str, str, str, str, str]]:
    """(机构, 护理员, 岗前培训率, 持证上岗率, 人均学时) with counts behind each rate."""
    return [
        (
            i.name,
            str(i.active_care_workers),
            f"{i.prejob_rate.pct}（{i.prejob_trained}）",
            f"{i.certified_rate.pct}（{i.certified}）",
            str(i.average_hours),
        )
        for i in f.per_institution
    ]


def names(refs: list[Any], limit: int = LISTED) -> str:
    shown = "、".join(r.name for r in refs[:limit])
    return shown + (f" 等{len(refs)}人" if len(refs) > limit else "")


def _table(rows: list[tuple[str, ...]], widths: tuple[float, ...], font: str) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde8f5")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#99a7b8")),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def training_story(f: TrainingFigures, font: str) -> list[Any]:
    """The PDF section: heading, the rates table, who is behind each gap, per institution."""
    heading = ParagraphStyle("th", fontName=font, fontSize=13, leading=18, spaceAfter=3)
    body = ParagraphStyle("tb", fontName=font, fontSize=9, leading=13, wordWrap="CJK")
    story: list[Any] = [
        Spacer(1, 6 * mm),
        Paragraph("护理员培训", heading),
        _table(
            [("指标", "数值", "分子", "分母"), *rate_rows(f)],
            (75 * mm, 30 * mm, 30 * mm, 30 * mm),
            font,
        ),
        Spacer(1, 3 * mm),
    ]
    if f.missing_prejob:
        story.append(Paragraph("未完成岗前培训：" + names(f.missing_prejob), body))
    if f.missing_certificate:
        story.append(Paragraph("未持有效技能证书：" + names(f.missing_certificate), body))
    if len(f.per_institution) > 1:
        story += [
            Spacer(1, 3 * mm),
            _table(
                [
                    ("机构", "护理员", "岗前培训率（人）", "持证上岗率（人）", "人均学时"),
                    *institution_rows(f),
                ],
                (62 * mm, 18 * mm, 32 * mm, 32 * mm, 21 * mm),
                font,
            ),
        ]
    story.append(
        Paragraph(
            "口径：护理员指统计日在职的养老护理员（儿童福利机构为育婴员/保育员）；"
            "岗前培训率 = 已通过岗前培训的护理员 / 护理员；"
            "持证上岗率 = 持有统计日有效的职业技能等级证书（或职业资格证书）的护理员 / 护理员。",
            ParagraphStyle("tn", parent=body, fontSize=8, textColor=colors.grey),
        )
    )
    return story


def add_training_sheet(book: Workbook, f: TrainingFigures) -> None:
    """A sheet 护理员培训: numbers as numbers (rates as fractions formatted 0.0%)."""
    sheet = book.create_sheet("护理员培训")
    append_row(sheet, [f"护理员培训（统计日期 {f.as_of.isoformat()}）"])
    sheet["A1"].font = Font(bold=True, size=13)
    append_row(sheet, [])
    append_row(sheet, ["指标", "数值", "分子", "分母"])
    append_row(sheet, ["在职护理员（人）", f.active_care_workers])
    for name, r in (("岗前培训率", f.prejob_rate), ("持证上岗率", f.certified_rate)):
        append_row(sheet, [name, r.value if r.denominator else None, r.numerator, r.denominator])
        sheet.cell(sheet.max_row, 2).number_format = "0.0%"
    append_row(
        sheet,
        [
            f"{f.as_of.year}年人均培训学时",
            float(f.average_hours),
            float(f.hours_total),
            f.active_care_workers,
        ],
    )
    append_row(sheet, ["60天内到期的证书（本）", len(f.expiring_certificates)])
    append_row(sheet, [])
    append_row(
        sheet,
        ["机构", "护理员", "岗前培训人数", "岗前培训率", "持证人数", "持证上岗率", "人均学时"],
    )
    for i in f.per_institution:
        append_row(
            sheet,
            [
                i.name,
                i.active_care_workers,
                i.prejob_trained,
                i.prejob_rate.value if i.active_care_workers else None,
                i.certified,
                i.certified_rate.value if i.active_care_workers else None,
                float(i.average_hours),
            ],
        )
        for column in (4, 6):
            sheet.cell(sheet.max_row, column).number_format = "0.0%"
    append_row(sheet, [])
    append_row(sheet, ["缺口", "姓名", "机构"])
    for label, refs in (
        ("未完成岗前培训", f.missing_prejob),
        ("未持有效技能证书", f.missing_certificate),
    ):
        for ref in refs:
            append_row(sheet, [label, ref.name, ref.institution])
    sheet.column_dimensions["A"].width = 30
