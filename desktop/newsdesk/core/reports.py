"""Production statistics for a period: what a department head reads on the first working day of
the month and what the leadership asks for at the end of the year (000 §8.2.7, 001 §5.6).

One pure function, :func:`production_report`, computes every figure from plain facts that the
store gathers (from a desktop's workspace or from the service's database), so the screen, the
desktop's command line and the server's command line agree to the digit.

How each figure is counted, and why:

* Days are the newsroom's days: a time is turned into a date in the workspace's time zone
  (Asia/Shanghai unless told otherwise); the period runs from the first day's midnight to the end
  of the last day. Stored times without a zone are UTC.
* A proposal belongs to the period it was written in. It counts as *submitted* unless it is still
  a draft; *selected* once it reached the topic library (selected, assigned, in progress, done);
  *returned* while it stands returned. A deleted proposal counts as what it was when deleted.
* An article is *written* in the period of its first submission for review. It is *published* in
  the period of its first publication; its 字数 and whether it is an original or a repost count
  there. *Published per target* counts first publications to each target (PC, WAP, APP).
* A re-publication (version 2 and later) is a *correction*, with its note; a retracted article is
  a *retraction*, dated by its last change (a retracted article cannot change again), with its
  reason.
* An assignment belongs to the period holding its due date. It is *on time* when the article was
  first submitted on or before the due date, *overdue* when it was submitted later or, not
  submitted yet, its due date has passed (by ``today``); otherwise it is still *open*.
* Review turnaround is elapsed time, weekends and nights included (what the writer waited): for
  level 1 from the revision's submission to the level-1 decision, for a higher level from the
  approval at the level below (of the same revision) to the decision. The decision's time is the
  service's receive time where the service has given one, else the reviewer's clock. A decision
  belongs to the period it was made in. The median is the middle value (the mean of the two
  middle ones for an even count); the 90th percentile is the nearest-rank one, the smallest
  value that at least 90 % of the waits do not exceed.
* A silent day is a day of the period, up to ``today``, on which a channel published no new
  article (the publishing rhythm of 001 §5.3.3.2). Beside them stand the channel's publishing
  interval and the days since its last new article, on the period's last day (or ``today`` if
  that is earlier), counted as :mod:`newsdesk.core.rhythm` counts them for the board.

The viewer's scope: an administrator (or the service, with no viewer) sees everything; anyone
else sees the channels they lead as chief and, elsewhere, their own work.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from newsdesk.core.actor import Actor
from newsdesk.core.mentions import render
from newsdesk.core.model import ArticleKind, ProposalState, Role, Target, Verdict
from newsdesk.core.rhythm import NEWSROOM_ZONE, days_silent, local_day

TOP_REASONS = 5

_SELECTED = frozenset(
    {ProposalState.SELECTED, ProposalState.ASSIGNED, ProposalState.IN_PROGRESS, ProposalState.DONE}
)


@dataclass(frozen=True)
class Scope:
    """What a viewer may count: every channel (``channels is None``), or the listed channels and,
    outside them, the work of ``person``."""

    channels: frozenset[str] | None = None
    person: str | None = None
    only: str | None = None  # one channel picked out of what the viewer sees

    def narrowed(self, channel_id: str | None) -> Scope:
        """The same view, of ``channel_id`` alone (``None``: of every channel)."""
        return replace(self, only=channel_id)

    @classmethod
    def of(cls, actor: Actor | None) -> Scope:
        if actor is None or actor.is_admin:
            return cls()
        led = frozenset(c for c, role in actor.roles if role == Role.CHIEF)
        return cls(led, actor.id)

    def sees(self, channel_id: str, *people: str | None) -> bool:
        if self.only is not None and channel_id != self.only:
            return False
        if self.channels is None or channel_id in self.channels:
            return True
        return self.person is not None and self.person in people


@dataclass(frozen=True, kw_only=True)
class ProposalFact:
    channel_id: str
    proposer_id: str
    state: ProposalState
    deleted_from: ProposalState | None
    return_reason: str
    created_at: dt.datetime


@dataclass(frozen=True, kw_only=True)
class ArticleFact:
    id: str
    channel_id: str
    owner_id: str
    title: str
    kind: ArticleKind
    zishu: int
    first_submitted_at: dt.datetime | None
    retracted_at: dt.datetime | None  # when it is retracted
    retract_reason: str


@dataclass(frozen=True, kw_only=True)
class PublicationFact:
    article_id: str
    target: Target
    version: int
    published_at: dt.datetime
    correction_note: str


@dataclass(frozen=True, kw_only=True)
class AssignmentFact:
    channel_id: str
    assignees: tuple[str, ...]
    due_date: dt.date
    submitted_at: dt.datetime | None  # the topic's article's first submission


@dataclass(frozen=True, kw_only=True)
class DecisionFact:
    article_id: str
    revision_number: int
    level: int
    reviewer_id: str
    verdict: Verdict
    at: dt.datetime  # the service's receive time, else the reviewer's clock


@dataclass(frozen=True, kw_only=True)
class Facts:
    """Everything the report is computed from, as the store gathered it."""

    channels: dict[str, str]  # id → name
    people: dict[str, str]  # id → name
    proposals: Sequence[ProposalFact] = ()
    articles: Sequence[ArticleFact] = ()
    publications: Sequence[PublicationFact] = ()
    assignments: Sequence[AssignmentFact] = ()
    decisions: Sequence[DecisionFact] = ()
    # (article id, revision number) → when that revision was submitted for review
    submissions: dict[tuple[str, int], dt.datetime] = field(default_factory=dict)
    # channel id → the longest it may go without publishing (channels that set one)
    silence_days: dict[str, int] = field(default_factory=dict)
    # channel id → its last first publication up to the period's end (channels that published)
    last_published: dict[str, dt.datetime] = field(default_factory=dict)


@dataclass(frozen=True)
class Output:
    """The production counts of one channel or one person."""

    proposals_submitted: int = 0
    proposals_selected: int = 0
    proposals_returned: int = 0
    articles_written: int = 0
    articles_published: int = 0
    published_pc: int = 0
    published_wap: int = 0
    published_app: int = 0
    originals: int = 0
    reposts: int = 0
    zishu: int = 0
    on_time: int = 0
    overdue: int = 0
    open: int = 0
    corrections: int = 0
    retractions: int = 0


@dataclass(frozen=True)
class ChannelLine:
    channel_id: str
    name: str
    output: Output
    silent_days: int
    longest_silence: int  # the longest run of consecutive silent days
    silence_limit: int | None = None  # the channel's publishing interval; None: none set
    days_since_published: int | None = None  # at the period's end; None: never published


@dataclass(frozen=True)
class PersonLine:
    person_id: str
    name: str
    output: Output


@dataclass(frozen=True)
class LevelLine:
    level: int
    decisions: int
    approved: int
    returned: int
    rejected: int
    median_hours: float | None
    p90_hours: float | None

    @property
    def returned_share(self) -> float:
        return self.returned / self.decisions if self.decisions else 0.0

    @property
    def rejected_share(self) -> float:
        return self.rejected / self.decisions if self.decisions else 0.0


@dataclass(frozen=True)
class Amendment:
    """A correction or a retraction, for the list with reasons."""

    day: dt.date
    channel: str
    title: str
    retraction: bool
    reason: str


@dataclass(frozen=True)
class Report:
    first: dt.date
    last: dt.date
    channels: tuple[ChannelLine, ...]
    people: tuple[PersonLine, ...]
    total: Output
    levels: tuple[LevelLine, ...]
    return_reasons: tuple[tuple[str, int], ...]
    amendments: tuple[Amendment, ...]
    weekly: tuple[tuple[dt.date, int], ...]  # Monday of each week → new articles published


def period_bounds(
    first: dt.date, last: dt.date, zone: dt.tzinfo = NEWSROOM_ZONE
) -> tuple[dt.datetime, dt.datetime]:
    """The period as UTC instants: from the first day's midnight to the end of the last day."""
    start = dt.datetime.combine(first, dt.time(), zone).astimezone(dt.UTC)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), zone).astimezone(dt.UTC)
    return start, end


