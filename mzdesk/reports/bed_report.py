"""The bed statistics report: printable A4 PDF (reportlab, embedded CJK font, charts, page
numbers) and an .xlsx workbook with the same figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from mzdesk.core.vocab import BedType, InstitutionKind
from mzdesk.reports.fonts import register_cjk_font
from mzdesk.reports.hazard_report import add_hazard_sheet, hazard_story
from mzdesk.reports.training_report import add_training_sheet, training_story
from mzdesk.reports.xlsx_numbers import fraction, percent_columns
from mzdesk.services.tables.sheet_rows import append_row
from mzdesk.stats.beds.figures import BedStatistics, Ratio
from mzdesk.stats.beds.occupancy import GroupOccupancy, MonthPoint
from mzdesk.stats.hazards import HazardFigures
from mzdesk.stats.training import TrainingFigures

BLUE = colors.HexColor("#1f5fa8")
GREEN = colors.HexColor("#2e7d32")
ORANGE = colors.HexColor("#b26a00")
FEW_GROUPS = 12  # upright bars up to this many groups with short names; else one bar a line
GROUPS_PER_CHART = 40  # lines in one part of the chart of many (fits an A4 page)


# the English of the table's labels, for the app's English screens (reports stay Chinese)
METRIC_EN = {
    "机构数": "Institutions",
    "床位总数": "Beds in all",
    "护理型床位（含认知障碍照护）": "Nursing beds (dementia care included)",
    "护理型床位占比": "Share of nursing beds",
    "在用床位": "Beds in service",
    "入住床位": "Occupied beds",
    "入住率": "Occupancy",
    "社会力量举办或经营床位": "Beds run by social forces",
    "社会力量运营床位占比": "Share operated by social forces",
    "家庭养老床位（不计入机构床位）": "Home care beds (not institution beds)",
}


def metric_values(f: BedStatistics, language: str = "zh") -> list[tuple[str, int | Ratio]]:
    """(指标, a count or a rate): the one list behind the page's numbers table, the PDF's
    and the workbook's; ``language`` "en" for the app's English screens."""
    en = language == "en"

    def label(zh: str) -> str:
        return METRIC_EN[zh] if en else zh

    return [
        (label("机构数"), f.institutions),
        (label("床位总数"), f.total_beds),
        *[
            (f"  {t.en} beds" if en else f"其中{t.zh}床位", f.beds_by_type.get(t, 0))
            for t in BedType
        ],
        (label("护理型床位（含认知障碍照护）"), f.nursing_beds),
        (label("护理型床位占比"), f.nursing_share),
        (label("在用床位"), f.beds_in_service),
        (label("入住床位"), f.occupied_beds),
        (label("入住率"), f.occupancy),
        (label("社会力量举办或经营床位"), f.social_operated_beds),
        (label("社会力量运营床位占比"), f.social_operated_share),
        (label("家庭养老床位（不计入机构床位）"), f.home_care_beds),
        *kind_values(f, language),
    ]


def kind_values(f: BedStatistics, language: str = "zh") -> list[tuple[str, int | Ratio]]:
    """Children's homes beside the nursing homes, as the sentence reports them (when the
    scope holds a children's home)."""
    if len(f.by_kind) < 2 and InstitutionKind.CHILDREN_HOME not in f.by_kind:
        return []
    values: list[tuple[str, int | Ratio]] = []
    for kind, k in f.by_kind.items():
        if language == "en":
            values += [
                (f"  {kind.en}", k.institutions),
                (f"  {kind.en}: beds", k.total_beds),
                (f"  {kind.en}: share of nursing beds", k.nursing_share),
                (f"  {kind.en}: occupancy", k.occupancy),
            ]
            continue
        values += [
            (f"其中{kind.zh}", k.institutions),
            (f"{kind.zh}床位", k.total_beds),
            (f"{kind.zh}护理型床位占比", k.nursing_share),
            (f"{kind.zh}入住率", k.occupancy),
        ]
    return values


def metric_rows(f: BedStatistics, language: str = "zh") -> list[tuple[str, str, str, str]]:
    """(指标, 数值, 分子, 分母) as text — the numbers table of the page and the PDF."""
    return [
        (name, v.pct, str(v.numerator), str(v.denominator))
        if isinstance(v, Ratio)
        else (name, str(v), "", "")
        for name, v in metric_values(f, language)
    ]


