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
        return Changes({t: frozenset(ids) for t, ids in merged.items()})

    @classmethod
    def of(cls, rows: Mapping[str, Iterable[uuid.UUID]]) -> Changes:
        return cls({t: frozenset(ids) for t, ids in rows.items() if ids})

    def as_json(self) -> dict[str, list[str]]:
        return {t: sorted(str(i) for i in ids) for t, ids in sorted(self.rows.items())}


NO_CHANGES = Changes()
