"""Articles from draft to publication: writing, review level by level, sign-off, publishing,
correction and retraction.

先审后发: nothing is signed off or published unless every review level of the channel approved
the very revision (number and content hash) in question.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from newsdesk.core.actor import Actor
from newsdesk.core.body import body_images, is_remote
from newsdesk.core.context import Context, evolve
from newsdesk.core.i18n import QT_TRANSLATE_NOOP
from newsdesk.core.ids import content_hash
from newsdesk.core.model import (
    REVISION_FIELDS,
    Article,
    ArticleKind,
    ArticleState,
    Channel,
    ChecklistItem,
    Entity,
    Proposal,
    ProposalState,
    Publication,
    ReviewDecision,
    Revision,
    RevisionKind,
    Role,
    SignOff,
    Verdict,
)
from newsdesk.core.refusal import Refusal, RefusalCode, refuse
from newsdesk.core.world import Changes, Outcome

S = ArticleState


def _taken(ctx: Context, cls: type[Entity], key: str) -> Refusal | None:
    """A refusal when a record with the id the client chose exists already (a reused id)."""
    if ctx.world.exists(cls, key):
        return refuse(
            RefusalCode.DUPLICATE,
            QT_TRANSLATE_NOOP("Refusal", "The id “{id}” is taken already; nothing was recorded."),
            id=key,
        )
    return None


_LATER_FIELDS = frozenset({"original_published_at"})


def revision_content(article: Article) -> dict[str, object]:
    """The reader-visible content of ``article`` in JSON form: what a revision freezes."""
    content: dict[str, object] = {}
    for name in REVISION_FIELDS:
        value = getattr(article, name)
        if isinstance(value, dt.datetime):
            value = value.astimezone(dt.UTC).isoformat()
        elif value is None and name in _LATER_FIELDS:
            # A field added later counts only once set, so every hash made before it (stored
            # in revisions, sign-offs and publications) stays the same.
            continue
        content[name] = (
            [str(v) for v in value]
            if isinstance(value, tuple)
            else (str(value) if isinstance(value, ArticleKind) else value)
        )
    return content


def current_hash(article: Article) -> str:
    return content_hash(revision_content(article))


def required_checklist(article: Article) -> tuple[ChecklistItem, ...]:
    items = [ChecklistItem.TRUTH, ChecklistItem.COPYRIGHT, ChecklistItem.NO_RESTRICTED_INFO]
    if article.kind == ArticleKind.REPOST:
        items.insert(1, ChecklistItem.REPOST_AUTHORISED)
    return tuple(items)


def _is_writer(actor: Actor, article: Article, topic: Proposal | None) -> bool:
    channel_id = article.channel_id
    if actor.holds(Role.CHIEF, channel_id):
        return True
    if not actor.holds(Role.EDITOR, channel_id):
        return False
    return article.owner_id == actor.id or (topic is not None and actor.id in topic.assignees)


def _stale() -> Refusal:
    return refuse(
        RefusalCode.STALE,
        QT_TRANSLATE_NOOP(
            "Refusal",
            "The article has changed since this revision was opened; review the current revision.",
        ),
    )


def _not_writer() -> Refusal:
    return refuse(
        RefusalCode.FORBIDDEN,
        QT_TRANSLATE_NOOP(
            "Refusal", "Only the article's editors or a chief of its channel can do this."
        ),
    )


def may_create(actor: Actor, channel: Channel) -> Refusal | None:
    if actor.holds(Role.EDITOR, channel.id) or actor.holds(Role.CHIEF, channel.id):
        return None
    return refuse(
        RefusalCode.FORBIDDEN,
        QT_TRANSLATE_NOOP(
            "Refusal", "Only editors and chiefs of “{channel}” can write articles there."
        ),
        channel=channel.name,
    )


def may_edit(actor: Actor, article: Article, topic: Proposal | None) -> Refusal | None:
    if not _is_writer(actor, article, topic):
        return _not_writer()
    if article.state == S.DRAFT:
        return None
    if article.state in (S.IN_REVIEW, S.APPROVED, S.SIGNED_OFF):
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "The article is under review and cannot be changed; withdraw it from "
                "review first, or wait for the reviewers.",
            ),
        )
    if article.state == S.PUBLISHED:
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP(
                "Refusal", "The article is published; start a correction to change it."
            ),
        )
    return refuse(
        RefusalCode.WRONG_STATE,
        QT_TRANSLATE_NOOP(
            "Refusal", "The article was rejected or retracted and can no longer be changed."
        ),
    )


def may_submit(actor: Actor, article: Article, topic: Proposal | None) -> Refusal | None:
    if not _is_writer(actor, article, topic):
        return _not_writer()
    if article.state != S.DRAFT:
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP("Refusal", "Only a draft can be submitted for review."),
        )
    if not article.title.strip():
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP("Refusal", "Give the article a title before submitting it."),
        )
    if refusal := missing_credits(article):
        return refusal
    if any(is_remote(image.src) for image in body_images(article.body_html)):
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "The body shows images from other servers; they must be downloaded into the "
                "workspace, replaced or removed before the article is submitted.",
            ),
        )
    if article.kind == ArticleKind.REPOST and not article.original_url.strip():
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP(
                "Refusal", "A repost needs the original's address before it can be submitted."
            ),
        )
    return None


def missing_credits(article: Article) -> Refusal | None:
    """责任编辑 and 来源 are printed on every published page: an article needs both before it
    goes to review, and again before it is signed off."""
    if not article.responsible_editor.strip():
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP("Refusal", "Name the responsible editor (责任编辑) of the article."),
        )
    if not article.source.strip():
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP("Refusal", "Name the source (来源) of the article."),
        )
    return None


def may_withdraw(
    actor: Actor,
    article: Article,
    topic: Proposal | None,
    level_one_decisions: Sequence[ReviewDecision],
) -> Refusal | None:
    if not _is_writer(actor, article, topic):
        return _not_writer()
    if article.state != S.IN_REVIEW or article.review_level != 1 or level_one_decisions:
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "An article can be withdrawn only while the first review level has not decided.",
            ),
        )
    return None


def may_review(actor: Actor, article: Article, channel: Channel, level: int) -> Refusal | None:
    if not actor.holds(Role.reviewer(level), channel.id):
        return refuse(
            RefusalCode.FORBIDDEN,
            QT_TRANSLATE_NOOP("Refusal", "You are not a level {level} reviewer of “{channel}”."),
            level=level,
            channel=channel.name,
        )
    if article.state != S.IN_REVIEW:
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP("Refusal", "The article is not waiting for review."),
        )
    if article.review_level != level:
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP(
                "Refusal", "The article waits at review level {current}, not level {level}."
            ),
            current=article.review_level,
            level=level,
        )
    return None


def review_complete(
    channel: Channel, article: Article, decisions: Sequence[ReviewDecision]
) -> Refusal | None:
    """``None`` when every level of ``channel`` approved the article's current revision (only
    the last level, for a typo fix on the channel's short path)."""
    first = channel.review_levels if article.typo_fix else 1
    for level in range(first, channel.review_levels + 1):
        if not any(
            d.level == level
            and d.verdict == Verdict.APPROVE
            and d.revision_number == article.revision_number
            and d.revision_hash == article.revision_hash
            for d in decisions
        ):
            return refuse(
                RefusalCode.INCOMPLETE_REVIEW,
                QT_TRANSLATE_NOOP(
                    "Refusal", "Review level {level} has not approved this revision."
                ),
                level=level,
            )
    return None


