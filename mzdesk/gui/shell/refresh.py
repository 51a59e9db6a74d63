"""Refresh what changed (Anki's OpChanges and refresh_if_needed): each page declares the
tables it shows; after a write the visible page refreshes if the change touched one of them,
a hidden page that was touched is marked dirty and refreshes when it is next shown. A page not
built yet (a stand-in without ``tables``) has never loaded: it loads when first shown."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from mzdesk.core.changes import Changes


class Page(Protocol):
    tables: frozenset[str]

    def refresh(self) -> asyncio.Future[Any]: ...


class PageRefresher:
    """Routes the worker's ``changed(Changes)`` to the pages. ``always`` are the pages kept
    current even when hidden (the 同步 page feeds the status bar, which is always shown)."""

    def __init__(self, pages: Sequence[QWidget], always: Sequence[QWidget] = ()) -> None:
        self.pages = list(pages)
        self.always = list(always)
        self.current: int | None = None
        self.dirty: set[int] = set(range(len(self.pages)))  # never loaded yet

    def changed(self, changes: Changes) -> None:
        if not changes:
            return
        for page in self.always:
            _refresh(page, changes)  # a hidden one updates what is always shown (status bar)
        for index, page in enumerate(self.pages):
            tables: frozenset[str] | None = getattr(page, "tables", None)
            if page in self.always:
                if index != self.current:
                    self.dirty.add(index)  # the rest of it when shown
                continue
            if tables is None or not changes.touches(tables):
                continue
            if index == self.current:
                _refresh(page, changes)
            else:
                self.dirty.add(index)

    def replace(self, index: int, page: QWidget, *, always: bool = False) -> None:
        """The page at ``index`` was built (pages are built the first time they are shown):
        it takes its stand-in's place, and is refreshed when shown unless it loaded since."""
        self.pages[index] = page
        if always:
            self.always.append(page)

    def invalidate(self) -> asyncio.Future[Any] | None:
        """Everything may have changed (the institution was re-keyed): the visible page
        refreshes now, the others when shown."""
        self.dirty = set(range(len(self.pages)))
        for page in self.always:
            _refresh(page)
        return self.shown(self.current) if self.current is not None else None

    def shown(self, index: int) -> asyncio.Future[Any] | None:
        """The page at ``index`` became visible: refresh it if it missed a change."""
        self.current = index
        if index not in self.dirty:
            return None
        self.dirty.discard(index)
        return _refresh(self.pages[index])


def _refresh(page: QWidget, changes: Changes | None = None) -> asyncio.Future[Any] | None:
    """A page that can update just what a change touched (``refresh_changed``) does so when
    it is visible; otherwise, and when shown after missing changes, it reloads."""
    partial = getattr(page, "refresh_changed", None)
    if changes is not None and partial is not None:
        result: asyncio.Future[Any] | None = partial(changes)
        return result
    refresh = getattr(page, "refresh", None)
    return refresh() if refresh is not None else None
