"""The children's figures as rows of text and numbers — the one list behind the statistics
page's tables, the workbook and the printed report (reports/children_report.py), so the three
cannot differ. Plain Python: the page shows these without loading reportlab or openpyxl.

Figures only: a notice is listed by its home and dates, never by the child's name; nothing of a
birth family or a foster family is here. Labels are in the current language (the category
names come from the figures themselves)."""

from __future__ import annotations

from collections.abc import Sequence

from mzdesk.core.i18n import current_language, text
from mzdesk.stats.children import ChildFigures
from mzdesk.stats.children_homes import HomeChildren


def t(key: str, /, **params: object) -> str:
    return text(f"children.figures.{key}", **params)


def report_title(area: str) -> str:
    return t("title", area=area + " " if area and current_language() == "zh" else area)


def area_name(institution: str | None, region: str | None) -> str:
    """How the scope is named in titles: the home, 区划 3702, or nothing for all."""
    if institution:
        return institution
    return t("region", code=region) if region else ""


def sentence(f: ChildFigures, area: str) -> str:
    zh = current_language() == "zh"
    said = t(
        "sentence",
        area=(area + ("" if zh else ", ")) if area else "",
        day=f.as_of.isoformat(),
        homes=f.institutions,
        in_care=f.in_care,
        foster=f.in_foster_care,
        school=f.at_school,
        disabled=f.with_disability,
        running=f.notices_running,
        past=f.notices_past_deadline,
    )
    return said + "。" if zh else said[:1].upper() + said[1:] + "."


def headline(f: ChildFigures) -> list[tuple[str, int]]:
    """(指标, count): the headline numbers, in the order shown."""
    return [
        (t("homes"), f.institutions),
        (t("in_care"), f.in_care),
        (t("in_house"), f.in_house),
        (t("in_foster_care"), f.in_foster_care),
        (t("at_school"), f.at_school),
        (t("with_disability"), f.with_disability),
        (t("notices_running"), f.notices_running),
        (t("notices_past"), f.notices_past_deadline),
        (t("visits_due"), f.visits_due),
    ]


def sections(f: ChildFigures) -> list[tuple[str, list[tuple[str, int]]]]:
    """(section title, [(label, count)]): the breakdowns, zeros included where the figures
    list them (every category, age band and kind of placement)."""
    return [
        (t("by_category"), list(f.by_category.items())),
        (t("by_age_band"), list(f.by_age_band.items())),
        (t("by_disability"), list(f.by_disability.items())),
        (t("placements"), list(f.placements.items())),
        (t("left"), list(f.left.items())),
    ]


def notice_headers() -> list[str]:
    return [t("home"), t("published"), t("period_end"), t("state")]


def notice_rows(f: ChildFigures) -> list[tuple[list[str], bool]]:
    """([home, published, period end, state], past its deadline) — no child's name."""
    return [
        (
            [
                n.institution,
                n.published_on.isoformat(),
                n.period_end.isoformat(),
                t("past" if n.expired else "running"),
            ],
            n.expired,
        )
        for n in sorted(f.notices, key=lambda n: (n.period_end, n.institution))
    ]


def home_headers() -> list[str]:
    return [
        t("home"),
        t("region_code"),
        t("in_care"),
        t("col.in_house"),
        t("col.foster"),
        t("col.school"),
        t("col.disabled"),
        t("col.placed"),
        t("col.left"),
        t("col.notices"),
        t("col.past"),
        t("col.visits"),
    ]


def home_values(name: str, region: str, f: ChildFigures) -> list[str | int]:
    """One row of the homes side by side (the totals row: the scope's own figures)."""
    return [
        name,
        region,
        f.in_care,
        f.in_house,
        f.in_foster_care,
        f.at_school,
        f.with_disability,
        sum(f.placements.values()),
        sum(f.left.values()),
        f.notices_running,
        f.notices_past_deadline,
        f.visits_due,
    ]


def home_rows(homes: Sequence[HomeChildren], total: ChildFigures) -> list[list[str | int]]:
    """Every home, then the totals row (empty when there are no homes side by side)."""
    if not homes:
        return []
    return [home_values(h.name, h.region_code, h.figures) for h in homes] + [
        home_values(t("total"), "", total)
    ]
