"""Accounts: setting up an institution with its administrator, users and roles, logging in.

Usernames are unique within an institution and users are looked up within it. Passwords are
argon2 hashes. Repeated failed logins lock the account on this device for a while
(:data:`MAX_FAILURES`, :data:`LOCK_MINUTES`); the message never tells whether the user exists.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.permissions import ADMIN, Actor, Permission, parse_role, role
from mzdesk.services.checks import Checks
from mzdesk.services.institutions import InstitutionData, add_institution
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation, self_service
from mzdesk.services.views import InstitutionView, UserView
from mzdesk.store.engine import Store, user_key_after_commit
from mzdesk.store.models import Institution, LoginAttempt, User, utcnow

MIN_PASSWORD = 8
MAX_FAILURES = 5
LOCK_MINUTES = 15
# argon2id with argon2-cffi's defaults (RFC 9106's second recommendation, 64 MiB). Each hash
# records its own cost, so tests may lower this (as they lower store.keys.KDF) and what they
# make still verifies here.
HASHER = PasswordHasher()


@dataclass(frozen=True)
class NewUser:
    username: str
    display_name: str
    password: str
    role: str = "staff"
    password_again: str | None = None  # when a person typed it twice


def actor_for(user: UserView) -> Actor:
    return Actor(user.id, user.institution_id, user.role, user.display_name)


def _check_password(checks: Checks, password: str, again: str | None, field: str) -> None:
    if len(password) < MIN_PASSWORD:
        checks.add(field, "user.password_short", min=MIN_PASSWORD)
    elif again is not None and again != password:
        checks.add(f"{field}_again", "user.password_mismatch")


def _live_user(session: Session, institution_id: uuid.UUID, username: str) -> User | None:
    return session.scalars(
        select(User).where(
            User.institution_id == institution_id,
            User.username == username.strip(),
            User.deleted_at.is_(None),
        )
    ).first()


def add_user_row(session: Session, institution_id: uuid.UUID, new: NewUser) -> User:
    """Inside a caller's transaction (setting up an institution, the demo)."""
    checks = Checks("users")
    name = checks.text("username", new.username, max_len=50)
    shown = checks.text("display_name", new.display_name, required=False, max_len=50)
    _check_password(checks, new.password, new.password_again, "password")
    code = ""
    try:
        code = parse_role(new.role).code
    except ValidationError as error:
        checks.absorb(error)
    checks.done()
    get_live(session, Institution, institution_id)
    if _live_user(session, institution_id, name or "") is not None:
        raise ValidationError.single("username", "user.duplicate", name=name)
    user = User(
        institution_id=institution_id,
        username=name,
        display_name=shown or name or "",
        password_hash=HASHER.hash(new.password),
        role=code,
    )
    session.add(user)
    session.flush()
    user_key_after_commit(session, institution_id, user.username, new.password)
    return user


@operation(Permission.INSTITUTION_EDIT)
def set_up_institution(
    store: Store, actor: Actor, data: InstitutionData, admin: NewUser
) -> tuple[InstitutionView, UserView]:
    """First run: the institution and its administrator, in one transaction."""
    with store.write(actor) as session:
        institution = add_institution(session, data)
        user = add_user_row(
            session,
            institution.id,
            NewUser(
                admin.username, admin.display_name, admin.password, ADMIN, admin.password_again
            ),
        )
        return InstitutionView.of(institution), UserView.of(user)


@operation(Permission.USERS_MANAGE)
def add_user(store: Store, actor: Actor, institution_id: uuid.UUID, new: NewUser) -> UserView:
    with store.write(actor) as session:
        return UserView.of(add_user_row(session, institution_id, new))


def _active_admins(session: Session, institution_id: uuid.UUID) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(User)
            .where(
                User.institution_id == institution_id,
                User.role == ADMIN,
                User.active,
                User.deleted_at.is_(None),
            )
        )
        or 0
    )


def _keeps_an_admin(session: Session, user: User) -> None:
    session.flush()
    if _active_admins(session, user.institution_id) == 0:
        raise StateError("user.last_admin")


@operation(Permission.USERS_MANAGE)
def set_user_active(store: Store, actor: Actor, user_id: uuid.UUID, active: bool) -> UserView:
    """停用/启用: a disabled user cannot log in; their history stays."""
    if not active and user_id == actor.user_id:
        raise StateError("user.not_yourself")
    view = _set_guarded(store, actor, user_id, "active", active)
    if not active:  # a disabled account no longer opens the encrypted database either
        store.remove_user_key(view.institution_id, view.username)
    return view


@operation(Permission.USERS_MANAGE)
def set_user_role(store: Store, actor: Actor, user_id: uuid.UUID, role_text: str) -> UserView:
    return _set_guarded(store, actor, user_id, "role", parse_role(role_text).code)


