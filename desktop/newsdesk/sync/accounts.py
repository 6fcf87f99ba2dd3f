"""Signing in to the sync service: passwords checked, guessing slowed down, tokens revoked.

Guessing is counted twice, per client address and per login (known or not: an unknown login is
treated exactly like a real one, so neither the answer nor its timing tells which exist):

* an **address** may fail :data:`ADDRESS_FREE` times in :data:`ADDRESS_WINDOW`; then it waits,
  twice as long after each further failure (up to :data:`MAX_WAIT`), whatever login it tries.
  Spraying many logins from one place stops here first;
* a **login** may fail :data:`LOGIN_FREE` times; then it waits likewise, and after
  :data:`LOGIN_LOCK` failures within a day it is locked until an administrator unlocks it
  (``newsdesk-server users unlock``, or a new password). Reaching that takes many addresses and
  hours, so locking someone out is not the trivial matter it was.

The counts are read, the password checked and the outcome counted in one serialised
transaction, so parallel guesses cannot all slip through while the first is being verified, and
parallel sign-ins with the right password (a whole office behind one address at nine) are not
taken for guesses. A successful sign-in clears the login's count.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import Connection, and_, delete, insert, select, update

from newsdesk.core.i18n import Message
from newsdesk.core.model import User
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.core.refusal import Refusal
from newsdesk.passwords import hash_password, password_problem, verify_password
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.schema import ADDRESS_THROTTLE as ADDRESSES
from newsdesk.store.schema import LOGIN_THROTTLE as THROTTLE
from newsdesk.store.schema import TOKENS

if TYPE_CHECKING:
    from newsdesk.sync.audit_log import AuditLog
    from newsdesk.sync.ledger import Ledger

USERS: Final = TABLES[User]

ADDRESS_FREE: Final = 10
ADDRESS_WINDOW: Final = dt.timedelta(minutes=15)
LOGIN_FREE: Final = 5
LOGIN_LOCK: Final = 20
LOGIN_WINDOW: Final = dt.timedelta(days=1)
FIRST_WAIT: Final = dt.timedelta(seconds=30)
MAX_WAIT: Final = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class Client:
    """Who asks, as far as the service can tell: for throttling and the audit log."""

    address: str | None = None
    workstation: str = ""
    app_version: str = ""

    def detail(self) -> dict[str, str]:
        return {
            k: v for k, v in (("workstation", self.workstation), ("app", self.app_version)) if v
        }


class ThrottledError(Exception):
    """Too many failed sign-ins from this address or for this login: try again after
    ``until`` (``None``: the login is locked until an administrator unlocks it)."""

    def __init__(self, until: dt.datetime | None) -> None:
        super().__init__("locked" if until is None else f"wait until {until.isoformat()}")
        self.until = until


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _wait(failures: int, free: int) -> dt.timedelta | None:
    if failures < free:
        return None
    return min(MAX_WAIT, FIRST_WAIT * (1 << min(failures - free, 10)))


def _count(
    conn: Connection, table: Any, key_column: Any, key: str, window: dt.timedelta, now: dt.datetime
) -> int:
    """One more failure for ``key``; returns the failures in its window now."""
    found = conn.execute(select(table).where(key_column == key)).first()
    if found is None:
        conn.execute(
            insert(table),
            {key_column.name: key, "failures": 1, "first_failure_at": now},
        )
        return 1
    recent = now - _aware(found.first_failure_at) <= window
    failures = found.failures + 1 if recent else 1
    conn.execute(
        update(table)
        .where(key_column == key)
        .values(failures=failures, first_failure_at=found.first_failure_at if recent else now)
    )
    return int(failures)


def _blocked(
    log: AuditLog, conn: Connection, key: str, address: str | None
) -> ThrottledError | None:
    """The error to raise (once the transaction is committed, with its audit entry) when the
    address or the login must wait or is locked; ``None`` when the attempt may be checked."""
    now = log.clock()
    blocked: list[dt.datetime | None] = []
    if address is not None:
        row = conn.execute(select(ADDRESSES).where(ADDRESSES.c.address == address)).first()
        if row is not None and row.blocked_until and _aware(row.blocked_until) > now:
            blocked.append(_aware(row.blocked_until))
    row = conn.execute(select(THROTTLE).where(THROTTLE.c.login == key)).first()
    if row is not None and row.locked:
        blocked.append(None)
    elif row is not None and row.locked_until and _aware(row.locked_until) > now:
        blocked.append(_aware(row.locked_until))
    if not blocked:
        return None
    until = None if None in blocked else max(b for b in blocked if b is not None)
    log.record(
        conn,
        "login_throttled",
        key,
        None,
        {"locked": until is None},
        address=address,
        result="throttled",
    )
    return ThrottledError(until)


def _failed(log: AuditLog, conn: Connection, key: str, address: str | None) -> None:
    """Count a failure for the address and the login, and set the waits and the lock."""
    now = log.clock()
    if address is not None:
        failures = _count(conn, ADDRESSES, ADDRESSES.c.address, address, ADDRESS_WINDOW, now)
        if wait := _wait(failures, ADDRESS_FREE):
            conn.execute(
                update(ADDRESSES)
                .where(ADDRESSES.c.address == address)
                .values(blocked_until=now + wait)
            )
    failures = _count(conn, THROTTLE, THROTTLE.c.login, key, LOGIN_WINDOW, now)
    wait = _wait(failures, LOGIN_FREE)
    conn.execute(
        update(THROTTLE)
        .where(THROTTLE.c.login == key)
        .values(locked_until=now + wait if wait else None, locked=failures >= LOGIN_LOCK)
    )
    _forget_old(conn, now)


def check_password(
    log: AuditLog, login: str, password: str, client: Client, event: str = "login_failed"
) -> Any:
    """The user row ``login`` names if ``password`` is theirs and they may sign in; raises
    ``ThrottledError`` or ``PermissionError`` (both audited) otherwise.

    The counts are read, the password checked and the outcome counted in one serialised
    write transaction: parallel guesses are decided one after another, each seeing the
    failures before it (an Argon2 check takes some 50 ms; sign-ins are rare next to pushes)."""
    key = login.strip().lower()
    with log.writing() as conn:
        throttled = _blocked(log, conn, key, client.address)
        if throttled is None:
            row = conn.execute(select(USERS).where(USERS.c.login == key)).mappings().first()
            # Verified whoever it is (an unknown login against a dummy hash): the same time.
            matches = verify_password(row["password_hash"] if row else None, password)
            ok = row is not None and not row["disabled"] and matches
            if ok:
                conn.execute(delete(THROTTLE).where(THROTTLE.c.login == key))
            else:
                _failed(log, conn, key, client.address)
                log.record(
                    conn,
                    event,
                    key,
                    row["id"] if row else None,
                    client.detail(),
                    address=client.address,
                    result="failed",
                )
    if throttled is not None:
        raise throttled
    if not ok:
        raise PermissionError("wrong login or password, or the account is disabled")
    return row


def _forget_old(conn: Connection, now: dt.datetime) -> None:
    """Counts no longer in any window go (locked logins stay until unlocked)."""
    conn.execute(
        delete(THROTTLE).where(
            THROTTLE.c.locked.is_(False), THROTTLE.c.first_failure_at < now - LOGIN_WINDOW
        )
    )
    conn.execute(delete(ADDRESSES).where(ADDRESSES.c.first_failure_at < now - ADDRESS_WINDOW))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def revoke_tokens(conn: Connection, user_id: str, keep: str | None = None) -> int:
    """Revoke every token of ``user_id`` but ``keep`` (a token hash); returns how many."""
    condition = and_(TOKENS.c.user_id == user_id, TOKENS.c.revoked.is_(False))
    if keep is not None:
        condition = and_(condition, TOKENS.c.token_hash != keep)
    return int(conn.execute(update(TOKENS).where(condition).values(revoked=True)).rowcount)


def unlock(conn: Connection, login: str) -> bool:
    """Lift the lock and the waits on ``login``; whether there was any."""
    return bool(
        conn.execute(delete(THROTTLE).where(THROTTLE.c.login == login.strip().lower())).rowcount
    )


def locks(conn: Connection, now: dt.datetime) -> list[tuple[str, dt.datetime | None]]:
    """The logins that may not sign in now, each with the end of its wait (``None``: locked
    until an administrator unlocks it)."""
    query = select(THROTTLE.c.login, THROTTLE.c.locked, THROTTLE.c.locked_until).where(
        THROTTLE.c.locked.is_(True) | (THROTTLE.c.locked_until > now)
    )
    return [
        (row.login, None if row.locked else _aware(row.locked_until))
        for row in conn.execute(query.order_by(THROTTLE.c.login))
    ]


class PolicyError(Exception):
    """A password the policy refuses, or a change the core refused; ``message`` says why."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def _checked(password: str, login: str, administrator: bool) -> str:
    problem = password_problem(password, login, administrator=administrator)
    if problem is not None:
        raise PolicyError(problem)
    return hash_password(password)


