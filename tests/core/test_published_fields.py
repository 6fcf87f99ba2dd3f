"""What is published is what was reviewed: no internal field leaks into a public one, every
published text is checked, and 责任编辑/来源 are there before sign-off."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.core.articles import current_hash, revision_content
from newsdesk.core.findings import FindingKind, field_findings, text_findings
from newsdesk.core.ids import content_hash, new_id
from newsdesk.core.model import ArticleState, ProposalState, RevisionContent
from newsdesk.core.mutation import Kind
from newsdesk.core.personal_data import PersonalKind, id_number_valid, luhn_valid, personal_data
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.core.sensitive import SensitiveMatcher, parse_word_list
from tests.core.newsroom import Newsroom


@pytest.fixture
def room() -> Newsroom:
    return Newsroom()


def test_starting_a_topic_never_copies_the_internal_angle_into_a_public_field(
    room: Newsroom,
) -> None:
    pid = room.proposal_in(ProposalState.ASSIGNED)
    proposal = room.proposal(pid)
    article_id = new_id()
    room.must("editor", Kind.TOPIC_START, pid, article_id=article_id)
    article = room.article(article_id)
    public = [article.title, article.subtitle, article.summary, article.body_html]
    assert proposal.angle and all(proposal.angle not in text for text in public if text)
    assert article.summary == ""
    assert (article.source, article.responsible_editor) == ("本台", "值班编辑")


def test_an_article_needs_its_responsible_editor_and_source_to_be_submitted(
    room: Newsroom,
) -> None:
    article_id = room.new_article()
    room.must("editor", Kind.ARTICLE_EDIT, article_id, responsible_editor="")
    outcome = room.try_submit(article_id)
    assert isinstance(outcome, Refusal) and outcome.code == RefusalCode.INVALID
    assert "责任编辑" in outcome.message.source
    room.must("editor", Kind.ARTICLE_EDIT, article_id, responsible_editor="刘建华", source="")
    outcome = room.try_submit(article_id)
    assert isinstance(outcome, Refusal) and "来源" in outcome.message.source


def test_a_submission_records_the_findings_its_writer_submitted_over(room: Newsroom) -> None:
    article_id = room.new_article()
    revision_id = new_id()
    room.must(
        "editor",
        Kind.ARTICLE_SUBMIT,
        article_id,
        revision_id=revision_id,
        content_hash=current_hash(room.article(article_id)),
        open_findings=["标题：敏感词“最佳”（广告法极限词）"],
    )
    revision = room.world.revision(revision_id)
    assert revision is not None
    assert revision.open_findings == ("标题：敏感词“最佳”（广告法极限词）",)
    assert room.article(article_id).state == ArticleState.IN_REVIEW


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("当事人身份证号11010519491231002X已核实", PersonalKind.ID_NUMBER, "11010519491231002X"),
        ("联系电话：13812345678。", PersonalKind.MOBILE, "13812345678"),
        ("手机 +86 138-1234-5678 欢迎来电", PersonalKind.MOBILE, "+86 138-1234-5678"),
        ("捐款账号6222 0202 0000 0000 006", PersonalKind.BANK_CARD, "6222 0202 0000 0000 006"),
        ("来信请寄 zhang.san@example.com 。", PersonalKind.EMAIL, "zhang.san@example.com"),
        ("肇事车辆京A12345逃逸", PersonalKind.LICENCE_PLATE, "京A12345"),
        ("新能源车沪AD12345", PersonalKind.LICENCE_PLATE, "沪AD12345"),
    ],
)
def test_personal_data_is_found_with_its_category(
    text: str, kind: PersonalKind, found: str
) -> None:
    hits = personal_data(text)
    assert [(h.kind, h.found(text)) for h in hits] == [(kind, found)]


@pytest.mark.parametrize(
    "text",
    [
        "编号110105194912310021不是身份证号",  # wrong check digit
        "订单号6222020200000000007",  # fails Luhn, 19 digits
        "2026年12月4日开幕，观众3000人次",
        "电话号码12812345678不存在",  # no such mobile prefix
        "参考文献ISBN 9787020002207",
    ],
)
def test_numbers_that_are_not_personal_data_are_left_alone(text: str) -> None:
    assert personal_data(text) == []


def test_checksums() -> None:
    assert id_number_valid("11010519491231002X")
    assert not id_number_valid("110105194912310021")
    assert luhn_valid("6222020200000000006")
    assert not luhn_valid("6222020200000000007")


def test_every_published_field_is_checked_not_the_body_alone() -> None:
    matcher = SensitiveMatcher(parse_word_list("最佳\t广告法极限词\n绝对\t广告法极限词", "t"))
    content = {
        "title": "全网最低价绝对最佳",
        "subtitle": "",
        "summary": "报料人身份证号11010519491231002X",
        "author": "孙晓雨",
        "source": "本台",
        "responsible_editor": "刘建华",
        "tags": ["最佳"],
        "body_html": '<p>正文</p><figure><img src="attachment:x" alt="联系13812345678"></figure>',
    }
    found = {(f.field, f.finding.kind, f.finding.found) for f in field_findings(content, matcher)}
    assert found == {
        ("title", FindingKind.SENSITIVE, "绝对"),
        ("title", FindingKind.SENSITIVE, "最佳"),
        ("summary", FindingKind.PERSONAL, "11010519491231002X"),
        ("tags", FindingKind.SENSITIVE, "最佳"),
        ("image_alt", FindingKind.PERSONAL, "13812345678"),
    }
    assert [f.kind for f in text_findings("你好,世界", None)] == [FindingKind.PUNCTUATION]


def test_a_reposts_original_time_is_published_and_hashed_only_once_set(room: Newsroom) -> None:
    article_id = room.new_article()
    before = room.article(article_id)
    # An article without the field hashes as before the field existed, so the hashes kept in
    # revisions, sign-offs and publications made earlier still match.
    assert current_hash(before) == content_hash(
        {k: v for k, v in revision_content(before).items() if k != "original_published_at"}
    )
    assert "original_published_at" not in revision_content(before)
    room.must(
        "editor",
        Kind.ARTICLE_EDIT,
        article_id,
        kind="repost",
        original_url="https://www.news.cn/a.html",
        original_published_at="2026-11-30T08:15:00+08:00",
    )
    after = room.article(article_id)
    assert after.original_published_at == dt.datetime(2026, 11, 30, 0, 15, tzinfo=dt.UTC)
    assert revision_content(after)["original_published_at"] == "2026-11-30T00:15:00+00:00"
    assert current_hash(after) != current_hash(before)
    assert RevisionContent.of(revision_content(after)).original_published_at == (
        after.original_published_at
    )
    wrong = room.do("editor", Kind.ARTICLE_EDIT, article_id, original_published_at="昨天")
    assert isinstance(wrong, Refusal) and wrong.message.params["field"] == "original_published_at"
