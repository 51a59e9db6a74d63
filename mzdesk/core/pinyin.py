"""Pinyin of names: initials (张三丰 is found by typing zsf), full spellings (zhangsanfeng,
zhangsf, zhang san) and the sort key of the name lists.

Lists sort by the full pinyin of the surname, then the given name, as a Chinese roster or
dictionary does (白, 蔡, 蔡, 曾 …), not by initials, which interleaved surnames. A surname is
read as a surname: 曾 zēng, 单 shàn, 解 xiè, 区 ōu (resources/pinyin/surnames.json, since
pypinyin reads 曾 céng and has no surname mode), and compound surnames (欧阳, 尉迟, 长孙 …)
count as one.
"""

from __future__ import annotations

import itertools
import json
import re
from functools import cache, lru_cache

from mzdesk.core.resources import resource_path

_MAX_VARIANTS = 8
_MAX_SYLLABLES = 8  # full-spelling search terms are made for this many syllables at most
_SYLLABLE = re.compile(r"[a-z]+[1-5]")


def initials(name: str) -> str:
    """Space-separated initials variants of ``name``, most likely reading first.

    Polyphonic characters (曾 zeng/ceng, 单 shan/dan) yield several variants, capped so that a
    long name of ambiguous characters cannot blow up the search column.
    """
    from pypinyin import Style, pinyin  # its dictionaries load in ~0.3-1 s: not at start-up

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


@cache
def surname_readings() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(single surnames, compound surnames) → their syllables with tone numbers; checked on
    load (a reading that is not pinyin, or a compound that is not two or more characters,
    is refused with the file and the entry named)."""
    path = resource_path("pinyin", "surnames.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    tables: list[dict[str, tuple[str, ...]]] = []
    for part, length in (("single", 1), ("compound", 2)):
        table: dict[str, tuple[str, ...]] = {}
        for surname, reading in data[part].items():
            syllables = tuple(reading.split())
            if len(surname) < length or (length == 1 and len(surname) != 1):
                raise ValueError(f"{path}: {part} surname {surname!r} has the wrong length")
            if len(syllables) != len(surname) or not all(_SYLLABLE.fullmatch(s) for s in syllables):
                raise ValueError(f"{path}: {surname!r} reads {reading!r}, not pinyin per char")
            table[surname] = syllables
        tables.append(table)
    return tables[0], tables[1]


def split_name(name: str) -> tuple[str, str]:
    """(surname, given name): a compound surname when the name starts with one and has a
    given name after it, otherwise the first character; a name that does not start with a
    Chinese character is all surname (it sorts by its letters)."""
    name = name.strip()
    if not name or not _is_han(name[0]):
        return name, ""
    _, compound = surname_readings()
    for length in (4, 3, 2):
        if len(name) > length and name[:length] in compound:
            return name[:length], name[length:]
    return name[:1], name[1:]


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


@lru_cache(maxsize=65536)
def _syllables(text: str) -> tuple[str, ...]:
    """Pinyin with tone numbers (neutral 5) of Chinese characters; other runs of letters and
    digits lowercased as they are (a name written in Latin letters sorts by its letters).
    Cached: given names and surnames repeat (秀英, 建国), and pypinyin takes ~0.1 ms a name."""
    from pypinyin import Style, lazy_pinyin

    out: list[str] = []
    for part in lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True):
        out += re.findall(r"[0-9a-z]+", part.lower())
    return tuple(out)


def _surname_syllables(surname: str) -> tuple[str, ...]:
    single, compound = surname_readings()
    return compound.get(surname) or single.get(surname) or _syllables(surname)


def reading(name: str) -> list[str]:
    """The name's syllables with tone numbers, the surname read as a surname."""
    surname, given = split_name(name)
    return [*_surname_syllables(surname), *_syllables(given)]


def sort_key(name: str) -> str:
    """The key the name lists sort by: the surname's pinyin, the surname itself (张 and 章
    both read zhāng: each stays together), the given name's pinyin, the name. Syllables end
    in their tone digit, which sorts before any letter (chen before cheng)."""
    name = name.strip()
    surname, given = split_name(name)
    return "\x01".join(
        (" ".join(_surname_syllables(surname)), surname, " ".join(_syllables(given)), name)
    )


def _toneless(syllable: str) -> str:
    """zhang1 → zhang; digits of a name written with numbers stay (住户12)."""
    return syllable[:-1] if _SYLLABLE.fullmatch(syllable) else syllable


def spellings(name: str) -> list[str]:
    """Full-pinyin search terms: for the surname reading (and the everyday reading where it
    differs), the first k syllables spelled out and the rest as initials, for k = 1 … n
    (张三丰: zhangsf, zhangsanf, zhangsanfeng); a prefix search of a term finds zhang,
    zhangs, zhangsan and "zhang san". k = 0, the initials, is :func:`initials`'s."""
    surname, given = split_name(name)
    rest = [_toneless(s) for s in _syllables(given)]
    variants = [
        [_toneless(s) for s in _surname_syllables(surname)] + rest,
        [_toneless(s) for s in _syllables(surname)] + rest,  # the everyday reading: 曾 ceng
    ]
    terms: list[str] = []
    for syllables in variants:
        syllables = syllables[:_MAX_SYLLABLES]
        for k in range(1, len(syllables) + 1):
            term = "".join(syllables[:k]) + "".join(s[0] for s in syllables[k:])
            if term not in terms:
                terms.append(term)
    return terms
