"""Who may do what: permissions (fixed by the code), roles (data), and the acting user.

Permissions are what the services check; each names one kind of change. Roles are data
(``resources/roles/roles.json``): an institution's administrator can see which role grants
what, and a new role is a file edit, not a code change. The file is validated on load: an
unknown permission or a duplicate role stops the app with a message naming the entry.

An :class:`Actor` is the user a change is made by, with the institution they act for. Every
service that writes takes one and checks its permission before it writes (``Store.write``
refuses a write without an actor), so the GUI, the CLI and sync all meet the same check.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from mzdesk.core.errors import CodedError, ValidationError
from mzdesk.core.i18n import current_language
from mzdesk.core.resources import resource_path

ROLES_FILE = ("roles", "roles.json")


class Permission(StrEnum):
    """One kind of change. The value is the code used in roles.json."""

    RESIDENTS_EDIT = "residents.edit"
    BEDS_EDIT = "beds.edit"
    WORKERS_EDIT = "workers.edit"
    INSPECTIONS_EDIT = "inspections.edit"
    INSTITUTION_EDIT = "institution.edit"
    USERS_MANAGE = "users.manage"
    DATA_IMPORT = "data.import"
    IDS_REVEAL = "ids.reveal"
    SYNC_RUN = "sync.run"
    SYNC_REVIEW = "sync.review"
    CERTIFICATES_ISSUE = "certificates.issue"
    BACKUPS_MANAGE = "backups.manage"
    RECORDS_CORRECT = "records.correct"
    CHILDREN_PRIVATE = "children.private"

    @property
    def label(self) -> str:
        zh, en = PERMISSION_LABELS[self]
        return zh if current_language() == "zh" else en


PERMISSION_LABELS: dict[Permission, tuple[str, str]] = {
    Permission.RESIDENTS_EDIT: ("修改住户档案", "change resident records"),
    Permission.BEDS_EDIT: ("修改床位", "change beds"),
    Permission.WORKERS_EDIT: ("修改护理员与培训记录", "change care workers and training"),
    Permission.INSPECTIONS_EDIT: ("进行安全检查", "carry out safety inspections"),
    Permission.INSTITUTION_EDIT: ("修改机构信息", "change the institution's details"),
    Permission.USERS_MANAGE: ("管理用户", "manage users"),
    Permission.DATA_IMPORT: ("导入数据", "import data"),
    Permission.IDS_REVEAL: ("查看完整身份证号", "see full ID numbers"),
    Permission.SYNC_RUN: ("同步", "sync"),
    Permission.SYNC_REVIEW: ("处理同步冲突", "resolve sync conflicts"),
    Permission.CERTIFICATES_ISSUE: ("签发与作废培训证书", "issue and revoke training certificates"),
    Permission.BACKUPS_MANAGE: ("恢复备份、更改备份设置", "restore backups, backup settings"),
    Permission.RECORDS_CORRECT: (
        "更正入住、外出与退住日期",
        "correct admission, leave and discharge dates",
    ),
    Permission.CHILDREN_PRIVATE: (
        "查看儿童身世、入院材料与安置家庭",
        "see children's birth families, intake documents and placement families",
    ),
}


class PermissionDenied(CodedError):
    """The acting user's role does not allow this change. Nothing was written."""


class RolesFileError(ValueError):
    """roles.json is malformed; the message names the entry."""


@dataclass(frozen=True)
class Role:
    code: str
    zh: str
    en: str
    permissions: frozenset[Permission]

    @property
    def label(self) -> str:
        return self.zh if current_language() == "zh" else self.en

    def grants(self, permission: Permission) -> bool:
        return permission in self.permissions


