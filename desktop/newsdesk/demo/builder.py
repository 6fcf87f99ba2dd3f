"""Telling the demo's stories as mutations, applied through the store's rules."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsdesk.core.articles import current_hash, required_checklist, revision_content
from newsdesk.core.body import strip_html
from newsdesk.core.ids import new_id
from newsdesk.core.model import (
    Article,
    ArticleKind,
    ArticleState,
    ProposalState,
    Role,
    RoleGrant,
    Verdict,
)
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.demo.cast import CHANNELS, PEOPLE, ChannelSpec
from newsdesk.demo.pictures import PICTURES, Picture, render
from newsdesk.demo.story import Plan, Story
from newsdesk.demo.vocabulary import (
    ANCHOR_COMMENTS,
    APPROVALS,
    NOTES,
    PROPOSAL_RETURNS,
    REJECTIONS,
    RETRACTIONS,
    RETURN_COMMENTS,
)
from newsdesk.demo.writing import article_text, chinese_date, escape, fill, story_slots
from newsdesk.publish.export import publication_locations
from newsdesk.store.apply import Status
from newsdesk.store.workspace import Workspace

BATCH_SIZE = 1_000
"""Mutations per ``store.apply`` call: one transaction each."""

_FINISHED_ARTICLES = (ArticleState.PUBLISHED, ArticleState.RETRACTED, ArticleState.REJECTED)
_FINISHED_PROPOSALS = (ProposalState.RETURNED, ProposalState.DELETED)


class DemoRefusedError(RuntimeError):
    """A demo mutation was refused: the demo and the rules disagree, so one of them is wrong."""


@dataclass(frozen=True)
class DemoChannel:
    """A created channel."""

    spec: ChannelSpec
    id: str


class Clock:
    """The moments of one story's life: increasing, from its start towards its end."""

    def __init__(self, rng: random.Random, start: dt.datetime, end: dt.datetime) -> None:
        self._rng = rng
        self.start = start
        self._at = start
        self._end = end

    def tick(self) -> dt.datetime:
        """The next moment."""
        self._at += (self._end - self._at) * self._rng.uniform(0.06, 0.3)
        return self._at


@dataclass
class Piece:
    """An article being written, with the demo's copy of its content (to hash revisions)."""

    story: Story
    channel: DemoChannel
    writer: str  # login
    article: Article
    slots: dict[str, object]
    dates: tuple[str, str]  # the date as printed, and as it should be (a correction fixes it)
    anchor: str = ""  # a sentence a reviewer may comment on
    revision_hash: str = ""
    approvers: list[str] = field(default_factory=list)
    publisher: str = ""


@dataclass(frozen=True)
class PublishedItem:
    """An article as it first went out, for the platform figures that follow it."""

    article_id: str
    channel_id: str
    title: str
    at: dt.datetime


