"""The shape of a demo story: what it tells, and where it ends up."""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.core.model import ArticleState, Priority, ProposalState


@dataclass(frozen=True)
class Plan:
    """Where a story ends up.

    ``proposal`` is the proposal's final state (``None``: an article written without one);
    ``article`` the article's. ``level`` is where an in-review article waits or the level that
    rejects it; ``returned`` sends the article back once at level 2 (level 1 in a one-level
    channel) with a comment anchored to a passage; ``corrected`` corrects it after publication.
    """

    proposal: ProposalState | None = None
    article: ArticleState | None = None
    level: int = 1
    returned: bool = False
    corrected: bool = False
    due_in: int | None = None  # days from today, for an assigned topic
    deleted_from: ProposalState = ProposalState.DRAFT


@dataclass(frozen=True, kw_only=True)
class Story:
    """A proposal, its article or both; whatever is left empty is chosen while it is told."""

    channel: str  # the channel's key
    title: str
    angle: str
    plan: Plan
    by: str | None = None  # login of the proposer, or of the writer of an article without one
    assignee: str | None = None
    place: str = ""
    subject: str = ""
    org: str = ""
    outcome: str = ""
    lead: str = ""  # contains {date}
    paragraphs: tuple[str, ...] = ()
    quote: tuple[str, str] | None = None  # (speaker, words)
    subtitle: str = ""
    tags: tuple[str, ...] = ()
    picture: str | None = None  # the theme of the cover, also shown in the body
    figure: str | None = None  # a further picture in the body
    table: tuple[tuple[str, ...], ...] = ()  # a header row, then rows
    questions: tuple[tuple[str, str], ...] = ()  # (question, answer), as in a services guide
    listed: bool = False  # the body has a list
    long: bool = False  # a long body
    materials: bool = False  # the proposal comes with materials
    reason: str = ""  # why it was returned, rejected or retracted
    reviewers: tuple[str, ...] = ()  # logins approving levels 1, 2, 3 (else chosen by chance)
    priority: Priority = Priority.NORMAL
    source: str = ""
    original_url: str = ""  # set for a repost
