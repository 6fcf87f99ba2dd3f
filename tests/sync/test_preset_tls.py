"""A newsroom server whose certificate comes from the organisation's own CA: refused, in words
that say why, until the branch preset names that CA; then the desktop connects and syncs."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from newsdesk.preset import PRESET_ENV
from newsdesk.store.store import make_engine
from newsdesk.store.workspace import Workspace
from newsdesk.sync.client import SyncClient, UnreachableError
from newsdesk.sync.replica import Replica
from tests.sync.conftest import PASSWORD, LiveServer, Newsroom, seed
from tests.sync.desks import Desk


def openssl(*args: str | Path) -> None:
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True)


@pytest.fixture(scope="module")
def newsroom_ca(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The organisation's CA certificate, and a server certificate and key it signed."""
    folder = tmp_path_factory.mktemp("ca")
    ca, ca_key = folder / "newsroom-ca.pem", folder / "newsroom-ca.key"
    cert, key, request = folder / "server.pem", folder / "server.key", folder / "server.csr"
    extensions = folder / "server.ext"
    extensions.write_text("subjectAltName=IP:127.0.0.1\n")
    openssl(
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=Newsroom CA", "-keyout", ca_key, "-out", ca,
    )  # fmt: skip
    openssl(
        "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
        "-keyout", key, "-out", request,
    )  # fmt: skip
    openssl(
        "x509", "-req", "-in", request, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial",
        "-days", "2", "-extfile", extensions, "-out", cert,
    )  # fmt: skip
    return ca, cert, key


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    made = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    yield made
    made.dispose()


@pytest.fixture
def room(engine: Engine) -> Newsroom:
    return seed(engine)


@pytest.fixture
def server(
    engine: Engine, room: Newsroom, newsroom_ca: tuple[Path, Path, Path]
) -> Iterator[LiveServer]:
    del room
    _, cert, key = newsroom_ca
    with LiveServer(engine, tls=(cert, key)) as live:
        yield live


def test_without_the_preset_s_ca_the_certificate_is_refused_and_the_reason_given(
    server: LiveServer, tmp_path: Path
) -> None:
    assert server.url.startswith("https://")
    workspace = Workspace.open(tmp_path / "desk", create=True)

    async def sign_in() -> None:
        client = SyncClient(Replica(workspace.store), server.url)
        try:
            await client.sign_in("editor", PASSWORD)
        finally:
            await client.close()

    try:
        with pytest.raises(UnreachableError) as refused:
            asyncio.run(sign_in())
    finally:
        workspace.close()
    said = refused.value.message.render()
    assert f"The certificate of {server.url} is not trusted" in said
    assert "unable to get local issuer certificate" in said
    assert "branch preset" in said


def test_with_the_preset_s_ca_the_desktop_connects_and_syncs(
    server: LiveServer,
    room: Newsroom,
    newsroom_ca: tuple[Path, Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ca, _, _ = newsroom_ca
    preset = tmp_path / "branch.toml"
    preset.write_text(f'branch = "城东分社"\nserver = "{server.url}"\nca_file = "{ca}"\n')
    monkeypatch.setenv(PRESET_ENV, str(preset))
    desk = Desk(tmp_path / "desk", server.url, "editor")
    try:
        desk.write(room.news, "经机构自有证书同步")
        assert desk.sync().pushed == 1
        assert desk.workspace.store.pending_count() == 0
    finally:
        desk.close()