class Builder:
    """Tells the stories as mutations, queued and applied a batch (one transaction) at a time."""

    def __init__(self, workspace: Workspace, rng: random.Random, span_days: float) -> None:
        self.workspace = workspace
        self.rng = rng
        self.span_days = span_days
        self.now = dt.datetime.now(dt.UTC)
        self.local = self.now.astimezone().tzinfo
        self.today = self.now.astimezone().date()
        self.batch: list[Mutation] = []
        self.ids: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self.pools: dict[tuple[str, Role], list[str]] = {}
        self.channels: dict[str, DemoChannel] = {}
        self.pictures: dict[str, tuple[Picture, str]] = {}
        self.published: dict[str, PublishedItem] = {}  # by article id, in publishing order

    # --- applying -----------------------------------------------------------------------------

    def emit(self, who: str, kind: Kind, entity: str, at: dt.datetime, /, **args: Any) -> None:
        """Queue ``who``'s (a login) mutation; apply the queue when a batch is full."""
        self.batch.append(mutation(self.ids[who], kind, entity, at=at, **args))
        if len(self.batch) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        """Apply the pending mutations; every one of them must be accepted."""
        batch, self.batch = self.batch, []
        if not batch:
            return
        logins = {user_id: login for login, user_id in self.ids.items()}
        # The demo is history, not work waiting for a server: nothing of it goes to the outbox.
        for applied in self.workspace.store.apply(batch, Status.ACCEPTED):
            if not applied.accepted:
                m = applied.mutation
                raise DemoRefusedError(
                    f"{m.kind.value} of {m.entity} by {logins[m.actor]} was "
                    f"refused: {applied.outcome}"
                )

    # --- the newsroom -------------------------------------------------------------------------

    def setup(self, password_hash: str, clock: Clock) -> None:
        """Users (the first one creating itself as administrator), channels, roles, pictures."""
        for person in PEOPLE:
            self.ids[person.login] = new_id()
            self.names[person.login] = person.name
        for person in PEOPLE:
            args: dict[str, Any] = {
                "login": person.login,
                "name": person.name,
                "password_hash": password_hash,
            }
            if person.is_admin:
                args["is_admin"] = True
            self.emit("admin", Kind.USER_CREATE, self.ids[person.login], clock.tick(), **args)
        for spec in CHANNELS:
            channel = DemoChannel(spec, new_id())
            self.channels[spec.key] = channel
            self.emit(
                "admin",
                Kind.CHANNEL_CREATE,
                channel.id,
                clock.tick(),
                name=spec.name,
                colour=spec.colour,
                review_levels=spec.levels,
                targets=[t.value for t in spec.targets],
                allow_same_reviewer=spec.allow_same_reviewer,
                typo_fast_path=spec.typo_fast_path,
                default_source=spec.source,
                default_responsible_editor=spec.responsible_editor,
                slug=spec.key,
            )
        for person in PEOPLE:
            user_id = self.ids[person.login]
            for role, keys in person.roles:
                for key in keys:
                    channel_id = self.channels[key].id
                    self.emit(
                        "admin",
                        Kind.ROLE_GRANT,
                        RoleGrant.key(user_id, channel_id, role),
                        clock.tick(),
                        user_id=user_id,
                        channel_id=channel_id,
                        role=role.value,
                    )
                    self.pools.setdefault((key, role), []).append(person.login)
        for picture in PICTURES:
            data, mime = render(picture, self.rng)
            sha = self.workspace.blobs.put(data)
            self.pictures[picture.theme] = (picture, sha)
            self.emit(
                "editor",
                Kind.ATTACHMENT_ADD,
                sha,
                clock.tick(),
                mime=mime,
                size=len(data),
                name=picture.name,
            )

    def pick(self, channel: DemoChannel, role: Role) -> str:
        """Someone (a login) holding ``role`` in ``channel``, chosen by chance."""
        return self.rng.choice(self.pools[(channel.spec.key, role)])

    def clock(self, plan: Plan) -> Clock:
        """A clock for a story: finished stories may be old, open ones are recent."""
        finished = plan.article in _FINISHED_ARTICLES or plan.proposal in _FINISHED_PROPOSALS
        oldest = self.span_days if finished else min(12.0, self.span_days)
        start = self.now - dt.timedelta(days=self.rng.uniform(0.25, oldest))
        end = min(
            start + dt.timedelta(days=self.rng.uniform(0.5, 4)),
            self.now - dt.timedelta(minutes=self.rng.randint(5, 90)),
        )
        return Clock(self.rng, start, end)

    # --- stories ------------------------------------------------------------------------------

    def story(self, story: Story) -> None:
        """Tell the story, from its proposal or its article to where its plan ends."""
        channel = self.channels[story.channel]
        clock = self.clock(story.plan)
        if story.plan.proposal is None:
            piece = self.create_article(story, channel, clock)
        else:
            topic = self.propose(story, channel, clock)
            if topic is None:
                return
            piece = topic
        self.review_and_publish(piece, clock)

    def propose(self, story: Story, channel: DemoChannel, clock: Clock) -> Piece | None:
        """The proposal's life; the article, once an assignee starts writing the topic."""
        plan, rng = story.plan, self.rng
        proposer = story.by or self.pick(channel, Role.EDITOR)
        proposal_id = new_id()
        planned = clock.start.astimezone(self.local).date() + dt.timedelta(rng.randint(2, 14))
        args: dict[str, Any] = {
            "channel_id": channel.id,
            "title": story.title,
            "angle": story.angle,
            "priority": int(story.priority),
            "planned_date": planned.isoformat(),
            "tags": list(story.tags),
        }
        if story.materials:
            args["materials"] = self.materials(story, channel)
        self.emit(proposer, Kind.PROPOSAL_CREATE, proposal_id, clock.tick(), **args)
        state = plan.proposal
        withdrawn = state == ProposalState.DELETED and plan.deleted_from == ProposalState.DRAFT
        if withdrawn:
            self.emit(proposer, Kind.PROPOSAL_DELETE, proposal_id, clock.tick())
        if state == ProposalState.DRAFT or withdrawn:
            return None
        self.emit(proposer, Kind.PROPOSAL_SUBMIT, proposal_id, clock.tick())
        chief = self.pick(channel, Role.CHIEF)
        if state == ProposalState.DELETED:
            self.emit(chief, Kind.PROPOSAL_DELETE, proposal_id, clock.tick())
        elif state == ProposalState.RETURNED:
            reason = story.reason or rng.choice(PROPOSAL_RETURNS)
            self.emit(chief, Kind.PROPOSAL_RETURN, proposal_id, clock.tick(), reason=reason)
        elif state != ProposalState.SUBMITTED:
            self.emit(chief, Kind.PROPOSAL_SELECT, proposal_id, clock.tick())
        if state in (
            ProposalState.DELETED,
            ProposalState.RETURNED,
            ProposalState.SUBMITTED,
            ProposalState.SELECTED,
        ):
            return None
        assignee = story.assignee or self.pick(channel, Role.EDITOR)
        assignees = [assignee]
        if story.assignee is None and rng.random() < 0.15:
            assignees = list(dict.fromkeys([assignee, self.pick(channel, Role.EDITOR)]))
        at = clock.tick()
        if plan.due_in is not None:
            due = self.today + dt.timedelta(plan.due_in)
        else:
            due = at.astimezone(self.local).date() + dt.timedelta(rng.randint(1, 7))
        self.emit(
            chief,
            Kind.PROPOSAL_ASSIGN,
            proposal_id,
            at,
            assignees=[self.ids[login] for login in assignees],
            due_date=due.isoformat(),
        )
        if state == ProposalState.ASSIGNED:
            return None
        at = clock.tick()
        article = Article(
            id=new_id(),
            channel_id=channel.id,
            owner_id=self.ids[assignee],
            topic_id=proposal_id,
            title=story.title,
            summary=story.angle[:1000],
            tags=story.tags,
            targets=channel.spec.targets,
            author=self.names[assignee],
            created_at=at,
            updated_at=at,
        )
        self.emit(assignee, Kind.TOPIC_START, proposal_id, at, article_id=article.id)
        piece = self.piece(story, channel, assignee, article, clock)
        self.edit(piece, clock.tick(), **self.content(piece))
        return piece

    def materials(self, story: Story, channel: DemoChannel) -> list[dict[str, str]]:
        """A note, a link and, with a picture, the photo taken on the spot."""
        note = fill(self.rng.choice(NOTES), {"org": story.org or channel.spec.name})
        link = f"https://www.example.com/{channel.spec.key}/{self.rng.randint(10**4, 10**5)}.html"
        items = [
            {"kind": "text", "value": note, "label": "采访安排"},
            {"kind": "link", "value": link, "label": "背景资料"},
        ]
        if story.picture:
            items.append(
                {"kind": "file", "value": self.pictures[story.picture][1], "label": "现场照片.jpg"}
            )
        return items

    def create_article(self, story: Story, channel: DemoChannel, clock: Clock) -> Piece:
        """An article written without a proposal."""
        writer = story.by or self.pick(channel, Role.EDITOR)
        at = clock.tick()
        kind = ArticleKind.REPOST if story.original_url else ArticleKind.ORIGINAL
        article = Article(
            id=new_id(),
            channel_id=channel.id,
            owner_id=self.ids[writer],
            title=story.title,
            tags=story.tags,
            targets=channel.spec.targets,
            author=self.names[writer],
            kind=kind,
            original_url=story.original_url,
            created_at=at,
            updated_at=at,
        )
        piece = self.piece(story, channel, writer, article, clock)
        piece.article = dataclasses.replace(article, **self.content(piece))
        content = revision_content(piece.article)
        args = {
            name: value
            for name, value in content.items()
            if name != "targets" and value not in ("", None, [])
        }
        self.emit(writer, Kind.ARTICLE_CREATE, article.id, at, channel_id=channel.id, **args)
        return piece

    def piece(
        self, story: Story, channel: DemoChannel, writer: str, article: Article, clock: Clock
    ) -> Piece:
        """The article about to be written, with the values of the story's slots."""
        day = clock.start.astimezone(self.local).date()
        printed = day + dt.timedelta(1) if story.plan.corrected else day  # for a correction to fix
        slots = story_slots(story, printed, self.rng)
        return Piece(
            story, channel, writer, article, slots, (chinese_date(printed), chinese_date(day))
        )

    def content(self, piece: Piece) -> dict[str, Any]:
        """The article's body and the fields around it; remembers a sentence to comment on."""
        fields, piece.anchor = article_text(piece.story, piece.slots, self.rng, self.pictures)
        fields["responsible_editor"] = self.names[self.pick(piece.channel, Role.CHIEF)]
        return fields

    def edit(self, piece: Piece, at: dt.datetime, **fields: Any) -> None:
        """The writer changes ``fields`` of the article."""
        piece.article = dataclasses.replace(piece.article, **fields)
        content = revision_content(piece.article)
        self.emit(
            piece.writer,
            Kind.ARTICLE_EDIT,
            piece.article.id,
            at,
            **{name: content[name] for name in fields},
        )

    def submit(self, piece: Piece, clock: Clock) -> None:
        """The writer submits the current revision for review."""
        piece.revision_hash = current_hash(piece.article)
        piece.approvers = []
        self.emit(
            piece.writer,
            Kind.ARTICLE_SUBMIT,
            piece.article.id,
            clock.tick(),
            revision_id=new_id(),
            content_hash=piece.revision_hash,
        )

    def reviewer(self, piece: Piece, level: int) -> str:
        """Who reviews at ``level``: as the story says, else anyone the channel allows."""
        chosen = piece.story.reviewers
        if level <= len(chosen):
            return chosen[level - 1]
        pool = self.pools[(piece.channel.spec.key, Role.reviewer(level))]
        if not piece.channel.spec.allow_same_reviewer:
            pool = [login for login in pool if login not in piece.approvers]
        return self.rng.choice(pool)

    def review(
        self,
        piece: Piece,
        clock: Clock,
        level: int,
        verdict: Verdict,
        comment: str = "",
        anchors: Sequence[Mapping[str, object]] = (),
    ) -> None:
        """A review decision on the submitted revision."""
        reviewer = self.reviewer(piece, level)
        args: dict[str, Any] = {
            "decision_id": new_id(),
            "revision_hash": piece.revision_hash,
            "level": level,
            "verdict": verdict.value,
        }
        if verdict == Verdict.APPROVE:
            args["checked"] = [item.value for item in required_checklist(piece.article)]
            comment = comment or self.rng.choice(APPROVALS)
            piece.approvers.append(reviewer)
        if comment:
            args["comment"] = comment
        if anchors:
            args["anchors"] = list(anchors)
        self.emit(reviewer, Kind.ARTICLE_REVIEW, piece.article.id, clock.tick(), **args)

    def approve(self, piece: Piece, clock: Clock, levels: int) -> None:
        """Approvals at levels 1 to ``levels``."""
        for level in range(1, levels + 1):
            self.review(piece, clock, level, Verdict.APPROVE)

    def send_back(self, piece: Piece, clock: Clock) -> None:
        """A return at level 2 (or 1) with a comment on a passage; the writer then fixes it."""
        level = min(2, piece.channel.spec.levels)
        self.approve(piece, clock, level - 1)
        text = strip_html(piece.article.body_html)
        start = text.index(piece.anchor)
        anchor = {
            "start": start,
            "end": start + len(piece.anchor),
            "quote": piece.anchor,
            "comment": fill(self.rng.choice(ANCHOR_COMMENTS), piece.slots),
        }
        self.review(piece, clock, level, Verdict.RETURN, self.rng.choice(RETURN_COMMENTS), [anchor])

    def fix_anchor(self, piece: Piece, clock: Clock) -> None:
        """The writer adds the source the reviewer asked for to the commented passage."""
        fixed = piece.anchor.removesuffix("。") + f"（数据来源：{piece.slots['org']}）。"
        body = piece.article.body_html.replace(escape(piece.anchor), escape(fixed), 1)
        self.edit(piece, clock.tick(), body_html=body)

    def sign_off(self, piece: Piece, clock: Clock) -> None:
        """A publisher of the channel signs the approved revision off."""
        piece.publisher = self.pick(piece.channel, Role.PUBLISHER)
        self.emit(
            piece.publisher,
            Kind.ARTICLE_SIGN_OFF,
            piece.article.id,
            clock.tick(),
            sign_off_id=new_id(),
            revision_hash=piece.revision_hash,
        )

    def publish(self, piece: Piece, clock: Clock, note: str = "") -> None:
        """The signing publisher publishes to every target; ``note`` explains a correction."""
        # Where the exporter writes the files: the demo's pages really are there.
        locations = publication_locations(
            piece.channel.spec.key, piece.article.id, piece.article.targets
        )
        publications = [
            {"id": new_id(), "target": target.value, "location": location}
            for target, location in locations.items()
        ]
        args: dict[str, Any] = {"revision_hash": piece.revision_hash, "publications": publications}
        if note:
            args["correction_note"] = note
        at = clock.tick()
        self.emit(piece.publisher, Kind.ARTICLE_PUBLISH, piece.article.id, at, **args)
        article = piece.article
        if article.id not in self.published:
            self.published[article.id] = PublishedItem(
                article.id, piece.channel.id, article.title, at
            )

    def review_and_publish(self, piece: Piece, clock: Clock) -> None:
        """The written article's way through review and publication, as far as its plan goes."""
        plan, rng = piece.story.plan, self.rng
        levels = piece.channel.spec.levels
        if plan.article == ArticleState.DRAFT and not plan.returned:
            return
        self.submit(piece, clock)
        if plan.returned:
            self.send_back(piece, clock)
            if plan.article == ArticleState.DRAFT:
                return
            self.fix_anchor(piece, clock)
            self.submit(piece, clock)
        if plan.article in (ArticleState.IN_REVIEW, ArticleState.REJECTED):
            self.approve(piece, clock, plan.level - 1)
            if plan.article == ArticleState.REJECTED:
                reason = piece.story.reason or rng.choice(REJECTIONS)
                self.review(piece, clock, plan.level, Verdict.REJECT, reason)
            return
        self.approve(piece, clock, levels)
        if plan.article == ArticleState.APPROVED:
            return
        self.sign_off(piece, clock)
        if plan.article == ArticleState.SIGNED_OFF:
            return
        self.publish(piece, clock)
        if plan.corrected:
            printed, true_date = piece.dates
            assert printed in piece.article.body_html, "a correction must change the text"
            self.emit(piece.writer, Kind.ARTICLE_CORRECT, piece.article.id, clock.tick())
            self.edit(
                piece,
                clock.tick(),
                body_html=piece.article.body_html.replace(printed, true_date, 1),
                summary=piece.article.summary.replace(printed, true_date, 1),
            )
            self.submit(piece, clock)
            self.approve(piece, clock, levels)
            self.sign_off(piece, clock)
            self.publish(
                piece, clock, f"更正：原文中日期“{printed}”有误，应为“{true_date}”，特此更正。"
            )
        if plan.article == ArticleState.RETRACTED:
            reason = piece.story.reason or rng.choice(RETRACTIONS)
            self.emit(
                piece.publisher, Kind.ARTICLE_RETRACT, piece.article.id, clock.tick(), reason=reason
            )