def may_sign_off(
    actor: Actor, article: Article, channel: Channel, decisions: Sequence[ReviewDecision]
) -> Refusal | None:
    if not actor.holds(Role.PUBLISHER, channel.id):
        return refuse(
            RefusalCode.FORBIDDEN,
            QT_TRANSLATE_NOOP("Refusal", "Only a publisher of “{channel}” can sign articles off."),
            channel=channel.name,
        )
    if article.state != S.APPROVED:
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP(
                "Refusal", "Only an article approved at every review level can be signed off."
            ),
        )
    if refusal := missing_credits(article):
        return refusal
    return review_complete(channel, article, decisions)


def may_publish(
    actor: Actor,
    article: Article,
    channel: Channel,
    decisions: Sequence[ReviewDecision],
    sign_off: SignOff | None,
) -> Refusal | None:
    if not actor.holds(Role.PUBLISHER, channel.id):
        return refuse(
            RefusalCode.FORBIDDEN,
            QT_TRANSLATE_NOOP("Refusal", "Only a publisher of “{channel}” can publish articles."),
            channel=channel.name,
        )
    republish = article.state == S.PUBLISHED and article.published_hash == article.revision_hash
    if article.state != S.SIGNED_OFF and not republish:
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP("Refusal", "Only a signed-off article can be published."),
        )
    if refusal := review_complete(channel, article, decisions):
        return refusal
    if sign_off is None or sign_off.revision_hash != article.revision_hash:
        return refuse(
            RefusalCode.INCOMPLETE_REVIEW,
            QT_TRANSLATE_NOOP("Refusal", "This revision has not been signed off."),
        )
    return None


