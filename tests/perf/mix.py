"""An editor's working mix of mutations, as the benchmarks of sync push, settle and pull make
them: proposals created, updated and submitted, articles of demo-like length (about 600
characters) created and edited twice, interleaved as a day's work is (never two edits of one
article in a row, so nothing coalesces and every mutation is its own change)."""

from __future__ import annotations

import random
from collections.abc import Iterator

from newsdesk.core.mutation import Kind, Mutation, mutation
from tests.perf.bench_apply import WORDS

KINDS_PER_STORY = 6


def _text(rng: random.Random, characters: int) -> str:
    words: list[str] = []
    size = 0
    while size < characters:
        words.append(rng.choice(WORDS))
        size += len(words[-1])
    return "".join(words)


def _body(rng: random.Random) -> str:
    return "".join(f"<p>{_text(rng, 150)}。</p>" for _ in range(4))


def editor_mix(user_id: str, channel: str, count: int, seed: int = 11) -> Iterator[Mutation]:
    """``count`` mutations by ``user_id`` in ``channel``, six kinds a story."""
    rng = random.Random(seed)
    made = 0
    while made < count:
        title = _text(rng, 10)
        proposal = mutation(
            user_id, Kind.PROPOSAL_CREATE, channel_id=channel, title=title, angle=_text(rng, 40)
        )
        first = _body(rng)
        article = mutation(
            user_id, Kind.ARTICLE_CREATE, channel_id=channel, title=title, body_html=first
        )
        second, third = _body(rng), _body(rng)
        story = [
            proposal,
            article,
            mutation(user_id, Kind.PROPOSAL_UPDATE, proposal.entity, angle=_text(rng, 60)),
            mutation(
                user_id,
                Kind.ARTICLE_EDIT,
                article.entity,
                body_html=second,
                base={"body_html": first},
            ),
            mutation(user_id, Kind.PROPOSAL_SUBMIT, proposal.entity),
            mutation(
                user_id,
                Kind.ARTICLE_EDIT,
                article.entity,
                body_html=third,
                base={"body_html": second},
            ),
        ]
        yield from story[: count - made]
        made += len(story)
