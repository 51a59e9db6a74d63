"""The small dialogs of a child's path after 接收: 寻亲公告 and its end, 入院评估, 养育安排,
安置, 回访, 结束寄养 and 离院. Each reads what was typed; the record (child_record.py) calls
the service."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.child_assessment import NONE, ChildScheme, child_scheme
from mzdesk.core.children import (
    LEAVING_REASONS,
    NOTICE_DAYS_DEFAULT,
    NOTICE_DAYS_RANGE,
    CareArrangement,
    NoticeStatus,
    PlacementKind,
    SchoolStage,
    notice_expired,
    notice_period_end,
)
from mzdesk.core.vocab import DischargeReason
from mzdesk.gui.residents.child_form import ChildForm
from mzdesk.gui.runtime.i18n import tr
from mzdesk.services.children.record import Step
from mzdesk.services.views import BedView


def _form(dialog: ChildForm, who: str) -> tuple[QVBoxLayout, QFormLayout]:
    root = QVBoxLayout(dialog)
    heading = QLabel(who)
    heading.setWordWrap(True)
    root.addWidget(heading)
    form = QFormLayout()
    root.addLayout(form)
    return root, form


def _finish(dialog: ChildForm, root: QVBoxLayout, ok_text: str | None = None) -> None:
    root.addStretch(1)
    root.addWidget(dialog.make_error_label())
    root.addWidget(dialog.make_buttons(ok_text))
    dialog.resize(520, dialog.sizeHint().height())


def step_value(step: Step, key: str) -> str | None:
    return next((f.value for f in step.fields if f.key == key), None)


def deadline_text(step: Step) -> str:
    """The last day of a notice's period; past it, the child counts as one whose parents
    cannot be found (shown while the notice runs)."""
    days = int(step_value(step, "period_days") or NOTICE_DAYS_DEFAULT)
    end = notice_period_end(step.on, days)
    running = step_value(step, "status") == NoticeStatus.RUNNING.label
    if running and notice_expired(step.on, days, dt.date.today()):
        return tr("{date}（已期满，可按查找不到生父母办理）").format(date=end.isoformat())
    if running:
        left = (end - dt.date.today()).days
        return tr("{date}（还有 {days} 天）").format(date=end.isoformat(), days=left)
    return end.isoformat()


class NoticeDialog(ChildForm):
    """发布寻亲公告."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("发布寻亲公告"), "family_notices", parent)
        root, form = _form(self, who)
        self.published_on = self.add_date(form, "published_on")
        low, high = NOTICE_DAYS_RANGE
        self.period_days = self.add_days(form, "period_days", NOTICE_DAYS_DEFAULT, low, high)
        self.publication = self.add_line(form, "publication")
        self.note = self.add_text(form, "note")
        _finish(self, root)


class CloseNoticeDialog(ChildForm):
    """结束公告: claimed by the family (who) or withdrawn (why)."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("结束寻亲公告"), "family_notices", parent)
        root, form = _form(self, who)
        self.outcome = self.add_vocab(
            form,
            "status",
            NoticeStatus,
            [NoticeStatus.CLAIMED, NoticeStatus.LAPSED, NoticeStatus.WITHDRAWN],
            label=tr("结束方式"),
        )
        self.closed_on = self.add_date(form, "closed_on")
        self.claimed_by = self.add_line(form, "claimed_by", max_len=100)
        self.note = self.add_text(form, "note", tr("说明（撤回时必填）"))
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()
        _finish(self, root)

    def chosen(self) -> NoticeStatus:
        return self.vocab_of(self.outcome, NoticeStatus) or NoticeStatus.CLAIMED

    def _outcome_changed(self) -> None:
        self.show_row("claimed_by", self.chosen() is NoticeStatus.CLAIMED)


class ChildAssessmentDialog(ChildForm):
    """入院评估: one combo per item of the children's scheme, grouped by section. The
    disability type and level agree: 无 for one is 无 for the other."""

    def __init__(
        self, who: str, scheme: ChildScheme | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(tr("入院评估"), "child_assessments", parent)
        self.scheme = scheme or child_scheme()
        self.resize(640, 640)  # fits a 1024×700 screen with its title bar
        root, form = _form(self, who)
        self.assessed_on = self.add_date(form, "assessed_on")
        self.assessor = self.add_line(form, "assessor", max_len=100)
        body = QWidget()
        sections = QVBoxLayout(body)
        self.items: dict[str, QComboBox] = {}
        for section in self.scheme.sections:
            box = QGroupBox(section.label)
            items = QFormLayout(box)
            for item in section.items:
                combo = QComboBox()
                combo.addItem(tr("（请选择）"), None)
                for option in item.options:
                    combo.addItem(option.label, option.code)
                items.addRow(item.label, combo)
                self.items[item.id] = combo
            sections.addWidget(box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        root.addWidget(scroll, 1)
        self.fields["answers"] = scroll
        notes = QFormLayout()  # under the items: what the items do not say
        root.addLayout(notes)
        self.note = self.add_text(notes, "note")
        self.kind_combo = self.items[self.scheme.item_for_field("disability_type").id]
        self.level_combo = self.items[self.scheme.item_for_field("disability_level").id]
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        root.addWidget(self.make_error_label())
        root.addWidget(self.make_buttons())

    def _kind_changed(self) -> None:
        """No disability: the level is 无 and fixed; a disability: a level must be chosen."""
        none = self.kind_combo.currentData() == NONE
        if none:
            self.level_combo.setCurrentIndex(max(self.level_combo.findData(NONE), 0))
        elif self.level_combo.currentData() == NONE:
            self.level_combo.setCurrentIndex(0)
        self.level_combo.setEnabled(not none)

    def answers(self) -> dict[str, str]:
        return {
            key: str(combo.currentData())
            for key, combo in self.items.items()
            if combo.currentData() is not None
        }

    def check(self) -> None:
        self.scheme.check(self.answers())  # every item answered, type and level agree


class UpbringingDialog(ChildForm):
    """养育安排 from a day on."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("养育安排"), "child_upbringing", parent)
        root, form = _form(self, who)
        self.effective_on = self.add_date(form, "effective_on")
        self.arrangement = self.add_vocab(form, "arrangement", CareArrangement)
        self.group_name = self.add_line(form, "group_name", max_len=50)
        self.school_stage = self.add_vocab(form, "school_stage", SchoolStage)
        self.school_name = self.add_line(form, "school_name", max_len=100)
        self.rehabilitation = self.add_text(form, "rehabilitation")
        self.medical = self.add_text(form, "medical")
        self.note = self.add_text(form, "note")
        _finish(self, root)


