"""``python -m mzdesk.cli``: the same command as ``mzdesk``."""

from mzdesk.cli import run

run()
