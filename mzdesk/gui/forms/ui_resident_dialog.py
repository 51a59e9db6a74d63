# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'resident_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QTabWidget, QVBoxLayout,
    QWidget)

class Ui_ResidentDialog(object):
    def setupUi(self, ResidentDialog):
        if not ResidentDialog.objectName():
            ResidentDialog.setObjectName(u"ResidentDialog")
        ResidentDialog.resize(520, 560)
        self.rootLayout = QVBoxLayout(ResidentDialog)
        self.rootLayout.setObjectName(u"rootLayout")
        self.tabs = QTabWidget(ResidentDialog)
        self.tabs.setObjectName(u"tabs")
        self.basicTab = QWidget()
        self.basicTab.setObjectName(u"basicTab")
        self.basicForm = QFormLayout(self.basicTab)
        self.basicForm.setObjectName(u"basicForm")
        self.nameLabel = QLabel(self.basicTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(self.basicTab)
        self.name.setObjectName(u"name")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.idNumberLabel = QLabel(self.basicTab)
        self.idNumberLabel.setObjectName(u"idNumberLabel")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.idNumberLabel)

        self.idNumber = QLineEdit(self.basicTab)
        self.idNumber.setObjectName(u"idNumber")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.idNumber)

        self.genderLabel = QLabel(self.basicTab)
        self.genderLabel.setObjectName(u"genderLabel")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.genderLabel)

        self.gender = QComboBox(self.basicTab)
        self.gender.setObjectName(u"gender")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.gender)

        self.birthDateLabel = QLabel(self.basicTab)
        self.birthDateLabel.setObjectName(u"birthDateLabel")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.birthDateLabel)

        self.birthDate = QLineEdit(self.basicTab)
        self.birthDate.setObjectName(u"birthDate")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.birthDate)

        self.ethnicityLabel = QLabel(self.basicTab)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ethnicityLabel)

        self.ethnicity = QLineEdit(self.basicTab)
        self.ethnicity.setObjectName(u"ethnicity")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.ethnicity)

        self.phoneLabel = QLabel(self.basicTab)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.basicForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(self.basicTab)
        self.phone.setObjectName(u"phone")

        self.basicForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.phone)

        self.householdAddressLabel = QLabel(self.basicTab)
        self.householdAddressLabel.setObjectName(u"householdAddressLabel")

        self.basicForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.householdAddressLabel)

        self.householdAddress = QLineEdit(self.basicTab)
        self.householdAddress.setObjectName(u"householdAddress")

        self.basicForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.householdAddress)

        self.supportTypeLabel = QLabel(self.basicTab)
        self.supportTypeLabel.setObjectName(u"supportTypeLabel")

        self.basicForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.supportTypeLabel)

        self.supportType = QComboBox(self.basicTab)
        self.supportType.setObjectName(u"supportType")

        self.basicForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.supportType)

        self.paymentMethodLabel = QLabel(self.basicTab)
        self.paymentMethodLabel.setObjectName(u"paymentMethodLabel")

        self.basicForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.paymentMethodLabel)

        self.paymentMethod = QComboBox(self.basicTab)
        self.paymentMethod.setObjectName(u"paymentMethod")

        self.basicForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.paymentMethod)

        self.maritalStatusLabel = QLabel(self.basicTab)
        self.maritalStatusLabel.setObjectName(u"maritalStatusLabel")

        self.basicForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.maritalStatusLabel)

        self.maritalStatus = QComboBox(self.basicTab)
        self.maritalStatus.setObjectName(u"maritalStatus")

        self.basicForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.maritalStatus)

        self.contractNumberLabel = QLabel(self.basicTab)
        self.contractNumberLabel.setObjectName(u"contractNumberLabel")

        self.basicForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.contractNumberLabel)

        self.contractNumber = QLineEdit(self.basicTab)
        self.contractNumber.setObjectName(u"contractNumber")

        self.basicForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.contractNumber)

        self.diagnosesLabel = QLabel(self.basicTab)
        self.diagnosesLabel.setObjectName(u"diagnosesLabel")

        self.basicForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.diagnosesLabel)

        self.diagnoses = QLineEdit(self.basicTab)
        self.diagnoses.setObjectName(u"diagnoses")

        self.basicForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.diagnoses)

        self.tabs.addTab(self.basicTab, "")
        self.childTab = QWidget()
        self.childTab.setObjectName(u"childTab")
        self.childForm = QFormLayout(self.childTab)
        self.childForm.setObjectName(u"childForm")
        self.childCategoryLabel = QLabel(self.childTab)
        self.childCategoryLabel.setObjectName(u"childCategoryLabel")

        self.childForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.childCategoryLabel)

        self.childCategory = QComboBox(self.childTab)
        self.childCategory.setObjectName(u"childCategory")

        self.childForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.childCategory)

        self.guardianshipTypeLabel = QLabel(self.childTab)
        self.guardianshipTypeLabel.setObjectName(u"guardianshipTypeLabel")

        self.childForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.guardianshipTypeLabel)

        self.guardianshipType = QComboBox(self.childTab)
        self.guardianshipType.setObjectName(u"guardianshipType")

        self.childForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.guardianshipType)

        self.schoolingLabel = QLabel(self.childTab)
        self.schoolingLabel.setObjectName(u"schoolingLabel")

        self.childForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.schoolingLabel)

        self.schooling = QLineEdit(self.childTab)
        self.schooling.setObjectName(u"schooling")

        self.childForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.schooling)

        self.disabilityTypeLabel = QLabel(self.childTab)
        self.disabilityTypeLabel.setObjectName(u"disabilityTypeLabel")

        self.childForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.disabilityTypeLabel)

        self.disabilityType = QLineEdit(self.childTab)
        self.disabilityType.setObjectName(u"disabilityType")

        self.childForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.disabilityType)

        self.disabilityLevelLabel = QLabel(self.childTab)
        self.disabilityLevelLabel.setObjectName(u"disabilityLevelLabel")

        self.childForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.disabilityLevelLabel)

        self.disabilityLevel = QLineEdit(self.childTab)
        self.disabilityLevel.setObjectName(u"disabilityLevel")

        self.childForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.disabilityLevel)

        self.tabs.addTab(self.childTab, "")
        self.contactTab = QWidget()
        self.contactTab.setObjectName(u"contactTab")
        self.contactForm = QFormLayout(self.contactTab)
        self.contactForm.setObjectName(u"contactForm")
        self.contactNameLabel = QLabel(self.contactTab)
        self.contactNameLabel.setObjectName(u"contactNameLabel")

        self.contactForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.contactNameLabel)

        self.contactName = QLineEdit(self.contactTab)
        self.contactName.setObjectName(u"contactName")

        self.contactForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.contactName)

        self.contactRelationshipLabel = QLabel(self.contactTab)
        self.contactRelationshipLabel.setObjectName(u"contactRelationshipLabel")

        self.contactForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.contactRelationshipLabel)

        self.contactRelationship = QComboBox(self.contactTab)
        self.contactRelationship.setObjectName(u"contactRelationship")

        self.contactForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.contactRelationship)

        self.contactPhoneLabel = QLabel(self.contactTab)
        self.contactPhoneLabel.setObjectName(u"contactPhoneLabel")

        self.contactForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.contactPhoneLabel)

        self.contactPhone = QLineEdit(self.contactTab)
        self.contactPhone.setObjectName(u"contactPhone")

        self.contactForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.contactPhone)

        self.noteLabel = QLabel(self.contactTab)
        self.noteLabel.setObjectName(u"noteLabel")

        self.contactForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.note = QPlainTextEdit(self.contactTab)
        self.note.setObjectName(u"note")

        self.contactForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.note)

        self.tabs.addTab(self.contactTab, "")

        self.rootLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(ResidentDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #b3261e;")

        self.rootLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(ResidentDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.rootLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.idNumberLabel.setBuddy(self.idNumber)
        self.genderLabel.setBuddy(self.gender)
        self.birthDateLabel.setBuddy(self.birthDate)
        self.ethnicityLabel.setBuddy(self.ethnicity)
        self.phoneLabel.setBuddy(self.phone)
        self.householdAddressLabel.setBuddy(self.householdAddress)
        self.supportTypeLabel.setBuddy(self.supportType)
        self.paymentMethodLabel.setBuddy(self.paymentMethod)
        self.maritalStatusLabel.setBuddy(self.maritalStatus)
        self.contractNumberLabel.setBuddy(self.contractNumber)
        self.diagnosesLabel.setBuddy(self.diagnoses)
        self.childCategoryLabel.setBuddy(self.childCategory)
        self.guardianshipTypeLabel.setBuddy(self.guardianshipType)
        self.schoolingLabel.setBuddy(self.schooling)
        self.disabilityTypeLabel.setBuddy(self.disabilityType)
        self.disabilityLevelLabel.setBuddy(self.disabilityLevel)
        self.contactNameLabel.setBuddy(self.contactName)
        self.contactRelationshipLabel.setBuddy(self.contactRelationship)
        self.contactPhoneLabel.setBuddy(self.contactPhone)
        self.noteLabel.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ResidentDialog)
        self.buttons.accepted.connect(ResidentDialog.accept)
        self.buttons.rejected.connect(ResidentDialog.reject)

        QMetaObject.connectSlotsByName(ResidentDialog)
    # setupUi

    def retranslateUi(self, ResidentDialog):
        ResidentDialog.setWindowTitle(QCoreApplication.translate("ResidentDialog", u"\u4f4f\u6237\u4fe1\u606f", None))
        self.nameLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u59d3\u540d", None))
        self.idNumberLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u8eab\u4efd\u8bc1\u53f7", None))
        self.idNumber.setPlaceholderText(QCoreApplication.translate("ResidentDialog", u"18\u4f4d\uff0c\u672b\u4f4d\u53ef\u4e3aX", None))
        self.genderLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u6027\u522b", None))
        self.birthDateLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u51fa\u751f\u65e5\u671f", None))
        self.birthDate.setPlaceholderText(QCoreApplication.translate("ResidentDialog", u"yyyy-MM-dd\uff0c\u53ef\u7531\u8eab\u4efd\u8bc1\u53f7\u63a8\u51fa", None))
        self.ethnicityLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u6c11\u65cf", None))
        self.phoneLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.householdAddressLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u6237\u7c4d\u5730\u5740", None))
        self.supportTypeLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u4f9b\u517b\u7c7b\u578b", None))
        self.paymentMethodLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u533b\u7597\u8d39\u7528\u652f\u4ed8\u65b9\u5f0f", None))
        self.maritalStatusLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u5a5a\u59fb\u72b6\u51b5", None))
        self.contractNumberLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u5408\u540c\u7f16\u53f7", None))
        self.diagnosesLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u75be\u75c5\u8bca\u65ad", None))
        self.tabs.setTabText(self.tabs.indexOf(self.basicTab), QCoreApplication.translate("ResidentDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.childCategoryLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u513f\u7ae5\u7c7b\u522b", None))
        self.guardianshipTypeLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u76d1\u62a4\u7c7b\u578b", None))
        self.schoolingLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u5c31\u5b66\u60c5\u51b5", None))
        self.disabilityTypeLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u6b8b\u75be\u7c7b\u522b", None))
        self.disabilityLevelLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u6b8b\u75be\u7b49\u7ea7", None))
        self.tabs.setTabText(self.tabs.indexOf(self.childTab), QCoreApplication.translate("ResidentDialog", u"\u513f\u7ae5\u4fe1\u606f", None))
        self.contactNameLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u8054\u7cfb\u4eba", None))
        self.contactRelationshipLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u5173\u7cfb", None))
        self.contactPhoneLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u8054\u7cfb\u4eba\u7535\u8bdd", None))
        self.noteLabel.setText(QCoreApplication.translate("ResidentDialog", u"\u5907\u6ce8", None))
        self.tabs.setTabText(self.tabs.indexOf(self.contactTab), QCoreApplication.translate("ResidentDialog", u"\u8054\u7cfb\u4eba\u4e0e\u5907\u6ce8", None))
        self.errorLabel.setText("")
    # retranslateUi

