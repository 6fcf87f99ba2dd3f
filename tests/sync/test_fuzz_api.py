"""Schemathesis fuzzes the served OpenAPI document: valid and invalid requests to every
operation, signed in and not, against the real service on 127.0.0.1; no answer may be a 5xx.
Its hooks (``schemathesis_hooks.py``) add the hostile texts, ids and times an attacker found."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.sync.conftest import LiveServer
from tests.sync.test_server import SignIn

ST = str(Path(sys.executable).with_name("st"))
ROOT = Path(__file__).resolve().parents[2]


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
        env={
            **os.environ,
            "SCHEMATHESIS_HOOKS": "tests.sync.schemathesis_hooks",
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "desktop")]),
        },
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_no_request_gets_a_server_error(live: LiveServer, api: SignIn, tmp_path: Path) -> None:
    # Signing out would end the token the other requests use, and a password change needs the
    # current password: both are fuzzed anonymously below. What only administrators and
    # auditors may do is fuzzed as the administrator. Both sign in first: the fuzzed sign-ins
    # soon have this address waiting.
    # The long-poll is fuzzed anonymously only: signed in, each example would be held up to
    # its timeout (test_live_updates checks its input).
    editor_token, admin_token = api("editor").token, api("admin").token
    editor = fuzz(
        live.url,
        editor_token,
        tmp_path,
        "--exclude-path-regex",
        "^/v1/(users|audit|auth/logout|auth/password|changes)",
    )
    assert editor.returncode == 0, editor.stdout[-4000:] + editor.stderr[-2000:]
    assert "Authentication failed" not in editor.stdout  # the signed-in paths were reached
    administrator = fuzz(
        live.url, admin_token, tmp_path, "--include-path-regex", "^/v1/(users|audit)"
    )
    assert administrator.returncode == 0, administrator.stdout[-4000:]
    assert "Authentication failed" not in administrator.stdout, administrator.stdout[-3000:]
    anonymous = fuzz(live.url, None, tmp_path)
    assert anonymous.returncode == 0, anonymous.stdout[-4000:] + anonymous.stderr[-2000:]
