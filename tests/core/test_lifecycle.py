"""Each rule of the lifecycle, refusing with its reason when broken."""

from __future__ import annotations

import pytest

from newsdesk.core.articles import current_hash, review_complete
from newsdesk.core.ids import new_id
from newsdesk.core.memory import MemoryWorld
from newsdesk.core.model import ArticleState, ProposalState, RevisionKind, Verdict
from newsdesk.core.mutation import Kind, Mutation, mutation, parse_args
from newsdesk.core.refusal import Refusal, RefusalCode, refuse
from newsdesk.core.world import Changes
from tests.core.newsroom import CREDITS, FULL_CHECKLIST, Newsroom


def refused(outcome: object, code: RefusalCode) -> Refusal:
    assert isinstance(outcome, Refusal), f"expected a refusal, got {outcome}"
    assert outcome.code == code, str(outcome)
    return outcome


@pytest.fixture
def room() -> Newsroom:
    return Newsroom()


@pytest.mark.parametrize("state", list(ProposalState))
def test_every_proposal_state_is_reachable(room: Newsroom, state: ProposalState) -> None:
    assert room.proposal(room.proposal_in(state)).state == state


@pytest.mark.parametrize("state", list(ArticleState))
def test_every_article_state_is_reachable(room: Newsroom, state: ArticleState) -> None:
    assert room.article(room.article_in(state)).state == state


def test_review_moves_level_by_level_then_waits_for_sign_off(room: Newsroom) -> None:
    article_id = room.article_in(ArticleState.IN_REVIEW)
    for level in (1, 2, 3):
        assert room.article(article_id).review_level == level
        assert isinstance(room.review(article_id, f"reviewer{level}", level), Changes)
    assert room.article(article_id).state == ArticleState.APPROVED


def test_decision_on_a_revision_that_changed_is_stale(room: Newsroom) -> None:
    article_id = room.article_in(ArticleState.IN_REVIEW)
    opened = room.article(article_id).revision_hash
    room.must("editor", Kind.ARTICLE_WITHDRAW, article_id)
    room.must("editor", Kind.ARTICLE_EDIT, article_id, body_html="<p>改过的正文</p>")
    room.submit(article_id)
    outcome = room.do(
        "reviewer1",
        Kind.ARTICLE_REVIEW,
        article_id,
        decision_id=new_id(),
        revision_hash=opened,
        level=1,
        verdict="approve",
        checked=FULL_CHECKLIST,
    )
    refused(outcome, RefusalCode.STALE)
    assert room.world.decisions(article_id, 2) == []


def test_same_person_may_not_approve_two_levels(room: Newsroom) -> None:
    article_id = room.article_in(ArticleState.IN_REVIEW)
    assert isinstance(room.review(article_id, "allround", 1), Changes)
    refusal = refused(room.review(article_id, "allround", 2), RefusalCode.SAME_REVIEWER)
    assert "News" in str(refusal)
    assert room.article(article_id).review_level == 2


def test_same_person_may_approve_two_levels_where_the_channel_allows(room: Newsroom) -> None:
    channel = (
        room.must(
            "admin",
            Kind.CHANNEL_CREATE,
            name="Small",
            review_levels=2,
            allow_same_reviewer=True,
            **CREDITS,
        )
        .upserts[0]
        .id
    )
    for role in ("editor", "reviewer1", "reviewer2"):
        login = "editor" if role == "editor" else "allround"
        user = room.ids[login]
        room.must(
            "admin",
            Kind.ROLE_GRANT,
            f"{user}/{channel}/{role}",
            user_id=user,
            channel_id=channel,
            role=role,
        )
    article_id = room.article_in(ArticleState.DRAFT, channel)
    room.submit(article_id)
    assert isinstance(room.review(article_id, "allround", 1), Changes)
    assert isinstance(room.review(article_id, "allround", 2), Changes)
    assert room.article(article_id).state == ArticleState.APPROVED


def test_approval_needs_the_whole_checklist_and_reposts_need_authorisation(room: Newsroom) -> None:
    article_id = room.new_article()
    room.must(
        "editor",
        Kind.ARTICLE_EDIT,
        article_id,
        kind="repost",
        original_url="https://example.org/original",
    )
    room.submit(article_id)
    without_authorisation = [c for c in FULL_CHECKLIST if c != "repost_authorised"]
    article = room.article(article_id)
    outcome = room.do(
        "reviewer1",
        Kind.ARTICLE_REVIEW,
        article_id,
        decision_id=new_id(),
        revision_hash=article.revision_hash,
        level=1,
        verdict="approve",
        checked=without_authorisation,
    )
    refused(outcome, RefusalCode.INVALID)
    assert isinstance(room.review(article_id, "reviewer1", 1), Changes)


