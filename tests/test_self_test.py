"""``newsdesk --self-test`` run as an IT department runs it: a line per check, in Chinese, and an
exit status that says whether the installation works; each broken part is named."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.store.store import SYNC_SERVER
from newsdesk.store.workspace import Workspace
from tests.sync.conftest import LiveServer, free_port, seed

NEWSDESK = str(Path(sys.executable).with_name("newsdesk"))
CHECKS = (
    "Qt 平台插件",
    "中文字体",
    "界面翻译",
    "页面模板",
    "敏感词表",
    "图片（JPEG、PNG、WebP）",
    "SQLite 全文检索",
    "新建工作区",
    "应用图标",
    "分社预设",
    "TLS 证书",
    "数据文件夹可写",
    "同步服务器",
)

pytestmark = pytest.mark.slow


def self_test(tmp_path: Path, **env: str) -> tuple[int, dict[str, str], str]:
    """The exit status, each check's line by its name, and the last line."""
    environment = {
        k: v for k, v in os.environ.items() if k not in ("NEWSDESK_RESOURCES", "DISPLAY")
    }
    environment |= {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        **env,
    }
    done = subprocess.run(
        [NEWSDESK, "--lang", "zh_CN", "--self-test"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = done.stdout.strip().splitlines()
    by_name = {}
    for line in lines[:-1]:
        outcome, rest = line.split(maxsplit=1)
        name, detail = rest.split(": ", 1)
        by_name[name] = f"{outcome} {detail}"
    assert len(by_name) == len(CHECKS), done.stdout + done.stderr
    return done.returncode, by_name, lines[-1]


def failed(lines: dict[str, str]) -> set[str]:
    return {name for name, line in lines.items() if line.startswith("FAIL")}


def test_a_working_installation_passes_every_check(tmp_path: Path) -> None:
    status, lines, summary = self_test(tmp_path)
    assert status == 0, lines
    assert tuple(lines) == CHECKS
    assert failed(lines) == set()
    assert summary == "全部检查通过。"
    assert lines["中文字体"] == "OK Noto Sans CJK SC"
    assert lines["同步服务器"] == "OK 未配置，已跳过"
    assert lines["分社预设"] == f"OK {os.environ['NEWSDESK_PRESET']} 处没有预设"
    assert lines["数据文件夹可写"] == f"OK {tmp_path / 'data' / 'Newsdesk'}"
    assert not (tmp_path / "data" / "Newsdesk").exists() or not any(
        (tmp_path / "data" / "Newsdesk").iterdir()
    ), "the self-test leaves nothing behind"


def test_a_machine_without_a_chinese_font_fails_that_check_alone(tmp_path: Path) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><fontconfig>'
        "<dir>/usr/share/fonts/truetype/dejavu</dir>"
        f"<cachedir>{tmp_path / 'font-cache'}</cachedir></fontconfig>"
    )
    status, lines, summary = self_test(tmp_path, FONTCONFIG_FILE=str(config))
    assert status == 1
    assert failed(lines) == {"中文字体"}
    assert "空方框" in lines["中文字体"] and "Noto Sans CJK SC" in lines["中文字体"]
    assert summary == "13 项检查中有 1 项未通过。"


def test_missing_resources_are_each_named(tmp_path: Path) -> None:
    empty = tmp_path / "resources"
    empty.mkdir()
    status, lines, _ = self_test(tmp_path, NEWSDESK_RESOURCES=str(empty))
    assert status == 1
    # Without its catalogue the self-test itself speaks English.
    assert failed(lines) == {
        "Translations",
        "Page templates",
        "Sensitive-word lists",
        "Application icon",
    }
    assert str(empty / "translations") in lines["Translations"]


def test_a_data_folder_that_cannot_be_written_fails(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    status, lines, _ = self_test(tmp_path, XDG_DATA_HOME=str(blocked))
    assert status == 1
    assert failed(lines) == {"数据文件夹可写"}
    assert str(blocked / "Newsdesk") in lines["数据文件夹可写"]


def test_the_last_workspace_s_server_is_checked(tmp_path: Path) -> None:
    from newsdesk.store.store import make_engine

    workspace_folder = tmp_path / "workspace"
    settings = tmp_path / "config" / "Newsdesk" / "Newsdesk.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text(f"[workspace]\nlast={workspace_folder}\n")
    engine = make_engine(f"sqlite:///{tmp_path / 'server.db'}")
    seed(engine)
    try:
        with LiveServer(engine) as live:
            with Workspace.open(workspace_folder, create=True) as workspace:
                workspace.store.set_setting(SYNC_SERVER, live.url)
            status, lines, _ = self_test(tmp_path)
            assert status == 0 and lines["同步服务器"] == f"OK {live.url}"
    finally:
        engine.dispose()
    gone = f"http://127.0.0.1:{free_port()}"
    with Workspace.open(workspace_folder) as workspace:
        workspace.store.set_setting(SYNC_SERVER, gone)
    status, lines, _ = self_test(tmp_path)
    assert status == 1
    assert failed(lines) == {"同步服务器"}
    assert lines["同步服务器"].startswith(f"FAIL 无法连接 {gone}")


def test_the_branch_preset_is_checked_and_its_server_tried(tmp_path: Path) -> None:
    preset = tmp_path / "branch.toml"
    gone = f"http://127.0.0.1:{free_port()}"
    preset.write_text(f'branch = "城东分社"\nserver = "{gone}"\n', encoding="utf-8")
    status, lines, _ = self_test(tmp_path, NEWSDESK_PRESET=str(preset))
    assert status == 1
    assert lines["分社预设"] == f"OK 城东分社 ({gone})"
    assert failed(lines) == {"同步服务器"}
    preset.write_text('branch = "城东分社"\nserver = "newsdesk.example.cn"\n', encoding="utf-8")
    status, lines, _ = self_test(tmp_path, NEWSDESK_PRESET=str(preset))
    assert status == 1
    assert failed(lines) == {"分社预设"}
    assert lines["分社预设"] == (
        f"FAIL 无法使用分社预设 {preset}：“server”必须是以 https:// 或 http:// 开头的地址。"
    )
    assert lines["同步服务器"] == "OK 未配置，已跳过"
