"""批量添加床位: a range of rooms on one floor or several, so many beds each, of one type.

The home's buildings and the chosen building's floors are offered in the drop-downs (typing a
new name adds one); a last floor adds the same rooms on every floor up to it (2层 201–220 to
4层 adds 301–320 and 401–420), and the line under the form says exactly what will be added.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtWidgets import QWidget

from mzdesk.core.errors import ValidationError
from mzdesk.core.vocab import BedType
from mzdesk.gui.forms.ui_bulk_beds_dialog import Ui_BulkBedsDialog
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.inputs import (
    fill_vocab,
    from_qdate,
    select_vocab,
    setup_date,
    vocab_value,
)
from mzdesk.services.bed_blocks import BedBlock, floor_plan


class BulkBedsDialog(FormDialog, Ui_BulkBedsDialog):
    """3号楼 2层–4层 201–220, 2 beds each, 护理型."""

    def __init__(
        self, parent: QWidget | None = None, places: dict[str, list[str]] | None = None
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.error_label = self.errorLabel
        self.places = places or {}
        self.building.addItems(list(self.places))
        self.building.setCurrentIndex(-1)
        for combo, example in ((self.building, tr("例如：3号楼")), (self.floor, tr("例如：2层"))):
            line = combo.lineEdit()
            assert line is not None  # editable in the form
            line.setPlaceholderText(example)
        fill_vocab(self.bedType, BedType, empty=None)
        select_vocab(self.bedType, BedType.NURSING)
        setup_date(self.effectiveOn)
        self.building.currentTextChanged.connect(self._offer_floors)
        self.floor.currentTextChanged.connect(self._preview)
        for widget in (self.floorTo, self.roomFrom, self.roomTo):
            widget.textChanged.connect(self._preview)
        self.bedsPerRoom.valueChanged.connect(self._preview)
        self.bedType.currentIndexChanged.connect(self._preview)
        self.fields = {
            "building": self.building,
            "floor": self.floor,
            "last_floor": self.floorTo,
            "rooms": self.roomFrom,
            "beds_per_room": self.bedsPerRoom,
        }
        self._preview()

    def _offer_floors(self, building: str) -> None:
        typed = self.floor.currentText()
        self.floor.blockSignals(True)
        self.floor.clear()
        self.floor.addItems(self.places.get(building.strip(), []))
        self.floor.setEditText(typed)
        self.floor.blockSignals(False)
        self._preview()

    def block(self, institution_id: uuid.UUID) -> BedBlock:
        return BedBlock(
            institution_id,
            self.building.currentText(),
            self.floor.currentText(),
            self.floorTo.text(),
            self.roomFrom.text(),
            self.roomTo.text(),
            self.bedsPerRoom.value(),
            self.bed_type(),
            self._effective_on(),
        )

    def _effective_on(self) -> dt.date:
        return from_qdate(self.effectiveOn.date())

    def bed_type(self) -> BedType:
        return vocab_value(self.bedType, BedType) or BedType.NURSING

    def _plan(self) -> list[tuple[str, list[str]]]:
        return floor_plan(
            self.floor.currentText(), self.floorTo.text(), self.roomFrom.text(), self.roomTo.text()
        )

    def _preview(self) -> None:
        try:
            plan = self._plan()
        except ValidationError as error:
            if error.fields() == {"last_floor"}:
                self.preview.setText(str(error))
            else:
                self.preview.setText(tr("请填写房间号范围，例如 201 到 220。"))
            return
        per = self.bedsPerRoom.value()
        rooms = sum(len(r) for _, r in plan)
        first, last = plan[0][1][0], plan[-1][1][-1]
        floors = (
            plan[0][0]
            if len(plan) == 1
            else tr("{first}–{last}").format(first=plan[0][0], last=plan[-1][0])
        )
        self.preview.setText(
            tr(
                "将在{floors}添加 {rooms} 间 × {per} 床 = {count} 张{kind}床位（{first} … {last}）"
            ).format(
                floors=floors or tr("（未填楼层）"),
                rooms=rooms,
                per=per,
                count=rooms * per,
                kind=self.bed_type().label,
                first=f"{first}-1",
                last=f"{last}-{per}",
            )
        )

    def check(self) -> None:
        self._plan()