def test_repost_without_original_address_cannot_be_submitted(room: Newsroom) -> None:
    article_id = room.new_article()
    room.must("editor", Kind.ARTICLE_EDIT, article_id, kind="repost")
    outcome = room.try_submit(article_id)
    refused(outcome, RefusalCode.INVALID)


@pytest.mark.parametrize("verdict", [Verdict.RETURN, Verdict.REJECT])
def test_returning_or_rejecting_needs_a_comment(room: Newsroom, verdict: Verdict) -> None:
    article_id = room.article_in(ArticleState.IN_REVIEW)
    refused(room.review(article_id, "reviewer1", 1, verdict.value, ""), RefusalCode.INVALID)
    assert isinstance(room.review(article_id, "reviewer1", 1, verdict.value, "标题不准确"), Changes)


def test_return_restarts_review_and_old_approvals_do_not_count(room: Newsroom) -> None:
    article_id = room.article_in(ArticleState.IN_REVIEW, level=2)
    anchor = {"start": 0, "end": 3, "quote": "本报讯", "comment": "请核实"}
    assert isinstance(
        room.review(article_id, "reviewer2", 2, "return", "见批注", anchors=[anchor]), Changes
    )
    assert room.article(article_id).state == ArticleState.DRAFT
    room.submit(article_id)  # unchanged content: same hash, new revision
    article = room.article(article_id)
    assert (article.revision_number, article.review_level) == (2, 1)
    channel = room.world.channel(article.channel_id)
    assert channel is not None
    refusal = review_complete(channel, article, room.world.decisions(article_id, 2))
    assert refusal is not None and refusal.code == RefusalCode.INCOMPLETE_REVIEW
    outcome = room.do(
        "publisher",
        Kind.ARTICLE_SIGN_OFF,
        article_id,
        sign_off_id=new_id(),
        revision_hash=article.revision_hash,
    )
    refused(outcome, RefusalCode.WRONG_STATE)


def test_withdraw_only_before_the_first_level_decides(room: Newsroom) -> None:
    article_id = room.article_in(ArticleState.IN_REVIEW)
    room.must("editor", Kind.ARTICLE_WITHDRAW, article_id)
    assert room.article(article_id).state == ArticleState.DRAFT
    room.submit(article_id)
    room.review(article_id, "reviewer1", 1)
    refused(room.do("editor", Kind.ARTICLE_WITHDRAW, article_id), RefusalCode.WRONG_STATE)


def test_nothing_is_published_without_sign_off(room: Newsroom) -> None:
    article_id = room.article_in(ArticleState.APPROVED)
    article = room.article(article_id)
    outcome = room.do(
        "publisher",
        Kind.ARTICLE_PUBLISH,
        article_id,
        revision_hash=article.revision_hash,
        publications=[{"id": new_id(), "target": "pc", "location": "x"}],
    )
    refused(outcome, RefusalCode.WRONG_STATE)


def test_publishing_to_a_target_the_channel_lacks_is_refused(room: Newsroom) -> None:
    room.must("admin", Kind.CHANNEL_UPDATE, room.news, targets=["pc", "wap"])
    article_id = room.new_article()
    room.must("editor", Kind.ARTICLE_EDIT, article_id, targets=["pc", "wap", "app"])
    room.article_to(article_id, ArticleState.SIGNED_OFF)
    outcome = room.do(
        "publisher",
        Kind.ARTICLE_PUBLISH,
        article_id,
        revision_hash=room.article(article_id).revision_hash,
        publications=[{"id": new_id(), "target": "app", "location": "x"}],
    )
    assert "APP" in str(refused(outcome, RefusalCode.INVALID))


