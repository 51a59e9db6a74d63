"""The one rule for characters in stored text (docs/data-rules.md, "Characters in text").

Text entering the database is NFC-normalised and may not hold characters a person cannot see
or that change how the text around them is shown: C0 and C1 control characters (NUL, BEL,
ESC, DEL…), bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
and marks (U+200E, U+200F, U+061C), zero-width and other invisible format characters (Unicode
category Cf: U+200B, U+2060, U+FEFF, U+00AD…) except the zero-width joiner U+200D that emoji
need, line and paragraph separators (U+2028, U+2029), lone surrogates and non-characters
(U+FFFE, U+FFFF…). Single-line fields (names, numbers, addresses) refuse tab and line breaks
too; multi-line fields (notes, diagnoses, hazard descriptions) keep line breaks (``\\r\\n``
and ``\\r`` become ``\\n``) and tabs.

Rows that did not pass this rule (written before it, or forged on another device) are made
harmless on the way out: :func:`for_output` replaces every refused character with U+FFFD for
files, :func:`visible` spells each one out (``\\u001b``, ``\\u202e``) for a terminal.
"""

from __future__ import annotations

import re
import unicodedata

REPLACEMENT = "\ufffd"
_ZWJ = "\u200d"
_KEPT_IN_MULTILINE = frozenset("\n\t")


# The characters that may be refused: every character :func:`_refused` refuses matches
# (tests/services/text_safety checks this over the whole of Unicode), so only the matches need
# a closer look. The second leaves out the tab and line feed that multi-line fields keep.
_MAYBE = (
    "\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200c\u200e-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\U00010000-\U0010ffff"
)
_ANY_REFUSED = re.compile(f"[\x00-\x1f{_MAYBE}]")
_ANY_REFUSED_MULTILINE = re.compile(f"[\x00-\x08\x0b-\x1f{_MAYBE}]")


def _refused(char: str) -> bool:
    """Whether ``char`` is refused in every field (line breaks and tabs are judged apart)."""
    if char == _ZWJ:
        return False
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Zl", "Zp", "Cs"):
        return True
    point = ord(char)
    return 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE


def first_refused(value: str, *, multiline: bool = False) -> str | None:
    """The first character of ``value`` the rule refuses, or ``None`` when it has none."""
    for found in (_ANY_REFUSED_MULTILINE if multiline else _ANY_REFUSED).finditer(value):
        if _refused(char := found.group()):
            return char
    return None


def code_point(char: str) -> str:
    """How a message names a character: U+001B."""
    return f"U+{ord(char):04X}"


def is_line_break(char: str) -> bool:
    return char in "\n\r\t\v\f\x85\u2028\u2029"


def character_problem(value: str, multiline: bool) -> tuple[str, dict[str, object]] | None:
    """The message code and parameters refusing ``value`` under the rule, or ``None`` when it
    holds no character the rule refuses."""
    char = first_refused(value, multiline=multiline)
    if char is None:
        return None
    code = "text.line_break" if is_line_break(char) and not multiline else "text.invisible"
    return code, {"char": code_point(char)}


def normalise(value: str, *, multiline: bool = False) -> str:
    """NFC, and in a multi-line field one kind of line break (``\\n``)."""
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", value)


def for_output(value: str) -> str:
    """``value`` with every refused character other than line breaks and tabs replaced by
    U+FFFD (a ``\r\n`` becomes ``\n`` first): what an exported file holds of a stored
    text, whatever it holds."""
    if not _ANY_REFUSED.search(value):
        return value
    value = value.replace("\r\n", "\n")
    return "".join(REPLACEMENT if _refused(c) and c not in _KEPT_IN_MULTILINE else c for c in value)


def _escape(char: str) -> str:
    """``\\u001b``: readable, and inside a JSON string the same character (an astral one as
    its surrogate pair, as JSON spells it)."""
    point = ord(char)
    if point < 0x10000:
        return f"\\u{point:04x}"
    point -= 0x10000
    return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"


def visible(value: str, *, keep: str = "") -> str:
    """``value`` for a terminal: each refused character (other than those in ``keep``, e.g.
    ``"\\n"`` for a message of several lines) spelt out as ``\\u001b`` or ``\\u202e``, so no
    stored text can move the cursor, clear the screen or reorder what is shown. The form is
    JSON's: a JSON text stays valid JSON with the same values."""
    if not _ANY_REFUSED.search(value):
        return value
    return "".join(_escape(c) if _refused(c) and c not in keep else c for c in value)
