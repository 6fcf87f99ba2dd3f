"""@mentions stored as tokens naming the user by id: parsing, showing them with current names,
editing them, and the notifications they give, over the core's in-memory newsroom."""

from __future__ import annotations

import datetime as dt

from newsdesk.core.apply import actor_of
from newsdesk.core.mentions import (
    Mention,
    editable,
    label,
    mentioned,
    mentioned_ids,
    mentions,
    render,
    stored,
    token,
)
from newsdesk.core.model import Article, Proposal, ReviewDecision, User
from newsdesk.core.mutation import Kind
from newsdesk.core.notifications import Event, Notification, Traces, derive
from newsdesk.core.refusal import Refusal
from tests.core.newsroom import START, Newsroom

NOW = START + dt.timedelta(hours=3)
LI_NEWS = User(id="u-li-news", login="liqiang", name="李强")
LI_SPORT = User(id="u-li-sport", login="liqiang2", name="李强")
WANG = User(id="u-wang", login="wangfang", name="王芳")


def test_a_token_names_the_user_by_id_and_shows_their_current_name() -> None:
    text = f"请{token(Mention(LI_SPORT.id, '李强'))}和{token(Mention(WANG.id, '王芳'))}核实"
    assert text == "请@[李强](user:u-li-sport)和@[王芳](user:u-wang)核实"
    assert mentions(text) == [Mention(LI_SPORT.id, "李强"), Mention(WANG.id, "王芳")]
    assert mentioned_ids(text) == {LI_SPORT.id, WANG.id}
    # Renamed since: the new name; not known here (not synced yet): the name it was written with.
    assert render(text, {LI_SPORT.id: "李强国"}) == "请@李强国和@王芳核实"
    assert render(text, {}) == "请@李强和@王芳核实"


def test_what_only_looks_like_a_token_is_text() -> None:
    for text in ("@[李强](user:../etc)", "@[李强] (user:u-1)", "@[](user:u-1)", "[李强](user:u-1)"):
        assert mentioned_ids(text) == frozenset()
        assert render(text, {"u-1": "王芳"}) == text
    # A name that would break the shape loses its brackets rather than the id.
    assert mentioned_ids(token(Mention("u-1", "李[强](x)"))) == {"u-1"}
    assert render(token(Mention("u-1", "李[强](x)")), {}) == "@李强x"


def test_namesakes_are_labelled_by_login_and_edited_without_mixing_them_up() -> None:
    people = [LI_NEWS, LI_SPORT, WANG]
    assert label(LI_SPORT, people) == "李强（liqiang2）"
    assert label(WANG, people) == "王芳"
    saved = f"{token(Mention(LI_SPORT.id, '李强'))} 和 {token(Mention(WANG.id, '王芳'))} 请看"
    shown, chosen = editable(saved, people)
    assert shown == "@李强（liqiang2） 和 @王芳 请看"
    assert stored(shown, chosen) == saved
    # The user deletes one mention and types another name by hand: only the label still there
    # is a mention; the typed name stays plain text.
    edited = "@李强（liqiang2） 请看，@王 不用"
    assert stored(edited, chosen) == f"{token(Mention(LI_SPORT.id, '李强'))} 请看，@王 不用"
    # The shorter label is not taken out of the longer one.
    both = {"李强": Mention(LI_NEWS.id, "李强"), "李强（liqiang2）": Mention(LI_SPORT.id, "李强")}
    assert mentioned_ids(stored("@李强（liqiang2） @李强", both)) == {LI_NEWS.id, LI_SPORT.id}


def test_an_unknown_user_keeps_the_name_written_and_is_told_apart_from_a_known_namesake() -> None:
    saved = f"{token(Mention(LI_NEWS.id, '李强'))} {token(Mention('u-gone', '李强'))}"
    shown, chosen = editable(saved, [LI_NEWS])
    assert shown == "@李强 @李强（u-gone）"
    assert stored(shown, chosen) == saved


def test_plain_text_written_before_the_tokens_still_mentions() -> None:
    people = [LI_NEWS, LI_SPORT, WANG]
    assert mentioned("请@王芳核实", people) == {WANG.id}
    assert mentioned("请 @wangfang 看看", people) == {WANG.id}
    # Plain text cannot tell namesakes apart: it means each; a token means one.
    assert mentioned("@李强 请看", people) == {LI_NEWS.id, LI_SPORT.id}
    assert mentioned(f"{token(Mention(LI_SPORT.id, '李强'))} 请看", people) == {LI_SPORT.id}
    assert mentioned("邮件 wangfang@王芳.cn", people) == frozenset()
    disabled = User(id="u-old", login="old", name="老周", disabled=True)
    assert mentioned("@老周", [disabled]) == frozenset()


def _notifications(room: Newsroom, login: str) -> list[Notification]:
    world = room.world
    actor = actor_of(world, room.ids[login])
    assert not isinstance(actor, Refusal)
    traces = Traces(
        proposals=world._all(Proposal),  # type: ignore[arg-type]
        articles=world._all(Article),  # type: ignore[arg-type]
        decisions=world._all(ReviewDecision),  # type: ignore[arg-type]
        users=world.users(),
    )
    return derive(traces, actor, NOW)


def _mentions_of(room: Newsroom, login: str) -> list[Notification]:
    return [n for n in _notifications(room, login) if n.event is Event.MENTIONED]


def test_only_the_namesake_chosen_is_notified_and_a_rename_keeps_the_mention() -> None:
    room = Newsroom()
    for login in ("liqiang", "liqiang2"):
        room.ids[login] = (
            room.must("admin", Kind.USER_CREATE, login=login, name="李强").upserts[0].id
        )
    chosen = token(Mention(room.ids["liqiang2"], "李强"))
    article = room.new_article()
    room.submit(article)
    room.review(article, "reviewer1", 1, "return", f"导语太长，请{chosen}看看")

    (mention,) = _mentions_of(room, "liqiang2")
    assert mention.subject_id == article
    assert mention.detail == "导语太长，请@李强看看"
    assert _mentions_of(room, "liqiang") == []
    # The editor's own notification of the return shows the comment as people read it too.
    returned = next(n for n in _notifications(room, "editor") if n.event is Event.RETURNED)
    assert returned.detail == "导语太长，请@李强看看"

    room.must("admin", Kind.USER_UPDATE, room.ids["liqiang2"], name="李强国")
    (renamed,) = _mentions_of(room, "liqiang2")
    assert renamed.id == mention.id
    assert renamed.detail == "导语太长，请@李强国看看"


def test_an_old_plain_mention_still_notifies() -> None:
    room = Newsroom()
    article = room.new_article()
    room.submit(article)
    room.review(article, "reviewer1", 1, "return", "导语太长 @Editor2 帮忙看看")
    (mention,) = _mentions_of(room, "editor2")
    assert mention.detail == "导语太长 @Editor2 帮忙看看"
