"""定时发布 by ``newsdesk-server serve``: a real service on 127.0.0.1 publishing a scheduled
article to a real HTTP endpoint with the token only it holds, exactly once across restarts
before and after the time; a correction before the time cancels the publication."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, select

from newsdesk.core.articles import current_hash
from newsdesk.core.ids import new_id
from newsdesk.core.model import Article, ArticleState
from newsdesk.core.mutation import Kind, mutation
from newsdesk.publish.publisher import PublishingSettings
from newsdesk.store.schedule import unsent
from newsdesk.store.world import DbWorld
from newsdesk.sync.audit import AUDIT
from newsdesk.sync.scheduler import SCHEDULER_LOGIN, BackgroundScheduler, Scheduling
from newsdesk.sync.service import Service
from tests.publish.receiver import Receiver, serve
from tests.sync.conftest import Newsroom, free_port, seed
from tests.sync.desks import FULL_CHECKLIST, Desk
from tests.sync.test_server_config import SERVER, server

# Long enough for the sign-off to be pushed and the service stopped before the time, even on a
# busy machine; the test checks that it was.
LEAD = dt.timedelta(seconds=3)
TOKEN = "server-only-token"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    yield from serve(0)


@pytest.fixture
def config(tmp_path: Path, database_url: str, receiver: Receiver) -> Path:
    path = tmp_path / "server.toml"
    path.write_text(
        f'database = "{database_url}"\n'
        "poll = false\n"
        "[publishing]\n"
        'folder = "published"\n'
        'site_name = "融媒体中心"\n'
        "every_seconds = 0.2\n"
        f'endpoints = {{ app = "{receiver.url}" }}\n'
        f'tokens = {{ app = "{TOKEN}" }}\n',
        encoding="utf-8",
    )
    return path


class ServerProcess:
    """``newsdesk-server serve --config FILE`` in a process of its own."""

    def __init__(self, config: Path) -> None:
        self.config = config
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [SERVER, "serve", "--config", str(self.config), "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self._answers)

    def _answers(self) -> bool:
        try:
            httpx.get(f"{self.url}/v1/health", timeout=1)
        except httpx.TransportError:
            return False
        return True

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(30)
            self.process = None


@pytest.fixture
def service(config: Path, engine: Engine) -> Iterator[ServerProcess]:
    del engine  # seeded by the room
    running = ServerProcess(config)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    from newsdesk.store.store import make_engine

    made = make_engine(database_url)
    yield made
    made.dispose()


@pytest.fixture
def room(engine: Engine) -> Newsroom:
    return seed(engine)


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited in vain"
        time.sleep(0.05)


def on_server(engine: Engine, article_id: str) -> Article:
    with engine.connect() as conn:
        found = DbWorld(conn).article(article_id)
    assert found is not None
    return found


def signed_off(url: str, folder: Path, room: Newsroom) -> tuple[Desk, Desk, str]:
    """An article of the one-level channel approved and ready, and the desks of its editor and
    its publisher (the reviewer's is closed)."""
    librarian = Desk(folder / "librarian", url, "librarian")
    article_id = librarian.write(room.library, title="古籍修复展下周开幕")
    librarian.submit(article_id)
    librarian.sync()
    reviewer = Desk(folder / "reviewer1", url, "reviewer1")
    reviewer.sync()
    assert reviewer.review(article_id, 1).accepted
    reviewer.sync()
    reviewer.close()
    publisher = Desk(folder / "publisher", url, "publisher")
    publisher.sync()
    return librarian, publisher, article_id


def schedule(publisher: Desk, article_id: str) -> dt.datetime:
    publish_at = dt.datetime.now(dt.UTC) + LEAD
    publisher.must(
        Kind.ARTICLE_SIGN_OFF,
        article_id,
        sign_off_id=new_id(),
        revision_hash=publisher.article(article_id).revision_hash,
        publish_at=publish_at.isoformat(),
    )
    publisher.sync()
    return publish_at


def delivery_recorded(engine: Engine) -> bool:
    with engine.connect() as conn:
        return not unsent(conn)


def wait_past(moment: dt.datetime) -> None:
    wait_for(lambda: dt.datetime.now(dt.UTC) > moment + dt.timedelta(milliseconds=300))


def test_published_exactly_once_across_restarts_before_and_after_the_time(
    service: ServerProcess, engine: Engine, room: Newsroom, receiver: Receiver, tmp_path: Path
) -> None:
    service.start()
    librarian, publisher, article_id = signed_off(service.url, tmp_path, room)
    try:
        publish_at = schedule(publisher, article_id)
        service.stop()
        assert dt.datetime.now(dt.UTC) < publish_at, "the machine was too slow for the test"
        assert on_server(engine, article_id).publish_at == publish_at
        wait_past(publish_at)
        assert receiver.requests == 0, "nothing goes out while the service is stopped"

        service.start()
        wait_for(lambda: on_server(engine, article_id).state == ArticleState.PUBLISHED)
        # Stopped between the endpoint's answer and the record of it, the service would deliver
        # again after the restart (at least once, under the same idempotency key: see
        # tests/publish/test_schedule.py); this restart comes after the record.
        wait_for(lambda: delivery_recorded(engine))
        published = on_server(engine, article_id)
        assert published.published_version == 1 and published.publish_at is None
        delivered = receiver.requests
        assert delivered == len(receiver.stored), "each file once"
        assert receiver.authorizations == {f"Bearer {TOKEN}"}
        with engine.connect() as conn:
            logged = conn.execute(
                select(AUDIT.c.actor_id).where(
                    AUDIT.c.login == SCHEDULER_LOGIN, AUDIT.c.event == "mutation"
                )
            ).all()
        assert logged == [(publisher.user_id,)]
        assert (config_folder(service) / "published" / "app").is_dir()

        service.stop()
        service.start()
        time.sleep(1)  # five of the service's rounds: none may publish it again
        assert receiver.requests == delivered
        assert on_server(engine, article_id).published_version == 1

        # The desks pull the publication like anyone's, made in the publisher's name; the
        # endpoint's token never reaches them.
        for desk in (publisher, librarian):
            desk.sync()
            assert desk.article(article_id).state == ArticleState.PUBLISHED
            with desk.workspace.store.world() as world:
                publications = list(world.publications(article_id))
            assert {p.publisher_id for p in publications} == {publisher.user_id}
            assert TOKEN not in json.dumps(list(desk.rows().values()), default=str)
    finally:
        librarian.close()
        publisher.close()


def config_folder(service: ServerProcess) -> Path:
    return service.config.parent


def test_a_correction_before_the_time_cancels_the_publication(
    service: ServerProcess, engine: Engine, room: Newsroom, receiver: Receiver, tmp_path: Path
) -> None:
    service.start()
    librarian, publisher, article_id = signed_off(service.url, tmp_path, room)
    try:
        publish_at = schedule(publisher, article_id)
        librarian.sync()
        librarian.must(Kind.ARTICLE_CORRECT, article_id)
        librarian.sync()
        assert dt.datetime.now(dt.UTC) < publish_at, "the machine was too slow for the test"
        assert on_server(engine, article_id).publish_at is None
        wait_past(publish_at)
        time.sleep(1)  # five of the service's rounds after the time
        assert receiver.requests == 0
        after = on_server(engine, article_id)
        assert after.state == ArticleState.DRAFT and after.published_version == 0
        publisher.sync()
        assert publisher.article(article_id).publish_at is None
    finally:
        librarian.close()
        publisher.close()


@pytest.mark.parametrize(
    ("publishing", "named"),
    [
        ('endpoints = { app = "ftp://app.example.cn" }', "ftp://app.example.cn"),
        ('tokens = "secret"', "publishing.tokens"),
        ("every_seconds = 0", "publishing.every_seconds"),
        ('endpoint = { app = "https://app.example.cn" }', "publishing.endpoint"),
        ('endpoints = { radio = "https://radio.example.cn" }', "radio"),
    ],
)
def test_a_publishing_section_that_cannot_be_used_is_refused_naming_the_field(
    tmp_path: Path, publishing: str, named: str
) -> None:
    config = tmp_path / "server.toml"
    config.write_text(
        f'database = "sqlite:///{tmp_path / "none.db"}"\n[publishing]\n{publishing}\n',
        encoding="utf-8",
    )
    refused = server("serve", "--config", str(config))
    assert refused.returncode == 2
    assert str(config) in refused.stderr and named in refused.stderr, refused.stderr
    assert not (tmp_path / "none.db").exists()


def test_files_an_endpoint_refused_are_sent_again_each_round_until_they_arrive(
    engine: Engine, room: Newsroom, receiver: Receiver, tmp_path: Path
) -> None:
    running = Service(engine)
    users = room.users
    article_id = new_id()
    publish_at = dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)

    def by(login: str, kind: Kind, **args: object) -> None:
        [applied] = running.ledger.administer([mutation(users[login], kind, article_id, **args)])
        assert applied.accepted, applied.outcome

    by("librarian", Kind.ARTICLE_CREATE, channel_id=room.library, title="闭馆通知")
    by(
        "librarian",
        Kind.ARTICLE_SUBMIT,
        revision_id=new_id(),
        content_hash=current_hash(on_server(engine, article_id)),
    )
    by(
        "reviewer1",
        Kind.ARTICLE_REVIEW,
        decision_id=new_id(),
        revision_hash=on_server(engine, article_id).revision_hash,
        level=1,
        verdict="approve",
        checked=FULL_CHECKLIST,
    )
    by(
        "publisher",
        Kind.ARTICLE_SIGN_OFF,
        sign_off_id=new_id(),
        revision_hash=on_server(engine, article_id).revision_hash,
        publish_at=publish_at.isoformat(),
    )
    settings = PublishingSettings(endpoints={"app": receiver.url})
    scheduler = BackgroundScheduler(running, Scheduling(settings, 30, tmp_path / "service"))
    scheduler.publisher.attempts = 1
    receiver.failures = -1  # down
    scheduler.round(publish_at)
    assert on_server(engine, article_id).state == ArticleState.PUBLISHED
    assert receiver.stored == {} and scheduler.publisher.failed()
    receiver.failures = 0  # back up
    scheduler.round(publish_at + dt.timedelta(seconds=30))
    assert receiver.stored and scheduler.publisher.failed() == []
    requests = receiver.requests
    scheduler.round(publish_at + dt.timedelta(seconds=60))
    assert receiver.requests == requests
    assert (tmp_path / "service" / "export" / "app").is_dir()
