"""The statistics page's district picker: a region field that completes names and codes
(崂山区 370212, 青岛市 3702) of the districts around the database's institutions, and says
so when a code is not a division at all (未知的区划代码 370299)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QWidget

from mzdesk.core.districts import districts_within, division
from mzdesk.gui.runtime.i18n import tr

ALL_OF_CHINA = {str(n) for n in range(10, 100)}  # no institution has a region code yet


def district_completer(parent: QWidget) -> QCompleter:
    completer = QCompleter(QStringListModel([], parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)  # 崂山 or 3702 or 370212
    completer.setMaxVisibleItems(12)
    return completer


def set_districts(completer: QCompleter, region_codes: Iterable[str | None]) -> None:
    """Offer the districts of the cities the institutions are in, and those cities."""
    cities = {code[:4] for code in region_codes if code and len(code) >= 4}
    model = completer.model()
    assert isinstance(model, QStringListModel)
    model.setStringList([d.label for d in districts_within(cities or ALL_OF_CHINA)])


def region_prefix(typed: str) -> str | None:
    """The code in what was typed or picked (崂山区 370212 → 370212); a 6-digit city code
    (370200) as the prefix its districts share (3702)."""
    digits = "".join(ch for ch in typed if ch.isdigit())
    if not digits:
        return None
    known = division(digits)
    return known.code if known is not None else digits


def unknown_region(prefix: str | None) -> str | None:
    """未知的区划代码 370299 when the code is no division (None when it is, or is empty)."""
    if prefix is None or division(prefix) is not None:
        return None
    return tr("未知的区划代码 {code}").format(code=prefix)
