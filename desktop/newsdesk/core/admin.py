"""Administration: users, channels, role grants, and the attachments everyone adds."""

from __future__ import annotations

import re
from typing import Any

from newsdesk.core.context import Context, evolve
from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.ids import is_sha256
from newsdesk.core.model import Attachment, Channel, RoleGrant, User
from newsdesk.core.refusal import Refusal, RefusalCode, refuse
from newsdesk.core.world import Changes, Outcome

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


def _not_admin() -> Refusal:
    return refuse(
        RefusalCode.FORBIDDEN, QT_TRANSLATE_NOOP("Refusal", "Only an administrator can do this.")
    )


def _login_ok(login: str) -> bool:
    return all(c.isascii() and (c.isalnum() or c in "._-") for c in login)


def create_user(ctx: Context, args: dict[str, Any]) -> Outcome:
    if not ctx.actor.is_admin:
        return _not_admin()
    login: str = args["login"].lower()
    if not _login_ok(login):
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP(
                "Refusal", "A login may use only letters, digits, dots, hyphens and underscores."
            ),
        )
    if ctx.world.user(ctx.entity_id) is not None or ctx.world.user_by_login(login) is not None:
        return refuse(
            RefusalCode.DUPLICATE,
            QT_TRANSLATE_NOOP("Refusal", "The login “{login}” is already taken."),
            login=login,
        )
    user = User(
        id=ctx.entity_id,
        login=login,
        name=args["name"],
        is_admin=args.get("is_admin", False),
        is_auditor=args.get("is_auditor", False),
        password_hash=args.get("password_hash"),
    )
    return Changes((user,))


def update_user(ctx: Context, args: dict[str, Any]) -> Outcome:
    user = ctx.world.user(ctx.entity_id)
    if user is None:
        return refuse(
            RefusalCode.NOT_FOUND, QT_TRANSLATE_NOOP("Refusal", "That user does not exist.")
        )
    if not ctx.actor.is_admin:
        return _not_admin()
    if user.id == ctx.actor.id and (args.get("disabled") or args.get("is_admin") is False):
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP(
                "Refusal", "You cannot disable yourself or take away your own administrator role."
            ),
        )
    return Changes((evolve(user, **args),))


def set_password(ctx: Context, args: dict[str, Any]) -> Outcome:
    user = ctx.world.user(ctx.entity_id)
    if user is None:
        return refuse(
            RefusalCode.NOT_FOUND, QT_TRANSLATE_NOOP("Refusal", "That user does not exist.")
        )
    if user.id != ctx.actor.id and not ctx.actor.is_admin:
        return _not_admin()
    return Changes((evolve(user, password_hash=args["password_hash"]),))


SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def _check_slug(ctx: Context, channel_id: str, args: dict[str, Any]) -> Refusal | None:
    """A slug is lower-case letters, digits and hyphens, and no other channel's."""
    slug = args.get("slug", "")
    if not slug:
        return None
    if not SLUG.fullmatch(slug):
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP(
                "Refusal",
                "A channel's folder name is lower-case letters, digits and hyphens (news, "
                "city-news).",
            ),
        )
    other = ctx.world.channel_by_slug(slug)
    if other is not None and other.id != channel_id:
        return refuse(
            RefusalCode.DUPLICATE,
            QT_TRANSLATE_NOOP("Refusal", "Another channel already uses the folder “{slug}”."),
            slug=slug,
        )
    return None


def create_channel(ctx: Context, args: dict[str, Any]) -> Outcome:
    if not ctx.actor.is_admin:
        return _not_admin()
    if refusal := _check_slug(ctx, ctx.entity_id, args):
        return refusal
    if ctx.world.channel(ctx.entity_id) is not None or ctx.world.channel_by_name(args["name"]):
        return refuse(
            RefusalCode.DUPLICATE,
            QT_TRANSLATE_NOOP("Refusal", "A channel named “{name}” already exists."),
            name=args["name"],
        )
    return Changes((Channel(id=ctx.entity_id, **args),))


