"""The demo newsroom: built through the rules, it holds every state and the documented logins."""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pytest
from sqlalchemy import FromClause, select

from newsdesk.core import operations, proposals, workdays
from newsdesk.core.actor import Actor
from newsdesk.core.articles import review_complete
from newsdesk.core.board import Column
from newsdesk.core.body import strip_html
from newsdesk.core.i18n import Message
from newsdesk.core.model import (
    ArticleKind,
    ArticleState,
    ChecklistItem,
    MaterialKind,
    MessageClass,
    MessageState,
    Platform,
    ProposalState,
    ReaderMessage,
    Role,
    Verdict,
)
from newsdesk.core.mutation import Kind
from newsdesk.demo import DEMO_PASSWORD, DemoLogin, DemoSummary, build_demo
from newsdesk.passwords import verify_password
from newsdesk.store import reads
from newsdesk.store.codec import from_db_time, from_row
from newsdesk.store.queries import load_snapshot
from newsdesk.store.schema import (
    ACCOUNT_MONTHS as MONTHS,
)
from newsdesk.store.schema import (
    ARTICLES,
    ATTACHMENTS,
    CHANNELS,
    MUTATIONS,
    PROPOSALS,
    PUBLICATIONS,
    REVISIONS,
    USERS,
)
from newsdesk.store.schema import PLATFORM_ACCOUNTS as ACCOUNTS
from newsdesk.store.schema import PLATFORM_FIGURES as FIGURES
from newsdesk.store.schema import READER_MESSAGES as MESSAGES
from newsdesk.store.schema import REVIEW_DECISIONS as DECISIONS
from newsdesk.store.schema import YEAR_TARGETS as TARGETS
from newsdesk.store.workspace import DEMO_SETTING, Workspace

DOCUMENTED = ("admin", "chief", "editor", "reviewer1", "reviewer2", "reviewer3", "publisher")


@dataclass(frozen=True)
class Demo:
    workspace: Workspace
    summary: DemoSummary
    progress: list[Message]

    def rows(self, table: FromClause, *where: Any) -> list[dict[str, Any]]:
        with self.workspace.store.engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(table).where(*where)).mappings()]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    workspace = Workspace.open(tmp_path_factory.mktemp("demo") / "ws", create=True)
    progress: list[Message] = []
    summary = build_demo(workspace, progress=progress.append)
    yield Demo(workspace, summary, progress)
    workspace.close()


def level_of(role: Role) -> int:
    """The number of review levels a channel needs before ``role`` applies there."""
    return {Role.REVIEWER2: 2, Role.REVIEWER3: 3}.get(role, 1)


def test_every_proposal_and_article_state_is_present(demo: Demo) -> None:
    assert {r["state"] for r in demo.rows(PROPOSALS)} == set(ProposalState)
    articles = demo.rows(ARTICLES)
    assert {r["state"] for r in articles} == set(ArticleState)
    waiting = {r["review_level"] for r in articles if r["state"] == ArticleState.IN_REVIEW}
    assert waiting == {1, 2, 3}


def test_documented_logins_hold_their_role_wherever_it_applies(demo: Demo) -> None:
    with demo.workspace.store.world() as w:
        admin = w.user_by_login("admin")
        assert admin is not None and admin.is_admin
        for login in DOCUMENTED[1:]:
            user = w.user_by_login(login)
            assert user is not None and not user.is_admin, login
            actor = Actor.of(user, w.grants_of(user.id))
            role = Role(login)
            for channel in demo.rows(CHANNELS):
                applies = channel["review_levels"] >= level_of(role)
                assert actor.holds(role, channel["id"]) == applies, (login, channel["name"])


def test_the_editor_may_propose_in_every_channel(demo: Demo) -> None:
    with demo.workspace.store.world() as w:
        editor = w.user_by_login("editor")
        assert editor is not None
        actor = Actor.of(editor, w.grants_of(editor.id))
        for row in demo.rows(CHANNELS):
            channel = w.channel(row["id"])
            assert channel is not None
            assert proposals.may_create(actor, channel) is None, channel.name


def test_channels_differ_in_levels_targets_and_colours(demo: Demo) -> None:
    channels = demo.rows(CHANNELS)
    assert len(channels) >= 4
    # 001 §5.3.2: at least 初审 and 复审 everywhere.
    assert {c["review_levels"] for c in channels} == {2, 3}
    assert all(c["default_source"] and c["default_responsible_editor"] for c in channels)
    assert len({tuple(c["targets"]) for c in channels}) > 1
    assert len({c["colour"] for c in channels}) == len(channels)


