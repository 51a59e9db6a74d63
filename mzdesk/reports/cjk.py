"""Chinese line breaking for printed pages (禁则): no line starts with a closing mark
(。，、：；）」…) and none ends with an opening one (（「“…); runs of Latin letters and digits
(ID numbers, dates, serials) are never split.

reportlab's own CJK wrapping moves at most one character, so "…培训」。" at the end of a
line still put "。" first on the next (measured: 41 of 531 line breaks of a course-name
sweep); this pulls back as many characters as needed.
"""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth

CANNOT_START = frozenset("。，、：；？！）」』】》〉”’…—·.,:;?!)]}%")
CANNOT_END = frozenset("（「『【《〈“‘([{")
_TOKEN = re.compile(r"[A-Za-z0-9*#@&+\-./:%_]+|\s+|.", re.DOTALL)


def tokens(text: str) -> list[str]:
    """Units a line may break between: a run of Latin letters and digits, or one character."""
    return _TOKEN.findall(text)


def wrap(text: str, font: str, size: float, width: float, first_indent: float = 0) -> list[str]:
    """``text`` broken into lines of at most ``width`` points (the first line ``first_indent``
    narrower), obeying the rules above. A single token wider than a line gets a line of its
    own (cut by nothing: the page would rather overflow than split an ID number)."""
    lines: list[str] = []
    current: list[str] = []
    used = first_indent
    for token in tokens(text.replace("\n", " ")):
        w = stringWidth(token, font, size)
        if not current or used + w <= width:
            if current or not token.isspace():
                current.append(token)
                used += w
            continue
        carry = [token]
        # pull characters back while the next line would start with a closing mark, or this
        # one would end with an opening mark
        while len(current) > 1 and (carry[0][0] in CANNOT_START or current[-1][-1] in CANNOT_END):
            carry.insert(0, current.pop())
        lines.append("".join(current).rstrip())
        while carry and carry[0].isspace():
            carry.pop(0)
        current = carry
        used = sum(stringWidth(t, font, size) for t in current)
    if current:
        lines.append("".join(current).rstrip())
    return lines
