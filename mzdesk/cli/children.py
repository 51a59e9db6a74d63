"""``mzdesk children``: a child's path in a children's welfare home, step by step — 接收,
寻亲公告, 入院评估, 养育, 安置 and 回访, 离院 — and the child's record (private details only with
``--reveal``, which is audited). The same services the app uses; a child, a notice or a
placement is named by its id or a unique beginning of it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mzdesk.cli import children_care
from mzdesk.cli.children_common import date_of, day_of, find_record, vocab_of
from mzdesk.cli.common import db_option, fail, open_as_user
from mzdesk.cli.output import echo
from mzdesk.cli.training import institution_option, json_option, pick_institution
from mzdesk.core.i18n import text

if TYPE_CHECKING:
    pass


@click.group()
def children() -> None:
    """儿童：接收、寻亲公告、入院评估、养育、安置与回访、离院。A child's path."""


@children.command("receive")
@db_option
@institution_option
@click.option("--name", required=True, help="姓名")
@click.option("--birth", required=True, help="出生日期（可估计）yyyy-MM-dd")
@click.option(
    "--category",
    required=True,
    help="儿童类别：孤儿、事实无人抚养儿童、弃婴、残疾儿童、特困未成年人",
)
@click.option("--gender", default=None, help="性别：男/女")
@click.option("--id-number", default=None, help="身份证号（有则填）")
@click.option(
    "--way", required=True, help="接收方式：公安机关送交、转入、法院指定监护、民政部门监护、其他"
)
@click.option("--date", "on", default=None, help="接收日期（默认今天）")
@click.option("--found-on", default=None, help="捡拾日期")
@click.option("--found-place", default=None, help="捡拾地点")
@click.option("--brought-by", default=None, help="送交单位")
@click.option("--report-number", default=None, help="捡拾报案证明编号")
@click.option("--transferred-from", default=None, help="转出机构")
@click.option("--court-ruling", default=None, help="判决书或决定书文号")
@click.option("--birth-family", default=None, help="亲生家庭情况")
@click.option(
    "--document",
    "documents",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="入院材料的扫描件或照片（PNG/JPEG，可多次；文件名作说明）",
)
@click.pass_context
def children_receive(
    ctx: click.Context,
    db: Path | None,
    institution: str | None,
    name: str,
    birth: str,
    category: str,
    gender: str | None,
    id_number: str | None,
    way: str,
    on: str | None,
    found_on: str | None,
    found_place: str | None,
    brought_by: str | None,
    report_number: str | None,
    transferred_from: str | None,
    court_ruling: str | None,
    birth_family: str | None,
    documents: tuple[Path, ...],
) -> None:
    """接收一名儿童：建档并登记接收方式与入院材料。Receive a child."""
    from mzdesk.core.children import IntakeWay
    from mzdesk.core.vocab import ChildCategory, Gender
    from mzdesk.services.children import Intake, IntakeDocument, receive_child
    from mzdesk.services.residents import ResidentData

    store, actor = open_as_user(ctx, db)
    home, _ = pick_institution(store, actor, institution)
    child = receive_child(
        store,
        actor,
        home,
        ResidentData(
            name=name,
            id_number=id_number,
            gender=vocab_of(Gender, gender, "--gender") if gender else None,
            birth_date=date_of(birth, "--birth"),
            child_category=vocab_of(ChildCategory, category, "--category"),
        ),
        Intake(
            vocab_of(IntakeWay, way, "--way"),
            day_of(on, "--date"),
            found_on=date_of(found_on, "--found-on"),
            found_place=found_place,
            brought_by=brought_by,
            police_report_number=report_number,
            transferred_from=transferred_from,
            court_ruling=court_ruling,
            birth_family=birth_family,
        ),
        documents=[IntakeDocument(p.read_bytes(), p.stem) for p in documents],
    )
    echo(text("cli.children.received", name=child.name, id=child.id))


@children.command("notice")
@click.argument("child_key", metavar="CHILD_ID")
@db_option
@click.option("--on", default=None, help="公告日期（默认今天）")
@click.option("--publication", default=None, help="刊登媒体")
@click.option("--days", type=int, default=None, help="公告期天数（默认60）")
@click.pass_context
def children_notice(
    ctx: click.Context,
    child_key: str,
    db: Path | None,
    on: str | None,
    publication: str | None,
    days: int | None,
) -> None:
    """发布寻亲公告。Publish a family-search notice."""
    from mzdesk.core.children import NOTICE_DAYS_DEFAULT, notice_period_end
    from mzdesk.services.children import publish_notice

    store, actor = open_as_user(ctx, db)
    day = day_of(on, "--on")
    period = days or NOTICE_DAYS_DEFAULT
    notice = publish_notice(
        store,
        actor,
        find_record(store, "child", child_key),
        day,
        publication=publication,
        period_days=period,
    )
    end = notice_period_end(day, period)
    echo(text("cli.children.notice", end=end.isoformat(), id=notice))


