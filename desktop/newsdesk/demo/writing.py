"""What a demo article says: a story's slots filled in and composed into rich HTML."""

from __future__ import annotations

import datetime as dt
import html
import random
from collections.abc import Mapping, Sequence
from typing import Any

from newsdesk.demo.pictures import Picture
from newsdesk.demo.story import Story
from newsdesk.demo.vocabulary import VOCABULARIES

AttachedPictures = Mapping[str, tuple[Picture, str]]
"""Each attached picture and its SHA-256, by theme."""


def fill(template: str, slots: Mapping[str, object]) -> str:
    """``template`` with its ``{name}`` slots filled in."""
    return template.format_map(slots)


def escape(text: str) -> str:
    """``text`` as the content of an HTML element."""
    return html.escape(text, quote=False)


def chinese_date(day: dt.date) -> str:
    """The day as an article writes it, e.g. "3月5日"."""
    return f"{day.month}月{day.day}日"


def story_slots(story: Story, printed: dt.date, rng: random.Random) -> dict[str, object]:
    """The values of the slots in the story's text; ``{date}`` is ``printed``."""
    words = VOCABULARIES[story.channel]
    return {
        "place": story.place,
        "subject": story.subject,
        "outcome": story.outcome,
        "org": story.org or rng.choice(words.orgs),
        "date": chinese_date(printed),
        "n": rng.randint(3, 30),
        "m": rng.randint(120, 3000),
        "k": rng.randint(2, 12),
        "pct": rng.randint(60, 98),
        "money": rng.randint(12, 900),
    }


def article_text(
    story: Story, slots: Mapping[str, object], rng: random.Random, pictures: AttachedPictures
) -> tuple[dict[str, Any], str]:
    """The article's body and the fields around it, all but the responsible editor.

    Also returns a sentence of the body for a reviewer to comment on.
    """
    words = VOCABULARIES[story.channel]
    lead = fill(story.lead or rng.choice(words.leads), slots)
    if story.lead:  # hand-written: its own paragraphs, rounded off with general ones
        general = len(words.generic) if story.long else 2
        chosen = list(story.paragraphs) + rng.sample(words.generic, general)
    elif story.long:
        chosen = rng.sample(words.paragraphs, len(words.paragraphs)) + list(words.generic)
    else:
        chosen = rng.sample(words.paragraphs, rng.randint(2, 4)) + rng.sample(words.generic, 1)
    paragraphs = [fill(p, slots) for p in chosen]
    # A reviewer comments on a passage: best a sentence with figures, which need a source.
    sentences = [_first_sentence(p) for p in paragraphs if not p.startswith("“")]
    anchor = next((t for t in sentences if any(c.isdigit() for c in t)), sentences[0])
    speaker, said = story.quote or (rng.choice(words.speakers), rng.choice(words.quotes))
    cover = pictures[story.picture] if story.picture else None
    parts = [f"<p>{escape(lead)}</p>"]
    if cover:
        parts.append(_figure(*cover))
    half = (len(paragraphs) + 1) // 2
    parts += [f"<p>{escape(p)}</p>" for p in paragraphs[:half]]
    parts.append(
        f"<blockquote><p>“{escape(said)}”</p><p>——{escape(fill(speaker, slots))}</p></blockquote>"
    )
    parts.append(f"<h2>{escape(rng.choice(words.subheadings))}</h2>")
    parts += [f"<p>{escape(p)}</p>" for p in paragraphs[half:]]
    if story.figure:
        parts.append(_figure(*pictures[story.figure]))
    if story.listed:
        every = len(words.list_items)
        listed = sorted(rng.sample(range(every), every if story.long else rng.randint(3, every)))
        items = [words.list_items[i] for i in listed]
        parts.append(
            f"<p>{escape(fill(words.list_intro, slots))}</p><{words.list_tag}>"
            + "".join(f"<li>{escape(item)}</li>" for item in items)
            + f"</{words.list_tag}>"
        )
    if story.table:
        parts.append(_table(story.table))
    if story.questions:
        parts.append("<h2>常见问题</h2>")
        parts += [
            f"<p><strong>问：{escape(q)}</strong></p><p>答：{escape(a)}</p>"
            for q, a in story.questions
        ]
    fields = {
        "body_html": "".join(parts),
        "summary": _first_sentence(lead),
        "subtitle": story.subtitle,
        "cover": cover[1] if cover else None,
        "source": story.source or "市融媒体中心",
    }
    return fields, anchor


def _first_sentence(text: str) -> str:
    end = text.find("。")
    return text if end < 0 else text[: end + 1]


def _figure(picture: Picture, sha: str) -> str:
    return (
        f'<figure><img src="attachment:{sha}" alt="{html.escape(picture.alt)}">'
        f"<figcaption>{escape(picture.caption)}</figcaption></figure>"
    )


def _table(rows: Sequence[Sequence[str]]) -> str:
    head, *body = rows
    cells = "".join(f"<th>{escape(c)}</th>" for c in head)
    lines = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in body
    )
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{lines}</tbody></table>"
