"""Everything the command line prints goes through :func:`echo`, so stored text (institution,
device and user names, anything synced from another device) can never reach the terminal as
a control sequence: ESC, BEL, C1 controls, bidi overrides and other invisible characters are
spelt out as ``\\u001b`` / ``\\u202e`` (docs/data-rules.md). The form is JSON's, so JSON
output stays valid JSON with the same values."""

from __future__ import annotations

import click

from mzdesk.core.text_safety import visible


def echo(message: object = None, *, err: bool = False, nl: bool = True) -> None:
    """``click.echo`` with every refused character but line breaks and tabs made visible."""
    shown = None if message is None else visible(str(message), keep="\n\t")
    click.echo(shown, err=err, nl=nl)
