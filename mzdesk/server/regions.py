"""What a bureau's laptop may write for the homes it sees through its region.

A device enrolled for a region (``mzdesk server enroll --region CODE``) inspects the homes
of its district: it records inspections, their results, signatures and photos, and hazards.
A home's own records — its residents, beds, staff and what hangs off them (assessments,
stays, leaves, contacts, certificates, training…), the home's particulars, its own
checklist versions and its default hazard deadlines — are the home's to keep: a change to
them from a device that holds the home only through its region is refused with
``reason_code`` ``region_home_records`` (the desktop quarantines it with a message saying
so). Accounts are refused earlier, with
``accounts_home_only`` (server/institutions.py). A device enrolled for the institution
itself is not affected.

It is a list of the home's tables, not of the inspection tables, so that tables added for
inspections later need no change here; a test checks that every synced table is either on
the list or meant for inspections (tests/sync/test_region_writes.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from mzdesk.server.institutions import Refusal
from mzdesk.server.models import Device, Record

# the home's own records: residents, beds, workers, and their sub-tables
HOME_RECORDS = frozenset(
    {
        "institutions",
        "buildings",
        "floors",
        "rooms",
        "beds",
        "bed_history",
        "residents",
        "resident_contacts",
        "resident_leaves",
        "assessments",
        "bed_stays",
        "care_workers",
        "worker_certificates",
        "training_sessions",
        "training_attendance",
        "training_requirements",
        "training_certificates",
        "signing_keys",
        # a home's own checklist versions (issue 12 part A: "owned by the home")
        "home_checklists",
        "home_checklist_items",
        # a home's default rectification deadlines (part D: "a home's default deadlines")
        "hazard_settings",
        # a home's own recurring checks (its daily patrol, its monthly check: part C)
        "inspection_schedules",
        # a child's path (issue 16)
        "child_intakes",
        "family_notices",
        "child_assessments",
        "child_upbringing",
        "child_placements",
        "placement_visits",
    }
)
ATTACHMENTS = "attachments"


def through_region(device: Device, scope: set[uuid.UUID], institution_id: uuid.UUID) -> bool:
    """The device sees this institution through its region, not as its own."""
    return institution_id in scope and str(institution_id) not in device.institution_ids


def region_refusal(
    device: Device,
    scope: set[uuid.UUID],
    table: str,
    institution_id: uuid.UUID,
    data: Mapping[str, Any],
    record: Record | None,
) -> Refusal | None:
    """Why a region device may not make this change, or None. A photo (attachment) is
    refused too when it belongs to one of the home's records."""
    if not through_region(device, scope, institution_id):
        return None
    owner = data.get("owner_table")
    if table == ATTACHMENTS and owner is None and record is not None:
        owner = record.data.get("owner_table")
    if table in HOME_RECORDS or (table == ATTACHMENTS and owner in HOME_RECORDS):
        target = str(owner) if table == ATTACHMENTS else table
        return Refusal(
            "region_home_records",
            f"a device enrolled for a region records inspections and hazards; the home's "
            f"{target} are changed only on devices enrolled for that home",
            {"table": target},
        )
    return None
