"""Dialogs. Layout lives in ui/*.ui (compiled to forms/); behaviour lives here.

Every form dialog validates inline: on OK it runs its ``submit`` coroutine (the service call,
on the worker); a :class:`ValidationError` marks the named fields and lists every problem,
and the dialog stays open with what was typed. Only success closes it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.assessment import AssessmentScheme, default_scheme
from mzdesk.core.dates import parse_date
from mzdesk.core.errors import FieldProblem, MzdeskError, ValidationError
from mzdesk.core.identifiers import parse_id_number
from mzdesk.core.vocab import (
    AbilityLevel,
    AssessmentReason,
    BedType,
    ChildCategory,
    DischargeReason,
    Gender,
    GuardianshipType,
    InstitutionKind,
    MaritalStatus,
    PaymentMethod,
    Relationship,
    RiskEvent,
    SupportType,
)
from mzdesk.gui.forms.ui_bed_chooser import Ui_BedChooserDialog
from mzdesk.gui.forms.ui_bulk_beds_dialog import Ui_BulkBedsDialog
from mzdesk.gui.forms.ui_discharge_dialog import Ui_DischargeDialog
from mzdesk.gui.forms.ui_first_run import Ui_FirstRunDialog
from mzdesk.gui.forms.ui_leave_dialog import Ui_LeaveDialog
from mzdesk.gui.forms.ui_resident_dialog import Ui_ResidentDialog
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.inputs import (
    clear_problems,
    fill_vocab,
    from_qdate,
    select_vocab,
    setup_date,
    show_problems,
    vocab_value,
)
from mzdesk.services.beds import room_range
from mzdesk.services.institutions import MIN_PASSWORD, InstitutionData, check_institution
from mzdesk.services.residents import ContactData, ResidentData, check_resident
from mzdesk.services.views import BedView

log = logging.getLogger("mzdesk.gui")

Submit = Callable[[], Awaitable[None]]


class FormDialog(QDialog):
    """OK runs ``submit``; problems keep the dialog open and are shown next to the fields."""

    error_label: QLabel
    fields: dict[str, QWidget]
    labels: dict[str, str]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit: Submit | None = None
        self.fields = {}
        self.labels = {}
        self._task: asyncio.Task[None] | None = None

    def accept(self) -> None:
        if self._task is not None and not self._task.done():
            return  # already submitting: a double click must not write twice
        try:
            self.check()
        except ValidationError as error:
            self.show_problems(error.problems)
            return
        if self.submit is None:
            super().accept()
            return
        self._task = asyncio.ensure_future(self._run_submit(self.submit))

    async def _run_submit(self, submit: Submit) -> None:
        self.setEnabled(False)
        try:
            await submit()
        except ValidationError as error:
            self.show_problems(error.problems)
            return
        except MzdeskError as error:
            self.error_label.setText(str(error))
            return
        finally:
            self.setEnabled(True)
        QDialog.accept(self)

    def check(self) -> None:
        """Pure, instant checks before calling the service (override)."""

    def show_problems(self, problems: Sequence[FieldProblem]) -> None:
        show_problems(problems, self.fields, self.labels, self.error_label)

    def clear_problems(self) -> None:
        clear_problems(self.fields, self.error_label)


# ------------------------------------------------------------------ first run


class FirstRunDialog(FormDialog, Ui_FirstRunDialog):
    """Create my institution, join one from the central server, or open demo data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.error_label = self.errorLabel
        fill_vocab(self.institutionKind, InstitutionKind, empty=None)
        self.adminName.setText("admin")
        self.choice: str | None = None
        self.fields = {
            "name": self.institutionName,
            "region_code": self.regionCode,
            "username": self.adminName,
            "password": self.adminPassword,
            "server": self.serverUrl,
            "code": self.enrolCode,
        }
        self.labels = {
            "name": tr("机构名称"),
            "region_code": tr("行政区划代码"),
            "username": tr("管理员用户名"),
            "password": tr("管理员密码"),
            "server": tr("服务器地址"),
            "code": tr("注册码"),
        }
        self.createButton.clicked.connect(self._create)
        self.enrolButton.clicked.connect(self._enrol)
        self.demoButton.clicked.connect(self._demo)

    def institution(self) -> InstitutionData:
        kind = vocab_value(self.institutionKind, InstitutionKind)
        return InstitutionData(
            name=self.institutionName.text(),
            kind=kind or InstitutionKind.NURSING_HOME,
            region_code=self.regionCode.text() or None,
        )

    def check(self) -> None:
        if self.choice == "enrol":
            missing = [
                FieldProblem(key, "field.required")
                for key, widget in (("server", self.serverUrl), ("code", self.enrolCode))
                if not widget.text().strip()
            ]
            if missing:
                raise ValidationError(missing)
            return
        if self.choice != "create":
            return
        problems: list[FieldProblem] = []
        try:
            check_institution(self.institution())
        except ValidationError as error:
            problems += error.problems
        if not self.adminName.text().strip():
            problems.append(FieldProblem("username", "field.required"))
        if len(self.adminPassword.text()) < MIN_PASSWORD:
            problems.append(FieldProblem("password", "user.password_short", {"min": MIN_PASSWORD}))
        if problems:
            raise ValidationError(problems)

    def _create(self) -> None:
        self.choice = "create"
        self.accept()

    def _demo(self) -> None:
        self.choice = "demo"
        self.accept()

    def _enrol(self) -> None:
        self.choice = "enrol"
        self.accept()

    def server(self) -> str:
        url = self.serverUrl.text().strip()
        return url if "://" in url else f"http://{url}"


