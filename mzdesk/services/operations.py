"""Write services as operations: each declares the permission it needs and takes the actor.

``@operation(Permission.X)`` on a service ``f(store, actor, ...)`` checks the actor's permission
before the service runs (so a read-only user gets "not allowed", not a validation message
about fields they could not have changed anyway) and registers it in :data:`OPERATIONS`, which
the tests walk: every registered operation must refuse a read-only user, and every service
that takes an actor must be registered.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from mzdesk.core.permissions import Actor, Permission

P = ParamSpec("P")
T = TypeVar("T")

OPERATIONS: dict[str, tuple[Callable[..., Any], Permission]] = {}


def operation(permission: Permission) -> Callable[[Callable[P, T]], Callable[P, T]]:
    def decorate(fn: Callable[P, T]) -> Callable[P, T]:
        signature = inspect.signature(fn)
        if "actor" not in signature.parameters:
            raise TypeError(f"{fn.__qualname__}: an operation takes the acting user as 'actor'")
        position = list(signature.parameters).index("actor")

        @functools.wraps(fn)
        def checked(*args: P.args, **kwargs: P.kwargs) -> T:
            actor = args[position] if len(args) > position else kwargs.get("actor")
            if not isinstance(actor, Actor):
                raise TypeError(f"{fn.__qualname__}: 'actor' must be an Actor, not {actor!r}")
            actor.require(permission)
            return fn(*args, **kwargs)

        checked.permission = permission  # type: ignore[attr-defined]
        OPERATIONS[f"{fn.__module__}.{fn.__qualname__}"] = (checked, permission)
        return checked

    return decorate


SELF_SERVICE: dict[str, Callable[..., Any]] = {}


def self_service(fn: Callable[P, T]) -> Callable[P, T]:
    """A change a user makes to their own account (their password): allowed to every role,
    read-only included, and checked inside the service against the actor's own id."""
    if "actor" not in inspect.signature(fn).parameters:
        raise TypeError(f"{fn.__qualname__}: a self-service operation takes 'actor'")
    SELF_SERVICE[f"{fn.__module__}.{fn.__qualname__}"] = fn
    return fn
