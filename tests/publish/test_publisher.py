"""Publishing a demo workspace's articles: folders, HTTP endpoints that fail, corrections (full
and typo), retractions, and the remembered failures."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from newsdesk.core.articles import current_hash
from newsdesk.core.ids import new_id
from newsdesk.core.model import Article, ArticleState, ChecklistItem, Publication, Target
from newsdesk.core.mutation import Kind, mutation
from newsdesk.demo import DEMO_SITE, build_demo
from newsdesk.publish.delivery import idempotency_key
from newsdesk.publish.export import channel_folder
from newsdesk.publish.ninjs import validate_ninjs
from newsdesk.publish.publisher import (
    Publisher,
    PublishingSettings,
    load_settings,
    save_settings,
)
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.workspace import Workspace
from tests.publish.receiver import Receiver, serve


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("publisher-demo") / "ws"
    with Workspace.open(folder, create=True) as workspace:
        build_demo(workspace)
    return folder


@pytest.fixture
def workspace(demo_folder: Path, tmp_path: Path) -> Iterator[Workspace]:
    folder = tmp_path / "ws"
    shutil.copytree(demo_folder, folder)
    with Workspace.open(folder) as opened:
        yield opened


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    yield from serve(0)


def folder_of(workspace: Workspace, article: Article) -> str:
    """The article's channel folder in exported paths (its slug in the demo)."""
    with workspace.store.world() as world:
        channel = world.channel(article.channel_id)
    assert channel is not None
    return channel_folder(channel)


def articles(workspace: Workspace, state: ArticleState, channel_name: str = "") -> list[Article]:
    table = TABLES[Article]
    with workspace.store.engine.connect() as conn:
        rows = conn.execute(select(table).where(table.c.state == state.value)).mappings()
        found = [from_row(Article, row) for row in rows]
    if channel_name:
        with workspace.store.world() as world:
            found = [
                a for a in found if (c := world.channel(a.channel_id)) and c.name == channel_name
            ]
    return found


def user_id(workspace: Workspace, login: str) -> str:
    with workspace.store.world() as world:
        user = world.user_by_login(login)
    assert user is not None
    return user.id


def must(workspace: Workspace, login: str, kind: Kind, entity: str, **args: Any) -> None:
    [applied] = workspace.store.apply([mutation(user_id(workspace, login), kind, entity, **args)])
    assert applied.accepted, f"{kind} by {login}: {applied.outcome}"


def article(workspace: Workspace, article_id: str) -> Article:
    with workspace.store.world() as world:
        found = world.article(article_id)
    assert found is not None
    return found


def review_and_sign_off(workspace: Workspace, article_id: str, levels: range) -> None:
    for level in levels:
        must(
            workspace,
            f"reviewer{level}",
            Kind.ARTICLE_REVIEW,
            article_id,
            decision_id=new_id(),
            revision_hash=article(workspace, article_id).revision_hash,
            level=level,
            verdict="approve",
            checked=[item.value for item in ChecklistItem],
        )
    must(
        workspace,
        "publisher",
        Kind.ARTICLE_SIGN_OFF,
        article_id,
        sign_off_id=new_id(),
        revision_hash=article(workspace, article_id).revision_hash,
    )


def correct(workspace: Workspace, article_id: str, body: str, *, typo: bool = False) -> None:
    must(workspace, "chief", Kind.ARTICLE_CORRECT, article_id, typo=typo)
    must(workspace, "chief", Kind.ARTICLE_EDIT, article_id, body_html=body)
    must(
        workspace,
        "chief",
        Kind.ARTICLE_SUBMIT,
        article_id,
        revision_id=new_id(),
        content_hash=current_hash(article(workspace, article_id)),
    )


