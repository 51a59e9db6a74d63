"""Where backups live and what each one is: the folder, the names, the manifest, the settings.

A backup is one folder in the backup folder (by default ``backups/`` beside the database)::

    backups/mzdesk-2026-12-02-0330-15-daily/     (<stem>-<local date-time>-<kind>)
        mzdesk.db           the database, encrypted with the same key (VACUUM INTO)
        mzdesk.db.keys      the key-slot file as it was (users' passwords open the copy)
        manifest.json       kind, when, size, row counts, how it was verified
    backups/mzdesk.files/   the photos and signatures, encrypted as they are kept, shared by
                            every backup of this database (content-addressed, never deleted)

A backup folder is written under a hidden temporary name (``.tmp-…``), verified and only then
renamed to its name, so a folder that carries a backup's name holds a verified backup.
The settings (folder, how many to keep) are a small JSON file beside the database,
``<database>.backups.json``: they must be readable when the database itself is not (damaged,
or not unlocked yet), which is when the newest good backup is looked for.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
FORMAT = 1
TMP_PREFIX = ".tmp-"

# kinds: the rotation set (daily backups the app makes, and those made on request) …
AUTO, MANUAL = "daily", "manual"
ROTATED = (AUTO, MANUAL)
# … and those made before a change, kept apart, the last few of each kind
BEFORE = ("before-migration", "before-restore", "before-import", "before-adoption")
KINDS = ROTATED + BEFORE

_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<when>\d{4}-\d{2}-\d{2}-\d{4}-\d{2})(?:-\d+)?-(?P<kind>[a-z-]+)$"
)


@dataclass(frozen=True)
class Keep:
    """How many backups are kept: the rotation (grandfather-father-son) and, apart from it,
    the last ``before`` backups of each "before a change" kind."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    before: int = 10


@dataclass(frozen=True)
class BackupSettings:
    folder: Path
    keep: Keep = field(default_factory=Keep)


def settings_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups.json")


def default_folder(db_path: Path) -> Path:
    return db_path.resolve().parent / "backups"


def read_settings(db_path: Path) -> BackupSettings:
    """The settings of ``db_path``'s backups; defaults where the file is missing or unreadable
    (a damaged settings file must never stop a backup from being made)."""
    folder = default_folder(db_path)
    keep = Keep()
    try:
        raw = json.loads(settings_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return BackupSettings(folder, keep)
    if isinstance(raw, dict):
        if isinstance(raw.get("folder"), str) and raw["folder"].strip():
            folder = Path(raw["folder"]).expanduser()
        counts = raw.get("keep")
        if isinstance(counts, dict):
            values = {
                name: counts[name]
                for name in ("daily", "weekly", "monthly", "before")
                if isinstance(counts.get(name), int) and 0 <= counts[name] <= 1000
            }
            keep = Keep(**values)
    return BackupSettings(folder, keep)


def write_settings(db_path: Path, settings: BackupSettings) -> None:
    document = {"folder": str(settings.folder), "keep": asdict(settings.keep)}
    write_private(settings_path(db_path), json.dumps(document, indent=2).encode())


@dataclass(frozen=True)
class BackupInfo:
    """One verified backup."""

    path: Path  # its folder
    database: Path  # the database file in it
    kind: str
    created: dt.datetime  # UTC
    size: int
    counts: dict[str, int]
    check: str  # the check it passed: integrity_check or quick_check
    fingerprint: list[int]
    files: int

    @property
    def local_time(self) -> dt.datetime:
        return self.created.astimezone()

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def backup_name(stem: str, kind: str, when: dt.datetime, serial: int = 0) -> str:
    stamp = when.astimezone().strftime("%Y-%m-%d-%H%M-%S")
    return f"{stem}-{stamp}{f'-{serial}' if serial else ''}-{kind}"


def manifest_document(info: BackupInfo) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "kind": info.kind,
        "created": info.created.isoformat(),
        "database": info.database.name,
        "size": info.size,
        "counts": info.counts,
        "check": info.check,
        "verified": True,
        "fingerprint": info.fingerprint,
        "files": info.files,
    }


def read_backup(folder: Path) -> BackupInfo | None:
    """The backup in ``folder``; None when it is not one (no manifest, a manifest that does
    not say verified, or a database file whose size is not the one recorded)."""
    if folder.name.startswith(TMP_PREFIX) or not _NAME.match(folder.name):
        return None
    try:
        raw = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT or raw.get("verified") is not True:
            return None
        database = folder / str(raw["database"])
        if "/" in str(raw["database"]) or database.stat().st_size != int(raw["size"]):
            return None
        kind = str(raw["kind"])
        if kind not in KINDS:
            return None
        created = dt.datetime.fromisoformat(str(raw["created"]))
        return BackupInfo(
            folder,
            database,
            kind,
            created if created.tzinfo else created.replace(tzinfo=dt.UTC),
            int(raw["size"]),
            {str(k): int(v) for k, v in dict(raw["counts"]).items()},
            str(raw["check"]),
            [int(n) for n in raw.get("fingerprint", [])],
            int(raw.get("files", 0)),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The verified backups of ``db_path`` (by its file's stem), newest first."""
    where = folder if folder is not None else read_settings(db_path).folder
    stem = db_path.stem
    found: list[BackupInfo] = []
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for entry in where.iterdir():
            match = _NAME.match(entry.name)
            if match is None or match["stem"] != stem or not entry.is_dir():
                continue
            info = read_backup(entry)
            if info is not None:
                found.append(info)
    return sorted(found, key=lambda b: b.created, reverse=True)


def resolve_backup(given: Path) -> BackupInfo | None:
    """The backup named by a path a person typed: its folder or the database file in it."""
    folder = given if given.is_dir() else given.parent
    return read_backup(folder)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_private(path: Path, data: bytes) -> None:
    """Write ``path`` (0600) atomically: a temporary file beside it, fsync, rename."""
    tmp = path.with_name(f"{TMP_PREFIX}{path.name}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)
