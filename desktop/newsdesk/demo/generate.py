"""The large demo's generated stories, in the proportions of states a busy newsroom shows."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator, Sequence

from newsdesk.core.model import ArticleState, Priority, ProposalState
from newsdesk.demo.cast import CHANNELS
from newsdesk.demo.story import Plan, Story
from newsdesk.demo.vocabulary import REPOST_SOURCES, VOCABULARIES
from newsdesk.demo.writing import fill

LARGE_PROPOSALS = 6_000
LARGE_ARTICLES = 4_000

# How many in a hundred proposals end in each state, and the plans of their articles.
_MIX_PROPOSALS = (
    (ProposalState.DRAFT, 7),
    (ProposalState.SUBMITTED, 10),
    (ProposalState.RETURNED, 6),
    (ProposalState.SELECTED, 7),
    (ProposalState.ASSIGNED, 8),
    (ProposalState.IN_PROGRESS, 14),
    (ProposalState.DONE, 43),
    (ProposalState.DELETED, 5),
)
_MIX_WRITING = (  # the article of a topic in progress
    (Plan(ProposalState.IN_PROGRESS, ArticleState.DRAFT), 30),
    (Plan(ProposalState.IN_PROGRESS, ArticleState.DRAFT, returned=True), 5),
    (Plan(ProposalState.IN_PROGRESS, ArticleState.IN_REVIEW), 35),
    (Plan(ProposalState.IN_PROGRESS, ArticleState.APPROVED), 10),
    (Plan(ProposalState.IN_PROGRESS, ArticleState.SIGNED_OFF), 10),
    (Plan(ProposalState.IN_PROGRESS, ArticleState.REJECTED), 10),
)
_MIX_DONE = (
    (Plan(ProposalState.DONE, ArticleState.PUBLISHED), 76),
    (Plan(ProposalState.DONE, ArticleState.PUBLISHED, returned=True), 12),
    (Plan(ProposalState.DONE, ArticleState.PUBLISHED, corrected=True), 4),
    (Plan(ProposalState.DONE, ArticleState.RETRACTED), 8),
)
_MIX_DIRECT = (
    (Plan(None, ArticleState.DRAFT), 15),
    (Plan(None, ArticleState.IN_REVIEW), 20),
    (Plan(None, ArticleState.APPROVED), 5),
    (Plan(None, ArticleState.SIGNED_OFF), 5),
    (Plan(None, ArticleState.PUBLISHED), 43),
    (Plan(None, ArticleState.PUBLISHED, returned=True), 5),
    (Plan(None, ArticleState.PUBLISHED, corrected=True), 2),
    (Plan(None, ArticleState.RETRACTED), 2),
    (Plan(None, ArticleState.REJECTED), 3),
)


def _plans(rng: random.Random, proposals: int, articles: int) -> list[Plan]:
    """Plans for ``proposals`` proposals and ``articles`` articles, in random order."""
    counts = {state: proposals * weight // 100 for state, weight in _MIX_PROPOSALS}
    counts[ProposalState.DRAFT] += proposals - sum(counts.values())
    plans: list[Plan] = []
    for state, count in counts.items():
        if state == ProposalState.IN_PROGRESS:
            plans += _choose(rng, _MIX_WRITING, count)
        elif state == ProposalState.DONE:
            plans += _choose(rng, _MIX_DONE, count)
        elif state == ProposalState.DELETED:
            origins = (ProposalState.DRAFT, ProposalState.SUBMITTED)
            plans += [Plan(state, deleted_from=rng.choice(origins)) for _ in range(count)]
        else:
            plans += [Plan(state, due_in=rng.randint(-5, 10)) for _ in range(count)]
    topics = counts[ProposalState.IN_PROGRESS] + counts[ProposalState.DONE]
    plans += _choose(rng, _MIX_DIRECT, max(0, articles - topics))
    rng.shuffle(plans)
    return plans


def _choose(rng: random.Random, mix: Sequence[tuple[Plan, int]], count: int) -> list[Plan]:
    """``count`` plans drawn from ``mix``, a plan and its weight per entry."""
    return rng.choices([plan for plan, _ in mix], [weight for _, weight in mix], k=count)


def _stories(rng: random.Random, plans: Sequence[Plan]) -> Iterator[Story]:
    """A story for each plan, composed from the channels' vocabularies."""
    channels = rng.choices(CHANNELS, [c.share for c in CHANNELS], k=len(plans))
    for plan, channel in zip(plans, channels, strict=True):
        words = VOCABULARIES[channel.key]
        if plan.article in (ArticleState.IN_REVIEW, ArticleState.REJECTED):
            plan = dataclasses.replace(plan, level=rng.randint(1, channel.levels))
        slots = {
            "place": rng.choice(words.places),
            "subject": rng.choice(words.subjects),
            "outcome": rng.choice(words.outcomes),
            "org": rng.choice(words.orgs),
        }
        repost = plan.proposal is None and rng.random() < 0.1
        yield Story(
            channel=channel.key,
            plan=plan,
            title=fill(rng.choice(words.titles), slots),
            angle=fill(rng.choice(words.angles), slots),
            place=slots["place"],
            subject=slots["subject"],
            outcome=slots["outcome"],
            org=slots["org"],
            tags=tuple(rng.sample(words.tags, 2)),
            picture=rng.choice(words.covers) if rng.random() < 0.5 else None,
            listed=rng.random() < 0.35,
            long=rng.random() < 0.08,
            materials=rng.random() < 0.25,
            priority=rng.choices(list(Priority), (1, 6, 2, 1))[0],
            source=rng.choice(REPOST_SOURCES) if repost else "",
            original_url=(
                f"https://news.example.com/{channel.key}/{rng.randint(10**5, 10**6)}.html"
                if repost
                else ""
            ),
        )


def _one_card(plan: Plan) -> bool:
    """Whether a story told to ``plan`` ends as exactly one card every chief sees on the board:
    not a draft proposal (its proposer's own), not deleted, rejected or retracted, and not
    published (the board shows only the latest few published cards)."""
    return plan.proposal not in (ProposalState.DRAFT, ProposalState.DELETED) and (
        plan.article not in (ArticleState.REJECTED, ArticleState.RETRACTED, ArticleState.PUBLISHED)
    )


def board_stories(rng: random.Random, cards: int) -> list[Story]:
    """``cards`` stories, each one card shown on the board, in the large demo's proportions of
    the states that stand in the board's working columns."""
    plans: list[Plan] = []
    while len(plans) < cards:
        made = _plans(rng, cards * 6 // 10 + 1, cards * 4 // 10 + 1)
        plans += [plan for plan in made if _one_card(plan)]
    return list(_stories(rng, plans[:cards]))


def generated_stories(rng: random.Random, written: Sequence[Story]) -> list[Story]:
    """Stories that bring ``written`` up to the large demo's proposals and articles."""
    proposals = sum(s.plan.proposal is not None for s in written)
    articles = sum(s.plan.article is not None for s in written)
    return list(_stories(rng, _plans(rng, LARGE_PROPOSALS - proposals, LARGE_ARTICLES - articles)))
