"""住户: the resident list and every flow of a stay (admit, transfer, leave, return, discharge,
assessment)."""

from __future__ import annotations

import asyncio
import uuid

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.changes import Changes
from mzdesk.core.permissions import Permission
from mzdesk.core.vocab import (
    AbilityLevel,
    BedStatus,
    ChildCategory,
    Gender,
    InstitutionKind,
    ResidentStatus,
    SupportType,
)
from mzdesk.gui.residents.child_actions import ChildActions
from mzdesk.gui.residents.filters import ResidentFilters
from mzdesk.gui.residents.history_dialog import HistoryDialog
from mzdesk.gui.residents.id_reveal import IdReveal
from mzdesk.gui.residents.model import ResidentTableModel, disability_texts
from mzdesk.gui.residents.resident_dialog import ResidentDialog
from mzdesk.gui.residents.stay_dialogs import (
    BedChooserDialog,
    preferred_bed_type,
)
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.ask import ask
from mzdesk.gui.widgets.flow import FlowLayout
from mzdesk.gui.widgets.table import setup_view
from mzdesk.gui.widgets.table_menu import TableMenuButton
from mzdesk.services.beds import list_beds
from mzdesk.services.readmission import discharged_with_id, readmit_resident
from mzdesk.services.resident_list import ResidentFilter
from mzdesk.services.residents import (
    ResidentData,
    resident_details,
    update_resident,
)
from mzdesk.services.stays import Admission, admit_resident
from mzdesk.services.tables.columns import Kind
from mzdesk.services.views import BedView, ResidentView

SEARCH_DEBOUNCE_MS = 250
# the residents' fields the list shows or filters and sorts by
LIST_FIELDS = frozenset(
    {
        "name",
        "gender",
        "birth_date",
        "id_number",
        "bed_id",
        "status",
        "support_type",
        "ability_level",
        "admission_date",
        "deleted_at",
        "child_category",
        "disability_type",
        "disability_level",
    }
)


