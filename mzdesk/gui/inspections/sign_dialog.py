"""完成并签名: one pad per inspector (检查人) and one for 被检查单位负责人, whose name is typed
here. OK finishes the inspection in one write: signatures kept, inspection locked, hazards
opened for failed items."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.vocab import SignerRole
from mzdesk.gui.inspections.signature_pad import SignaturePad
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog, Refusal
from mzdesk.gui.widgets.labels import note
from mzdesk.services.inspecting.finish import Signature


class SignDialog(FormDialog):
    record_table = "inspection_signatures"

    def __init__(
        self, inspectors: Sequence[str], failed: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("完成检查并签名"))
        self.inspectors = list(inspectors)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                tr("签名后检查即锁定，不能再修改（更正需另行登记）。")
                + (
                    tr("将为 {n} 个不合格项登记隐患。").format(n=failed)
                    if failed
                    else tr("没有不合格项。")
                )
            )
        )
        layout.addWidget(QLabel(tr("检查结论（可不填）：")))
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(tr("例如：总体情况良好，发现问题限期整改。"))
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(64)
        layout.addWidget(self.summary)
        grid = QGridLayout()
        self.pads: list[tuple[SignerRole, str | QLineEdit, SignaturePad]] = []
        row = 0
        for name in self.inspectors:
            row = self._add_signer(grid, row, SignerRole.INSPECTOR, QLabel(name), name)
        self.head_name = QLineEdit()
        self.head_name.setPlaceholderText(tr("负责人姓名"))
        row = self._add_signer(grid, row, SignerRole.INSPECTED_HEAD, self.head_name, self.head_name)
        layout.addLayout(grid)
        self.fields = {"name": self.head_name, "summary": self.summary}
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons(tr("签名并完成")))
        self.resize(620, 0)

    def _add_signer(
        self,
        grid: QGridLayout,
        row: int,
        role: SignerRole,
        who: QWidget,
        name: str | QLineEdit,
    ) -> int:
        pad = SignaturePad()
        pad.changed.connect(self.clear_problems)
        clear = QPushButton(tr("清除"))
        clear.clicked.connect(pad.clear)
        title = QHBoxLayout()
        title.addWidget(QLabel(f"{role.label}："))
        title.addWidget(who)
        title.addStretch(1)
        title.addWidget(clear)
        grid.addLayout(title, row, 0)
        grid.addWidget(pad, row + 1, 0)
        self.pads.append((role, name, pad))
        return row + 2

    def pad_of(self, role: SignerRole, index: int = 0) -> SignaturePad:
        return [pad for r, _, pad in self.pads if r is role][index]

    def signatures(self) -> list[Signature]:
        return [
            Signature(role, name.text().strip() if isinstance(name, QLineEdit) else name, pad.png())
            for role, name, pad in self.pads
            if not pad.is_empty()
        ]

    def conclusion(self) -> str | None:
        return self.summary.toPlainText().strip() or None

    def check(self) -> None:
        if not self.head_name.text().strip():
            raise Refusal(tr("请填写被检查单位负责人姓名。"))
        unsigned = [
            name.text().strip() if isinstance(name, QLineEdit) else name
            for _, name, pad in self.pads
            if pad.is_empty()
        ]
        if unsigned:
            raise Refusal(tr("还没有签名：{names}").format(names="、".join(unsigned)))
