"""培训合格证书: one A4 page per certificate, to print and frame; a whole session in one PDF.

Drawn straight on a canvas (a thousand pages in seconds): the text is broken into lines by
reports/cjk.py, which never starts a line with 。，、：；）」 and the like; the QR
code is drawn as merged runs (reports/qr.py); the font is the bundled WenQuanYi Micro Hei,
embedded as a subset, registered afresh for each document.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from mzdesk.core.dates import period_text
from mzdesk.core.errors import StateError
from mzdesk.reports.cjk import wrap
from mzdesk.reports.fonts import register_cjk_font
from mzdesk.reports.qr import QUIET, draw_qr, qr_matrix
from mzdesk.services.certificates import CertificateSheet

RED = colors.HexColor("#a31515")
GOLD = colors.HexColor("#b8860b")
GREY = colors.HexColor("#555555")
QR_MODULE = 0.5 * mm  # ~3 cm for a version 10 code: easy for a phone through a frame's glass
Progress = Callable[[int, int], None]


def _date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _hours(value: Decimal) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def body_text(sheet: CertificateSheet) -> str:
    """The sentence the certificate states (plain text, before escaping)."""
    dates = (
        _date(sheet.start_date)
        if sheet.start_date == sheet.end_date
        else f"{_date(sheet.start_date)}至{_date(sheet.end_date)}"
    )
    total = f"（累计培训{_hours(sheet.total_hours)}学时）" if sheet.total_hours is not None else ""
    return (
        f"{sheet.name}同志（身份证号：{sheet.id_number}）于{dates}参加“{sheet.course}”培训，"
        f"共{_hours(sheet.hours)}学时{total}，经考核，成绩{sheet.result}，特发此证。"
    )


def _frame(c: Canvas, width: float, height: float) -> None:
    c.setStrokeColor(GOLD)
    c.setLineWidth(3)
    c.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    c.setLineWidth(0.8)
    c.rect(16 * mm, 16 * mm, width - 32 * mm, height - 32 * mm)


BOTTOM = 105 * mm  # the seal, issuer and QR code sit below


def _text_block(
    c: Canvas,
    font: str,
    body: str,
    rows: list[tuple[str, str]],
    left: float,
    right: float,
    top: float,
) -> None:
    """The body sentence and the labelled details, at the largest of a few sizes that keeps
    them above the seal and QR code (a 200-character course name still fits)."""
    for body_size, detail_size in ((16, 11), (14, 10.5), (12, 10), (10.5, 9)):
        body_lines = wrap(body, font, body_size, right - left, first_indent=2 * body_size)
        label_width = stringWidth("身份证号：", font, detail_size)
        detail_width = right - left - 10 * mm - label_width
        details = [(label, wrap(value, font, detail_size, detail_width)) for label, value in rows]
        body_leading, detail_leading = body_size * 1.85, detail_size * 1.6
        needed = len(body_lines) * body_leading + 8 * mm
        needed += sum(max(1, len(lines)) for _, lines in details) * detail_leading
        if top - needed >= BOTTOM:
            break
    c.setFillColor(colors.black)
    c.setFont(font, body_size)
    y = top - body_size
    for n, line in enumerate(body_lines):
        c.drawString(left + (2 * body_size if n == 0 else 0), y, line)
        y -= body_leading
    y -= 8 * mm - body_leading + detail_leading
    c.setFont(font, detail_size)
    for label, lines in details:
        c.drawString(left + 10 * mm, y, f"{label}：")
        for line in lines or [""]:
            c.drawString(left + 10 * mm + label_width, y, line)
            y -= detail_leading


def draw_certificate(c: Canvas, font: str, sheet: CertificateSheet) -> None:
    width, height = A4
    _frame(c, width, height)
    left, right = 30 * mm, width - 30 * mm
    c.setFillColor(GREY)
    c.setFont(font, 10)
    c.drawRightString(right, height - 26 * mm, f"证书编号：{sheet.serial}")
    c.setFillColor(RED)
    c.setFont(font, 34)
    c.drawCentredString(width / 2, height - 62 * mm, "培训合格证书")
    c.setFont(font, 11)
    c.setFillColor(GREY)
    c.drawCentredString(width / 2, height - 72 * mm, "TRAINING CERTIFICATE")
    c.setFillColor(colors.black)
    rows = [
        ("姓　　名", sheet.name),
        ("身份证号", sheet.id_number),
        ("培训课程", sheet.course),
        ("培训日期", period_text(sheet.start_date, sheet.end_date)),
        ("培训学时", _hours(sheet.hours)),
    ]
    if sheet.total_hours is not None:
        rows.append(("累计学时", _hours(sheet.total_hours)))
    rows.append(("考核结果", sheet.result))
    _text_block(c, font, body_text(sheet), rows, left, right, height - 92 * mm)
    # issuer, seal area and date, lower right
    seal_x, seal_y = width - 70 * mm, 78 * mm
    c.setStrokeColor(colors.HexColor("#d9a0a0"))
    c.setDash(3, 3)
    c.circle(seal_x, seal_y, 21 * mm)
    c.setDash()
    c.setFillColor(colors.HexColor("#c9a0a0"))
    c.setFont(font, 9)
    c.drawCentredString(seal_x, seal_y - 3, "（盖章）")
    c.setFillColor(colors.black)
    c.setFont(font, 14)
    issuer_lines = wrap(sheet.issuer, font, 14, 80 * mm)
    for n, line in enumerate(issuer_lines):
        c.drawCentredString(seal_x, 52 * mm + (len(issuer_lines) - 1 - n) * 20, line)
    c.setFont(font, 12)
    c.drawCentredString(seal_x, 42 * mm, _date(sheet.issued_on))
    # the QR code, lower left, with what it is for
    matrix = qr_matrix(sheet.qr_text)
    side = draw_qr(c, matrix, left - QUIET * QR_MODULE, 34 * mm, QR_MODULE)
    c.setFillColor(GREY)
    c.setFont(font, 8)
    c.drawString(left, 34 * mm - 4 * mm, "扫码核验证书真伪")
    c.drawString(left, 34 * mm - 8 * mm, f"编号 {sheet.serial}")
    if sheet.revoked:
        c.setFillColor(RED)
        c.setFont(font, 12)
        c.drawString(left, height - 26 * mm, "本证书已作废")
        c.saveState()
        c.setFillColor(colors.Color(0.8, 0, 0, alpha=0.35))
        c.setFont(font, 90)
        c.translate(width / 2, height / 2)
        c.rotate(30)
        c.drawCentredString(0, 0, "已作废")
        c.restoreState()
    assert side > 0


def write_certificates(
    out: Path | BinaryIO,
    sheets: Sequence[CertificateSheet],
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> None:
    """All ``sheets`` into one PDF, a page each. ``progress(done, total)`` after each page;
    ``cancel`` set → stops with StateError("cert.cancelled") and writes no file."""
    font = register_cjk_font()
    target = str(out) if isinstance(out, Path) else out
    pending = Path(f"{out}.part") if isinstance(out, Path) else None
    c = Canvas(
        str(pending) if pending else target, pagesize=A4, pageCompression=1, initialFontName=font
    )
    c.setTitle("培训合格证书")
    c.setAuthor(sheets[0].issuer if sheets else "mzdesk")
    c.setCreator("mzdesk 民政桌面")
    total = len(sheets)
    for done, sheet in enumerate(sheets, 1):
        if cancel is not None and cancel.is_set():
            if pending is not None:
                pending.unlink(missing_ok=True)
            raise StateError("cert.cancelled")
        draw_certificate(c, font, sheet)
        c.showPage()
        if progress is not None:
            progress(done, total)
    c.save()
    if pending is not None and isinstance(out, Path):
        pending.replace(out)