def test_publishing_records_the_locations_and_writes_them_to_the_export_folder(
    workspace: Workspace,
) -> None:
    signed = articles(workspace, ArticleState.SIGNED_OFF)[0]
    steps: list[tuple[int, int]] = []
    report = Publisher(workspace).publish(
        user_id(workspace, "publisher"), signed.id, progress=lambda *step: steps.append(step)
    )
    assert report.accepted, report.applied
    with workspace.store.world() as world:
        publications: list[Publication] = list(world.publications(signed.id))
    assert article(workspace, signed.id).state == ArticleState.PUBLISHED
    assert publications
    for publication in publications:
        assert (workspace.export / publication.location).is_file()
        assert publication.location in {w.path for w in report.written}
    assert steps == [(1, 1)]  # no endpoint: exporting is the one step
    assert report.delivered == ()


def test_publishing_a_draft_is_refused_with_the_core_reason_and_writes_nothing(
    workspace: Workspace,
) -> None:
    draft = articles(workspace, ArticleState.DRAFT)[0]
    before = sorted(workspace.export.rglob("*"))  # the demo's own published pages
    report = Publisher(workspace).publish(user_id(workspace, "publisher"), draft.id)
    assert not report.accepted
    assert "Only a signed-off article can be published." in str(report.applied.outcome)
    assert report.written == ()
    assert sorted(workspace.export.rglob("*")) == before


def test_an_endpoint_that_fails_at_first_gets_every_file_exactly_once(
    workspace: Workspace, receiver: Receiver, tmp_path: Path
) -> None:
    receiver.failures = 3
    share = tmp_path / "share"
    settings = PublishingSettings(
        folders={"wap": str(share)},
        endpoints={"app": receiver.url, "pc": receiver.url},
        tokens={"app": "s3cret"},
    )
    save_settings(workspace, settings)
    signed = articles(workspace, ArticleState.SIGNED_OFF, "新闻")[0]
    waits: list[float] = []
    publisher = Publisher(workspace, backoff=0.01, sleep=waits.append)
    report = publisher.publish(user_id(workspace, "publisher"), signed.id)
    assert report.accepted and report.failures == ()
    posted = [w for w in report.written if w.target in (Target.PC, Target.APP)]
    assert len(receiver.stored) == len(posted)
    assert len(waits) == 3  # the three failures were retried after a backoff
    version = article(workspace, signed.id).published_version
    for file in posted:
        assert idempotency_key(signed.id, version, file.target, file.path) in receiver.stored
    assert receiver.authorizations == {"", "Bearer s3cret"}
    for file in (w for w in report.written if w.target == Target.WAP):
        assert (share / file.path).read_bytes() == file.data
    # Sending the same version again stores nothing new.
    publisher.send(signed.id)
    assert len(receiver.stored) == len(posted)
    assert publisher.failed() == []


def test_failed_deliveries_are_remembered_and_retried_until_they_arrive(
    workspace: Workspace, receiver: Receiver
) -> None:
    receiver.failures = -1  # down
    save_settings(workspace, PublishingSettings(endpoints={"app": receiver.url}))
    signed = articles(workspace, ArticleState.SIGNED_OFF, "新闻")[0]
    publisher = Publisher(workspace, attempts=2, sleep=lambda _: None)
    report = publisher.publish(user_id(workspace, "publisher"), signed.id)
    assert report.accepted and report.failures
    failed = Publisher(workspace).failed()  # another desktop of the workspace sees them too
    assert {f.path for f in failed} == {d.path for d in report.failures}
    assert all("503" in f.reason and f.destination == receiver.url for f in failed)
    assert receiver.stored == {}
    receiver.failures = 0  # back up
    retried = publisher.retry_failed()
    assert retried.failures == () and retried.delivered
    assert publisher.failed() == []
    assert len(receiver.stored) == len([w for w in report.written if w.target == Target.APP])