def _set_guarded(
    store: Store, actor: Actor, user_id: uuid.UUID, field: str, value: object
) -> UserView:
    """Change a field that decides who administers the institution; at least one active
    administrator must remain."""
    with store.write(actor) as session:
        user = get_live(session, User, user_id)
        if getattr(user, field) != value:
            setattr(user, field, value)
            _keeps_an_admin(session, user)
        return UserView.of(user)


@operation(Permission.USERS_MANAGE)
def reset_password(
    store: Store, actor: Actor, user_id: uuid.UUID, password: str, again: str | None = None
) -> UserView:
    """An administrator sets a new password (the user forgot theirs); unlocks the account."""
    checks = Checks("users")
    _check_password(checks, password, again, "password")
    checks.done()
    with store.write(actor) as session:
        user = get_live(session, User, user_id)
        user.password_hash = HASHER.hash(password)
        user_key_after_commit(session, user.institution_id, user.username, password)
        attempt = session.get(LoginAttempt, user.id)
        if attempt is not None:
            session.delete(attempt)
        return UserView.of(user)


@self_service
def change_own_password(
    store: Store, actor: Actor, current: str, password: str, again: str | None = None
) -> UserView:
    """Every user may change their own password (read-only users too) with the current one."""
    if actor.user_id is None:
        raise StateError("user.login_required")
    checks = Checks("users")
    _check_password(checks, password, again, "password")
    checks.done()
    with store.write(actor) as session:
        user = get_live(session, User, actor.user_id)
        if not _verify(user.password_hash, current):
            raise ValidationError.single("current_password", "user.wrong_password")
        user.password_hash = HASHER.hash(password)
        user_key_after_commit(session, user.institution_id, user.username, password)
        return UserView.of(user)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        return False


def authenticate(
    store: Store,
    institution_id: uuid.UUID,
    username: str,
    password: str,
    *,
    now: dt.datetime | None = None,
) -> UserView:
    """Check a login within an institution. Raises :class:`StateError` (one message for an
    unknown user, a disabled one or a wrong password; another for a locked account)."""
    now = now or utcnow()
    with store.write(Actor.system()) as session:
        user = _live_user(session, institution_id, username)
        if user is None or not user.active:
            raise StateError("user.bad_login")
        attempt = session.get(LoginAttempt, user.id)
        if attempt is not None and attempt.locked_until is not None and attempt.locked_until > now:
            minutes = max(1, int((attempt.locked_until - now).total_seconds() // 60) + 1)
            raise StateError("user.locked", minutes=minutes)
        if _verify(user.password_hash, password):
            if attempt is not None:
                session.delete(attempt)
            if store.unlocked_as != (institution_id, user.username) and not store.has_user_key(
                institution_id, user.username, password
            ):
                # an account that arrived by sync, or whose password changed elsewhere, can
                # open this database from now on
                user_key_after_commit(session, institution_id, user.username, password)
            return UserView.of(user)
        if attempt is None:
            attempt = LoginAttempt(user_id=user.id, failures=0)
            session.add(attempt)
        attempt.failures += 1
        locked = attempt.failures >= MAX_FAILURES
        if locked:
            attempt.failures = 0
            attempt.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
    # the counter is committed; then the login fails
    if locked:
        raise StateError("user.locked", minutes=LOCK_MINUTES)
    raise StateError("user.bad_login")


def log_in(store: Store, username: str, password: str, institution: str | None = None) -> UserView:
    """A login where the institution is not chosen on screen (the command line): the user
    name picks it, or ``institution`` (its name) when several institutions have that user."""
    with store.read() as session:
        query = (
            select(User.institution_id, Institution.name)
            .join(Institution, Institution.id == User.institution_id)
            .where(User.username == username.strip(), User.deleted_at.is_(None))
        )
        if institution:
            query = query.where(Institution.name == institution.strip())
        found = session.execute(query).all()
    if not found:
        raise StateError("user.bad_login")
    if len(found) > 1:
        raise StateError("user.ambiguous", names="、".join(sorted(name for _, name in found)))
    return authenticate(store, found[0].institution_id, username, password)


def users_of(
    store: Store, institution_id: uuid.UUID, *, include_disabled: bool = False
) -> list[UserView]:
    with store.read() as session:
        query = select(User).where(User.institution_id == institution_id, User.deleted_at.is_(None))
        if not include_disabled:
            query = query.where(User.active)
        return [UserView.of(u) for u in session.scalars(query.order_by(User.created_at))]


def find_user(store: Store, institution_id: uuid.UUID, username: str) -> UserView:
    with store.read() as session:
        user = _live_user(session, institution_id, username)
        if user is None:
            raise StateError("user.not_found", name=username)
        return UserView.of(user)


def has_users(store: Store) -> bool:
    """Once a database has users, every front end asks who acts."""
    with store.read() as session:
        return session.scalar(select(User.id).where(User.deleted_at.is_(None)).limit(1)) is not None


def role_label(code: str) -> str:
    return role(code).label
