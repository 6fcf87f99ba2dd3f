"""The APP output: ninjs 2.x documents, their validation, and the feed manifest."""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Mapping, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.core.model import RevisionContent
from newsdesk.publish.ninjs import (
    FeedEntry,
    PubStatus,
    article_document,
    feed_entry,
    feed_manifest,
    validate_ninjs,
)
from newsdesk.publish.renditions import RenditionInfo

COVER = "c" * 64
PHOTO_1 = "1" * 64
PHOTO_2 = "2" * 64
BASE = "https://news.example.cn/app/"
CST = dt.timezone(dt.timedelta(hours=8))
PUBLISHED = dt.datetime(2026, 5, 4, 9, 30, tzinfo=CST)


def _renditions(sha: str) -> list[RenditionInfo]:
    return [
        RenditionInfo(f"images/{sha}-{w}.jpg", w, w * 3 // 4, "image/jpeg", w * 100)
        for w in (1080, 320, 640)
    ]


IMAGES: Mapping[str, Sequence[RenditionInfo]] = {
    sha: _renditions(sha) for sha in (COVER, PHOTO_1, PHOTO_2)
}

CONTENT: Mapping[str, object] = {
    "title": "我市“十五五”规划纲要正式发布",
    "subtitle": "聚焦科技创新与民生保障",
    "author": "本报记者 张三",
    "source": "本报",
    "responsible_editor": "李四",
    "summary": "规划纲要提出五大发展目标。",
    "cover": COVER,
    "tags": ("规划", "民生"),
    "targets": ("pc", "wap", "app"),
    "kind": "original",
    "original_url": "",
    "body_html": (
        "<p>正文第一段。</p>"
        f'<figure><img src="attachment:{PHOTO_1}" alt="会场"><figcaption>会场</figcaption></figure>'
        "<p>正文第二段<script>alert(1)</script>。</p>"
        f'<p><img src="attachment:{PHOTO_2}" alt="图二"></p>'
    ),
}


def _document(
    content: Mapping[str, object] = CONTENT,
    *,
    version: int = 1,
    pubstatus: PubStatus = "usable",
    published_at: dt.datetime = PUBLISHED,
    correction_note: str = "",
) -> dict[str, object]:
    return article_document(
        article_id="a-42",
        revision_content=RevisionContent.of(content),
        version=version,
        published_at=published_at,
        pubstatus=pubstatus,
        uri_base=BASE,
        channel_name="时政",
        images=IMAGES,
        correction_note=correction_note,
        first_published_at=PUBLISHED,
    )


def test_sample_article_is_valid_ninjs() -> None:
    document = _document()
    assert validate_ninjs(document) == []
    assert document["uri"] == "https://news.example.cn/app/articles/a-42"
    assert document["type"] == "text"
    assert document["version"] == "1"
    assert document["pubstatus"] == "usable"
    assert document["language"] == "zh-CN"
    assert document["versioncreated"] == "2026-05-04T09:30:00+08:00"
    assert document["headlines"] == [
        {"role": "main", "contenttype": "text/plain", "value": CONTENT["title"]},
        {"role": "sub", "contenttype": "text/plain", "value": CONTENT["subtitle"]},
    ]
    assert document["descriptions"] == [
        {"role": "summary", "contenttype": "text/plain", "value": CONTENT["summary"]}
    ]
    assert document["by"] == "本报记者 张三"
    assert document["subjects"] == [
        {"name": "时政", "rel": "channel"},
        {"name": "规划", "rel": "tag"},
        {"name": "民生", "rel": "tag"},
    ]


def test_body_is_sanitised_html_pointing_at_the_widest_renditions() -> None:
    bodies = _document()["bodies"]
    assert isinstance(bodies, list)
    (body,) = bodies
    assert body["contenttype"] == "text/html"
    assert "<script" not in body["value"]
    assert "attachment:" not in body["value"]
    assert f'src="https://news.example.cn/app/images/{PHOTO_1}-1080.jpg"' in body["value"]
    assert f'src="https://news.example.cn/app/images/{PHOTO_2}-1080.jpg"' in body["value"]


def test_cover_and_body_images_are_associated_pictures() -> None:
    associations = _document()["associations"]
    assert isinstance(associations, list)
    assert [a["name"] for a in associations] == ["cover", "image-1", "image-2"]
    cover = associations[0]
    assert cover["type"] == "picture"
    assert cover["uri"] == f"https://news.example.cn/app/images/{COVER}"
    assert [r["width"] for r in cover["renditions"]] == [320, 640, 1080]
    assert cover["renditions"][0] == {
        "name": "w320",
        "href": f"https://news.example.cn/app/images/{COVER}-320.jpg",
        "contenttype": "image/jpeg",
        "width": 320,
        "height": 240,
        "sizeinbytes": 32000,
    }


def test_an_image_without_renditions_is_an_error() -> None:
    with pytest.raises(ValueError, match=PHOTO_2):
        article_document(
            article_id="a-42",
            revision_content=RevisionContent.of(CONTENT),
            version=1,
            published_at=PUBLISHED,
            pubstatus="usable",
            uri_base=BASE,
            channel_name="时政",
            images={COVER: IMAGES[COVER], PHOTO_1: IMAGES[PHOTO_1]},
        )


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        _document(published_at=dt.datetime(2026, 5, 4, 9, 30))


def test_correction_note_is_the_ednote() -> None:
    document = _document(version=2, correction_note="更正：第二段数据有误，已改正。")
    assert validate_ninjs(document) == []
    assert document["ednote"] == "更正：第二段数据有误，已改正。"
    assert document["version"] == "2"


def test_retraction_keeps_the_uri_and_withdraws_the_content() -> None:
    usable = _document()
    canceled = _document(version=2, pubstatus="canceled", correction_note="撤稿")
    assert validate_ninjs(canceled) == []
    assert canceled["uri"] == usable["uri"]
    assert canceled["pubstatus"] == "canceled"
    assert canceled["version"] == "2"
    assert canceled["headlines"] == usable["headlines"]
    for withdrawn in ("bodies", "descriptions", "associations"):
        assert withdrawn not in canceled


def test_repost_names_its_source() -> None:
    content = {**CONTENT, "kind": "repost", "source": "新华社", "original_url": "https://x.cn/1"}
    document = _document(content)
    assert validate_ninjs(document) == []
    assert document["infosources"] == [
        {"role": "originator", "name": "新华社", "uri": "https://x.cn/1"}
    ]
    assert document["copyrightholder"] == "新华社"
    assert (
        document["usageterms"] == "本文转载自新华社，版权归原作者所有；如需再次转载，请联系版权方。"
    )
    assert "contentcreated" not in document  # the original's page gave no time


def test_a_repost_carries_when_the_original_appeared_and_terms_in_its_language() -> None:
    content = {
        **CONTENT,
        "kind": "repost",
        "source": "",
        "original_url": "https://www.news.cn/2026/a.html",
        "original_published_at": "2026-05-03T22:15:00+08:00",
    }
    document = article_document(
        article_id="a-43",
        revision_content=RevisionContent.of(content),
        version=1,
        published_at=PUBLISHED,
        pubstatus="usable",
        uri_base=BASE,
        channel_name="World",
        images=IMAGES,
        language="en",
    )
    assert validate_ninjs(document) == []
    assert document["copyrightholder"] == "www.news.cn"
    assert str(document["usageterms"]).startswith("Reposted from www.news.cn; copyright remains")
    assert document["contentcreated"] == "2026-05-03T22:15:00+08:00"


def test_an_original_article_claims_no_other_copyright_holder() -> None:
    document = _document()
    assert "copyrightholder" not in document and "usageterms" not in document


def _broken(change: str) -> dict[str, object]:
    document = copy.deepcopy(_document())
    associations = document["associations"]
    assert isinstance(associations, list)
    if change == "missing uri":
        del document["uri"]
    elif change == "bad pubstatus":
        document["pubstatus"] = "published"
    elif change == "bad date":
        document["versioncreated"] = "2026-05-04 09:30"
    elif change == "naive date":
        document["firstcreated"] = "2026-05-04T09:30:00"
    elif change == "version not a string":
        document["version"] = 3
    elif change == "headlines not an array":
        document["headlines"] = "标题"
    elif change == "headline without value":
        document["headlines"] = [{"role": "main"}]
    elif change == "relative uri":
        document["uri"] = "articles/a-42"
    elif change == "unknown property":
        document["keywords"] = ["规划"]
    elif change == "rendition width not a number":
        associations[0]["renditions"][0]["width"] = "320"
    elif change == "rendition without name":
        del associations[1]["renditions"][0]["name"]
    elif change == "association without uri":
        del associations[2]["uri"]
    elif change == "bad type":
        document["type"] = "article"
    elif change == "urgency out of range":
        document["urgency"] = 10
    return document


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ("missing uri", "uri"),
        ("bad pubstatus", "pubstatus"),
        ("bad date", "versioncreated"),
        ("naive date", "firstcreated"),
        ("version not a string", "version"),
        ("headlines not an array", "headlines"),
        ("headline without value", "headlines[0].value"),
        ("relative uri", "uri"),
        ("unknown property", "keywords"),
        ("rendition width not a number", "associations[0].renditions[0].width"),
        ("rendition without name", "associations[1].renditions[0].name"),
        ("association without uri", "associations[2].uri"),
        ("bad type", "type"),
        ("urgency out of range", "urgency"),
    ],
)
def test_invalid_documents_name_the_field(change: str, field: str) -> None:
    problems = validate_ninjs(_broken(change))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{field}:"), problems


