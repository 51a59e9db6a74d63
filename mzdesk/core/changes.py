"""What a change changed: the tables and the ids of their rows.

Every write transaction produces one (the store's flush hook sees every synced row written),
and front ends use it to refresh only what shows those rows (Anki's OpChanges).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    rows: Mapping[str, frozenset[uuid.UUID]] = field(default_factory=dict)
    # For a table whose changes were all updates: the fields they changed. A table that is in
    # ``rows`` but not here had rows inserted, deleted or synced: any field may have changed.
    fields: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def touches_fields(self, table: str, names: Iterable[str]) -> bool:
        """Did the change touch ``table`` in one of these fields (or in fields unknown)?"""
        if table not in self.rows:
            return False
        known = self.fields.get(table)
        return known is None or not known.isdisjoint(names)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows)

    def touches(self, tables: Iterable[str]) -> bool:
        return not self.tables.isdisjoint(tables)

    def __bool__(self) -> bool:
        return bool(self.rows)

    def __or__(self, other: Changes) -> Changes:
        merged = {t: set(ids) for t, ids in self.rows.items()}
        for table, ids in other.rows.items():
            merged.setdefault(table, set()).update(ids)
        fields: dict[str, frozenset[str]] = {}
        for table in merged:
            mine, theirs = self.fields.get(table), other.fields.get(table)
            if (table in self.rows and mine is None) or (table in other.rows and theirs is None):
                continue  # unknown on one side: unknown
            fields[table] = (mine or frozenset()) | (theirs or frozenset())
        return Changes({t: frozenset(ids) for t, ids in merged.items()}, fields)

    @classmethod
    def of(
        cls,
        rows: Mapping[str, Iterable[uuid.UUID]],
        fields: Mapping[str, Iterable[str] | None] | None = None,
    ) -> Changes:
        kept = {t: frozenset(ids) for t, ids in rows.items() if ids}
        known = {
            t: frozenset(names)
            for t, names in (fields or {}).items()
            if t in kept and names is not None
        }
        return cls(kept, known)

    def as_json(self) -> dict[str, list[str]]:
        return {t: sorted(str(i) for i in ids) for t, ids in sorted(self.rows.items())}


NO_CHANGES = Changes()
