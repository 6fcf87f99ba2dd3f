"""What ``newsdesk-server`` does: create the database, serve it, manage users, verify the audit
log, back up and restore. User changes are ordinary mutations decided by the core, made by the
server's first active administrator, so they reach every desktop by pull like any other."""

from __future__ import annotations

import datetime as dt
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine, delete, insert, select

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.ids import new_id
from newsdesk.core.model import Channel, Source, User
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.core.refusal import Refusal
from newsdesk.ingest import web
from newsdesk.ingest.poller import ROUND_SECONDS
from newsdesk.passwords import hash_password, password_problem
from newsdesk.store import migrate, polls
from newsdesk.store.codec import TABLES
from newsdesk.store.schema import AUDIT_LOG, SETTINGS
from newsdesk.sync import audit, audit_export, audit_log, polling, protocol, service
from newsdesk.sync import backup as backups
from newsdesk.sync.heads import Heads
from newsdesk.sync.scheduler import BackgroundScheduler, Scheduling
from newsdesk.sync.server import create_app

USERS = TABLES[User]
LOOPBACK = ("127.0.0.1", "::1", "localhost")


class AdminError(Exception):
    """Why a command could not be carried out, as a translatable message."""

    def __init__(self, source: str | Message, **params: object) -> None:
        self.message = source if isinstance(source, Message) else Message("Server", source, params)
        super().__init__(str(self.message))


def _check_password(password: str, login: str, administrator: bool) -> None:
    problem = password_problem(password, login, administrator=administrator)
    if problem is not None:
        raise AdminError(problem)


def _service(engine: Engine, keys: audit.Keys) -> service.Service:
    return service.Service(engine, keys=keys)


def _apply(engine: Engine, keys: audit.Keys, attempt: Mutation) -> None:
    [applied] = _service(engine, keys).ledger.administer([attempt])
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


def init(engine: Engine, keys: audit.Keys, login: str, name: str, password: str) -> None:
    """Creates (or upgrades) the schema, gives the database its epoch, and creates the first
    administrator; refuses a database that already has users."""
    _check_password(password, login, administrator=True)
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
                select(SETTINGS.c.value).where(SETTINGS.c.key == audit_log.EPOCH_KEY)
            ).first()
            is None
        ):
            conn.execute(
                insert(SETTINGS), {"key": audit_log.EPOCH_KEY, "value": audit_log.new_epoch()}
            )
    admin_id = new_id()
    _apply(
        engine,
        keys,
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
    _service(engine, keys).log.seal_ledger()


@dataclass(frozen=True)
class Transport:
    """How ``serve`` listens: TLS files, and the reverse proxies whose forwarded client
    addresses are believed (the throttling and the audit log count by address)."""

    tls_cert: Path | None = None
    tls_key: Path | None = None
    proxies: str = ""


@dataclass(frozen=True)
class Feeds:
    """Whether ``serve`` polls the subscribed sources, how often it looks for due ones, and
    whether intranet feeds may be fetched (an administrator's permission)."""

    poll: bool = True
    allow_private: bool = False
    every: float = ROUND_SECONDS


def plain_http_warning(host: str, transport: Transport) -> str | None:
    """A loud warning when passwords and tokens would cross a network in clear text."""
    if transport.tls_cert is not None or host in LOOPBACK:
        return None
    return (
        f"WARNING: serving plain HTTP on {host}: passwords and sign-in tokens cross the network "
        "unencrypted. Use --tls-cert/--tls-key, or listen on 127.0.0.1 behind a TLS reverse "
        "proxy (see the README's security section)."
    )


def serve(
    engine: Engine,
    keys: audit.Keys,
    host: str,
    port: int,
    transport: Transport = Transport(),
    *,
    docs: bool = False,
    max_request_bytes: int = protocol.MAX_BODY,
    feeds: Feeds = Feeds(),
    min_desktop: str | None = None,
    latest_desktop: protocol.DesktopRelease | None = None,
    scheduling: Scheduling | None = None,
) -> None:
    """Run the service until it is stopped, with the feed poller (unless ``feeds`` says not)
    and the scheduled publishing (定时发布, as ``scheduling`` says) beside it."""
    with engine.begin() as conn:
        migrate.upgrade(conn)
    running = _service(engine, keys)
    running.log.seal_ledger()
    warning = plain_http_warning(host, transport)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    poller = None
    if feeds.poll:
        actor = polling.poller_user(running, _administrator(engine))
        poller = polling.BackgroundPoller(
            engine, running, actor, web.Policy(allow_private=feeds.allow_private), feeds.every
        )
        poller.start()
    scheduler = BackgroundScheduler(running, scheduling or Scheduling())
    scheduler.start()
    app = create_app(
        running,
        docs=docs,
        max_request_bytes=max_request_bytes,
        min_desktop=min_desktop,
        latest_desktop=latest_desktop,
    )
    try:
        _run_http(app, host, port, transport)
    finally:
        scheduler.stop()
        if poller is not None:
            poller.stop()


class HttpServer(uvicorn.Server):
    """uvicorn, answering the service's long-polls as it starts shutting down: it waits for
    open requests to finish, and a long-poll would otherwise hold it for up to 25 s."""

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        app = self.config.app
        if isinstance(app, FastAPI) and isinstance(getattr(app.state, "heads", None), Heads):
            app.state.heads.release()
        await super().shutdown(sockets)


def _run_http(app: FastAPI, host: str, port: int, transport: Transport) -> None:
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="info",
        ssl_certfile=str(transport.tls_cert) if transport.tls_cert else None,
        ssl_keyfile=str(transport.tls_key) if transport.tls_key else None,
        proxy_headers=bool(transport.proxies),
        forwarded_allow_ips=transport.proxies or None,
    )
    HttpServer(config).run()


