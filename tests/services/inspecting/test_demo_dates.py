"""The demo's finished inspections were finished and signed on the day they were inspected,
not on the day the demo was made."""

import datetime as dt

from sqlalchemy import select

from mzdesk.core.vocab import InspectionStatus
from mzdesk.services.demo.generate import Scale, generate
from mzdesk.store.models import Inspection, InspectionSignature
from tests.helpers.actors import SETUP

TODAY = dt.date(2026, 6, 15)


def test_demo_inspections_are_finished_and_signed_on_their_day(store):
    generate(store, SETUP, Scale.SITE, seed=7, today=TODAY)
    with store.read() as session:
        finished = session.scalars(
            select(Inspection).where(Inspection.status == InspectionStatus.COMPLETED)
        ).all()
        days = {i.id: i.inspected_on for i in finished}
        signatures = session.scalars(select(InspectionSignature)).all()
        assert len(finished) > 5 and signatures
        assert all(i.completed_at and i.completed_at.date() == i.inspected_on for i in finished)
        assert all(s.signed_at.date() == days[s.inspection_id] for s in signatures)
