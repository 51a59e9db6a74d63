"""How an institution's printed training certificates look: the full 身份证号 or a masked
one, the worker's cumulative hours or not, and the issuer printed (default: the
institution's name). Institution fields a home owns (they sync; see HOME_OWNED_FIELDS)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from mzdesk.core.permissions import Actor, Permission
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import Institution


@dataclass(frozen=True)
class CertificateSettings:
    full_id: bool = False  # print the whole 身份证号 (default: masked, 370203********2749)
    total_hours: bool = False  # print the worker's cumulative hours as well
    issuer: str | None = None  # the issuer printed; None: the institution's name


def certificate_settings(store: Store, institution_id: uuid.UUID) -> CertificateSettings:
    with store.read() as session:
        row = get_live(session, Institution, institution_id)
        return CertificateSettings(
            row.certificate_full_id, row.certificate_total_hours, row.certificate_issuer
        )


@operation(Permission.INSTITUTION_EDIT)
def set_certificate_settings(
    store: Store, actor: Actor, institution_id: uuid.UUID, settings: CertificateSettings
) -> CertificateSettings:
    checks = Checks("institutions")
    issuer = checks.text("certificate_issuer", settings.issuer, max_len=100, required=False)
    checks.done()
    with store.write(actor) as session:
        row = get_live(session, Institution, institution_id)
        wanted = {
            "certificate_full_id": settings.full_id,
            "certificate_total_hours": settings.total_hours,
            "certificate_issuer": issuer or None,
        }
        for key, value in wanted.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
        return CertificateSettings(settings.full_id, settings.total_hours, issuer or None)
