"""What ``newsdesk-server`` does: create the database, serve it, manage users, verify the audit
log, back up and restore. User changes are ordinary mutations decided by the core, made by the
server's first active administrator, so they reach every desktop by pull like any other."""

from __future__ import annotations

from pathlib import Path

import uvicorn
from sqlalchemy import Engine, insert, select

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.ids import new_id
from newsdesk.core.model import User
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.core.refusal import Refusal
from newsdesk.passwords import hash_password
from newsdesk.store import migrate
from newsdesk.store.codec import TABLES
from newsdesk.store.store import SETTINGS
from newsdesk.sync import backup as backups
from newsdesk.sync import service
from newsdesk.sync.server import create_app

MIN_PASSWORD = 8
USERS = TABLES[User]


class AdminError(Exception):
    """Why a command could not be carried out, as a translatable message."""

    def __init__(self, source: str | Message, **params: object) -> None:
        self.message = source if isinstance(source, Message) else Message("Server", source, params)
        super().__init__(str(self.message))


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AdminError(
            QT_TRANSLATE_NOOP("Server", "The password needs at least {count} characters."),
            count=MIN_PASSWORD,
        )


def _apply(engine: Engine, attempt: Mutation) -> None:
    [applied] = service.Service(engine).administer([attempt])
    if isinstance(applied.outcome, Refusal):
        raise AdminError(applied.outcome.message)


def _administrator(engine: Engine) -> str:
    with engine.connect() as conn:
        found = conn.execute(
            select(USERS.c.id)
            .where(USERS.c.is_admin.is_(True), USERS.c.disabled.is_(False))
            .order_by(USERS.c.login)
            .limit(1)
        ).scalar()
    if found is None:
        raise AdminError(
            QT_TRANSLATE_NOOP(
                "Server", "The database has no active administrator: run “newsdesk-server init”."
            )
        )
    return str(found)


def _user_id(engine: Engine, login: str) -> str:
    with engine.connect() as conn:
        found = conn.execute(select(USERS.c.id).where(USERS.c.login == login.lower())).scalar()
    if found is None:
        raise AdminError(QT_TRANSLATE_NOOP("Server", "There is no user “{login}”."), login=login)
    return str(found)


def init(engine: Engine, login: str, name: str, password: str) -> None:
    """Creates (or upgrades) the schema, gives the database its epoch, and creates the first
    administrator; refuses a database that already has users."""
    _check_password(password)
    with engine.begin() as conn:
        migrate.upgrade(conn)
        if conn.execute(select(USERS.c.id).limit(1)).first() is not None:
            raise AdminError(
                QT_TRANSLATE_NOOP(
                    "Server", "This database already has users; it was set up before."
                )
            )
        if (
            conn.execute(
                select(SETTINGS.c.value).where(SETTINGS.c.key == service.EPOCH_KEY)
            ).first()
            is None
        ):
            conn.execute(insert(SETTINGS), {"key": service.EPOCH_KEY, "value": service.new_epoch()})
    admin_id = new_id()
    _apply(
        engine,
        mutation(
            admin_id,
            Kind.USER_CREATE,
            admin_id,
            login=login,
            name=name,
            is_admin=True,
            password_hash=hash_password(password),
        ),
    )


def serve(engine: Engine, host: str, port: int) -> None:
    with engine.begin() as conn:
        migrate.upgrade(conn)
    uvicorn.run(create_app(service.Service(engine)), host=host, port=port, log_level="info")


def add_user(engine: Engine, login: str, name: str, password: str, is_admin: bool) -> None:
    _check_password(password)
    _apply(
        engine,
        mutation(
            _administrator(engine),
            Kind.USER_CREATE,
            new_id(),
            login=login,
            name=name,
            is_admin=is_admin,
            password_hash=hash_password(password),
        ),
    )


def disable_user(engine: Engine, login: str) -> None:
    _apply(
        engine,
        mutation(_administrator(engine), Kind.USER_UPDATE, _user_id(engine, login), disabled=True),
    )


def reset_password(engine: Engine, login: str, password: str) -> None:
    _check_password(password)
    _apply(
        engine,
        mutation(
            _administrator(engine),
            Kind.USER_SET_PASSWORD,
            _user_id(engine, login),
            password_hash=hash_password(password),
        ),
    )


def verify_audit(engine: Engine) -> int | None:
    return service.verify_audit(engine)


def backup(engine: Engine, out: Path) -> int:
    try:
        return backups.backup(engine, out)
    except (backups.BackupError, OSError) as error:
        raise AdminError(
            QT_TRANSLATE_NOOP("Server", "The backup failed: {reason}"), reason=str(error)
        ) from error


def restore(engine: Engine, source: Path) -> int:
    try:
        return backups.restore(engine, source)
    except (backups.BackupError, OSError) as error:
        raise AdminError(
            QT_TRANSLATE_NOOP("Server", "The restore failed: {reason}"), reason=str(error)
        ) from error
