"""``mzdesk print inspection`` and ``mzdesk print notice``: an inspection's report and its
整改通知书 as PDF files, headless (commands of the ``print`` group of cli/certificates.py)."""

from __future__ import annotations

from pathlib import Path

import click

from mzdesk.cli.certificates import print_group
from mzdesk.cli.common import db_option, fail, open_as_user
from mzdesk.cli.output import echo
from mzdesk.core.errors import os_error_text
from mzdesk.core.i18n import text

_inspection = click.option(
    "--inspection",
    "key",
    required=True,
    help="检查记录编号（或其唯一的开头部分）。Inspection id or a unique beginning of it.",
)
_out = click.option(
    "--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="PDF 文件"
)


@print_group.command("inspection")
@db_option
@_inspection
@_out
@click.pass_context
def print_inspection(ctx: click.Context, db: Path | None, key: str, out: Path) -> None:
    """安全检查报告（PDF）。An inspection's report."""
    from mzdesk.reports.inspection_report import write_inspection_report
    from mzdesk.services.inspection_report import (
        file_reader,
        find_inspection,
        inspection_report,
        thumbnail_cache,
    )

    store, _ = open_as_user(ctx, db)
    report = inspection_report(store, find_inspection(store, key))
    try:
        write_inspection_report(out, report, file_reader(store), thumbnail_cache(store))
    except OSError as error:
        fail(f"{out}：{os_error_text(error)}")
    echo(text("cli.print.inspection", path=out, items=len(report.items)))


@print_group.command("notice")
@db_option
@_inspection
@_out
@click.pass_context
def print_notice(ctx: click.Context, db: Path | None, key: str, out: Path) -> None:
    """安全隐患整改通知书（PDF）：这次检查尚未销号的隐患。A rectification notice."""
    from mzdesk.reports.rectification_notice import write_rectification_notice
    from mzdesk.services.inspection_report import find_inspection, notice_report

    store, _ = open_as_user(ctx, db)
    report = notice_report(store, find_inspection(store, key))
    try:
        write_rectification_notice(out, report)
    except OSError as error:
        fail(f"{out}：{os_error_text(error)}")
    echo(text("cli.print.notice", path=out, hazards=len(report.open_hazards)))


COMMANDS: tuple[click.Command, ...] = ()  # its commands join the print group above
