"""``newsdesk-server`` on a machine without Qt: the service's entry point runs, serves and speaks
Chinese with PySide6 made unimportable, in a process of its own."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx

from newsdesk.core.i18n import Message
from newsdesk.sync.catalogue import Catalogue
from newsdesk.sync.protocol import PROTOCOL
from tests.sync.conftest import PASSWORD, free_port

# Runs an entry point with every Qt module refused, as on a server where PySide6 is not installed.
WITHOUT_QT = """
import importlib.abc, sys

class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NoQt())
module, function = sys.argv[1].split(":")
sys.argv = sys.argv[1:]
sys.exit(getattr(__import__(module, fromlist=[function]), function)(sys.argv[1:]))
"""


def run_without_qt(
    entry: str, *args: str, password: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_QT, entry, *args],
        input=f"{password}\n" if password is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_server_commands_run_and_translate_without_qt(tmp_path: Path) -> None:
    db = str(tmp_path / "server.db")
    config = ["--lang", "zh_CN", "--keys", str(tmp_path / "config")]
    server = "newsdesk.sync.cli:main"
    weak = run_without_qt(
        server, *config, "init", "--db", db, "--admin", "root", "--password-stdin", password="短"
    )
    assert weak.returncode == 2 and "密码" in weak.stderr, weak.stderr
    created = run_without_qt(
        server, *config, "init", "--db", db, "--admin", "root", "--password-stdin",
        password=PASSWORD,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    assert "已创建数据库和管理员“root”" in created.stdout
    verified = run_without_qt(server, *config, "audit", "verify", "--db", db)
    assert verified.returncode == 0, verified.stderr
    assert "审计" in verified.stdout
    out = tmp_path / "report.csv"
    report = run_without_qt(
        server, *config, "report", "--db", db, "--from", "2026-11-01", "--to", "2026-11-30",
        "--out", str(out),
    )  # fmt: skip
    assert report.returncode == 0, report.stderr
    assert "报表写入" in report.stdout
    assert out.read_text(encoding="utf-8-sig").startswith("频道,报题数,入选,退回")
    wrong = run_without_qt(
        server, *config, "report", "--db", db, "--from", "2026-11-31", "--to", "2026-11-30",
        "--out", str(out),
    )  # fmt: skip
    assert wrong.returncode == 2
    assert "--from“2026-11-31”不是日期" in wrong.stderr


def test_the_service_serves_without_qt(tmp_path: Path) -> None:
    db = str(tmp_path / "server.db")
    config = ["--keys", str(tmp_path / "config")]
    server = "newsdesk.sync.cli:main"
    created = run_without_qt(
        server, *config, "init", "--db", db, "--admin", "root", "--password-stdin",
        password=PASSWORD,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", WITHOUT_QT, server, *config, "serve", "--db", db,
         "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.communicate()[1]
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the service did not start"
                time.sleep(0.2)
        assert health.status_code == 200
        signed_in = httpx.post(
            f"http://127.0.0.1:{port}/v1/auth/login",
            json={"protocol": PROTOCOL, "login": "root", "password": PASSWORD},
            timeout=10,
        )
        assert signed_in.status_code == 200, signed_in.text
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_the_desktop_entry_does_need_qt() -> None:
    """The guard refuses what it should: the desktop's own entry point cannot start without Qt."""
    desktop = run_without_qt("newsdesk.__main__:start", "--version")
    assert desktop.returncode != 0 and "PySide6" in desktop.stderr


def test_the_catalogue_reads_finished_translations_only(tmp_path: Path) -> None:
    (tmp_path / "newsdesk_zh_CN.ts").write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>cli</name>
  <message>
    <source>Added the user “{login}”.</source><translation>已添加用户“{login}”。</translation>
  </message>
  <message><source>Draft</source><translation type="unfinished">草</translation></message>
</context>
<context><name>labels</name>
  <message><source>Editor</source><translation>编辑</translation></message>
</context>
</TS>
""",
        encoding="utf-8",
    )
    catalogue = Catalogue.load("zh_CN", tmp_path)
    assert catalogue.translate("cli", "Added the user “{login}”.") == "已添加用户“{login}”。"
    assert catalogue.translate("cli", "Draft") == "Draft"
    assert catalogue.translate("other", "Added the user “{login}”.") == "Added the user “{login}”."
    role = Message("labels", "Editor")
    assert catalogue.render(Message("cli", "Added the user “{login}”.", {"login": role})) == (
        "已添加用户“编辑”。"
    )
    assert Catalogue.load("en", tmp_path).translate("labels", "Editor") == "Editor"