def test_the_summary_matches_the_workspace_and_lists_every_user(demo: Demo) -> None:
    summary = demo.summary
    users = demo.rows(USERS)
    articles = demo.rows(ARTICLES)
    assert summary.users == len(users) >= 12
    assert summary.channels == len(demo.rows(CHANNELS))
    assert summary.proposals == len(demo.rows(PROPOSALS))
    assert summary.articles == len(articles)
    assert summary.published == sum(a["state"] == ArticleState.PUBLISHED for a in articles)
    assert summary.attachments == len(demo.rows(ATTACHMENTS))
    assert all(isinstance(entry, DemoLogin) for entry in summary.logins)
    logins = [entry.login for entry in summary.logins]
    assert sorted(logins) == sorted(u["login"] for u in users)
    assert set(DOCUMENTED) <= set(logins)
    assert all(entry.name and (entry.is_admin or entry.roles) for entry in summary.logins)
    assert [str(step) for step in demo.progress][-1] == "Demo newsroom ready"


def test_the_summary_lists_each_users_grants_by_channel_in_creation_order(demo: Demo) -> None:
    with demo.workspace.store.engine.connect() as conn:
        query = (
            select(MUTATIONS.c.entity)
            .where(MUTATIONS.c.kind == Kind.CHANNEL_CREATE.value)
            .order_by(MUTATIONS.c.seq)
        )
        created = list(conn.execute(query).scalars())
    name_of = {c["id"]: c["name"] for c in demo.rows(CHANNELS)}
    in_order = [name_of[channel_id] for channel_id in created]
    with demo.workspace.store.world() as w:
        for entry in demo.summary.logins:
            user = w.user_by_login(entry.login)
            assert user is not None and user.name == entry.name, entry.login
            assert user.is_admin == entry.is_admin, entry.login
            granted = {(g.role, name_of[g.channel_id]) for g in w.grants_of(user.id)}
            listed = [(role, name) for role, names in entry.roles for name in names]
            assert sorted(listed) == sorted(granted), entry.login
            assert len({role for role, _ in entry.roles}) == len(entry.roles), entry.login
            for _, names in entry.roles:
                assert list(names) == sorted(names, key=in_order.index), entry.login


def test_every_user_signs_in_with_the_demo_password(demo: Demo) -> None:
    hashes = {u["password_hash"] for u in demo.rows(USERS)}
    assert None not in hashes
    for password_hash in hashes:  # one hash, shared: Argon2 is slow on purpose
        assert verify_password(password_hash, DEMO_PASSWORD)
        assert not verify_password(password_hash, DEMO_PASSWORD + "x")


def test_published_articles_were_approved_at_every_level_and_signed_off(demo: Demo) -> None:
    published = demo.rows(ARTICLES, ARTICLES.c.state == ArticleState.PUBLISHED.value)
    assert published
    with demo.workspace.store.world() as w:
        for row in published:
            article = w.article(row["id"])
            assert article is not None
            channel = w.channel(article.channel_id)
            assert channel is not None
            decisions = w.decisions(article.id, article.revision_number)
            assert review_complete(channel, article, decisions) is None, article.title
            sign_off = w.sign_off(article.id, article.revision_number)
            assert sign_off is not None and sign_off.revision_hash == article.revision_hash
            assert article.published_hash == article.revision_hash
            latest = {
                p.target
                for p in w.publications(article.id)
                if p.version == article.published_version
            }
            assert latest == set(channel.targets), article.title


def test_no_channel_that_forbids_it_has_one_reviewer_approve_two_levels(demo: Demo) -> None:
    strict = {c["id"] for c in demo.rows(CHANNELS) if not c["allow_same_reviewer"]}
    channel_of = {a["id"]: a["channel_id"] for a in demo.rows(ARTICLES)}
    approvers: dict[tuple[str, int], list[str]] = defaultdict(list)
    for d in demo.rows(DECISIONS, DECISIONS.c.verdict == Verdict.APPROVE.value):
        if channel_of[d["article_id"]] in strict:
            approvers[d["article_id"], d["revision_number"]].append(d["reviewer_id"])
    assert approvers
    assert all(len(set(people)) == len(people) for people in approvers.values())


