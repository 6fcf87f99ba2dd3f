"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from newsdesk.store.workspace import DB_NAME, Workspace


def newsdesk(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", "--lang", lang, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_demo_creates_a_workspace_and_lists_the_logins(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    result = newsdesk("demo", "--no-gui", "--workspace", str(folder))
    assert result.returncode == 0, result.stderr
    assert (folder / DB_NAME).is_file()
    for login in ("admin", "chief", "editor", "reviewer1", "reviewer2", "reviewer3", "publisher"):
        assert f"\n  {login} " in result.stdout
    assert "“newsdesk”" in result.stdout
    assert "Channel chief: 新闻、文化、政务服务、图书馆" in result.stdout
    assert "Demo newsroom ready" in result.stderr


def test_demo_speaks_chinese_when_asked(tmp_path: Path) -> None:
    result = newsdesk("demo", "--no-gui", "--workspace", str(tmp_path / "demo"), lang="zh_CN")
    assert result.returncode == 0, result.stderr
    assert "演示密码均为“newsdesk”" in result.stdout
    assert "频道负责人：新闻、文化、政务服务、图书馆" in result.stdout
    assert "演示编辑部已就绪" in result.stderr


def test_the_readmes_demo_command_run_twice_reopens_the_demo(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert newsdesk("demo", "--no-gui", "--workspace", str(folder)).returncode == 0
    before = (folder / DB_NAME).read_bytes()
    result = newsdesk("demo", "--no-gui", "--workspace", str(folder))
    assert result.returncode == 0, result.stderr
    assert "Opening the demo newsroom" in result.stdout + result.stderr
    assert (folder / DB_NAME).read_bytes() == before


def test_demo_refuses_to_overwrite_a_workspace_that_is_not_the_demo(tmp_path: Path) -> None:
    folder = tmp_path / "real"
    with Workspace.open(folder, create=True):
        pass
    before = (folder / DB_NAME).read_bytes()
    result = newsdesk("demo", "--no-gui", "--workspace", str(folder))
    assert result.returncode == 2
    assert "already holds a workspace" in result.stderr
    assert (folder / DB_NAME).read_bytes() == before


def test_a_damaged_workspace_is_reported_in_the_users_language(tmp_path: Path) -> None:
    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(b"not a database at all" * 50)
    result = newsdesk("--workspace", str(folder), "--user", "chief", "--smoke", lang="zh_CN")
    assert result.returncode == 2
    assert "已损坏" in result.stderr and str(folder) in result.stderr


def test_smoke_opens_each_page_without_a_display_and_saves_a_screenshot(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert newsdesk("demo", "--no-gui", "--workspace", str(folder)).returncode == 0
    for page in ("board", "tasks", "topics", "articles", "review", "published", "reports", "admin"):
        shot = tmp_path / f"{page}.png"
        result = newsdesk(
            "--workspace",
            str(folder),
            "--user",
            "chief",
            "--smoke",
            "--page",
            page,
            "--screenshot",
            str(shot),
            lang="zh_CN",
        )
        assert result.returncode == 0, result.stderr
        assert re.search(r"首次绘制用时 \d+\.\d\d 秒", result.stdout), result.stdout
        assert shot.stat().st_size > 20_000  # a real picture of the window, not a blank one


def test_smoke_needs_a_user_and_names_an_unknown_one(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert newsdesk("demo", "--no-gui", "--workspace", str(folder)).returncode == 0
    assert newsdesk("--workspace", str(folder), "--smoke").returncode == 2
    result = newsdesk("--workspace", str(folder), "--user", "nobody", "--smoke")
    assert result.returncode == 2 and "nobody" in result.stderr


def test_the_default_demo_is_reopened_not_rebuilt(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "newsdesk", "--lang", "en", "demo", "--no-gui"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == 0, first.stderr
    folder = tmp_path / "Newsdesk" / "demo"
    before = (folder / DB_NAME).read_bytes()
    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert again.returncode == 0, again.stderr
    assert f"Opening the demo newsroom in {folder}." in again.stdout
    assert (folder / DB_NAME).read_bytes() == before


def test_without_a_display_the_desktop_says_what_to_do(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--lang", "en", "--workspace", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "No display found" in result.stderr and "--no-gui" in result.stderr