def may_correct(
    actor: Actor, article: Article, topic: Proposal | None, channel: Channel, *, typo: bool = False
) -> Refusal | None:
    if not _is_writer(actor, article, topic):
        return _not_writer()
    # A scheduled article can still be taken back to correct it before it goes out.
    if article.state != S.PUBLISHED and article.publish_at is None:
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP(
                "Refusal", "Only a published or a scheduled article can be corrected."
            ),
        )
    if typo and article.published_version == 0:
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "The article was never published: taken back before its time, it goes "
                "through every review level again.",
            ),
        )
    if typo and not channel.typo_fast_path:
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "“{channel}” has no short review path for typo fixes; the correction goes "
                "through every review level.",
            ),
            channel=channel.name,
        )
    return None


def may_retract(actor: Actor, article: Article, channel: Channel) -> Refusal | None:
    if not (actor.holds(Role.PUBLISHER, channel.id) or actor.holds(Role.CHIEF, channel.id)):
        return refuse(
            RefusalCode.FORBIDDEN,
            QT_TRANSLATE_NOOP(
                "Refusal", "Only a publisher or a chief of “{channel}” can retract articles."
            ),
            channel=channel.name,
        )
    if article.published_version == 0 or article.state in (S.RETRACTED, S.REJECTED):
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP("Refusal", "Only a published article can be retracted."),
        )
    return None


def may_schedule(actor: Actor, article: Article, channel: Channel) -> Refusal | None:
    """Setting, changing or cancelling the publication time of a signed-off article: the
    publishers of its channel, who could publish it at once as well."""
    if not actor.holds(Role.PUBLISHER, channel.id):
        return refuse(
            RefusalCode.FORBIDDEN,
            QT_TRANSLATE_NOOP(
                "Refusal", "Only a publisher of “{channel}” can schedule its publications."
            ),
            channel=channel.name,
        )
    if article.state != S.SIGNED_OFF:
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP(
                "Refusal", "Only a signed-off article that is not published yet can be scheduled."
            ),
        )
    if article.is_correction:
        # A correction is published with a note telling readers what changed, written when
        # it goes out; nobody is there to write it at a scheduled time.
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "A correction cannot be scheduled: publish it with its note once it is signed off.",
            ),
        )
    return None


def _check_publish_at(ctx: Context, publish_at: dt.datetime) -> Refusal | None:
    if publish_at <= ctx.at:
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP(
                "Refusal", "The publication time {time} has passed; choose a later time."
            ),
            time=publish_at.isoformat(timespec="minutes"),
        )
    return None


def scheduled_publication_id(article: Article) -> str:
    """The id of the mutation publishing ``article`` at its publication time: the same for
    every attempt, so an attempt made again (after a crash, by a restarted service) is known
    as done and publishes nothing twice."""
    if article.publish_at is None:
        raise ValueError(f"article {article.id} is not scheduled")
    key = "/".join(
        (
            article.id,
            article.revision_hash or "",
            str(article.published_version),
            article.publish_at.astimezone(dt.UTC).isoformat(),
        )
    )
    return str(uuid.uuid5(_SCHEDULED_NAMESPACE, key))


_SCHEDULED_NAMESPACE = uuid.UUID("6f1c1c52-5a36-4d0e-9d1e-3b1f0b6a7c11")
_UNSCHEDULED: dict[str, Any] = {"publish_at": None, "scheduled_by": None}


# --- handlers ---------------------------------------------------------------------------------


def _load(ctx: Context) -> tuple[Article, Channel, Proposal | None] | Refusal:
    article = ctx.world.article(ctx.entity_id)
    if article is None:
        return refuse(
            RefusalCode.NOT_FOUND, QT_TRANSLATE_NOOP("Refusal", "That article does not exist.")
        )
    channel = ctx.channel(article.channel_id)
    if isinstance(channel, Refusal):
        return channel
    topic = ctx.world.proposal(article.topic_id) if article.topic_id else None
    return article, channel, topic