def write_xlsx(
    path: Path,
    title: str,
    f: BedStatistics,
    groups: Sequence[GroupOccupancy],
    trend: Sequence[MonthPoint],
    training: TrainingFigures | None = None,
    hazards: HazardFigures | None = None,
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "床位统计"
    append_row(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=14)
    append_row(sheet, [f"统计日期 {f.as_of.isoformat()}"])
    append_row(sheet, [])
    append_row(sheet, ["指标", "数值", "分子", "分母"])
    for name, value in metric_values(f):  # numbers as numbers, rates 0.0% (xlsx_numbers)
        if isinstance(value, Ratio):
            append_row(sheet, [name, fraction(value), value.numerator, value.denominator])
            percent_columns(sheet, 2)
        else:
            append_row(sheet, [name, value])
    append_row(sheet, [])
    append_row(sheet, [f.sentence("")])
    sheet.column_dimensions["A"].width = 34
    for name, counts in (
        ("按机构定位", f.institutions_by_positioning),
        ("按运营方式", f.institutions_by_operation),
        ("按等级", f.institutions_by_grade),
    ):
        append_row(sheet, [])
        append_row(sheet, [name, "机构数"])
        for key, value in counts.items():
            append_row(sheet, [key, value])
    occupancy = book.create_sheet("入住率")
    append_row(occupancy, ["分组", "床位", "在用", "入住", "入住率"])
    for g in groups:
        append_row(occupancy, [g.group, g.beds, g.in_service, g.occupied, fraction(g.occupancy)])
        percent_columns(occupancy, 5)
    months = book.create_sheet("月度趋势")
    append_row(months, ["月份", "入住率", "护理型床位占比"])
    for p in trend:
        append_row(months, [p.month, fraction(p.occupancy), fraction(p.nursing_share)])
        percent_columns(months, 2, 3)
    if training is not None:
        add_training_sheet(book, training)
    if hazards is not None:
        add_hazard_sheet(book, hazards)
    tmp = path.with_name(path.name + ".part")
    book.save(tmp)
    tmp.replace(path)


def _bar(
    labels: Sequence[str],
    values: Sequence[float],
    font: str,
    title: str,
    width: float = 170 * mm,
    height: float = 62 * mm,
    percent: bool = False,
) -> Drawing:
    drawing = Drawing(width, height, initialFontName=font)  # not Helvetica, never embedded
    drawing.add(String(0, height - 12, title, fontName=font, fontSize=10))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 28, width - 45, height - 50
    chart.data = [list(values) or [0]]
    chart.categoryAxis.categoryNames = list(labels) or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30 if len(labels) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 6 else "n"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.valueMin = 0
    if percent:
        chart.valueAxis.valueMax = 100
        chart.valueAxis.labelTextFormat = "%d%%"
    chart.bars[0].fillColor = BLUE
    chart.barLabelFormat = "%d%%" if percent else "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def _horizontal_bars(labels: Sequence[str], values: Sequence[float], font: str) -> Drawing:
    """Occupancy (%) of many groups: one bar a line, the full name left of it, the value
    after it — readable however long the names (as 24 names on a slant are not)."""
    size = 7
    name_width = max((stringWidth(label, font, size) for label in labels), default=0) + 6
    line = 4.6 * mm
    width = 170 * mm
    height = line * max(len(labels), 1) + 20
    drawing = Drawing(width, height, initialFontName=font)
    chart = HorizontalBarChart()
    chart.x, chart.y = name_width, 14
    chart.width, chart.height = width - name_width - 30, height - 18
    chart.data = [list(values) or [0]]
    chart.categoryAxis.categoryNames = list(labels) or [""]
    chart.categoryAxis.reverseDirection = 1  # the first group on top, as in the table
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = size
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = size
    chart.bars[0].fillColor = BLUE
    chart.barWidth = line * 0.6
    chart.barLabelFormat = "%d%%"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = size
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def _group_story(groups: Sequence[GroupOccupancy], font: str, body: ParagraphStyle) -> list[Any]:
    """Every group's occupancy: a chart (upright bars for a few short names, else one bar a
    line, in parts that fit a page) and the table of all of them, its header on every page."""
    title = ParagraphStyle("t", fontName=font, fontSize=10, leading=14, spaceAfter=2)
    story: list[Any] = []
    values = [g.occupancy.value * 100 for g in groups]
    names = [g.group for g in groups]
    slot = (170 * mm - 45) / max(len(names), 1) - 4  # a name's room under its upright bar
    if len(names) <= FEW_GROUPS and all(stringWidth(n, font, 7) <= slot for n in names):
        story.append(_bar(names, values, font, "入住率（%）", percent=True))
    else:
        for start in range(0, len(groups), GROUPS_PER_CHART):
            end = min(start + GROUPS_PER_CHART, len(groups))
            heading = (
                f"入住率（%），第 {start + 1}–{end} 组，共 {len(groups)} 组"
                if len(groups) > GROUPS_PER_CHART
                else "入住率（%）"
            )
            part = [g.group for g in groups[start:end]]
            chart = _horizontal_bars(part, values[start:end], font)
            story += [KeepTogether([Paragraph(heading, title), chart]), Spacer(1, 3 * mm)]
    cell = ParagraphStyle("c", parent=body, fontSize=8, leading=10)
    table = Table(
        [
            ("分组", "床位", "在用", "入住", "入住率"),
            *(
                (Paragraph(g.group, cell), g.beds, g.in_service, g.occupied, g.occupancy.pct)
                for g in groups
            ),
        ],
        colWidths=(86 * mm, 20 * mm, 20 * mm, 20 * mm, 24 * mm),
        repeatRows=1,  # the header again on each page the table runs onto
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde8f5")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#99a7b8")),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story += [Spacer(1, 3 * mm), Paragraph("各组入住率", title), table]
    return story


