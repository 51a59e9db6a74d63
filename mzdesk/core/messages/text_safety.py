"""Messages of the one rule for characters in text (control, bidi and invisible characters)
and of what the command line says about its own inputs.

code → (Chinese, English); see :mod:`mzdesk.core.i18n`."""

from __future__ import annotations

from typing import Final

MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "text.invisible": (
        "含有不可见的控制字符（{char}）",
        "contains an invisible control character ({char})",
    ),
    "text.line_break": (
        "只能填一行，不能含有换行或制表符（{char}）",
        "must be one line, without line breaks or tabs ({char})",
    ),
    "text.invisible_in": (
        "{field}含有不可见的控制字符（{char}）",
        "{field} contains an invisible control character ({char})",
    ),
    "sync.rejected.bad_text": (
        "字段「{field}」含有不可见的控制字符（{char}）",
        "the value of '{field}' contains an invisible control character ({char})",
    ),
}
