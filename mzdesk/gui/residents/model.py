"""A Qt table model over the resident list query: the database filters, sorts and pages.

Rows are fetched 200 at a time as the view scrolls (``canFetchMore``/``fetchMore``), and
``sort()`` re-queries with ORDER BY instead of comparing rows in Python, so a list of
100,000 residents costs one bounded query per keystroke.

Every query runs on the worker's readers, never on the GUI thread: ``reload()`` keeps showing
the old rows until the new ones arrive and then swaps them in one reset (no empty flash), and
a reload that a newer one overtook is dropped.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from collections.abc import Collection
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from mzdesk.core.child_assessment import child_scheme
from mzdesk.core.children import child_status_label
from mzdesk.core.vocab import ResidentStatus
from mzdesk.gui.runtime.i18n import QT_TR_NOOP, tr
from mzdesk.gui.runtime.tasks import spawn
from mzdesk.gui.runtime.worker import Worker
from mzdesk.services.resident_list import (
    ResidentFilter,
    ResidentRow,
    SortKey,
    page_residents,
    rows_by_id,
    search_residents,
)
from mzdesk.store.engine import Store

PAGE = 200
Index = QModelIndex | QPersistentModelIndex

COLUMNS: list[tuple[str, SortKey | None]] = [
    (QT_TR_NOOP("姓名"), SortKey.NAME),
    (QT_TR_NOOP("性别"), None),
    (QT_TR_NOOP("年龄"), SortKey.AGE),
    (QT_TR_NOOP("身份证号"), None),
    (QT_TR_NOOP("床位"), SortKey.BED),
    (QT_TR_NOOP("状态"), SortKey.STATUS),
    (QT_TR_NOOP("供养类型"), None),
    (QT_TR_NOOP("能力等级"), SortKey.LEVEL),
    (QT_TR_NOOP("入住日期"), SortKey.ADMISSION),
]
# a children's home: its categories and the disability found at intake, not the elderly's
# support type and ability level; its words for being in and out of the home's care
CHILD_COLUMNS: dict[int, tuple[str, SortKey | None]] = {
    5: (QT_TR_NOOP("状态"), SortKey.STATUS),
    6: (QT_TR_NOOP("儿童类别"), None),
    7: (QT_TR_NOOP("残疾情况"), None),
    8: (QT_TR_NOOP("接收日期"), SortKey.ADMISSION),
}
ID_COLUMN = 3
_STATUS_COLOURS = {
    ResidentStatus.ON_LEAVE: QColor("#b26a00"),
    ResidentStatus.FOSTERED: QColor("#6a4fb3"),
    ResidentStatus.DISCHARGED: QColor("#777777"),
}


class ResidentTableModel(QAbstractTableModel):
    def __init__(
        self,
        store: Store,
        worker: Worker,
        resident_filter: ResidentFilter,
        *,
        children: bool = False,
    ) -> None:
        super().__init__()
        self.for_children = children  # a children's home's list (CHILD_COLUMNS)
        self.columns = [CHILD_COLUMNS.get(i, c) if children else c for i, c in enumerate(COLUMNS)]
        self.store = store
        self.worker = worker
        self.filter = resident_filter
        self.sort_key = SortKey.NAME
        self.descending = False
        self.revealed: dict[uuid.UUID, str] = {}  # full 身份证号 shown, by resident
        self.total = 0
        self.capped = False
        self._exhausted = True
        self.rows: list[ResidentRow] = []
        self.today = dt.date.today()
        self._generation = 0  # bumped by every reload: older answers are dropped
        self._fetching = False
        self.loading: asyncio.Future[None] | None = None

    # -- loading -------------------------------------------------------------------------
    def reload(self) -> asyncio.Future[None]:
        """Query again (on a reader thread); the old rows stay until the new ones arrive."""
        self._generation += 1
        self.loading = spawn(self._reload(self._generation))
        return self.loading

    async def _reload(self, generation: int) -> None:
        found = await self.worker.read(
            search_residents,
            self.store,
            self.filter,
            sort=self.sort_key,
            descending=self.descending,
            limit=PAGE,
        )
        if generation != self._generation:
            return
        self.beginResetModel()
        self.today = dt.date.today()
        self.total, self.capped, self.rows = found.total, found.capped, found.rows
        self._exhausted = len(self.rows) < PAGE
        self._fetching = False
        self.endResetModel()

    @property
    def idle(self) -> bool:
        """No query in flight: the rows shown are the latest."""
        return (self.loading is None or self.loading.done()) and not self._fetching

    async def settled(self) -> None:
        """Wait until the latest reload has shown its rows."""
        while self.loading is not None and not self.loading.done():
            await asyncio.shield(self.loading)

    def set_filter(self, **changes: Any) -> asyncio.Future[None]:
        self.filter = replace(self.filter, **changes)
        return self.reload()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._exhausted or self._fetching:
            return False
        return self.capped or len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetching:
            return
        self._fetching = True
        spawn(self._fetch_more(self._generation))

    async def _fetch_more(self, generation: int) -> None:
        try:
            more = await self.worker.read(
                page_residents,
                self.store,
                self.filter,
                sort=self.sort_key,
                descending=self.descending,
                offset=len(self.rows),
                limit=PAGE,
                matches=self.total + 1 if self.capped else self.total,
            )
        finally:
            if generation == self._generation:
                self._fetching = False
        if generation != self._generation:
            return  # a reload replaced the rows this page continued
        if len(more) < PAGE:
            self._exhausted = True
            if self.capped:  # now the real total is known
                self.capped = False
                self.total = len(self.rows) + len(more)
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def update_rows(self, resident_ids: Collection[uuid.UUID]) -> asyncio.Future[None]:
        """A change touched these residents: when all of them are shown, fetch just them and
        update their rows in place; otherwise (new, or moved in the order) reload."""
        shown = {row.id: i for i, row in enumerate(self.rows)}
        wanted = set(resident_ids)
        if not wanted <= shown.keys():
            return self.reload()
        self.loading = spawn(self._update_rows(self._generation, wanted, shown))
        return self.loading

    async def _update_rows(
        self, generation: int, wanted: set[uuid.UUID], shown: dict[uuid.UUID, int]
    ) -> None:
        fresh = {
            row.id: row
            for row in await self.worker.read(rows_by_id, self.store, self.filter, list(wanted))
        }
        if generation != self._generation:
            return
        if fresh.keys() != wanted or any(
            _sort_value(self.rows[shown[i]], self.sort_key) != _sort_value(fresh[i], self.sort_key)
            for i in wanted
        ):
            await self._reload(generation)  # left the filter or moved: the list changes
            return
        for resident_id in wanted:
            index = shown[resident_id]
            if self.rows[index] != fresh[resident_id]:
                self.rows[index] = fresh[resident_id]
                self.dataChanged.emit(self.index(index, 0), self.index(index, len(COLUMNS) - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column][1] if 0 <= column < len(self.columns) else None
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def set_revealed(self, revealed: dict[uuid.UUID, str]) -> None:
        """Show these full ID numbers (fetched through the audited service); others masked."""
        self.revealed = dict(revealed)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, ID_COLUMN), self.index(len(self.rows) - 1, ID_COLUMN)
            )

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(self.columns[section][0]) if 0 <= section < len(self.columns) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and row.status in _STATUS_COLOURS:
            return _STATUS_COLOURS[row.status]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2,):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: ResidentRow, column: int) -> str:
        if self.for_children and column in (5, 6, 7):
            return _child_display(row, column)
        match column:
            case 0:
                return row.name
            case 1:
                return row.gender.label if row.gender else ""
            case 2:
                age = row.age(self.today)
                return "" if age is None else str(age)
            case 3:
                return self.revealed.get(row.id, row.masked_id_number)
            case 4:
                return row.bed_label
            case 5:
                return row.status.label
            case 6:
                return row.support_type.label if row.support_type else ""
            case 7:
                return row.ability_level.label if row.ability_level else tr("未评估")
            case 8:
                return row.admission_date.isoformat()
        return ""

    def row_at(self, row: int) -> ResidentRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


def _child_display(row: ResidentRow, column: int) -> str:
    if column == 5:
        return child_status_label(row.status)
    if column == 6:
        return row.child_category.label if row.child_category else ""
    return disability_text(row.disability_type, row.disability_level)


def disability_text(kind: str | None, level: str | None) -> str:
    """The disability the assessment found (kept in Chinese), in the language shown; empty
    without one."""
    if not kind:
        return ""
    scheme = child_scheme()
    shown = []
    for field, value in (("disability_type", kind), ("disability_level", level)):
        options = scheme.item_for_field(field).options
        option = next((o for o in options if o.zh == value), None)
        if value:
            shown.append(option.label if option else value)
    return " ".join(shown)


def disability_texts() -> list[str]:
    """Every disability the list can show (its column is measured to fit the longest)."""
    scheme = child_scheme()
    kinds = scheme.item_for_field("disability_type").options
    levels = scheme.item_for_field("disability_level").options
    return [disability_text(k.zh, v.zh) for k in kinds for v in levels if k.code != "none"]


def _sort_value(row: ResidentRow, key: SortKey) -> object:
    """What places a row in the list under ``key``."""
    return {
        SortKey.NAME: row.name,
        SortKey.BED: row.bed_label,
        SortKey.ADMISSION: row.admission_date,
        SortKey.AGE: row.birth_date,
        SortKey.STATUS: row.status,
        SortKey.LEVEL: row.ability_level,
    }[key]