class PlacementDialog(ChildForm):
    """安置: the kind and the family. Foster care keeps the child in the home's care."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("安置"), "child_placements", parent)
        root, form = _form(self, who)
        self.kind = self.add_vocab(form, "kind", PlacementKind)
        self.start_date = self.add_date(form, "start_date")
        self.family_name = self.add_line(form, "family_name", max_len=100)
        self.family_id_number = self.add_line(form, "family_id_number", max_len=18)
        self.family_address = self.add_line(form, "family_address")
        self.family_phone = self.add_line(form, "family_phone", max_len=30)
        self.agreement_number = self.add_line(form, "agreement_number", max_len=50)
        self.next_visit_due = self.add_optional_date(form, "next_visit_due")
        self.note = self.add_text(form, "note")
        self.effect = QLabel()
        self.effect.setWordWrap(True)
        root.addWidget(self.effect)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        _finish(self, root)

    def chosen(self) -> PlacementKind:
        return self.vocab_of(self.kind, PlacementKind) or PlacementKind.FOSTER

    def _kind_changed(self) -> None:
        if self.chosen().leaves_the_home:
            self.effect.setText(tr("安置后儿童离院，档案保留，不能再修改。"))
        else:
            self.effect.setText(tr("家庭寄养期间儿童仍由本院监护，计入在院儿童。"))


class VisitDialog(ChildForm):
    """回访 of a placement."""

    def __init__(
        self,
        who: str,
        placements: Sequence[tuple[uuid.UUID, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("安置回访"), "placement_visits", parent)
        root, form = _form(self, who)
        self.placement = QComboBox()
        for placement_id, label in placements:
            self.placement.addItem(label, placement_id)
        self._row(form, "placement_id", self.placement, tr("安置"))
        self.visited_on = self.add_date(form, "visited_on")
        self.visited_by = self.add_line(form, "visited_by", max_len=100)
        self.findings = self.add_text(form, "findings")
        self.next_visit_due = self.add_optional_date(form, "next_visit_due")
        _finish(self, root)

    def placement_id(self) -> uuid.UUID:
        value = self.placement.currentData()
        assert isinstance(value, uuid.UUID)
        return value


class EndFosterDialog(ChildForm):
    """结束寄养: the child comes back into the home (into a free bed if one is chosen)."""

    def __init__(
        self, who: str, free_beds: Sequence[BedView], parent: QWidget | None = None
    ) -> None:
        super().__init__(tr("结束寄养"), "child_placements", parent)
        root, form = _form(self, who)
        self.end_date = self.add_date(form, "end_date")
        self.end_reason = self.add_line(form, "end_reason")
        self.bed = QComboBox()
        self.bed.addItem(tr("暂不安排床位"), None)
        for bed in free_beds:
            self.bed.addItem(f"{bed.label}（{bed.bed_type.label}）", bed.id)
        self._row(form, "bed_id", self.bed, tr("返院床位"))
        _finish(self, root)

    def bed_id(self) -> uuid.UUID | None:
        value = self.bed.currentData()
        return value if isinstance(value, uuid.UUID) else None


class ChildLeaveDialog(ChildForm):
    """离院 for a child's reason (a placement that ends the care leaves through 安置)."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("离院"), "residents", parent)
        root, form = _form(self, who)
        self.discharge_date = self.add_date(form, "discharge_date", label=tr("离院日期"))
        self.reason = self.add_vocab(
            form, "discharge_reason", DischargeReason, list(LEAVING_REASONS), label=tr("离院原因")
        )
        self.discharge_note = self.add_text(form, "discharge_note", tr("说明"))
        _finish(self, root)

    def chosen(self) -> DischargeReason:
        return self.vocab_of(self.reason, DischargeReason) or DischargeReason.OTHER
