"""Writing demo data through the same services staff use, at one of two scales.

``generate`` is the operation (it checks the permission); the underscored steps it calls in
``site``, ``city`` and ``maker`` take its actor and are not to be called on their own."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.demo.children_home import _make_children_home
from mzdesk.services.demo.city import _make_city
from mzdesk.services.demo.maker import DemoSummary, Maker, Progress
from mzdesk.services.demo.site import _make_site
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store


class Scale(StrEnum):
    SITE = "site"
    CITY = "city"


@operation(Permission.INSTITUTION_EDIT)
def generate(
    store: Store,
    actor: Actor,
    scale: Scale,
    *,
    seed: int = 2026,
    today: dt.date | None = None,
    progress: Progress | None = None,
    kind: InstitutionKind = InstitutionKind.NURSING_HOME,
) -> DemoSummary:
    """At the ``site`` scale, one home of ``kind`` (a nursing home, or a children's welfare
    home with its children's paths); the ``city`` has both kinds."""
    maker = Maker(seed, today or dt.date.today())
    if scale is Scale.SITE and kind is InstitutionKind.CHILDREN_HOME:
        return _make_children_home(store, actor, maker, progress)
    if scale is Scale.SITE:
        return _make_site(store, actor, maker, progress)
    return _make_city(store, actor, maker, progress)
