"""Subscribed sources (定向采集) and the leads (线索) their feeds bring.

An administrator or a channel's chief keeps the channel's sources. A poller (the sync service's,
or a desktop's without one) adds what it finds as leads through the same decision path as every
other change, so a lead is checked, numbered, audited and pulled like the rest. A lead's id is
derived from its source and the item's guid: the same item found again, by another poller or
after a restart, is the same lead and adds nothing.
"""

from __future__ import annotations

import hashlib
from typing import Any

from newsdesk.core.actor import Actor
from newsdesk.core.context import Context, evolve
from newsdesk.core.i18n import QT_TRANSLATE_NOOP
from newsdesk.core.model import Lead, Role, Source, SourceFollows
from newsdesk.core.refusal import Refusal, RefusalCode, refuse
from newsdesk.core.world import Changes, Outcome


def lead_id(source_id: str, guid: str) -> str:
    """The id of the lead a source's item makes: the same for the same item, wherever found."""
    return hashlib.sha256(f"{source_id}\n{guid}".encode()).hexdigest()[:40]


def may_keep_sources(actor: Actor, channel_id: str) -> bool:
    return actor.is_admin or actor.holds(Role.CHIEF, channel_id)


def _may_see(actor: Actor, channel_id: str) -> bool:
    return actor.is_admin or channel_id in actor.channels()


def _not_keeper() -> Refusal:
    return refuse(
        RefusalCode.FORBIDDEN,
        QT_TRANSLATE_NOOP(
            "Refusal", "Only an administrator or the channel's chief can change its sources."
        ),
    )


def _no_source() -> Refusal:
    return refuse(
        RefusalCode.NOT_FOUND, QT_TRANSLATE_NOOP("Refusal", "That source does not exist.")
    )


def _same_address(ctx: Context, channel_id: str, url: str, own_id: str) -> Refusal | None:
    for other in ctx.world.sources_of(channel_id):
        if other.id != own_id and not other.removed and other.url == url:
            return refuse(
                RefusalCode.DUPLICATE,
                QT_TRANSLATE_NOOP("Refusal", "The channel already follows this feed as “{name}”."),
                name=other.name,
            )
    return None


def add_source(ctx: Context, args: dict[str, Any]) -> Outcome:
    if isinstance(channel := ctx.channel(args["channel_id"]), Refusal):
        return channel
    if not may_keep_sources(ctx.actor, channel.id):
        return _not_keeper()
    if ctx.world.source(ctx.entity_id) is not None:
        return refuse(
            RefusalCode.DUPLICATE, QT_TRANSLATE_NOOP("Refusal", "That source already exists.")
        )
    if refusal := _same_address(ctx, channel.id, args["url"], ctx.entity_id):
        return refusal
    return Changes(
        (
            Source(
                id=ctx.entity_id,
                added_by=ctx.actor.id,
                created_at=ctx.at,
                updated_at=ctx.at,
                **args,
            ),
        )
    )


def update_source(ctx: Context, args: dict[str, Any]) -> Outcome:
    source = ctx.world.source(ctx.entity_id)
    if source is None or source.removed:
        return _no_source()
    channel_id = args.get("channel_id", source.channel_id)
    if isinstance(channel := ctx.channel(channel_id), Refusal):
        return channel
    if not (
        may_keep_sources(ctx.actor, source.channel_id) and may_keep_sources(ctx.actor, channel.id)
    ):
        return _not_keeper()
    if "name" in args and not args["name"]:
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must not be empty."),
            field="name",
        )
    if "url" in args and not args["url"]:
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must not be empty."),
            field="url",
        )
    if refusal := _same_address(ctx, channel.id, args.get("url", source.url), source.id):
        return refusal
    return Changes((evolve(source, ctx.at, **args),))


def remove_source(ctx: Context, args: dict[str, Any]) -> Outcome:
    source = ctx.world.source(ctx.entity_id)
    if source is None:
        return _no_source()
    if not may_keep_sources(ctx.actor, source.channel_id):
        return _not_keeper()
    return Changes(() if source.removed else (evolve(source, ctx.at, removed=True),))


def follow_source(ctx: Context, args: dict[str, Any]) -> Outcome:
    """``source.follow``: the actor follows the source (``follow`` false: no longer). The row
    changed is always the actor's own, so nobody can follow for someone else. Anyone who may
    see the source's channel may follow it; unfollowing is always allowed, even a source removed
    since or of a channel the actor left."""
    source = ctx.world.source(ctx.entity_id)
    if source is None or (args["follow"] and not _may_see(ctx.actor, source.channel_id)):
        return _no_source()
    if args["follow"] and source.removed:
        return refuse(
            RefusalCode.WRONG_STATE, QT_TRANSLATE_NOOP("Refusal", "That source was removed.")
        )
    current = ctx.world.source_follows(ctx.actor.id)
    if current is None:
        current = SourceFollows(id=ctx.actor.id, row_version=0)
    following = source.id in current.source_ids
    if following == args["follow"]:
        return Changes(())
    source_ids = (
        (*current.source_ids, source.id)
        if args["follow"]
        else tuple(s for s in current.source_ids if s != source.id)
    )
    return Changes((evolve(current, source_ids=source_ids),))


def add_lead(ctx: Context, args: dict[str, Any]) -> Outcome:
    source = ctx.world.source(args["source_id"])
    if source is None:
        return _no_source()
    if not may_keep_sources(ctx.actor, source.channel_id):
        return refuse(
            RefusalCode.FORBIDDEN,
            QT_TRANSLATE_NOOP(
                "Refusal", "Only an administrator or the channel's chief can add leads."
            ),
        )
    if ctx.entity_id != lead_id(source.id, args["guid"]):
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP("Refusal", "A lead is named by its source and its item's guid."),
        )
    if ctx.world.lead(ctx.entity_id) is not None:
        return Changes(())
    if source.removed:
        return refuse(
            RefusalCode.WRONG_STATE, QT_TRANSLATE_NOOP("Refusal", "That source was removed.")
        )
    return Changes((Lead(id=ctx.entity_id, channel_id=source.channel_id, found_at=ctx.at, **args),))


def _lead_seen_by(ctx: Context) -> Lead | Refusal:
    lead = ctx.world.lead(ctx.entity_id)
    if lead is None or not _may_see(ctx.actor, lead.channel_id):
        return refuse(
            RefusalCode.NOT_FOUND, QT_TRANSLATE_NOOP("Refusal", "That lead does not exist.")
        )
    return lead


def read_lead(ctx: Context, args: dict[str, Any]) -> Outcome:
    if isinstance(lead := _lead_seen_by(ctx), Refusal):
        return lead
    if ctx.actor.id in lead.read_by:
        return Changes(())
    return Changes((evolve(lead, read_by=(*lead.read_by, ctx.actor.id)),))


def dismiss_lead(ctx: Context, args: dict[str, Any]) -> Outcome:
    if isinstance(lead := _lead_seen_by(ctx), Refusal):
        return lead
    if lead.dismissed:
        return Changes(())
    return Changes((evolve(lead, dismissed=True, dismissed_by=ctx.actor.id),))


def undismiss_lead(ctx: Context, args: dict[str, Any]) -> Outcome:
    if isinstance(lead := _lead_seen_by(ctx), Refusal):
        return lead
    if not lead.dismissed:
        return Changes(())
    return Changes((evolve(lead, dismissed=False, dismissed_by=None),))
