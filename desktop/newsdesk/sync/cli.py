"""``newsdesk-server``: the sync service and its administration, on a machine without Qt.

Nothing here may import PySide6 (tests/sync/test_server_without_qt.py runs it with Qt made
unimportable): messages come from the desktop's own translation catalogue, read as XML.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from newsdesk import __version__
from newsdesk.sync.catalogue import Catalogue, choose_language

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Engine

    from newsdesk.sync.audit import Keys, Verdict
    from newsdesk.sync.protocol import DesktopRelease


def _say(text: str) -> None:
    print(text, flush=True)


def _error(text: str) -> int:
    print(text, file=sys.stderr, flush=True)
    return 2


def default_server_db() -> str:
    folder = platformdirs.user_data_path("Newsdesk", appauthor=False) / "server"
    return str(folder / "newsdesk-server.db")


def server_url(db: str) -> str:
    """A database URL from ``--db``: a URL as given, a plain path as a SQLite file."""
    if "://" in db:
        return db
    path = Path(db).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def build_server_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk-server", description="The Newsdesk sync service and its administration."
    )
    parser.add_argument("--version", action="version", version=f"newsdesk-server {__version__}")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language of the messages")
    parser.add_argument(
        "--keys",
        type=Path,
        default=None,
        help="the folder of the audit key and anchors; keep it out of the database's backups "
        "and back it up on its own (default: the configuration file's, else the user's config "
        "folder)",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    def with_db(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument(
            "--config",
            dest="config_file",
            type=Path,
            metavar="FILE",
            help="a server.toml with the database, the keys' folder and how to serve; options "
            "given here win over it",
        )
        sub.add_argument(
            "--db",
            help="a SQLite file or a postgresql+psycopg:// URL (default: the configuration "
            f"file's, else {default_server_db()})",
        )
        return sub

    init = with_db(commands.add_parser("init", help="create the database and the first admin"))
    init.add_argument("--admin", required=True, help="the administrator's login")
    init.add_argument("--name", default="", help="the administrator's name")
    init.add_argument("--password-stdin", action="store_true", required=True)
    serve = with_db(commands.add_parser("serve", help="run the service"))
    serve.add_argument("--host", help="the address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, help="the port to listen on (default: 8765)")
    serve.add_argument("--tls-cert", type=Path, help="serve HTTPS with this certificate (PEM)")
    serve.add_argument("--tls-key", type=Path, help="the certificate's private key (PEM)")
    serve.add_argument(
        "--docs",
        action="store_true",
        default=None,
        help="serve the interactive API page /docs (it loads its script from a CDN and needs "
        "no sign-in; off by default)",
    )
    serve.add_argument(
        "--max-request-mb",
        type=float,
        help="the largest JSON request the service reads, in MiB (default: 16); desktops size "
        "their pushes by it. Keep a reverse proxy's own limit at least as large",
    )
    serve.add_argument(
        "--min-desktop",
        metavar="VERSION",
        help="refuse desktops older than this Newsdesk version (e.g. 1.2.0), telling their users "
        "to update (default: serve every version)",
    )
    serve.add_argument(
        "--latest-desktop",
        metavar="VERSION",
        help="announce the newest desktop release the branch offers (e.g. 1.3.0); older "
        "desktops show a notice, and never install it by themselves",
    )
    serve.add_argument(
        "--installer-url",
        metavar="URL",
        help="where users download that release's installer (http:// or https://)",
    )
    serve.add_argument(
        "--release-notes",
        metavar="FILE",
        type=Path,
        help="a UTF-8 text file of the release's notes, shown with the notice",
    )
    serve.add_argument(
        "--proxy",
        help="addresses of reverse proxies whose X-Forwarded-For/-Proto to believe, "
        "comma-separated (default: none)",
    )
    serve.add_argument(
        "--no-poll",
        action="store_true",
        default=None,
        help="do not poll the subscribed sources (feeds)",
    )
    serve.add_argument(
        "--allow-private-feeds",
        action="store_true",
        default=None,
        help="let sources on this machine or the private network (an intranet feed bridge) be "
        "polled",
    )
    serve.add_argument(
        "--poll-seconds",
        type=float,
        help="how often to look for sources due a poll, in seconds (default: 60)",
    )
    # Scheduled publishing (定时发布) is configured in the file only: its tokens do not belong
    # on a command line, where every user of the machine can read them.
    serve.set_defaults(publishing=None)
    sources = commands.add_parser("sources", help="subscribed sources (feeds)").add_subparsers(
        dest="sources_command", required=True
    )
    source_add = with_db(sources.add_parser("add", help="subscribe a channel to a feed"))
    source_add.add_argument("--channel", required=True, help="the channel's name")
    source_add.add_argument("--name", required=True, help="what the source is called")
    source_add.add_argument("--url", required=True, help="the feed's address")
    source_add.add_argument("--kind", choices=["auto", "rss", "atom", "json"], default="auto")
    source_add.add_argument(
        "--interval", type=int, default=30, help="minutes between polls (at least 5)"
    )
    with_db(sources.add_parser("list", help="the sources and how their polling stands"))
    for verb, text in (("pause", "stop polling a source"), ("resume", "poll a source again")):
        paused = with_db(sources.add_parser(verb, help=text))
        paused.add_argument("source", help="the source's id or name")
    users = commands.add_parser("users", help="manage users").add_subparsers(
        dest="users_command", required=True
    )
    add = with_db(users.add_parser("add", help="add a user"))
    add.add_argument("--login", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--admin", action="store_true", help="an administrator")
    add.add_argument(
        "--auditor", action="store_true", help="an auditor: reads the audit log, changes nothing"
    )
    add.add_argument("--password-stdin", action="store_true", required=True)
    disable = with_db(users.add_parser("disable", help="disable a user (their sign-ins end)"))
    disable.add_argument("--login", required=True)
    enable = with_db(users.add_parser("enable", help="let a disabled user sign in again"))
    enable.add_argument("--login", required=True)
    unlock = with_db(users.add_parser("unlock", help="lift the lock failed sign-ins put"))
    unlock.add_argument("--login", required=True)
    reset = with_db(users.add_parser("reset-password", help="set a new password"))
    reset.add_argument("--login", required=True)
    reset.add_argument("--password-stdin", action="store_true", required=True)
    audit = commands.add_parser("audit", help="the audit log").add_subparsers(
        dest="audit_command", required=True
    )
    with_db(audit.add_parser("verify", help="check the audit log, its anchor and the ledger"))
    export_log = with_db(audit.add_parser("export", help="audit entries to a CSV or XLSX file"))
    export_log.add_argument("--from", dest="start", type=_day, help="YYYY-MM-DD (inclusive)")
    export_log.add_argument("--to", dest="end", type=_day, help="YYYY-MM-DD (inclusive)")
    export_log.add_argument("--out", type=Path, required=True, help="a .csv or .xlsx file")
    archive = with_db(
        audit.add_parser("archive", help="move entries older than six months to a file")
    )
    archive.add_argument("--before", type=_day, required=True, help="YYYY-MM-DD")
    archive.add_argument("--out", type=Path, required=True)
    report = with_db(
        commands.add_parser(
            "report", help="the whole newsroom's production report, to an XLSX or CSV file"
        )
    )
    report.add_argument("--from", dest="first", required=True, help="the first day, YYYY-MM-DD")
    report.add_argument("--to", dest="last", required=True, help="the last day, YYYY-MM-DD")
    report.add_argument("--out", type=Path, required=True, help="FILE.xlsx or FILE.csv")
    report.add_argument(
        "--table",
        choices=("channels", "people", "review", "reasons", "amendments", "weekly"),
        default="channels",
        help="for a CSV file: which table (default: channels)",
    )
    report.add_argument("--department", help="the department's name, over every sheet")
    backup = with_db(commands.add_parser("backup", help="a consistent backup, while serving"))
    backup.add_argument("--out", type=Path, required=True)
    restore = with_db(commands.add_parser("restore", help="restore into an empty database"))
    restore.add_argument("--from", dest="source", type=Path, required=True)
    return parser


# Configuration fields by the option they stand for, where the names differ, and the built-in
# values of options neither the command line nor the file sets.
_OPTION_OF = {"database": "db", "poll": "no_poll"}
_DEFAULTS: dict[str, object] = {
    "host": "127.0.0.1",
    "port": 8765,
    "proxy": "",
    "docs": False,
    "no_poll": False,
    "allow_private_feeds": False,
    "poll_seconds": 60.0,
}


def settle_options(args: argparse.Namespace) -> None:
    """Fill what the command line left unset from ``--config`` FILE, then from the defaults
    (raises :class:`ServerConfigError` for a file that cannot be used)."""
    from newsdesk.sync.server_config import load_server_config

    given = vars(args)
    if args.config_file is not None:
        for name, value in load_server_config(args.config_file).items():
            option = _OPTION_OF.get(name, name)
            if option in given and given[option] is None:
                given[option] = not value if name == "poll" else value
    for option, value in _DEFAULTS.items():
        if option in given and given[option] is None:
            given[option] = value
    if args.db is None:
        args.db = default_server_db()


def _day(text: str) -> dt.datetime:
    """A date on the command line, as the start of that day in this computer's time zone."""
    return dt.datetime.combine(dt.date.fromisoformat(text), dt.time()).astimezone()