def nearest_rank(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)), 1) - 1]


class _Tally:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, name: str, amount: int = 1) -> None:
        self.counts[name] += amount

    def output(self) -> Output:
        return Output(**{name: self.counts[name] for name in Output.__dataclass_fields__})


def production_report(
    facts: Facts,
    first: dt.date,
    last: dt.date,
    *,
    scope: Scope | None = None,
    today: dt.date | None = None,
    zone: dt.tzinfo = NEWSROOM_ZONE,
) -> Report:
    """Every production figure of the days ``first`` to ``last`` (both included) that ``scope``
    may see; ``today`` (default: ``last``) ends the silent days and decides what is overdue."""
    if last < first:
        raise ValueError("the period ends before it starts")
    scope = scope or Scope()
    today = today or last

    start, end = period_bounds(first, last, zone)

    def within(at: dt.datetime | None) -> bool:
        if at is None:
            return False
        return start <= (at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)) < end

    by_channel: defaultdict[str, _Tally] = defaultdict(_Tally)
    by_person: defaultdict[str, _Tally] = defaultdict(_Tally)
    total = _Tally()

    def count(name: str, channel_id: str, people: Iterable[str], amount: int = 1) -> None:
        by_channel[channel_id].add(name, amount)
        for person in people:
            by_person[person].add(name, amount)
        total.add(name, amount)

    reasons: Counter[str] = Counter()
    for p in facts.proposals:
        if not within(p.created_at) or not scope.sees(p.channel_id, p.proposer_id):
            continue
        state = p.deleted_from if p.state == ProposalState.DELETED else p.state
        if state is None or state == ProposalState.DRAFT:
            continue
        count("proposals_submitted", p.channel_id, [p.proposer_id])
        if state in _SELECTED:
            count("proposals_selected", p.channel_id, [p.proposer_id])
        elif state == ProposalState.RETURNED:
            count("proposals_returned", p.channel_id, [p.proposer_id])
            reasons[render(p.return_reason, facts.people).strip()] += 1

    articles = {a.id: a for a in facts.articles if scope.sees(a.channel_id, a.owner_id)}
    amendments: list[Amendment] = []
    for a in articles.values():
        if within(a.first_submitted_at):
            count("articles_written", a.channel_id, [a.owner_id])
        if within(a.retracted_at) and a.retracted_at is not None:
            count("retractions", a.channel_id, [a.owner_id])
            amendments.append(
                Amendment(
                    local_day(a.retracted_at, zone),
                    facts.channels.get(a.channel_id, a.channel_id),
                    a.title,
                    True,
                    a.retract_reason,
                )
            )

    first_out: dict[str, dt.datetime] = {}
    corrected: dict[tuple[str, int], PublicationFact] = {}
    for pub in facts.publications:
        owner = articles.get(pub.article_id)
        if owner is None or not within(pub.published_at):
            continue
        if pub.version == 1:
            count(f"published_{pub.target.value}", owner.channel_id, [owner.owner_id])
            seen = first_out.get(owner.id)
            first_out[owner.id] = pub.published_at if seen is None else min(seen, pub.published_at)
        else:
            corrected.setdefault((owner.id, pub.version), pub)
    for (article_id, _), pub in sorted(corrected.items()):
        a = articles[article_id]
        count("corrections", a.channel_id, [a.owner_id])
        amendments.append(
            Amendment(
                local_day(pub.published_at, zone),
                facts.channels.get(a.channel_id, a.channel_id),
                a.title,
                False,
                pub.correction_note,
            )
        )
    published_days: defaultdict[str, set[dt.date]] = defaultdict(set)
    weekly: Counter[dt.date] = Counter()
    for article_id, at in first_out.items():
        a = articles[article_id]
        count("articles_published", a.channel_id, [a.owner_id])
        kind = "originals" if a.kind == ArticleKind.ORIGINAL else "reposts"
        count(kind, a.channel_id, [a.owner_id])
        count("zishu", a.channel_id, [a.owner_id], a.zishu)
        day = local_day(at, zone)
        published_days[a.channel_id].add(day)
        weekly[day - dt.timedelta(days=day.weekday())] += 1

    for job in facts.assignments:
        if not first <= job.due_date <= last or not scope.sees(job.channel_id, *job.assignees):
            continue
        if job.submitted_at is not None:
            late = local_day(job.submitted_at, zone) > job.due_date
            name = "overdue" if late else "on_time"
        else:
            name = "overdue" if job.due_date < today else "open"
        count(name, job.channel_id, job.assignees)

    levels = _levels(facts, articles, within)

    channel_ids = sorted(
        (c for c in facts.channels if scope.channels is None or c in scope.channels),
        key=lambda c: facts.channels[c],
    )
    channel_ids += sorted(c for c in by_channel if c not in channel_ids)
    if scope.only is not None:
        channel_ids = [c for c in channel_ids if c == scope.only]
    end_day = min(last, today)
    days = [first + dt.timedelta(days=n) for n in range((end_day - first).days + 1)]
    channel_lines = tuple(
        ChannelLine(
            c,
            facts.channels.get(c, c),
            by_channel[c].output(),
            *_silence(days, published_days[c]),
            facts.silence_days.get(c),
            days_silent(facts.last_published.get(c), end_day, zone),
        )
        for c in channel_ids
    )
    people = sorted(by_person, key=lambda p: (facts.people.get(p, p), p))
    if scope.channels is not None and scope.person is not None and not scope.channels:
        people = [p for p in people if p == scope.person]
    week_starts = sorted({first - dt.timedelta(days=first.weekday()), *weekly})
    monday = week_starts[0]
    weeks: list[tuple[dt.date, int]] = []
    while monday <= last:
        weeks.append((monday, weekly[monday]))
        monday += dt.timedelta(days=7)
    return Report(
        first=first,
        last=last,
        channels=channel_lines,
        people=tuple(PersonLine(p, facts.people.get(p, p), by_person[p].output()) for p in people),
        total=total.output(),
        levels=levels,
        return_reasons=tuple(
            sorted(reasons.items(), key=lambda item: (-item[1], item[0]))[:TOP_REASONS]
        ),
        amendments=tuple(sorted(amendments, key=lambda m: (m.day, m.channel, m.title))),
        weekly=tuple(weeks),
    )