def add_user(
    engine: Engine,
    keys: audit.Keys,
    login: str,
    name: str,
    password: str,
    is_admin: bool,
    is_auditor: bool = False,
) -> None:
    _check_password(password, login, administrator=is_admin)
    _apply(
        engine,
        keys,
        mutation(
            _administrator(engine),
            Kind.USER_CREATE,
            new_id(),
            login=login,
            name=name,
            is_admin=is_admin,
            is_auditor=is_auditor,
            password_hash=hash_password(password),
        ),
    )


def set_disabled(engine: Engine, keys: audit.Keys, login: str, disabled: bool) -> None:
    """Disable (every sign-in of the user ends) or enable a user."""
    user_id = _user_id(engine, login)
    _apply(
        engine,
        keys,
        mutation(_administrator(engine), Kind.USER_UPDATE, user_id, disabled=disabled),
    )


def reset_password(engine: Engine, keys: audit.Keys, login: str, password: str) -> None:
    """A new password: every sign-in of the user ends, a lock on the login is lifted."""
    user_id = _user_id(engine, login)
    with engine.connect() as conn:
        is_admin = bool(
            conn.execute(select(USERS.c.is_admin).where(USERS.c.id == user_id)).scalar()
        )
    _check_password(password, login, administrator=is_admin)
    _apply(
        engine,
        keys,
        mutation(
            _administrator(engine),
            Kind.USER_SET_PASSWORD,
            user_id,
            password_hash=hash_password(password),
        ),
    )


def unlock(engine: Engine, keys: audit.Keys, login: str) -> bool:
    """Lift the lock repeated failed sign-ins put on ``login``; whether there was one."""
    return _service(engine, keys).accounts.unlock_login("newsdesk-server", login)


def verify_audit(engine: Engine, keys: audit.Keys) -> audit.Verdict:
    return audit.verify(engine, keys, audit_log.AuditLog(engine, keys).epoch())


def backup(engine: Engine, keys: audit.Keys, out: Path) -> int:
    try:
        return backups.backup(engine, out, keys.key)
    except (backups.BackupError, OSError) as error:
        raise AdminError(
            QT_TRANSLATE_NOOP("Server", "The backup failed: {reason}"), reason=str(error)
        ) from error


