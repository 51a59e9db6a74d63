"""A draft saved as it goes, finished and signed, then locked."""

from __future__ import annotations

import dataclasses
import uuid

import pytest
from sqlalchemy import select

from mzdesk.core.checklists import shipped_templates
from mzdesk.core.errors import NotFoundError, StateError, ValidationError
from mzdesk.core.permissions import READ_ONLY, Actor, PermissionDenied
from mzdesk.core.vocab import HazardLevel, InspectionState, InspectionType, ItemResult, SignerRole
from mzdesk.services.attachments import attachments_of, read_file
from mzdesk.services.checklist_editing import (
    DraftItem,
    copy_template,
    draft_of,
    publish,
    save_draft,
)
from mzdesk.services.checklists import load_version
from mzdesk.services.inspecting.detail import inspection_detail
from mzdesk.services.inspecting.finish import Signature, finish_inspection
from mzdesk.services.inspecting.flow import (
    NewInspection,
    add_item_photo,
    answer_item,
    discard_draft,
    remove_item_photo,
    set_item_note,
    split_names,
    start_draft,
)
from mzdesk.services.inspecting.listing import inspection_rows
from mzdesk.services.institutions import InstitutionView
from mzdesk.store.engine import Store
from mzdesk.store.models import Hazard, InspectionResult, InspectionSignature
from tests.helpers.actors import SETUP
from tests.services.inspecting.conftest import (
    DAY,
    answer_all,
    png,
    signatures,
    start,
    template_for,
)


def test_names_typed_with_any_separator():
    assert split_names("刘志强、王建国, 李四，\n") == ("刘志强", "王建国", "李四")


def test_a_draft_needs_inspectors_named_once(store: Store, home: InstitutionView):
    with pytest.raises(ValidationError) as no_one:
        start(store, home, inspectors=())
    assert "至少填写一名检查人员" in str(no_one.value)
    with pytest.raises(ValidationError) as twice:
        start(store, home, inspectors=("刘志强", "刘志强"))
    assert "检查人员「刘志强」重复" in str(twice.value)


def test_a_childrens_checklist_is_refused_for_a_nursing_home(
    store: Store, home: InstitutionView, children_home: InstitutionView
):
    children = next(t for t in shipped_templates() if t.applies_to == (children_home.kind,))
    with pytest.raises(ValidationError) as refused:
        start_draft(
            store,
            SETUP,
            NewInspection(home.id, children.id, DAY, InspectionType.SPECIAL, ("刘志强",)),
        )
    assert "不适用于本机构" in str(refused.value)


def test_answers_notes_and_photos_are_saved_as_they_go(
    store: Store, home: InstitutionView, draft: uuid.UUID
):
    items = template_for(home).items
    first, second = items[0], items[1]
    with pytest.raises(ValidationError) as no_result:
        set_item_note(store, SETUP, draft, first.id, "三楼西侧")
    assert "请先选择结果" in str(no_result.value)
    answer_item(store, SETUP, draft, first.id, ItemResult.FAIL)
    set_item_note(store, SETUP, draft, first.id, "  三楼西侧灭火器过期 ")
    photo = add_item_photo(store, SETUP, draft, first.id, png("red"), "image/png")
    answer_item(store, SETUP, draft, second.id, ItemResult.NOT_APPLICABLE)
    # changing the result keeps the note and the photo
    answer_item(store, SETUP, draft, first.id, ItemResult.PASS)
    answer_item(store, SETUP, draft, first.id, ItemResult.FAIL)
    detail = inspection_detail(store, draft)  # as a resumed draft reads it
    answer = detail.answers[first.id]
    assert (answer.result, answer.note) == (ItemResult.FAIL, "三楼西侧灭火器过期")
    assert [p.id for p in answer.photos] == [photo]
    assert read_file(store, answer.photos[0].sha256) == png("red")
    assert detail.answers[second.id].result is ItemResult.NOT_APPLICABLE
    assert len(detail.unanswered()) == len(items) - 2
    assert detail.inspectors == ("刘志强", "王建国")


def test_a_photo_that_is_no_image_is_refused(store: Store, home: InstitutionView, draft):
    item = template_for(home).items[0]
    answer_item(store, SETUP, draft, item.id, ItemResult.FAIL)
    with pytest.raises(ValidationError):
        add_item_photo(store, SETUP, draft, item.id, b"not an image at all")
    assert attachments_of(store, "inspection_results", []) == {}


def test_finishing_refuses_unanswered_items_naming_the_first(
    store: Store, home: InstitutionView, draft: uuid.UUID
):
    items = template_for(home).items
    answer_item(store, SETUP, draft, items[0].id, ItemResult.PASS)
    with pytest.raises(ValidationError) as refused:
        finish_inspection(store, SETUP, draft, signatures("刘志强", "王建国"))
    assert f"还有{len(items) - 1}项未填写结果" in str(refused.value)
    assert items[1].code in str(refused.value)


def test_every_inspector_and_the_unit_head_must_sign(store: Store, home, draft):
    answer_all(store, home, draft)
    with pytest.raises(ValidationError) as one_missing:
        finish_inspection(store, SETUP, draft, signatures("刘志强"))
    assert "「王建国」（检查人）还没有签名" in str(one_missing.value)
    no_head = [Signature(SignerRole.INSPECTOR, n, png()) for n in ("刘志强", "王建国")]
    with pytest.raises(ValidationError) as head:
        finish_inspection(store, SETUP, draft, no_head)
    assert "被检查单位负责人" in str(head.value)
    with pytest.raises(ValidationError) as stranger:
        finish_inspection(store, SETUP, draft, signatures("刘志强", "王建国", "赵六"))
    assert "「赵六」不是本次检查的检查人员" in str(stranger.value)
    assert inspection_detail(store, draft).locked is False


