"""Python log records at WARNING or above fail the test that caused them (qutebrowser's
logfail): an error that was logged and shown in a dialog must not pass silently in a test.

A test that expects such a record says so with ``@pytest.mark.allow_log_warnings`` or by
taking the ``expect_log_warnings`` fixture, which returns the records for it to check.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

MARKER = "allow_log_warnings"


class Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []
        self.allowed = False

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def take(self) -> list[logging.LogRecord]:
        taken, self.records = self.records, []
        return taken


_KEY = pytest.StashKey[Collector]()


def _check(item: pytest.Item, when: str) -> None:
    collector = item.stash.get(_KEY, None)
    if collector is None or collector.allowed or item.get_closest_marker(MARKER):
        return
    records = collector.take()
    if records:
        lines = "\n".join(
            f"  {r.levelname} {r.name}: {r.getMessage().splitlines()[0]}" for r in records
        )
        pytest.fail(f"Python log records at WARNING or above during {when}:\n{lines}", False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    collector = Collector()
    item.stash[_KEY] = collector
    logging.getLogger().addHandler(collector)
    result = yield
    _check(item, "setup")
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    result = yield
    _check(item, "the test")
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    try:
        result = yield
    finally:
        collector = item.stash.get(_KEY, None)
        if collector is not None:
            logging.getLogger().removeHandler(collector)
    _check(item, "teardown")
    return result


@pytest.fixture
def expect_log_warnings(request: pytest.FixtureRequest) -> Collector:
    """For a test that means to cause a logged warning or error: the records, to check."""
    collector = request.node.stash[_KEY]
    collector.allowed = True
    return collector
