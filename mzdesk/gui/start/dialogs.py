"""The start-up dialogs: first run (create, join or demo), choose an institution, log in."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import FieldProblem, ValidationError
from mzdesk.core.vocab import InstitutionKind
from mzdesk.gui.forms.ui_first_run import Ui_FirstRunDialog
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import spawn
from mzdesk.gui.widgets.dialog import FormDialog, Submit
from mzdesk.gui.widgets.inputs import fill_vocab, vocab_value
from mzdesk.gui.widgets.palette import BLUE
from mzdesk.services.institutions import InstitutionData, check_institution
from mzdesk.services.users import MIN_PASSWORD, NewUser


class FirstRunDialog(FormDialog, Ui_FirstRunDialog):
    """Create my institution, join one from the central server, or open demo data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.error_label = self.errorLabel
        fill_vocab(self.institutionKind, InstitutionKind, empty=None)
        self.adminName.setText("admin")
        self.choice: str | None = None
        self.demo_kind = InstitutionKind.NURSING_HOME  # which demo, when choice is "demo"
        self.fields = {
            "name": self.institutionName,
            "region_code": self.regionCode,
            "username": self.adminName,
            "password": self.adminPassword,
            "password_again": self.adminPasswordAgain,
            "server": self.serverUrl,
            "code": self.enrolCode,
        }
        self.record_table = "institutions"
        self.labels = {"username": tr("管理员用户名"), "password": tr("管理员密码")}
        self.createButton.clicked.connect(self._create)
        self.enrolButton.clicked.connect(self._enrol)
        self.demoButton.clicked.connect(self._demo)
        self.childrenDemoButton.clicked.connect(self._children_demo)

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
        elif self.adminPasswordAgain.text() != self.adminPassword.text():
            problems.append(FieldProblem("password_again", "user.password_mismatch"))
        if problems:
            raise ValidationError(problems)

    def administrator(self) -> NewUser:
        name = self.adminName.text()
        return NewUser(
            name, name, self.adminPassword.text(), password_again=self.adminPasswordAgain.text()
        )

    def _create(self) -> None:
        self.choice = "create"
        self.accept()

    def _demo(self) -> None:
        self.choice = "demo"
        self.demo_kind = InstitutionKind.NURSING_HOME
        self.accept()

    def _children_demo(self) -> None:
        self.choice = "demo"
        self.demo_kind = InstitutionKind.CHILDREN_HOME
        self.accept()

    def _enrol(self) -> None:
        self.choice = "enrol"
        self.accept()

    def server(self) -> str:
        url = self.serverUrl.text().strip()
        return url if "://" in url else f"http://{url}"


class LoginDialog(FormDialog):
    """登录: staff share desktops, so the status bar shows who is working. With ``recovery``
    (an encrypted database, before anything is read) it offers the recovery key too."""

    def __init__(
        self,
        institution: str,
        demo_account: tuple[str, str] | None = None,
        parent: QWidget | None = None,
        *,
        recovery: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("登录 — {name}").format(name=institution))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if demo_account is not None:
            hint = QLabel(
                tr("这是演示数据。演示账号：{user}，密码：{password}").format(
                    user=demo_account[0], password=demo_account[1]
                )
            )
            hint.setObjectName("demoAccount")
            hint.setWordWrap(True)
            form.addRow(hint)
        form.addRow(tr("用户名"), self.username)
        form.addRow(tr("密码"), self.password)
        form.addRow(self.make_error_label())
        self.recover: Submit | None = None
        self.recovery_button: QPushButton | None = None
        if recovery:
            self.recovery_button = QPushButton(tr("忘记了所有密码？用恢复密钥"))
            self.recovery_button.setFlat(True)
            self.recovery_button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.recovery_button.setStyleSheet(f"color: {BLUE}; text-align: left;")
            self.recovery_button.clicked.connect(self._use_recovery_key)
            form.addRow(self.recovery_button)
        form.addRow(self.make_buttons(tr("登录")))
        self.fields = {"username": self.username, "password": self.password}
        if not self.username.text():
            self.username.setFocus()

    async def _run_submit(self, submit: Submit) -> None:
        await super()._run_submit(submit)
        if self.result() != QDialog.DialogCode.Accepted and self.error_label.text():
            self.show_failure()

    def show_failure(self) -> None:
        """After a refused login: the whole message shows (the dialog grows to fit it), the
        wrong password is cleared (a click into a selected, masked text used to keep it and
        append the retyped one) and the window is active again with the cursor in the
        password (disabled while the login was checked, the window lost activation, and
        typing went nowhere)."""
        self.adjustSize()
        self.password.clear()
        self.activateWindow()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _use_recovery_key(self) -> None:
        if self.recover is not None:
            spawn(self.recover())


class ChooseInstitutionDialog(FormDialog):
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
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons())
