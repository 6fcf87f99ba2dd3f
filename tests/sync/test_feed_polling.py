"""``newsdesk-server serve`` polling a real feed site on 127.0.0.1, and desktops pulling the
leads it found; ``newsdesk-server sources`` as an administrator uses it."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from newsdesk.core.model import Lead
from newsdesk.store.apply import MUTATIONS
from newsdesk.store.codec import TABLES
from newsdesk.sync.audit import AUDIT
from tests.sync.conftest import free_port, seed
from tests.sync.desks import Desk
from tests.sync.test_server_cli import _serve, server
from tests.websites import Route, Site, serving

FEEDS = Path(__file__).parent.parent / "ingest" / "feeds"


@pytest.fixture
def site() -> Iterator[Site]:
    with serving() as serving_site:
        serving_site.routes["/feed"] = Route(
            (FEEDS / "rss_gbk.xml").read_text(encoding="utf-8").encode("gbk"),
            headers={"Content-Type": "application/rss+xml"},
            etag='"v1"',
        )
        yield serving_site


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited in vain"
        time.sleep(0.1)


def subscribe(database_url: str, site: Site) -> None:
    added = server(
        "sources", "add", "--db", database_url, "--channel", "新闻", "--name", "融媒体中心",
        "--url", site.url + "/feed", "--interval", "5",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "Added the source “融媒体中心”" in added.stdout


def test_the_service_polls_and_two_desktops_pull_each_lead_once(
    engine: Engine, database_url: str, site: Site, tmp_path: Path
) -> None:
    seed(engine)
    subscribe(database_url, site)
    listed = server("sources", "list", "--db", database_url)
    assert "融媒体中心" in listed.stdout and "not polled yet" in listed.stdout
    port = free_port()
    process = _serve(database_url, port, "--allow-private-feeds", "--poll-seconds", "0.2")
    try:
        with engine.connect() as conn:
            wait_for(lambda: len(conn.execute(select(TABLES[Lead])).all()) == 2)
        url = f"http://127.0.0.1:{port}"
        desks = [Desk(tmp_path / login, url, login) for login in ("editor", "reviewer1")]
        try:
            for desk in desks:
                desk.sync()
                leads = sorted(
                    row["title"] for (table, _), row in desk.rows().items() if table == "leads"
                )
                assert leads == ["我市启动暴雨Ⅳ级应急响应", "镕基路段施工期间绕行提示"]
        finally:
            for desk in desks:
                desk.close()
    finally:
        process.terminate()
        process.wait(30)
    with engine.connect() as conn:
        kinds = conn.execute(select(MUTATIONS.c.kind).where(MUTATIONS.c.kind == "lead.add")).all()
        audited = conn.execute(select(AUDIT.c.login).where(AUDIT.c.login == "newsdesk-poller"))
        assert len(kinds) == 2 and audited.first() is not None
    listed = server("sources", "list", "--db", database_url)
    assert "polled 20" in listed.stdout


def test_an_intranet_feed_needs_the_administrators_permission(
    engine: Engine, database_url: str, site: Site
) -> None:
    seed(engine)
    subscribe(database_url, site)
    port = free_port()
    process = _serve(database_url, port, "--poll-seconds", "0.2")
    try:
        wait_for(
            lambda: "private network" in server("sources", "list", "--db", database_url).stdout
        )
    finally:
        process.terminate()
        process.wait(30)
    assert site.conditions == []


def test_sources_are_paused_resumed_and_checked_from_the_command_line(
    engine: Engine, database_url: str, site: Site
) -> None:
    seed(engine)
    too_often = server(
        "sources", "add", "--db", database_url, "--channel", "新闻", "--name", "快",
        "--url", site.url + "/feed", "--interval", "3",
    )  # fmt: skip
    assert too_often.returncode == 2 and "between 5 and" in too_often.stderr
    no_channel = server(
        "sources", "add", "--db", database_url, "--channel", "体育", "--name", "快",
        "--url", site.url + "/feed",
    )  # fmt: skip
    assert no_channel.returncode == 2 and "There is no channel “体育”" in no_channel.stderr
    subscribe(database_url, site)
    paused = server("sources", "pause", "--db", database_url, "融媒体中心")
    assert paused.returncode == 0 and "Paused" in paused.stdout
    assert "paused" in server("sources", "list", "--db", database_url).stdout
    resumed = server("sources", "resume", "--db", database_url, "融媒体中心")
    assert resumed.returncode == 0
    assert "not polled yet" in server("sources", "list", "--db", database_url).stdout
    missing = server("sources", "pause", "--db", database_url, "没有这个")
    assert missing.returncode == 2 and "There is no source “没有这个”." in missing.stderr
