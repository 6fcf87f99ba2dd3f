"""The desktop's command line, ``newsdesk`` (the service's is ``newsdesk.sync.cli``)."""

from __future__ import annotations

# The store, with SQLAlchemy's two hundred modules, loads before Qt: once imported, PySide6 reads
# the source of every module imported after it (looking for its __feature__ switches), which cost
# some 50 ms of each start.
from newsdesk.store.workspace import (
    DB_NAME,
    DEMO_SETTING,
    Workspace,
    WorkspaceError,
    default_location,
    disk_full,
    disk_full_error,
)

# isort: split
import argparse
import dataclasses
import datetime as dt
import os
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from sqlalchemy.exc import DBAPIError

from newsdesk import __version__
from newsdesk.core.ids import is_safe_id
from newsdesk.core.labels import label
from newsdesk.core.refusal import Refusal
from newsdesk.core.report_tables import TABLE_KEYS
from newsdesk.preset import preset_language
from newsdesk.ui.i18n import choose_language, install_translators, translated
from newsdesk.ui.page_names import EDITOR_PAGE, PAGE_NAMES

if TYPE_CHECKING:
    from newsdesk.demo import DemoLogin


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdesk", description="Newsdesk (采编台)")
    parser.add_argument("--version", action="version", version=f"Newsdesk {__version__}")
    parser.add_argument("--workspace", type=Path, help="the workspace folder to open")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language of the interface")
    parser.add_argument("--user", help="sign in as this login without asking (with --smoke)")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="open the window, wait for the first paint, report the time, exit",
    )
    parser.add_argument("--page", choices=[*PAGE_NAMES, EDITOR_PAGE], help="the page to show first")
    parser.add_argument("--article", help="with --page editor: the article to open")
    parser.add_argument("--screenshot", type=Path, help="with --smoke: save the window as PNG")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (fonts, translations, database, server…), one line per "
        "check; exit status 1 if any failed",
    )
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser("demo", help="create the demo newsroom and open it")
    demo.add_argument(
        "--workspace",
        type=Path,
        dest="demo_workspace",
        help="where to create it (default: a demo folder in your data directory)",
    )
    demo.add_argument(
        "--size",
        choices=["small", "large"],
        default="small",
        help="large makes 10,000 proposals and articles, for benchmarks",
    )
    demo.add_argument("--no-gui", action="store_true", help="create it, but do not open the app")
    publish = commands.add_parser("publish", help="publish a signed-off article and export it")
    publish.add_argument("--workspace", type=Path, dest="command_workspace", required=True)
    publish.add_argument("--article", dest="publish_article", required=True, help="article id")
    publish.add_argument(
        "--out", type=Path, help="the output folder (default: the workspace's publishing settings)"
    )
    publish.add_argument("--as", dest="login", default="publisher", help="the publisher's login")
    publish.add_argument("--note", default="", help="for a correction: what was corrected")
    export = commands.add_parser("export", help="export every published article to a folder")
    export.add_argument("--workspace", type=Path, dest="command_workspace", required=True)
    export.add_argument("--out", type=Path, required=True, help="the output folder")
    export.add_argument("--target", default="pc,wap,app", help="comma-separated: pc,wap,app")
    export.add_argument(
        "--since", type=dt.date.fromisoformat, help="only articles published since YYYY-MM-DD"
    )
    export.add_argument(
        "--base-url",
        help="the site's address, e.g. https://news.example.cn/ (the app's documents are named "
        "by it; default: the workspace's publishing settings)",
    )
    repost = commands.add_parser(
        "repost", help="make repost (转载) articles from web addresses, images included"
    )
    repost.add_argument("--workspace", type=Path, dest="command_workspace", required=True)
    repost.add_argument("--as", dest="login", required=True, help="the editor's login")
    repost.add_argument("--channel", required=True, help="the channel's name")
    repost.add_argument(
        "--allow-private",
        action="store_true",
        help="allow addresses on this computer and the private network (an intranet); an "
        "administrator's decision",
    )
    repost.add_argument("urls", nargs="+", metavar="URL")
    report = commands.add_parser(
        "report", help="the production report of a period, to an XLSX, PDF or CSV file"
    )
    report.add_argument("--workspace", type=Path, dest="command_workspace", required=True)
    report.add_argument("--from", dest="first", required=True, help="the first day, YYYY-MM-DD")
    report.add_argument("--to", dest="last", required=True, help="the last day, YYYY-MM-DD")
    report.add_argument("--out", type=Path, required=True, help="FILE.xlsx, FILE.pdf or FILE.csv")
    report.add_argument(
        "--table",
        choices=TABLE_KEYS,
        default="channels",
        help="for a CSV file: which table (default: channels)",
    )
    report.add_argument(
        "--as",
        dest="login",
        help="count only what this user may see (default: everything in the workspace)",
    )
    report.add_argument("--department", help="the department's name, over every page")
    return parser