def test_a_correction_was_republished_as_version_two_with_a_note(demo: Demo) -> None:
    corrected = demo.rows(ARTICLES, ARTICLES.c.published_version == 2)
    assert corrected
    with demo.workspace.store.world() as w:
        for row in corrected:
            publications = w.publications(row["id"])
            assert {p.version for p in publications} == {1, 2}
            assert all(p.correction_note for p in publications if p.version == 2)


def test_a_level_two_return_anchors_its_comment_to_the_text(demo: Demo) -> None:
    returns = [
        d
        for d in demo.rows(DECISIONS, DECISIONS.c.verdict == Verdict.RETURN.value)
        if d["level"] == 2 and d["anchors"]
    ]
    assert returns
    for decision in returns:
        assert decision["comment"]
        (revision,) = demo.rows(
            REVISIONS,
            REVISIONS.c.article_id == decision["article_id"],
            REVISIONS.c.number == decision["revision_number"],
        )
        text = strip_html(revision["content"]["body_html"])
        for anchor in decision["anchors"]:
            assert text[anchor["start"] : anchor["end"]] == anchor["quote"]
            assert anchor["comment"]


def test_a_published_repost_was_approved_as_authorised(demo: Demo) -> None:
    reposts = demo.rows(
        ARTICLES,
        ARTICLES.c.kind == ArticleKind.REPOST.value,
        ARTICLES.c.state == ArticleState.PUBLISHED.value,
    )
    assert reposts
    for article in reposts:
        assert article["original_url"].startswith("https://")
        approvals = demo.rows(
            DECISIONS,
            DECISIONS.c.article_id == article["id"],
            DECISIONS.c.verdict == Verdict.APPROVE.value,
        )
        assert approvals
        assert all(ChecklistItem.REPOST_AUTHORISED.value in d["checked"] for d in approvals)


def test_rejections_retractions_and_returned_proposals_say_why(demo: Demo) -> None:
    assert all(
        p["return_reason"]
        for p in demo.rows(PROPOSALS, PROPOSALS.c.state == ProposalState.RETURNED.value)
    )
    assert all(
        a["retract_reason"]
        for a in demo.rows(ARTICLES, ARTICLES.c.state == ArticleState.RETRACTED.value)
    )
    rejections = demo.rows(DECISIONS, DECISIONS.c.verdict == Verdict.REJECT.value)
    assert rejections and all(d["comment"] for d in rejections)


def test_assigned_topics_have_due_dates_some_of_them_overdue(demo: Demo) -> None:
    topics = demo.rows(
        PROPOSALS,
        PROPOSALS.c.state.in_([ProposalState.ASSIGNED.value, ProposalState.IN_PROGRESS.value]),
    )
    assert all(t["due_date"] is not None for t in topics)
    today = dt.date.today()
    assert any(t["due_date"] < today for t in topics)
    assert any(t["due_date"] >= today for t in topics)


def test_pictures_are_stored_and_used_as_covers_figures_and_materials(demo: Demo) -> None:
    attachments = {a["sha256"]: a for a in demo.rows(ATTACHMENTS)}
    assert len(attachments) >= 4
    for sha, attachment in attachments.items():
        assert attachment["mime"] in ("image/jpeg", "image/png")
        assert len(demo.workspace.blobs.read(sha)) == attachment["size"]
    articles = demo.rows(ARTICLES)
    covers = {a["cover"] for a in articles if a["cover"]}
    assert covers and covers <= set(attachments)
    embedded = {
        sha
        for sha in attachments
        if any(f'src="attachment:{sha}"' in a["body_html"] for a in articles)
    }
    assert embedded
    assert any("<figcaption>" in a["body_html"] for a in articles)
    files = {
        m["value"]
        for p in demo.rows(PROPOSALS)
        for m in p["materials"]
        if m["kind"] == MaterialKind.FILE.value
    }
    assert files and files <= set(attachments)


def test_bodies_use_rich_html(demo: Demo) -> None:
    bodies = [a["body_html"] for a in demo.rows(ARTICLES)]
    for tag in ("<p>", "<h2>", "<blockquote>", "<ul>", "<table>", "<figure>"):
        assert any(tag in body for body in bodies), tag
    lengths = [len(strip_html(body)) for body in bodies]
    assert min(lengths) >= 200 and max(lengths) >= 1000