def restore(engine: Engine, keys: audit.Keys, source: Path) -> int:
    try:
        return backups.restore(engine, source, keys)
    except (backups.BackupError, OSError) as error:
        raise AdminError(
            QT_TRANSLATE_NOOP("Server", "The restore failed: {reason}"), reason=str(error)
        ) from error


def archive_audit(engine: Engine, keys: audit.Keys, before: dt.datetime, out: Path) -> int:
    """Move audit entries older than ``before`` to the file ``out``; returns how many."""
    running = audit_log.AuditLog(engine, keys)
    try:
        done = audit.write_archive(engine, keys.key, before, out, running.clock())
    except (audit.ArchiveError, OSError) as error:
        raise AdminError(
            QT_TRANSLATE_NOOP("Server", "Nothing was archived: {reason}"), reason=str(error)
        ) from error
    with running.writing() as conn:
        rows = {
            table.name: audit.row_digests(table.name, conn.execute(select(table)).mappings().all())
            for table in audit.LEDGER_TABLES
        }
        detail = {
            "through": done.through,
            "head": done.head,
            "file": out.name,
            "sha256": done.sha256,
            "entries": done.entries,
            "rows": rows,
        }
        running.record(conn, "audit_archived", "newsdesk-server", None, detail, result="ok")
        conn.execute(delete(AUDIT_LOG).where(AUDIT_LOG.c.seq <= done.through))
    return done.entries


def export_audit(
    engine: Engine, start: dt.datetime | None, end: dt.datetime | None, out: Path
) -> int:
    """Audit entries of [start, end) to ``out`` (.csv or .xlsx); returns how many."""
    with engine.connect() as conn:
        found = audit.every_entry(conn, audit.Filters(start=start, end=end))
        try:
            return audit_export.write(out, found)
        except OSError as error:
            raise AdminError(
                QT_TRANSLATE_NOOP("Server", "The export failed: {reason}"), reason=str(error)
            ) from error


def _channel_id(engine: Engine, name: str) -> str:
    channels = TABLES[Channel]
    with engine.connect() as conn:
        found = conn.execute(select(channels.c.id).where(channels.c.name == name)).scalar()
    if found is None:
        raise AdminError(QT_TRANSLATE_NOOP("Server", "There is no channel “{name}”."), name=name)
    return str(found)


def _source(engine: Engine, id_or_name: str) -> Source:
    with engine.connect() as conn:
        found = [s for s in polls.sources(conn) if id_or_name in (s.id, s.name)]
    if len(found) != 1:
        raise AdminError(
            QT_TRANSLATE_NOOP("Server", "There is no source “{wanted}”.")
            if not found
            else QT_TRANSLATE_NOOP(
                "Server", "Several sources are named “{wanted}”: give the id instead."
            ),
            wanted=id_or_name,
        )
    return found[0]


def add_source(
    engine: Engine,
    keys: audit.Keys,
    channel: str,
    name: str,
    url: str,
    kind: str,
    interval_minutes: int,
) -> str:
    """Subscribe ``channel`` (by name) to a feed; returns the new source's id."""
    source_id = new_id()
    _apply(
        engine,
        keys,
        mutation(
            _administrator(engine),
            Kind.SOURCE_ADD,
            source_id,
            channel_id=_channel_id(engine, channel),
            name=name,
            url=url,
            kind=kind,
            interval_minutes=interval_minutes,
        ),
    )
    return source_id


def set_paused(engine: Engine, keys: audit.Keys, id_or_name: str, paused: bool) -> Source:
    source = _source(engine, id_or_name)
    _apply(
        engine,
        keys,
        mutation(_administrator(engine), Kind.SOURCE_UPDATE, source.id, paused=paused),
    )
    return source


def list_sources(engine: Engine) -> list[tuple[Source, polls.PollState | None]]:
    """Every source with where its polling stands (``None``: not polled yet)."""
    with engine.connect() as conn:
        states = polls.poll_states(conn)
        return [(s, states.get(s.id)) for s in polls.sources(conn)]