def _is_version(text: str) -> bool:
    from newsdesk.sync.protocol import version_key

    try:
        version_key(text)
    except ValueError:
        return False
    return True


def _release(
    args: argparse.Namespace, translate: Callable[[str, str], str]
) -> DesktopRelease | str | None:
    """The release ``serve`` announces, or what is wrong with its options."""
    from urllib.parse import urlsplit

    from newsdesk.sync.protocol import DesktopRelease

    if args.latest_desktop is None:
        if args.installer_url is not None or args.release_notes is not None:
            return translate(
                "cli", "--installer-url and --release-notes describe --latest-desktop: give it too."
            )
        return None
    if not _is_version(args.latest_desktop):
        return translate("cli", "--latest-desktop must be a version such as 1.2.0.")
    if args.installer_url is None:
        return translate(
            "cli", "--latest-desktop needs --installer-url: where users download the installer."
        )
    address = urlsplit(args.installer_url)
    if address.scheme not in ("http", "https") or not address.netloc:
        return translate(
            "cli", "--installer-url must be an http:// or https:// address, not “{url}”."
        ).format(url=args.installer_url)
    notes = ""
    if args.release_notes is not None:
        try:
            notes = args.release_notes.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as error:
            return translate("cli", "Cannot read the release notes {path}: {reason}").format(
                path=args.release_notes, reason=error
            )
    return DesktopRelease(
        version=args.latest_desktop, installer_url=args.installer_url, notes=notes
    )


