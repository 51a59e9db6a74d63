"""A nursing home with a draft inspection against the daily fire patrol-sized checklist."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import uuid

import pytest
from PIL import Image

from mzdesk.core.checklists import Template, shipped_templates
from mzdesk.core.vocab import InspectionType, ItemResult, SignerRole
from mzdesk.services.inspecting.finish import Signature
from mzdesk.services.inspecting.flow import NewInspection, answer_item, start_draft
from mzdesk.services.institutions import InstitutionView
from mzdesk.store.engine import Store
from tests.helpers.actors import SETUP

DAY = dt.date(2026, 11, 20)


def png(colour: str = "black") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), colour).save(out, "PNG")
    return out.getvalue()


def template_for(home: InstitutionView) -> Template:
    """The shortest shipped checklist of the home's kind, with the items the home answers."""
    template = min(
        (t for t in shipped_templates() if t.applies(home.kind)), key=lambda t: len(t.items)
    )
    return dataclasses.replace(template, items=template.items_for(home.kind))


def start(store: Store, home: InstitutionView, inspectors: tuple[str, ...] = ("刘志强", "王建国"),
          on: dt.date = DAY, schedule_id: uuid.UUID | None = None) -> uuid.UUID:  # fmt: skip
    return start_draft(
        store,
        SETUP,
        NewInspection(
            home.id,
            template_for(home).id,
            on,
            InspectionType.SELF_DAILY,
            inspectors,
            schedule_id,
        ),
    )


def answer_all(store: Store, home: InstitutionView, inspection: uuid.UUID, fail: int = 0) -> None:
    """Every item 合格, the first ``fail`` items 不合格."""
    for n, item in enumerate(template_for(home).items):
        result = ItemResult.FAIL if n < fail else ItemResult.PASS
        answer_item(store, SETUP, inspection, item.id, result)


def signatures(*inspectors: str, head: str = "张院长") -> list[Signature]:
    return [Signature(SignerRole.INSPECTOR, n, png()) for n in inspectors] + [
        Signature(SignerRole.INSPECTED_HEAD, head, png("blue"))
    ]


@pytest.fixture
def draft(store: Store, home: InstitutionView) -> uuid.UUID:
    return start(store, home)
