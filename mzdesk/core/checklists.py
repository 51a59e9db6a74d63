"""Checklist templates: versioned data files, validated on load.

A new edition of a standard is a new file (a new code/version pair), never a code change.
Ids are UUIDv5 of (code, version[, item code]) so every replica derives the same ids.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from mzdesk.core.ids import stable_id
from mzdesk.core.resources import resource_path
from mzdesk.core.vocab import InstitutionKind


@dataclass(frozen=True)
class TemplateItem:
    id: uuid.UUID
    code: str
    section: str
    text: str
    basis: str | None
    major_hazard: bool


@dataclass(frozen=True)
class Template:
    id: uuid.UUID
    code: str
    version: str
    title: str
    basis: str
    institution_kind: InstitutionKind | None
    rectify_days: int
    items: tuple[TemplateItem, ...]


def load_template(path: Path) -> Template:
    raw = json.loads(path.read_text(encoding="utf-8"))
    code, version = str(raw["code"]), str(raw["version"])
    seen: set[str] = set()
    items = []
    for entry in raw["items"]:
        item_code = str(entry["code"])
        if item_code in seen:
            raise ValueError(f"{path}: item code {item_code} appears twice")
        if not str(entry["text"]).strip():
            raise ValueError(f"{path}: item {item_code} has no text")
        seen.add(item_code)
        items.append(
            TemplateItem(
                id=stable_id("checklist", code, version, item_code),
                code=item_code,
                section=str(entry["section"]),
                text=str(entry["text"]),
                basis=entry.get("basis"),
                major_hazard=bool(entry.get("major_hazard", False)),
            )
        )
    if not items:
        raise ValueError(f"{path}: a checklist needs at least one item")
    kind = raw.get("institution_kind")
    return Template(
        id=stable_id("checklist", code, version),
        code=code,
        version=version,
        title=str(raw["title"]),
        basis=str(raw["basis"]),
        institution_kind=InstitutionKind(kind) if kind else None,
        rectify_days=int(raw.get("rectify_days", 30)),
        items=tuple(items),
    )


def shipped_templates() -> list[Template]:
    return [load_template(p) for p in sorted(resource_path("checklists").glob("*.json"))]
