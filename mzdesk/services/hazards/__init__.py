"""Hazards until closed (issue 12): opening them from failed items, their life cycle with
打回 and 延期 (each step a synced, audited ``hazard_events`` row), evidence photos, follow-ups
(复查), what an amendment (更正) does to them, and the ledger screens' reads. The ledger
import/export lives with the other rosters in services/tables/."""

from mzdesk.services.hazards.amending import follow_amendment
from mzdesk.services.hazards.follow_up import (
    FollowUpData,
    FollowUpLine,
    FollowUpReport,
    Recheck,
    carried_forward,
    follow_ups_of,
    record_follow_up,
)
from mzdesk.services.hazards.lifecycle import (
    HazardEdit,
    Photo,
    edit_hazard,
    extend_deadline,
    pass_recheck,
    return_hazard,
    start_rectification,
    submit_for_recheck,
)
from mzdesk.services.hazards.opening import (
    NewHazard,
    deadline_days,
    open_hazards_for_failures,
    read_deadline_days,
    register_hazard,
    set_deadline_days,
)
from mzdesk.services.hazards.views import (
    EventRow,
    FoundBy,
    HazardDetail,
    HazardFilter,
    HazardRow,
    hazard_detail,
    inspection_found,
    list_hazards,
)

__all__ = [
    "EventRow",
    "FollowUpData",
    "FollowUpLine",
    "FollowUpReport",
    "FoundBy",
    "HazardDetail",
    "HazardEdit",
    "HazardFilter",
    "HazardRow",
    "NewHazard",
    "Photo",
    "Recheck",
    "carried_forward",
    "deadline_days",
    "edit_hazard",
    "extend_deadline",
    "follow_amendment",
    "follow_ups_of",
    "hazard_detail",
    "inspection_found",
    "list_hazards",
    "open_hazards_for_failures",
    "pass_recheck",
    "read_deadline_days",
    "record_follow_up",
    "register_hazard",
    "return_hazard",
    "set_deadline_days",
    "start_rectification",
    "submit_for_recheck",
]
