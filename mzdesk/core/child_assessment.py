"""入院评估 of a child: health, disability (GB/T 26341-2010 type and level), development and
behaviour. Items and options are data (resources/children/intake_assessment.json), checked
when loaded; this module validates a set of answers and reads the disability off them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mzdesk.core.errors import FieldProblem, ValidationError
from mzdesk.core.i18n import current_language
from mzdesk.core.resources import resource_path

NONE = "none"  # the option of the disability items meaning "no disability"


@dataclass(frozen=True)
class ChildOption:
    code: str
    zh: str
    en: str

    @property
    def label(self) -> str:
        return self.zh if current_language() == "zh" else self.en


@dataclass(frozen=True)
class ChildItem:
    id: str
    zh: str
    en: str
    section: str
    options: tuple[ChildOption, ...]
    field: str | None = None  # a resident field the answer is copied to

    @property
    def label(self) -> str:
        return self.zh if current_language() == "zh" else self.en

    def option(self, code: str) -> ChildOption | None:
        return next((o for o in self.options if o.code == code), None)


@dataclass(frozen=True)
class ChildSection:
    id: str
    zh: str
    en: str
    items: tuple[ChildItem, ...]

    @property
    def label(self) -> str:
        return self.zh if current_language() == "zh" else self.en


@dataclass(frozen=True)
class ChildFindings:
    """What an assessment says that lists and figures need."""

    disability_type: str | None  # the option's Chinese label, None without a disability
    disability_level: str | None
    delayed_development: bool


@dataclass(frozen=True)
class ChildScheme:
    standard: str
    version: str
    sections: tuple[ChildSection, ...]

    @property
    def items(self) -> tuple[ChildItem, ...]:
        return tuple(i for s in self.sections for i in s.items)

    def item_for_field(self, field: str) -> ChildItem:
        return next(i for i in self.items if i.field == field)

    def check(self, answers: Mapping[str, str]) -> ChildFindings:
        """Every item answered with one of its options; a disability type and a level agree
        (both 无 or neither). Raises :class:`ValidationError` naming every problem."""
        problems: list[FieldProblem] = []
        known = {i.id: i for i in self.items}
        problems += [
            FieldProblem("answers", "assessment.unknown_item", {"item": k})
            for k in answers
            if k not in known
        ]
        for item in self.items:
            code = answers.get(item.id)
            if code is None:
                problems.append(
                    FieldProblem("answers", "assessment.missing_item", {"item": item.zh})
                )
            elif item.option(code) is None:
                problems.append(
                    FieldProblem(
                        "answers",
                        "child_assessment.bad_option",
                        {"item": item.zh, "value": code},
                    )
                )
        if problems:
            raise ValidationError(problems)
        kind = self.item_for_field("disability_type")
        level = self.item_for_field("disability_level")
        if (answers[kind.id] == NONE) != (answers[level.id] == NONE):
            raise ValidationError(
                [FieldProblem("answers", "child_assessment.disability_mismatch", {})]
            )
        delayed = any(
            answers[i.id] in ("mild", "marked")
            for s in self.sections
            if s.id == "development"
            for i in s.items
        )
        kind_option = kind.option(answers[kind.id])
        level_option = level.option(answers[level.id])
        has = answers[kind.id] != NONE
        return ChildFindings(
            disability_type=kind_option.zh if has and kind_option else None,
            disability_level=level_option.zh if has and level_option else None,
            delayed_development=delayed,
        )


def load_child_scheme(path: Path) -> ChildScheme:
    """Load and check the file; a broken file fails here, not in the middle of a form."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    seen: set[str] = set()
    sections = []
    for s in raw["sections"]:
        items = []
        for it in s["items"]:
            if it["id"] in seen:
                raise ValueError(f"{path}: duplicate item id {it['id']}")
            seen.add(it["id"])
            options = tuple(
                ChildOption(str(o["code"]), str(o["text"]), str(o.get("text_en") or o["text"]))
                for o in it["options"]
            )
            if len({o.code for o in options}) != len(options) or not options:
                raise ValueError(f"{path}: item {it['id']} needs options with distinct codes")
            items.append(
                ChildItem(
                    it["id"],
                    it["name"],
                    it.get("name_en") or it["name"],
                    s["id"],
                    options,
                    it.get("field"),
                )
            )
        sections.append(
            ChildSection(s["id"], s["name"], s.get("name_en") or s["name"], tuple(items))
        )
    scheme = ChildScheme(raw["standard"], raw["version"], tuple(sections))
    fields = [i.field for i in scheme.items if i.field]
    if sorted(fields) != ["disability_level", "disability_type"]:
        raise ValueError(f"{path}: one item each must carry disability_type and disability_level")
    for field in fields:
        if scheme.item_for_field(str(field)).option(NONE) is None:
            raise ValueError(f"{path}: the {field} item needs the option 'none'")
    return scheme


@cache
def child_scheme() -> ChildScheme:
    return load_child_scheme(resource_path("children", "intake_assessment.json"))