def test_chinese_search_finds_a_word_of_a_demo_title(demo: Demo) -> None:
    hits = demo.workspace.store.search("文化")
    assert hits
    with demo.workspace.store.world() as w:
        titles = []
        for hit in hits:
            found = w.article(hit.id) if hit.kind == "article" else w.proposal(hit.id)
            assert found is not None
            titles.append(found.title)
    assert any("文化" in title for title in titles)


def test_each_thing_changed_in_time_order_in_the_past(demo: Demo) -> None:
    now = dt.datetime.now(dt.UTC)
    history: dict[str, list[dt.datetime]] = defaultdict(list)
    with demo.workspace.store.engine.connect() as conn:
        query = select(MUTATIONS.c.entity, MUTATIONS.c.at).order_by(MUTATIONS.c.seq)
        for entity, at in conn.execute(query):
            history[entity].append(from_db_time(at))
    assert all(times == sorted(times) and times[-1] < now for times in history.values())
    first = min(times[0] for times in history.values())
    assert now - first > dt.timedelta(weeks=3)


def test_the_demo_refuses_a_workspace_that_is_in_use(demo: Demo) -> None:
    with pytest.raises(ValueError, match="empty workspace"):
        build_demo(demo.workspace)
    assert len(demo.rows(USERS)) == demo.summary.users


def newsroom(workspace: Workspace) -> list[tuple[str, str]]:
    """What a build made, without its ids and times: titles and states, pictures and names."""
    queries = (
        select(PROPOSALS.c.title, PROPOSALS.c.state),
        select(ARTICLES.c.title, ARTICLES.c.state),
        select(ATTACHMENTS.c.sha256, ATTACHMENTS.c.name),
        select(ACCOUNTS.c.name, ACCOUNTS.c.platform),
        select(FIGURES.c.title, FIGURES.c.reads),
        select(MESSAGES.c.text, MESSAGES.c.state),
    )
    with workspace.store.engine.connect() as conn:
        return sorted((str(a), str(b)) for query in queries for a, b in conn.execute(query))


def test_the_same_seed_builds_the_same_newsroom(demo: Demo, tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "again", create=True) as workspace:
        build_demo(workspace)
        assert newsroom(workspace) == newsroom(demo.workspace)


@pytest.mark.slow
def test_the_large_demo_holds_ten_thousand_proposals_and_articles(
    tmp_path: Path, record_property: Callable[[str, object], None]
) -> None:
    start = time.perf_counter()
    with Workspace.open(tmp_path / "large", create=True) as workspace:
        summary = build_demo(workspace, "large")
    elapsed = time.perf_counter() - start
    record_property("large_demo_seconds", round(elapsed, 1))
    total = summary.proposals + summary.articles
    assert total >= 10_000, f"{total} proposals and articles, built in {elapsed:.1f} s"
    assert summary.published > 1_000, f"{summary.published} published in {elapsed:.1f} s"
    assert elapsed < 120, f"the large demo took {elapsed:.1f} s; it should take under a minute"


def test_the_demo_is_history_with_nothing_waiting_to_sync(demo: Demo) -> None:
    assert demo.workspace.store.pending_count() == 0


def test_every_demo_publication_points_at_a_file_the_exporter_wrote(demo: Demo) -> None:
    publications = demo.rows(PUBLICATIONS)
    assert publications
    channels = {c["id"]: c for c in demo.rows(CHANNELS)}
    for publication in publications:
        assert (demo.workspace.export / publication["location"]).is_file(), publication
        folder = publication["location"].split("/")[1]
        assert folder in {c["slug"] for c in channels.values()}  # readable, not an id
    assert demo.workspace.store.setting(DEMO_SETTING) == DEMO_PASSWORD


def test_a_board_demo_puts_exactly_the_cards_it_is_asked_for_on_a_chiefs_board(
    tmp_path: Path,
) -> None:
    with Workspace.open(tmp_path / "board", create=True) as workspace:
        summary = build_demo(workspace, "board", items=300)
        with workspace.store.world() as world:
            chief = world.user_by_login("chief")
        assert chief is not None
        with workspace.store.engine.connect() as conn:
            actor = reads.actor(conn, chief.id)
            assert isinstance(actor, Actor)
            snapshot = load_snapshot(conn, actor)
    assert len(snapshot.cards) == 300
    columns = {card.column for card in snapshot.cards}
    assert {Column.SUBMITTED, Column.ASSIGNED, Column.IN_REVIEW, Column.SIGNED_OFF} <= columns
    assert summary.proposals + summary.articles >= 300


