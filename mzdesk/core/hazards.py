"""Hazard rules that need no database: the steps of a hazard's life, the default deadlines
per level, and when a hazard is overdue."""

from __future__ import annotations

import datetime as dt
from typing import Final

from mzdesk.core.vocab import HazardLevel, HazardStatus, Vocab

# days from the day a hazard is found to its deadline, unless the home sets its own
DEFAULT_DEADLINE_DAYS: Final[dict[HazardLevel, int]] = {
    HazardLevel.ORDINARY: 30,
    HazardLevel.MAJOR: 7,
}
MAX_DEADLINE_DAYS: Final = 365


class HazardEventKind(Vocab):
    """One step in a hazard's history (hazard_events.kind)."""

    OPENED = "opened", "发现", "found"
    STARTED = "started", "开始整改", "rectification started"
    SUBMITTED = "submitted", "提交复查", "submitted for re-check"
    PASSED = "passed", "复查通过", "re-check passed"
    RETURNED = "returned", "打回", "sent back"
    EXTENDED = "extended", "延期", "deadline extended"
    EDITED = "edited", "修改", "edited"
    IMPORTED = "imported", "台账导入", "imported from a ledger"
    # an amendment (更正) took back the failure that opened it: 已销号 without a re-check
    WITHDRAWN = "withdrawn", "更正撤销", "withdrawn by an amendment"


# what each step may follow, and the status it leaves the hazard in
STEPS: Final[dict[HazardEventKind, tuple[tuple[HazardStatus, ...], HazardStatus]]] = {
    HazardEventKind.STARTED: ((HazardStatus.OPEN,), HazardStatus.IN_PROGRESS),
    # rectified on the spot: 待整改 may go straight to 待复查
    HazardEventKind.SUBMITTED: (
        (HazardStatus.OPEN, HazardStatus.IN_PROGRESS),
        HazardStatus.AWAITING_CHECK,
    ),
    HazardEventKind.PASSED: ((HazardStatus.AWAITING_CHECK,), HazardStatus.CLOSED),
    HazardEventKind.RETURNED: ((HazardStatus.AWAITING_CHECK,), HazardStatus.IN_PROGRESS),
}


def deadline_for(
    level: HazardLevel, found_on: dt.date, days: dict[HazardLevel, int] | None = None
) -> dt.date:
    """The default deadline of a hazard of ``level`` found on ``found_on``."""
    return found_on + dt.timedelta(days=(days or DEFAULT_DEADLINE_DAYS)[level])


def is_overdue(status: HazardStatus, deadline: dt.date, today: dt.date) -> bool:
    """Not closed and past its deadline: the deadline day itself is still in time."""
    return status is not HazardStatus.CLOSED and deadline < today


def days_overdue(status: HazardStatus, deadline: dt.date, today: dt.date) -> int:
    return (today - deadline).days if is_overdue(status, deadline, today) else 0
