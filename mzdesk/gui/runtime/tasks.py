"""Coroutines on the Qt event loop: tasks kept alive until they end, their errors reported,
and ``async_slot`` for connecting signals to coroutines."""

from __future__ import annotations

import asyncio
import functools
import inspect
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Slot

T = TypeVar("T")

_running: set[asyncio.Future[Any]] = set()


def _report(task: asyncio.Future[Any]) -> None:
    _running.discard(task)
    if task.cancelled():
        return
    error = task.exception()
    if error is not None:
        sys.excepthook(type(error), error, error.__traceback__)


def spawn(awaitable: Awaitable[T]) -> asyncio.Future[T]:
    """Run a coroutine on the loop, keeping a strong reference until it ends (asyncio holds
    tasks weakly: an unreferenced task can vanish mid-flight) and reporting its errors."""
    task = asyncio.ensure_future(awaitable)
    _running.add(task)
    task.add_done_callback(_report)
    return task


def async_slot(
    *types: type,
) -> Callable[[Callable[..., Awaitable[Any]]], Callable[..., asyncio.Future[Any]]]:
    """Like ``qasync.asyncSlot``, but the task is kept alive and its errors reach the user.

    Signals may carry more arguments than the slot takes (``clicked(bool)``): extra trailing
    arguments are dropped, as Qt does for C++ slots.
    """

    def decorator(fn: Callable[..., Awaitable[Any]]) -> Callable[..., asyncio.Future[Any]]:
        signature = inspect.signature(fn)

        @Slot(*types)
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> asyncio.Future[Any]:
            while args:
                try:
                    signature.bind(*args, **kwargs)
                    break
                except TypeError:
                    args = args[:-1]
            task = spawn(fn(*args, **kwargs))
            if args and isinstance(args[0], QObject):
                # a widget destroyed mid-await must not be touched when the await returns
                args[0].destroyed.connect(task.cancel)
            return task

        return wrapper

    return decorator


def pending_tasks() -> int:
    """How many spawned tasks are still running (closing waits for them)."""
    return len(_running)


def running_tasks() -> list[str]:
    """Descriptions of the spawned tasks still running (for the log)."""
    return [repr(task) for task in _running]
