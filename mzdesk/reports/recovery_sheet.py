"""恢复密钥单 (the recovery sheet): the one page that reopens an encrypted database when every
password is lost. It prints the recovery key (the database key in groups of four letters and
digits, no look-alike characters) large enough to type, and as a QR code a USB scanner can
type into the recovery box. A4, embedded CJK font, Chinese with English below each part."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from mzdesk.reports.cjk import wrap
from mzdesk.reports.pages import GREY, MARGIN, RED, report_font
from mzdesk.reports.qr import QUIET, draw_qr, qr_matrix

GROUPS_PER_LINE = 5

_STEPS = (
    (
        "这张单子能打开本电脑上的 mzdesk 数据库及其全部备份，即使所有密码都已遗失。",
        "This sheet opens this computer's mzdesk database and all its backups, even if every "
        "password is lost.",
    ),
    (
        "请锁在柜子里，不要拍照、不要发微信、不要存在电脑里。拿到它的人能看到全部老人和儿童的资料。",
        "Lock it away; do not photograph it, send it, or keep it on a computer. Whoever has "
        "it can read every resident's and child's record.",
    ),
    (
        "使用方法：在登录窗口点「忘记了所有密码？用恢复密钥」，输入下面的恢复密钥（或用扫码枪扫描二维码），"
        "然后为管理员设置新密码。命令行：mzdesk recover。",
        "To use it: on the login window choose 'Forgot every password? Use the recovery key', "
        "type the key below (or scan the QR code), then set a new administrator password. "
        "Command line: mzdesk recover.",
    ),
)


def key_lines(recovery: str) -> list[str]:
    groups = recovery.split("-")
    return [
        "  ".join(groups[i : i + GROUPS_PER_LINE]) for i in range(0, len(groups), GROUPS_PER_LINE)
    ]


def write_recovery_sheet(
    path: Path, *, recovery: str, database: str, institution: str, printed_on: dt.date
) -> None:
    """Write the sheet for ``recovery`` (keys.format_recovery_key) to ``path`` (0600: the file
    itself is as secret as the key; print it and delete it)."""
    font = report_font()
    width, height = A4
    canvas = Canvas(str(path), pagesize=A4, pageCompression=1)
    canvas.setTitle("mzdesk 恢复密钥单 Recovery sheet")
    canvas.setAuthor("mzdesk")
    y = height - MARGIN
    canvas.setFont(font, 20)
    canvas.drawString(MARGIN, y - 8 * mm, "mzdesk 恢复密钥单")
    canvas.setFont(font, 11)
    canvas.setFillColor(GREY)
    canvas.drawString(MARGIN, y - 15 * mm, "Recovery sheet — keep it locked away")
    canvas.setFillColorRGB(0, 0, 0)
    y -= 26 * mm
    canvas.setFont(font, 11)
    for label, value in (
        ("机构 Institution：", institution),
        ("数据库 Database：", database),
        ("打印日期 Printed：", printed_on.isoformat()),
    ):
        canvas.drawString(MARGIN, y, label)
        canvas.drawString(MARGIN + 42 * mm, y, value)
        y -= 7 * mm
    y -= 4 * mm
    canvas.setFont(font, 11)
    canvas.drawString(MARGIN, y, "恢复密钥 Recovery key")
    y -= 3 * mm
    box_top = y
    canvas.setFont(font, 18)
    for line in key_lines(recovery):
        y -= 10 * mm
        canvas.drawString(MARGIN + 6 * mm, y, line)
    y -= 6 * mm
    canvas.setStrokeColor(RED)
    canvas.setLineWidth(1.2)
    canvas.rect(MARGIN, y, width - 2 * MARGIN, box_top - y)
    canvas.setStrokeColorRGB(0, 0, 0)
    matrix = qr_matrix(recovery)
    module = 1.6 * mm
    side = (len(matrix) + 2 * QUIET) * module
    y -= side + 6 * mm
    draw_qr(canvas, matrix, (width - side) / 2, y, module)
    y -= 6 * mm
    text_width = width - 2 * MARGIN
    for zh, en in _STEPS:
        for size, part, colour in ((10.5, zh, None), (8.5, en, GREY)):
            canvas.setFont(font, size)
            if colour is not None:
                canvas.setFillColor(colour)
            for row in wrap(part, font, size, text_width):
                y -= size * 1.45
                canvas.drawString(MARGIN, y, row)
            canvas.setFillColorRGB(0, 0, 0)
        y -= 3 * mm
    canvas.showPage()
    canvas.save()
    path.chmod(0o600)
