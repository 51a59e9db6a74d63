"""What every screen needs, passed explicitly (no global registry)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from mzdesk.core.permissions import REGION_WITHHELD, Actor, Permission
from mzdesk.gui.runtime.worker import Worker
from mzdesk.services.users import actor_for
from mzdesk.services.views import InstitutionView, UserView
from mzdesk.store.engine import Store

P = ParamSpec("P")
T = TypeVar("T")


@dataclass
class AppContext:
    store: Store
    worker: Worker
    institution: InstitutionView
    user: UserView | None
    db_path: Path
    # a bureau's laptop (enrolled for a region): the homes' own records are not edited here
    region_device: bool = False

    @property
    def actor(self) -> Actor:
        """Who acts: the logged-in user (a database with no users yet is being set up)."""
        actor = actor_for(self.user) if self.user is not None else Actor.setup()
        return actor.withholding(REGION_WITHHELD) if self.region_device else actor

    def can(self, permission: Permission) -> bool:
        return self.actor.can(permission)

    async def change(
        self,
        service: Callable[Concatenate[Store, Actor, P], T],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Run a write service as the logged-in user, on the one writer."""
        return await self.worker.write(service, self.store, self.actor, *args, **kwargs)
