"""The ``mzdesk`` command. Without a sub-command it opens the desktop app; the sub-commands
work headless over the same services, so anything the app does to data can be scripted.

One module per command group; this one holds the root group, its global options and the
entry point."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from mzdesk import __version__
from mzdesk.cli import (
    app,
    backup,
    certificates,
    checklists,
    children,
    data,
    hazards,
    inspecting,
    keys,
    printing,
    sample,
    serve,
    server,
    stats,
    sync,
    training,
    users,
)
from mzdesk.cli.common import db_option, fail
from mzdesk.core.errors import FileProblem, MzdeskError
from mzdesk.core.i18n import set_language


class _Commands(click.Group):
    """The command group: a file the operating system refuses (too long a name, no room, no
    permission) ends the command with a message naming the file, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OSError as error:
            raise FileProblem(error) from error


@click.group(
    cls=_Commands,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@db_option
@click.option(
    "--lang", type=click.Choice(["zh", "en"]), default=None, help="界面与消息语言。Language."
)
@click.version_option(__version__, prog_name="mzdesk")
@click.pass_context
def main(ctx: click.Context, db: Path | None, lang: str | None) -> None:
    """民政桌面 mzdesk：养老机构与儿童福利机构的住户、床位、培训与安全检查管理。

    不带子命令时打开桌面程序。Without a sub-command, opens the desktop app.
    """
    set_language("en" if lang == "en" else "zh")
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["lang"] = lang
    if ctx.invoked_subcommand is None:
        app.open_desktop(db, lang)


def _add_command_groups() -> None:
    for group_module in (
        app,
        data,
        stats,
        serve,
        server,
        sync,
        training,
        users,
        certificates,
        checklists,
        hazards,
        children,
        printing,
        inspecting,
        sample,
        keys,
        backup,
    ):
        for command in group_module.COMMANDS:
            main.add_command(command)


_add_command_groups()


def run() -> None:
    """Entry point that turns expected errors into a message instead of a traceback."""
    try:
        main(standalone_mode=True)
    except MzdeskError as error:
        fail(str(error))