def test_correction_goes_through_review_again_and_bumps_the_version(room: Newsroom) -> None:
    article_id = room.article_in(ArticleState.PUBLISHED)
    first_hash = room.article(article_id).published_hash
    room.must("editor", Kind.ARTICLE_CORRECT, article_id)
    room.must("editor", Kind.ARTICLE_EDIT, article_id, body_html="<p>更正后的正文</p>")
    room.submit(article_id)
    room.approve_all(article_id)
    room.sign_off(article_id)
    article = room.article(article_id)
    outcome = room.do(
        "publisher",
        Kind.ARTICLE_PUBLISH,
        article_id,
        revision_hash=article.revision_hash,
        publications=[{"id": new_id(), "target": "pc", "location": "x"}],
    )
    refused(outcome, RefusalCode.INVALID)  # a correction must say what was corrected
    room.publish(article_id, note="更正了活动日期")
    article = room.article(article_id)
    assert article.published_version == 2 and article.published_hash != first_hash
    assert not article.is_correction


def submitted_kind(room: Newsroom, article_id: str) -> RevisionKind:
    """Submits the article for review; the kind of revision that made."""
    revision_id = new_id()
    room.must(
        "editor",
        Kind.ARTICLE_SUBMIT,
        article_id,
        revision_id=revision_id,
        content_hash=current_hash(room.article(article_id)),
    )
    revision = room.world.revision(revision_id)
    assert revision is not None
    return revision.kind


def test_a_typo_fix_on_the_short_path_needs_only_the_last_level_and_is_recorded(
    room: Newsroom,
) -> None:
    article_id = room.article_in(ArticleState.PUBLISHED)
    refused(room.do("editor", Kind.ARTICLE_CORRECT, article_id, typo=True), RefusalCode.INVALID)
    room.must("admin", Kind.CHANNEL_UPDATE, room.news, typo_fast_path=True)
    room.must("editor", Kind.ARTICLE_CORRECT, article_id, typo=True)
    room.must(
        "editor", Kind.ARTICLE_EDIT, article_id, body_html="<p>本报讯 古籍修复展今日开幕。</p>"
    )
    assert submitted_kind(room, article_id) == RevisionKind.TYPO_FIX
    article = room.article(article_id)
    assert article.typo_fix and article.review_level == 3
    refused(room.review(article_id, "reviewer1", 1), RefusalCode.WRONG_STATE)
    assert isinstance(room.review(article_id, "reviewer3", 3), Changes)
    room.sign_off(article_id)
    room.publish(article_id, note="改正了一个错别字")
    published = room.article(article_id)
    assert published.state == ArticleState.PUBLISHED and published.published_version == 2
    # Re-publishing the same revision checks its (short) review again, and passes.
    room.publish(article_id, note="改正了一个错别字")
    assert room.article(article_id).published_version == 2


def test_a_full_correction_after_a_typo_fix_goes_through_every_level_again(
    room: Newsroom,
) -> None:
    article_id = room.article_in(ArticleState.PUBLISHED)
    room.must("admin", Kind.CHANNEL_UPDATE, room.news, typo_fast_path=True)
    room.must("editor", Kind.ARTICLE_CORRECT, article_id, typo=True)
    room.submit(article_id)
    room.review(article_id, "reviewer3", 3)
    room.sign_off(article_id)
    room.publish(article_id, note="错别字")
    room.must("editor", Kind.ARTICLE_CORRECT, article_id)
    room.must("editor", Kind.ARTICLE_EDIT, article_id, body_html="<p>改写后的正文</p>")
    assert submitted_kind(room, article_id) == RevisionKind.SUBMITTED
    article = room.article(article_id)
    assert not article.typo_fix and article.review_level == 1


def test_retraction_withdraws_every_publication(room: Newsroom) -> None:
    article_id = room.article_in(ArticleState.RETRACTED)
    publications = room.world.publications(article_id)
    assert publications and all(p.retracted for p in publications)
    assert room.article(article_id).retract_reason == "信息有误"


def test_returned_proposal_keeps_the_reason_for_the_proposer(room: Newsroom) -> None:
    proposal = room.proposal(room.proposal_in(ProposalState.RETURNED))
    assert proposal.return_reason == "角度不够新"
    assert proposal.returned_by == room.ids["chief"]
    refused(room.do("chief", Kind.PROPOSAL_RETURN, proposal.id, reason=""), RefusalCode.INVALID)


def test_deleted_proposal_is_restored_to_where_it_was(room: Newsroom) -> None:
    proposal_id = room.proposal_in(ProposalState.SELECTED)
    room.must("chief", Kind.PROPOSAL_DELETE, proposal_id)
    refused(room.do("editor", Kind.PROPOSAL_RESTORE, proposal_id), RefusalCode.FORBIDDEN)
    room.must("chief", Kind.PROPOSAL_RESTORE, proposal_id)
    assert room.proposal(proposal_id).state == ProposalState.SELECTED


