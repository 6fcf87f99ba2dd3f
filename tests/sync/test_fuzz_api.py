"""Schemathesis fuzzes the served OpenAPI document: valid and invalid requests to every
operation, signed in and not, against the real service on 127.0.0.1; no answer may be a 5xx."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.sync.conftest import LiveServer
from tests.sync.test_server import SignIn

ST = str(Path(sys.executable).with_name("st"))


def fuzz(
    url: str, token: str | None, tmp_path: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "schemathesis.toml"
    config.write_text(
        f'[auth.openapi.HTTPBearer]\nbearer = "{token}"\n' if token else "", encoding="utf-8"
    )
    return subprocess.run(
        [
            ST,
            "--config-file",
            str(config),
            "run",
            f"{url}/openapi.json",
            "--checks",
            "not_a_server_error",
            "--mode",
            "all",
            "--max-examples",
            "40",
            "--seed",
            "20261203",
            "--generation-database",
            "none",
            "--report-dir",
            str(tmp_path),
            *extra,
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_no_request_gets_a_server_error(live: LiveServer, api: SignIn, tmp_path: Path) -> None:
    signed = api("editor")
    # Signing out would end the token the other requests use: it is fuzzed anonymously below.
    authorised = fuzz(live.url, signed.token, tmp_path, "--exclude-path", "/v1/auth/logout")
    assert authorised.returncode == 0, authorised.stdout[-4000:] + authorised.stderr[-2000:]
    assert "Authentication failed" not in authorised.stdout  # the signed-in paths were reached
    anonymous = fuzz(live.url, None, tmp_path)
    assert anonymous.returncode == 0, anonymous.stdout[-4000:] + anonymous.stderr[-2000:]
