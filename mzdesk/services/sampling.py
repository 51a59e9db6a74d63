"""双随机: draw homes of a region for inspection and pair each with inspectors at random.

The draw is a pure function of the seed and the two lists (docs/sampling.md gives it step by
step, to be redone by hand or in any language), so anyone holding the published seed and
lists can check it, whatever order the rows were stored in:

1. Homes: each candidate's code is its 统一社会信用代码 (or, without one, its id). The list is
   sorted by code (Unicode code points); each home gets the key
   ``SHA-256("mzdesk-draw-1|home|" + seed + "|" + code)`` (hex); the N homes with the
   smallest keys are drawn, in key order.
2. Inspectors: names are trimmed, duplicates dropped, sorted. For each drawn home, every
   inspector gets ``SHA-256("mzdesk-draw-1|inspector|" + seed + "|" + code + "|" + name)``;
   the k with the smallest keys go, k = 2 when there are at least two inspectors (双随机
   sends two law-enforcement officers to each), else 1.

SHA-256 of distinct texts behaves as independent uniform draws, so every home is drawn with
probability N/M and every inspector is sent to a home with probability k/P.

Draws are kept locally (store/models/sampling.py says why not synced).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from mzdesk.core.errors import ValidationError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.services.checks import Checks
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import Institution, SampleDraw

ALGORITHM = "mzdesk-draw-1"
INSPECTORS_PER_HOME = 2
MAX_SEED = 40
_REGION = re.compile(r"\d{2,6}")


@dataclass(frozen=True)
class Candidate:
    code: str
    name: str
    id: str


@dataclass(frozen=True)
class DrawnHome:
    institution: str
    code: str
    id: str
    inspectors: tuple[str, ...]


@dataclass(frozen=True)
class Draw:
    id: uuid.UUID | None
    seed: str
    region_code: str
    draw_date: dt.date
    institutions_wanted: int
    inspectors_per_home: int
    candidates: tuple[Candidate, ...]
    inspectors: tuple[str, ...]
    drawn: tuple[DrawnHome, ...]
    algorithm: str = ALGORITHM

    def as_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id) if self.id else None,
            "seed": self.seed,
            "algorithm": self.algorithm,
            "region": self.region_code,
            "date": self.draw_date.isoformat(),
            "institutions": self.institutions_wanted,
            "inspectors_per_home": self.inspectors_per_home,
            "drawn": [
                {"institution": d.institution, "code": d.code, "inspectors": list(d.inspectors)}
                for d in self.drawn
            ],
            "candidates": [{"code": c.code, "institution": c.name} for c in self.candidates],
            "inspector_list": list(self.inspectors),
        }


def key(seed: str, kind: str, *parts: str) -> str:
    """The rank of one home (``kind`` "home", its code) or of an inspector for a home
    ("inspector", the home's code, the name): SHA-256 of the UTF-8 text joined by ``|``."""
    text = "|".join((ALGORITHM, kind, seed, *parts))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_inspectors(names: Sequence[str]) -> tuple[str, ...]:
    return tuple(sorted({n.strip() for n in names if n.strip()}))


def draw_homes(
    seed: str, candidates: Sequence[Candidate], inspectors: Sequence[str], wanted: int
) -> tuple[tuple[Candidate, ...], tuple[str, ...], tuple[DrawnHome, ...]]:
    """The draw itself (pure): the canonical lists and the homes drawn with their inspectors."""
    homes = tuple(sorted(candidates, key=lambda c: c.code))
    people = canonical_inspectors(inspectors)
    per_home = min(INSPECTORS_PER_HOME, len(people))
    ranked = sorted(homes, key=lambda c: (key(seed, "home", c.code), c.code))
    drawn = tuple(
        DrawnHome(home.name, home.code, home.id, _inspectors(seed, home.code, people, per_home))
        for home in ranked[:wanted]
    )
    return homes, people, drawn


def _inspectors(seed: str, code: str, people: tuple[str, ...], count: int) -> tuple[str, ...]:
    def rank(name: str) -> tuple[str, str]:
        return key(seed, "inspector", code, name), name

    return tuple(sorted(people, key=rank)[:count])


def new_seed() -> str:
    """A seed when none is given: 12 random decimal digits (printed with the draw)."""
    return str(secrets.randbelow(10**12)).zfill(12)


def region_homes(store: Store, region_code: str) -> list[Candidate]:
    """The live institutions whose region code starts with ``region_code``."""
    with store.read() as session:
        rows = session.scalars(
            select(Institution).where(
                Institution.region_code.startswith(region_code), Institution.deleted_at.is_(None)
            )
        ).all()
        return [Candidate(r.uscc or str(r.id), r.name, str(r.id)) for r in rows]


@dataclass(frozen=True)
class DrawRequest:
    region_code: str
    institutions: int
    inspectors: Sequence[str]
    seed: str | None = None
    draw_date: dt.date | None = None


def _check(request: DrawRequest, homes: int) -> tuple[str, str, tuple[str, ...]]:
    checks = Checks()
    region = request.region_code.strip()
    if not _REGION.fullmatch(region):
        checks.add("region_code", "sampling.bad_region", value=region[:20])
    people = canonical_inspectors(request.inspectors)
    if not people:
        checks.add("inspectors", "sampling.no_inspectors")
    seed = new_seed() if request.seed is None else request.seed.strip()
    if not seed or len(seed) > MAX_SEED or "|" in seed:
        checks.add("seed", "sampling.bad_seed", limit=MAX_SEED)
    if request.institutions < 1:
        checks.add("institutions", "sampling.too_few")
    elif request.institutions > homes and _REGION.fullmatch(region):
        checks.add("institutions", "sampling.too_many", wanted=request.institutions, homes=homes)
    checks.done()
    return region, seed, people


@operation(Permission.INSPECTIONS_EDIT)
def make_draw(store: Store, actor: Actor, request: DrawRequest) -> Draw:
    """Draw, record and return a 双随机 draw for a region."""
    region = request.region_code.strip()
    homes = region_homes(store, region) if _REGION.fullmatch(region) else []
    region, seed, people = _check(request, len(homes))
    codes = [h.code for h in homes]
    if len(set(codes)) != len(codes):
        twice = sorted({c for c in codes if codes.count(c) > 1})
        raise ValidationError.single("institutions", "sampling.duplicate_code", uscc=twice[0])
    candidates, inspectors, drawn = draw_homes(seed, homes, people, request.institutions)
    when = request.draw_date or dt.date.today()
    per_home = min(INSPECTORS_PER_HOME, len(inspectors))
    with store.write(actor) as session:
        row = SampleDraw(
            made_by=actor.user_id,
            draw_date=when,
            region_code=region,
            algorithm=ALGORITHM,
            seed=seed,
            institutions_wanted=request.institutions,
            inspectors_per_home=per_home,
            candidates=[{"code": c.code, "name": c.name, "id": c.id} for c in candidates],
            inspectors=list(inspectors),
            drawn=[
                {
                    "code": d.code,
                    "institution": d.institution,
                    "id": d.id,
                    "inspectors": list(d.inspectors),
                }
                for d in drawn
            ],
        )
        session.add(row)
        session.flush()
        return _view(row)


def _view(row: SampleDraw) -> Draw:
    return Draw(
        row.id,
        row.seed,
        row.region_code,
        row.draw_date,
        row.institutions_wanted,
        row.inspectors_per_home,
        tuple(Candidate(c["code"], c["name"], c["id"]) for c in row.candidates),
        tuple(row.inspectors),
        tuple(
            DrawnHome(d["institution"], d["code"], d["id"], tuple(d["inspectors"]))
            for d in row.drawn
        ),
        row.algorithm,
    )


def list_draws(store: Store) -> list[Draw]:
    """Every recorded draw, newest first."""
    with store.read() as session:
        rows = session.scalars(select(SampleDraw).order_by(SampleDraw.made_at.desc())).all()
        return [_view(r) for r in rows]


def get_draw(store: Store, draw_id: uuid.UUID) -> Draw:
    with store.read() as session:
        row = session.get(SampleDraw, draw_id)
        if row is None:
            raise ValidationError.single("draw", "not_found", what="抽查", key=str(draw_id))
        return _view(row)