@pytest.mark.parametrize(("size", "items"), [("small", 10), ("large", 10), ("board", 0)])
def test_only_a_board_demo_takes_a_number_of_items(
    tmp_path: Path, size: Literal["small", "large", "board"], items: int
) -> None:
    with (
        Workspace.open(tmp_path / "ws", create=True) as workspace,
        pytest.raises(ValueError, match="items"),
    ):
        build_demo(workspace, size, items=items)


def test_channels_have_platform_accounts_with_six_months_of_followers(demo: Demo) -> None:
    accounts = demo.rows(ACCOUNTS)
    assert {Platform.WECHAT, Platform.WEIBO, Platform.DOUYIN} <= {a["platform"] for a in accounts}
    assert {a["channel_id"] for a in accounts} == {c["id"] for c in demo.rows(CHANNELS)}
    months: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for row in demo.rows(MONTHS):
        months[row["account_id"]].append((row["month"], row["followers"]))
    this_month = dt.datetime.now(operations.CHINA).strftime("%Y-%m")
    for account in accounts:
        history = sorted(months[account["id"]])
        assert len(history) == 6, account["name"]
        assert history[-1][0] < this_month  # a month is recorded once it is over
        followers = [count for _, count in history]
        assert followers == sorted(followers) and followers[0] < followers[-1], account["name"]


def test_platform_figures_belong_to_published_articles_of_the_accounts_channel(demo: Demo) -> None:
    channel_of = {a["id"]: a["channel_id"] for a in demo.rows(ACCOUNTS)}
    published = {
        a["id"]: a["channel_id"]
        for a in demo.rows(ARTICLES)
        if a["id"] in {p["article_id"] for p in demo.rows(PUBLICATIONS)}
    }
    figures = demo.rows(FIGURES)
    assert len({f["account_id"] for f in figures}) == len(channel_of)  # every account has some
    for row in figures:
        assert published[row["article_id"]] == channel_of[row["account_id"]] == row["channel_id"]
        assert row["reads"] > row["likes"] > 0


def test_every_channel_has_a_target_for_this_year(demo: Demo) -> None:
    year = dt.datetime.now(operations.CHINA).year
    targets = demo.rows(TARGETS)
    channel_targets = {t["channel_id"] for t in targets if t["account_id"] is None}
    assert channel_targets == {c["id"] for c in demo.rows(CHANNELS)}
    assert {t["year"] for t in targets} == {year}
    assert any(t["account_id"] is not None for t in targets)
    assert all(t["publications"] and t["reads"] and t["followers"] for t in targets)


def test_a_dozen_messages_of_each_class_some_answered_some_overdue(demo: Demo) -> None:
    messages = [from_row(ReaderMessage, row) for row in demo.rows(MESSAGES)]
    by_class: dict[MessageClass, list[ReaderMessage]] = defaultdict(list)
    for message in messages:
        by_class[message.category].append(message)
    assert {category: len(found) for category, found in by_class.items()} == dict.fromkeys(
        MessageClass, 12
    )
    now, calendar = dt.datetime.now(dt.UTC), workdays.calendar()
    enquiries = by_class[MessageClass.ENQUIRY]
    overdue = [m for m in enquiries if operations.is_overdue(m, now, calendar)]
    answered = [m for m in enquiries if m.state == MessageState.ANSWERED]
    waiting = [m for m in enquiries if m.state == MessageState.OPEN and m not in overdue]
    assert (len(answered), len(overdue), len(waiting)) == (5, 4, 3)
    for message in answered:
        assert message.answer and message.answered_by and message.answered_at is not None
        due = operations.answer_due(message.received_at, calendar)
        assert message.answered_at.astimezone(operations.CHINA).date() <= due  # in time
    states = {(m.category, m.state) for m in messages}
    assert (MessageClass.COMPLAINT, MessageState.CLOSED) in states
    assert (MessageClass.SUGGESTION, MessageState.CLOSED) in states
    assert any(m.assignee for m in by_class[MessageClass.COMPLAINT])