def test_a_non_object_is_invalid() -> None:
    assert validate_ninjs(["uri"]) == ["document: must be an object"]


def test_minimal_document_is_valid() -> None:
    assert validate_ninjs({"uri": "urn:newsdesk:a-1"}) == []


def _entry(uri: str, version: int, hour: int, pubstatus: PubStatus = "usable") -> FeedEntry:
    moment = dt.datetime(2026, 5, 4, hour, tzinfo=CST)
    return FeedEntry(uri, version, moment, pubstatus, f"articles/{uri[-1]}-{version}.json")


def test_manifest_lists_latest_versions_newest_first() -> None:
    manifest = feed_manifest(
        "时政",
        [
            _entry("urn:a", 1, 8),
            _entry("urn:b", 1, 9),
            _entry("urn:a", 2, 11),
            _entry("urn:c", 3, 10, "canceled"),
        ],
    )
    assert manifest["channel"] == "时政"
    assert manifest["items"] == [
        {
            "uri": "urn:a",
            "version": "2",
            "versioncreated": "2026-05-04T11:00:00+08:00",
            "pubstatus": "usable",
            "href": "articles/a-2.json",
        },
        {
            "uri": "urn:c",
            "version": "3",
            "versioncreated": "2026-05-04T10:00:00+08:00",
            "pubstatus": "canceled",
            "href": "articles/c-3.json",
        },
        {
            "uri": "urn:b",
            "version": "1",
            "versioncreated": "2026-05-04T09:00:00+08:00",
            "pubstatus": "usable",
            "href": "articles/b-1.json",
        },
    ]


