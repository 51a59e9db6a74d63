"""护理员与培训: the care workers and the training sessions recorded."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.labels import heading
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.workers import list_trainings, list_workers


class WorkersPage(QWidget):
    # what the page shows: the shell refreshes it when a change touches one of these
    tables = frozenset(
        {"care_workers", "worker_certificates", "training_sessions", "training_attendance"}
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(heading(tr("在职人员")))
        self.workers = make_table(
            [
                tr("姓名"),
                tr("岗位"),
                tr("技能等级"),
                tr("入职日期"),
            ]
        )
        layout.addWidget(self.workers, 1)
        layout.addWidget(heading(tr("培训记录")))
        self.trainings = make_table(
            [
                tr("培训主题"),
                tr("类别"),
                tr("日期"),
                tr("学时"),
                tr("参训"),
                tr("合格"),
            ]
        )
        layout.addWidget(self.trainings, 1)
        note = QLabel(
            tr(
                "护理员与培训可用“mzdesk import workers”导入；培训登记、证书打印与岗前培训率统计将在后续版本提供。"
            )
        )
        note.setStyleSheet("color: #667;")
        note.setWordWrap(True)
        layout.addWidget(note)

    @async_slot()
    async def refresh(self) -> None:
        workers = await self.ctx.worker.read(list_workers, self.ctx.store, self.ctx.institution.id)
        trainings = await self.ctx.worker.read(
            list_trainings, self.ctx.store, self.ctx.institution.id
        )
        self.workers.show_rows(
            [
                (w.name, w.occupation.label, w.skill_level.label, w.hired_on.isoformat())
                for w in workers
            ],
        )
        self.trainings.show_rows(
            [
                (
                    t.topic,
                    t.category.label,
                    t.start_date.isoformat()
                    + ("" if t.end_date == t.start_date else f" – {t.end_date.isoformat()}"),
                    f"{t.hours}",
                    str(t.attendees),
                    str(t.passed),
                )
                for t in trainings
            ],
        )
