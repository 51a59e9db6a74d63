"""Keeping derived columns current, whoever writes the row.

``name_initials`` (pinyin initials, for search by 拼音) follows ``name`` on residents and care
workers; :func:`derive_initials` runs before every flush of this device's changes (services,
imports, sync review), so no path can rename someone and keep the old initials. Rows applied
from the server keep the initials they came with.

``name_sort`` (core.pinyin.sort_key: surname pinyin, then the given name) follows ``name`` on
both, on every device (it is local: rows from the server get it here too), and orders the
lists.

``search_terms`` is derived (core.search.resident_terms) and fed by SQL triggers into the
``resident_search`` FTS5 table (migration 0003). ORM writes get it from the mapper events
below; bulk inserts call :func:`derive` per row.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.orm import Mapper

from mzdesk.core.pinyin import initials, sort_key
from mzdesk.core.search import resident_terms
from mzdesk.store.models import CareWorker, Resident

FTS_TABLE = "resident_search"


NAMED = (Resident, CareWorker)


def derive_initials(target: Resident | CareWorker) -> None:
    wanted = initials(target.name or "")
    if target.name_initials != wanted:
        target.name_initials = wanted


def derive(model: type[Any], values: MutableMapping[str, Any]) -> None:
    """Fill derived columns of a row about to be bulk-inserted."""
    if model in NAMED:
        values["name_initials"] = initials(values.get("name") or "")
        values["name_sort"] = sort_key(values.get("name") or "")
    if model is Resident:
        values["search_terms"] = resident_terms(
            values.get("name") or "", values.get("name_initials") or "", values.get("id_number")
        )


def _refresh(mapper: Mapper[Any], connection: Connection, target: Resident) -> None:
    target.search_terms = resident_terms(
        target.name or "", target.name_initials or "", target.id_number
    )


def _sort(mapper: Mapper[Any], connection: Connection, target: Resident | CareWorker) -> None:
    wanted = sort_key(target.name or "")
    if target.name_sort != wanted:
        target.name_sort = wanted


event.listen(Resident, "before_insert", _refresh)
event.listen(Resident, "before_update", _refresh)
for _named in NAMED:
    event.listen(_named, "before_insert", _sort)
    event.listen(_named, "before_update", _sort)
