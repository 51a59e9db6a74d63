"""接收: a child comes into a children's home's care — the child's own fields, how it came
(the fields each way needs are shown and required by the way) and the intake documents
(scans or photos with captions), for ``receive_child``."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.children import IntakeWay
from mzdesk.core.labels import field_label, table_label
from mzdesk.core.vocab import ChildCategory, Gender, GuardianshipType, InstitutionKind
from mzdesk.gui.residents.child_form import ChildForm, text_or_none
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.files import ask_open_path
from mzdesk.services.children import Intake, IntakeDocument
from mzdesk.services.residents import ResidentData, check_resident
from mzdesk.services.views import BedView

PICTURES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
# the fields each way of intake needs (shown only for it; the service requires them)
WAY_FIELDS: dict[IntakeWay, tuple[str, ...]] = {
    IntakeWay.POLICE: ("found_on", "found_place", "brought_by", "police_report_number"),
    IntakeWay.TRANSFER: ("transferred_from",),
    IntakeWay.COURT: ("court_ruling",),
}
ALL_WAY_FIELDS = tuple(f for fields in WAY_FIELDS.values() for f in fields)


class ReceiveDialog(ChildForm):
    """The child on the left, the intake on the right, the documents below."""

    def __init__(self, free_beds: Sequence[BedView], parent: QWidget | None = None) -> None:
        super().__init__(tr("接收儿童"), "child_intakes", parent)
        self.resize(900, 620)  # fits a 1024×700 screen with its title bar
        root = QVBoxLayout(self)
        columns = QHBoxLayout()
        root.addLayout(columns, 1)

        child_box = QGroupBox(tr("儿童"))
        child = QFormLayout()
        top_aligned(child_box, child)
        columns.addWidget(child_box, 1)
        self.name = self.add_line(child, "name", field_label("name", "residents"), 50)
        self.gender = self.add_vocab(child, "gender", Gender, empty="—", label=tr("性别"))
        self.birth_date = self.add_line(child, "birth_date", tr("出生日期（可估计）"), 10)
        self.birth_date.setPlaceholderText(tr("yyyy-MM-dd，不确定时填估计日期"))
        self.category = self.add_vocab(
            child,
            "child_category",
            ChildCategory,
            empty="—",
            label=field_label("child_category", "residents"),
        )
        self.guardianship = self.add_vocab(
            child,
            "guardianship_type",
            GuardianshipType,
            empty="—",
            label=field_label("guardianship_type", "residents"),
        )
        self.id_number = self.add_line(child, "id_number", tr("身份证号（有则填）"), 18)
        self.bed = QComboBox()
        self.bed.addItem(tr("暂不安排床位"), None)
        for bed in free_beds:
            self.bed.addItem(f"{bed.label}（{bed.bed_type.label}）", bed.id)
        self._row(child, "bed_id", self.bed, field_label("bed_id", "residents"))

        intake_box = QGroupBox(table_label("child_intakes"))
        intake = QFormLayout()
        top_aligned(intake_box, intake)
        columns.addWidget(intake_box, 1)
        self.way = self.add_vocab(intake, "way", IntakeWay)
        self.intake_date = self.add_date(intake, "intake_date")
        self.found_on = self.add_date(intake, "found_on")
        self.found_place = self.add_line(intake, "found_place")
        self.brought_by = self.add_line(intake, "brought_by", max_len=100)
        self.report_number = self.add_line(intake, "police_report_number", max_len=50)
        self.transferred_from = self.add_line(intake, "transferred_from", max_len=100)
        self.court_ruling = self.add_line(intake, "court_ruling", max_len=100)
        self.birth_family = self.add_text(intake, "birth_family")
        self.note = self.add_text(intake, "note")
        self.way.currentIndexChanged.connect(self._way_changed)

        documents_box = QGroupBox(field_label("documents", "child_intakes"))
        documents = QVBoxLayout(documents_box)
        hint = QLabel(tr("扫描件或照片（PNG、JPEG），双击说明可修改。"))
        documents.addWidget(hint)
        row = QHBoxLayout()
        self.documents = QListWidget()
        self.documents.setMaximumHeight(90)
        row.addWidget(self.documents, 1)
        buttons = QVBoxLayout()
        self.add_document_button = QPushButton(tr("添加材料…"))
        self.remove_document_button = QPushButton(tr("移除"))
        buttons.addWidget(self.add_document_button)
        buttons.addWidget(self.remove_document_button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        documents.addLayout(row)
        root.addWidget(documents_box)
        self.fields["documents"] = self.documents
        self.fields["file"] = self.documents  # a file that is not a picture it says it is
        self.labels["file"] = field_label("documents", "child_intakes")
        self.add_document_button.clicked.connect(self._choose_document)
        self.remove_document_button.clicked.connect(self._remove_document)

        root.addWidget(self.make_error_label())
        root.addWidget(self.make_buttons())
        self._way_changed()
        self.name.setFocus()

    # -- the way of intake -------------------------------------------------------------------
    def _way_changed(self) -> None:
        way = self.vocab_of(self.way, IntakeWay)
        needed = WAY_FIELDS.get(way, ()) if way else ()
        for key in ALL_WAY_FIELDS:
            self.show_row(key, key in needed)

    # -- documents ---------------------------------------------------------------------------
    def _choose_document(self) -> None:
        ask_open_path(
            self, tr("选择入院材料"), tr("图片") + " (*.png *.jpg *.jpeg)", self.add_document
        )

    def add_document(self, path: str) -> None:
        """A scan or photo, captioned by its file name until the user writes a caption."""
        file = Path(path)
        if file.suffix.lower() not in PICTURES:
            self.error_label.setText(
                tr("入院材料只能是 PNG 或 JPEG 图片：{name}").format(name=file.name)
            )
            return
        item = QListWidgetItem(file.stem)
        item.setData(Qt.ItemDataRole.UserRole, str(file))
        item.setToolTip(str(file))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.documents.addItem(item)

    def _remove_document(self) -> None:
        for item in self.documents.selectedItems():
            self.documents.takeItem(self.documents.row(item))

    def intake_documents(self) -> list[IntakeDocument]:
        found = []
        for i in range(self.documents.count()):
            item = self.documents.item(i)
            path = Path(str(item.data(Qt.ItemDataRole.UserRole)))
            found.append(
                IntakeDocument(path.read_bytes(), item.text(), PICTURES[path.suffix.lower()])
            )
        return found

    # -- reading -----------------------------------------------------------------------------
    def child_data(self) -> ResidentData:
        """The child's fields; a ValidationError for a birth date that is not a date."""
        return ResidentData(
            name=self.name.text(),
            id_number=text_or_none(self.id_number),
            gender=self.vocab_of(self.gender, Gender),
            birth_date=self.optional_date(self.birth_date, "birth_date"),
            child_category=self.vocab_of(self.category, ChildCategory),
            guardianship_type=self.vocab_of(self.guardianship, GuardianshipType),
        )

    def intake(self) -> Intake:
        way = self.vocab_of(self.way, IntakeWay) or IntakeWay.OTHER
        needed = WAY_FIELDS.get(way, ())

        def shown(key: str, value: str | None) -> str | None:
            return value if key in needed else None  # a hidden field is not sent

        return Intake(
            way,
            self.date_of(self.intake_date),
            found_on=self.date_of(self.found_on) if "found_on" in needed else None,
            found_place=shown("found_place", text_or_none(self.found_place)),
            brought_by=shown("brought_by", text_or_none(self.brought_by)),
            police_report_number=shown("police_report_number", text_or_none(self.report_number)),
            transferred_from=shown("transferred_from", text_or_none(self.transferred_from)),
            court_ruling=shown("court_ruling", text_or_none(self.court_ruling)),
            birth_family=text_or_none(self.birth_family),
            note=text_or_none(self.note),
        )

    def bed_id(self) -> uuid.UUID | None:
        value = self.bed.currentData()
        return value if isinstance(value, uuid.UUID) else None

    def check(self) -> None:
        check_resident(self.child_data(), InstitutionKind.CHILDREN_HOME)


def top_aligned(box: QGroupBox, form: QFormLayout) -> None:
    """The rows at the top of their box, however many the way of intake shows."""
    column = QVBoxLayout(box)
    column.addLayout(form)
    column.addStretch(1)