def test_finishing_signs_locks_and_opens_hazards(store: Store, home: InstitutionView, draft):
    answer_all(store, home, draft, fail=2)
    hazards = finish_inspection(store, SETUP, draft, signatures("刘志强", "王建国"))
    assert len(hazards) == 2
    detail = inspection_detail(store, draft)
    assert detail.locked and detail.completed_at is not None
    signed = [(s.role, s.name) for s in detail.signatures]
    assert sorted(signed) == sorted(
        [
            (SignerRole.INSPECTOR, "刘志强"),
            (SignerRole.INSPECTOR, "王建国"),
            (SignerRole.INSPECTED_HEAD, "张院长"),
        ]
    )
    heads = [s for s in detail.signatures if s.role is SignerRole.INSPECTED_HEAD]
    assert heads[0].image is not None and read_file(store, heads[0].image.sha256) == png("blue")
    with store.read() as session:
        rows = session.scalars(select(Hazard).where(Hazard.id.in_(hazards))).all()
        assert {h.level for h in rows} <= {HazardLevel.ORDINARY, HazardLevel.MAJOR}
        assert all(h.found_on == DAY and h.inspection_id == draft for h in rows)
        assert len(session.scalars(select(InspectionSignature)).all()) == 3
    first = template_for(home).items[0]
    with pytest.raises(StateError) as locked:
        answer_item(store, SETUP, draft, first.id, ItemResult.PASS)
    assert "已锁定" in str(locked.value) and "更正" in str(locked.value)
    for change in (
        lambda: set_item_note(store, SETUP, draft, first.id, "改"),
        lambda: add_item_photo(store, SETUP, draft, first.id, png()),
        lambda: finish_inspection(store, SETUP, draft, signatures("刘志强", "王建国")),
    ):
        with pytest.raises(StateError):
            change()
    assert inspection_detail(store, draft).answers[first.id].result is ItemResult.FAIL


def test_a_read_only_user_can_do_none_of_it(store: Store, home: InstitutionView, draft):
    reader = Actor(uuid.uuid4(), home.id, READ_ONLY, "只读")
    item = template_for(home).items[0]
    for call in (
        lambda: answer_item(store, reader, draft, item.id, ItemResult.PASS),
        lambda: start_draft(
            store,
            reader,
            NewInspection(home.id, template_for(home).id, DAY, InspectionType.SPECIAL, ("甲",)),
        ),
        lambda: finish_inspection(store, reader, draft, []),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert inspection_detail(store, draft).answers == {}


def test_a_photo_taken_by_mistake_comes_off_a_draft(store: Store, home, draft):
    item = template_for(home).items[0]
    answer_item(store, SETUP, draft, item.id, ItemResult.FAIL)
    kept = add_item_photo(store, SETUP, draft, item.id, png("red"))
    wrong = add_item_photo(store, SETUP, draft, item.id, png("green"))
    other = start(store, home)
    with pytest.raises(ValidationError) as elsewhere:
        remove_item_photo(store, SETUP, other, wrong)
    assert "不属于本次检查" in str(elsewhere.value)
    remove_item_photo(store, SETUP, draft, wrong)
    photos = inspection_detail(store, draft).answers[item.id].photos
    assert [p.id for p in photos] == [kept]


def test_a_draft_can_be_discarded_a_finished_inspection_cannot(store: Store, home, draft):
    answer_all(store, home, draft)
    discard_draft(store, SETUP, draft)
    with pytest.raises(NotFoundError):
        inspection_detail(store, draft)
    with store.read() as session:
        assert all(
            r.deleted_at is not None
            for r in session.scalars(
                select(InspectionResult).where(InspectionResult.inspection_id == draft)
            )
        )
    finished = start(store, home)
    answer_all(store, home, finished)
    finish_inspection(store, SETUP, finished, signatures("刘志强", "王建国"))
    with pytest.raises(StateError):
        discard_draft(store, SETUP, finished)


def test_a_homes_own_version_is_inspected_and_a_draft_version_is_not(
    store: Store, home: InstitutionView
):
    shipped = template_for(home)
    version = copy_template(store, SETUP, shipped.id, home.id)
    editing = draft_of(load_version(store, version))
    extra = DraftItem("99", editing.items[0].section, "楼顶水箱盖板完好", look_at="水箱盖板")
    save_draft(store, SETUP, version, dataclasses.replace(editing, items=(*editing.items, extra)))
    with pytest.raises(ValidationError) as not_yet:
        start_draft(
            store,
            SETUP,
            NewInspection(home.id, version, DAY, InspectionType.SELF_DAILY, ("刘志强",)),
        )
    assert "不适用于本机构" in str(not_yet.value)  # a draft version is not offered
    publish(store, SETUP, version)
    inspection = start_draft(
        store, SETUP, NewInspection(home.id, version, DAY, InspectionType.SELF_DAILY, ("刘志强",))
    )
    detail = inspection_detail(store, inspection)
    assert len(detail.items) == len(shipped.items) + 1
    added = next(i for i in detail.items if i.code == "99")
    assert (added.text, added.look_at) == ("楼顶水箱盖板完好", "水箱盖板")
    for item in detail.items:
        answer_item(
            store, SETUP, inspection, item.id, ItemResult.FAIL if item is added else ItemResult.PASS
        )
    (hazard,) = finish_inspection(store, SETUP, inspection, signatures("刘志强"))
    with store.read() as session:
        assert "楼顶水箱盖板完好" in session.get_one(Hazard, hazard).description
    (row,) = inspection_rows(store, home.id)
    assert (row.title, row.state) == (shipped.title, InspectionState.COMPLETED)
    assert row.version == detail.version != shipped.version