def _password_from_stdin() -> str:
    return sys.stdin.readline().rstrip("\r\n")


def main(argv: list[str] | None = None) -> int:
    """``newsdesk-server``: 0 on success, 2 with the reason otherwise (1: audit chain broken)."""
    from newsdesk.sync.server_config import ServerConfigError

    args = build_server_parser().parse_args(argv)
    try:
        settle_options(args)
    except ServerConfigError as error:
        return _error(Catalogue.load(choose_language(args.lang)).render(error.message))
    catalogue = Catalogue.load(choose_language(args.lang))
    from newsdesk.store.store import make_engine

    engine = make_engine(server_url(args.db))
    try:
        return _run_server_command(args, engine, _keys(args.keys), catalogue)
    finally:
        engine.dispose()


def _keys(folder: Path | None) -> Keys:
    from newsdesk.sync.audit import Keys, default_config_dir

    return Keys(folder or default_config_dir())


def _run_server_command(
    args: argparse.Namespace, engine: Engine, keys: Keys, catalogue: Catalogue
) -> int:
    from newsdesk.sync import admin

    translate = catalogue.translate
    try:
        if args.command == "init":
            admin.init(engine, keys, args.admin, args.name or args.admin, _password_from_stdin())
            _say(
                translate("cli", "Created the database and the administrator “{login}”.").format(
                    login=args.admin
                )
            )
        elif args.command == "serve":
            if (args.tls_cert is None) != (args.tls_key is None):
                return _error(
                    translate("cli", "--tls-cert and --tls-key go together: give both or neither.")
                )
            limit = args.max_request_mb
            if limit is not None and limit < 1:
                return _error(translate("cli", "--max-request-mb must be at least 1."))
            sizing = {} if limit is None else {"max_request_bytes": int(limit * 1024 * 1024)}
            if args.poll_seconds <= 0:
                return _error(translate("cli", "--poll-seconds must be more than 0."))
            if args.min_desktop is not None and not _is_version(args.min_desktop):
                return _error(translate("cli", "--min-desktop must be a version such as 1.2.0."))
            release = _release(args, translate)
            if isinstance(release, str):
                return _error(release)
            transport = admin.Transport(args.tls_cert, args.tls_key, args.proxy)
            feeds = admin.Feeds(not args.no_poll, args.allow_private_feeds, args.poll_seconds)
            admin.serve(
                engine,
                keys,
                args.host,
                args.port,
                transport,
                docs=args.docs,
                feeds=feeds,
                min_desktop=args.min_desktop,
                latest_desktop=release,
                scheduling=args.publishing,
                **sizing,
            )
        elif args.command == "sources":
            _sources_command(args, engine, keys, catalogue)
        elif args.command == "users" and args.users_command == "add":
            admin.add_user(
                engine,
                keys,
                args.login,
                args.name,
                _password_from_stdin(),
                args.admin,
                args.auditor,
            )
            _say(translate("cli", "Added the user “{login}”.").format(login=args.login))
        elif args.command == "users" and args.users_command in ("disable", "enable"):
            disabled = args.users_command == "disable"
            admin.set_disabled(engine, keys, args.login, disabled)
            done = (
                translate("cli", "Disabled the user “{login}”; their sign-ins ended.")
                if disabled
                else translate("cli", "Enabled the user “{login}”.")
            )
            _say(done.format(login=args.login))
        elif args.command == "users" and args.users_command == "unlock":
            admin.unlock(engine, keys, args.login)
            _say(translate("cli", "“{login}” may sign in again.").format(login=args.login))
        elif args.command == "users":
            admin.reset_password(engine, keys, args.login, _password_from_stdin())
            _say(
                translate(
                    "cli", "Set a new password for “{login}”; their other sign-ins ended."
                ).format(login=args.login)
            )
        elif args.command == "audit" and args.audit_command == "export":
            end = args.end + dt.timedelta(days=1) if args.end else None
            count = admin.export_audit(engine, args.start, end, args.out)
            _say(
                translate("cli", "Wrote {count} audit entries to {path}.").format(
                    count=count, path=args.out
                )
            )
        elif args.command == "audit" and args.audit_command == "archive":
            count = admin.archive_audit(engine, keys, args.before, args.out)
            _say(
                translate(
                    "cli",
                    "Archived {count} audit entries to {path}; the log records the file and "
                    "still verifies.",
                ).format(count=count, path=args.out)
            )
        elif args.command == "audit":
            verdict = admin.verify_audit(engine, keys)
            if not verdict.intact:
                print(_verdict_text(verdict, catalogue), file=sys.stderr)
                return 1
            _say(
                translate(
                    "cli",
                    "The audit log verifies: {count} entries intact, none missing, and the "
                    "users, channels, roles and accepted changes are the ones it recorded.",
                ).format(count=verdict.entries)
            )
        elif args.command == "report":
            return _report(args, engine, catalogue)
        elif args.command == "backup":
            rows = admin.backup(engine, keys, args.out)
            _say(
                translate("cli", "Backed up {rows} rows to {path}.").format(
                    rows=rows, path=args.out
                )
            )
        else:
            rows = admin.restore(engine, keys, args.source)
            _say(
                translate(
                    "cli",
                    "Restored {rows} rows. The server has a new epoch: each desktop will offer "
                    "to send again what the backup lacks.",
                ).format(rows=rows)
            )
    except admin.AdminError as error:
        return _error(catalogue.render(error.message))
    return 0


