"""Numbers in the workbooks mzdesk writes: counts as numeric cells, rates as numeric cells
formatted 0.0% (so Excel sums and charts them), never as text such as "73.6%"."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from openpyxl.worksheet.worksheet import Worksheet

from mzdesk.stats.beds.figures import Ratio

PERCENT = "0.0%"


def fraction(r: Ratio) -> float | None:
    """The rate as published (rounded half up to 0.1%, as ``Ratio.pct``), as a fraction for a
    0.0% cell: 81/110 → 0.736, shown 73.6%. None (an empty cell) when there is no
    denominator, where the page shows "—"."""
    if not r.denominator:
        return None
    return float(
        (Decimal(r.numerator) / Decimal(r.denominator)).quantize(
            Decimal("0.001"), rounding=ROUND_HALF_UP
        )
    )


def percent_columns(sheet: Worksheet, *columns: int) -> None:
    """Format ``columns`` (1-based) of the sheet's last row as 0.0%."""
    for column in columns:
        sheet.cell(sheet.max_row, column).number_format = PERCENT