def _silence(days: Sequence[dt.date], published: set[dt.date]) -> tuple[int, int]:
    silent = longest = run = 0
    for day in days:
        if day in published:
            run = 0
        else:
            silent += 1
            run += 1
            longest = max(longest, run)
    return silent, longest


def _levels(
    facts: Facts,
    articles: dict[str, ArticleFact],
    within: Callable[[dt.datetime | None], bool],
) -> tuple[LevelLine, ...]:
    approvals = {
        (d.article_id, d.revision_number, d.level): d.at
        for d in facts.decisions
        if d.verdict == Verdict.APPROVE
    }
    waits: defaultdict[int, list[float]] = defaultdict(list)
    verdicts: defaultdict[int, Counter[Verdict]] = defaultdict(Counter)
    for d in facts.decisions:
        if d.article_id not in articles or not within(d.at):
            continue
        verdicts[d.level][d.verdict] += 1
        if d.level == 1:
            began = facts.submissions.get((d.article_id, d.revision_number))
        else:
            began = approvals.get((d.article_id, d.revision_number, d.level - 1))
        if began is not None:
            waits[d.level].append((d.at - began).total_seconds() / 3600)
    return tuple(
        LevelLine(
            level,
            sum(verdicts[level].values()),
            verdicts[level][Verdict.APPROVE],
            verdicts[level][Verdict.RETURN],
            verdicts[level][Verdict.REJECT],
            statistics.median(waits[level]) if waits[level] else None,
            nearest_rank(waits[level], 0.9) if waits[level] else None,
        )
        for level in sorted(verdicts)
    )
