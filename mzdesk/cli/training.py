"""``mzdesk training``: training sessions and the training matrix, as text or JSON."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import click

from mzdesk.cli.common import db_option, fail, open_as_user
from mzdesk.cli.output import echo
from mzdesk.core.i18n import text
from mzdesk.core.permissions import Actor
from mzdesk.store.engine import Store


@click.group()
def training() -> None:
    """护理员培训：培训记录与培训要求矩阵。Care workers' training."""


def pick_institution(store: Store, actor: Actor, name: str | None) -> tuple[uuid.UUID, str]:
    """``--institution NAME``, else the user's own institution, else the only one."""
    from mzdesk.services.institutions import list_institutions

    institutions = list_institutions(store)
    if name:
        match = [i for i in institutions if i.name == name.strip()]
        if not match:
            fail(text("cli.stats.no_institution", name=name))
        return match[0].id, match[0].name
    own = [i for i in institutions if i.id == actor.institution_id]
    if own:
        return own[0].id, own[0].name
    if len(institutions) == 1:
        return institutions[0].id, institutions[0].name
    fail(text("cli.training.which_institution", names="、".join(i.name for i in institutions)))


institution_option = click.option(
    "--institution", default=None, help="机构名称（默认：登录用户的机构或唯一的机构）"
)
json_option = click.option("--json", "as_json", is_flag=True, help="输出 JSON。Print JSON.")


@training.command("sessions")
@db_option
@institution_option
@json_option
@click.pass_context
def training_sessions(
    ctx: click.Context, db: Path | None, institution: str | None, as_json: bool
) -> None:
    """培训记录：主题、类别、日期、学时、参训与合格人数。Training sessions."""
    from mzdesk.services.workers import list_trainings

    store, actor = open_as_user(ctx, db)
    institution_id, name = pick_institution(store, actor, institution)
    sessions = list_trainings(store, institution_id)
    if as_json:
        rows = [
            {
                "id": str(s.id),
                "topic": s.topic,
                "category": s.category.zh,
                "start_date": s.start_date.isoformat(),
                "end_date": s.end_date.isoformat(),
                "hours": float(s.hours),
                "attended": s.attendees,
                "passed": s.passed,
            }
            for s in sessions
        ]
        echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    echo(f"培训记录（{name}，共 {len(sessions)} 次）")
    for s in sessions:
        dates = s.start_date.isoformat()
        if s.end_date != s.start_date:
            dates += f"至{s.end_date.isoformat()}"
        echo(
            f"  {dates}  {s.category.zh}  {s.topic}  {s.hours}学时  "
            f"参训{s.attendees}人，合格{s.passed}人  {s.id}"
        )


@training.command("matrix")
@db_option
@institution_option
@click.option("--as-of", "as_of", default=None, help="日期 yyyy-MM-dd（默认今天）")
@json_option
@click.pass_context
def training_matrix_command(
    ctx: click.Context, db: Path | None, institution: str | None, as_of: str | None, as_json: bool
) -> None:
    """培训要求矩阵：每人每项培训的状态，以及谁接下来需要什么培训。Training matrix."""
    from mzdesk.core.dates import parse_date
    from mzdesk.stats.training import needs_next, training_matrix

    store, actor = open_as_user(ctx, db)
    institution_id, name = pick_institution(store, actor, institution)
    day = parse_date(as_of, field="--as-of") if as_of else None
    matrix = training_matrix(store, institution_id, day)
    if as_json:
        echo(json.dumps(matrix.as_json(), ensure_ascii=False, indent=2))
        return
    source = "默认要求" if matrix.using_defaults else "本机构要求"
    lines = [f"培训要求矩阵（{name}，{source}，截至 {matrix.as_of.isoformat()}）"]
    lines.append("  " + "\t".join(["姓名", "岗位", *matrix.columns]))
    for row in matrix.rows:
        shown = []
        for column in matrix.columns:
            cell = row.cells[column]
            if cell is None:
                shown.append("—")
            else:
                due = f" {cell.due.isoformat()}" if cell.due else ""
                shown.append(f"{cell.status.zh}{due}")
        lines.append("  " + "\t".join([row.name, row.occupation.zh, *shown]))
    needs = needs_next(matrix)
    lines.append("")
    lines.append(f"接下来需要的培训（{len(needs)} 项，按到期日）：")
    for need in needs:
        due = need.due.isoformat() if need.due else ""
        short = f"，还差{need.hours_short}学时" if need.hours_short is not None else ""
        lines.append(f"  {due}  {need.name}  {need.requirement}（{need.status.zh}{short}）")
    echo("\n".join(lines))


COMMANDS: tuple[click.Command, ...] = (training,)
