"""One version number, from the package metadata, and a service that refuses desktops older than
it serves (426) in words the desktop shows: update, your work is kept meanwhile."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from newsdesk import __version__
from newsdesk.core.i18n import Message
from newsdesk.store.store import make_engine
from newsdesk.store.workspace import Workspace
from newsdesk.sync import protocol
from newsdesk.sync.client import State, SyncClient, SyncLoop, SyncStatus, UpdateNeededError
from newsdesk.sync.replica import Replica
from newsdesk.sync.server import create_app
from newsdesk.sync.service import Service
from tests.sync.conftest import PASSWORD, Api, LiveServer, Newsroom, seed
from tests.sync.desks import Desk

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def english(message: Message | None) -> str:
    assert message is not None
    return message.render()


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    made = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    yield made
    made.dispose()


@pytest.fixture
def room(engine: Engine) -> Newsroom:
    return seed(engine)


def test_the_package_is_the_one_source_of_the_version() -> None:
    """pyproject.toml takes the version from the package, and the installed metadata (what the
    installers and pip show) says the same."""
    with (ROOT / "pyproject.toml").open("rb") as file:
        pyproject = tomllib.load(file)
    assert "version" not in pyproject["project"] and "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "newsdesk.__version__"}
    assert version("newsdesk") == __version__


@pytest.mark.parametrize(
    ("command", "name"), [("newsdesk", "Newsdesk"), ("newsdesk-server", "newsdesk-server")]
)
def test_both_commands_say_their_version(command: str, name: str) -> None:
    done = subprocess.run(
        [str(BIN / command), "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{name} {__version__}"


def test_versions_compare_by_their_numbers() -> None:
    key = protocol.version_key
    assert key("1.2") == key("1.2.0") == key("1.2.0+deb1")
    assert key("1.10.0") > key("1.9.9") > key("1.9")
    assert key("0+unknown") < key("0.0.1")
    for bad in ("", "1.x", "v1.2", "1..2", "١.٢"):
        with pytest.raises(ValueError, match="not a version"):
            key(bad)


def test_a_service_refuses_a_minimum_that_is_not_a_version(engine: Engine) -> None:
    with pytest.raises(ValueError, match="not a version"):
        create_app(Service(engine), min_desktop="latest")


def test_a_desktop_older_than_the_service_serves_is_told_to_update(
    engine: Engine, room: Newsroom, tmp_path: Path
) -> None:
    del room
    with LiveServer(engine, min_desktop="999.0") as gated:
        health = httpx.get(f"{gated.url}/v1/health", headers={"Newsdesk-Version": "0.0.1"})
        assert health.status_code == 200  # an old desktop still learns the server is there
        workspace = Workspace.open(tmp_path / "desk", create=True)

        async def sign_in() -> None:
            client = SyncClient(Replica(workspace.store), gated.url)
            try:
                await client.sign_in("editor", PASSWORD)
            finally:
                await client.close()

        try:
            with pytest.raises(UpdateNeededError) as refused:
                asyncio.run(sign_in())
        finally:
            workspace.close()
        said = english(refused.value.message)
        assert "does not serve this version" in said and "IT department" in said
        assert f"needs Newsdesk 999.0 or newer; this desktop runs {__version__}" in said
        # Scripts and other API clients name no version: the protocol check guards them.
        Api(gated.url, "editor").close()


def test_a_desktop_at_the_minimum_is_served(engine: Engine, room: Newsroom, tmp_path: Path) -> None:
    del room
    with LiveServer(engine, min_desktop=__version__) as gated:
        desk = Desk(tmp_path / "desk", gated.url, "editor")
        try:
            assert desk.sync().pushed == 0
        finally:
            desk.close()


def test_syncing_pauses_when_the_service_needs_a_newer_desktop_and_the_work_is_kept(
    engine: Engine, room: Newsroom, tmp_path: Path
) -> None:
    with LiveServer(engine) as live:
        desk = Desk(tmp_path / "desk", live.url, "editor")
    article = desk.write(room.news, "更新之前写的")
    seen: list[SyncStatus] = []
    try:
        with LiveServer(engine, min_desktop="999.0") as gated:

            async def one_round() -> float | None:
                client = SyncClient(desk.replica, gated.url, blobs=desk.workspace.blobs)
                try:
                    return await SyncLoop(client, seen.append).step()
                finally:
                    await client.close()

            wait = asyncio.run(one_round())
        assert wait is None, "paused until the user acts: retrying cannot help"
        assert seen[-1].state is State.UPDATE
        assert "999.0" in english(seen[-1].error)
        assert desk.workspace.store.pending_count() == 1
        assert desk.article(article).title == "更新之前写的"
    finally:
        desk.close()


def test_the_service_command_checks_the_minimum(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            str(BIN / "newsdesk-server"),
            "--lang",
            "en",
            "serve",
            "--db",
            str(tmp_path / "server.db"),
            "--min-desktop",
            "newest",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "--min-desktop must be a version such as 1.2.0." in done.stderr


def test_a_release_is_newer_only_by_its_numbers() -> None:
    assert protocol.is_newer("1.10.0", "1.9.9")
    assert not protocol.is_newer("1.2", "1.2.0")
    assert not protocol.is_newer("1.1.9", "1.2.0")
    assert not protocol.is_newer("newest", "1.2.0")  # a garbled announcement nags nobody


def test_a_sync_round_learns_the_release_the_service_announces(
    engine: Engine, room: Newsroom, tmp_path: Path
) -> None:
    del room
    release = protocol.DesktopRelease(
        version="9.1.0", installer_url="https://it.branch.example/newsdesk-9.1.0.msi", notes="新"
    )
    seen: list[SyncStatus] = []
    with LiveServer(engine, latest_desktop=release) as live:
        health = protocol.Health.model_validate_json(httpx.get(f"{live.url}/v1/health").content)
        assert health.latest_desktop == release
        desk = Desk(tmp_path / "desk", live.url, "editor")
        try:

            async def one_round() -> float | None:
                client = SyncClient(desk.replica, live.url, blobs=desk.workspace.blobs)
                try:
                    return await SyncLoop(client, seen.append).step()
                finally:
                    await client.close()

            asyncio.run(one_round())
        finally:
            desk.close()
    assert seen[-1].state is State.ONLINE and seen[-1].latest_desktop == release


def serve(tmp_path: Path, lang: str, *options: str) -> subprocess.CompletedProcess[str]:
    """``newsdesk-server serve`` with ``options``, in ``lang``; it is expected to refuse them."""
    command = [
        str(BIN / "newsdesk-server"),
        "--lang",
        lang,
        "serve",
        "--db",
        str(tmp_path / "s.db"),
    ]
    return subprocess.run([*command, *options], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--latest-desktop", "newest"], "--latest-desktop must be a version such as 1.2.0."),
        (["--latest-desktop", "2.0.0"], "--latest-desktop needs --installer-url"),
        (
            ["--latest-desktop", "2.0.0", "--installer-url", "file:///srv/newsdesk.msi"],
            "--installer-url must be an http:// or https:// address, not “file:///srv/",
        ),
        (["--installer-url", "https://it.example/n.msi"], "describe --latest-desktop: give it"),
        (
            [
                *("--latest-desktop", "2.0.0", "--installer-url", "https://it.example/n.msi"),
                *("--release-notes", "/nonexistent/notes.txt"),
            ],
            "Cannot read the release notes /nonexistent/notes.txt",
        ),
    ],
)
def test_the_service_command_checks_the_release_it_announces(
    tmp_path: Path, options: list[str], said: str
) -> None:
    done = serve(tmp_path, "en", *options)
    assert done.returncode == 2
    assert said in done.stderr


def test_the_service_command_refuses_a_bad_release_in_chinese(tmp_path: Path) -> None:
    done = serve(tmp_path, "zh_CN", "--latest-desktop", "最新")
    assert done.returncode == 2
    assert "--latest-desktop 必须是版本号，例如 1.2.0。" in done.stderr


def test_a_desktop_reads_the_health_of_a_newer_service_that_says_more() -> None:
    said = b'{"status": "ok", "protocol": 1, "epoch": "e1", "mirrors": ["https://m.example"]}'
    assert protocol.Health.model_validate_json(said).epoch == "e1"