def test_topics_are_assigned_only_to_editors_of_the_channel(room: Newsroom) -> None:
    proposal_id = room.proposal_in(ProposalState.SELECTED)
    outcome = room.do(
        "chief",
        Kind.PROPOSAL_ASSIGN,
        proposal_id,
        assignees=[room.ids["reviewer1"]],
        due_date="2026-12-01",
    )
    assert "Reviewer1" in str(refused(outcome, RefusalCode.INVALID))


def test_starting_a_topic_creates_its_article_and_publishing_finishes_it(room: Newsroom) -> None:
    proposal_id = room.proposal_in(ProposalState.IN_PROGRESS)
    proposal = room.proposal(proposal_id)
    assert proposal.article_id is not None
    article = room.article(proposal.article_id)
    assert article.topic_id == proposal_id and article.title == proposal.title
    room.article_to(article.id, ArticleState.PUBLISHED)
    assert room.proposal(proposal_id).state == ProposalState.DONE


def test_disabled_users_and_revoked_roles_lose_their_powers(room: Newsroom) -> None:
    article_id = room.article_in(ArticleState.IN_REVIEW)
    reviewer = room.ids["reviewer1"]
    room.must("admin", Kind.ROLE_REVOKE, f"{reviewer}/{room.news}/reviewer1")
    refused(room.review(article_id, "reviewer1", 1), RefusalCode.FORBIDDEN)
    room.must("admin", Kind.USER_UPDATE, room.ids["editor"], disabled=True)
    refused(room.do("editor", Kind.ARTICLE_WITHDRAW, article_id), RefusalCode.DISABLED)


def test_admin_cannot_lock_themselves_out(room: Newsroom) -> None:
    refused(
        room.do("admin", Kind.USER_UPDATE, room.ids["admin"], disabled=True), RefusalCode.INVALID
    )


def test_first_user_of_an_empty_world_bootstraps_only_as_admin() -> None:
    world = MemoryWorld()
    user = new_id()
    refused(
        world.apply(mutation(user, Kind.USER_CREATE, user, login="a", name="A")),
        RefusalCode.FORBIDDEN,
    )
    assert isinstance(
        world.apply(mutation(user, Kind.USER_CREATE, user, login="a", name="A", is_admin=True)),
        Changes,
    )
    other = new_id()
    refused(
        world.apply(mutation(other, Kind.USER_CREATE, other, login="b", name="B", is_admin=True)),
        RefusalCode.FORBIDDEN,
    )


@pytest.mark.parametrize(
    "args, field",
    [
        ({"title": "x"}, "channel_id"),
        ({"channel_id": "c", "title": ""}, "title"),
        ({"channel_id": "c", "title": "x" * 121}, "title"),
        ({"channel_id": "c", "title": "x", "priority": 7}, "priority"),
        ({"channel_id": "c", "title": "x", "planned_date": "2026-13-01"}, "planned_date"),
        (
            {"channel_id": "c", "title": "x", "materials": [{"kind": "file", "value": "nope"}]},
            "materials",
        ),
        ({"channel_id": "c", "title": "x", "colour": "red"}, "colour"),
    ],
)
def test_bad_arguments_are_refused_naming_the_field(args: dict[str, object], field: str) -> None:
    refusal = parse_args(Kind.PROPOSAL_CREATE, args)
    assert isinstance(refusal, Refusal) and refusal.code == RefusalCode.INVALID
    assert field in str(refusal)


def test_mutation_survives_the_wire() -> None:
    original = mutation(
        new_id(),
        Kind.PROPOSAL_CREATE,
        channel_id="c",
        title="数字阅读推广",
        tags=["阅读"],
        base_version=3,
    )
    assert Mutation.from_wire(original.to_wire()) == original


def test_a_refusal_reads_back_from_its_record() -> None:
    stale = refuse(RefusalCode.STALE, "Revision {number} is no longer current.", number=3)
    assert Refusal.from_json(stale.to_json()) == stale
    english_only = Refusal.from_json({"code": "from-a-newer-server", "message": "odd {braces}"})
    assert english_only.code is RefusalCode.INVALID and str(english_only) == "odd {braces}"
    assert Refusal.from_json(english_only.to_json()) == english_only
