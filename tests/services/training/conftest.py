import datetime as dt
from decimal import Decimal

import pytest

from mzdesk.core.vocab import Occupation, TrainingCategory, TrainingResult
from mzdesk.services.workers import (
    Attendee,
    TrainingData,
    WorkerData,
    record_training_session,
    register_care_worker,
)
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

D = dt.date
HIRED = dt.date(2024, 3, 1)


@pytest.fixture
def hire(store, home):
    def hire(name, hired_on=HIRED, occupation=Occupation.CARE_WORKER, where=None, **kw):
        return register_care_worker(
            store,
            SETUP,
            WorkerData(
                (where or home).id,
                name,
                occupation,
                hired_on,
                id_number=id_number(D(1975, 1, 1), male=False),
                **kw,
            ),
        )

    return hire


@pytest.fixture
def train(store, home):
    def train(
        topic,
        category,
        start,
        attendees,
        *,
        end=None,
        hours="8",
        where=None,
    ):
        return record_training_session(
            store,
            SETUP,
            TrainingData(
                (where or home).id,
                topic,
                category,
                start,
                end or start,
                Decimal(hours),
                [
                    a if isinstance(a, Attendee) else Attendee(a.id, TrainingResult.PASSED)
                    for a in attendees
                ],
            ),
        )

    return train


__all__ = ["D", "TrainingCategory"]
