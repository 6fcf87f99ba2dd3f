"""``newsdesk publish`` and ``newsdesk export``, run in a subprocess on a demo workspace."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from newsdesk.core.model import Article, ArticleState
from newsdesk.store.codec import TABLES
from newsdesk.store.workspace import Workspace
from tests.test_cli import newsdesk


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-publish") / "demo"
    result = newsdesk("demo", "--no-gui", "--workspace", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


def article_in(folder: Path, state: ArticleState) -> str:
    table = TABLES[Article]
    with Workspace.open(folder) as workspace, workspace.store.engine.connect() as conn:
        found = conn.execute(select(table.c.id).where(table.c.state == state.value)).scalar()
    assert isinstance(found, str)
    return found


def test_export_writes_every_published_article(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    site = "https://news.example.cn/"
    result = newsdesk("export", "--workspace", str(demo), "--out", str(out), "--base-url", site)
    assert result.returncode == 0, result.stderr
    assert "Exported" in result.stdout and " files in " in result.stdout
    assert list(out.glob("pc/*/index.html")) and list(out.glob("app/*/feed.json"))
    assert list(out.glob("wap/images/*-720.*"))
    documents = [p.read_text(encoding="utf-8") for p in out.glob("app/*/*.json")]
    assert documents and not any("file:" in text for text in documents)
    assert all(site + "app/" in text for text in documents)


def test_export_of_one_target(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    app = ("--workspace", str(demo), "--out", str(out), "--target", "app")
    without = newsdesk("export", *app)
    assert without.returncode == 2 and "--base-url" in without.stderr
    result = newsdesk("export", *app, "--base-url", "https://news.example.cn")
    assert result.returncode == 0, result.stderr
    assert {p.name for p in out.iterdir()} == {"app"}


def test_publish_a_signed_off_article(demo: Path, tmp_path: Path) -> None:
    article = article_in(demo, ArticleState.SIGNED_OFF)
    out = tmp_path / "out"
    result = newsdesk("publish", "--workspace", str(demo), "--article", article, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert list(out.glob(f"*/*/{article}.*"))
    assert article_in(demo, ArticleState.SIGNED_OFF) != article


def test_publishing_a_draft_exits_2_with_the_reason(demo: Path, tmp_path: Path) -> None:
    article = article_in(demo, ArticleState.DRAFT)
    out = tmp_path / "out"
    result = newsdesk("publish", "--workspace", str(demo), "--article", article, "--out", str(out))
    assert result.returncode == 2
    assert "Only a signed-off article can be published." in result.stderr
    assert not out.exists()


def test_publish_follows_the_workspace_settings_and_reports_an_undelivered_file(
    demo: Path,
) -> None:
    from newsdesk.publish.publisher import PublishingSettings, save_settings

    article = article_in(demo, ArticleState.SIGNED_OFF)
    with Workspace.open(demo) as workspace:
        # Port 9 (discard) on this machine: nothing listens, so every POST fails to connect.
        down = "http://127.0.0.1:9/in"
        save_settings(
            workspace, PublishingSettings(endpoints=dict.fromkeys(("pc", "wap", "app"), down))
        )
    result = newsdesk("publish", "--workspace", str(demo), "--article", article)
    assert result.returncode == 1
    assert list((demo / "export").glob(f"*/*/{article}.*"))
    assert "Not delivered:" in result.stderr and f"/{article}." in result.stderr
