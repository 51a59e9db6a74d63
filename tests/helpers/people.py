"""Valid ID numbers and rows for tests."""

from __future__ import annotations

import datetime as dt
import itertools

from mzdesk.core.identifiers import make_id_number

_sequence = itertools.count(11, 2)


def id_number(
    birth: dt.date = dt.date(1940, 5, 1), *, male: bool = True, region: str = "370205"
) -> str:
    seq = next(_sequence) % 998
    seq = seq if seq % 2 == (1 if male else 0) else seq + 1
    return make_id_number(region, birth, seq)


def wrong_check(number: str) -> str:
    """The same number with a check character that cannot be right."""
    digits = "0123456789X"
    return number[:17] + digits[(digits.index(number[17]) + 1) % len(digits)]
