"""Chinese line breaking: no line starts with a closing mark or ends with an opening one,
Latin runs stay whole, nothing is lost, and lines fit."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from mzdesk.reports.cjk import CANNOT_END, CANNOT_START, wrap
from mzdesk.reports.fonts import register_cjk_font


@pytest.fixture(scope="module")
def font() -> str:
    return register_cjk_font()


def test_sweep_of_break_positions(font):
    width = 200.0
    for k in range(1, 40):
        for mark in "。，、：；）」！？":
            text = "培训课程：" + "训" * k + mark + "安全" * 5 + "（防火）」。" + "“照护”" * 3
            lines = wrap(text, font, 11, width)
            assert "".join(lines) == text
            for line in lines[1:]:
                assert line[0] not in CANNOT_START, (k, mark, lines)
            for line in lines[:-1]:
                assert line[-1] not in CANNOT_END, (k, mark, lines)
            assert all(stringWidth(line, font, 11) <= width for line in lines)


def test_latin_runs_are_not_split(font):
    text = "身份证号：370205197501010206，证书编号2026-7KQ2M4XA-0001。" * 3
    lines = wrap(text, font, 12, 150)
    for line in lines:
        for token in ("370205197501010206", "2026-7KQ2M4XA-0001"):
            # a token is either wholly on this line or not at all
            assert token in line or not any(
                line.endswith(token[:i]) or line.startswith(token[i:])
                for i in range(3, len(token) - 2)
            ), lines


def test_first_line_indent(font):
    lines = wrap("二" * 40, font, 10, 100, first_indent=20)
    assert stringWidth(lines[0], font, 10) <= 80 < stringWidth(lines[1], font, 10)
