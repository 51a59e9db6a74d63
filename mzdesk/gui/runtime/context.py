"""What every screen needs, passed explicitly (no global registry)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mzdesk.gui.runtime.worker import Worker
from mzdesk.services.views import InstitutionView, UserView
from mzdesk.store.engine import Store


@dataclass
class AppContext:
    store: Store
    worker: Worker
    institution: InstitutionView
    user: UserView | None
    db_path: Path
