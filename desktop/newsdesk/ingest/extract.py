"""An article out of a web page: title, body, and the bylines Chinese pages print.

trafilatura finds the body (it did best of five extractors on a public benchmark of real
pages), but no extractor reads Chinese bylines: none finds 来源, trafilatura finds almost no
Chinese author, and others return the 责任编辑 as the author. So the bylines are read here from
the page's text by their fixed wording ("来源：", "作者：", "责任编辑：", "（记者 …）"), the
source is the outlet the page names rather than the site that carries it, and WeChat article
pages (the body in ``#js_content``, images in ``data-src``) are read directly.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml.etree import ParserError, XMLSyntaxError
from trafilatura.metadata import extract_metadata

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.publish.paste import clean_pasted

CHINA: Final = dt.timezone(dt.timedelta(hours=8))
MIN_ARTICLE_CHARS: Final = 60
_NAME: Final = r"[\u4e00-\u9fffA-Za-z·•．.]{2,20}"
_NAMES: Final = rf"{_NAME}(?:[ 　、，,]+{_NAME})*"
_STOP: Final = r"(?=$|[\s　|｜/（）()\[\]【】]|来源|作者|编辑|责任编辑|责编|记者|发布|时间|日期)"
_SOURCE: Final = re.compile(
    r"(?:来源|稿源|出处)\s*[:：]\s*([^\s　|｜（）()\[\]【】<>，,。:：]{2,40}?)"
    r"(?=$|[\s　|｜（）()\[\]【】，,。]|作者|编辑|责任编辑|责编|记者)"
)
_AUTHOR: Final = re.compile(rf"(?:作者|(?<![\u4e00-\u9fff])文)\s*[:：/]\s*({_NAMES}){_STOP}")
_RESPONSIBLE: Final = re.compile(rf"(?:责任编辑|责编)\s*[:：]\s*({_NAMES}){_STOP}")
_EDITOR: Final = re.compile(rf"(?<!责任)编辑\s*[:：]\s*({_NAMES}){_STOP}")
_REPORTER: Final = re.compile(rf"(?:本报|本台|新华社|融媒)?记者\s*[:：]?\s*({_NAMES}){_STOP}")
_TIME: Final = re.compile(
    r"(20\d\d|19\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?"
    r"(?:\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?"
)
_BYLINE_PART: Final = re.compile(
    r"(?:来源|稿源|作者|责任编辑|责编|编辑|本报记者|记者|发布时间|时间|日期)"
    r"\s*[:：]?\s*[^\s　|｜]{0,30}"
)
_BYLINE_LEFTOVER: Final = re.compile(r"[\s　|｜/()（）【】\[\]]|纠错")
# A teaser this short beside a paywall's words is all a paywalled page shows.
PAYWALL_TEASER_CHARS: Final = 500
_PAYWALL: Final = (
    "付费阅读",
    "订阅后阅读",
    "订阅后可阅读",
    "登录后查看全文",
    "开通会员",
    "购买后阅读",
)
_TITLE_SEPARATOR: Final = re.compile(r"\s*(?:_|--|——|\s-\s|\s\|\s|｜|\|)\s*")
SITE_NAME_CHARS: Final = 12
_WECHAT_HOSTS: Final = ("mp.weixin.qq.com",)
_PARAGRAPH: Final = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S | re.I)
_TAG: Final = re.compile(r"<[^>]+>")


class ExtractError(Exception):
    def __init__(self, url: str, paywall: bool = False) -> None:
        super().__init__(f"{'paywall' if paywall else 'no article'}: {url}")
        self.url = url
        self.paywall = paywall

    @property
    def message(self) -> Message:
        if self.paywall:
            return Message(
                "Repost",
                QT_TRANSLATE_NOOP(
                    "Repost",
                    "the article is behind a paywall or a sign-in; only its opening is public",
                ),
            )
        return Message("Repost", QT_TRANSLATE_NOOP("Repost", "no article was found on the page"))


@dataclass(frozen=True)
class Extracted:
    url: str
    title: str
    body_html: str  # the editor's HTML subset; images still at their (absolute) web addresses
    remote_images: tuple[str, ...]
    author: str = ""
    source: str = ""  # the outlet that first published it, not the site that carries it
    responsible_editor: str = ""
    published_at: dt.datetime | None = None
    lead_image: str | None = None
    site_name: str = ""


def extract(html: str, url: str) -> Extracted:
    """The article on the page at ``url``; :class:`ExtractError` if there is none."""
    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, XMLSyntaxError, ValueError) as error:
        raise ExtractError(url) from error
    if (urlsplit(url).hostname or "") in _WECHAT_HOSTS or tree.get_element_by_id(
        "js_content", None
    ) is not None:
        return _wechat(tree, url)
    body = trafilatura.extract(
        html,
        url=url,
        output_format="html",
        include_images=True,
        include_formatting=True,
        include_tables=True,
        include_comments=False,
        favor_recall=True,
    )
    metadata = extract_metadata(html, default_url=url)
    page_text = _page_text(tree)
    text = _text(body or "")
    walled = any(marker in page_text for marker in _PAYWALL)
    if len(text) < MIN_ARTICLE_CHARS or (walled and len(text) < PAYWALL_TEASER_CHARS):
        raise ExtractError(url, paywall=walled)
    bylines = _bylines(page_text)
    title = (
        _meta(tree, "og:title")
        or _heading(tree)
        or _without_site((metadata.title if metadata else "") or _document_title(tree))
    )
    site_name = _meta(tree, "og:site_name") or (metadata.sitename if metadata else "") or ""
    author = bylines.author or _plausible_author(
        (metadata.author if metadata else "") or "", bylines.responsible_editor
    )
    cleaned = clean_pasted(_without_bylines(body or ""))
    lead = _meta(tree, "og:image")
    return Extracted(
        url=url,
        title=_tidy(title)[:120],
        body_html=cleaned.html,
        remote_images=cleaned.remote_images,
        author=author[:100],
        source=(bylines.source or site_name)[:200],
        responsible_editor=bylines.responsible_editor[:100],
        published_at=_published(tree, page_text, metadata.date if metadata else None),
        lead_image=urljoin(url, lead) if lead else (cleaned.remote_images or (None,))[0],
        site_name=site_name,
    )


@dataclass(frozen=True)
class _Bylines:
    source: str = ""
    author: str = ""
    responsible_editor: str = ""


def _bylines(text: str) -> _Bylines:
    def first(pattern: re.Pattern[str]) -> str:
        found = pattern.search(text)
        return _names(found.group(1)) if found else ""

    author = first(_AUTHOR) or first(_REPORTER)
    return _Bylines(
        source=first(_SOURCE),
        author=author,
        responsible_editor=first(_RESPONSIBLE) or first(_EDITOR),
    )


def _names(raw: str) -> str:
    """Several names as the newsroom writes them: separated by a space."""
    return " ".join(part for part in re.split(r"[ 　、，,]+", raw.strip()) if part)


def _plausible_author(candidate: str, responsible_editor: str) -> str:
    """An author from the page's metadata, unless it is the 责编 (a common mistake of pages)."""
    name = _tidy(candidate or "")
    return "" if not name or name == responsible_editor or "编辑" in name else name