@children.command("notice-close")
@click.argument("notice_key", metavar="NOTICE_ID")
@db_option
@click.option("--on", default=None, help="日期（默认今天）")
@click.option("--claimed-by", default=None, help="认领人（家人认领时）")
@click.option("--withdrawn", "withdrawn", default=None, help="撤回的原因")
@click.option("--lapsed", is_flag=True, help="公告期满无人认领（期满之后）")
@click.pass_context
def children_notice_close(
    ctx: click.Context,
    notice_key: str,
    db: Path | None,
    on: str | None,
    claimed_by: str | None,
    withdrawn: str | None,
    lapsed: bool,
) -> None:
    """结束寻亲公告。End a family-search notice.

    家人认领用 --claimed-by 认领人；期满无人认领用 --lapsed（公告期届满之后）；
    撤回用 --withdrawn 原因。"""
    from mzdesk.core.children import NoticeStatus
    from mzdesk.services.children import close_notice

    if [claimed_by is not None, withdrawn is not None, lapsed].count(True) != 1:
        fail(text("cli.children.claimed_or_withdrawn"))
    store, actor = open_as_user(ctx, db)
    outcome = (
        NoticeStatus.CLAIMED
        if claimed_by is not None
        else NoticeStatus.LAPSED
        if lapsed
        else NoticeStatus.WITHDRAWN
    )
    close_notice(
        store,
        actor,
        find_record(store, "notice", notice_key),
        outcome,
        day_of(on, "--on"),
        claimed_by=claimed_by,
        note=withdrawn,
    )
    echo(text("cli.children.notice_closed", status=outcome.label))


@children.command("assess")
@click.argument("child_key", metavar="CHILD_ID")
@db_option
@click.option("--on", default=None, help="评估日期（默认今天）")
@click.option("--assessor", required=True, help="评估人")
@click.option(
    "--answer",
    "answers",
    multiple=True,
    help="条目=答案代码，每个条目一次，如 D1=hearing（条目与代码见 children items）",
)
@click.pass_context
def children_assess(
    ctx: click.Context,
    child_key: str,
    db: Path | None,
    on: str | None,
    assessor: str,
    answers: tuple[str, ...],
) -> None:
    """入院评估：健康、残疾类别与等级、发育、心理行为。Intake assessment."""
    from mzdesk.services.children import record_child_assessment

    given = dict(a.split("=", 1) for a in answers if "=" in a)
    if len(given) != len(answers):
        fail(text("cli.children.answer_form"))
    store, actor = open_as_user(ctx, db)
    findings = record_child_assessment(
        store, actor, find_record(store, "child", child_key), day_of(on, "--on"), assessor, given
    )
    echo(
        text(
            "cli.children.assessed",
            disability=findings.disability_type or text("cli.children.no_disability"),
            level=findings.disability_level or "",
        )
    )


@children.command("items")
def children_items() -> None:
    """入院评估的条目与答案代码。The assessment's items and answer codes."""
    from mzdesk.core.child_assessment import child_scheme

    for section in child_scheme().sections:
        echo(section.label)
        for item in section.items:
            codes = "  ".join(f"{o.code}={o.label}" for o in item.options)
            echo(f"  {item.id} {item.label}: {codes}")


@children.command("show")
@click.argument("child_key", metavar="CHILD_ID")
@db_option
@click.option("--reveal", is_flag=True, help="显示身世与家庭信息（需要权限，记入审计）")
@json_option
@click.pass_context
def children_show(
    ctx: click.Context, child_key: str, db: Path | None, reveal: bool, as_json: bool
) -> None:
    """儿童档案：接收、公告、评估、养育、安置与回访，按日期。A child's record."""
    from mzdesk.services.children import child_path, reveal_child_path

    store, actor = open_as_user(ctx, db)
    resident = find_record(store, "child", child_key)
    path = reveal_child_path(store, actor, resident) if reveal else child_path(store, resident)
    if as_json:
        steps = [
            {
                "step": s.table,
                "title": s.title,
                "on": s.on.isoformat(),
                "fields": {f.key: f.value for f in s.fields},
                "documents": list(s.documents),
            }
            for s in path.steps
        ]
        payload = {"child": path.child.name, "revealed": path.revealed, "steps": steps}
        echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    echo(f"{path.child.name}  {path.child.status.label}")
    for step in path.steps:
        echo(f"{step.on.isoformat()}  {step.title}")
        for f in step.fields:
            echo(f"    {f.label}：{f.value}")
        for caption in step.documents:
            echo(f"    {text('cli.children.document', caption=caption)}")


for _step in (
    children_care.children_upbringing,
    children_care.children_place,
    children_care.children_visit,
    children_care.children_end_foster,
    children_care.children_leave,
):
    children.add_command(_step)

COMMANDS: tuple[click.Command, ...] = (children,)
