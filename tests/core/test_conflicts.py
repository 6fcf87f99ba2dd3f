"""Concurrent changes: an edit made on top of someone else's change is kept as a conflict, a
merge settles it, and a delete never silently beats an edit. Decided by values, never clocks."""

from __future__ import annotations

import datetime as dt

from newsdesk.core.model import Revision, RevisionKind
from newsdesk.core.mutation import Kind, mutation
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.core.world import Changes
from tests.core.newsroom import Newsroom

OLD = "<p>本报讯 古籍修复展今日开幕。</p>"


def test_edits_of_different_fields_from_the_same_base_both_apply() -> None:
    room = Newsroom()
    article = room.new_article()
    title = room.article(article).title
    room.must("editor", Kind.ARTICLE_EDIT, article, body_html="<p>甲</p>", base={"body_html": OLD})
    room.must("editor", Kind.ARTICLE_EDIT, article, title="新标题", base={"title": title})
    got = room.article(article)
    assert (got.body_html, got.title, got.merge_revision_id) == ("<p>甲</p>", "新标题", None)


def test_an_edit_on_a_stale_base_becomes_a_conflict_revision_and_the_winner_stays() -> None:
    room = Newsroom()
    article = room.new_article()
    room.must("editor", Kind.ARTICLE_EDIT, article, body_html="<p>甲</p>", base={"body_html": OLD})
    changes = room.must(
        "editor", Kind.ARTICLE_EDIT, article, body_html="<p>乙</p>", base={"body_html": OLD}
    )
    got = room.article(article)
    assert got.body_html == "<p>甲</p>"
    revision = next(e for e in changes.upserts if isinstance(e, Revision))
    assert got.merge_revision_id == revision.id
    assert revision.kind is RevisionKind.CONFLICT
    assert revision.field("body_html") == "<p>乙</p>"
    assert revision.base is not None and dict(revision.base)["body_html"] == OLD


def test_the_same_value_reached_twice_is_not_a_conflict() -> None:
    room = Newsroom()
    article = room.new_article()
    for _ in range(2):
        room.must(
            "editor", Kind.ARTICLE_EDIT, article, body_html="<p>甲</p>", base={"body_html": OLD}
        )
    assert room.article(article).merge_revision_id is None


def test_a_merge_settles_the_conflict_and_keeps_both_sides_in_the_history() -> None:
    room = Newsroom()
    article = room.new_article()
    room.must("editor", Kind.ARTICLE_EDIT, article, body_html="<p>甲</p>", base={"body_html": OLD})
    room.must("editor", Kind.ARTICLE_EDIT, article, body_html="<p>乙</p>", base={"body_html": OLD})
    conflict = room.article(article).merge_revision_id
    assert conflict is not None
    room.must("editor", Kind.ARTICLE_MERGE, article, revision_id=conflict, body_html="<p>甲乙</p>")
    got = room.article(article)
    assert (got.body_html, got.merge_revision_id) == ("<p>甲乙</p>", None)
    assert room.world.revision(conflict) is not None
    again = room.do(
        "editor", Kind.ARTICLE_MERGE, article, revision_id=conflict, body_html="<p>丙</p>"
    )
    assert isinstance(again, Refusal) and again.code is RefusalCode.STALE


def test_only_a_writer_of_the_article_may_merge() -> None:
    room = Newsroom()
    article = room.new_article()
    room.must("editor", Kind.ARTICLE_EDIT, article, body_html="<p>甲</p>", base={"body_html": OLD})
    room.must("editor", Kind.ARTICLE_EDIT, article, body_html="<p>乙</p>", base={"body_html": OLD})
    conflict = room.article(article).merge_revision_id
    outcome = room.do(
        "reviewer1", Kind.ARTICLE_MERGE, article, revision_id=conflict, body_html="<p>丙</p>"
    )
    assert isinstance(outcome, Refusal) and outcome.code is RefusalCode.FORBIDDEN


def test_a_base_naming_an_unknown_field_is_refused_as_invalid() -> None:
    room = Newsroom()
    article = room.new_article()
    outcome = room.do("editor", Kind.ARTICLE_EDIT, article, body_html="x", base={"secret": 1})
    assert isinstance(outcome, Refusal) and outcome.code is RefusalCode.INVALID


def test_a_delete_decided_before_a_concurrent_edit_is_refused_as_a_conflict() -> None:
    room = Newsroom()
    proposal = room.propose()
    seen = room.proposal(proposal).row_version
    room.must("editor", Kind.PROPOSAL_UPDATE, proposal, angle="改从读者角度写")
    late_delete = mutation(
        room.ids["editor"], Kind.PROPOSAL_DELETE, proposal, at=room.at(), base_version=seen
    )
    outcome = room.world.apply(late_delete)
    assert isinstance(outcome, Refusal) and outcome.code is RefusalCode.CONFLICT
    assert room.proposal(proposal).angle == "改从读者角度写"
    fresh = mutation(
        room.ids["editor"],
        Kind.PROPOSAL_DELETE,
        proposal,
        at=room.at(),
        base_version=room.proposal(proposal).row_version,
    )
    assert isinstance(room.world.apply(fresh), Changes)


def test_conflict_decisions_do_not_depend_on_the_clock() -> None:
    """The same two edits with clocks days apart, in either order of timestamps, decide alike."""
    results = []
    for skew in (dt.timedelta(days=-3), dt.timedelta(0), dt.timedelta(days=5)):
        room = Newsroom()
        article = room.new_article()
        first = mutation(
            room.ids["editor"],
            Kind.ARTICLE_EDIT,
            article,
            at=room.at() + skew,
            body_html="<p>甲</p>",
            base={"body_html": OLD},
        )
        second = mutation(
            room.ids["editor"],
            Kind.ARTICLE_EDIT,
            article,
            at=room.at() - skew,
            body_html="<p>乙</p>",
            base={"body_html": OLD},
        )
        room.world.apply(first)
        room.world.apply(second)
        got = room.article(article)
        results.append((got.body_html, got.merge_revision_id == second.id))
    assert results == [("<p>甲</p>", True)] * 3
