"""检查计划: the home's recurring checks (每日防火巡查, 每月防火检查…), listed, added, changed,
paused or removed. 首页 shows what they make due and what was missed."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.labels import field_label
from mzdesk.core.permissions import Permission
from mzdesk.core.vocab import InspectionType, ScheduleFrequency
from mzdesk.gui.inspections.start_dialog import chosen_checklist, fill_checklists
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import spawn
from mzdesk.gui.widgets.dialog import FormDialog, Refusal, wait_for
from mzdesk.gui.widgets.inputs import fill_vocab, from_qdate, select_vocab, setup_date, vocab_value
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.inspecting.schedules import (
    ScheduleData,
    ScheduleView,
    list_schedules,
    remove_schedule,
    save_schedule,
)
from mzdesk.services.inspecting.templates import ChecklistChoice, available_checklists

TABLE = "inspection_schedules"


class ScheduleDialog(FormDialog):
    record_table = TABLE

    def __init__(
        self,
        institution_id: uuid.UUID,
        choices: Sequence[ChecklistChoice],
        schedule: ScheduleView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.institution_id = institution_id
        self.setWindowTitle(tr("新建检查计划") if schedule is None else tr("修改检查计划"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(schedule.name if schedule else "")
        self.name.setPlaceholderText(tr("如：每日防火巡查"))
        self.frequency = QComboBox()
        fill_vocab(self.frequency, ScheduleFrequency, empty=None)
        self.template = QComboBox()
        fill_checklists(self.template, choices)
        self.inspection_type = QComboBox()
        fill_vocab(self.inspection_type, InspectionType, empty=None)
        self.starts_on = QDateEdit()
        setup_date(self.starts_on, schedule.starts_on if schedule else None)
        self.active = QCheckBox(tr("启用"))
        self.active.setChecked(schedule.active if schedule else True)
        if schedule is not None:
            select_vocab(self.frequency, schedule.frequency)
            select_vocab(self.inspection_type, schedule.inspection_type)
            self.template.setCurrentIndex(max(self.template.findData(str(schedule.template_id)), 0))
        for key, widget in (
            ("name", self.name),
            ("frequency", self.frequency),
            ("template_id", self.template),
            ("inspection_type", self.inspection_type),
            ("starts_on", self.starts_on),
        ):
            form.addRow(field_label(key, TABLE), widget)
            self.fields[key] = widget
        form.addRow("", self.active)
        layout.addLayout(form)
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons())
        self.resize(520, 0)

    def data(self) -> ScheduleData:
        template_id = chosen_checklist(self.template)
        frequency = vocab_value(self.frequency, ScheduleFrequency)
        kind = vocab_value(self.inspection_type, InspectionType)
        if template_id is None or frequency is None or kind is None:
            raise Refusal(tr("请选择频次、检查表和检查类型。"))
        return ScheduleData(
            self.institution_id,
            self.name.text(),
            frequency,
            template_id,
            kind,
            from_qdate(self.starts_on.date()),
            self.active.isChecked(),
        )

    def check(self) -> None:
        self.data()


class SchedulesDialog(QDialog):
    """The list with 新建 / 修改 / 删除; each action is handed to the page (it writes)."""

    def __init__(
        self,
        edit: Callable[[ScheduleView | None], Awaitable[None]],
        remove: Callable[[ScheduleView], Awaitable[None]],
        can_edit: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("检查计划"))
        self.schedules: list[ScheduleView] = []
        self._edit, self._remove = edit, remove
        layout = QVBoxLayout(self)
        self.table = make_table(
            [tr("计划名称"), tr("频次"), tr("检查表"), tr("检查类型"), tr("开始日期"), tr("状态")]
        )
        layout.addWidget(self.table, 1)
        bar = QHBoxLayout()
        self.add_button = QPushButton(tr("新建计划…"))
        self.edit_button = QPushButton(tr("修改…"))
        self.remove_button = QPushButton(tr("删除"))
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setEnabled(can_edit)
            bar.addWidget(button)
        bar.addStretch(1)
        close = QPushButton(tr("关闭"))
        close.clicked.connect(self.close)
        bar.addWidget(close)
        layout.addLayout(bar)
        self.add_button.clicked.connect(lambda: spawn(self._edit(None)))
        self.edit_button.clicked.connect(lambda: self._selected(self._edit))
        self.table.doubleClicked.connect(lambda: self._selected(self._edit))
        self.remove_button.clicked.connect(lambda: self._selected(self._remove))
        self.resize(820, 420)

    def _selected(self, action: Callable[[ScheduleView], Awaitable[None]]) -> None:
        row = self.table.selected_row()
        if row is not None and row < len(self.schedules):
            spawn(action(self.schedules[row]))

    def show_schedules(self, schedules: Sequence[ScheduleView]) -> None:
        self.schedules = list(schedules)
        self.table.show_rows(
            [
                (
                    s.name,
                    s.frequency.label,
                    s.template_title,
                    s.inspection_type.label,
                    s.starts_on.isoformat(),
                    tr("启用") if s.active else tr("暂停"),
                )
                for s in schedules
            ]
        )


async def manage_schedules(
    ctx: AppContext,
    parent: QWidget,
    show: Callable[[QWidget], None],
    opened: Callable[[QWidget], None],
) -> None:
    """The list of schedules, with 新建 / 修改 / 删除 writing through the one writer."""

    async def reload() -> None:
        listing.show_schedules(await ctx.worker.read(list_schedules, ctx.store, ctx.institution.id))

    async def edit(schedule: ScheduleView | None) -> None:
        choices = await ctx.worker.read(
            available_checklists, ctx.store, ctx.institution.id, ctx.institution.kind
        )
        form = ScheduleDialog(ctx.institution.id, choices, schedule, listing)

        async def submit() -> None:
            await ctx.change(save_schedule, form.data(), schedule.id if schedule else None)
            await reload()

        form.submit = submit
        show(form)

    async def remove(schedule: ScheduleView) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("删除检查计划"),
            tr("删除检查计划「{name}」？已做的检查记录不受影响。").format(name=schedule.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            listing,
        )
        opened(box)
        if await wait_for(box) == QMessageBox.StandardButton.Yes.value:
            await ctx.change(remove_schedule, schedule.id)
            await reload()

    listing = SchedulesDialog(edit, remove, ctx.can(Permission.INSPECTIONS_EDIT), parent)
    await reload()
    listing.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    listing.show()
    opened(listing)
