"""A desktop without a sync service polls its sources itself: each round a job on the network
thread, the database touched only on its own thread (the store refuses any other), the leads
applied as the user's changes and announced to the screens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Connection, select

from newsdesk.core.model import Lead
from newsdesk.core.mutation import Kind
from newsdesk.core.world import Area
from newsdesk.ingest import web
from newsdesk.ingest.poller import Report
from newsdesk.store.codec import TABLES
from newsdesk.ui.leads.polling import DesktopPolling
from newsdesk.ui.session import Session
from tests.websites import Route, serving

FEEDS = Path(__file__).parent.parent / "ingest" / "feeds"


def lead_titles(conn: Connection) -> list[str]:
    return sorted(conn.execute(select(TABLES[Lead].c.title)).scalars())


def test_a_chiefs_desktop_polls_its_sources_into_leads_off_the_ui_thread(
    qtbot: QtBot, sign_in: Callable[[str], Session]
) -> None:
    session = sign_in("chief")
    session.workspace.store.confine(session.runner.on_its_thread)
    channel = sorted(session.actor.channels())[0]
    heard: list[frozenset[Area]] = []
    session.changed.connect(lambda areas, _initiator: heard.append(areas))
    with serving() as site:
        site.routes["/feed"] = Route((FEEDS / "feed.json").read_bytes(), etag='"j1"')
        session.apply(
            [
                session.mutation(
                    Kind.SOURCE_ADD,
                    channel_id=channel,
                    name="微博桥接",
                    url=site.url + "/feed",
                    kind="json",
                )
            ]
        )
        qtbot.waitUntil(lambda: any(Area.SOURCES in areas for areas in heard))
        polling = DesktopPolling(session, web.Policy(allow_private=True))
        assert polling.may_poll
        reports: list[Report] = []
        polling.polled.connect(reports.append)
        assert polling.poll_now()
        assert not polling.poll_now()  # one round at a time
        qtbot.waitUntil(lambda: bool(reports), timeout=15_000)
        assert reports == [Report(polled=1, items=2)]
        qtbot.waitUntil(lambda: any(Area.LEADS in areas for areas in heard))
        assert polling.poll_now()  # not due again: nothing fetched
        qtbot.waitUntil(lambda: len(reports) == 2, timeout=15_000)
        assert reports[1] == Report()
        polling.stop()
    titles: list[list[str]] = []
    session.read(lead_titles, titles.append)
    qtbot.waitUntil(lambda: bool(titles))
    assert titles == [
        ["【#寒潮预警#】中央气象台发布寒潮蓝色预警", "没有标题的微博，以正文开头作标题"]
    ]


def test_an_editors_desktop_polls_nothing(sign_in: Callable[[str], Session]) -> None:
    assert not DesktopPolling(sign_in("editor")).may_poll
    assert DesktopPolling(sign_in("admin")).may_poll
