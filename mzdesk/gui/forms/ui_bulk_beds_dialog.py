# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'bulk_beds_dialog.ui'
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
    QLineEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_BulkBedsDialog(object):
    def setupUi(self, BulkBedsDialog):
        if not BulkBedsDialog.objectName():
            BulkBedsDialog.setObjectName(u"BulkBedsDialog")
        BulkBedsDialog.resize(400, 380)
        self.rootLayout = QVBoxLayout(BulkBedsDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.buildingLabel = QLabel(BulkBedsDialog)
        self.buildingLabel.setObjectName(u"buildingLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.buildingLabel)

        self.building = QComboBox(BulkBedsDialog)
        self.building.setObjectName(u"building")
        self.building.setEditable(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.building)

        self.floorLabel = QLabel(BulkBedsDialog)
        self.floorLabel.setObjectName(u"floorLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.floorLabel)

        self.floor = QComboBox(BulkBedsDialog)
        self.floor.setObjectName(u"floor")
        self.floor.setEditable(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.floor)

        self.floorToLabel = QLabel(BulkBedsDialog)
        self.floorToLabel.setObjectName(u"floorToLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.floorToLabel)

        self.floorTo = QLineEdit(BulkBedsDialog)
        self.floorTo.setObjectName(u"floorTo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.floorTo)

        self.roomFromLabel = QLabel(BulkBedsDialog)
        self.roomFromLabel.setObjectName(u"roomFromLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.roomFromLabel)

        self.roomFrom = QLineEdit(BulkBedsDialog)
        self.roomFrom.setObjectName(u"roomFrom")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.roomFrom)

        self.roomToLabel = QLabel(BulkBedsDialog)
        self.roomToLabel.setObjectName(u"roomToLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roomToLabel)

        self.roomTo = QLineEdit(BulkBedsDialog)
        self.roomTo.setObjectName(u"roomTo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.roomTo)

        self.bedsPerRoomLabel = QLabel(BulkBedsDialog)
        self.bedsPerRoomLabel.setObjectName(u"bedsPerRoomLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.bedsPerRoomLabel)

        self.bedsPerRoom = QSpinBox(BulkBedsDialog)
        self.bedsPerRoom.setObjectName(u"bedsPerRoom")
        self.bedsPerRoom.setMinimum(1)
        self.bedsPerRoom.setMaximum(12)
        self.bedsPerRoom.setValue(2)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.bedsPerRoom)

        self.bedTypeLabel = QLabel(BulkBedsDialog)
        self.bedTypeLabel.setObjectName(u"bedTypeLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.bedTypeLabel)

        self.bedType = QComboBox(BulkBedsDialog)
        self.bedType.setObjectName(u"bedType")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.bedType)

        self.effectiveOnLabel = QLabel(BulkBedsDialog)
        self.effectiveOnLabel.setObjectName(u"effectiveOnLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.effectiveOnLabel)

        self.effectiveOn = QDateEdit(BulkBedsDialog)
        self.effectiveOn.setObjectName(u"effectiveOn")
        self.effectiveOn.setCalendarPopup(True)
        self.effectiveOn.setDisplayFormat(u"yyyy-MM-dd")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.effectiveOn)


        self.rootLayout.addLayout(self.form)

        self.preview = QLabel(BulkBedsDialog)
        self.preview.setObjectName(u"preview")
        self.preview.setWordWrap(True)

        self.rootLayout.addWidget(self.preview)

        self.errorLabel = QLabel(BulkBedsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b3261e;")

        self.rootLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(BulkBedsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.rootLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.buildingLabel.setBuddy(self.building)
        self.floorLabel.setBuddy(self.floor)
        self.floorToLabel.setBuddy(self.floorTo)
        self.roomFromLabel.setBuddy(self.roomFrom)
        self.roomToLabel.setBuddy(self.roomTo)
        self.bedsPerRoomLabel.setBuddy(self.bedsPerRoom)
        self.bedTypeLabel.setBuddy(self.bedType)
        self.effectiveOnLabel.setBuddy(self.effectiveOn)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BulkBedsDialog)
        self.buttons.accepted.connect(BulkBedsDialog.accept)
        self.buttons.rejected.connect(BulkBedsDialog.reject)

        QMetaObject.connectSlotsByName(BulkBedsDialog)
    # setupUi

    def retranslateUi(self, BulkBedsDialog):
        BulkBedsDialog.setWindowTitle(QCoreApplication.translate("BulkBedsDialog", u"\u6279\u91cf\u6dfb\u52a0\u5e8a\u4f4d", None))
        self.buildingLabel.setText(QCoreApplication.translate("BulkBedsDialog", u"\u697c\u680b", None))
#if QT_CONFIG(tooltip)
        self.building.setToolTip(QCoreApplication.translate("BulkBedsDialog", u"\u9009\u62e9\u5df2\u6709\u697c\u680b\uff0c\u6216\u8f93\u5165\u65b0\u697c\u680b\u7684\u540d\u79f0", None))
#endif // QT_CONFIG(tooltip)
        self.floorLabel.setText(QCoreApplication.translate("BulkBedsDialog", u"\u8d77\u59cb\u697c\u5c42", None))
#if QT_CONFIG(tooltip)
        self.floor.setToolTip(QCoreApplication.translate("BulkBedsDialog", u"\u9009\u62e9\u5df2\u6709\u697c\u5c42\uff0c\u6216\u8f93\u5165\u65b0\u697c\u5c42\uff0c\u5982 2\u5c42", None))
#endif // QT_CONFIG(tooltip)
        self.floorToLabel.setText(QCoreApplication.translate("BulkBedsDialog", u"\u7ed3\u675f\u697c\u5c42", None))
        self.floorTo.setPlaceholderText(QCoreApplication.translate("BulkBedsDialog", u"\u53ef\u9009\uff1a\u4e00\u6b21\u6dfb\u52a0\u591a\u5c42\u65f6\u586b\u5199\uff0c\u5982 5\u5c42", None))
        self.roomFromLabel.setText(QCoreApplication.translate("BulkBedsDialog", u"\u8d77\u59cb\u623f\u95f4\u53f7", None))
        self.roomFrom.setPlaceholderText(QCoreApplication.translate("BulkBedsDialog", u"\u4f8b\u5982\uff1a201", None))
        self.roomToLabel.setText(QCoreApplication.translate("BulkBedsDialog", u"\u7ed3\u675f\u623f\u95f4\u53f7", None))
        self.roomTo.setPlaceholderText(QCoreApplication.translate("BulkBedsDialog", u"\u4f8b\u5982\uff1a220", None))
        self.bedsPerRoomLabel.setText(QCoreApplication.translate("BulkBedsDialog", u"\u6bcf\u95f4\u5e8a\u4f4d\u6570", None))
        self.bedTypeLabel.setText(QCoreApplication.translate("BulkBedsDialog", u"\u5e8a\u4f4d\u7c7b\u578b", None))
        self.effectiveOnLabel.setText(QCoreApplication.translate("BulkBedsDialog", u"\u542f\u7528\u65e5\u671f", None))
        self.preview.setText("")
        self.errorLabel.setText("")
    # retranslateUi

