"""``newsdesk-server … --config server.toml``, as the packaged service runs: the file gives the
database, the keys' folder and how to serve; the command line wins over it; a file that cannot be
used is refused, naming the file and the field, before anything is created."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from newsdesk.sync.protocol import PROTOCOL
from tests.sync.conftest import PASSWORD, free_port

SERVER = str(Path(sys.executable).with_name("newsdesk-server"))


def server(
    *args: str, lang: str = "en", password: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SERVER, "--lang", lang, *args],
        input=f"{password}\n" if password is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_serve_reads_the_file_and_the_command_line_wins(tmp_path: Path) -> None:
    folder = tmp_path / "etc"
    folder.mkdir()
    file_port, flag_port = free_port(), free_port()
    config = folder / "server.toml"
    config.write_text(
        "# the newsroom's service\n"
        f'database = "sqlite:///{tmp_path / "newsroom.db"}"\n'
        'keys = "keys"\n'
        'host = "127.0.0.1"\n'
        f"port = {file_port}\n"
        "poll = false\n"
        "max_request_mb = 8\n",
        encoding="utf-8",
    )
    created = server(
        "init", "--config", str(config), "--admin", "root", "--password-stdin", password=PASSWORD
    )
    assert created.returncode == 0, created.stderr
    assert (tmp_path / "newsroom.db").is_file()
    assert (folder / "keys" / "audit.key").is_file(), "a relative path is read beside the file"

    process = subprocess.Popen(
        [SERVER, "serve", "--config", str(config), "--port", str(flag_port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.communicate()[1]
            try:
                health = httpx.get(f"http://127.0.0.1:{flag_port}/v1/health", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the service did not start"
                time.sleep(0.2)
        assert health.status_code == 200
        assert health.json()["max_request_bytes"] == 8 * 1024 * 1024
        with pytest.raises(httpx.TransportError):
            httpx.get(f"http://127.0.0.1:{file_port}/v1/health", timeout=2)
        signed_in = httpx.post(
            f"http://127.0.0.1:{flag_port}/v1/auth/login",
            json={"protocol": PROTOCOL, "login": "root", "password": PASSWORD},
            timeout=10,
        )
        assert signed_in.status_code == 200, "the file's database holds the administrator"
    finally:
        process.terminate()
        process.communicate(timeout=30)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('databse = "sqlite:///x.db"\n', "“databse” is not a field of it"),
        ('port = "8765"\n', "“port” must be a whole number from 1 to 65535"),
        ("port = 70000\n", "“port” must be a whole number from 1 to 65535"),
        ("poll = 1\n", "“poll” must be true or false"),
        ("poll_seconds = 0\n", "“poll_seconds” must be a number greater than 0"),
        ("tls_cert = \n", "is not valid TOML"),
        ('lang = "fr"\n', "“lang” must be “zh_CN” or “en”"),
        ("database = 5\n", "“database” must be text in quotes"),
    ],
)
def test_a_file_that_cannot_be_used_is_named_with_its_field(
    tmp_path: Path, content: str, expected: str
) -> None:
    config = tmp_path / "server.toml"
    config.write_text(f'keys = "keys"\n{content}', encoding="utf-8")
    refused = server(
        "init", "--config", str(config), "--admin", "root", "--password-stdin", password=PASSWORD
    )
    assert refused.returncode == 2
    assert f"The configuration file {config} cannot be used" in refused.stderr, refused.stderr
    assert expected in refused.stderr
    assert not (tmp_path / "keys").exists(), "nothing is created from a refused file"


def test_the_refusal_speaks_chinese_and_a_missing_file_is_named(tmp_path: Path) -> None:
    config = tmp_path / "server.toml"
    config.write_text("port = 0\n", encoding="utf-8")
    refused = server("serve", "--config", str(config), lang="zh_CN")
    assert refused.returncode == 2
    assert f"配置文件 {config} 无法使用：字段“port”必须是 1 到 65535 之间的整数。" in refused.stderr
    missing = server("serve", "--config", str(tmp_path / "none.toml"))
    assert missing.returncode == 2
    assert f"{tmp_path / 'none.toml'} cannot be used: it cannot be read" in missing.stderr