def _check_cover(ctx: Context, args: dict[str, Any]) -> Refusal | None:
    cover = args.get("cover")
    if cover is not None and ctx.world.attachment(cover) is None:
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP("Refusal", "The cover image has not been added to the workspace."),
        )
    return None


def create(ctx: Context, args: dict[str, Any]) -> Outcome:
    if ctx.world.article(ctx.entity_id) is not None:
        return refuse(
            RefusalCode.DUPLICATE,
            QT_TRANSLATE_NOOP("Refusal", "An article with this id already exists."),
        )
    channel = ctx.channel(args.pop("channel_id"))
    if isinstance(channel, Refusal):
        return channel
    if refusal := may_create(ctx.actor, channel) or _check_cover(ctx, args):
        return refusal
    args.setdefault("targets", channel.targets)
    args.setdefault("source", channel.default_source)
    args.setdefault("responsible_editor", channel.default_responsible_editor)
    article = Article(
        id=ctx.entity_id,
        channel_id=channel.id,
        owner_id=ctx.actor.id,
        created_at=ctx.at,
        updated_at=ctx.at,
        **args,
    )
    return Changes((article,))


def _check_title(args: dict[str, Any]) -> Refusal | None:
    if "title" in args and not args["title"]:
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must not be empty."),
            field="title",
        )
    return None


def clashes(article: Article, changes: dict[str, Any], base: dict[str, Any]) -> list[str]:
    """The fields ``changes`` sets that someone else changed since ``base`` to something else.

    Decided by values alone, never by clocks, so every replica reaches the same answer."""
    return [
        name
        for name, value in changes.items()
        if name in base and getattr(article, name) != base[name] and getattr(article, name) != value
    ]


def _conflict(
    ctx: Context, article: Article, changes: dict[str, Any], base: dict[str, Any]
) -> Changes:
    """Keep the losing edit as a conflict revision (mine, with the common ancestor as its base)
    and mark the article as needing a merge; the article's text stays as the winner left it."""
    mine = dataclasses.replace(article, **changes)
    ancestor = dataclasses.replace(article, **base)
    content = revision_content(mine)
    revision = Revision(
        id=ctx.mutation.id,
        article_id=article.id,
        number=article.revision_number,
        content_hash=content_hash(content),
        author_id=ctx.actor.id,
        created_at=ctx.at,
        content=tuple(content.items()),
        kind=RevisionKind.CONFLICT,
        base=tuple(revision_content(ancestor).items()),
    )
    return Changes((evolve(article, ctx.at, merge_revision_id=revision.id), revision))


