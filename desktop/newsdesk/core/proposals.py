"""Proposals (报题) and the topics (选题) they become: who may do what, in which state.

Each ``may_*`` function answers the UI's question "may this actor do this now?" with ``None`` or
the reason why not; each handler applies the same check and returns the changed entities.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from newsdesk.core.actor import Actor
from newsdesk.core.context import Context, evolve
from newsdesk.core.i18n import QT_TRANSLATE_NOOP
from newsdesk.core.model import Article, Channel, Proposal, ProposalState, Role
from newsdesk.core.refusal import Refusal, RefusalCode, refuse
from newsdesk.core.world import Changes, Outcome

S = ProposalState


def _not_chief(channel: Channel) -> Refusal:
    return refuse(
        RefusalCode.FORBIDDEN,
        QT_TRANSLATE_NOOP("Refusal", "Only a chief of the channel “{channel}” can do this."),
        channel=channel.name,
    )


def _wrong_state(proposal: Proposal) -> Refusal:
    return refuse(
        RefusalCode.WRONG_STATE,
        QT_TRANSLATE_NOOP("Refusal", "“{title}” is not in a state that allows this."),
        title=proposal.title,
    )


def _is_member(actor: Actor, channel_id: str) -> bool:
    return actor.holds(Role.EDITOR, channel_id) or actor.holds(Role.CHIEF, channel_id)


def _is_proposer(actor: Actor, proposal: Proposal) -> bool:
    return proposal.proposer_id == actor.id and _is_member(actor, proposal.channel_id)


def may_create(actor: Actor, channel: Channel) -> Refusal | None:
    if not _is_member(actor, channel.id):
        return refuse(
            RefusalCode.FORBIDDEN,
            QT_TRANSLATE_NOOP(
                "Refusal", "Only editors and chiefs of “{channel}” can propose stories there."
            ),
            channel=channel.name,
        )
    return None


def may_edit(actor: Actor, proposal: Proposal, channel: Channel) -> Refusal | None:
    if proposal.state in (S.DRAFT, S.RETURNED) and _is_proposer(actor, proposal):
        return None
    if proposal.state in (S.SUBMITTED, S.SELECTED, S.ASSIGNED) and actor.holds(
        Role.CHIEF, channel.id
    ):
        return None
    if proposal.state in (S.DRAFT, S.RETURNED):
        return refuse(
            RefusalCode.FORBIDDEN,
            QT_TRANSLATE_NOOP(
                "Refusal", "Only the proposer can change a proposal before it is submitted."
            ),
        )
    if proposal.state in (S.SUBMITTED, S.SELECTED, S.ASSIGNED):
        return _not_chief(channel)
    return _wrong_state(proposal)


def may_submit(actor: Actor, proposal: Proposal) -> Refusal | None:
    if not _is_proposer(actor, proposal):
        return refuse(
            RefusalCode.FORBIDDEN,
            QT_TRANSLATE_NOOP("Refusal", "Only the proposer can submit this proposal."),
        )
    if proposal.state not in (S.DRAFT, S.RETURNED):
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP("Refusal", "Only a draft or a returned proposal can be submitted."),
        )
    return None


def may_select(actor: Actor, proposal: Proposal, channel: Channel) -> Refusal | None:
    if not actor.holds(Role.CHIEF, channel.id):
        return _not_chief(channel)
    if proposal.state != S.SUBMITTED:
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP(
                "Refusal", "Only a submitted proposal can be selected into the topic library."
            ),
        )
    return None


def may_return(actor: Actor, proposal: Proposal, channel: Channel) -> Refusal | None:
    if not actor.holds(Role.CHIEF, channel.id):
        return _not_chief(channel)
    if proposal.state not in (S.SUBMITTED, S.SELECTED):
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "Only a submitted or selected proposal that is not yet assigned can be returned.",
            ),
        )
    return None


def may_delete(actor: Actor, proposal: Proposal, channel: Channel) -> Refusal | None:
    if proposal.state in (S.DRAFT, S.RETURNED) and _is_proposer(actor, proposal):
        return None
    if proposal.state in (S.SUBMITTED, S.SELECTED, S.RETURNED):
        return None if actor.holds(Role.CHIEF, channel.id) else _not_chief(channel)
    if proposal.state == S.DRAFT:
        return refuse(
            RefusalCode.FORBIDDEN,
            QT_TRANSLATE_NOOP("Refusal", "Only the proposer can delete a draft."),
        )
    return refuse(
        RefusalCode.WRONG_STATE,
        QT_TRANSLATE_NOOP(
            "Refusal", "A proposal that is deleted, assigned or being written cannot be deleted."
        ),
    )


def may_restore(actor: Actor, proposal: Proposal, channel: Channel) -> Refusal | None:
    if proposal.state != S.DELETED:
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP("Refusal", "Only a deleted proposal can be restored."),
        )
    if actor.holds(Role.CHIEF, channel.id):
        return None
    if proposal.deleted_by == actor.id and _is_proposer(actor, proposal):
        return None
    return _not_chief(channel)


def may_assign(actor: Actor, proposal: Proposal, channel: Channel) -> Refusal | None:
    if not actor.holds(Role.CHIEF, channel.id):
        return _not_chief(channel)
    if proposal.state not in (S.SELECTED, S.ASSIGNED):
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP("Refusal", "Only a topic in the topic library can be assigned."),
        )
    return None


def may_start(actor: Actor, proposal: Proposal) -> Refusal | None:
    if actor.id not in proposal.assignees or not _is_member(actor, proposal.channel_id):
        return refuse(
            RefusalCode.FORBIDDEN,
            QT_TRANSLATE_NOOP(
                "Refusal", "Only an editor this topic is assigned to can start writing it."
            ),
        )
    if proposal.state != S.ASSIGNED:
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP(
                "Refusal", "Writing can only start on an assigned topic that is not yet started."
            ),
        )
    return None


def may_reschedule(actor: Actor, proposal: Proposal, channel: Channel) -> Refusal | None:
    """A new due date for a topic being worked on: the chief's call, as assigning it was."""
    if not actor.holds(Role.CHIEF, channel.id):
        return _not_chief(channel)
    if proposal.state not in (S.ASSIGNED, S.IN_PROGRESS):
        return refuse(
            RefusalCode.WRONG_STATE,
            QT_TRANSLATE_NOOP(
                "Refusal", "Only an assigned topic that is not yet done can get a new due date."
            ),
        )
    return None


