"""Search terms for finding a resident by typing a little: 王, 王秀, zsf, zeng, zhangs,
"zhang san", 0014 (the end of the 身份证号). Names are short and Chinese, so every character
is its own term; pinyin initials, full spellings (core.pinyin.spellings) and the reversed ID
number are terms that prefix queries (FTS5 ``term*``) can use.
"""

from __future__ import annotations

import unicodedata

from mzdesk.core.pinyin import spellings


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def resident_terms(name: str, initials: str, id_number: str | None) -> str:
    """The space-separated terms indexed for one resident."""
    folded = unicodedata.normalize("NFKC", name).lower()
    terms: list[str] = []
    word = ""
    for char in folded:
        if _is_cjk(char):
            terms.append(char)
        if char.isalnum() and not _is_cjk(char):
            word += char
        elif word:
            terms.append(word)
            word = ""
    if word:
        terms.append(word)
    terms += initials.split()
    terms += spellings(folded)
    if id_number:
        terms.append("r" + id_number.lower()[::-1])  # 'r' keeps it apart from other terms
    return " ".join(dict.fromkeys(terms))


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_query(text: str) -> tuple[str, str] | None:
    """Turn what was typed into (kind, FTS5 query); None when nothing searchable was typed.

    kinds: ``initials`` (letters: zsf, zeng, zhangs, "zhang san"), ``digits`` (the end of an
    ID number; callers also look for bed and room numbers), ``name`` (Chinese characters;
    callers confirm the exact substring).
    """
    typed = "".join(unicodedata.normalize("NFKC", text).split()).lower()
    if not typed:
        return None
    if typed.isascii() and typed.isalpha():
        return "initials", _quote(typed) + "*"
    if typed.rstrip("x").isdigit():
        return "digits", _quote("r" + typed[::-1]) + "*"
    chars = [c for c in typed if _is_cjk(c)]
    rest = "".join(c if c.isalnum() and not _is_cjk(c) else " " for c in typed).split()
    parts = [_quote(c) for c in dict.fromkeys(chars)] + [_quote(w) + "*" for w in rest]
    return ("name", " AND ".join(parts)) if parts else None
