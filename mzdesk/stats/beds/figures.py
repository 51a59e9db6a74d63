"""The published bed figures for a scope as of its day: beds by type, nursing share,
occupancy, socially operated share, institutions and residents by category. Shares carry
numerator and denominator; the published form rounds half up to one decimal ("73.6%"),
computed in Decimal so 0.7365 is 73.7%, not a binary-float 73.6%."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import select

from mzdesk.core.vocab import (
    AbilityLevel,
    BedType,
    Grade,
    InstitutionKind,
    Operation,
    Positioning,
    SupportType,
)
from mzdesk.stats.beds.asof import Scope, institution_filter
from mzdesk.stats.beds.snapshots import KeepSnapshots, institution_beds, saving
from mzdesk.store.engine import Store
from mzdesk.store.models import Institution

UNSET = "未填"


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int

    @property
    def value(self) -> float:
        return self.numerator / self.denominator if self.denominator else 0.0

    @property
    def pct(self) -> str:
        """The published form, rounded half up to one decimal: "73.6%"."""
        if not self.denominator:
            return "—"
        percent = (Decimal(self.numerator) * 100 / Decimal(self.denominator)).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
        return f"{percent}%"


@dataclass(frozen=True)
class KindFigures:
    """The figures of one kind of institution (养老机构, 儿童福利机构) within the scope:
    reported side by side, so a children's home is neither dropped nor mixed into the
    nursing homes' beds and shares."""

    institutions: int = 0
    total_beds: int = 0
    nursing_beds: int = 0
    beds_in_service: int = 0
    occupied_beds: int = 0

    @property
    def nursing_share(self) -> Ratio:
        return Ratio(self.nursing_beds, self.total_beds)

    @property
    def occupancy(self) -> Ratio:
        return Ratio(self.occupied_beds, self.beds_in_service)

    def add(self, beds: int, nursing: int, in_service: int, occupied: int) -> KindFigures:
        return KindFigures(
            self.institutions + 1,
            self.total_beds + beds,
            self.nursing_beds + nursing,
            self.beds_in_service + in_service,
            self.occupied_beds + occupied,
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "institutions": self.institutions,
            "total_beds": self.total_beds,
            "nursing_beds": self.nursing_beds,
            "nursing_share_pct": self.nursing_share.pct,
            "beds_in_service": self.beds_in_service,
            "occupied_beds": self.occupied_beds,
            "occupancy_rate_pct": self.occupancy.pct,
        }


@dataclass(frozen=True)
class BedStatistics:
    as_of: dt.date
    institutions: int
    total_beds: int
    beds_by_type: dict[BedType, int]
    beds_in_service: int
    occupied_beds: int
    social_operated_beds: int
    home_care_beds: int
    institutions_by_kind: dict[str, int]
    institutions_by_positioning: dict[str, int]
    institutions_by_operation: dict[str, int]
    institutions_by_grade: dict[str, int]
    residents_by_support_type: dict[str, int] = field(default_factory=dict)
    residents_by_ability_level: dict[str, int] = field(default_factory=dict)
    by_kind: dict[InstitutionKind, KindFigures] = field(default_factory=dict)

    @property
    def nursing_beds(self) -> int:
        return sum(n for t, n in self.beds_by_type.items() if t.counts_as_nursing)

    @property
    def nursing_share(self) -> Ratio:
        return Ratio(self.nursing_beds, self.total_beds)

    @property
    def occupancy(self) -> Ratio:
        return Ratio(self.occupied_beds, self.beds_in_service)

    @property
    def social_operated_share(self) -> Ratio:
        return Ratio(self.social_operated_beds, self.total_beds)

    def sentence(self, area: str, language: str = "zh") -> str:
        """全市养老机构108家，床位10036张，其中护理型床位7385张，占比73.6%; children's homes
        in the scope follow in their own clause (；儿童福利机构2家，床位210张), so the sentence
        counts the institutions the table counts and the nursing homes' share is theirs.
        ``language`` "en" words it in English for the app's English screens (reports and
        published figures stay Chinese)."""
        homes = self.by_kind.get(InstitutionKind.NURSING_HOME, KindFigures())
        children = self.by_kind.get(InstitutionKind.CHILDREN_HOME, KindFigures())
        english = language == "en"
        clauses = []
        if homes.institutions or not children.institutions:
            clauses.append(
                f"{homes.institutions} nursing home{_s(homes.institutions)} with "
                f"{homes.total_beds} beds, of which "
                f"{homes.nursing_beds} nursing beds ({homes.nursing_share.pct})"
                if english
                else f"养老机构{homes.institutions}家，床位{homes.total_beds}张，"
                f"其中护理型床位{homes.nursing_beds}张，占比{homes.nursing_share.pct}"
            )
        if children.institutions:
            clauses.append(
                f"{children.institutions} children's welfare homes with {children.total_beds} beds"
                if english
                else f"儿童福利机构{children.institutions}家，床位{children.total_beds}张"
            )
        if english:
            return (f"{area}: " if area else "") + "; ".join(clauses)
        return area + "；".join(clauses)

    def as_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "institutions": self.institutions,
            "total_beds": self.total_beds,
            "beds_by_type": {t.zh: self.beds_by_type.get(t, 0) for t in BedType},
            "nursing_beds": self.nursing_beds,
            "nursing_share": self.nursing_share.value,
            "nursing_share_pct": self.nursing_share.pct,
            "dementia_beds": self.beds_by_type.get(BedType.DEMENTIA, 0),
            "beds_in_service": self.beds_in_service,
            "occupied_beds": self.occupied_beds,
            "occupancy_rate": self.occupancy.value,
            "occupancy_rate_pct": self.occupancy.pct,
            "social_operated_beds": self.social_operated_beds,
            "social_operated_share": self.social_operated_share.value,
            "social_operated_share_pct": self.social_operated_share.pct,
            "institutions_by_kind": self.institutions_by_kind,
            "institutions_by_positioning": self.institutions_by_positioning,
            "institutions_by_operation": self.institutions_by_operation,
            "institutions_by_grade": self.institutions_by_grade,
            "home_care_beds": self.home_care_beds,
            "residents_by_support_type": self.residents_by_support_type,
            "residents_by_ability_level": self.residents_by_ability_level,
            "by_kind": {kind.zh: figures.as_json() for kind, figures in self.by_kind.items()},
        }