def _trend(points: Sequence[MonthPoint], font: str) -> Drawing:
    width, height = 170 * mm, 62 * mm
    drawing = Drawing(width, height, initialFontName=font)  # not Helvetica, never embedded
    drawing.add(
        String(0, height - 12, "月度趋势：入住率与护理型床位占比（%）", fontName=font, fontSize=10)
    )
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 30, 28, width - 140, height - 50
    chart.data = [
        [p.occupancy.value * 100 for p in points] or [0],
        [p.nursing_share.value * 100 for p in points] or [0],
    ]
    chart.categoryAxis.categoryNames = [p.month[2:] for p in points] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.labels.fontName = font
    chart.lines[0].strokeColor = BLUE
    chart.lines[1].strokeColor = GREEN
    chart.lines[0].strokeWidth = chart.lines[1].strokeWidth = 1.5
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 100, height - 30
    legend.fontName = font
    legend.colorNamePairs = [(BLUE, "入住率"), (GREEN, "护理型床位占比")]
    drawing.add(legend)
    return drawing


def write_pdf(
    path: Path,
    title: str,
    f: BedStatistics,
    groups: Sequence[GroupOccupancy],
    trend: Sequence[MonthPoint],
    *,
    source: str,
    printed: dt.date | None = None,
    training: TrainingFigures | None = None,
    hazards: HazardFigures | None = None,
) -> None:
    font = register_cjk_font()
    printed_on = printed or dt.date.today()
    heading = ParagraphStyle("h", fontName=font, fontSize=16, leading=22, spaceAfter=4)
    body = ParagraphStyle("b", fontName=font, fontSize=10, leading=15)
    small = ParagraphStyle("s", fontName=font, fontSize=8, leading=11, textColor=colors.grey)
    story: list[Any] = [
        Paragraph(title, heading),
        Paragraph(f"统计日期：{f.as_of.isoformat()}　　制表日期：{printed_on.isoformat()}", small),
        Paragraph(f"数据来源：{source}", small),
        Spacer(1, 5 * mm),
        Paragraph(f.sentence("") + "。", body),
        Spacer(1, 4 * mm),
    ]
    table = Table(
        [("指标", "数值", "分子", "分母"), *metric_rows(f)],
        colWidths=(75 * mm, 30 * mm, 30 * mm, 30 * mm),
    )
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
    story += [table, Spacer(1, 6 * mm)]
    types = [t.zh for t in BedType]
    story.append(
        _bar(types, [f.beds_by_type.get(t, 0) for t in BedType], font, "按类型的床位数（张）")
    )
    story.append(Spacer(1, 4 * mm))
    story += _group_story(groups, font, body)
    story.append(Spacer(1, 4 * mm))
    story.append(_trend(trend, font))
    if training is not None:
        story += training_story(training, font)
    if hazards is not None:
        story += hazard_story(hazards, font)

    def page(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"第 {document.page} 页")
        canvas.drawString(20 * mm, 10 * mm, title)
        canvas.restoreState()

    tmp = path.with_name(path.name + ".part")
    document = SimpleDocTemplate(
        str(tmp),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="mzdesk",
        initialFontName=font,  # else each page's preamble names Helvetica, never embedded
    )
    document.build(story, onFirstPage=page, onLaterPages=page)
    tmp.replace(path)