def _say(text: str) -> None:
    print(text, flush=True)


def _error(text: str) -> int:
    print(text, file=sys.stderr, flush=True)
    return 2


def describe_roles(entry: DemoLogin) -> str:
    """What a demo user may do, e.g. "Editor: 新闻、文化; First review: 图书馆"."""
    if entry.is_admin:
        return QCoreApplication.translate("cli", "Administrator (users, channels and roles)")
    return QCoreApplication.translate("cli", "; ").join(
        QCoreApplication.translate("cli", "{role}: {channels}").format(
            role=translated(label(role)), channels="、".join(channels)
        )
        for role, channels in entry.roles
    )


def _holds_demo(folder: Path) -> bool:
    """Whether ``folder`` holds a demo newsroom (and not someone's real workspace)."""
    try:
        with Workspace.open(folder) as workspace:
            return workspace.store.setting(DEMO_SETTING) is not None
    except WorkspaceError:
        return False


def run_demo(args: argparse.Namespace) -> int:
    # Imported here: the demo builder (and Pillow) would slow every start of the desktop.
    from newsdesk.demo import DEMO_PASSWORD, build_demo

    folder: Path = (args.demo_workspace or default_location().with_name("demo")).expanduser()
    if (folder / DB_NAME).exists():
        # The default demo folder is the demo's own; elsewhere only a demo is opened again.
        if args.demo_workspace is not None and not _holds_demo(folder):
            return _error(
                QCoreApplication.translate(
                    "cli", "{path} already holds a workspace; choose another folder for the demo."
                ).format(path=folder)
            )
        # The demo made by an earlier run: open it again (the README's command is run twice).
        _say(
            QCoreApplication.translate("cli", "Opening the demo newsroom in {path}.").format(
                path=folder
            )
        )
        args.workspace = folder
        return 0
    started = time.perf_counter()
    _say(
        QCoreApplication.translate("cli", "Creating the demo newsroom in {path} …").format(
            path=folder
        )
    )
    # Built beside its place and moved there when complete: a failure (a full disk) leaves
    # nothing half-made that a second run would take for a workspace.
    partial = folder.with_name(f".{folder.name}.partial-{os.getpid()}")
    try:
        with Workspace.open(partial, create=True) as workspace:
            summary = build_demo(
                workspace,
                args.size,
                progress=lambda step: print(f"  {translated(step)}", file=sys.stderr),
            )
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
        partial.rename(folder)
    except WorkspaceError as error:
        shutil.rmtree(partial, ignore_errors=True)
        return _error(translated(error.message))
    except (OSError, DBAPIError) as error:
        shutil.rmtree(partial, ignore_errors=True)
        if not disk_full(error):
            raise
        return _error(translated(disk_full_error(folder).message))
    _say(
        QCoreApplication.translate(
            "cli",
            "Created {channels} channels, {users} users, {proposals} proposals and {articles} "
            "articles ({published} published), {attachments} images, in {seconds:.1f} s.",
        ).format(
            channels=summary.channels,
            users=summary.users,
            proposals=summary.proposals,
            articles=summary.articles,
            published=summary.published,
            attachments=summary.attachments,
            seconds=time.perf_counter() - started,
        )
    )
    _say(
        QCoreApplication.translate(
            "cli", "Sign in as any of these users; every demo password is “{password}”:"
        ).format(password=DEMO_PASSWORD)
    )
    for entry in summary.logins:
        _say(f"  {entry.login:<11} {entry.name:<6}  {describe_roles(entry)}")
    args.workspace = folder
    return 0


def _site_name() -> str:
    return QCoreApplication.translate("cli", "Newsdesk")


