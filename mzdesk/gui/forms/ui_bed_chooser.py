# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'bed_chooser.ui'
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
    QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_BedChooserDialog(object):
    def setupUi(self, BedChooserDialog):
        if not BedChooserDialog.objectName():
            BedChooserDialog.setObjectName(u"BedChooserDialog")
        BedChooserDialog.resize(420, 480)
        self.rootLayout = QVBoxLayout(BedChooserDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.who = QLabel(BedChooserDialog)
        self.who.setObjectName(u"who")

        self.rootLayout.addWidget(self.who)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.dateLabel = QLabel(BedChooserDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.date = QDateEdit(BedChooserDialog)
        self.date.setObjectName(u"date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(u"yyyy-MM-dd")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date)

        self.bedTypeLabel = QLabel(BedChooserDialog)
        self.bedTypeLabel.setObjectName(u"bedTypeLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.bedTypeLabel)

        self.bedType = QComboBox(BedChooserDialog)
        self.bedType.setObjectName(u"bedType")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.bedType)


        self.rootLayout.addLayout(self.form)

        self.beds = QListWidget(BedChooserDialog)
        self.beds.setObjectName(u"beds")

        self.rootLayout.addWidget(self.beds)

        self.hint = QLabel(BedChooserDialog)
        self.hint.setObjectName(u"hint")

        self.rootLayout.addWidget(self.hint)

        self.errorLabel = QLabel(BedChooserDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b3261e;")

        self.rootLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(BedChooserDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.rootLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.date)
        self.bedTypeLabel.setBuddy(self.bedType)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BedChooserDialog)
        self.buttons.accepted.connect(BedChooserDialog.accept)
        self.buttons.rejected.connect(BedChooserDialog.reject)

        QMetaObject.connectSlotsByName(BedChooserDialog)
    # setupUi

    def retranslateUi(self, BedChooserDialog):
        BedChooserDialog.setWindowTitle(QCoreApplication.translate("BedChooserDialog", u"\u9009\u62e9\u5e8a\u4f4d", None))
        self.who.setText("")
        self.dateLabel.setText(QCoreApplication.translate("BedChooserDialog", u"\u65e5\u671f", None))
        self.bedTypeLabel.setText(QCoreApplication.translate("BedChooserDialog", u"\u5e8a\u4f4d\u7c7b\u578b", None))
        self.hint.setText(QCoreApplication.translate("BedChooserDialog", u"\u53ea\u5217\u51fa\u7a7a\u95f2\u5e8a\u4f4d\u3002", None))
        self.errorLabel.setText("")
    # retranslateUi

