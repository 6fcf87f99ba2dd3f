"""定时发布 in the core: scheduling at sign-off, rescheduling, cancelling, and what clears it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsdesk.core.articles import current_hash, scheduled_publication_id
from newsdesk.core.ids import new_id
from newsdesk.core.model import ArticleState
from newsdesk.core.mutation import Kind
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.core.world import Outcome
from tests.core.newsroom import START, Newsroom

TOMORROW = START + dt.timedelta(days=1)
LATER = START + dt.timedelta(days=2)


def refused(outcome: Outcome, code: RefusalCode) -> Refusal:
    assert isinstance(outcome, Refusal), f"expected a refusal, got {outcome}"
    assert outcome.code == code, str(outcome)
    assert str(outcome)
    return outcome


def sign_off(room: Newsroom, article_id: str, who: str = "publisher", **args: Any) -> Outcome:
    return room.do(
        who,
        Kind.ARTICLE_SIGN_OFF,
        article_id,
        sign_off_id=new_id(),
        revision_hash=room.article(article_id).revision_hash,
        **args,
    )


def scheduled(room: Newsroom, at: dt.datetime = TOMORROW) -> str:
    article_id = room.article_in(ArticleState.APPROVED)
    room.must(
        "publisher",
        Kind.ARTICLE_SIGN_OFF,
        article_id,
        sign_off_id=new_id(),
        revision_hash=room.article(article_id).revision_hash,
        publish_at=at.isoformat(),
    )
    return article_id


def publish_args(room: Newsroom, article_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "revision_hash": room.article(article_id).revision_hash,
        "publications": [{"id": new_id(), "target": "pc", "location": "pc/a.html"}],
        **extra,
    }


@pytest.fixture
def room() -> Newsroom:
    return Newsroom()


def test_a_sign_off_with_a_time_schedules_the_article_in_the_publishers_name(
    room: Newsroom,
) -> None:
    in_china = dt.timezone(dt.timedelta(hours=8))
    article_id = scheduled(room, TOMORROW.astimezone(in_china))
    article = room.article(article_id)
    assert article.state == ArticleState.SIGNED_OFF
    assert article.publish_at == TOMORROW
    assert article.scheduled_by == room.ids["publisher"]


def test_a_sign_off_without_a_time_schedules_nothing(room: Newsroom) -> None:
    article = room.article(room.article_in(ArticleState.SIGNED_OFF))
    assert article.publish_at is None and article.scheduled_by is None


@pytest.mark.parametrize("hours", [0, -1, -24 * 30])
def test_a_time_that_has_passed_is_refused_with_the_reason(room: Newsroom, hours: int) -> None:
    article_id = room.article_in(ArticleState.APPROVED)
    # The room's clock has moved on since START: a time at START or before has passed.
    past = (START + dt.timedelta(hours=hours)).isoformat()
    refusal = refused(sign_off(room, article_id, publish_at=past), RefusalCode.INVALID)
    assert "passed" in str(refusal)
    assert room.article(article_id).state == ArticleState.APPROVED
    room.sign_off(article_id)
    refused(
        room.do("publisher", Kind.ARTICLE_SCHEDULE, article_id, publish_at=past),
        RefusalCode.INVALID,
    )
    assert room.article(article_id).publish_at is None


def test_a_time_without_its_zone_is_refused(room: Newsroom) -> None:
    article_id = room.article_in(ArticleState.APPROVED)
    refusal = refused(
        sign_off(room, article_id, publish_at="2026-12-01T08:00:00"), RefusalCode.INVALID
    )
    assert "publish_at" in str(refusal)


def test_a_scheduled_article_can_be_rescheduled_and_cancelled(room: Newsroom) -> None:
    article_id = scheduled(room)
    first_id = scheduled_publication_id(room.article(article_id))
    room.must("publisher", Kind.ARTICLE_SCHEDULE, article_id, publish_at=LATER.isoformat())
    assert room.article(article_id).publish_at == LATER
    assert scheduled_publication_id(room.article(article_id)) != first_id
    room.must("publisher", Kind.ARTICLE_UNSCHEDULE, article_id)
    article = room.article(article_id)
    assert article.publish_at is None and article.scheduled_by is None
    assert article.state == ArticleState.SIGNED_OFF
    refused(room.do("publisher", Kind.ARTICLE_UNSCHEDULE, article_id), RefusalCode.WRONG_STATE)


def test_an_article_signed_off_without_a_time_can_be_scheduled_later(room: Newsroom) -> None:
    article_id = room.article_in(ArticleState.SIGNED_OFF)
    room.must("publisher", Kind.ARTICLE_SCHEDULE, article_id, publish_at=TOMORROW.isoformat())
    assert room.article(article_id).publish_at == TOMORROW


@pytest.mark.parametrize(
    "state",
    [ArticleState.DRAFT, ArticleState.IN_REVIEW, ArticleState.APPROVED, ArticleState.PUBLISHED],
)
def test_only_a_signed_off_unpublished_article_can_be_scheduled(
    room: Newsroom, state: ArticleState
) -> None:
    article_id = room.article_in(state)
    refused(
        room.do("publisher", Kind.ARTICLE_SCHEDULE, article_id, publish_at=TOMORROW.isoformat()),
        RefusalCode.WRONG_STATE,
    )


@pytest.mark.parametrize("who", ["editor", "chief", "reviewer3", "outsider", "admin"])
def test_only_the_channels_publishers_schedule_reschedule_and_cancel(
    room: Newsroom, who: str
) -> None:
    article_id = scheduled(room)
    refused(
        room.do(who, Kind.ARTICLE_SCHEDULE, article_id, publish_at=LATER.isoformat()),
        RefusalCode.FORBIDDEN,
    )
    refused(room.do(who, Kind.ARTICLE_UNSCHEDULE, article_id), RefusalCode.FORBIDDEN)
    assert room.article(article_id).publish_at == TOMORROW


def test_publishing_before_the_time_clears_the_schedule(room: Newsroom) -> None:
    article_id = scheduled(room)
    room.publish(article_id)
    article = room.article(article_id)
    assert article.state == ArticleState.PUBLISHED
    assert article.publish_at is None and article.scheduled_by is None


def test_a_publication_made_for_a_time_the_article_no_longer_has_is_refused(
    room: Newsroom,
) -> None:
    article_id = scheduled(room)
    room.must("publisher", Kind.ARTICLE_SCHEDULE, article_id, publish_at=LATER.isoformat())
    stale = publish_args(room, article_id, scheduled_for=TOMORROW.isoformat())
    refused(room.do("publisher", Kind.ARTICLE_PUBLISH, article_id, **stale), RefusalCode.STALE)
    assert room.article(article_id).state == ArticleState.SIGNED_OFF
    due = publish_args(room, article_id, scheduled_for=LATER.isoformat())
    room.must("publisher", Kind.ARTICLE_PUBLISH, article_id, **due)
    assert room.article(article_id).state == ArticleState.PUBLISHED


def test_a_correction_before_the_time_cancels_the_schedule(room: Newsroom) -> None:
    article_id = scheduled(room)
    room.must("editor", Kind.ARTICLE_CORRECT, article_id)
    article = room.article(article_id)
    assert article.state == ArticleState.DRAFT
    assert article.publish_at is None and article.scheduled_by is None
    # Never published: it goes out as a first publication, needing no correction note.
    assert not article.is_correction
    room.must("editor", Kind.ARTICLE_EDIT, article_id, body_html="<p>改正后的正文</p>")
    room.submit(article_id)
    room.approve_all(article_id)
    room.sign_off(article_id)
    room.publish(article_id)
    assert room.article(article_id).published_version == 1


def test_a_never_published_article_taken_back_has_no_typo_short_path(room: Newsroom) -> None:
    article_id = scheduled(room)
    refused(room.do("chief", Kind.ARTICLE_CORRECT, article_id, typo=True), RefusalCode.INVALID)
    assert room.article(article_id).publish_at == TOMORROW


def test_an_unscheduled_signed_off_article_is_still_not_correctable(room: Newsroom) -> None:
    article_id = room.article_in(ArticleState.SIGNED_OFF)
    refused(room.do("editor", Kind.ARTICLE_CORRECT, article_id), RefusalCode.WRONG_STATE)


def test_a_retraction_clears_a_scheduled_republication(room: Newsroom) -> None:
    """A published article corrected and signed off again is republished at once (a correction
    is not scheduled); retracting it meanwhile leaves nothing scheduled either."""
    article_id = room.article_in(ArticleState.PUBLISHED)
    room.must("editor", Kind.ARTICLE_CORRECT, article_id)
    room.must("editor", Kind.ARTICLE_EDIT, article_id, body_html="<p>更正</p>")
    room.submit(article_id)
    room.approve_all(article_id)
    refusal = refused(
        sign_off(room, article_id, publish_at=TOMORROW.isoformat()), RefusalCode.INVALID
    )
    assert "correction" in str(refusal)
    room.sign_off(article_id)
    refused(
        room.do("publisher", Kind.ARTICLE_SCHEDULE, article_id, publish_at=TOMORROW.isoformat()),
        RefusalCode.INVALID,
    )
    room.must("publisher", Kind.ARTICLE_RETRACT, article_id, reason="撤稿")
    article = room.article(article_id)
    assert article.state == ArticleState.RETRACTED and article.publish_at is None


def test_the_scheduled_publications_id_is_the_same_for_every_attempt(room: Newsroom) -> None:
    one = scheduled(room)
    other = scheduled(room)
    assert scheduled_publication_id(room.article(one)) == scheduled_publication_id(
        room.article(one)
    )
    assert scheduled_publication_id(room.article(one)) != scheduled_publication_id(
        room.article(other)
    )
    assert current_hash(room.article(one))
