"""Following a source (关注): who may, and whose bell a new lead of the source rings."""

from __future__ import annotations

import datetime as dt

from newsdesk.core.actor import Actor
from newsdesk.core.apply import actor_of
from newsdesk.core.model import Lead, Role
from newsdesk.core.mutation import Kind
from newsdesk.core.notifications import Event, Traces, derive
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.core.sources import lead_id
from tests.core.newsroom import START, Newsroom

NOW = START + dt.timedelta(hours=3)


def source_in(room: Newsroom, channel: str, name: str) -> str:
    made = room.must(
        "admin",
        Kind.SOURCE_ADD,
        channel_id=channel,
        name=name,
        url=f"https://{name}.example.cn/rss.xml",
    )
    return made.upserts[0].id


def lead_of(room: Newsroom, source_id: str, guid: str) -> Lead:
    made = room.must(
        "admin",
        Kind.LEAD_ADD,
        lead_id(source_id, guid),
        source_id=source_id,
        guid=guid,
        url=f"https://news.example.cn/{guid}.html",
        title=f"线索 {guid}",
    )
    lead = made.upserts[0]
    assert isinstance(lead, Lead)
    return lead


def follow(room: Newsroom, who: str, source_id: str, on: bool = True) -> None:
    room.must(who, Kind.SOURCE_FOLLOW, source_id, follow=on)


def leads_notified(room: Newsroom, who: str, leads: list[Lead]) -> set[str]:
    actor = actor_of(room.world, room.ids[who])
    assert isinstance(actor, Actor)
    follows = room.world.source_follows(actor.id)
    followed = frozenset(follows.source_ids if follows else ())
    found = derive(Traces(leads=leads, followed=followed), actor, NOW)
    return {n.subject_id for n in found if n.event == Event.LEAD}


def test_a_follower_hears_of_the_source_whatever_their_roles_others_as_before() -> None:
    room = Newsroom()
    wire = source_in(room, room.news, "wire")
    books = source_in(room, room.library, "books")
    follow(room, "reviewer2", wire)  # a reviewer: no lead rang for them before
    follow(room, "outsider", books)
    news, library = lead_of(room, wire, "n1"), lead_of(room, books, "l1")
    leads = [news, library]

    assert leads_notified(room, "reviewer2", leads) == {news.id}
    # Follows a library source only: the news lead is not theirs, whatever it is.
    assert leads_notified(room, "outsider", leads) == {library.id}
    # Follow nothing: the leads of the channels where they are editor or chief, as before.
    assert leads_notified(room, "editor2", leads) == {news.id}
    assert leads_notified(room, "chief", leads) == {news.id, library.id}
    assert leads_notified(room, "publisher", leads) == set()


def test_following_narrows_to_the_sources_followed_and_unfollowing_stops_it() -> None:
    room = Newsroom()
    wire, agency = source_in(room, room.news, "wire"), source_in(room, room.news, "agency")
    follow(room, "editor", agency)
    from_wire, from_agency = lead_of(room, wire, "w1"), lead_of(room, agency, "a1")
    assert leads_notified(room, "editor", [from_wire, from_agency]) == {from_agency.id}

    follow(room, "reviewer2", wire)
    follow(room, "reviewer2", wire, on=False)
    later = lead_of(room, wire, "w2")
    assert leads_notified(room, "reviewer2", [from_wire, later]) == set()
    # Following twice or unfollowing what is not followed changes nothing.
    assert room.must("reviewer2", Kind.SOURCE_FOLLOW, wire, follow=False).upserts == ()
    follow(room, "editor", agency)
    assert room.world.source_follows(room.ids["editor"]).source_ids == (agency,)  # type: ignore[union-attr]


def test_only_who_may_see_the_channel_follows_and_losing_it_silences() -> None:
    room = Newsroom()
    wire = source_in(room, room.news, "wire")
    refused = room.do("outsider", Kind.SOURCE_FOLLOW, wire, follow=True)
    assert isinstance(refused, Refusal) and refused.code is RefusalCode.NOT_FOUND
    assert room.world.source_follows(room.ids["outsider"]) is None

    follow(room, "reviewer2", wire)
    user = room.ids["reviewer2"]
    room.must("admin", Kind.ROLE_REVOKE, f"{user}/{room.news}/{Role.REVIEWER2.value}")
    assert leads_notified(room, "reviewer2", [lead_of(room, wire, "w1")]) == set()


def test_a_removed_source_cannot_be_followed_but_can_be_unfollowed() -> None:
    room = Newsroom()
    wire = source_in(room, room.news, "wire")
    follow(room, "editor", wire)
    room.must("admin", Kind.SOURCE_REMOVE, wire)
    refused = room.do("editor2", Kind.SOURCE_FOLLOW, wire, follow=True)
    assert isinstance(refused, Refusal) and refused.code is RefusalCode.WRONG_STATE
    follow(room, "editor", wire, on=False)
    assert room.world.source_follows(room.ids["editor"]).source_ids == ()  # type: ignore[union-attr]
