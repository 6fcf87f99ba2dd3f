"""The sync service's Debian package, as an administrator meets it: built, inspected, installed on
this machine, its unit checked by systemd, the installed service initialised and started as its
own user against a new PostgreSQL database, answering ``/v1/health``, then purged.

Runs as root with dpkg (CI); systemd need not be running: the service is started directly, as
the unit would start it."""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from newsdesk import __version__
from newsdesk.sync.protocol import PROTOCOL
from newsdesk.sync.server_config import load_server_config
from tests.sync.conftest import PASSWORD, free_port

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(
        not hasattr(os, "geteuid") or os.geteuid() != 0,
        reason="installs a .deb on this machine: run as root",
    ),
    pytest.mark.skipif(
        shutil.which("dpkg") is None or shutil.which("dpkg-deb") is None,
        reason="dpkg is not installed: not a Debian-like system",
    ),
]

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "newsdesk-server"
SERVER = "/usr/bin/newsdesk-server"
UNIT = Path("/lib/systemd/system/newsdesk-server.service")
STATE = Path("/var/lib/newsdesk")


def run(*command: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        command, input=stdin, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"{command}: {done.stdout}\n{done.stderr}"
    return done


def dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    """``dpkg ARGS``, waiting while another installation holds dpkg's lock."""
    deadline = time.monotonic() + 300
    while True:
        done = subprocess.run(
            ["dpkg", *args], capture_output=True, text=True, timeout=300, check=False
        )
        if done.returncode == 0 or "lock" not in done.stderr or time.monotonic() > deadline:
            assert done.returncode == 0, f"dpkg {args}: {done.stdout}\n{done.stderr}"
            return done
        time.sleep(1)


def installed() -> bool:
    status = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", PACKAGE], capture_output=True, text=True, check=False
    )
    return "installed" in status.stdout and "not-installed" not in status.stdout


def as_service_user(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run("runuser", "-u", "newsdesk", "--", SERVER, "--lang", "en", *args, stdin=stdin)


def service_user_runs_nothing(within: float = 0) -> bool:
    """Whether no process of the service's user runs (by ``within`` seconds from now)."""
    deadline = time.monotonic() + within
    while True:
        found = subprocess.run(["pgrep", "-u", "newsdesk"], capture_output=True, check=False)
        if found.returncode == 1:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)


@pytest.fixture
def deb(tmp_path: Path) -> Path:
    built = run("sh", str(ROOT / "packaging/server/build.sh"), str(tmp_path / "dist"))
    path = Path(built.stdout.strip().splitlines()[-1])
    arch = run("dpkg", "--print-architecture").stdout.strip()
    assert path == tmp_path / "dist" / f"{PACKAGE}_{__version__}_{arch}.deb"
    return path


@pytest.fixture
def machine() -> Iterator[None]:
    """This machine without the package before the test, and after it whatever happens."""
    if installed() or STATE.exists():
        pytest.skip(f"{PACKAGE} is already set up on this machine; the test would remove it")
    yield
    dpkg("--purge", PACKAGE)
    shutil.rmtree(STATE, ignore_errors=True)