def run_publish(args: argparse.Namespace) -> int:
    """``newsdesk publish``: 0 when published and delivered, 2 with the reason when refused,
    1 when a delivery failed (it is remembered for a retry)."""
    from newsdesk.publish.publisher import Publisher, load_settings

    unknown_article = QCoreApplication.translate(
        "cli", "There is no article “{id}” in this workspace."
    ).format(id=args.publish_article)
    if not is_safe_id(args.publish_article):
        return _error(unknown_article)
    try:
        with Workspace.open(args.command_workspace) as workspace:
            with workspace.store.world() as world:
                user = world.user_by_login(args.login)
                article = world.article(args.publish_article)
            if user is None:
                return _error(
                    QCoreApplication.translate("cli", "There is no user “{login}”.").format(
                        login=args.login
                    )
                )
            if article is None:
                return _error(unknown_article)
            settings = load_settings(workspace)
            if args.out is not None:
                settings = dataclasses.replace(settings, folder=str(args.out.resolve()))
            publisher = Publisher(workspace, settings, default_site_name=_site_name())
            report = publisher.publish(user.id, args.publish_article, args.note)
    except WorkspaceError as error:
        return _error(translated(error.message))
    except (OSError, DBAPIError) as error:
        if not disk_full(error):
            raise
        return _error(translated(disk_full_error(args.command_workspace).message))
    outcome = report.applied.outcome if report.applied else None
    if isinstance(outcome, Refusal):
        reason = translated(outcome.message)
        return _error(
            QCoreApplication.translate("cli", "Not published: {reason}").format(reason=reason)
        )
    for file in report.written:
        _say(f"  {file.path}")
    _say(
        QCoreApplication.translate("cli", "Published; wrote {count} files to {path}.").format(
            count=len(report.written), path=publisher.out
        )
    )
    for failure in report.failures:
        _error(
            QCoreApplication.translate("cli", "Not delivered: {path} ({reason})").format(
                path=failure.path, reason=failure.reason
            )
        )
    return 1 if report.failures else 0


def run_export(args: argparse.Namespace) -> int:
    """``newsdesk export``: every published article and retraction notice, to ``--out``; 1 when
    some article could not be written (each is named), 2 when nothing could be done."""
    from newsdesk.core.model import Target
    from newsdesk.publish.export import Exporter
    from newsdesk.publish.pages import SiteInfo, Templates
    from newsdesk.publish.publisher import load_settings

    try:
        targets = {Target(name.strip()) for name in args.target.split(",") if name.strip()}
    except ValueError:
        return _error(
            QCoreApplication.translate(
                "cli", "Unknown target in “{targets}”; use pc, wap, app."
            ).format(targets=args.target)
        )
    started = time.perf_counter()
    try:
        with Workspace.open(args.command_workspace) as workspace:
            base_url = args.base_url or load_settings(workspace).base_url
            if Target.APP in targets and not base_url:
                return _error(
                    QCoreApplication.translate(
                        "cli",
                        "Give the site's address with --base-url (https://…): the app's "
                        "documents name each article by it.",
                    )
                )
            if base_url and not base_url.startswith(("http://", "https://")):
                return _error(
                    QCoreApplication.translate(
                        "cli", "The site's address “{url}” must start with http:// or https://."
                    ).format(url=base_url)
                )
            site = SiteInfo(name=_site_name(), base_url=base_url or None)
            with Exporter(workspace, args.out, site, Templates()) as exporter:
                articles = exporter.published_ids(args.since)
                written = exporter.export_all(targets, args.since)
                failures = exporter.failures
            workspace.store.note(
                "export", out=str(args.out), files=len(written), failed=len(failures)
            )
    except WorkspaceError as error:
        return _error(translated(error.message))
    except (OSError, DBAPIError) as error:
        if not disk_full(error):
            raise
        return _error(translated(disk_full_error(args.out).message))
    for file in written:
        _say(f"  {file.path}")
    _say(
        QCoreApplication.translate(
            "cli", "Exported {articles} articles: {files} files in {path}, in {seconds:.1f} s."
        ).format(
            articles=len(articles) - len(failures),
            files=len(written),
            path=args.out,
            seconds=time.perf_counter() - started,
        )
    )
    for failure in failures:
        _error(
            QCoreApplication.translate("cli", "Not exported: article {id} ({reason})").format(
                id=failure.article_id, reason=failure.reason
            )
        )
    return 1 if failures else 0


