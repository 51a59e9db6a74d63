# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'discharge_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_DischargeDialog(object):
    def setupUi(self, DischargeDialog):
        if not DischargeDialog.objectName():
            DischargeDialog.setObjectName(u"DischargeDialog")
        DischargeDialog.resize(420, 320)
        self.rootLayout = QVBoxLayout(DischargeDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.who = QLabel(DischargeDialog)
        self.who.setObjectName(u"who")

        self.rootLayout.addWidget(self.who)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.dischargeDateLabel = QLabel(DischargeDialog)
        self.dischargeDateLabel.setObjectName(u"dischargeDateLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dischargeDateLabel)

        self.dischargeDate = QDateEdit(DischargeDialog)
        self.dischargeDate.setObjectName(u"dischargeDate")
        self.dischargeDate.setCalendarPopup(True)
        self.dischargeDate.setDisplayFormat(u"yyyy-MM-dd")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dischargeDate)

        self.reasonLabel = QLabel(DischargeDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QComboBox(DischargeDialog)
        self.reason.setObjectName(u"reason")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reason)

        self.noteLabel = QLabel(DischargeDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.note = QPlainTextEdit(DischargeDialog)
        self.note.setObjectName(u"note")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.note)


        self.rootLayout.addLayout(self.form)

        self.keepNote = QLabel(DischargeDialog)
        self.keepNote.setObjectName(u"keepNote")
        self.keepNote.setWordWrap(True)

        self.rootLayout.addWidget(self.keepNote)

        self.errorLabel = QLabel(DischargeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b3261e;")

        self.rootLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(DischargeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.rootLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.dischargeDateLabel.setBuddy(self.dischargeDate)
        self.reasonLabel.setBuddy(self.reason)
        self.noteLabel.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DischargeDialog)
        self.buttons.accepted.connect(DischargeDialog.accept)
        self.buttons.rejected.connect(DischargeDialog.reject)

        QMetaObject.connectSlotsByName(DischargeDialog)
    # setupUi

    def retranslateUi(self, DischargeDialog):
        DischargeDialog.setWindowTitle(QCoreApplication.translate("DischargeDialog", u"\u529e\u7406\u9000\u4f4f", None))
        self.who.setText("")
        self.dischargeDateLabel.setText(QCoreApplication.translate("DischargeDialog", u"\u9000\u4f4f\u65e5\u671f", None))
        self.reasonLabel.setText(QCoreApplication.translate("DischargeDialog", u"\u9000\u4f4f\u539f\u56e0", None))
        self.noteLabel.setText(QCoreApplication.translate("DischargeDialog", u"\u8bf4\u660e", None))
        self.keepNote.setText(QCoreApplication.translate("DischargeDialog", u"\u9000\u4f4f\u540e\u6863\u6848\u4fdd\u7559\uff08\u81f3\u5c115\u5e74\uff09\uff0c\u53ea\u8bfb\uff0c\u53ef\u5728\u201c\u5df2\u9000\u4f4f\u201d\u4e2d\u67e5\u770b\u3002", None))
        self.errorLabel.setText("")
    # retranslateUi

