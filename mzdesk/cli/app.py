"""``mzdesk gui``: the desktop app, also what ``mzdesk`` alone opens."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from mzdesk.cli.common import db_option, fail
from mzdesk.core.i18n import text
from mzdesk.store.engine import default_db_path


@click.command()
@db_option
@click.option(
    "--screenshot",
    "screenshot",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="把每个主页面渲染成 PNG 保存到此文件夹后退出。Render every page to PNG and exit.",
)
@click.option(
    "--size",
    default="1280x800",
    show_default=True,
    callback=lambda _ctx, _param, value: _size(value),
    help="窗口大小（宽x高）。The window's size, WIDTHxHEIGHT.",
)
@click.pass_context
def gui(
    ctx: click.Context, db: Path | None, screenshot: Path | None, size: tuple[int, int]
) -> None:
    """打开桌面程序（同不带子命令）。Open the desktop app."""
    if screenshot is not None and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    open_desktop(db or ctx.obj["db"], ctx.obj["lang"], screenshot_dir=screenshot, size=size)


def open_desktop(
    db: Path | None,
    language: str | None,
    *,
    screenshot_dir: Path | None = None,
    size: tuple[int, int] = (1280, 800),
) -> NoReturn:
    """Start the desktop app and exit with its status — or, when Qt cannot start here (a
    missing system library, no display), say why and how to fix it and exit with 1."""
    from mzdesk.gui.preflight import qt_problem

    problem = qt_problem()
    if problem is not None:
        fail(problem)
    from mzdesk.gui.app import run_app

    path = db or default_db_path()
    sys.exit(run_app(path, language=language, screenshot_dir=screenshot_dir, size=size))


def _size(value: str) -> tuple[int, int]:
    width, _, height = value.lower().partition("x")
    if not (width.isdecimal() and height.isdecimal()) or not (
        640 <= int(width) <= 7680 and 480 <= int(height) <= 4320
    ):
        raise click.BadParameter(text("cli.gui.bad_size", value=value), param_hint="--size")
    return int(width), int(height)


COMMANDS: tuple[click.Command, ...] = (gui,)
