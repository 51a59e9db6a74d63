"""``mzdesk sample``: 双随机 — draw homes of a region and pair them with inspectors at random;
``mzdesk sample-results``: the results of a draw for publication (一公开)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import click

from mzdesk.cli.common import db_option, fail, open_as_user
from mzdesk.cli.output import echo
from mzdesk.core.i18n import text

json_option = click.option("--json", "as_json", is_flag=True, help="输出 JSON。Print JSON.")


def _xlsx(path: Path | None) -> None:
    if path is not None and path.suffix.lower() != ".xlsx":
        fail(text("table.unsupported_type", suffix=path.suffix or path.name))


@click.command("sample")
@db_option
@click.option("--region", required=True, help="行政区划代码（前缀），如 370212。Region code.")
@click.option("--institutions", "count", required=True, type=int, help="抽取机构数。How many.")
@click.option(
    "--inspector", "inspectors", multiple=True, required=True, help="检查人员姓名（可多次）。"
)
@click.option("--seed", default=None, help="随机种子（不给则随机生成并打印）。Seed.")
@click.option("--date", "when", default=None, type=click.DateTime(["%Y-%m-%d"]), help="抽取日期")
@click.option(
    "--out", default=None, type=click.Path(dir_okay=False, path_type=Path), help="导出 .xlsx"
)
@json_option
@click.pass_context
def sample(
    ctx: click.Context,
    db: Path | None,
    region: str,
    count: int,
    inspectors: tuple[str, ...],
    seed: str | None,
    when: object,
    out: Path | None,
    as_json: bool,
) -> None:
    """双随机抽取：从区域内机构中随机抽取 N 家并随机配对检查人员，记录随机种子以便复核。
    Draw N homes of a region at random and pair them with inspectors."""
    import datetime as dt

    from mzdesk.services.sampling import DrawRequest, make_draw
    from mzdesk.services.sampling_export import export_draw

    _xlsx(out)
    store, actor = open_as_user(ctx, db)
    day = when.date() if isinstance(when, dt.datetime) else None
    draw = make_draw(store, actor, DrawRequest(region, count, inspectors, seed, day))
    if out is not None:
        export_draw(store, draw.id, out)  # type: ignore[arg-type]
    if as_json:
        echo(json.dumps(draw.as_json(), ensure_ascii=False, indent=2))
        return
    echo(
        text(
            "sampling.drawn",
            region=draw.region_code,
            seed=draw.seed,
            homes=len(draw.candidates),
            count=len(draw.drawn),
        )
    )
    for n, home in enumerate(draw.drawn, 1):
        echo(
            text(
                "sampling.line",
                n=n,
                institution=home.institution,
                code=home.code,
                inspectors=text("list.separator").join(home.inspectors),
            )
        )
    echo(text("sampling.redo", region=draw.region_code, count=len(draw.drawn), seed=draw.seed))
    if out is not None:
        echo(text("sampling.written", path=out))


@click.command("sample-results")
@db_option
@click.option("--draw", "draw_id", default=None, help="抽取编号（默认：最近一次）。Draw id.")
@click.option(
    "--out", default=None, type=click.Path(dir_okay=False, path_type=Path), help="导出 .xlsx"
)
@json_option
@click.pass_context
def sample_results(
    ctx: click.Context, db: Path | None, draw_id: str | None, out: Path | None, as_json: bool
) -> None:
    """双随机抽查结果（一公开）：机构、检查日期、检查人员、不合格项、隐患及整改状态。
    The results of a random draw, for publication."""
    from mzdesk.services.sampling import list_draws
    from mzdesk.services.sampling_export import draw_results, export_results

    _xlsx(out)
    store, _ = open_as_user(ctx, db)
    if draw_id is None:
        draws = list_draws(store)
        if not draws or draws[0].id is None:
            fail(text("sampling.no_draws"))
        wanted = draws[0].id
    else:
        try:
            wanted = uuid.UUID(draw_id)
        except ValueError:
            fail(text("not_found", what="抽取", key=draw_id))
    draw, results = draw_results(store, wanted)
    if out is not None:
        export_results(store, wanted, out)
    if as_json:
        body = {"draw": str(draw.id), "seed": draw.seed, "results": [r.as_json() for r in results]}
        echo(json.dumps(body, ensure_ascii=False, indent=2))
        return
    for r in results:
        when = r.inspected_on.isoformat() if r.inspected_on else "未检查"
        echo(f"{r.institution}\t{when}\t{r.inspectors}\t{r.items_failed}\t{len(r.hazards)}")
    if out is not None:
        echo(text("sampling.written", path=out))


COMMANDS: tuple[click.Command, ...] = (sample, sample_results)
