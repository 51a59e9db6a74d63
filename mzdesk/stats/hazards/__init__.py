"""Hazard figures (隐患整改): found, closed, open and overdue over a period."""

from mzdesk.stats.hazards.figures import (
    OTHER_SECTION,
    HazardCounts,
    HazardFigures,
    HazardRow,
    closing_date,
    count,
    hazard_statistics,
)

__all__ = [
    "OTHER_SECTION",
    "HazardCounts",
    "HazardFigures",
    "HazardRow",
    "closing_date",
    "count",
    "hazard_statistics",
]
