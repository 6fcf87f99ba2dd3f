"""How the service is reached: TLS of its own, or nginx in front (the shipped configuration,
checked with ``nginx -t`` and run for real), and a loud warning for plain HTTP on a network."""

from __future__ import annotations

import re
import shutil
import ssl
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, select

from newsdesk.sync.audit import AUDIT
from tests.sync.conftest import PASSWORD, Newsroom, free_port
from tests.sync.test_server_cli import SERVER

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "packaging" / "nginx" / "newsdesk.conf"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def serving(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [SERVER, "--lang", "en", "serve", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(url: str, process: subprocess.Popen[str] | None = None, **client: object) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            said = process.stderr.read() if process.stderr is not None else ""
            raise RuntimeError(f"the service for {url} exited with {process.returncode}: {said}")
        try:
            httpx.get(f"{url}/v1/health", timeout=1, **client)  # type: ignore[arg-type]
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


@pytest.fixture
def stop() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_the_service_speaks_tls_with_hsts(
    database_url: str,
    room: Newsroom,
    certificate: tuple[Path, Path],
    stop: list[subprocess.Popen[str]],
) -> None:
    del room
    cert, key = certificate
    port = free_port()
    stop.append(
        serving("--db", database_url, "--port", str(port), "--tls-cert", str(cert),
                "--tls-key", str(key))
    )  # fmt: skip
    url = f"https://127.0.0.1:{port}"
    wait_for(url, verify=ssl.create_default_context(cafile=str(cert)))
    answer = httpx.post(
        f"{url}/v1/auth/login",
        json={"protocol": 1, "login": "editor", "password": PASSWORD},
        verify=ssl.create_default_context(cafile=str(cert)),
    )
    assert answer.status_code == 200
    assert answer.headers["Strict-Transport-Security"].startswith("max-age=")
    assert answer.headers["Cache-Control"] == "no-store"
    with pytest.raises(httpx.TransportError):
        httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=3)


def test_plain_http_on_a_network_address_is_warned_about_loudly(
    database_url: str, room: Newsroom, stop: list[subprocess.Popen[str]]
) -> None:
    del room
    port = free_port()
    process = serving("--db", database_url, "--host", "0.0.0.0", "--port", str(port))
    stop.append(process)
    wait_for(f"http://127.0.0.1:{port}")
    assert process.stderr is not None
    first = process.stderr.readline()
    assert "WARNING" in first and "unencrypted" in first
    quiet = serving("--db", database_url, "--port", str(free_port()))
    stop.append(quiet)
    time.sleep(0.5)
    quiet.terminate()
    assert "WARNING" not in (quiet.communicate(timeout=10)[1] or "")


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is installed by bootstrap.sh")
def test_the_shipped_nginx_configuration_is_valid_and_forwards_the_client_address(
    database_url: str,
    room: Newsroom,
    engine: Engine,
    certificate: tuple[Path, Path],
    tmp_path: Path,
    stop: list[subprocess.Popen[str]],
) -> None:
    del room
    cert, key = certificate
    service_port, https_port, http_port = free_port(), free_port(), free_port()
    site = (
        SITE.read_text(encoding="utf-8")
        .replace("/etc/ssl/newsdesk/fullchain.pem", str(cert))
        .replace("/etc/ssl/newsdesk/privkey.pem", str(key))
        .replace("127.0.0.1:8765", f"127.0.0.1:{service_port}")
        .replace("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;")
        .replace("listen [::]:443 ssl;", "")
        .replace("listen 80;", f"listen 127.0.0.1:{http_port};")
        .replace("listen [::]:80;", "")
    )
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    (tmp_path / "logs").mkdir()
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path / 'nginx.pid'};\nerror_log {tmp_path / 'logs' / 'error.log'};\n"
        "events {}\n"
        f"http {{ access_log off; client_body_temp_path {tmp_path}; proxy_temp_path {tmp_path};\n"
        f"  include {tmp_path / 'site.conf'}; }}\n",
        encoding="utf-8",
    )
    checked = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(main)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    stop.append(serving("--db", database_url, "--port", str(service_port), "--proxy", "127.0.0.1"))
    wait_for(f"http://127.0.0.1:{service_port}")
    proxy = subprocess.Popen(
        ["nginx", "-p", str(tmp_path), "-c", str(main), "-g", "daemon off;"],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    stop.append(proxy)
    url = f"https://127.0.0.1:{https_port}"
    wait_for(url, verify=ssl.create_default_context(cafile=str(cert)))
    answer = httpx.post(
        f"{url}/v1/auth/login",
        json={"protocol": 1, "login": "editor", "password": PASSWORD},
        verify=ssl.create_default_context(cafile=str(cert)),
    )
    assert answer.status_code == 200, answer.text
    assert "Strict-Transport-Security" in answer.headers
    plain = httpx.get(f"http://127.0.0.1:{http_port}/v1/health")
    assert plain.status_code == 301 and plain.headers["location"].startswith("https://")
    with engine.connect() as conn:
        address = conn.execute(
            select(AUDIT.c.address).where(AUDIT.c.event == "login").order_by(AUDIT.c.seq.desc())
        ).scalar()
    assert address == "127.0.0.1"


def test_the_docs_page_is_off_unless_serve_is_asked_for_it(
    database_url: str, room: Newsroom, stop: list[subprocess.Popen[str]]
) -> None:
    del room
    # One after the other: each port is taken as soon as it was found free, and the two services
    # do not start on the one SQLite file at the same moment.
    plain = free_port()
    stop.append(serving("--db", database_url, "--port", str(plain)))
    wait_for(f"http://127.0.0.1:{plain}", stop[-1])
    documented = free_port()
    stop.append(serving("--db", database_url, "--port", str(documented), "--docs"))
    wait_for(f"http://127.0.0.1:{documented}", stop[-1])
    assert httpx.get(f"http://127.0.0.1:{plain}/docs").status_code == 404
    assert httpx.get(f"http://127.0.0.1:{plain}/openapi.json").status_code == 200
    page = httpx.get(f"http://127.0.0.1:{documented}/docs")
    assert page.status_code == 200 and "swagger-ui" in page.text
    # The page's own scripts and styles may load (and nothing else), the API's answers stay shut.
    policy = page.headers["Content-Security-Policy"]
    for source in re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https://[^/"]+)/', page.text):
        assert source in policy, (source, policy)
    assert "frame-ancestors 'none'" in policy and page.headers["Cache-Control"] == "no-store"
    health = httpx.get(f"http://127.0.0.1:{documented}/v1/health")
    assert health.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert httpx.get(f"http://127.0.0.1:{documented}/redoc").status_code == 404
