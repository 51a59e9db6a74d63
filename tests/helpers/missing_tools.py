"""At the end of a run, one block saying which tests a missing external tool skipped (or
left partly unchecked), grouped by tool, with how to install it (issue 15: a developer
without the Debian tools must be told plainly, not find "s" among the dots).

Skips whose reason does not begin with :data:`tests.helpers.tools.MISSING` are tests that do
not apply here (e.g. "SQLite has one writer"); they are counted apart, not as missing.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from tests.helpers.tools import MISSING


def _reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    skipped: dict[str, list[str]] = defaultdict(list)
    partly: dict[str, set[str]] = defaultdict(set)
    other: dict[str, int] = defaultdict(int)
    for report in terminalreporter.stats.get("skipped", []):
        reason = _reason(report)
        if reason.startswith(MISSING):
            skipped[reason].append(report.nodeid)
        else:
            other[reason] += 1
    for kind in ("passed", "failed"):
        for report in terminalreporter.stats.get(kind, []):
            for key, value in getattr(report, "user_properties", []):
                if key == "missing_tool":
                    partly[str(value)].add(report.nodeid)
    if not (skipped or partly):
        return
    write = terminalreporter.write_line
    terminalreporter.write_sep("=", "not checked: external tools missing", yellow=True)
    for reason in sorted(skipped.keys() | partly.keys()):
        tool = reason.removeprefix(MISSING)
        if skipped[reason]:
            write(f"{len(skipped[reason])} skipped for want of {tool}:", yellow=True)
            for nodeid in sorted(skipped[reason])[:5]:
                write(f"    {nodeid}")
            if len(skipped[reason]) > 5:
                write(f"    … and {len(skipped[reason]) - 5} more")
        if partly[reason]:
            write(f"{len(partly[reason])} ran without the part that needs {tool}:", yellow=True)
            for nodeid in sorted(partly[reason]):
                write(f"    {nodeid}")
    write("CI (.ci/run sets MZDESK_REQUIRE_ALL_TOOLS=1) installs these and fails without them.")
    for reason, count in sorted(other.items()):
        write(f"(not a missing tool: {count} skipped as not applicable here — {reason})")