# --- handlers ---------------------------------------------------------------------------------


def _load(ctx: Context) -> tuple[Proposal, Channel] | Refusal:
    proposal = ctx.world.proposal(ctx.entity_id)
    if proposal is None:
        return refuse(
            RefusalCode.NOT_FOUND, QT_TRANSLATE_NOOP("Refusal", "That proposal does not exist.")
        )
    channel = ctx.channel(proposal.channel_id)
    if isinstance(channel, Refusal):
        return channel
    return proposal, channel


def create(ctx: Context, args: dict[str, Any]) -> Outcome:
    if ctx.world.proposal(ctx.entity_id) is not None:
        return refuse(
            RefusalCode.DUPLICATE,
            QT_TRANSLATE_NOOP("Refusal", "A proposal with this id already exists."),
        )
    channel = ctx.channel(args.pop("channel_id"))
    if isinstance(channel, Refusal):
        return channel
    if refusal := may_create(ctx.actor, channel):
        return refusal
    proposal = Proposal(
        id=ctx.entity_id,
        channel_id=channel.id,
        proposer_id=ctx.actor.id,
        created_at=ctx.at,
        updated_at=ctx.at,
        **args,
    )
    return Changes((proposal,))


def update(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    proposal, channel = loaded
    if refusal := may_edit(ctx.actor, proposal, channel):
        return refusal
    if "title" in args and not args["title"]:
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must not be empty."),
            field="title",
        )
    return Changes((evolve(proposal, ctx.at, **args),))