def _wechat(tree: lxml.html.HtmlElement, url: str) -> Extracted:
    content = tree.get_element_by_id("js_content", None)
    if content is None:
        raise ExtractError(url)
    for image in content.iter("img"):
        src = image.get("data-src") or image.get("src") or ""
        image.attrib.clear()
        if src:
            image.set("src", urljoin(url, src))
    body = lxml.html.tostring(content, encoding="unicode")
    text = _text(body)
    walled = any(marker in text for marker in _PAYWALL)
    if len(text) < MIN_ARTICLE_CHARS or (walled and len(text) < PAYWALL_TEASER_CHARS):
        raise ExtractError(url, paywall=walled)
    account = _text_of(tree, "js_name") or _script_value(tree, "nickname")
    title = (
        _text_of(tree, "activity-name")
        or _meta(tree, "og:title")
        or _without_site(_document_title(tree))
    )
    author = _meta(tree, "author") or _script_value(tree, "author")
    bylines = _bylines(_text(body))
    cleaned = clean_pasted(_without_bylines(body))
    stamp = _script_value(tree, "ct")
    published = (
        dt.datetime.fromtimestamp(int(stamp), CHINA)
        if stamp.isdigit()
        else _published(tree, _page_text(tree), None)
    )
    lead = _meta(tree, "og:image")
    return Extracted(
        url=url,
        title=_tidy(title)[:120],
        body_html=cleaned.html,
        remote_images=cleaned.remote_images,
        author=(bylines.author or _plausible_author(author, bylines.responsible_editor))[:100],
        source=(bylines.source or account)[:200],
        responsible_editor=bylines.responsible_editor[:100],
        published_at=published,
        lead_image=urljoin(url, lead) if lead else (cleaned.remote_images or (None,))[0],
        site_name=account,
    )


