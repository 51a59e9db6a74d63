"""批量添加床位: a range of rooms, so many beds each, of one type."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mzdesk.core.errors import ValidationError
from mzdesk.core.vocab import BedType
from mzdesk.gui.forms.ui_bulk_beds_dialog import Ui_BulkBedsDialog
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.inputs import fill_vocab, select_vocab, setup_date, vocab_value
from mzdesk.services.beds import room_range


class BulkBedsDialog(FormDialog, Ui_BulkBedsDialog):
    """3号楼 2层 201–220, 2 beds each, 护理型."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.error_label = self.errorLabel
        fill_vocab(self.bedType, BedType, empty=None)
        select_vocab(self.bedType, BedType.NURSING)
        setup_date(self.effectiveOn)
        for widget in (self.building, self.floor, self.roomFrom, self.roomTo):
            widget.textChanged.connect(self._preview)
        self.bedsPerRoom.valueChanged.connect(self._preview)
        self.bedType.currentIndexChanged.connect(self._preview)
        self.fields = {
            "building": self.building,
            "floor": self.floor,
            "rooms": self.roomFrom,
            "beds_per_room": self.bedsPerRoom,
        }
        self._preview()

    def rooms(self) -> list[str]:
        end = self.roomTo.text().strip() or self.roomFrom.text().strip()
        return room_range(self.roomFrom.text(), end)

    def bed_type(self) -> BedType:
        return vocab_value(self.bedType, BedType) or BedType.NURSING

    def _preview(self) -> None:
        try:
            rooms = self.rooms()
        except ValidationError:
            self.preview.setText(tr("请填写房间号范围，例如 201 到 220。"))
            return
        count = len(rooms) * self.bedsPerRoom.value()
        self.preview.setText(
            tr("将添加 {rooms} 间 × {per} 床 = {count} 张{kind}床位（{first} … {last}）").format(
                rooms=len(rooms),
                per=self.bedsPerRoom.value(),
                count=count,
                kind=self.bed_type().label,
                first=f"{rooms[0]}-1",
                last=f"{rooms[-1]}-{self.bedsPerRoom.value()}",
            )
        )

    def check(self) -> None:
        self.rooms()
