"""注册到中心服务器: the enrolment form and what it does (online, or from an offline
enrolment file and its code)."""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.bundle import BundleError
from mzdesk.core.errors import os_error_text
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.sync.text import failure_text
from mzdesk.gui.widgets.files import ask_open_path
from mzdesk.gui.widgets.labels import note
from mzdesk.gui.widgets.palette import ERROR_STYLE, RED
from mzdesk.sync.bundles import enrol_from_file
from mzdesk.sync.client import SyncFailure, enroll
from mzdesk.sync.display import remember_device_name
from mzdesk.sync.transport import invalid_url


class EnrolForm(QGroupBox):
    """Server address, one-time code and this computer's name."""

    enrolled = Signal()  # online: the page runs the first sync
    enrolled_offline = Signal(int)  # from a file: how many records it brought

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("注册到中心服务器"), parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                tr(
                    "向民政局或机构管理员索取服务器地址和一次性注册码。注册后，本机的修改会自动"
                    "发送到服务器，其他电脑的修改也会同步到本机。"
                )
            )
        )
        form = QFormLayout()
        self.server = QLineEdit()
        self.server.setPlaceholderText(tr("例如 http://192.168.1.10:8760"))
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-EFGH-JKLM-NPQR")
        self.device = QLineEdit(socket.gethostname())
        self.device.setMaxLength(100)
        form.addRow(tr("服务器地址"), self.server)
        form.addRow(tr("注册码"), self.code)
        form.addRow(tr("本机名称"), self.device)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.enrol_button = QPushButton(tr("注册并同步"))
        self.enrol_button.setDefault(True)
        self.cancel_button = QPushButton(tr("取消"))
        self.file_button = QPushButton(tr("用离线注册文件注册…"))
        self.file_button.setToolTip(
            tr("没有网络的站点：用中心给的离线注册文件（U盘）和注册码注册，之后用U盘同步包同步。")
        )
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.file_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.error = note(colour=RED)
        self.error.hide()
        layout.addWidget(self.error)
        self.fields = {"server": self.server, "code": self.code, "device": self.device}
        self.file_button.clicked.connect(self.choose_enrolment_file)
        self.cancel_button.clicked.connect(self.hide)

    def problems(self) -> dict[str, str]:
        found = {}
        url = QUrl(self.server_url())
        if not self.server.text().strip():
            found["server"] = tr("请填写服务器地址。")
        elif not url.isValid() or url.scheme() not in ("http", "https") or not url.host():
            found["server"] = tr("服务器地址的格式不对，应类似 http://192.168.1.10:8760。")
        if not self.code.text().strip():
            found["code"] = tr("请填写注册码。")
        if not self.device.text().strip():
            found["device"] = tr("请填写本机名称，便于管理员识别这台电脑。")
        return found

    def server_url(self) -> str:
        text = self.server.text().strip().rstrip("/")
        return text if "://" in text or not text else f"http://{text}"

    def show_problems(self, problems: dict[str, str]) -> None:
        """Mark the fields named and list the problems in red."""
        for key, widget in self.fields.items():
            widget.setStyleSheet(ERROR_STYLE if key in problems else "")
        self.say("\n".join(problems.values()), RED)

    def say(self, text: str, colour: str = "#445") -> None:
        self.error.setStyleSheet(f"color: {colour}; font-size: 13px;")
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def enrol_now(self) -> None:
        """注册并同步: the form is checked at once; the server is asked without waiting."""
        problems = self.problems()
        self.show_problems(problems)
        if not problems:
            self._enrol(self.server_url(), self.code.text().strip(), self.device.text().strip())

    @async_slot(str, str, str)
    async def _enrol(self, server: str, code: str, name: str) -> None:
        form = self
        form.enrol_button.setEnabled(False)
        form.say(tr("正在连接服务器…"))
        try:
            await enroll(
                self.ctx.store,
                self.ctx.actor,
                server,
                code,
                name,
                run_blocking=self.ctx.worker.write,  # on the one writer, like every write
            )
        except SyncFailure as failure:
            field = "code" if failure.code == "bad_code" else "server"
            form.show_problems({field: tr("注册没有成功：") + failure_text(failure)})
            return
        except invalid_url():
            form.show_problems({"server": tr("服务器地址的格式不对。")})
            return
        finally:
            form.enrol_button.setEnabled(True)
        form.say("")
        form.code.clear()
        form.hide()
        await self.ctx.change(remember_device_name, name)
        self.enrolled.emit()

    def choose_enrolment_file(self) -> None:
        """用离线注册文件注册: the code typed above plus the file from the USB stick."""
        form = self
        if not form.code.text().strip():
            form.show_problems({"code": tr("请先填写与注册文件一起给出的注册码。")})
            return
        ask_open_path(
            self,
            tr("选择离线注册文件"),
            tr("离线注册文件 (*.mzenrol);;所有文件 (*)"),
            self.enrol_from_file,
        )

    @async_slot(str)
    async def enrol_from_file(self, path: str) -> None:
        form = self
        code = form.code.text().strip()
        try:
            data = await self.ctx.worker.read(Path(path).read_bytes)
            summary = await self.ctx.change(enrol_from_file, data, code)
        except BundleError as error:
            form.show_problems(
                {"code": tr("注册文件与注册码不符，或文件已损坏：{error}").format(error=error)}
            )
            return
        except OSError as error:
            form.show_problems(
                {"code": tr("无法读取文件：{error}").format(error=os_error_text(error))}
            )
            return
        form.say("")
        form.code.clear()
        form.hide()
        await self.ctx.change(remember_device_name, form.device.text())
        self.enrolled_offline.emit(int(summary["items"]))
