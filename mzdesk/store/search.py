"""Keeping residents' search terms current, whoever writes the row.

``search_terms`` is derived (core.search.resident_terms) and fed by SQL triggers into the
``resident_search`` FTS5 table (migration 0003). ORM writes get it from the mapper events
below; bulk inserts call :func:`derive` per row.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.orm import Mapper

from mzdesk.core.search import resident_terms
from mzdesk.store.models import Resident

FTS_TABLE = "resident_search"


def derive(model: type[Any], values: MutableMapping[str, Any]) -> None:
    """Fill derived columns of a row about to be bulk-inserted."""
    if model is Resident:
        values["search_terms"] = resident_terms(
            values.get("name") or "", values.get("name_initials") or "", values.get("id_number")
        )


def _refresh(mapper: Mapper[Any], connection: Connection, target: Resident) -> None:
    target.search_terms = resident_terms(
        target.name or "", target.name_initials or "", target.id_number
    )


event.listen(Resident, "before_insert", _refresh)
event.listen(Resident, "before_update", _refresh)
