"""儿童档案: a child's path as a dated list (private details hidden unless a role with
children.private asks to see them — audited), and the steps that follow 接收, each a small
dialog (child_steps.py) calling its service; the record reloads after each."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.children import (
    CareArrangement,
    NoticeStatus,
    SchoolStage,
    child_status_label,
)
from mzdesk.core.labels import field_label
from mzdesk.core.permissions import Permission
from mzdesk.core.vocab import BedStatus, ResidentStatus
from mzdesk.gui.residents.child_form import ChildForm, text_or_none
from mzdesk.gui.residents.child_history import UpbringingHistoryDialog
from mzdesk.gui.residents.child_steps import (
    ChildAssessmentDialog,
    ChildLeaveDialog,
    CloseNoticeDialog,
    EndFosterDialog,
    NoticeDialog,
    PlacementDialog,
    UpbringingDialog,
    VisitDialog,
    deadline_text,
    step_value,
)
from mzdesk.gui.residents.document_viewer import DocumentViewer, add_document_rows
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.ask import ask
from mzdesk.gui.widgets.dialog import Refusal
from mzdesk.gui.widgets.flow import FlowLayout
from mzdesk.services.beds import list_beds
from mzdesk.services.children import (
    Arrangement,
    ChildPath,
    Placement,
    child_leaves,
    child_path,
    close_notice,
    end_foster_care,
    open_intake_document,
    place_child,
    publish_notice,
    record_child_assessment,
    record_visit,
    reveal_child_path,
    set_upbringing,
)


class ChildRecordDialog(QDialog):
    """The record of one child; ``step_opened`` tells tests and screenshots of a step's dialog."""

    step_opened = Signal(QWidget)

    def __init__(
        self, ctx: AppContext, resident_id: uuid.UUID, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.resident_id = resident_id
        self.path: ChildPath | None = None
        self.setWindowTitle(tr("儿童档案"))
        self.resize(820, 620)  # fits a 1024×700 screen with its title bar
        root = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        root.addWidget(self.heading)
        self.steps = QTreeWidget()
        self.steps.setHeaderLabels([tr("日期"), tr("内容")])
        self.steps.setColumnWidth(0, 180)
        root.addWidget(self.steps, 1)

        actions = FlowLayout()
        # for anyone who may read the record: the child's own details, the 养育 history
        self.details_button = QPushButton(tr("基本信息"), self)
        actions.addWidget(self.details_button)
        self.history_button = QPushButton(tr("养育记录"), self)
        self.history_button.clicked.connect(self.show_upbringing)
        actions.addWidget(self.history_button)
        self.reveal_button = QPushButton(tr("显示身世与家庭信息"), self)
        self.reveal_button.setToolTip(
            tr(
                "显示亲生家庭、捡拾与送交情况、入院材料和安置家庭。"
                "每次查看都记入审计日志（谁、何时、看了哪些记录）。"
            )
        )
        self.reveal_button.setVisible(ctx.can(Permission.CHILDREN_PRIVATE))
        self.reveal_button.clicked.connect(self.reveal)
        actions.addWidget(self.reveal_button)
        self.buttons: dict[str, QPushButton] = {}
        for key, label, slot in (
            ("notice", tr("发布寻亲公告"), self.start_notice),
            ("close_notice", tr("结束公告"), self.start_close_notice),
            ("assessment", tr("入院评估"), self.start_assessment),
            ("upbringing", tr("养育安排"), self.start_upbringing),
            ("placement", tr("安置"), self.start_placement),
            ("visit", tr("回访"), self.start_visit),
            ("end_foster", tr("结束寄养"), self.start_end_foster),
            ("leave", tr("离院"), self.start_leave),
        ):
            button = QPushButton(label, self)
            button.clicked.connect(slot)
            button.setVisible(ctx.can(Permission.RESIDENTS_EDIT))
            actions.addWidget(button)
            self.buttons[key] = button
        root.addLayout(actions)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        root.addWidget(close)

    # -- showing the path --------------------------------------------------------------------
    async def reload(self, reveal: bool = False) -> None:
        ctx = self.ctx
        if reveal:
            self.path = await ctx.change(reveal_child_path, self.resident_id)
        else:
            self.path = await ctx.worker.read(child_path, ctx.store, self.resident_id)
        self._fill(self.path)

    async def refresh(self) -> None:
        """Read again, the private details shown again (and audited again) if they were."""
        await self.reload(reveal=bool(self.path and self.path.revealed))

    @async_slot()
    async def reveal(self) -> None:
        await self.reload(reveal=True)

    @async_slot()
    async def show_upbringing(self) -> None:
        dialog = UpbringingHistoryDialog(self.ctx, self._who(), self)
        await dialog.load(self.resident_id)
        self._opened(dialog)

    @async_slot(object)
    async def open_document(self, document_id: uuid.UUID) -> None:
        """查看 an intake document: in memory only, each opening audited."""
        document = await self.ctx.change(open_intake_document, document_id)
        self._opened(DocumentViewer(document, self))

    def _opened(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.step_opened.emit(dialog)

    def _fill(self, path: ChildPath) -> None:
        self.path = path
        child = path.child
        self.setWindowTitle(tr("儿童档案：{name}").format(name=child.name))
        born = child.birth_date.isoformat() if child.birth_date else "—"
        self.heading.setText(
            tr("{name}，出生日期 {born}，{status}；接收日期 {date}").format(
                name=child.name,
                born=born,
                status=child_status_label(child.status),
                date=child.admission_date.isoformat(),
            )
        )
        self.steps.clear()
        for step in path.steps:
            top = QTreeWidgetItem([step.on.isoformat(), step.title])
            for field in step.fields:
                QTreeWidgetItem(top, [field.label, field.value])
            if step.table == "family_notices":
                QTreeWidgetItem(top, [tr("公告期至"), deadline_text(step)])
            label = field_label("documents", "child_intakes")
            if step.document_files:  # revealed: each can be opened (audited)
                add_document_rows(self.steps, top, label, step.document_files, self.open_document)
            elif step.documents:
                QTreeWidgetItem(top, [label, "、".join(step.documents)])
            self.steps.addTopLevelItem(top)
        self.steps.expandAll()
        self.reveal_button.setEnabled(not path.revealed)
        in_care = child.status is not ResidentStatus.DISCHARGED
        fostered = child.status is ResidentStatus.FOSTERED
        running = self.running_notice() is not None
        enabled = {
            "notice": in_care and not running,
            "close_notice": running,
            "assessment": in_care,
            "upbringing": in_care,
            "placement": in_care,
            "visit": bool(self.placements()),
            "end_foster": fostered,
            "leave": in_care,
        }
        for key, button in self.buttons.items():
            button.setEnabled(enabled[key])

    def running_notice(self) -> uuid.UUID | None:
        steps = self.path.steps if self.path else ()
        running = NoticeStatus.RUNNING.label
        return next(
            (
                s.id
                for s in steps
                if s.table == "family_notices" and step_value(s, "status") == running
            ),
            None,
        )

    def placements(self) -> list[tuple[uuid.UUID, str]]:
        """The placements a visit can be of, newest first."""
        steps = self.path.steps if self.path else ()
        return [
            (s.id, f"{step_value(s, 'kind') or ''} {s.on.isoformat()}")
            for s in reversed(steps)
            if s.table == "child_placements"
        ]

    def _who(self) -> str:
        return self.path.child.name if self.path else ""

    def _open(self, dialog: ChildForm, submit: Callable[[], Awaitable[None]]) -> None:
        async def run() -> None:
            await submit()
            await self.refresh()

        dialog.submit = run
        self._opened(dialog)

    # -- the steps ---------------------------------------------------------------------------
    def start_notice(self) -> None:
        d = NoticeDialog(tr("为「{name}」发布寻亲公告").format(name=self._who()), self)

        async def submit() -> None:
            await self.ctx.change(
                publish_notice,
                self.resident_id,
                d.date_of(d.published_on),
                publication=text_or_none(d.publication),
                period_days=d.period_days.value(),
                note=text_or_none(d.note),
            )

        self._open(d, submit)

    def start_close_notice(self) -> None:
        notice = self.running_notice()
        if notice is None:
            return
        d = CloseNoticeDialog(tr("结束「{name}」的寻亲公告").format(name=self._who()), self)

        async def submit() -> None:
            claimed = d.chosen() is NoticeStatus.CLAIMED
            await self.ctx.change(
                close_notice,
                notice,
                d.chosen(),
                d.date_of(d.closed_on),
                claimed_by=text_or_none(d.claimed_by) if claimed else None,
                note=text_or_none(d.note),
            )

        self._open(d, submit)

    def start_assessment(self) -> None:
        d = ChildAssessmentDialog(tr("「{name}」入院评估").format(name=self._who()), parent=self)

        async def submit() -> None:
            await self.ctx.change(
                record_child_assessment,
                self.resident_id,
                d.date_of(d.assessed_on),
                d.assessor.text(),
                d.answers(),
                note=text_or_none(d.note),
            )

        self._open(d, submit)

    def start_upbringing(self) -> None:
        d = UpbringingDialog(tr("「{name}」养育安排").format(name=self._who()), self)

        async def submit() -> None:
            plan = Arrangement(
                d.date_of(d.effective_on),
                d.vocab_of(d.arrangement, CareArrangement) or CareArrangement.OTHER,
                d.vocab_of(d.school_stage, SchoolStage) or SchoolStage.NOT_YET,
                group_name=text_or_none(d.group_name),
                school_name=text_or_none(d.school_name),
                rehabilitation=text_or_none(d.rehabilitation),
                medical=text_or_none(d.medical),
                note=text_or_none(d.note),
            )
            await self.ctx.change(set_upbringing, self.resident_id, plan)

        self._open(d, submit)

    def start_placement(self) -> None:
        d = PlacementDialog(tr("「{name}」安置").format(name=self._who()), self)

        async def submit() -> None:
            kind = d.chosen()
            placement = Placement(
                kind,
                d.date_of(d.start_date),
                family_name=text_or_none(d.family_name),
                family_id_number=text_or_none(d.family_id_number),
                family_address=text_or_none(d.family_address),
                family_phone=text_or_none(d.family_phone),
                agreement_number=text_or_none(d.agreement_number),
                next_visit_due=d.optional_date(d.next_visit_due, "next_visit_due"),
                note=text_or_none(d.note),
            )
            if kind.leaves_the_home:
                text = tr(
                    "「{name}」以{kind}方式安置，安置日期 {date}？\n"
                    "儿童将离院，床位空出，档案保留，不能再修改。"
                ).format(name=self._who(), kind=kind.label, date=placement.start_date.isoformat())
                if not await ask(d, tr("确认安置"), text, yes=tr("安置")):
                    raise Refusal(tr("未办理安置。"))
            await self.ctx.change(place_child, self.resident_id, placement)

        self._open(d, submit)

    def start_visit(self) -> None:
        d = VisitDialog(tr("「{name}」安置回访").format(name=self._who()), self.placements(), self)

        async def submit() -> None:
            await self.ctx.change(
                record_visit,
                d.placement_id(),
                d.date_of(d.visited_on),
                d.visited_by.text(),
                d.findings.toPlainText(),
                next_visit_due=d.optional_date(d.next_visit_due, "next_visit_due"),
            )

        self._open(d, submit)

    @async_slot()
    async def start_end_foster(self) -> None:
        ctx = self.ctx
        beds = await ctx.worker.read(
            list_beds, ctx.store, ctx.institution.id, status=BedStatus.FREE
        )
        d = EndFosterDialog(tr("「{name}」结束寄养，回到院内").format(name=self._who()), beds, self)

        async def submit() -> None:
            await ctx.change(
                end_foster_care,
                self.resident_id,
                d.date_of(d.end_date),
                d.end_reason.text(),
                bed_id=d.bed_id(),
            )

        self._open(d, submit)

    def start_leave(self) -> None:
        d = ChildLeaveDialog(tr("为「{name}」办理离院").format(name=self._who()), self)

        async def submit() -> None:
            on = d.date_of(d.discharge_date)
            text = tr(
                "为「{name}」办理离院（{reason}），离院日期 {date}？\n"
                "床位空出，档案保留，不能再修改。"
            ).format(name=self._who(), reason=d.chosen().label, date=on.isoformat())
            if not await ask(d, tr("确认离院"), text, yes=tr("离院")):
                raise Refusal(tr("未办理离院。"))
            await self.ctx.change(
                child_leaves,
                self.resident_id,
                on,
                d.chosen(),
                note=text_or_none(d.discharge_note),
            )

        self._open(d, submit)