def submit(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    proposal, _ = loaded
    if refusal := may_submit(ctx.actor, proposal):
        return refusal
    return Changes((evolve(proposal, ctx.at, state=S.SUBMITTED),))


def select(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    proposal, channel = loaded
    if refusal := may_select(ctx.actor, proposal, channel):
        return refusal
    return Changes((evolve(proposal, ctx.at, state=S.SELECTED, return_reason=""),))


def return_(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    proposal, channel = loaded
    if refusal := may_return(ctx.actor, proposal, channel):
        return refusal
    return Changes(
        (
            evolve(
                proposal,
                ctx.at,
                state=S.RETURNED,
                return_reason=args["reason"],
                returned_by=ctx.actor.id,
            ),
        )
    )


def delete(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    proposal, channel = loaded
    if refusal := may_delete(ctx.actor, proposal, channel):
        return refusal
    if ctx.mutation.base_version is not None and ctx.mutation.base_version != proposal.row_version:
        # Someone changed the proposal after the actor decided to delete it: deleting it now
        # would silently throw their change away, so the actor must look again.
        return refuse(
            RefusalCode.CONFLICT,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "The proposal “{title}” was changed by someone else after you chose to delete "
                "it; look at it again and delete it once more if you still want to.",
            ),
            title=proposal.title,
        )
    return Changes(
        (
            evolve(
                proposal,
                ctx.at,
                state=S.DELETED,
                deleted_from=proposal.state,
                deleted_by=ctx.actor.id,
            ),
        )
    )


def restore(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    proposal, channel = loaded
    if refusal := may_restore(ctx.actor, proposal, channel):
        return refusal
    return Changes(
        (
            evolve(
                proposal,
                ctx.at,
                state=proposal.deleted_from or S.DRAFT,
                deleted_from=None,
                deleted_by=None,
            ),
        )
    )


def assign(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    proposal, channel = loaded
    if refusal := may_assign(ctx.actor, proposal, channel):
        return refusal
    assignees: tuple[str, ...] = args["assignees"]
    if not assignees:
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP("Refusal", "Choose at least one editor to assign the topic to."),
        )
    for user_id in assignees:
        user = ctx.world.user(user_id)
        grants = ctx.world.grants_of(user_id)
        if user is None or not Actor.of(user, grants).holds(Role.EDITOR, channel.id):
            return refuse(
                RefusalCode.INVALID,
                QT_TRANSLATE_NOOP("Refusal", "{name} is not an editor of “{channel}”."),
                name=user.name if user else user_id,
                channel=channel.name,
            )
    due_date: dt.date = args["due_date"]
    return Changes(
        (
            evolve(
                proposal,
                ctx.at,
                state=S.ASSIGNED,
                assignees=assignees,
                due_date=due_date,
                assigned_by=ctx.actor.id,
            ),
        )
    )


def start(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    proposal, channel = loaded
    if refusal := may_start(ctx.actor, proposal):
        return refusal
    article_id: str = args["article_id"]
    if ctx.world.article(article_id) is not None:
        return refuse(
            RefusalCode.DUPLICATE,
            QT_TRANSLATE_NOOP("Refusal", "An article with this id already exists."),
        )
    article = Article(
        id=article_id,
        channel_id=channel.id,
        owner_id=ctx.actor.id,
        topic_id=proposal.id,
        title=proposal.title,
        # The angle is the desk's internal plan ("interview the stall holders…"), never a public
        # text: the summary starts empty and the writer writes it.
        tags=proposal.tags,
        targets=channel.targets,
        author=ctx.actor.user.name,
        source=channel.default_source,
        responsible_editor=channel.default_responsible_editor,
        created_at=ctx.at,
        updated_at=ctx.at,
    )
    return Changes((evolve(proposal, ctx.at, state=S.IN_PROGRESS, article_id=article_id), article))


def reschedule(ctx: Context, args: dict[str, Any]) -> Outcome:
    loaded = _load(ctx)
    if isinstance(loaded, Refusal):
        return loaded
    proposal, channel = loaded
    if refusal := may_reschedule(ctx.actor, proposal, channel):
        return refusal
    due_date: dt.date = args["due_date"]
    return Changes((evolve(proposal, ctx.at, due_date=due_date),))