@pytest.fixture
def world_readable() -> Iterator[Path]:
    """A folder the service's user may read (pytest's own temporary folders are root's only)."""
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-deb-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_the_server_package_installs_serves_and_purges(
    machine: None, deb: Path, pg_url: str, world_readable: Path, tmp_path: Path
) -> None:
    # What the package says and holds.
    fields = run("dpkg-deb", "-f", str(deb), "Package", "Version", "Depends").stdout
    system_python = Path("/usr/bin/python3").resolve().name
    assert f"Package: {PACKAGE}" in fields and f"Version: {__version__}" in fields
    assert system_python in fields, f"it depends on the Python it was built on: {fields}"
    control = tmp_path / "control"
    run("dpkg-deb", "-e", str(deb), str(control))
    assert (control / "conffiles").read_text().split() == ["/etc/newsdesk/server.toml"]
    listing = run("dpkg-deb", "-c", str(deb)).stdout
    assert "./usr/bin/newsdesk-server -> /opt/newsdesk-server/bin/newsdesk-server" in listing
    assert (
        f"./opt/newsdesk-server/lib/{system_python}/site-packages/newsdesk/sync/cli.py" in listing
    )
    assert "PySide6" not in listing and "qasync" not in listing, "the service carries no Qt"
    assert "./opt/newsdesk-server/bin/newsdesk\n" not in listing

    # Installed: the user, its state folder, the configuration readable by it alone.
    install = dpkg("-i", str(deb))
    assert "newsdesk-server init" in install.stdout, "postinst says what the administrator does"
    account = pwd.getpwnam("newsdesk")
    assert account.pw_dir == str(STATE) and account.pw_shell == "/usr/sbin/nologin"
    assert STATE.stat().st_uid == account.pw_uid and STATE.stat().st_mode & 0o777 == 0o750
    conffile = Path("/etc/newsdesk/server.toml")
    assert grp.getgrgid(conffile.stat().st_gid).gr_name == "newsdesk"
    assert conffile.stat().st_mode & 0o777 == 0o640
    shipped = load_server_config(conffile)
    assert shipped["database"] == "postgresql+psycopg:///newsdesk"
    assert shipped["keys"] == STATE and (shipped["host"], shipped["port"]) == ("127.0.0.1", 8765)
    assert service_user_runs_nothing(), "not started before the administrator ran init"

    # The unit as systemd reads it; a misspelt copy shows that verify does look.
    assert shutil.which("systemd-analyze"), "install systemd: sh scripts/bootstrap.sh test"
    unit = UNIT.read_text()
    assert "ExecStart=/usr/bin/newsdesk-server serve --config /etc/newsdesk/server.toml" in unit
    assert "User=newsdesk" in unit and "StateDirectory=newsdesk" in unit
    verified = run("systemd-analyze", "verify", "--man=no", str(UNIT))
    assert verified.stdout + verified.stderr == "", verified.stderr
    template = UNIT.with_name("newsdesk-server@.service").read_text()
    assert "serve --config /etc/newsdesk/server.toml --port %i\n" in template
    instance = run(
        "systemd-analyze", "verify", "--man=no", str(UNIT.with_name("newsdesk-server@8766.service"))
    )
    assert instance.stdout + instance.stderr == "", instance.stderr
    misspelt = world_readable / "newsdesk-server.service"
    misspelt.write_text(unit.replace("NoNewPrivileges=", "NoNewPrivilege="))
    warned = run("systemd-analyze", "verify", "--man=no", str(misspelt))
    assert "Unknown key 'NoNewPrivilege'" in warned.stderr

    # Reinstalling (an upgrade) keeps the administrator's edit of the configuration.
    conffile.write_text(conffile.read_text().replace("port = 8765", "port = 8766"))
    dpkg("-i", str(deb))
    assert "port = 8766" in conffile.read_text()
    assert conffile.stat().st_mode & 0o777 == 0o640

    # init, then the service as the unit runs it, as its own user, on a new PostgreSQL database.
    port = free_port()
    config = world_readable / "server.toml"
    config.write_text(
        f'database = "{pg_url}"\nkeys = "{STATE}"\nhost = "127.0.0.1"\nport = {port}\n'
        "poll = false\n",
        encoding="utf-8",
    )
    config.chmod(0o644)
    created = as_service_user(
        "init", "--config", str(config), "--admin", "root", "--password-stdin", stdin=PASSWORD
    )
    assert "Created the database" in created.stdout
    assert (STATE / "audit.key").stat().st_uid == account.pw_uid
    service = subprocess.Popen(
        ["runuser", "-u", "newsdesk", "--", SERVER, "serve", "--config", str(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert service.poll() is None, service.communicate()[0]
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the installed service did not start"
                time.sleep(0.2)
        assert health.status_code == 200 and health.json()["status"] == "ok"
        signed_in = httpx.post(
            f"http://127.0.0.1:{port}/v1/auth/login",
            json={"protocol": PROTOCOL, "login": "root", "password": PASSWORD},
            timeout=10,
        )
        assert signed_in.status_code == 200, signed_in.text
    finally:
        service.terminate()
        log = service.communicate(timeout=30)[0]
    assert service_user_runs_nothing(within=20), (
        "the service ends on SIGTERM, as systemctl stop sends"
    )
    assert "Uvicorn running on http://127.0.0.1" in log, "the log goes to stdout (the journal)"

    # Purged: the code, the command, the configuration, the unit and the user go; the audit key
    # that verifies the database's log stays, root's, and is named.
    purged = dpkg("--purge", PACKAGE)
    assert not installed()
    for gone in (
        "/opt/newsdesk-server",
        SERVER,
        conffile,
        UNIT,
        UNIT.with_name("newsdesk-server@.service"),
    ):
        assert not os.path.lexists(gone), gone
    with pytest.raises(KeyError):
        pwd.getpwnam("newsdesk")
    with pytest.raises(KeyError):
        grp.getgrnam("newsdesk")
    assert "Kept /var/lib/newsdesk" in purged.stdout
    assert (STATE / "audit.key").stat().st_uid == 0

    # Installed again, the service finds its key, its own again.
    dpkg("-i", str(deb))
    assert (STATE / "audit.key").stat().st_uid == pwd.getpwnam("newsdesk").pw_uid
