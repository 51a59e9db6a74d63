"""Pinyin initials so that 张三丰 is found by typing zsf."""

from __future__ import annotations

import itertools

from pypinyin import Style, pinyin

_MAX_VARIANTS = 8


def initials(name: str) -> str:
    """Space-separated initials variants of ``name``, most likely reading first.

    Polyphonic characters (曾 zeng/ceng, 单 shan/dan) yield several variants, capped so that a
    long name of ambiguous characters cannot blow up the search column.
    """
    default = [o[0].lower() for o in pinyin(name, style=Style.FIRST_LETTER, errors="default") if o]
    letters = pinyin(name, style=Style.FIRST_LETTER, heteronym=True, errors="default")
    choices = [list(dict.fromkeys(o.lower() for o in options if o)) or [""] for options in letters]
    variants: list[str] = []
    for combo in itertools.chain(
        [default], itertools.islice(itertools.product(*choices), _MAX_VARIANTS)
    ):
        variant = "".join(ch for part in combo for ch in part if ch.isalnum())
        if variant and variant not in variants:
            variants.append(variant)
    return " ".join(variants)