def parse_roles(document: Any) -> dict[str, Role]:
    """Validate a roles document (the parsed JSON) and return its roles by code."""
    if not isinstance(document, dict) or not isinstance(document.get("roles"), list):
        raise RolesFileError("roles.json: a list 'roles' is required")
    roles: dict[str, Role] = {}
    for index, entry in enumerate(document["roles"]):
        where = f"roles.json: roles[{index}]"
        if not isinstance(entry, dict):
            raise RolesFileError(f"{where}: not an object")
        code, zh, en = entry.get("code"), entry.get("zh"), entry.get("en")
        if not all(isinstance(v, str) and v.strip() for v in (code, zh, en)):
            raise RolesFileError(f"{where}: code, zh and en are required")
        assert isinstance(code, str) and isinstance(zh, str) and isinstance(en, str)
        if code in roles or any(zh == r.zh for r in roles.values()):
            raise RolesFileError(f"{where}: duplicate role {code} / {zh}")
        granted = entry.get("permissions")
        if not isinstance(granted, list):
            raise RolesFileError(f"{where}: permissions must be a list")
        if granted == ["*"]:
            permissions = frozenset(Permission)
        else:
            known = {p.value for p in Permission}
            unknown = [p for p in granted if p not in known]
            if unknown:
                raise RolesFileError(f"{where}: unknown permission {unknown[0]!r}")
            permissions = frozenset(Permission(p) for p in granted)
        roles[code] = Role(code, zh, en, permissions)
    if ADMIN not in roles or not roles[ADMIN].permissions >= set(Permission):
        raise RolesFileError("roles.json: the 'admin' role must exist and grant '*'")
    return roles


ADMIN = "admin"
READ_ONLY = "readonly"


@cache
def roles() -> dict[str, Role]:
    """The roles shipped in resources/ (read once)."""
    path = resource_path(*ROLES_FILE)
    return parse_roles(json.loads(path.read_text(encoding="utf-8")))


def role(code: str) -> Role:
    """The role with this code; an unknown code (say, from a newer version) grants nothing."""
    found = roles().get(code)
    return found if found is not None else Role(code, code, code, frozenset())


def parse_role(value: str) -> Role:
    """A role given by a person: its code (``staff``) or its label (业务人员, read-only)."""
    wanted = value.strip().casefold()
    for candidate in roles().values():
        if wanted in (candidate.code, candidate.zh, candidate.en.casefold()):
            return candidate
    choices = "、".join(f"{r.zh}（{r.code}）" for r in roles().values())
    raise ValidationError.single("role", "user.unknown_role", value=value, choices=choices)


@dataclass(frozen=True)
class Actor:
    """The user a change is made by.

    ``institution_id`` is the institution the user acts for: every row they write must belong
    to it. ``None`` means no single institution (the system itself, or a database being set up
    before it has users).
    """

    user_id: uuid.UUID | None
    institution_id: uuid.UUID | None
    role: str
    name: str
    # what this device does not offer, whatever the role (see :data:`REGION_WITHHELD`)
    withheld: frozenset[Permission] = frozenset()

    def can(self, permission: Permission) -> bool:
        return permission not in self.withheld and role(self.role).grants(permission)

    def withholding(self, permissions: frozenset[Permission]) -> Actor:
        return dataclasses.replace(self, withheld=self.withheld | permissions)

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied(
                "permission.denied", role=role(self.role).label, action=permission.label
            )

    def may_write_for(self, institution_id: uuid.UUID | None) -> bool:
        return self.institution_id is None or self.institution_id == institution_id

    @classmethod
    def system(cls) -> Actor:
        """The program itself: applying synced changes, bookkeeping, migrations, login
        counters. Never handed to a person's request."""
        return cls(None, None, ADMIN, "system")

    @classmethod
    def setup(cls) -> Actor:
        """A database with no users yet: whoever holds the file is setting it up."""
        return cls(None, None, ADMIN, "setup")


# A bureau's laptop (enrolled for a region) inspects the homes of its district; the homes'
# residents, beds, staff and particulars are theirs, and the server refuses its changes to
# them (mzdesk/server/regions.py), so such a device does not offer those edits at all.
REGION_WITHHELD: frozenset[Permission] = frozenset(
    {
        Permission.RESIDENTS_EDIT,
        Permission.RECORDS_CORRECT,
        Permission.BEDS_EDIT,
        Permission.WORKERS_EDIT,
        Permission.CERTIFICATES_ISSUE,
        Permission.INSTITUTION_EDIT,
        # a child's birth family and placement family never reach a bureau's device, nor
        # leave one in a roster (issue 16)
        Permission.CHILDREN_PRIVATE,
    }
)