def run_repost(args: argparse.Namespace) -> int:
    """``newsdesk repost``: one line per address (the new article, or why not); 0 when all
    became articles, 1 when any did not, 2 when the workspace, user or channel is wrong."""
    from newsdesk.ingest.repost import Outcome, reposted_lines

    translate = QCoreApplication.translate
    try:
        with Workspace.open(args.command_workspace) as workspace:
            with workspace.store.world() as world:
                user = world.user_by_login(args.login)
                channel = world.channel_by_name(args.channel)
            if user is None:
                return _error(
                    translate("cli", "There is no user “{login}”.").format(login=args.login)
                )
            if channel is None:
                return _error(
                    translate("cli", "There is no channel “{name}”.").format(name=args.channel)
                )
            failed = False
            for line in reposted_lines(
                workspace, user.id, channel.id, args.urls, allow_private=args.allow_private
            ):
                failed = failed or line.outcome is Outcome.FAILED
                text = translated(line.message)
                out = sys.stdout if line.outcome is Outcome.REPOSTED else sys.stderr
                print(text, file=out, flush=True)
    except WorkspaceError as error:
        return _error(translated(error.message))
    return 1 if failed else 0


def _translate(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


def run_report(args: argparse.Namespace) -> int:
    """``newsdesk report``: the production report of ``--from`` to ``--to`` in ``--out``; 2 with
    the reason when a date, the file's extension or the workspace is wrong."""
    from newsdesk.core.actor import Actor
    from newsdesk.core.report_tables import check_suffix, heading, parse_period, report_tables
    from newsdesk.core.reports import Scope, production_report
    from newsdesk.core.rhythm import local_day
    from newsdesk.publish.report_files import SUFFIXES, write_report
    from newsdesk.store.reports import gather

    period = parse_period(args.first, args.last)
    if not isinstance(period, tuple):
        return _error(translated(period))
    if wrong := check_suffix(args.out.name, SUFFIXES):
        return _error(translated(wrong))
    first, last = period
    started = time.perf_counter()
    try:
        with Workspace.open(args.command_workspace) as workspace:
            viewer: Actor | None = None
            if args.login:
                with workspace.store.world() as world:
                    user = world.user_by_login(args.login)
                    if user is None:
                        return _error(
                            QCoreApplication.translate("cli", "There is no user “{login}”.").format(
                                login=args.login
                            )
                        )
                    viewer = Actor.of(user, world.grants_of(user.id))
            with workspace.store.engine.connect() as conn:
                facts = gather(conn, first, last)
    except WorkspaceError as error:
        return _error(translated(error.message))
    today = min(local_day(dt.datetime.now(dt.UTC)), last)
    report = production_report(facts, first, last, scope=Scope.of(viewer), today=today)
    department = args.department or QCoreApplication.translate("cli", "New-media department")
    title = heading(department, first, last, _translate)
    tables = report_tables(report, _translate)
    if args.out.suffix.lower() == ".pdf":
        from newsdesk.ui.stats.report_pdf import write_pdf

        write_pdf(args.out, title, report, tables)
    else:
        write_report(args.out, title, tables, _translate, args.table)
    _say(
        QCoreApplication.translate(
            "cli", "Wrote the report of {first} to {last} to {path} in {seconds:.1f} s."
        ).format(
            first=first.isoformat(),
            last=last.isoformat(),
            path=args.out,
            seconds=time.perf_counter() - started,
        )
    )
    return 0


def _has_display() -> bool:
    """Whether Qt can open a window (on Linux it needs X11 or Wayland, unless told otherwise)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from newsdesk.ui.self_test import run_self_test

        return run_self_test(args.lang or preset_language(), has_display=_has_display())
    if args.smoke and not args.user:
        print("newsdesk: --smoke needs --user LOGIN", file=sys.stderr)
        return 2
    gui = args.command is None or (args.command == "demo" and not args.no_gui)
    if gui and args.smoke and not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if gui and not args.smoke and not _has_display():
        app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
        app.setProperty(
            "newsdesk_translators",
            install_translators(app, choose_language(args.lang or preset_language())),
        )
        return _error(
            QCoreApplication.translate(
                "cli",
                "No display found: the desktop window needs a graphical session. Use "
                "“newsdesk demo --no-gui” to only create the demo, or --smoke to check the window "
                "without a display.",
            )
        )
    drawn = args.command == "report" and args.out.suffix.lower() == ".pdf"
    if drawn and not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    existing = QCoreApplication.instance()
    app = existing or (
        QApplication(sys.argv[:1]) if gui or drawn else QCoreApplication(sys.argv[:1])
    )
    app.setProperty(
        "newsdesk_translators",
        install_translators(app, choose_language(args.lang or preset_language())),
    )
    if args.command == "publish":
        return run_publish(args)
    if args.command == "export":
        return run_export(args)
    if args.command == "repost":
        return run_repost(args)
    if args.command == "report":
        return run_report(args)
    if args.command == "demo":
        status = run_demo(args)
        if status != 0 or args.no_gui:
            return status
    from newsdesk.ui.app import run

    return run(args)
