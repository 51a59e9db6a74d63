"""「忘记了所有密码？用恢复密钥」: the recovery key (typed, or scanned from the sheet's QR code
with a USB scanner, which types it) opens the database; an administrator of the institution
is given a new password (services/security.recover_administrator, audited as that
administrator) and is logged in."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from mzdesk.core.errors import FieldProblem, ValidationError
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.start.opener import Opener, Unlocked
from mzdesk.gui.widgets.dialog import FormDialog, Refusal, wait_for
from mzdesk.services.institutions import list_institutions
from mzdesk.services.security import administrators, recover_administrator
from mzdesk.services.views import UserView
from mzdesk.store.engine import unlock_with_recovery


class RecoveryKeyDialog(FormDialog):
    """Type or scan the recovery key from the recovery sheet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("用恢复密钥打开"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        intro = QLabel(
            tr(
                "请输入恢复单上的恢复密钥（52 个字母和数字，每 4 个一组），"
                "或用扫码枪扫描恢复单上的二维码。"
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.key = QLineEdit()
        self.key.setPlaceholderText("XXXX-XXXX-XXXX-…")
        form.addRow(tr("恢复密钥"), self.key)
        form.addRow(self.make_error_label())
        form.addRow(self.make_buttons(tr("打开")))
        self.fields = {"recovery": self.key}
        self.labels = {"recovery": tr("恢复密钥")}

    def check(self) -> None:
        if not self.key.text().strip():
            raise ValidationError([FieldProblem("recovery", "field.required")])


class NewAdministratorPasswordDialog(FormDialog):
    """Choose an administrator and give them a new password."""

    def __init__(self, admins: list[tuple[str, UserView]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("为管理员设置新密码"))
        self.setMinimumWidth(480)
        form = QFormLayout(self)
        intro = QLabel(tr("恢复密钥正确。请选择一位管理员，为其设置新密码，然后用新密码登录。"))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.admins = admins
        self.administrator = QComboBox()
        for label, _ in admins:
            self.administrator.addItem(label)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("管理员"), self.administrator)
        form.addRow(tr("新密码"), self.password)
        form.addRow(tr("再次输入密码"), self.password_again)
        form.addRow(self.make_error_label())
        form.addRow(self.make_buttons(tr("设置并登录")))
        self.fields = {
            "username": self.administrator,
            "password": self.password,
            "password_again": self.password_again,
        }
        self.record_table = "users"
        self.labels = {"password": tr("新密码"), "password_again": tr("再次输入密码")}

    def chosen(self) -> UserView:
        return self.admins[self.administrator.currentIndex()][1]


async def recover(opener: Opener) -> Unlocked | None:
    """The recovery key, then a new administrator password; None when the user gives up."""
    worker = opener.worker
    key_dialog = RecoveryKeyDialog()

    async def open_with_recovery_key() -> None:
        key = await worker.read(unlock_with_recovery, opener.db_path, key_dialog.key.text())
        store = await opener.open_with_key(key)
        if not await worker.read(administrators, store):
            raise Refusal(tr("此数据库中没有可用的管理员账号。"))

    key_dialog.submit = open_with_recovery_key
    if await wait_for(key_dialog) != QDialog.DialogCode.Accepted or opener.store is None:
        return None
    store = opener.store
    admins = await worker.read(administrators, store)
    names = {i.id: i.name for i in await worker.read(list_institutions, store)}
    labelled = [
        (
            tr("{name}（{user}）— {institution}").format(
                name=u.display_name, user=u.username, institution=names.get(u.institution_id, "")
            ),
            u,
        )
        for u in admins
    ]
    password_dialog = NewAdministratorPasswordDialog(labelled)
    result: list[UserView] = []

    async def set_password() -> None:
        admin = password_dialog.chosen()
        result.append(
            await worker.write(
                recover_administrator,
                store,
                admin.id,
                password_dialog.password.text(),
                password_dialog.password_again.text(),
            )
        )

    password_dialog.submit = set_password
    if await wait_for(password_dialog) != QDialog.DialogCode.Accepted or not result:
        return None
    user = result[0]
    store.unlocked_as = (user.institution_id, user.username)
    return Unlocked(store, await opener.institution(user.institution_id), user)
