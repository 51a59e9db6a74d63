# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'leave_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_LeaveDialog(object):
    def setupUi(self, LeaveDialog):
        if not LeaveDialog.objectName():
            LeaveDialog.setObjectName(u"LeaveDialog")
        LeaveDialog.resize(380, 260)
        self.rootLayout = QVBoxLayout(LeaveDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.who = QLabel(LeaveDialog)
        self.who.setObjectName(u"who")

        self.rootLayout.addWidget(self.who)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.dateLabel = QLabel(LeaveDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.date = QDateEdit(LeaveDialog)
        self.date.setObjectName(u"date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(u"yyyy-MM-dd")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date)

        self.expectedReturnLabel = QLabel(LeaveDialog)
        self.expectedReturnLabel.setObjectName(u"expectedReturnLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.expectedReturnLabel)

        self.expectedReturn = QDateEdit(LeaveDialog)
        self.expectedReturn.setObjectName(u"expectedReturn")
        self.expectedReturn.setCalendarPopup(True)
        self.expectedReturn.setDisplayFormat(u"yyyy-MM-dd")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.expectedReturn)

        self.reasonLabel = QLabel(LeaveDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QLineEdit(LeaveDialog)
        self.reason.setObjectName(u"reason")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reason)

        self.destinationLabel = QLabel(LeaveDialog)
        self.destinationLabel.setObjectName(u"destinationLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.destinationLabel)

        self.destination = QLineEdit(LeaveDialog)
        self.destination.setObjectName(u"destination")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.destination)


        self.rootLayout.addLayout(self.form)

        self.errorLabel = QLabel(LeaveDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b3261e;")

        self.rootLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(LeaveDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.rootLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.date)
        self.expectedReturnLabel.setBuddy(self.expectedReturn)
        self.reasonLabel.setBuddy(self.reason)
        self.destinationLabel.setBuddy(self.destination)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LeaveDialog)
        self.buttons.accepted.connect(LeaveDialog.accept)
        self.buttons.rejected.connect(LeaveDialog.reject)

        QMetaObject.connectSlotsByName(LeaveDialog)
    # setupUi

    def retranslateUi(self, LeaveDialog):
        LeaveDialog.setWindowTitle(QCoreApplication.translate("LeaveDialog", u"\u5916\u51fa\u767b\u8bb0", None))
        self.who.setText("")
        self.dateLabel.setText(QCoreApplication.translate("LeaveDialog", u"\u65e5\u671f", None))
        self.expectedReturnLabel.setText(QCoreApplication.translate("LeaveDialog", u"\u9884\u8ba1\u8fd4\u56de", None))
        self.reasonLabel.setText(QCoreApplication.translate("LeaveDialog", u"\u4e8b\u7531", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("LeaveDialog", u"\u4f8b\u5982\uff1a\u56de\u5bb6\u63a2\u4eb2\u3001\u4f4f\u9662", None))
        self.destinationLabel.setText(QCoreApplication.translate("LeaveDialog", u"\u53bb\u5411", None))
        self.errorLabel.setText("")
    # retranslateUi

