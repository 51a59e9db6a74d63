"""Every write service checks who acts: one test over the registry of operations, so a new
service that writes without a permission check fails here."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import uuid

import pytest

import mzdesk.services
from mzdesk.core.permissions import READ_ONLY, Actor, Permission, PermissionDenied, roles
from mzdesk.services.operations import OPERATIONS, SELF_SERVICE
from mzdesk.store.models import AuditEntry, OutboxEntry


def _all_service_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(mzdesk.services.__path__, "mzdesk.services."):
        importlib.import_module(info.name)
        names.append(info.name)
    return names


MODULES = _all_service_modules()
READ_ONLY_ACTOR = Actor(uuid.uuid4(), uuid.uuid4(), READ_ONLY, "只读用户")


def test_every_service_that_takes_an_actor_is_a_registered_operation():
    unregistered = []
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name, fn in vars(module).items():
            if not inspect.isfunction(fn) or fn.__module__ != module_name or name.startswith("_"):
                continue
            if "actor" in inspect.signature(fn).parameters:
                key = f"{module_name}.{fn.__qualname__}"
                if key not in OPERATIONS and key not in SELF_SERVICE:
                    unregistered.append(key)
    assert unregistered == []
    assert len(OPERATIONS) >= 25


def test_every_service_that_writes_takes_an_actor():
    """``store.write(`` needs an Actor; a service that writes must get one from its caller."""
    offenders = []
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name, fn in vars(module).items():
            if not inspect.isfunction(fn) or fn.__module__ != module_name:
                continue
            source = inspect.getsource(fn)
            writes = "store.write(" in source and "store.write(Actor.system())" not in source
            if writes and "actor" not in inspect.signature(fn).parameters:
                offenders.append(f"{module_name}.{name}")
    assert offenders == []


@pytest.mark.parametrize("key", sorted(OPERATIONS))
def test_read_only_users_are_refused_every_write(key, store):
    fn, permission = OPERATIONS[key]
    signature = inspect.signature(fn)
    args = []
    for name, parameter in signature.parameters.items():
        if parameter.kind is parameter.KEYWORD_ONLY or parameter.default is not parameter.empty:
            continue
        args.append(store if name == "store" else READ_ONLY_ACTOR if name == "actor" else None)
    before = _counts(store)
    with pytest.raises(PermissionDenied) as refused:
        fn(*args)
    assert "只读" in str(refused.value) and permission.label in str(refused.value)
    assert _counts(store) == before


def _counts(store):
    with store.read() as session:
        return (session.query(OutboxEntry).count(), session.query(AuditEntry).count())


def test_each_permission_is_refused_to_a_role_without_it(store):
    """Not only read-only: a role lacking one permission is refused that operation."""
    inspector = Actor(uuid.uuid4(), uuid.uuid4(), "inspector", "检查员甲")
    refused = [k for k, (_, p) in OPERATIONS.items() if not inspector.can(p)]
    allowed = [k for k, (_, p) in OPERATIONS.items() if inspector.can(p)]
    assert refused and allowed
    fn, _ = OPERATIONS["mzdesk.services.stays.admit_resident"]
    with pytest.raises(PermissionDenied, match="检查员"):
        fn(store, inspector, None)


def test_roles_are_data_and_cover_the_four_roles():
    shipped = roles()
    assert {"admin", "staff", "inspector", "readonly"} <= set(shipped)
    assert shipped["admin"].permissions == frozenset(Permission)
    assert shipped["readonly"].permissions == {Permission.SYNC_RUN}  # changes nothing itself
    assert shipped["staff"].zh == "业务人员"


def test_the_only_self_service_is_changing_ones_own_password():
    assert set(SELF_SERVICE) == {"mzdesk.services.users.change_own_password"}