def _is_byline(text: str) -> bool:
    """Whether a paragraph only says when, from where and by whom ("2026年11月30日08:15 |
    来源：人民网", "【责任编辑:周航】"), which the byline fields now hold."""
    if not _BYLINE_PART.search(text):
        return False
    rest = _BYLINE_PART.sub("", _TIME.sub("", text))
    return not _BYLINE_LEFTOVER.sub("", rest)


def _without_bylines(body: str) -> str:
    def keep(match: re.Match[str]) -> str:
        return "" if _is_byline(_text(match.group(1))) else match.group(0)

    return _PARAGRAPH.sub(keep, body)


def _published(
    tree: lxml.html.HtmlElement, page_text: str, fallback: str | None
) -> dt.datetime | None:
    for name in ("article:published_time", "og:release_date", "publishdate", "pubdate"):
        value = _meta(tree, name).strip()
        if len(value) <= len("2026-11-30"):
            fallback = fallback or value or None  # a day without its time: the text may say more
            continue
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            continue
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=CHINA)
    found = _TIME.search(page_text)
    if found:
        year, month, day, hour, minute, second = (int(g) if g else 0 for g in found.groups())
        try:
            return dt.datetime(year, month, day, hour, minute, second, tzinfo=CHINA)
        except ValueError:
            pass
    if fallback:
        try:
            return dt.datetime.combine(dt.date.fromisoformat(fallback), dt.time(), CHINA)
        except ValueError:
            return None
    return None


def _meta(tree: lxml.html.HtmlElement, name: str) -> str:
    for attribute in ("property", "name", "itemprop"):
        for element in tree.xpath(f"//meta[@{attribute}=$name]", name=name):
            content = (element.get("content") or "").strip()
            if content:
                return content
    return ""


def _heading(tree: lxml.html.HtmlElement) -> str:
    heading = tree.xpath("//h1")
    return _tidy(str(heading[0].text_content())) if heading else ""


def _document_title(tree: lxml.html.HtmlElement) -> str:
    found = tree.find(".//title")
    return _tidy(str(found.text_content())) if found is not None else ""


def _without_site(title: str) -> str:
    """A page's ``<title>`` without the site and section names pages append ("…_新华网",
    "…--社会·法治--人民网", "… | 某财经")."""
    parts = _TITLE_SEPARATOR.split(title)
    while len(parts) > 1 and len(parts[-1].strip()) <= SITE_NAME_CHARS:
        parts.pop()
    return parts[0].strip() if len(parts) == 1 else title


def _text_of(tree: lxml.html.HtmlElement, element_id: str) -> str:
    element = tree.get_element_by_id(element_id, None)
    return _tidy(element.text_content()) if element is not None else ""


def _script_value(tree: lxml.html.HtmlElement, name: str) -> str:
    """``var name = "value"`` (or ``name: "value"``) in the page's scripts, as WeChat writes."""
    pattern = re.compile(rf"""\b{name}\s*[=:]\s*(?:htmlDecode\()?["']([^"']*)["']""")
    for script in tree.iter("script"):
        found = pattern.search(script.text or "")
        if found and found.group(1).strip():
            return found.group(1).strip()
    return ""


def _page_text(tree: lxml.html.HtmlElement) -> str:
    parts = []
    for element in tree.iter():
        if element.tag in ("script", "style", "noscript", "head"):
            continue
        if element.text and element.getparent() is not None:
            parts.append(element.text)
        if element.tail:
            parts.append(element.tail)
    return "\n".join(part.strip() for part in parts if part and part.strip())


def _text(html: str) -> str:
    return _tidy(_TAG.sub(" ", html))


def _tidy(text: str) -> str:
    return " ".join(text.split())