def test_feed_entry_of_a_document() -> None:
    canceled = _document(version=4, pubstatus="canceled")
    entry = feed_entry(canceled, "articles/a-42.json")
    assert entry == FeedEntry(
        "https://news.example.cn/app/articles/a-42", 4, PUBLISHED, "canceled", "articles/a-42.json"
    )


@settings(max_examples=150, deadline=None)
@given(
    title=st.text(),
    body=st.text(),
    tags=st.lists(st.text(), max_size=4),
    pubstatus=st.sampled_from(["usable", "canceled"]),
)
def test_any_text_yields_a_valid_serialisable_document(
    title: str, body: str, tags: list[str], pubstatus: PubStatus
) -> None:
    content = {**CONTENT, "title": title, "body_html": body, "tags": tuple(tags), "cover": ""}
    document = _document(content, pubstatus=pubstatus)
    assert validate_ninjs(document) == []
    text = json.dumps(document, ensure_ascii=False)
    assert json.loads(text) == document


def test_a_repost_link_that_is_not_http_never_reaches_the_app() -> None:
    """An older workspace may hold what the mutation now refuses."""
    for url in ("javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/x"):
        document = _document({**CONTENT, "kind": "repost", "original_url": url})
        for source in document.get("infosources", []):  # type: ignore[attr-defined]
            assert "uri" not in source, url
    kept = _document({**CONTENT, "kind": "repost", "original_url": "https://www.example.cn/a"})
    assert kept["infosources"][0]["uri"] == "https://www.example.cn/a"  # type: ignore[index]
