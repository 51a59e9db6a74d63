# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.resize(480, 480)
        self.rootLayout = QVBoxLayout(FirstRunDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.intro = QLabel(FirstRunDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.rootLayout.addWidget(self.intro)

        self.createBox = QGroupBox(FirstRunDialog)
        self.createBox.setObjectName(u"createBox")
        self.createForm = QFormLayout(self.createBox)
        self.createForm.setObjectName(u"createForm")
        self.institutionNameLabel = QLabel(self.createBox)
        self.institutionNameLabel.setObjectName(u"institutionNameLabel")

        self.createForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.institutionNameLabel)

        self.institutionName = QLineEdit(self.createBox)
        self.institutionName.setObjectName(u"institutionName")

        self.createForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.institutionName)

        self.institutionKindLabel = QLabel(self.createBox)
        self.institutionKindLabel.setObjectName(u"institutionKindLabel")

        self.createForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.institutionKindLabel)

        self.institutionKind = QComboBox(self.createBox)
        self.institutionKind.setObjectName(u"institutionKind")

        self.createForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.institutionKind)

        self.regionCodeLabel = QLabel(self.createBox)
        self.regionCodeLabel.setObjectName(u"regionCodeLabel")

        self.createForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.regionCodeLabel)

        self.regionCode = QLineEdit(self.createBox)
        self.regionCode.setObjectName(u"regionCode")

        self.createForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.regionCode)

        self.adminNameLabel = QLabel(self.createBox)
        self.adminNameLabel.setObjectName(u"adminNameLabel")

        self.createForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.adminNameLabel)

        self.adminName = QLineEdit(self.createBox)
        self.adminName.setObjectName(u"adminName")

        self.createForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.adminName)

        self.adminPasswordLabel = QLabel(self.createBox)
        self.adminPasswordLabel.setObjectName(u"adminPasswordLabel")

        self.createForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.adminPasswordLabel)

        self.adminPassword = QLineEdit(self.createBox)
        self.adminPassword.setObjectName(u"adminPassword")
        self.adminPassword.setEchoMode(QLineEdit.EchoMode.Password)

        self.createForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.adminPassword)

        self.adminPasswordAgainLabel = QLabel(self.createBox)
        self.adminPasswordAgainLabel.setObjectName(u"adminPasswordAgainLabel")

        self.createForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.adminPasswordAgainLabel)

        self.adminPasswordAgain = QLineEdit(self.createBox)
        self.adminPasswordAgain.setObjectName(u"adminPasswordAgain")
        self.adminPasswordAgain.setEchoMode(QLineEdit.EchoMode.Password)

        self.createForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.adminPasswordAgain)


        self.rootLayout.addWidget(self.createBox)

        self.enrolBox = QGroupBox(FirstRunDialog)
        self.enrolBox.setObjectName(u"enrolBox")
        self.enrolForm = QFormLayout(self.enrolBox)
        self.enrolForm.setObjectName(u"enrolForm")
        self.serverUrlLabel = QLabel(self.enrolBox)
        self.serverUrlLabel.setObjectName(u"serverUrlLabel")

        self.enrolForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.serverUrlLabel)

        self.serverUrl = QLineEdit(self.enrolBox)
        self.serverUrl.setObjectName(u"serverUrl")

        self.enrolForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.serverUrl)

        self.enrolCodeLabel = QLabel(self.enrolBox)
        self.enrolCodeLabel.setObjectName(u"enrolCodeLabel")

        self.enrolForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.enrolCodeLabel)

        self.enrolCode = QLineEdit(self.enrolBox)
        self.enrolCode.setObjectName(u"enrolCode")

        self.enrolForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.enrolCode)

        self.enrolButton = QPushButton(self.enrolBox)
        self.enrolButton.setObjectName(u"enrolButton")

        self.enrolForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.enrolButton)


        self.rootLayout.addWidget(self.enrolBox)

        self.errorLabel = QLabel(FirstRunDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b3261e;")

        self.rootLayout.addWidget(self.errorLabel)

        self.actionRow = QHBoxLayout()
        self.actionRow.setObjectName(u"actionRow")
        self.demoButton = QPushButton(FirstRunDialog)
        self.demoButton.setObjectName(u"demoButton")

        self.actionRow.addWidget(self.demoButton)

        self.childrenDemoButton = QPushButton(FirstRunDialog)
        self.childrenDemoButton.setObjectName(u"childrenDemoButton")

        self.actionRow.addWidget(self.childrenDemoButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionRow.addItem(self.spacer)

        self.createButton = QPushButton(FirstRunDialog)
        self.createButton.setObjectName(u"createButton")

        self.actionRow.addWidget(self.createButton)


        self.rootLayout.addLayout(self.actionRow)

#if QT_CONFIG(shortcut)
        self.institutionNameLabel.setBuddy(self.institutionName)
        self.institutionKindLabel.setBuddy(self.institutionKind)
        self.regionCodeLabel.setBuddy(self.regionCode)
        self.adminNameLabel.setBuddy(self.adminName)
        self.adminPasswordLabel.setBuddy(self.adminPassword)
        self.adminPasswordAgainLabel.setBuddy(self.adminPasswordAgain)
        self.serverUrlLabel.setBuddy(self.serverUrl)
        self.enrolCodeLabel.setBuddy(self.enrolCode)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FirstRunDialog)

        self.createButton.setDefault(True)


        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"\u6b22\u8fce\u4f7f\u7528\u6c11\u653f\u684c\u9762", None))
        self.intro.setText(QCoreApplication.translate("FirstRunDialog", u"\u8fd9\u53f0\u7535\u8111\u4e0a\u8fd8\u6ca1\u6709\u673a\u6784\u3002\u8bf7\u521b\u5efa\u672c\u673a\u6784\u3001\u7528\u6ce8\u518c\u7801\u4ece\u4e2d\u5fc3\u670d\u52a1\u5668\u52a0\u5165\uff0c\u6216\u5148\u6253\u5f00\u6f14\u793a\u6570\u636e\u770b\u770b\u3002", None))
        self.createBox.setTitle(QCoreApplication.translate("FirstRunDialog", u"\u521b\u5efa\u6211\u7684\u673a\u6784", None))
        self.institutionNameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u673a\u6784\u540d\u79f0", None))
        self.institutionName.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u4f8b\u5982\uff1a\u67d0\u67d0\u533a\u798f\u5bff\u5eb7\u517b\u8001\u9662", None))
        self.institutionKindLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u673a\u6784\u7c7b\u578b", None))
        self.regionCodeLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u884c\u653f\u533a\u5212\u4ee3\u7801", None))
        self.regionCode.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"6\u4f4d\u6570\u5b57\uff0c\u53ef\u4e0d\u586b", None))
        self.adminNameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u7ba1\u7406\u5458\u7528\u6237\u540d", None))
        self.adminPasswordLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u7ba1\u7406\u5458\u5bc6\u7801", None))
        self.adminPassword.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u81f3\u5c118\u4f4d", None))
        self.adminPasswordAgainLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u518d\u6b21\u8f93\u5165\u5bc6\u7801", None))
        self.enrolBox.setTitle(QCoreApplication.translate("FirstRunDialog", u"\u5df2\u6709\u4e2d\u5fc3\u670d\u52a1\u5668\uff1a\u7528\u6ce8\u518c\u7801\u52a0\u5165", None))
        self.serverUrlLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u670d\u52a1\u5668\u5730\u5740", None))
        self.serverUrl.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u4f8b\u5982\uff1ahttp://10.0.0.5:8760", None))
        self.enrolCodeLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u6ce8\u518c\u7801", None))
        self.enrolCode.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u6c11\u653f\u5c40\u6216\u7ba1\u7406\u5458\u7ed9\u7684\u4e00\u6b21\u6027\u6ce8\u518c\u7801", None))
        self.enrolButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u6ce8\u518c\u5e76\u540c\u6b65", None))
        self.errorLabel.setText("")
        self.demoButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u517b\u8001\u9662\u6f14\u793a\u6570\u636e", None))
#if QT_CONFIG(tooltip)
        self.demoButton.setToolTip(QCoreApplication.translate("FirstRunDialog", u"\u6253\u5f00\u4e00\u5bb6\u517b\u8001\u9662\u7684\u6f14\u793a\u6570\u636e\uff08\u7ea6150\u5f20\u5e8a\u4f4d\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.childrenDemoButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u513f\u7ae5\u798f\u5229\u9662\u6f14\u793a\u6570\u636e", None))
#if QT_CONFIG(tooltip)
        self.childrenDemoButton.setToolTip(QCoreApplication.translate("FirstRunDialog", u"\u6253\u5f00\u4e00\u5bb6\u513f\u7ae5\u798f\u5229\u9662\u7684\u6f14\u793a\u6570\u636e\uff08\u513f\u7ae5\u7684\u63a5\u6536\u3001\u5bfb\u4eb2\u516c\u544a\u3001\u517b\u80b2\u3001\u5b89\u7f6e\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.createButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u521b\u5efa\u5e76\u5f00\u59cb\u4f7f\u7528", None))
    # retranslateUi