def test_a_correction_bumps_the_version_and_shows_its_note(workspace: Workspace) -> None:
    published = articles(workspace, ArticleState.PUBLISHED, "新闻")[0]
    version = published.published_version
    correct(workspace, published.id, "<p>更正后的正文：展览延期至周日。</p>")
    review_and_sign_off(workspace, published.id, range(1, 4))
    publisher = Publisher(workspace)
    report = publisher.publish(user_id(workspace, "publisher"), published.id, "更正了展览日期")
    assert report.accepted, report.applied
    after = article(workspace, published.id)
    assert after.published_version == version + 1
    channel = folder_of(workspace, after)
    document = json.loads((workspace.export / f"app/{channel}/{after.id}.json").read_text())
    assert validate_ninjs(document) == []
    assert document["version"] == str(version + 1)
    assert "展览延期至周日" in json.dumps(document, ensure_ascii=False)
    for target in ("pc", "wap"):
        page = (workspace.export / f"{target}/{channel}/{after.id}.html").read_text()
        assert "更正了展览日期" in page and "展览延期至周日" in page


def test_a_typo_fix_is_approved_by_the_last_level_alone(workspace: Workspace) -> None:
    published = articles(workspace, ArticleState.PUBLISHED, "新闻")[0]
    correct(workspace, published.id, "<p>改正错别字后的正文。</p>", typo=True)
    assert article(workspace, published.id).review_level == 3
    review_and_sign_off(workspace, published.id, range(3, 4))
    report = Publisher(workspace).publish(user_id(workspace, "publisher"), published.id, "错别字")
    assert report.accepted, report.applied
    assert article(workspace, published.id).published_version == published.published_version + 1


def test_a_retraction_replaces_the_article_on_every_target(
    workspace: Workspace, receiver: Receiver
) -> None:
    save_settings(workspace, PublishingSettings(endpoints={"app": receiver.url}))
    published = articles(workspace, ArticleState.PUBLISHED, "新闻")[0]
    publisher = Publisher(workspace)
    publisher.send(published.id)  # as it stood before
    report = publisher.retract(user_id(workspace, "chief"), published.id, "采访对象身份有误")
    assert report.accepted, report.applied
    channel = folder_of(workspace, published)
    for target in ("pc", "wap"):
        page = (workspace.export / f"{target}/{channel}/{published.id}.html").read_text()
        assert "采访对象身份有误" in page
        index = (workspace.export / f"{target}/{channel}/index.html").read_text()
        assert f"{published.id}.html" not in index
    document = json.loads((workspace.export / f"app/{channel}/{published.id}.json").read_text())
    assert document["pubstatus"] == "canceled"
    assert document["version"] == str(published.published_version + 1)
    feed = json.loads((workspace.export / f"app/{channel}/feed.json").read_text())
    [entry] = [e for e in feed["items"] if e["uri"].endswith(published.id)]
    assert entry["pubstatus"] == "canceled"
    notice_key = idempotency_key(
        published.id, published.published_version + 1, "app", f"app/{channel}/{published.id}.json"
    )
    assert receiver.stored[notice_key]["content_base64"]


def test_settings_are_checked_and_kept_in_the_workspace(workspace: Workspace) -> None:
    bad = PublishingSettings(
        folder="relative/out",
        base_url="ftp://x",
        endpoints={"app": "not a url", "tv": "https://x.cn"},
    )
    problems = [str(p) for p in bad.problems()]
    assert any("relative/out" in p for p in problems)
    assert any("ftp://x" in p for p in problems)
    assert any("not a url" in p and "APP" in p for p in problems)
    assert any("“tv”" in p for p in problems)
    with pytest.raises(ValueError, match="relative/out"):
        save_settings(workspace, bad)
    assert load_settings(workspace) == PublishingSettings(site_name=DEMO_SITE)  # the demo's
    good = PublishingSettings(
        folder=str(workspace.folder / "site"),
        site_name="滨江日报",
        base_url="https://news.example.cn/",
        endpoints={"app": "https://app.example.cn/ingest"},
        tokens={"app": "t"},
    )
    save_settings(workspace, good)
    assert load_settings(workspace) == good
    assert Publisher(workspace).out == workspace.folder / "site"