def _label(value: Any) -> str:
    return value.zh if value is not None else UNSET


def bed_statistics(store: Store, scope: Scope, keep: KeepSnapshots | None = None) -> BedStatistics:
    """The published figures for ``scope``. Figures computed afresh go to ``keep`` (by
    default saved as snapshots at once; a caller with its own writer saves them there)."""
    with store.read() as session:
        insts = session.execute(
            select(
                Institution.id,
                Institution.kind,
                Institution.positioning,
                Institution.operation,
                Institution.grade,
                Institution.home_care_beds,
            ).where(*institution_filter(scope))
        ).all()
        snapshots = institution_beds(session, scope, [inst.id for inst in insts])
    (keep or saving(store))(snapshots)
    per_institution = snapshots.figures
    by_type: dict[BedType, int] = dict.fromkeys(BedType, 0)
    in_service = occupied = social = 0
    support: dict[str, int] = {}
    levels: dict[str, int] = {}
    by_kind: dict[InstitutionKind, KindFigures] = {}
    counts: dict[str, dict[str, int]] = {
        "kind": {},
        "positioning": {},
        "operation": {},
        "grade": {},
    }
    for inst in insts:
        for key, value in (
            ("kind", inst.kind),
            ("positioning", inst.positioning),
            ("operation", inst.operation),
            ("grade", inst.grade),
        ):
            label = _label(value)
            counts[key][label] = counts[key].get(label, 0) + 1
        figures = per_institution.get(inst.id)
        kind = by_kind.get(inst.kind, KindFigures())
        if figures is None:
            by_kind[inst.kind] = kind.add(0, 0, 0, 0)
            continue
        by_kind[inst.kind] = kind.add(
            sum(figures.by_type.values()),
            sum(n for t, n in figures.by_type.items() if t.counts_as_nursing),
            figures.in_service,
            figures.occupied,
        )
        for bed_type, n in figures.by_type.items():
            by_type[bed_type] += n
        in_service += figures.in_service
        occupied += figures.occupied
        if inst.operation is not None and inst.operation.socially_operated:
            social += sum(figures.by_type.values())
        for code, n in figures.support.items():
            label = _label(SupportType(code) if code else None)
            support[label] = support.get(label, 0) + n
        for code, n in figures.levels.items():
            label = _label(AbilityLevel(code) if code else None)
            levels[label] = levels.get(label, 0) + n
    return BedStatistics(
        as_of=scope.day,
        institutions=len(insts),
        total_beds=sum(by_type.values()),
        beds_by_type=by_type,
        beds_in_service=in_service,
        occupied_beds=occupied,
        social_operated_beds=social,
        home_care_beds=sum(int(i.home_care_beds or 0) for i in insts),
        institutions_by_kind=_ordered(counts["kind"], InstitutionKind),
        institutions_by_positioning=_ordered(counts["positioning"], Positioning),
        institutions_by_operation=_ordered(counts["operation"], Operation),
        institutions_by_grade=_ordered(counts["grade"], Grade),
        residents_by_support_type=support,
        residents_by_ability_level=levels,
        by_kind={kind: by_kind[kind] for kind in InstitutionKind if kind in by_kind},
    )


def _ordered(counts: dict[str, int], vocab: Any) -> dict[str, int]:
    ordered = {m.zh: counts.get(m.zh, 0) for m in vocab}
    if UNSET in counts:
        ordered[UNSET] = counts[UNSET]
    return ordered


def _s(count: int) -> str:
    return "" if count == 1 else "s"
