"""A training session with passed, failed and absent attendees, ready for certificates."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

from mzdesk.core.vocab import Occupation, TrainingCategory, TrainingResult
from mzdesk.services.signing_keys import set_verify_server
from mzdesk.services.views import InstitutionView
from mzdesk.services.workers import (
    Attendee,
    TrainingData,
    WorkerData,
    record_training_session,
    register_care_worker,
)
from mzdesk.store.engine import Store
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

SERVER = "https://verify.example.org"
LONG_TOPIC = (
    "老年人能力评估、失智照护与安全用药，以及跌倒、噎食、压疮的预防和应急处置，"
    "消防安全、食品安全与院内感染防控，照护伦理：尊重、沟通、隐私保护。"
)


@dataclass(frozen=True)
class Trained:
    session_id: uuid.UUID
    passed: tuple[uuid.UUID, ...]  # worker ids
    failed: uuid.UUID
    absent: uuid.UUID


def add_worker(store: Store, home: InstitutionView, name: str) -> uuid.UUID:
    return register_care_worker(
        store,
        SETUP,
        WorkerData(
            home.id,
            name,
            Occupation.CARE_WORKER,
            dt.date(2024, 3, 1),
            id_number=id_number(dt.date(1975, 1, 1), male=False),
        ),
    ).id


def train(
    store: Store,
    home: InstitutionView,
    *,
    names: tuple[str, ...] = ("王秀英", "欧阳小明"),
    topic: str = "失智老人照护",
    start: dt.date = dt.date(2026, 3, 2),
    server: str | None = SERVER,
) -> Trained:
    if server:
        set_verify_server(store, SETUP, server)
    passed = tuple(add_worker(store, home, n) for n in names)
    failed = add_worker(store, home, "吴桂兰")
    absent = add_worker(store, home, "郑秀兰")
    session_id = record_training_session(
        store,
        SETUP,
        TrainingData(
            home.id,
            topic,
            TrainingCategory.ON_JOB,
            start,
            start + dt.timedelta(days=2),
            Decimal("16"),
            [Attendee(w, TrainingResult.PASSED) for w in passed]
            + [
                Attendee(failed, TrainingResult.FAILED),
                Attendee(absent, TrainingResult.ABSENT),
            ],
        ),
    )
    return Trained(session_id, passed, failed, absent)
