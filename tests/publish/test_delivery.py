"""Delivery to a folder and by HTTP POST to a real local server that fails, then recovers."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from newsdesk.core.model import Target
from newsdesk.publish.delivery import FolderDelivery, HttpDelivery, idempotency_key
from newsdesk.publish.export import Written
from tests.publish.receiver import Receiver, serve

FILES = [
    Written(Target.PC, "pc/news/a1.html", "<p>城市书房</p>".encode()),
    Written(Target.APP, "app/news/a1.json", b'{"uri": "https://x.cn/a1"}'),
]


@pytest.fixture
def flaky() -> Iterator[Receiver]:
    yield from serve(2)


@pytest.fixture
def broken() -> Iterator[Receiver]:
    yield from serve(-1)


def test_a_flaky_endpoint_gets_each_file_exactly_once(flaky: Receiver) -> None:
    waits: list[float] = []
    with httpx.Client(timeout=5) as client:
        delivery = HttpDelivery(flaky.url, client, attempts=5, backoff=0.01, sleep=waits.append)
        first = delivery.deliver("a1", 1, FILES)
        again = delivery.deliver("a1", 1, FILES)  # a repeated delivery of the same version
    assert [r.ok for r in first + again] == [True] * 4
    assert first[0].attempts == 3 and first[1].attempts == 1
    assert waits == [0.01, 0.02]
    assert len(flaky.stored) == len(FILES)
    for file in FILES:
        stored = flaky.stored[idempotency_key("a1", 1, file.target, file.path)]
        assert stored["path"] == file.path and stored["target"] == file.target.value
        assert base64.b64decode(str(stored["content_base64"])) == file.data


def test_a_new_version_is_a_new_key() -> None:
    assert idempotency_key("a1", 1, "pc", "p") != idempotency_key("a1", 2, "pc", "p")


def test_a_permanently_failing_endpoint_is_reported(broken: Receiver) -> None:
    with httpx.Client(timeout=5) as client:
        results = HttpDelivery(broken.url, client, attempts=3, sleep=lambda _: None).deliver(
            "a1", 1, FILES
        )
    assert [r.ok for r in results] == [False, False]
    assert all(r.attempts == 3 and "503" in r.reason for r in results)
    assert broken.stored == {}


def test_an_unreachable_endpoint_is_reported() -> None:
    server = Receiver(0)
    url = server.url
    server.server_close()  # nothing listens on the port any more
    with httpx.Client(timeout=2) as client:
        [result] = HttpDelivery(url, client, attempts=2, sleep=lambda _: None).deliver(
            "a1", 1, FILES[:1]
        )
    assert not result.ok and result.attempts == 2 and "ConnectError" in result.reason


def test_folder_delivery_copies_and_leaves_equal_files_alone(tmp_path: Path) -> None:
    delivery = FolderDelivery(tmp_path)
    assert all(r.ok for r in delivery.deliver("a1", 1, FILES))
    first = tmp_path / FILES[0].path
    before = first.stat().st_mtime_ns
    assert all(r.ok for r in delivery.deliver("a1", 1, FILES))
    assert first.stat().st_mtime_ns == before
    assert first.read_bytes() == FILES[0].data


def test_folder_delivery_reports_a_file_it_cannot_write(tmp_path: Path) -> None:
    (tmp_path / "pc").write_text("a file where a folder should be")
    [result] = FolderDelivery(tmp_path).deliver("a1", 1, FILES[:1])
    assert not result.ok and result.reason
