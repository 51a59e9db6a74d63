"""An inspection worth printing: results with notes, photos (one whose file has not synced),
hazards (one overdue), and two signatures with stroke images — made with the services where
they exist and the models directly for the rest (photos and signatures)."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from dataclasses import dataclass

from PIL import Image, ImageDraw

from mzdesk.core.checklists import shipped_templates
from mzdesk.core.vocab import AttachmentKind, InspectionType, ItemResult
from mzdesk.services.attachments import FileRef, add_attachment, store_file
from mzdesk.store.engine import Store
from mzdesk.store.files import sha256_of
from mzdesk.store.models import InspectionResult
from tests.helpers.actors import SETUP
from tests.helpers.inspecting import answer, begin, sign_and_finish

DAY = dt.date(2026, 3, 2)
FAILED = {"02": "楼梯口安全警示标识脱落", "15": "三楼走廊地面湿滑，未放置警示牌", "19": ""}
NOT_APPLICABLE = {"10"}


def photo(colour: str, label: str, size: tuple[int, int] = (1600, 1200)) -> bytes:
    """A camera-sized JPEG with a coloured panel and a white cross, easy to recognise."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.rectangle((w // 8, h // 8, w * 7 // 8, h * 7 // 8), outline="white", width=24)
    draw.line((0, 0, w, h), fill="white", width=30)
    draw.line((0, h, w, 0), fill="white", width=30)
    draw.text((40, 40), label, fill="black")
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


def stroke(seed: int) -> bytes:
    """A signature-pad PNG: dark strokes on a transparent background."""
    image = Image.new("RGBA", (900, 300), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = [(60 + i * 40, 150 + ((i * 37 + seed * 11) % 90) - 45) for i in range(20)]
    draw.line(points, fill=(10, 20, 60, 255), width=9, joint="curve")
    draw.line([(100, 230), (800, 210 - seed * 5)], fill=(10, 20, 60, 255), width=6)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@dataclass(frozen=True)
class Printed:
    inspection_id: uuid.UUID
    hazard_ids: list[uuid.UUID]
    missing_sha256: str  # a photo whose attachment row arrived without its file


def make_inspection(store: Store, institution_id: uuid.UUID) -> Printed:
    template = next(t for t in shipped_templates() if t.code == "GB38600")
    inspectors = ("王明", "李华")
    inspection_id = begin(
        store, institution_id, template.id, DAY, InspectionType.SUPERVISORY, inspectors
    )
    for item in template.items:
        if item.code in FAILED:
            answer(store, inspection_id, item.id, ItemResult.FAIL, FAILED[item.code] or None)
        elif item.code in NOT_APPLICABLE:
            answer(store, inspection_id, item.id, ItemResult.NOT_APPLICABLE, "无噎食风险老人")
        else:
            answer(store, inspection_id, item.id, ItemResult.PASS)
    refs = [store_file(store, photo(c, n)) for c, n in (("#c0392b", "A"), ("#2471a3", "B"))]
    lost = photo("#27ae60", "lost")
    missing = FileRef(sha256_of(lost), len(lost), "image/jpeg")
    by_code = {i.id: i.code for i in template.items}
    with store.write(SETUP) as session:  # photos as sync brings them: one without its file
        results = {
            by_code[r.item_id]: r.id
            for r in session.query(InspectionResult).filter_by(inspection_id=inspection_id)
        }
        for code, ref in (("02", refs[0]), ("02", refs[1]), ("15", missing), ("01", refs[1])):
            add_attachment(
                session,
                institution_id=institution_id,
                owner_table="inspection_results",
                owner_id=results[code],
                ref=ref,
                kind=AttachmentKind.PHOTO,
                caption=f"检查项 {code}",
            )
    hazard_ids = sign_and_finish(
        store, inspection_id, inspectors, summary="总体较好，三项需整改。", head="刘志强"
    )
    return Printed(inspection_id, hazard_ids, missing.sha256)
