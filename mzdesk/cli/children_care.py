"""``mzdesk children`` steps after intake: 养育, 安置 and 回访, the end of foster care, 离院."""

from __future__ import annotations

from pathlib import Path

import click

from mzdesk.cli.children_common import date_of, day_of, find_record, vocab_of
from mzdesk.cli.common import db_option, open_as_user
from mzdesk.cli.output import echo
from mzdesk.core.i18n import text


@click.command("upbringing")
@click.argument("child_key", metavar="CHILD_ID")
@db_option
@click.option("--from", "start", default=None, help="生效日期（默认今天）")
@click.option(
    "--arrangement", required=True, help="养育方式：类家庭养育、集中养育（单元）、医疗康复区、其他"
)
@click.option(
    "--school", required=True, help="就学阶段：未入学、学前教育、小学、初中、高中、中职、特殊教育…"
)
@click.option("--group", default=None, help="养育小组")
@click.option("--school-name", default=None, help="学校")
@click.option("--rehabilitation", default=None, help="康复")
@click.option("--medical", default=None, help="医疗")
@click.pass_context
def children_upbringing(
    ctx: click.Context,
    child_key: str,
    db: Path | None,
    start: str | None,
    arrangement: str,
    school: str,
    group: str | None,
    school_name: str | None,
    rehabilitation: str | None,
    medical: str | None,
) -> None:
    """养育安排（新的安排取代旧的，旧的保留）。Upbringing arrangement."""
    from mzdesk.core.children import CareArrangement, SchoolStage
    from mzdesk.services.children import Arrangement, set_upbringing

    store, actor = open_as_user(ctx, db)
    set_upbringing(
        store,
        actor,
        find_record(store, "child", child_key),
        Arrangement(
            day_of(start, "--from"),
            vocab_of(CareArrangement, arrangement, "--arrangement"),
            vocab_of(SchoolStage, school, "--school"),
            group_name=group,
            school_name=school_name,
            rehabilitation=rehabilitation,
            medical=medical,
        ),
    )
    echo(text("cli.children.saved"))


@click.command("place")
@click.argument("child_key", metavar="CHILD_ID")
@db_option
@click.option("--kind", required=True, help="安置方式：家庭寄养、收养、回归家庭、成年安置")
@click.option("--on", default=None, help="安置日期（默认今天）")
@click.option("--family", required=True, help="寄养家庭、收养人或家庭")
@click.option("--address", default=None, help="家庭住址（家庭寄养必填）")
@click.option("--phone", default=None, help="家庭电话")
@click.option("--family-id", default=None, help="家庭成员身份证号")
@click.option("--agreement", default=None, help="寄养协议或收养登记证号")
@click.option("--next-visit", default=None, help="下次回访日期")
@click.pass_context
def children_place(
    ctx: click.Context,
    child_key: str,
    db: Path | None,
    kind: str,
    on: str | None,
    family: str,
    address: str | None,
    phone: str | None,
    family_id: str | None,
    agreement: str | None,
    next_visit: str | None,
) -> None:
    """安置：家庭寄养（仍由本院监护），或收养、回归家庭、成年安置（同时离院）。"""
    from mzdesk.core.children import PlacementKind
    from mzdesk.services.children import Placement, place_child

    store, actor = open_as_user(ctx, db)
    placement = place_child(
        store,
        actor,
        find_record(store, "child", child_key),
        Placement(
            vocab_of(PlacementKind, kind, "--kind"),
            day_of(on, "--on"),
            family_name=family,
            family_id_number=family_id,
            family_address=address,
            family_phone=phone,
            agreement_number=agreement,
            next_visit_due=date_of(next_visit, "--next-visit"),
        ),
    )
    echo(text("cli.children.placed", id=placement))


@click.command("visit")
@click.argument("placement_key", metavar="PLACEMENT_ID")
@db_option
@click.option("--on", default=None, help="回访日期（默认今天）")
@click.option("--by", "visited_by", required=True, help="回访人")
@click.option("--findings", required=True, help="回访情况")
@click.option("--next-visit", default=None, help="下次回访日期")
@click.pass_context
def children_visit(
    ctx: click.Context,
    placement_key: str,
    db: Path | None,
    on: str | None,
    visited_by: str,
    findings: str,
    next_visit: str | None,
) -> None:
    """安置回访。A visit to a placement."""
    from mzdesk.services.children import record_visit

    store, actor = open_as_user(ctx, db)
    record_visit(
        store,
        actor,
        find_record(store, "placement", placement_key),
        day_of(on, "--on"),
        visited_by,
        findings,
        next_visit_due=date_of(next_visit, "--next-visit"),
    )
    echo(text("cli.children.saved"))


@click.command("end-foster")
@click.argument("child_key", metavar="CHILD_ID")
@db_option
@click.option("--on", default=None, help="结束日期（默认今天）")
@click.option("--reason", required=True, help="结束原因")
@click.pass_context
def children_end_foster(
    ctx: click.Context, child_key: str, db: Path | None, on: str | None, reason: str
) -> None:
    """结束家庭寄养，儿童回到院内。End foster care."""
    from mzdesk.services.children import end_foster_care

    store, actor = open_as_user(ctx, db)
    end_foster_care(
        store, actor, find_record(store, "child", child_key), day_of(on, "--on"), reason
    )
    echo(text("cli.children.saved"))


@click.command("leave")
@click.argument("child_key", metavar="CHILD_ID")
@db_option
@click.option("--on", default=None, help="离院日期（默认今天）")
@click.option("--reason", required=True, help="离院原因：转出、死亡、其他（收养等用 place）")
@click.option("--note", default=None, help="说明")
@click.pass_context
def children_leave(
    ctx: click.Context,
    child_key: str,
    db: Path | None,
    on: str | None,
    reason: str,
    note: str | None,
) -> None:
    """离院（档案保留）。A child leaves the home; the record is kept."""
    from mzdesk.core.vocab import DischargeReason
    from mzdesk.services.children import child_leaves

    store, actor = open_as_user(ctx, db)
    child_leaves(
        store,
        actor,
        find_record(store, "child", child_key),
        day_of(on, "--on"),
        vocab_of(DischargeReason, reason, "--reason"),
        note=note,
    )
    echo(text("cli.children.saved"))
