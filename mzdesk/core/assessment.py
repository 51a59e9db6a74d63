"""GB/T 42195-2022 老年人能力评估: items, scoring and the ability level.

Items, option scores, level thresholds and the adjustment rules are data (a JSON file under
resources/assessment/), validated when loaded; this module only applies them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mzdesk.core.errors import FieldProblem, ValidationError
from mzdesk.core.resources import resource_path
from mzdesk.core.vocab import AbilityLevel


@dataclass(frozen=True)
class Option:
    score: int
    text: str
    coma: bool = False


@dataclass(frozen=True)
class Item:
    id: str
    name: str
    dimension: str
    options: tuple[Option, ...]

    @property
    def max_score(self) -> int:
        return max(o.score for o in self.options)


@dataclass(frozen=True)
class Dimension:
    id: str
    name: str
    max_score: int
    items: tuple[Item, ...]


@dataclass(frozen=True)
class LevelBand:
    level: AbilityLevel
    min: int
    max: int


@dataclass(frozen=True)
class AssessmentScheme:
    standard: str
    version: str
    dimensions: tuple[Dimension, ...]
    bands: tuple[LevelBand, ...]
    coma_level: AbilityLevel
    cognitive_disorder_steps: int
    risk_events_threshold: int
    risk_events_steps: int

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for d in self.dimensions for item in d.items)

    @property
    def max_total(self) -> int:
        return sum(d.max_score for d in self.dimensions)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def level_for_total(self, total: int) -> AbilityLevel:
        for band in self.bands:
            if band.min <= total <= band.max:
                return band.level
        raise ValueError(f"no level band covers the total {total}")

    def score(
        self,
        answers: Mapping[str, int],
        *,
        cognitive_disorder: bool = False,
        risk_events_30d: int = 0,
        partial: bool = False,
    ) -> AssessmentResult:
        """Score ``answers`` (item id → chosen option score).

        With ``partial`` the missing items are allowed (the form computes as the assessor
        fills it in); the result then says ``complete=False``.
        """
        problems: list[FieldProblem] = []
        known = {item.id for item in self.items}
        problems += [
            FieldProblem(f"answers.{k}", "assessment.unknown_item", {"item": k})
            for k in answers
            if k not in known
        ]
        if risk_events_30d < 0:
            problems.append(FieldProblem("risk_events_30d", "assessment.risk_events"))
        dimension_scores: dict[str, int] = {}
        coma = False
        missing = 0
        for dim in self.dimensions:
            subtotal = 0
            for item in dim.items:
                if item.id not in answers:
                    missing += 1
                    if not partial:
                        problems.append(
                            FieldProblem(
                                f"answers.{item.id}", "assessment.missing_item", {"item": item.name}
                            )
                        )
                    continue
                chosen = [o for o in item.options if o.score == answers[item.id]]
                if not chosen:
                    problems.append(
                        FieldProblem(
                            f"answers.{item.id}",
                            "assessment.bad_score",
                            {"item": item.name, "score": answers[item.id]},
                        )
                    )
                    continue
                coma = coma or chosen[0].coma
                subtotal += chosen[0].score
            dimension_scores[dim.id] = subtotal
        if problems:
            raise ValidationError(problems)
        total = sum(dimension_scores.values())
        base = self.level_for_total(total)
        level = base
        if coma:
            level = self.coma_level
        else:
            if cognitive_disorder:
                level = level.worse(self.cognitive_disorder_steps)
            if risk_events_30d >= self.risk_events_threshold:
                level = level.worse(self.risk_events_steps)
        return AssessmentResult(
            dimension_scores=dimension_scores,
            total=total,
            base_level=base,
            level=level,
            coma=coma,
            complete=missing == 0,
        )


@dataclass(frozen=True)
class AssessmentResult:
    dimension_scores: dict[str, int]
    total: int
    base_level: AbilityLevel
    level: AbilityLevel
    coma: bool
    complete: bool


def load_scheme(path: Path) -> AssessmentScheme:
    """Load and check a scheme file; a broken file fails here, not in the middle of a form."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    dimensions = []
    seen: set[str] = set()
    for d in raw["dimensions"]:
        items = []
        for it in d["items"]:
            if it["id"] in seen:
                raise ValueError(f"{path}: duplicate item id {it['id']}")
            seen.add(it["id"])
            options = tuple(
                Option(int(o["score"]), str(o["text"]), bool(o.get("coma", False)))
                for o in it["options"]
            )
            if len({o.score for o in options}) != len(options):
                raise ValueError(f"{path}: item {it['id']} has two options with one score")
            items.append(Item(it["id"], it["name"], d["id"], options))
        dim = Dimension(d["id"], d["name"], int(d["max"]), tuple(items))
        if sum(i.max_score for i in dim.items) != dim.max_score:
            raise ValueError(f"{path}: dimension {dim.id} items do not add up to {dim.max_score}")
        dimensions.append(dim)
    bands = tuple(
        LevelBand(AbilityLevel(b["level"]), int(b["min"]), int(b["max"])) for b in raw["levels"]
    )
    total = sum(d.max_score for d in dimensions)
    covered = sorted(n for b in bands for n in range(b.min, b.max + 1))
    if covered != list(range(total + 1)):
        raise ValueError(f"{path}: level bands must cover 0…{total} exactly once")
    adj = raw["adjustments"]
    return AssessmentScheme(
        standard=raw["standard"],
        version=raw["version"],
        dimensions=tuple(dimensions),
        bands=bands,
        coma_level=AbilityLevel(adj["coma_level"]),
        cognitive_disorder_steps=int(adj["cognitive_disorder_steps"]),
        risk_events_threshold=int(adj["risk_events_threshold"]),
        risk_events_steps=int(adj["risk_events_steps"]),
    )


@cache
def default_scheme() -> AssessmentScheme:
    return load_scheme(resource_path("assessment", "gbt42195-2022.json"))
