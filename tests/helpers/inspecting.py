"""Inspections made as the app makes them (tests/services/inspecting has the rules): a draft,
answers with notes, finished with every signer's strokes; hazards closed by their steps."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Sequence

from PIL import Image, ImageDraw

from mzdesk.core.vocab import InspectionType, ItemResult, SignerRole
from mzdesk.services.hazards import pass_recheck, submit_for_recheck
from mzdesk.services.inspecting.finish import Signature, finish_inspection
from mzdesk.services.inspecting.flow import (
    NewInspection,
    answer_item,
    set_item_note,
    split_names,
    start_draft,
)
from mzdesk.store.engine import Store
from tests.helpers.actors import SETUP

HEAD = "刘志强"  # 被检查单位负责人


def strokes(seed: int = 0) -> bytes:
    """A signature: a few strokes on a transparent pad, as the pad saves them."""
    image = Image.new("RGBA", (300, 100), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = [(20 + 26 * i, 30 + ((i + seed) % 3) * 22) for i in range(11)]
    draw.line(points, fill=(10, 20, 60, 255), width=4)
    draw.line([(25, 82), (270, 76)], fill=(10, 20, 60, 255), width=2)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def begin(
    store: Store,
    institution_id: uuid.UUID,
    template_id: uuid.UUID,
    on: dt.date,
    inspection_type: InspectionType = InspectionType.MONTHLY,
    inspectors: str | Sequence[str] = ("张三",),
) -> uuid.UUID:
    names = split_names(inspectors) if isinstance(inspectors, str) else tuple(inspectors)
    return start_draft(
        store, SETUP, NewInspection(institution_id, template_id, on, inspection_type, names)
    )


def answer(
    store: Store,
    inspection_id: uuid.UUID,
    item_id: uuid.UUID,
    result: ItemResult,
    note: str | None = None,
) -> None:
    answer_item(store, SETUP, inspection_id, item_id, result)
    if note:
        set_item_note(store, SETUP, inspection_id, item_id, note)


def sign_and_finish(
    store: Store,
    inspection_id: uuid.UUID,
    inspectors: Sequence[str],
    *,
    summary: str | None = None,
    head: str = HEAD,
) -> list[uuid.UUID]:
    """Every inspector and the home's head sign; returns the hazards it opened."""
    signers = [Signature(SignerRole.INSPECTOR, n, strokes(i)) for i, n in enumerate(inspectors)]
    signers.append(Signature(SignerRole.INSPECTED_HEAD, head, strokes(len(signers))))
    return finish_inspection(store, SETUP, inspection_id, signers, summary=summary)


def close_hazard(store: Store, hazard_id: uuid.UUID, on: dt.date, by: str = "王明") -> None:
    """Rectified and re-checked on ``on``: 已销号."""
    submit_for_recheck(store, SETUP, hazard_id, on=on, by=by)
    pass_recheck(store, SETUP, hazard_id, on=on, by=by)
