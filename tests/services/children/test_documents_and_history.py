"""Opening an intake document (only for children.private, each opening audited, the bytes
as they were kept), the 养育 history with who recorded each arrangement, and a notice that can
still be closed after the child left (issue 16)."""

from __future__ import annotations

import datetime as dt
import io
import uuid

import pytest
from PIL import Image
from sqlalchemy import select

from mzdesk.core.children import CareArrangement, IntakeWay, NoticeStatus, SchoolStage
from mzdesk.core.errors import MzdeskError
from mzdesk.core.permissions import Actor, PermissionDenied
from mzdesk.core.vocab import ChildCategory, DischargeReason, ResidentStatus
from mzdesk.services.attachments import MissingFile
from mzdesk.services.children import (
    Arrangement,
    Intake,
    IntakeDocument,
    child_leaves,
    close_notice,
    open_intake_document,
    publish_notice,
    receive_child,
    reveal_child_path,
    set_upbringing,
    upbringing_history,
)
from mzdesk.services.residents import ResidentData, get_resident
from mzdesk.store.models import Attachment, AuditEntry, FamilyNotice
from tests.helpers.actors import SETUP

DAY = dt.date(2026, 3, 2)
TODAY = dt.date(2026, 11, 30)


def _png(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (30, 20), colour).save(out, format="PNG")
    return out.getvalue()


def _received(store, home, documents=()):
    return receive_child(
        store,
        SETUP,
        home.id,
        ResidentData(
            name="党小春", birth_date=dt.date(2026, 2, 20), child_category=ChildCategory.ORPHAN
        ),
        Intake(IntakeWay.POLICE, DAY, found_on=dt.date(2026, 3, 1), brought_by="城关派出所"),
        documents=documents,
        today=TODAY,
    )


def test_an_intake_document_opens_for_children_private_and_each_opening_is_audited(
    store, children_home
):
    scan = _png("white")
    child = _received(store, children_home, [IntakeDocument(scan, "捡拾报案证明")])
    staff = Actor(uuid.uuid4(), children_home.id, "staff", "社工李")
    path = reveal_child_path(store, staff, child.id)
    [intake] = [s for s in path.steps if s.table == "child_intakes"]
    [(document_id, caption)] = intake.document_files
    assert caption == "捡拾报案证明"

    for who in ("readonly", "inspector", "bureau"):
        with pytest.raises(PermissionDenied):
            open_intake_document(
                store, Actor(uuid.uuid4(), children_home.id, who, who), document_id
            )
    opened = open_intake_document(store, staff, document_id)
    assert (opened.caption, opened.media_type, opened.data) == ("捡拾报案证明", "image/png", scan)
    open_intake_document(store, staff, document_id)
    with store.read() as session:
        looks = session.scalars(
            select(AuditEntry).where(
                AuditEntry.action == "reveal", AuditEntry.table_name == "attachments"
            )
        ).all()
    assert [(e.row_id, e.user_name) for e in looks] == [(document_id, "社工李")] * 2


def test_a_document_not_synced_here_yet_says_so_and_no_opening_is_recorded(store, children_home):
    scan = _png("black")
    _received(store, children_home, [IntakeDocument(scan, "DNA比对结果")])
    with store.read() as session:
        document = session.scalars(select(Attachment)).one()
    store.files.path(document.sha256).unlink()  # the row came by sync, its file not yet
    with pytest.raises(MissingFile):
        open_intake_document(store, SETUP, document.id)
    with store.read() as session:
        assert session.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).all() == []


def test_only_an_intake_document_opens_this_way(store, children_home):
    child = _received(store, children_home, [IntakeDocument(_png("white"), "裁定书")])
    with store.write(SETUP) as session:
        other = session.scalars(select(Attachment)).one()
        other.owner_table = "hazards"  # a hazard's photo is no child's document
        other_id = other.id
    with pytest.raises(MzdeskError):
        open_intake_document(store, SETUP, other_id)
    with pytest.raises(MzdeskError):
        open_intake_document(store, SETUP, child.id)  # not an attachment at all


def test_the_upbringing_history_keeps_every_arrangement_with_who_recorded_it(store, children_home):
    child = _received(store, children_home)
    first = Actor(uuid.uuid4(), children_home.id, "staff", "保育员王")
    second = Actor(uuid.uuid4(), children_home.id, "admin", "院长赵")
    set_upbringing(
        store,
        first,
        child.id,
        Arrangement(
            dt.date(2026, 3, 15),
            CareArrangement.UNIT,
            SchoolStage.NOT_YET,
            group_name="向日葵组",
            medical="每月体检",
        ),
        today=TODAY,
    )
    set_upbringing(
        store,
        second,
        child.id,
        Arrangement(
            dt.date(2026, 9, 1),
            CareArrangement.FAMILY_GROUP,
            SchoolStage.PRESCHOOL,
            school_name="城关幼儿园",
            rehabilitation="言语训练每周两次",
        ),
        today=TODAY,
    )
    history = upbringing_history(store, child.id)
    assert [(h.effective_on, h.arrangement, h.recorded_by) for h in history] == [
        (dt.date(2026, 9, 1), CareArrangement.FAMILY_GROUP, "院长赵"),
        (dt.date(2026, 3, 15), CareArrangement.UNIT, "保育员王"),
    ]
    assert history[0].school_name == "城关幼儿园" and history[1].group_name == "向日葵组"
    assert history[0].rehabilitation == "言语训练每周两次" and history[1].medical == "每月体检"
    assert all(h.recorded_at is not None for h in history)


def test_a_notice_can_be_closed_after_the_child_left(store, children_home):
    child = _received(store, children_home)
    notice = publish_notice(store, SETUP, child.id, dt.date(2026, 3, 5), today=TODAY)
    child_leaves(store, SETUP, child.id, dt.date(2026, 4, 1), DischargeReason.TRANSFER, today=TODAY)
    assert get_resident(store, child.id).status is ResidentStatus.DISCHARGED
    close_notice(
        store,
        SETUP,
        notice,
        NoticeStatus.CLAIMED,
        dt.date(2026, 6, 1),  # the family was found after the transfer
        claimed_by="生母",
        today=TODAY,
    )
    with store.read() as session:
        closed = session.get(FamilyNotice, notice)
        assert (closed.status, closed.claimed_by) == (NoticeStatus.CLAIMED, "生母")