# ------------------------------------------------------------------ residents


class ResidentDialog(FormDialog, Ui_ResidentDialog):
    """A resident's details; elderly or children's fields by institution kind; read-only
    for discharged residents."""

    def __init__(
        self,
        kind: InstitutionKind,
        data: ResidentData | None = None,
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.error_label = self.errorLabel
        self.kind = kind
        fill_vocab(self.gender, Gender)
        fill_vocab(self.supportType, SupportType)
        fill_vocab(self.paymentMethod, PaymentMethod)
        fill_vocab(self.maritalStatus, MaritalStatus)
        fill_vocab(self.childCategory, ChildCategory)
        fill_vocab(self.guardianshipType, GuardianshipType)
        fill_vocab(self.contactRelationship, Relationship)
        is_child = kind is InstitutionKind.CHILDREN_HOME
        self.tabs.setTabVisible(self.tabs.indexOf(self.childTab), is_child)
        for widget in (
            self.maritalStatus,
            self.maritalStatusLabel,
            self.contractNumber,
            self.contractNumberLabel,
        ):
            widget.setVisible(not is_child)
        self.fields = {
            "name": self.name,
            "id_number": self.idNumber,
            "gender": self.gender,
            "birth_date": self.birthDate,
            "phone": self.phone,
            "child_category": self.childCategory,
            "contacts": self.contactName,
            "contacts.0.name": self.contactName,
            "contacts.0.phone": self.contactPhone,
        }
        self.labels = {
            "name": tr("姓名"),
            "id_number": tr("身份证号"),
            "gender": tr("性别"),
            "birth_date": tr("出生日期"),
            "phone": tr("联系电话"),
            "child_category": tr("儿童类别"),
            "contacts.0.name": tr("联系人"),
            "contacts.0.phone": tr("联系人电话"),
        }
        self.idNumber.editingFinished.connect(self._id_entered)
        if data is not None:
            self.load(data)
        if read_only:
            self.setWindowTitle(tr("住户信息（已退住，只读）"))
            for line in self.findChildren(QLineEdit):
                line.setReadOnly(True)
            for combo in self.findChildren(QComboBox):
                combo.setEnabled(False)
            self.note.setReadOnly(True)
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def load(self, data: ResidentData) -> None:
        self.name.setText(data.name)
        self.idNumber.setText(data.id_number or "")
        select_vocab(self.gender, data.gender)
        self.birthDate.setText(data.birth_date.isoformat() if data.birth_date else "")
        self.ethnicity.setText(data.ethnicity or "")
        self.phone.setText(data.phone or "")
        self.householdAddress.setText(data.household_address or "")
        select_vocab(self.supportType, data.support_type)
        select_vocab(self.paymentMethod, data.payment_method)
        select_vocab(self.maritalStatus, data.marital_status)
        self.contractNumber.setText(data.contract_number or "")
        self.diagnoses.setText(data.diagnoses or "")
        select_vocab(self.childCategory, data.child_category)
        select_vocab(self.guardianshipType, data.guardianship_type)
        self.schooling.setText(data.schooling or "")
        self.disabilityType.setText(data.disability_type or "")
        self.disabilityLevel.setText(data.disability_level or "")
        self.note.setPlainText(data.note or "")
        if data.contacts:
            contact = data.contacts[0]
            self.contactName.setText(contact.name)
            select_vocab(self.contactRelationship, contact.relationship)
            self.contactPhone.setText(contact.phone or "")
        self._extra_contacts = data.contacts[1:]

    def _id_entered(self) -> None:
        """Fill gender and birth date from the ID number as soon as it is typed."""
        text = self.idNumber.text().strip()
        if not text:
            return
        try:
            parsed = parse_id_number(text)
        except ValidationError as error:
            self.show_problems(error.problems)
            return
        self.clear_problems()
        self.idNumber.setText(parsed.value)
        if self.gender.currentData() is None:
            select_vocab(self.gender, parsed.gender)
        if not self.birthDate.text().strip():
            self.birthDate.setText(parsed.birth_date.isoformat())

    def resident_data(self) -> ResidentData:
        """What was typed; raises ValidationError for a birth date that is not a date."""
        birth_text = self.birthDate.text().strip()
        birth = parse_date(birth_text, field="birth_date") if birth_text else None
        contacts: tuple[ContactData, ...] = ()
        if self.contactName.text().strip() or self.contactPhone.text().strip():
            contacts = (
                ContactData(
                    self.contactName.text(),
                    vocab_value(self.contactRelationship, Relationship),
                    self.contactPhone.text() or None,
                    is_guardian=True,
                ),
            )
        contacts += getattr(self, "_extra_contacts", ())

        return ResidentData(
            name=self.name.text(),
            id_number=self.idNumber.text() or None,
            gender=vocab_value(self.gender, Gender),
            birth_date=birth,
            ethnicity=self.ethnicity.text() or None,
            household_address=self.householdAddress.text() or None,
            phone=self.phone.text() or None,
            marital_status=vocab_value(self.maritalStatus, MaritalStatus),
            payment_method=vocab_value(self.paymentMethod, PaymentMethod),
            support_type=vocab_value(self.supportType, SupportType),
            contract_number=self.contractNumber.text() or None,
            diagnoses=self.diagnoses.text() or None,
            cognitive_disorder=any(
                w in (self.diagnoses.text() or "") for w in ("痴呆", "阿尔茨海默", "认知障碍")
            ),
            child_category=vocab_value(self.childCategory, ChildCategory),
            guardianship_type=vocab_value(self.guardianshipType, GuardianshipType),
            schooling=self.schooling.text() or None,
            disability_type=self.disabilityType.text() or None,
            disability_level=self.disabilityLevel.text() or None,
            note=self.note.toPlainText() or None,
            contacts=contacts,
        )

    def check(self) -> None:
        check_resident(self.resident_data(), self.kind)


def preferred_bed_type(level: AbilityLevel | None, cognitive_disorder: bool) -> BedType | None:
    """The bed type a resident's needs call for (None when not yet assessed)."""
    if cognitive_disorder:
        return BedType.DEMENTIA
    if level is None:
        return None
    return BedType.SELF_CARE if level is AbilityLevel.INTACT else BedType.NURSING


class BedChooserDialog(FormDialog, Ui_BedChooserDialog):
    """Pick a free bed (optionally of one type) and a date."""

    def __init__(
        self,
        who: str,
        free_beds: Sequence[BedView],
        bed_type: BedType | None,
        parent: QWidget | None = None,
        *,
        date_label: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.error_label = self.errorLabel
        self.who.setText(who)
        if date_label:
            self.dateLabel.setText(date_label)
        self.free_beds = list(free_beds)
        setup_date(self.date)
        fill_vocab(self.bedType, BedType, empty=tr("全部类型"))
        select_vocab(self.bedType, bed_type)
        self.bedType.currentIndexChanged.connect(self._fill)
        self.beds.itemDoubleClicked.connect(lambda _item: self.accept())
        self.fields = {"bed_id": self.beds, "date": self.date}
        self.labels = {"bed_id": tr("床位"), "date": tr("日期")}
        self._fill()

    def _fill(self) -> None:
        wanted = vocab_value(self.bedType, BedType)
        self.beds.clear()
        for bed in self.free_beds:
            if wanted is None or bed.bed_type is wanted:
                item = QListWidgetItem(f"{bed.label}（{bed.bed_type.label}）")
                item.setData(Qt.ItemDataRole.UserRole, bed.id)
                self.beds.addItem(item)
        if self.beds.count():
            self.beds.setCurrentRow(0)
        self.hint.setText(
            tr("只列出空闲床位。") if self.beds.count() else tr("没有符合条件的空闲床位。")
        )

    def bed_id(self) -> uuid.UUID | None:
        item = self.beds.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else None
        return value if isinstance(value, uuid.UUID) else None

    def chosen_date(self) -> dt.date:
        return from_qdate(self.date.date())

    def check(self) -> None:
        if self.bed_id() is None:
            raise ValidationError([FieldProblem("bed_id", "field.required")])


class LeaveDialog(FormDialog, Ui_LeaveDialog):
    """外出 (date, expected return, reason, destination) or 返回 (date only)."""

    def __init__(self, who: str, *, returning: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.error_label = self.errorLabel
        self.who.setText(who)
        setup_date(self.date)
        setup_date(self.expectedReturn, dt.date.today() + dt.timedelta(days=3))
        if returning:
            self.setWindowTitle(tr("外出返回"))
            self.dateLabel.setText(tr("返回日期"))
            for widget in (
                self.expectedReturn,
                self.expectedReturnLabel,
                self.reason,
                self.reasonLabel,
                self.destination,
                self.destinationLabel,
            ):
                widget.setVisible(False)
        self.fields = {
            "start_date": self.date,
            "return_date": self.date,
            "expected_return": self.expectedReturn,
        }
        self.labels = {
            "start_date": tr("日期"),
            "return_date": tr("返回日期"),
            "expected_return": tr("预计返回"),
        }


class DischargeDialog(FormDialog, Ui_DischargeDialog):
    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.error_label = self.errorLabel
        self.who.setText(who)
        setup_date(self.dischargeDate)
        fill_vocab(self.reason, DischargeReason, empty=None)
        self.fields = {"discharge_date": self.dischargeDate}
        self.labels = {"discharge_date": tr("退住日期")}

    def discharge_reason(self) -> DischargeReason:
        return vocab_value(self.reason, DischargeReason) or DischargeReason.OTHER


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
        self.labels = {
            "building": tr("楼栋"),
            "floor": tr("楼层"),
            "rooms": tr("房间号"),
            "beds_per_room": tr("每间床位数"),
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


# ------------------------------------------------------------------ assessment


class AssessmentDialog(FormDialog):
    """GB/T 42195 form built from the scheme data; total and level update as it is filled."""

    def __init__(
        self,
        who: str,
        history: Sequence[tuple[dt.date, int, AbilityLevel]],
        scheme: AssessmentScheme | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.scheme = scheme or default_scheme()
        self.setWindowTitle(tr("老年人能力评估（GB/T 42195-2022）"))
        self.resize(760, 680)
        root = QVBoxLayout(self)
        header = QFormLayout()
        self.who = QLabel(who)
        header.addRow(tr("住户"), self.who)
        self.date = QDateEdit()
        setup_date(self.date)
        header.addRow(tr("评估日期"), self.date)
        self.reason = QComboBox()
        fill_vocab(self.reason, AssessmentReason, empty=None)
        header.addRow(tr("评估原因"), self.reason)
        self.assessor = QLineEdit()
        header.addRow(tr("评估员"), self.assessor)
        root.addLayout(header)

        body = QWidget()
        grid = QVBoxLayout(body)
        self.answers: dict[str, QComboBox] = {}
        for dimension in self.scheme.dimensions:
            box = QGroupBox(f"{dimension.name}（{dimension.max_score}分）")
            form = QGridLayout(box)
            for row, item in enumerate(dimension.items):
                combo = QComboBox()
                combo.addItem(tr("— 请选择 —"), None)
                for option in item.options:
                    combo.addItem(f"{option.score}分  {option.text}", option.score)
                combo.setMinimumContentsLength(30)
                combo.currentIndexChanged.connect(self._update)
                self.answers[item.id] = combo
                form.addWidget(QLabel(f"{item.id} {item.name}"), row, 0)
                form.addWidget(combo, row, 1)
            grid.addWidget(box)
        extra = QGroupBox(tr("等级调整"))
        extra_layout = QVBoxLayout(extra)
        self.cognitive = QCheckBox(tr("确诊认知障碍/痴呆或其他精神障碍（提高一级）"))
        self.cognitive.toggled.connect(self._update)
        extra_layout.addWidget(self.cognitive)
        risk_row = QHBoxLayout()
        risk_row.addWidget(QLabel(tr("近30天风险事件：")))
        self.risks: dict[RiskEvent, QCheckBox] = {}
        for event in RiskEvent:
            check = QCheckBox(event.label)
            check.toggled.connect(self._update)
            self.risks[event] = check
            risk_row.addWidget(check)
        extra_layout.addLayout(risk_row)
        grid.addWidget(extra)
        if history:
            past = QGroupBox(tr("评估历史"))
            past_layout = QVBoxLayout(past)
            for day, total, level in history:
                past_layout.addWidget(QLabel(f"{day.isoformat()}  {total}分  {level.label}"))
            grid.addWidget(past)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        root.addWidget(scroll, 1)
        self.result_label = QLabel()
        self.result_label.setStyleSheet("font-size: 15px; font-weight: bold;")
        root.addWidget(self.result_label)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        root.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)
        self.fields = {
            "assessor": self.assessor,
            **{f"answers.{k}": v for k, v in self.answers.items()},
        }
        self.labels = {
            "assessor": tr("评估员"),
            **{f"answers.{i.id}": i.name for i in self.scheme.items},
        }
        self._update()

    def answered(self) -> dict[str, int]:
        return {k: c.currentData() for k, c in self.answers.items() if c.currentData() is not None}

    def risk_events(self) -> tuple[RiskEvent, ...]:
        return tuple(e for e, box in self.risks.items() if box.isChecked())

    def _update(self) -> None:
        result = self.scheme.score(
            self.answered(),
            cognitive_disorder=self.cognitive.isChecked(),
            risk_events_30d=len(self.risk_events()),
            partial=True,
        )
        done = len(self.answered())
        text = tr("已评 {done}/{all} 项  总分 {total}/{max}").format(
            done=done, all=len(self.answers), total=result.total, max=self.scheme.max_total
        )
        if result.complete:
            text += tr("  能力等级：{level}").format(level=result.level.label)
            if result.level is not result.base_level:
                text += tr("（总分对应{base}，经调整）").format(base=result.base_level.label)
        self.result_label.setText(text)

    def assessment_reason(self) -> AssessmentReason:
        return vocab_value(self.reason, AssessmentReason) or AssessmentReason.FIRST


class LoginDialog(FormDialog):
    """登录: staff share desktops, so the status bar shows who is working."""

    def __init__(self, institution: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("登录 — {name}").format(name=institution))
        form = QFormLayout(self)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("用户名"), self.username)
        form.addRow(tr("密码"), self.password)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b3261e;")
        form.addRow(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.fields = {"username": self.username, "password": self.password}


class ChooseInstitutionDialog(QDialog):
    """A database that holds several institutions (a bureau's, or the city demo)."""

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("选择机构"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(tr("此数据库中有 {n} 家机构，请选择要打开的机构：").format(n=len(names)))
        )
        self.names = QComboBox()
        self.names.addItems(list(names))
        self.names.setEditable(True)  # type to find among a hundred names
        layout.addWidget(self.names)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
