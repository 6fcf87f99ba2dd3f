"""``newsdesk export``, ``publish`` and ``demo`` on hostile data and machines: crafted ids,
missing images, damaged databases, a folder where the database should be, a full disk."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update

from newsdesk.core.model import Article, ArticleState, Attachment, Publication
from newsdesk.core.mutation import Kind
from newsdesk.store.codec import TABLES
from newsdesk.store.workspace import DB_NAME, Workspace
from tests.test_cli import newsdesk

SITE = ("--base-url", "https://news.example.cn/")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli-hostile") / "demo"
    result = newsdesk("demo", "--no-gui", "--workspace", str(folder))
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def demo(pristine: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    shutil.copytree(pristine, folder)
    return folder


def published(folder: Path) -> list[str]:
    table = TABLES[Article]
    with Workspace.open(folder) as workspace, workspace.store.engine.connect() as conn:
        query = select(table.c.id).where(table.c.state == ArticleState.PUBLISHED.value)
        return list(conn.execute(query.order_by(table.c.id)).scalars())


def rename_article(folder: Path, old: str, new: str) -> None:
    """What a server accepted before ids were checked: an article named by a crafted id."""
    with Workspace.open(folder) as workspace, workspace.store.engine.begin() as conn:
        conn.execute(update(TABLES[Article]).where(TABLES[Article].c.id == old).values(id=new))
        for child in ("revisions", "publications", "review_decisions", "sign_offs"):
            conn.execute(
                text(f"UPDATE {child} SET article_id = :new WHERE article_id = :old"),
                {"new": new, "old": old},
            )


def test_an_export_writes_what_it_can_and_names_what_it_could_not(
    demo: Path, tmp_path: Path
) -> None:
    ids = published(demo)
    climbing, spaced, quoted = ids[0], ids[1], ids[2]
    rename_article(demo, climbing, "../../../../escaped")
    rename_article(demo, spaced, "with space\nand line")
    rename_article(demo, quoted, "quo'te\"")
    with Workspace.open(demo) as workspace, workspace.store.engine.connect() as conn:
        images = list(conn.execute(select(TABLES[Attachment].c.sha256)).scalars())
    for sha in images:  # the images are gone: articles showing one cannot be written
        workspace.blobs.path(sha).unlink(missing_ok=True)
    out = tmp_path / "site" / "out"
    stale = out / "pc" / ".newsdesk-index.html.0000.tmp"
    stale.parent.mkdir(parents=True)
    stale.write_text("half of a page a killed export left")
    result = newsdesk("export", "--workspace", str(demo), "--out", str(out), *SITE)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "../../../../escaped" in result.stderr and "Not exported" in result.stderr
    assert not (tmp_path / "escaped.html").exists() and not list(tmp_path.glob("**/escaped*"))
    assert not stale.exists()
    written = {p.stem for p in out.glob("pc/*/*.html")} - {"index"}
    assert written  # the articles without images were written all the same
    # The three crafted ids, and at least one article whose image is missing.
    assert result.stderr.count("Not exported") >= 4
    assert not list(out.rglob("*.tmp"))


def test_publishing_an_unknown_article_says_so(demo: Path) -> None:
    for unknown in ("01a2b3c4-0000-7000-8000-000000000000", "../../x"):
        result = newsdesk("publish", "--workspace", str(demo), "--article", unknown)
        assert result.returncode == 2
        assert f"There is no article “{unknown}” in this workspace." in result.stderr


def test_a_damaged_or_misplaced_database_is_refused_by_every_command(
    demo: Path, pristine: Path, tmp_path: Path
) -> None:
    article = published(pristine)[0]
    db = demo / DB_NAME
    with Workspace.open(demo):
        pass
    size = db.stat().st_size
    with db.open("r+b") as file:  # overwrite pages in the middle, keep the header
        file.seek(size // 2)
        file.write(b"\xde\xad" * 4096)
    commands = [
        ("export", "--workspace", str(demo), "--out", str(tmp_path / "out"), *SITE),
        ("publish", "--workspace", str(demo), "--article", article),
    ]
    for command in commands:
        result = newsdesk(*command)
        assert result.returncode == 2, result.stdout
        assert "is damaged" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
    folder = tmp_path / "folder-db"
    (folder / DB_NAME).mkdir(parents=True)
    for command in (
        ("export", "--workspace", str(folder), "--out", str(tmp_path / "o2"), *SITE),
        ("publish", "--workspace", str(folder), "--article", article),
    ):
        result = newsdesk(*command)
        assert result.returncode == 2 and "is not a database file" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_full_disk_is_named_and_nothing_half_made_is_left(small_disk: Path, demo: Path) -> None:
    folder = small_disk / "demo"
    made = newsdesk("demo", "--no-gui", "--workspace", str(folder))
    assert made.returncode == 2, made.stdout
    assert "The disk is full" in made.stderr and "Traceback" not in made.stderr
    assert list(small_disk.iterdir()) == []  # nothing a second run would take for a workspace
    out = small_disk / "out"
    exported = newsdesk("export", "--workspace", str(demo), "--out", str(out), *SITE)
    assert exported.returncode == 2, exported.stdout
    assert "The disk is full" in exported.stderr and "Traceback" not in exported.stderr
    assert not list(out.rglob("*.tmp"))


def test_publishing_onto_a_full_disk_is_named_and_not_recorded(
    small_disk: Path, demo: Path
) -> None:
    table = TABLES[Article]
    with Workspace.open(demo) as workspace, workspace.store.engine.connect() as conn:
        query = select(table.c.id).where(table.c.state == ArticleState.SIGNED_OFF.value)
        article = conn.execute(query).scalars().first()
    assert article is not None

    def publications() -> int:
        with Workspace.open(demo) as workspace, workspace.store.engine.connect() as conn:
            query = select(func.count()).select_from(TABLES[Publication])
            return int(
                conn.execute(query.where(TABLES[Publication].c.article_id == article)).scalar_one()
            )

    filler = small_disk / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as file:
        file.write(b"\0" * (1 << 20))
    out = small_disk / "out"
    result = newsdesk("publish", "--workspace", str(demo), "--article", article, "--out", str(out))
    assert result.returncode == 2, result.stdout
    assert "The disk is full" in result.stderr and "Traceback" not in result.stderr
    assert not list(out.rglob("*.tmp")) and not list(out.rglob(f"{article}.*"))
    # Not published: no publication, the article still waits for publishing, nothing to sync.
    assert publications() == 0
    with Workspace.open(demo) as workspace:
        with workspace.store.world() as world:
            assert world.article(article).state == ArticleState.SIGNED_OFF  # type: ignore[union-attr]
        assert not [m for m in workspace.store.pending() if m.kind is Kind.ARTICLE_PUBLISH]

    filler.unlink()  # space again: the same command publishes
    again = newsdesk("publish", "--workspace", str(demo), "--article", article, "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert publications() > 0 and list(out.rglob(f"{article}.*"))