def _report(args: argparse.Namespace, engine: Engine, catalogue: Catalogue) -> int:
    """The production report of the whole newsroom, computed as the desktop computes it."""
    from newsdesk.core.report_tables import check_suffix, heading, parse_period, report_tables
    from newsdesk.core.reports import production_report
    from newsdesk.core.rhythm import local_day
    from newsdesk.publish.report_files import write_report
    from newsdesk.store.reports import gather

    translate = catalogue.translate
    period = parse_period(args.first, args.last)
    if not isinstance(period, tuple):
        return _error(catalogue.render(period))
    if wrong := check_suffix(args.out.name, (".xlsx", ".csv")):
        return _error(catalogue.render(wrong))
    first, last = period
    with engine.connect() as conn:
        facts = gather(conn, first, last)
    report = production_report(
        facts, first, last, today=min(local_day(dt.datetime.now(dt.UTC)), last)
    )
    department = args.department or translate("cli", "New-media department")
    tables = report_tables(report, translate)
    write_report(
        args.out, heading(department, first, last, translate), tables, translate, args.table
    )
    _say(
        translate("cli", "Wrote the report of {first} to {last} to {path}.").format(
            first=first.isoformat(), last=last.isoformat(), path=args.out
        )
    )
    return 0


def _sources_command(
    args: argparse.Namespace, engine: Engine, keys: Keys, catalogue: Catalogue
) -> None:
    from newsdesk.sync import admin

    translate = catalogue.translate
    if args.sources_command == "add":
        source_id = admin.add_source(
            engine, keys, args.channel, args.name, args.url, args.kind, args.interval
        )
        _say(
            translate("cli", "Added the source “{name}” ({id}).").format(
                name=args.name, id=source_id
            )
        )
    elif args.sources_command in ("pause", "resume"):
        paused = args.sources_command == "pause"
        source = admin.set_paused(engine, keys, args.source, paused)
        done = (
            translate("cli", "Paused the source “{name}”.")
            if paused
            else translate("cli", "The source “{name}” is polled again.")
        )
        _say(done.format(name=source.name))
    else:
        for source, state in admin.list_sources(engine):
            if source.paused:
                standing = translate("cli", "paused")
            elif state is None or state.last_polled_at is None:
                standing = translate("cli", "not polled yet")
            elif state.last_error is not None:
                standing = translate(
                    "cli", "failed {count} time(s) in a row: {error}; next poll {when}"
                ).format(
                    count=state.failures,
                    error=catalogue.render(state.last_error),
                    when=_when(state.next_poll_at),
                )
            else:
                standing = translate("cli", "polled {when}").format(
                    when=_when(state.last_polled_at)
                )
            _say(f"{source.id}\t{source.name}\t{source.url}\t{standing}")


def _when(at: dt.datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M") if at is not None else "-"


def _verdict_text(verdict: Verdict, catalogue: Catalogue) -> str:
    """Why the audit log does not verify, for people."""
    translate = catalogue.translate
    problem = verdict.problem or ""
    if problem == "altered":
        return translate(
            "cli",
            "The audit log is broken at entry {seq}: it was changed after it was written (or "
            "signed with another audit key).",
        ).format(seq=verdict.seq)
    if problem == "missing":
        return translate(
            "cli", "The audit log is broken at entry {seq}: entries before it were removed."
        ).format(seq=verdict.seq)
    if problem == "truncated":
        return translate(
            "cli",
            "The audit log was cut short: it ends before entry {seq}, which the service "
            "recorded as written.",
        ).format(seq=verdict.seq)
    table, _, key = problem.removeprefix("ledger:").partition(":")
    return translate(
        "cli",
        "The database was changed outside the service: the {table} row {key} is not what the "
        "audit log recorded.",
    ).format(table=table, key=key)
