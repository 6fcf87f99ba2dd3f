"""Duplicate detection: a lightly edited copy is found among 10,000 documents, an unrelated
story is not; documents written through the store are found; signatures estimate overlap."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from newsdesk.core.actor import Actor
from newsdesk.core.apply import actor_of
from newsdesk.core.mutation import Kind, mutation
from newsdesk.core.similar import signature
from newsdesk.demo.handwritten import HANDWRITTEN_STORIES
from newsdesk.store import similar
from newsdesk.store.store import Store
from newsdesk.store.world import DbWorld
from tests.core.newsroom import Newsroom

LIBRARY_STORY = (
    "本周五起，滨江区图书馆推出“夜读”专场，每周五开放时间延长至晚上十点，自习区、少儿阅览区和"
    "数字阅读体验区同步开放。“下班以后来图书馆，终于不用赶时间了。”在附近写字楼工作的读者王女士"
    "说。据介绍，首个夜读专场当晚接待读者一千二百余人次，其中近半数是上班族。图书馆还将在夜读"
    "时段举办读书分享会、非遗手作体验等活动。"
)
FARM_STORY = (
    "冬季农产品产销对接会11月30日在浙江某县举行，来自长三角地区的120余家采购商与当地合作社、"
    "家庭农场签约，意向采购金额达3.2亿元。对接会现场设置了特色农产品展区，高山蔬菜、冬笋、柑橘"
    "等当季产品吸引了不少采购商驻足洽谈。"
)


def sentences() -> list[str]:
    found = {
        sentence
        for story in HANDWRITTEN_STORIES
        for paragraph in story.paragraphs
        for sentence in re.split(r"(?<=[。！？])", paragraph)
        if len(sentence) > 12
    }
    return sorted(found)


def newsroom_texts(count: int, seed: int = 7) -> Iterator[tuple[str, str, str, str]]:
    """``count`` articles of the demo's sentences and a line of their own, as (kind, id, title,
    text)."""
    rng = random.Random(seed)
    pool = sentences()
    common = [chr(c) for c in range(0x4E00, 0x4E00 + 3500)]
    for n in range(count):
        own = "".join(rng.choice(common) for _ in range(40))
        text = "".join(rng.sample(pool, 6)) + own + "。"
        yield ("article", f"a{n:05d}", f"稿件{n}", text)


def lightly_edited(text: str) -> str:
    """A copy as a second outlet would run it: a phrase changed, a clause dropped, one added."""
    edited = text.replace("晚上十点", "22点").replace("据介绍，", "")
    return "记者了解到，" + edited.replace("其中近半数是上班族", "其中一半左右是上班族")


def test_signatures_estimate_the_share_of_shingles_in_common() -> None:
    original = signature(LIBRARY_STORY)
    copy = signature(lightly_edited(LIBRARY_STORY))
    other = signature(FARM_STORY)
    assert original is not None and copy is not None and other is not None
    assert original.similarity(copy) >= 0.6
    assert original.similarity(other) <= 0.2
    assert set(original.bands()) & set(copy.bands())
    assert not set(original.bands()) & set(other.bands())
    assert signature("好") is None  # too short to compare


def test_a_lightly_edited_copy_is_found_among_ten_thousand_and_an_unrelated_story_is_not(
    store: Store,
) -> None:
    with store.engine.begin() as conn:
        batch: list[tuple[str, str, str, str]] = []
        for document in newsroom_texts(10_000):
            batch.append(document)
            if len(batch) == 1000:
                similar.index_similar(conn, batch)
                batch.clear()
        similar.index_similar(
            conn, [("proposal", "p-library", "图书馆推出夜读专场", LIBRARY_STORY)]
        )
    with store.engine.connect() as conn:
        found = similar.similar_to(conn, "图书馆夜读专场开放到22点", lightly_edited(LIBRARY_STORY))
        assert found and found[0][:2] == ("proposal", "p-library") and found[0][2] >= 0.6
        assert similar.similar_to(conn, "冬季农产品产销对接会举行", FARM_STORY) == []
        copy = next(newsroom_texts(10_000))  # a background article, copied nearly whole
        again = similar.similar_to(conn, copy[2], copy[3][:-10], exclude=None)
        assert again and again[0][:2] == ("article", "a00000")
        others = similar.similar_to(conn, copy[2], copy[3], exclude=("article", "a00000"))
        assert ("article", "a00000") not in [hit[:2] for hit in others]


def test_what_the_store_writes_is_found_and_an_edit_is_followed(store: Store) -> None:
    room = Newsroom()
    proposal = (
        room.must(
            "editor",
            Kind.PROPOSAL_CREATE,
            channel_id=room.news,
            title="图书馆推出夜读专场",
            angle=LIBRARY_STORY,
        )
        .upserts[0]
        .id
    )
    applied = store.apply([m for m, accepted in room.log if accepted])
    assert all(a.accepted for a in applied)
    with store.engine.connect() as conn:
        found = similar.similar_to(conn, "图书馆夜读专场", lightly_edited(LIBRARY_STORY))
    assert [hit[:2] for hit in found] == [("proposal", proposal)]
    rewritten = mutation(
        room.ids["editor"], Kind.PROPOSAL_UPDATE, proposal, title="产销对接会", angle=FARM_STORY
    )
    assert store.apply([rewritten])[0].accepted
    with store.engine.connect() as conn:
        assert similar.similar_to(conn, "图书馆夜读专场", lightly_edited(LIBRARY_STORY)) == []


def test_a_repost_or_a_proposal_linking_the_same_page_comes_first_marked_same_address(
    store: Store,
) -> None:
    page = "https://www.people.com.cn/n1/2026/1130/c1008-4000001.html"
    room = Newsroom()
    repost = (
        room.must(
            "editor",
            Kind.ARTICLE_CREATE,
            channel_id=room.news,
            title="图书馆推出夜读专场",
            kind="repost",
            original_url="HTTP://WWW.PEOPLE.COM.CN/n1/2026/1130/c1008-4000001.html/#top",
        )
        .upserts[0]
        .id
    )
    proposal = (
        room.must(
            "editor",
            Kind.PROPOSAL_CREATE,
            channel_id=room.news,
            title="跟进夜读专场",
            materials=[{"kind": "link", "value": page + "?utm_source=weibo"}],
        )
        .upserts[0]
        .id
    )
    alike = (
        room.must(
            "editor",
            Kind.PROPOSAL_CREATE,
            channel_id=room.news,
            title="夜读专场",
            angle=LIBRARY_STORY,
        )
        .upserts[0]
        .id
    )
    room.must(
        "editor",
        Kind.ARTICLE_CREATE,
        channel_id=room.news,
        title="另一篇",
        kind="repost",
        original_url="https://www.people.com.cn/n1/2026/1130/c1008-4000002.html",
    )
    assert all(a.accepted for a in store.apply([m for m, accepted in room.log if accepted]))
    with store.engine.connect() as conn:
        world = DbWorld(conn)
        editor, outsider = (actor_of(world, room.ids[who]) for who in ("editor", "outsider"))
        assert isinstance(editor, Actor) and isinstance(outsider, Actor)
        found = similar.similar_items(
            conn, editor, "图书馆夜读专场", lightly_edited(LIBRARY_STORY), url=page
        )
        assert [(item.kind, item.id, item.same_address) for item in found] == [
            ("proposal", proposal, True),
            ("article", repost, True),
            ("proposal", alike, False),
        ]
        assert similar.same_address_items(conn, editor, page, exclude=("article", repost)) == [
            found[0]
        ]
        assert similar.same_address_items(conn, outsider, page) == []  # not their channel
        assert similar.same_address_items(conn, editor, "https://www.people.com.cn/") == []
        assert similar.same_address_items(conn, editor, "不是地址") == []
