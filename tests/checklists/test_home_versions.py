"""A home's own versions: copy, edit a draft, publish (then immutable), revise, import and
export; the resolver serves shipped and home versions alike."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest
from sqlalchemy import select

from mzdesk.core.checklists import ChecklistFileError, TemplateStatus, shipped_templates
from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.ids import stable_id
from mzdesk.core.permissions import READ_ONLY, Actor, PermissionDenied
from mzdesk.core.vocab import InspectionType, InstitutionKind, ItemResult
from mzdesk.services.checklist_editing import (
    DraftItem,
    copy_template,
    discard_draft,
    draft_of,
    export_template,
    import_template,
    next_item_code,
    publish,
    save_draft,
)
from mzdesk.services.checklists import (
    available_templates,
    install_shipped,
    list_templates,
    load_version,
)
from mzdesk.store.engine import open_store
from mzdesk.store.models import ChecklistItem, InspectionResult, Institution
from tests.helpers.actors import SETUP
from tests.helpers.inspecting import begin

NH = InstitutionKind.NURSING_HOME


def _gb():
    return next(t for t in shipped_templates() if t.code == "GB38600")


def test_copy_edit_publish_and_a_published_version_never_changes(store, home):
    gb = _gb()
    draft_id = copy_template(store, SETUP, gb.id, home.id)
    draft = load_version(store, draft_id)
    assert (draft.code, draft.version, draft.status) == ("GB38600", "2019.1", TemplateStatus.DRAFT)
    assert draft.source_id == gb.id and [i.text for i in draft.items] == [i.text for i in gb.items]
    # edit: change one, remove one, add one, move the last to the top
    editing = draft_of(draft)
    items = list(editing.items)
    items[0] = dataclasses.replace(items[0], text="消防、食品等符合规定（本院细化）")
    del items[5]
    items.append(
        DraftItem(next_item_code([i.code for i in items]), "本院补充", "电动车充电棚有人巡查")
    )
    items.insert(0, items.pop())
    save_draft(store, SETUP, draft_id, dataclasses.replace(editing, items=tuple(items)))
    saved = load_version(store, draft_id)
    assert saved.items[0].text == "电动车充电棚有人巡查" and saved.items[0].code == "31"
    assert saved.items[0].clause_unverified  # no clause given: said to be unverified
    assert saved.items[1].text == "消防、食品等符合规定（本院细化）"
    assert "06" not in [i.code for i in saved.items] and len(saved.items) == len(gb.items)
    # drafts are never offered to a new inspection
    assert draft_id not in [t.id for t in available_templates(store, home.id, NH)]
    publish(store, SETUP, draft_id)
    offered = available_templates(store, home.id, NH)
    assert offered[0].id == draft_id and offered[0].status is TemplateStatus.PUBLISHED
    with pytest.raises(StateError, match="已发布，不能修改"):
        save_draft(store, SETUP, draft_id, draft_of(saved))
    with pytest.raises(StateError):
        publish(store, SETUP, draft_id)
    assert load_version(store, draft_id) == dataclasses.replace(
        saved, status=TemplateStatus.PUBLISHED
    )
    # revising makes a new version; the published one stays as it was
    second = copy_template(store, SETUP, draft_id, home.id)
    assert load_version(store, second).version == "2019.2"
    with pytest.raises(StateError, match="已有草稿"):
        copy_template(store, SETUP, gb.id, home.id)
    discard_draft(store, SETUP, second)
    assert second not in [t.id for t in list_templates(store, home.id, NH)]


def test_a_shipped_template_cannot_be_edited_and_a_bad_draft_is_refused(store, home):
    gb = _gb()
    with pytest.raises(StateError, match="标准检查表"):
        save_draft(store, SETUP, gb.id, draft_of(gb))
    draft_id = copy_template(store, SETUP, gb.id, home.id)
    editing = draft_of(load_version(store, draft_id))
    blank = dataclasses.replace(editing.items[2], text=" ")
    with pytest.raises(
        ChecklistFileError,
        match=re.escape(
            "检查表「养老机构服务安全基本规范 自查表 2019.1」：第3项（编号 03）的「检查内容」不能为空"
        ),
    ):
        save_draft(
            store, SETUP, draft_id, dataclasses.replace(editing, items=(*editing.items[:2], blank))
        )
    assert len(load_version(store, draft_id).items) == len(gb.items)  # nothing half-written


def test_editing_needs_the_permission_and_the_right_kind(store, home, children_home):
    viewer = Actor(None, home.id, READ_ONLY, "访客")
    with pytest.raises(PermissionDenied):
        copy_template(store, viewer, _gb().id, home.id)
    with pytest.raises(ValidationError, match="不适用于儿童福利机构"):
        copy_template(store, SETUP, _gb().id, children_home.id)
    other = copy_template(store, SETUP, _gb().id, home.id)
    with pytest.raises(StateError, match="其他机构"):
        copy_template(store, SETUP, other, children_home.id)


def test_import_export_round_trip_and_a_broken_file_keeps_nothing(store, home):
    gb = _gb()
    draft_id = copy_template(store, SETUP, gb.id, home.id)
    publish(store, SETUP, draft_id)
    data = export_template(store, draft_id)
    raw = json.loads(data)
    assert raw["version"] == "2019.1" and raw["items"][0]["clause"] == "4.1"
    # the same version cannot come back; as a new version it can
    with pytest.raises(ValidationError, match=re.escape("已有「GB38600」2019.1")):
        import_template(store, SETUP, home.id, data, "gb.json")
    shipped = json.loads(export_template(store, gb.id))
    with pytest.raises(ValidationError, match=re.escape("标准检查表已有「GB38600」")):
        import_template(store, SETUP, home.id, json.dumps(shipped).encode(), "gb.json")
    raw["version"] = "2026"
    new = import_template(store, SETUP, home.id, json.dumps(raw).encode(), "gb.json")
    imported = load_version(store, new)
    assert imported.status is TemplateStatus.DRAFT and imported.version == "2026"
    assert [dataclasses.replace(i, id=None) for i in imported.items] == [
        dataclasses.replace(i, id=None) for i in load_version(store, draft_id).items
    ]
    before = list_templates(store, home.id)
    raw["version"], raw["items"][4]["severity"] = "2027", "很严重"
    with pytest.raises(
        ChecklistFileError, match=re.escape("gb.json：第5项（编号 05）的「严重程度」")
    ):
        import_template(store, SETUP, home.id, json.dumps(raw).encode(), "gb.json")
    assert list_templates(store, home.id) == before


def test_install_keeps_items_that_left_their_file_as_retired_only_where_used(store, home):
    zd = next(t for t in shipped_templates() if t.code == "YLJG-ZDYH")
    inspection = begin(store, home.id, zd.id, dt.date(2026, 1, 5), InspectionType.SPECIAL, "甲")
    # two items the old file had (12 and 13 moved to the fire-rules template)
    old_12, old_13 = (stable_id("checklist", "YLJG-ZDYH", "2023", c) for c in ("12", "13"))
    with store.write(SETUP) as session:
        for item_id in (old_12, old_13):
            session.add(
                ChecklistItem(
                    id=item_id, template_id=zd.id, code="x", section="s", text="t", sort_order=99
                )
            )
        session.add(
            InspectionResult(
                institution_id=home.id,
                inspection_id=inspection,
                item_id=old_12,
                result=ItemResult.PASS,
            )
        )
    with store.write(SETUP) as session:
        assert install_shipped(session) >= 2
        rows = {r.id: r for r in session.scalars(select(ChecklistItem))}
        assert rows[old_12].retired and old_13 not in rows
        assert not rows[zd.items[0].id].retired
        assert install_shipped(session) == 0  # idempotent


def test_find_items_serves_retired_and_home_items(store, home):
    from mzdesk.services.checklists import find_items

    old_12 = stable_id("checklist", "YLJG-ZDYH", "2023", "12")
    zd = next(t for t in shipped_templates() if t.code == "YLJG-ZDYH")
    version = copy_template(store, SETUP, _gb().id, home.id)
    mine = load_version(store, version).items[0]
    with store.write(SETUP) as session:
        install_shipped(session)
        session.add(
            ChecklistItem(
                id=old_12,
                template_id=zd.id,
                code="12",
                section="消防安全管理",
                text="明确消防安全责任人和管理人",
                sort_order=99,
                retired=True,
            )
        )
    with store.read() as session:
        found = find_items(session, [old_12, mine.id, zd.items[0].id])
    assert found[old_12].text == "明确消防安全责任人和管理人"
    assert found[mine.id] == mine and found[zd.items[0].id] == zd.items[0]
    assert old_12 not in {i.id for i in load_version(store, zd.id).items}


def test_a_shipped_template_whose_file_is_gone_still_loads_from_the_store(store, home):
    from mzdesk.store.models import ChecklistTemplate

    gone = stable_id("checklist", "OLD", "2020")
    with store.write(SETUP) as session:
        session.add(
            ChecklistTemplate(id=gone, code="OLD", version="2020", title="旧表", basis="旧标准")
        )
        session.flush()
        session.add(
            ChecklistItem(
                id=stable_id("checklist", "OLD", "2020", "01"),
                template_id=gone,
                code="01",
                section="甲",
                text="旧的一项",
                sort_order=0,
                retired=True,
            )
        )
    old = load_version(store, gone)
    assert (old.title, [i.text for i in old.items]) == ("旧表", ["旧的一项"])


def test_two_pcs_copying_offline_make_the_same_rows_and_a_discarded_draft_comes_back(
    store, home, tmp_path
):
    other = open_store(tmp_path / "other.db")  # the home's second PC, offline
    try:
        with store.read() as session:
            row = session.get(Institution, home.id)
            values = {c.key: getattr(row, c.key) for c in Institution.__table__.columns}
        with other.write(SETUP) as session:
            session.add(Institution(**values))
        first = copy_template(store, SETUP, _gb().id, home.id)
        second = copy_template(other, SETUP, _gb().id, home.id)
        assert first == second
        assert [i.id for i in load_version(store, first).items] == [
            i.id for i in load_version(other, second).items
        ]
    finally:
        other.close()
    discard_draft(store, SETUP, first)
    again = copy_template(store, SETUP, _gb().id, home.id)
    assert again == first and load_version(store, again).status is TemplateStatus.DRAFT
    assert len(load_version(store, again).items) == len(_gb().items)


def test_deeply_nested_json_is_refused_as_a_bad_file():
    from mzdesk.core.checklists import parse_template

    with pytest.raises(ChecklistFileError, match="不是有效的 JSON"):
        parse_template(b"[" * 200_000, "deep.json")


def test_version_labels_name_shipped_and_home_versions_alike(store, home):
    from mzdesk.services.checklists import version_labels

    gb = _gb()
    mine = copy_template(store, SETUP, gb.id, home.id)
    with store.read() as session:
        labels = version_labels(session, [gb.id, mine])
    assert (labels[gb.id].title, labels[gb.id].version) == (gb.title, "2019")
    assert (labels[mine].version, labels[mine].status) == ("2019.1", TemplateStatus.DRAFT)