@dataclass(frozen=True)
class SignedIn:
    user: User
    token_hash: str


class Accounts:
    """Who may use the service: signing in and out, tokens, passwords, locks."""

    def __init__(self, log: AuditLog, ledger: Ledger, token_ttl: dt.timedelta) -> None:
        self.log = log
        self.ledger = ledger
        self.token_ttl = token_ttl

    def login(
        self, login: str, password: str, client: Client | None = None
    ) -> tuple[str, dt.datetime, User]:
        """A new token for ``login`` (token, expiry, user); raises ``ThrottledError`` or
        ``PermissionError``."""
        asker = client or Client()
        row = check_password(self.log, login, password, asker)
        now = self.log.clock()
        token = secrets.token_urlsafe(32)
        expires = now + self.token_ttl
        with self.log.writing() as conn:
            conn.execute(
                insert(TOKENS),
                {
                    "token_hash": token_hash(token),
                    "user_id": row["id"],
                    "issued_at": now,
                    "expires_at": expires,
                    "revoked": False,
                },
            )
            self.log.record(
                conn,
                "login",
                row["login"],
                row["id"],
                asker.detail(),
                address=asker.address,
                result="ok",
            )
        with self.log.engine.connect() as conn:
            user = _user(conn, str(row["id"]))
        assert user is not None
        return token, expires, user

    def authenticate(self, token: str) -> SignedIn | None:
        """The user a bearer token signs in, if it is known, unexpired, unrevoked and the user
        is not disabled."""
        digest = token_hash(token)
        with self.log.engine.connect() as conn:
            found = conn.execute(select(TOKENS).where(TOKENS.c.token_hash == digest)).first()
            if found is None or found.revoked or _aware(found.expires_at) <= self.log.clock():
                return None
            user = _user(conn, found.user_id)
        if user is None or user.disabled:
            return None
        return SignedIn(user, digest)

    def logout(self, signed_in: SignedIn) -> None:
        with self.log.writing() as conn:
            conn.execute(
                update(TOKENS)
                .where(TOKENS.c.token_hash == signed_in.token_hash)
                .values(revoked=True)
            )
            self.log.record(
                conn, "logout", signed_in.user.login, signed_in.user.id, {}, result="ok"
            )

    def _apply(self, attempt: Mutation, login: str, keep_token: str | None = None) -> None:
        [applied] = self.ledger.administer([attempt], login=login, keep_token=keep_token)
        if isinstance(applied.outcome, Refusal):
            raise PolicyError(applied.outcome.message)

    def change_password(self, user: User, token: str, old: str, new: str, client: Client) -> None:
        """The signed-in ``user``'s own new password, given the old one; every other sign-in of
        theirs ends. A wrong old password counts as a failed sign-in."""
        check_password(self.log, user.login, old, client, event="password_wrong")
        hashed = _checked(new, user.login, user.is_admin)
        self._apply(
            mutation(user.id, Kind.USER_SET_PASSWORD, user.id, password_hash=hashed),
            user.login,
            keep_token=token,
        )

    def create_user(
        self,
        admin: User,
        login: str,
        name: str,
        password: str,
        *,
        is_admin: bool,
        is_auditor: bool,
    ) -> str:
        """A new user made by ``admin`` (the core checks that they are one); their id."""
        hashed = _checked(password, login, is_admin)
        made = mutation(
            admin.id,
            Kind.USER_CREATE,
            login=login,
            name=name,
            is_admin=is_admin,
            is_auditor=is_auditor,
            password_hash=hashed,
        )
        self._apply(made, admin.login)
        return made.entity

    def reset_password(self, admin: User, user_id: str, password: str) -> None:
        """A new password set by ``admin``: every sign-in of the user ends, a lock is lifted."""
        with self.log.engine.connect() as conn:
            target = conn.execute(select(USERS).where(USERS.c.id == user_id)).mappings().first()
        login = str(target["login"]) if target else ""
        hashed = _checked(password, login, bool(target and target["is_admin"]))
        self._apply(
            mutation(admin.id, Kind.USER_SET_PASSWORD, user_id, password_hash=hashed),
            admin.login,
        )

    def unlock_login(self, by: str, login: str, address: str | None = None) -> bool:
        """Lift the lock on ``login`` (an administrator's reset path); audited."""
        with self.log.writing() as conn:
            lifted = unlock(conn, login)
            self.log.record(
                conn,
                "account_unlocked",
                login.lower(),
                None,
                {"by": by},
                address=address,
                result="ok",
            )
        return lifted


def _user(conn: Connection, user_id: str) -> User | None:
    row = conn.execute(select(USERS).where(USERS.c.id == user_id)).mappings().first()
    return from_row(User, row) if row is not None else None
