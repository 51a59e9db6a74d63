"""培训合格证书: one A4 page per certificate, to print and frame; a whole session in one PDF.

Drawn straight on a canvas (a thousand pages in seconds): the body text is a reportlab
Paragraph with CJK wrapping, which never starts a line with 。，、：；）」 and the like; the QR
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
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from mzdesk.core.errors import StateError
from mzdesk.reports.fonts import register_cjk_font
from mzdesk.reports.qr import QUIET, draw_qr, qr_matrix
from mzdesk.services.certificates import CertificateSheet

RED = colors.HexColor("#a31515")
GOLD = colors.HexColor("#b8860b")
GREY = colors.HexColor("#555555")
QR_MODULE = 0.4 * mm  # ~2–2.5 cm for a version 8–10 code
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


class _Styles:
    def __init__(self, font: str) -> None:
        self.body = ParagraphStyle(
            "body",
            fontName=font,
            fontSize=16,
            leading=30,
            firstLineIndent=32,
            alignment=TA_JUSTIFY,
            wordWrap="CJK",
        )
        self.detail = ParagraphStyle(
            "detail", fontName=font, fontSize=11, leading=17, wordWrap="CJK"
        )
        self.issuer = ParagraphStyle(
            "issuer", fontName=font, fontSize=14, leading=20, alignment=TA_CENTER, wordWrap="CJK"
        )


def _frame(c: Canvas, width: float, height: float) -> None:
    c.setStrokeColor(GOLD)
    c.setLineWidth(3)
    c.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    c.setLineWidth(0.8)
    c.rect(16 * mm, 16 * mm, width - 32 * mm, height - 32 * mm)


def draw_certificate(c: Canvas, font: str, styles: _Styles, sheet: CertificateSheet) -> None:
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
    top = height - 92 * mm
    body = Paragraph(escape(body_text(sheet)), styles.body)
    _, used = body.wrap(right - left, 90 * mm)
    body.drawOn(c, left, top - used)
    y = top - used - 10 * mm
    rows = [
        ("姓　　名", sheet.name),
        ("身份证号", sheet.id_number),
        ("培训课程", sheet.course),
        ("培训日期", f"{sheet.start_date:%Y-%m-%d} 至 {sheet.end_date:%Y-%m-%d}"),
        ("培训学时", _hours(sheet.hours)),
    ]
    if sheet.total_hours is not None:
        rows.append(("累计学时", _hours(sheet.total_hours)))
    rows.append(("考核结果", sheet.result))
    for label, value in rows:
        p = Paragraph(f"{label}：{escape(value)}", styles.detail)
        _, h = p.wrap(right - left - 10 * mm, 40 * mm)
        p.drawOn(c, left + 10 * mm, y - h)
        y -= h + 2
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
    issuer = Paragraph(escape(sheet.issuer), styles.issuer)
    _, h = issuer.wrap(80 * mm, 30 * mm)
    issuer.drawOn(c, seal_x - 40 * mm, 50 * mm)
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
    styles = _Styles(font)
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
        draw_certificate(c, font, styles, sheet)
        c.showPage()
        if progress is not None:
            progress(done, total)
    c.save()
    if pending is not None and isinstance(out, Path):
        pending.replace(out)
