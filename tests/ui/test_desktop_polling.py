"""A desktop without a sync service polls its sources itself: feeds fetched on asyncio under
qasync, the database touched only on its own thread, leads applied as the user's changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from newsdesk.core.model import Lead
from newsdesk.core.mutation import Kind
from newsdesk.core.world import Area
from newsdesk.ingest import web
from newsdesk.ingest.poller import Report
from newsdesk.store.codec import TABLES
from newsdesk.ui.leads.polling import DesktopPolling
from newsdesk.ui.session import Session
from tests.ui.conftest import until
from tests.websites import Route, serving

FEEDS = Path(__file__).parent.parent / "ingest" / "feeds"


def lead_titles(session: Session) -> list[str]:
    with session.workspace.store.engine.connect() as conn:
        return sorted(conn.execute(select(TABLES[Lead].c.title)).scalars())


def test_a_chiefs_desktop_polls_its_sources_into_leads(
    sign_in: Callable[[str], Session], run: Any
) -> None:
    session = sign_in("chief")
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
        polling = DesktopPolling(session, web.Policy(allow_private=True))
        assert polling.may_poll

        async def poll() -> tuple[Report, list[str]]:
            await until(lambda: any(Area.SOURCES in areas for areas in heard))
            round_ = polling.poll_now()
            assert round_ is not None and polling.poll_now() is round_  # one round at a time
            report = await round_
            await until(lambda: any(Area.LEADS in areas for areas in heard))
            return report, await session.runner.call(lambda: lead_titles(session))

        report, titles = run(poll())
        polling.stop()
    assert report == Report(polled=1, items=2)
    assert titles == [
        "【#寒潮预警#】中央气象台发布寒潮蓝色预警",
        "没有标题的微博，以正文开头作标题",
    ]


def test_an_editors_desktop_polls_nothing(sign_in: Callable[[str], Session]) -> None:
    assert not DesktopPolling(sign_in("editor")).may_poll
    assert DesktopPolling(sign_in("admin")).may_poll
