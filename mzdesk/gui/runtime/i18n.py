"""Fonts and translations: the bundled CJK font, Qt translators, and ``tr``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from mzdesk.core.resources import resource_path

FONT_FILE = ("fonts", "wqy-microhei.ttc")


def QT_TR_NOOP(text: str) -> str:
    """Mark a string for translation where it is defined; translate it with tr() where shown.
    (PySide6's own QT_TR_NOOP is typed as returning ``object``.)"""
    return text


def tr(text: str) -> str:
    """Translate a Chinese source string (pyside6-lupdate extracts ``tr("…")`` calls; the
    context is empty, as lupdate files module-level calls)."""
    return QCoreApplication.translate("", text)


def register_font(app: QGuiApplication) -> str:
    """Register the bundled TrueType CJK font and make it the application font, so Chinese
    renders on machines without Chinese fonts (and offscreen)."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path(*FONT_FILE)))
    if font_id < 0:
        raise RuntimeError(f"cannot load the bundled font {resource_path(*FONT_FILE)}")
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    font.setPointSize(10)
    app.setFont(font)
    return family


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Chinese: source strings are Chinese; load Qt's own zh_CN strings for standard dialogs.
    English: load mzdesk_en.qm and Qt's defaults."""
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt = QTranslator(app)
        if qt.load("qtbase_zh_CN", qt_dir):
            translators.append(qt)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        ours = QTranslator(app)
        if ours.load(str(resource_path("translations", "mzdesk_en.qm"))):
            translators.append(ours)
    for translator in translators:
        app.installTranslator(translator)
    return translators