def update_channel(ctx: Context, args: dict[str, Any]) -> Outcome:
    channel = ctx.world.channel(ctx.entity_id)
    if channel is None:
        return refuse(
            RefusalCode.NOT_FOUND, QT_TRANSLATE_NOOP("Refusal", "That channel does not exist.")
        )
    if not ctx.actor.is_admin:
        return _not_admin()
    if refusal := _check_slug(ctx, channel.id, args):
        return refusal
    if "name" in args:
        if not args["name"]:
            return refuse(
                RefusalCode.INVALID,
                QT_TRANSLATE_NOOP("Refusal", "The field “{field}” must not be empty."),
                field="name",
            )
        other = ctx.world.channel_by_name(args["name"])
        if other is not None and other.id != channel.id:
            return refuse(
                RefusalCode.DUPLICATE,
                QT_TRANSLATE_NOOP("Refusal", "A channel named “{name}” already exists."),
                name=args["name"],
            )
    return Changes((evolve(channel, **args),))


def grant_role(ctx: Context, args: dict[str, Any]) -> Outcome:
    if not ctx.actor.is_admin:
        return _not_admin()
    if ctx.world.user(args["user_id"]) is None:
        return refuse(
            RefusalCode.NOT_FOUND, QT_TRANSLATE_NOOP("Refusal", "That user does not exist.")
        )
    if isinstance(channel := ctx.channel(args["channel_id"]), Refusal):
        return channel
    key = RoleGrant.key(args["user_id"], channel.id, args["role"])
    if ctx.entity_id != key:
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP("Refusal", "A role grant must be named user/channel/role."),
        )
    existing = ctx.world.grant(key)
    if existing is None:
        return Changes(
            (RoleGrant(id=key, user_id=args["user_id"], channel_id=channel.id, role=args["role"]),)
        )
    return Changes(() if existing.active else (evolve(existing, active=True),))


def revoke_role(ctx: Context, args: dict[str, Any]) -> Outcome:
    if not ctx.actor.is_admin:
        return _not_admin()
    existing = ctx.world.grant(ctx.entity_id)
    if existing is None:
        return refuse(
            RefusalCode.NOT_FOUND, QT_TRANSLATE_NOOP("Refusal", "That role was never granted.")
        )
    return Changes((evolve(existing, active=False),) if existing.active else ())


def add_attachment(ctx: Context, args: dict[str, Any]) -> Outcome:
    sha = ctx.entity_id
    if not is_sha256(sha):
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP("Refusal", "An attachment is named by the SHA-256 of its content."),
        )
    if args["size"] > MAX_ATTACHMENT_BYTES:
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP(
                "Refusal", "The file is too large ({size} MB); the limit is {limit} MB."
            ),
            size=round(args["size"] / 1048576, 1),
            limit=MAX_ATTACHMENT_BYTES // 1048576,
        )
    if ctx.world.attachment(sha) is not None:
        return Changes(())
    return Changes(
        (
            Attachment(
                sha256=sha,
                mime=args["mime"],
                size=args["size"],
                name=args.get("name", ""),
                added_by=ctx.actor.id,
                added_at=ctx.at,
            ),
        )
    )


MIN_RECOMMENDED_LEVELS = 2


def review_rule_warnings(review_levels: int, allow_same_reviewer: bool) -> tuple[Message, ...]:
    """Where a channel's review falls short of 001 §5.3.2 (初审 and 复审 at least, by different
    people). Advice only: an administrator may have reasons, so nothing is refused."""
    warnings = []
    if review_levels < MIN_RECOMMENDED_LEVELS:
        warnings.append(
            Message(
                "Admin",
                QT_TRANSLATE_NOOP(
                    "Admin",
                    "Content should pass at least two review levels (初审 and 复审, 001 §5.3.2); "
                    "this channel has one.",
                ),
            )
        )
    if allow_same_reviewer and review_levels > 1:
        warnings.append(
            Message(
                "Admin",
                QT_TRANSLATE_NOOP(
                    "Admin",
                    "One person may approve two levels here, so one reader can stand for two "
                    "reviews.",
                ),
            )
        )
    return tuple(warnings)
