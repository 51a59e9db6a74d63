"""What the ``mzdesk children`` commands share: dates, vocabularies, finding a record."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, TypeVar

from mzdesk.cli.common import fail
from mzdesk.core.dates import parse_date
from mzdesk.core.errors import ValidationError
from mzdesk.core.i18n import text
from mzdesk.core.vocab import Vocab

if TYPE_CHECKING:
    from mzdesk.store.engine import Store

V = TypeVar("V", bound=Vocab)


def date_of(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value, field=option)
    except ValidationError as error:
        fail(f"{option}: {error.problems[0].message}")


def day_of(value: str | None, option: str) -> dt.date:
    return date_of(value, option) or dt.date.today()


def vocab_of(kind: type[V], value: str, option: str) -> V:
    found = kind.from_text(value)
    if found is None:
        fail(
            text(
                "cli.children.choose", option=option, value=value, allowed="、".join(kind.labels())
            )
        )
    return found


def find_record(store: Store, table: str, key: str) -> uuid.UUID:
    from mzdesk.services.lookups import find_live_id
    from mzdesk.store.models import ChildPlacement, FamilyNotice, Resident

    if table == "notice":
        return find_live_id(store, FamilyNotice, key)
    if table == "placement":
        return find_live_id(store, ChildPlacement, key)
    return find_live_id(store, Resident, key)
