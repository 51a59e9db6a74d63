"""The one table of limits: how large a request, a page, a bundle and every synced field may be.

The server refuses what exceeds them (docs/sync-protocol.md, "Limits"); the desktop, the
services and the importers check the same numbers first, so a value the desktop accepts is
never refused later by the server.

Field limits: a ``String(n)`` column's limit is its length ``n`` in the model (the store
reads it from there, :func:`mzdesk.store.values.field_limit`); every ``Text`` column of a
synced table has its limit in :data:`TEXT_LIMITS` (characters) and every ``JSON`` column in
:data:`JSON_LIMITS` (bytes of its compact JSON form, as it travels). A test checks that
every synced ``Text`` and ``JSON`` column is named here.
"""

from __future__ import annotations

from typing import Final

MIB: Final = 1024 * 1024

# --- the protocol -------------------------------------------------------------------------
# Bytes of one request body as it arrives (compressed or not): refused with 413 as soon as
# the declared Content-Length or the bytes read so far exceed it, before anything is kept.
MAX_REQUEST_BYTES: Final = 64 * MIB
# one photo, signature or other attached file, and its image size (a phone photo is ~12 MP)
MAX_ATTACHMENT_BYTES: Final = 12 * MIB
MAX_ATTACHMENT_PIXELS: Final = 50_000_000
# Bytes of a gzip request body once inflated (inflated a piece at a time, 413 beyond it).
MAX_INFLATED_BYTES: Final = 64 * MIB
# Changes in one push (the client sends 500 at a time).
MAX_PUSH_CHANGES: Final = 10_000
# Items in one pull page.
MAX_PAGE: Final = 5_000
# Bytes of a USB bundle file uploaded to /v1/bundles (compressed, as written).
MAX_BUNDLE_BYTES: Final = 64 * MIB
# Bytes of a bundle's content once decompressed (for core/bundle.py's reader).
MAX_BUNDLE_INFLATED_BYTES: Final = 256 * MIB

# --- attempts with a secret (enrolment codes, device tokens) ------------------------------
# Counted per client address and, for enrolment codes, over all addresses; over the limit
# within the window every attempt is refused with 429 and Retry-After until the window ends.
ATTEMPT_WINDOW_SECONDS: Final = 600
MAX_ENROL_FAILURES_PER_ADDRESS: Final = 10
MAX_ENROL_FAILURES_ALL: Final = 100
MAX_TOKEN_FAILURES_PER_ADDRESS: Final = 30

# --- synced fields ------------------------------------------------------------------------
NOTE: Final = 2_000  # 备注 and other free text: about a page

# table → field → most characters, for every Text column of a synced table
TEXT_LIMITS: Final[dict[str, dict[str, int]]] = {
    "residents": {"diagnoses": NOTE, "discharge_note": NOTE, "note": NOTE},
    "beds": {"note": NOTE},
    "assessments": {"note": NOTE},
    "care_workers": {"note": NOTE},
    "training_sessions": {"note": NOTE},
    "signing_keys": {"revoked_reason": NOTE},
    # a child's path (issue 16)
    "child_intakes": {"birth_family": NOTE, "note": NOTE},
    "family_notices": {"note": NOTE},
    "child_assessments": {"note": NOTE},
    "child_upbringing": {"rehabilitation": NOTE, "medical": NOTE, "note": NOTE},
    "child_placements": {"note": NOTE},
    "placement_visits": {"findings": NOTE, "note": NOTE},
    # a signed certificate payload is about 200 characters (core's certificate codec)
    "training_certificates": {"payload": 1_000, "revoked_reason": NOTE},
    "inspections": {"summary": 4_000},
    "inspection_results": {"note": NOTE},
    "inspection_amendments": {"reason": NOTE},
    "hazards": {"description": NOTE, "measure": NOTE, "note": NOTE},
    # a home's own checklist versions (the file schema's limits: core/checklist_schema.py)
    "home_checklist_items": {"text": 500, "look_at": 500},
    "hazard_events": {"reason": NOTE},
    "hazard_follow_ups": {"note": NOTE},
}

# table → field → most bytes of its compact JSON form, for every JSON column of a synced table
JSON_LIMITS: Final[dict[str, dict[str, int]]] = {
    "institutions": {"care_levels": 16_384},
    "residents": {"intake_documents": 8_192},
    "assessments": {"answers": 16_384, "dimension_scores": 4_096, "risk_events": 4_096},
    "child_assessments": {"answers": 4_096},
    "inspection_results": {"photos": 8_192},
    "home_checklists": {"applies_to": 256},
    "home_checklist_items": {"applies_to": 256},
    # a correction of many items with long notes is split in two: a full push batch of the
    # largest changes must stay under MAX_INFLATED_BYTES (tests/sync/test_field_limits.py)
    "inspection_amendments": {"changes": 98_304},
}