def edit(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    article, _, topic = loaded
    base = args.pop("base", None)
    if refusal := may_edit(ctx.actor, article, topic) or _check_cover(ctx, args):
        return refusal
    if refusal := _check_title(args):
        return refusal
    if base is not None and clashes(article, args, base):
        return _conflict(ctx, article, args, base)
    return Changes((evolve(article, ctx.at, **args),))


def merge(ctx: Context, args: dict[str, Any]) -> Outcome:
    """Settle a conflict with the values the editor chose; the conflict revision stays in the
    history, so neither side is lost."""
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    article, _, topic = loaded
    revision_id = args.pop("revision_id")
    if article.merge_revision_id != revision_id:
        return refuse(
            RefusalCode.STALE,
            QT_TRANSLATE_NOOP(
                "Refusal", "This conflict was already settled, or a newer one replaced it."
            ),
        )
    if refusal := may_edit(ctx.actor, article, topic) or _check_cover(ctx, args):
        return refusal
    if refusal := _check_title(args):
        return refusal
    return Changes((evolve(article, ctx.at, merge_revision_id=None, **args),))


def submit(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    article, channel, topic = loaded
    if refusal := may_submit(ctx.actor, article, topic):
        return refusal
    content = revision_content(article)
    digest = content_hash(content)
    if digest != args["content_hash"]:
        return refuse(
            RefusalCode.STALE,
            QT_TRANSLATE_NOOP(
                "Refusal", "The article changed while it was being submitted; submit it again."
            ),
        )
    if taken := _taken(ctx, Revision, args["revision_id"]):
        return taken
    number = article.revision_number + 1
    revision = Revision(
        id=args["revision_id"],
        article_id=article.id,
        number=number,
        content_hash=digest,
        author_id=ctx.actor.id,
        created_at=ctx.at,
        content=tuple(content.items()),
        kind=RevisionKind.TYPO_FIX if article.typo_fix else RevisionKind.SUBMITTED,
        open_findings=tuple(args.get("open_findings", ())),
    )
    if ctx.world.revision(revision.id) is not None:
        return refuse(
            RefusalCode.DUPLICATE,
            QT_TRANSLATE_NOOP("Refusal", "A revision with this id already exists."),
        )
    submitted = evolve(
        article,
        ctx.at,
        state=S.IN_REVIEW,
        review_level=channel.review_levels if article.typo_fix else 1,
        revision_number=number,
        revision_hash=digest,
    )
    return Changes((submitted, revision))


def withdraw(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    article, _, topic = loaded
    level_one = [
        d for d in ctx.world.decisions(article.id, article.revision_number) if d.level == 1
    ]
    if refusal := may_withdraw(ctx.actor, article, topic, level_one):
        return refusal
    return Changes((evolve(article, ctx.at, state=S.DRAFT, review_level=0),))


def review(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    article, channel, _ = loaded
    level: int = args["level"]
    if refusal := may_review(ctx.actor, article, channel, level):
        return refusal
    if args["revision_hash"] != article.revision_hash:
        return _stale()
    verdict: Verdict = args["verdict"]
    comment: str = args.get("comment", "")
    if verdict != Verdict.APPROVE and not comment:
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP(
                "Refusal", "Say why: a comment is required to return or reject an article."
            ),
        )
    decisions = ctx.world.decisions(article.id, article.revision_number)
    if verdict == Verdict.APPROVE:
        checked = set(args.get("checked", ()))
        missing = [item for item in required_checklist(article) if item not in checked]
        if missing:
            return refuse(
                RefusalCode.INVALID,
                QT_TRANSLATE_NOOP(
                    "Refusal", "Tick every item of the review checklist before approving."
                ),
            )
        if not channel.allow_same_reviewer and any(
            d.reviewer_id == ctx.actor.id and d.verdict == Verdict.APPROVE and d.level != level
            for d in decisions
        ):
            return refuse(
                RefusalCode.SAME_REVIEWER,
                QT_TRANSLATE_NOOP(
                    "Refusal",
                    "You already approved another level of this revision; “{channel}” "
                    "needs a different reviewer for each level.",
                ),
                channel=channel.name,
            )
    if taken := _taken(ctx, ReviewDecision, args["decision_id"]):
        return taken
    decision = ReviewDecision(
        id=args["decision_id"],
        article_id=article.id,
        revision_number=article.revision_number,
        revision_hash=article.revision_hash or "",
        level=level,
        reviewer_id=ctx.actor.id,
        verdict=verdict,
        comment=comment,
        checked=tuple(args.get("checked", ())),
        anchors=tuple(args.get("anchors", ())),
        decided_at=ctx.at,
    )
    if verdict == Verdict.RETURN:
        after = evolve(article, ctx.at, state=S.DRAFT, review_level=0)
    elif verdict == Verdict.REJECT:
        after = evolve(article, ctx.at, state=S.REJECTED, review_level=0)
    elif level < channel.review_levels:
        after = evolve(article, ctx.at, review_level=level + 1)
    else:
        after = evolve(article, ctx.at, state=S.APPROVED)
    return Changes((after, decision))


def sign_off(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    article, channel, _ = loaded
    decisions = ctx.world.decisions(article.id, article.revision_number)
    if refusal := may_sign_off(ctx.actor, article, channel, decisions):
        return refusal
    if args["revision_hash"] != article.revision_hash:
        return _stale()
    if taken := _taken(ctx, SignOff, args["sign_off_id"]):
        return taken
    publish_at: dt.datetime | None = args.get("publish_at")
    if publish_at is not None and (
        refusal := may_schedule(ctx.actor, evolve(article, state=S.SIGNED_OFF), channel)
        or _check_publish_at(ctx, publish_at)
    ):
        return refusal
    record = SignOff(
        id=args["sign_off_id"],
        article_id=article.id,
        revision_number=article.revision_number,
        revision_hash=args["revision_hash"],
        publisher_id=ctx.actor.id,
        signed_at=ctx.at,
    )
    schedule = {
        "publish_at": publish_at,
        "scheduled_by": ctx.actor.id if publish_at is not None else None,
    }
    return Changes((evolve(article, ctx.at, state=S.SIGNED_OFF, **schedule), record))


def schedule(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    article, channel, _ = loaded
    publish_at: dt.datetime = args["publish_at"]
    if refusal := may_schedule(ctx.actor, article, channel) or _check_publish_at(ctx, publish_at):
        return refusal
    return Changes((evolve(article, ctx.at, publish_at=publish_at, scheduled_by=ctx.actor.id),))


def unschedule(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    article, channel, _ = loaded
    if refusal := may_schedule(ctx.actor, article, channel):
        return refusal
    if article.publish_at is None:
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP("Refusal", "The article is not scheduled for publication."),
        )
    return Changes((evolve(article, ctx.at, **_UNSCHEDULED),))


def publish(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    article, channel, topic = loaded
    decisions = ctx.world.decisions(article.id, article.revision_number)
    signed = ctx.world.sign_off(article.id, article.revision_number)
    if refusal := may_publish(ctx.actor, article, channel, decisions, signed):
        return refusal
    if args["revision_hash"] != article.revision_hash:
        return refuse(
            RefusalCode.STALE,
            QT_TRANSLATE_NOOP("Refusal", "Only the signed-off revision can be published."),
        )
    scheduled_for: dt.datetime | None = args.get("scheduled_for")
    if scheduled_for is not None and article.publish_at != scheduled_for:
        return refuse(
            RefusalCode.STALE,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "The article is no longer scheduled for this time: it was rescheduled, "
                "cancelled or taken back.",
            ),
        )
    note: str = args.get("correction_note", "")
    if article.is_correction and not note:
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP(
                "Refusal", "A correction needs a note telling readers what was corrected."
            ),
        )
    republish = article.state == S.PUBLISHED
    version = article.published_version if republish else article.published_version + 1
    changes: list[Entity] = []
    for publication_id, target, location in args["publications"]:
        if taken := _taken(ctx, Publication, publication_id):
            return taken
        if target not in channel.targets or target not in article.targets:
            return refuse(
                RefusalCode.INVALID,
                QT_TRANSLATE_NOOP(
                    "Refusal", "“{channel}” does not publish this article to {target}."
                ),
                channel=channel.name,
                target=target.value.upper(),
            )
        changes.append(
            Publication(
                id=publication_id,
                article_id=article.id,
                revision_hash=article.revision_hash or "",
                target=target,
                version=version,
                location=location,
                publisher_id=ctx.actor.id,
                published_at=ctx.at,
                correction_note=note,
            )
        )
    changes.append(
        evolve(
            article,
            ctx.at,
            state=S.PUBLISHED,
            published_hash=article.revision_hash,
            published_version=version,
            is_correction=False,
            **_UNSCHEDULED,
        )
    )
    if topic is not None and topic.state == ProposalState.IN_PROGRESS:
        changes.append(evolve(topic, ctx.at, state=ProposalState.DONE))
    return Changes(tuple(changes))


def correct(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    article, channel, topic = loaded
    typo: bool = args.get("typo", False)
    if refusal := may_correct(ctx.actor, article, topic, channel, typo=typo):
        return refusal
    # ``typo_fix`` stays on the article after publishing: it says how the current revision was
    # reviewed, which a re-publish of it checks again.
    # A scheduled article that was never published is taken back as it was: it is not a
    # correction of anything readers saw, and goes out as a first publication.
    corrected = evolve(
        article,
        ctx.at,
        state=S.DRAFT,
        review_level=0,
        is_correction=article.published_version > 0,
        typo_fix=typo,
        **_UNSCHEDULED,
    )
    return Changes((corrected,))


def retract(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    article, channel, _ = loaded
    if refusal := may_retract(ctx.actor, article, channel):
        return refusal
    withdrawn: list[Entity] = [
        evolve(p, retracted=True) for p in ctx.world.publications(article.id) if not p.retracted
    ]
    after = evolve(
        article,
        ctx.at,
        state=S.RETRACTED,
        review_level=0,
        retract_reason=args["reason"],
        **_UNSCHEDULED,
    )
    return Changes((after, *withdrawn))
