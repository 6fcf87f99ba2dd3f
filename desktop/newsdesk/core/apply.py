"""Deciding a mutation: validate it, find out who acts, and run the rule for its kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from newsdesk.core import admin, articles, notifications, operations, proposals, sources
from newsdesk.core.actor import Actor
from newsdesk.core.context import Context
from newsdesk.core.i18n import QT_TRANSLATE_NOOP
from newsdesk.core.model import User
from newsdesk.core.mutation import Kind, Mutation, entity_problem, parse_args
from newsdesk.core.refusal import Refusal, RefusalCode, refuse
from newsdesk.core.world import Outcome, World

Handler = Callable[[Context, dict[str, Any]], Outcome]

HANDLERS: Mapping[Kind, Handler] = {
    Kind.USER_CREATE: admin.create_user,
    Kind.USER_UPDATE: admin.update_user,
    Kind.USER_SET_PASSWORD: admin.set_password,
    Kind.CHANNEL_CREATE: admin.create_channel,
    Kind.CHANNEL_UPDATE: admin.update_channel,
    Kind.ROLE_GRANT: admin.grant_role,
    Kind.ROLE_REVOKE: admin.revoke_role,
    Kind.ATTACHMENT_ADD: admin.add_attachment,
    Kind.PROPOSAL_CREATE: proposals.create,
    Kind.PROPOSAL_UPDATE: proposals.update,
    Kind.PROPOSAL_SUBMIT: proposals.submit,
    Kind.PROPOSAL_SELECT: proposals.select,
    Kind.PROPOSAL_RETURN: proposals.return_,
    Kind.PROPOSAL_DELETE: proposals.delete,
    Kind.PROPOSAL_RESTORE: proposals.restore,
    Kind.PROPOSAL_ASSIGN: proposals.assign,
    Kind.TOPIC_START: proposals.start,
    Kind.TOPIC_RESCHEDULE: proposals.reschedule,
    Kind.ARTICLE_CREATE: articles.create,
    Kind.ARTICLE_EDIT: articles.edit,
    Kind.ARTICLE_MERGE: articles.merge,
    Kind.ARTICLE_SUBMIT: articles.submit,
    Kind.ARTICLE_WITHDRAW: articles.withdraw,
    Kind.ARTICLE_REVIEW: articles.review,
    Kind.ARTICLE_SIGN_OFF: articles.sign_off,
    Kind.ARTICLE_SCHEDULE: articles.schedule,
    Kind.ARTICLE_UNSCHEDULE: articles.unschedule,
    Kind.ARTICLE_PUBLISH: articles.publish,
    Kind.ARTICLE_CORRECT: articles.correct,
    Kind.ARTICLE_RETRACT: articles.retract,
    Kind.SOURCE_ADD: sources.add_source,
    Kind.SOURCE_UPDATE: sources.update_source,
    Kind.SOURCE_REMOVE: sources.remove_source,
    Kind.SOURCE_FOLLOW: sources.follow_source,
    Kind.LEAD_ADD: sources.add_lead,
    Kind.LEAD_READ: sources.read_lead,
    Kind.LEAD_DISMISS: sources.dismiss_lead,
    Kind.LEAD_UNDISMISS: sources.undismiss_lead,
    Kind.ACCOUNT_ADD: operations.add_account,
    Kind.ACCOUNT_UPDATE: operations.update_account,
    Kind.ACCOUNT_RECORD_MONTH: operations.record_month,
    Kind.ACCOUNT_IMPORT: operations.import_export,
    Kind.TARGET_SET: operations.set_target,
    Kind.MESSAGE_ADD: operations.add_message,
    Kind.MESSAGE_UPDATE: operations.update_message,
    Kind.MESSAGE_ANSWER: operations.answer_message,
    Kind.MESSAGE_CLOSE: operations.close_message,
    Kind.NOTIFICATION_READ: notifications.mark_read,
}


def _bootstrap_admin(world: World, mutation: Mutation, args: Mapping[str, Any]) -> Actor | None:
    """The first user of an empty workspace may create themselves, as an administrator."""
    if (
        mutation.kind == Kind.USER_CREATE
        and mutation.actor == mutation.entity
        and args.get("is_admin")
        and not world.has_users()
    ):
        return Actor(
            User(
                id=mutation.actor, login=str(args["login"]), name=str(args["name"]), is_admin=True
            ),
            frozenset(),
        )
    return None


def actor_of(world: World, user_id: str) -> Actor | Refusal:
    user = world.user(user_id)
    if user is None:
        return refuse(
            RefusalCode.FORBIDDEN, QT_TRANSLATE_NOOP("Refusal", "Unknown user: sign in again.")
        )
    if user.disabled:
        return refuse(
            RefusalCode.DISABLED,
            QT_TRANSLATE_NOOP("Refusal", "Your account is disabled; ask an administrator."),
        )
    return Actor.of(user, world.grants_of(user_id))


def decide(world: World, mutation: Mutation) -> Outcome:
    """What ``mutation`` changes in ``world``, or why it is refused. Reads only; never writes."""
    if problem := entity_problem(mutation):
        return problem
    args = parse_args(mutation.kind, mutation.args)
    if isinstance(args, Refusal):
        return args
    actor = _bootstrap_admin(world, mutation, args) or actor_of(world, mutation.actor)
    if isinstance(actor, Refusal):
        return actor
    return HANDLERS[mutation.kind](Context(world, actor, mutation), args)