class ResidentsPage(ChildActions):
    dialog_opened = Signal(QWidget)  # tests and screenshots follow the dialogs a flow opens
    # what the list shows: the shell refreshes the page when a change touches one of these
    tables = frozenset({"residents", "bed_stays", "resident_leaves", "assessments", "beds"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)

        filters = FlowLayout()  # both bars wrap on a narrow screen
        self.search = QLineEdit()
        # short enough for a 1024-pixel screen; the examples are in the tooltip
        self.search.setPlaceholderText(tr("搜索：姓名、拼音、身份证号尾号或床位号"))
        self.search.setToolTip(
            tr(
                "按姓名（张三）、拼音（zhangsan、zhang san、zhangs、zs）、身份证号后几位、"
                "床位号或房间号查找。Ctrl+F"
            )
        )
        self.search.setClearButtonEnabled(True)
        filters.addWidget(self.search, 3)
        children = ctx.institution.kind is InstitutionKind.CHILDREN_HOME
        self.filters = ResidentFilters(self, filters, children=children)
        self.full_ids = QCheckBox(tr("显示完整身份证号"))
        filters.addWidget(self.full_ids)
        layout.addLayout(filters)

        actions = FlowLayout()
        # in the page before its buttons are shown or hidden: a button without a parent would
        # open as a window of its own for a moment (the page is built after the main window)
        layout.addLayout(actions)
        self.admit_button = QPushButton(tr("入住登记"))
        self.open_button = QPushButton(tr("查看/编辑"))
        self.transfer_button = QPushButton(tr("换床"))
        self.leave_button = QPushButton(tr("外出"))
        self.return_button = QPushButton(tr("外出返回"))
        self.discharge_button = QPushButton(tr("退住"))
        self.assess_button = QPushButton(tr("能力评估"))
        self.history_button = QPushButton(tr("历史"))
        self.record_button = QPushButton(tr("儿童档案"))  # a child's path and its steps
        for button in (
            self.admit_button,
            self.open_button,
            self.transfer_button,
            self.leave_button,
            self.return_button,
            self.discharge_button,
            self.assess_button,
            self.history_button,
            self.record_button,
        ):
            actions.addWidget(button)
            # a role without residents.edit, or a bureau's laptop (REGION_WITHHELD): view only
            writes = button not in (self.open_button, self.history_button, self.record_button)
            button.setVisible(not writes or ctx.can(Permission.RESIDENTS_EDIT))
        self.for_children = self.children_buttons()
        actions.addStretch(1)
        # Excel in and out: a children's home keeps the children's roster (儿童名册)
        self.io = TableMenuButton(ctx, [Kind.CHILDREN if self.for_children else Kind.RESIDENTS])
        actions.addWidget(self.io)
        self.count = QLabel()
        actions.addWidget(self.count)

        self.model = ResidentTableModel(
            ctx.store,
            ctx.worker,
            ResidentFilter(institution_id=ctx.institution.id),
            children=children,
        )
        self.table = setup_view(QTableView(), sortable=True)  # the model sorts in SQL
        self.table.setModel(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by name (pinyin)
        # wide enough for every label a column can show in this language (English labels
        # such as "moderately disabled" were cut to "moderately…"); measured, not per row
        labels: dict[int, list[str]] = {
            1: [g.label for g in Gender],
            5: [s.label for s in ResidentStatus],
            6: [c.label for c in ChildCategory] if children else [s.label for s in SupportType],
            7: disability_texts() if children else [a.label for a in AbilityLevel],
        }
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader().fontMetrics()
        for column, width in enumerate((90, 50, 50, 170, 130, 60, 110, 90, 100)):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            needed = [header.horizontalAdvance(title) + 28]  # room for the sort arrow
            needed += [metrics.horizontalAdvance(text) + 14 for text in labels.get(column, [])]
            self.table.setColumnWidth(column, max(width, *needed))
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.filters.changed.connect(self.apply_filter)
        self.id_reveal = IdReveal(ctx, self.full_ids, self.model)
        # a child's record in a children's home, the resident's details in a nursing home
        self.table.doubleClicked.connect(lambda _index: self.open_default())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        # a reload (after any change) keeps the selected resident selected
        self._kept: uuid.UUID | None = None
        self.model.modelAboutToBeReset.connect(self._keep_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(self._update_buttons)  # a row updated in place
        self.admit_button.clicked.connect(lambda: self.start_admission())
        self.open_button.clicked.connect(self.open_selected)
        self.transfer_button.clicked.connect(self.start_transfer)
        self.leave_button.clicked.connect(self.start_leave)
        self.return_button.clicked.connect(self.start_return)
        self.discharge_button.clicked.connect(self.start_discharge)
        self.assess_button.clicked.connect(self.start_assessment)
        self.history_button.clicked.connect(lambda: self.show_history())
        self.record_button.clicked.connect(lambda: self.open_child_record())
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        self.table.installEventFilter(self)  # Enter opens the selected resident
        self._update_buttons()

    def refresh(self) -> asyncio.Future[None]:
        # the institution too: an enrolment may have re-keyed it
        return self.model.set_filter(institution_id=self.ctx.institution.id)

    def refresh_changed(self, changes: Changes) -> asyncio.Future[None] | None:
        """While shown: a change to residents updates their rows in place; a change to rooms,
        floors or buildings (bed labels) reloads; anything else shows nowhere in the list."""
        if changes.touches(("rooms", "floors", "buildings")):
            return self.refresh()
        if not changes.touches_fields("residents", LIST_FIELDS):
            return None  # e.g. a phone number: the list does not show it
        return self.model.update_rows(changes.rows["residents"])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_default()
            return True
        return super().eventFilter(watched, event)

    # -- list ------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(text=self.search.text(), **self.filters.values())

    def selected(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        return row.id if row else None

    def select(self, resident_id: uuid.UUID) -> bool:
        for i, row in enumerate(self.model.rows):
            if row.id == resident_id:
                self.table.selectRow(i)
                return True
        return False

    def _keep_selection(self) -> None:
        self._kept = self.selected()

    def _restore_selection(self) -> None:
        if self._kept is not None:
            self.select(self._kept)
        self._kept = None

    def _update_buttons(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        live = row is not None and row.status is not ResidentStatus.DISCHARGED
        self.open_button.setEnabled(row is not None)
        self.history_button.setEnabled(row is not None)
        self.record_button.setEnabled(row is not None)
        self.transfer_button.setEnabled(live)
        self.discharge_button.setEnabled(live)
        self.assess_button.setEnabled(live)
        self.leave_button.setEnabled(row is not None and row.status is ResidentStatus.IN_HOUSE)
        self.return_button.setEnabled(row is not None and row.status is ResidentStatus.ON_LEAVE)
        if self.model.capped:
            self.count.setText(tr("超过 {n} 人").format(n=self.model.total))
        else:
            self.count.setText(tr("共 {n} 人").format(n=self.model.total))

    def _show(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # type: ignore[attr-defined]
        self.dialog_opened.emit(dialog)

    # -- flows -----------------------------------------------------------------------------
    def start_admission(self, bed: BedView | None = None) -> None:
        if self.for_children:
            self.start_receive(bed)
            return
        dialog = ResidentDialog(self.ctx.institution.kind, parent=self)
        dialog.setWindowTitle(tr("入住登记"))
        dialog.accepted.connect(lambda: self._choose_bed_for(dialog.resident_data(), bed))
        self._show(dialog)

    @async_slot()
    async def _choose_bed_for(self, data: ResidentData, bed: BedView | None) -> None:
        ctx = self.ctx
        go_on, earlier = await self._discharged_person(data)
        if not go_on:
            return
        beds = (
            [bed]
            if bed
            else await ctx.worker.read(
                list_beds, ctx.store, ctx.institution.id, status=BedStatus.FREE
            )
        )
        wanted = preferred_bed_type(None, data.cognitive_disorder)
        chooser = BedChooserDialog(
            tr("为「{name}」选择床位与入住日期").format(name=data.name),
            beds,
            wanted,
            self,
            date_label=tr("入住日期"),
        )
        chooser.setWindowTitle(tr("入住登记：选择床位"))
        if earlier:
            chooser.setWindowTitle(tr("再次入住：选择床位"))

        async def submit() -> None:
            if earlier:
                admitted = await ctx.change(
                    readmit_resident, earlier.id, chooser.chosen_date(), chooser.bed_id(), data
                )
            else:
                admitted = await ctx.change(
                    admit_resident,
                    Admission(ctx.institution.id, data, chooser.chosen_date(), chooser.bed_id()),
                )
            await self.model.settled()
            self.select(admitted.id)

        chooser.submit = submit
        self._show(chooser)

    async def _discharged_person(self, data: ResidentData) -> tuple[bool, ResidentView | None]:
        """Whether to go on, and the discharged person with this ID number when the user chose
        to re-admit them (a person has one record: declining stops the admission)."""
        if not data.id_number:
            return True, None
        ctx = self.ctx
        found = await ctx.worker.read(
            discharged_with_id, ctx.store, ctx.institution.id, data.id_number
        )
        if found is None:
            return True, None
        text = tr(
            "身份证号 {id} 属于「{name}」，已于 {date} 退住。\n"
            "为其办理再次入住？沿用原档案（本次填写的内容更新档案），历史保留前后两次入住。"
        ).format(
            id=found.masked_id_number,
            name=found.name,
            date=found.discharge_date.isoformat() if found.discharge_date else "",
        )
        if await ask(self, tr("再次入住"), text, yes=tr("再次入住")):
            return True, found
        return False, None

    def open_default(self) -> None:
        """Double-click or Enter on a row."""
        if self.for_children:
            self.open_child_record()
        else:
            self.open_selected()

    @async_slot()
    async def open_selected(self) -> None:
        resident_id = self.selected()
        if resident_id is not None:
            await self.open_resident(resident_id)

    async def open_resident(
        self, resident_id: uuid.UUID, parent: QWidget | None = None
    ) -> ResidentDialog:
        ctx = self.ctx
        view, data = await ctx.worker.read(resident_details, ctx.store, resident_id)
        discharged = view.status is ResidentStatus.DISCHARGED
        dialog = ResidentDialog(
            ctx.institution.kind, data, read_only=discharged, parent=parent or self
        )
        if not discharged:
            dialog.setWindowTitle(tr("住户信息：{name}").format(name=view.name))

            async def submit() -> None:
                await ctx.change(update_resident, resident_id, dialog.resident_data())

            dialog.submit = submit
        history = dialog.buttons.addButton(tr("历史"), QDialogButtonBox.ButtonRole.ActionRole)
        history.clicked.connect(lambda: self.show_history(resident_id, dialog))
        self._show(dialog)
        return dialog

    @async_slot()
    async def show_history(
        self, resident_id: uuid.UUID | None = None, parent: QWidget | None = None
    ) -> None:
        """历史: the resident's record and the rows that belong to it, newest first."""
        resident_id = resident_id or self.selected()
        if resident_id is not None:
            self._show(await HistoryDialog.load(self.ctx, resident_id, parent or self))
