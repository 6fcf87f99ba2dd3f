"""Operations (001 §5.4, §5.6, §6.1): platform accounts, their monthly records and imported
figures, the yearly targets, and the register of readers' 留言.

An administrator or the channel's chief keeps the channel's accounts; the channel's chief and
editors record months, import figures and handle 留言; only an administrator sets targets. A
month's record, an item's figures, a target and an imported 留言 have ids derived from what
they are, so recording or importing the same thing again replaces it instead of adding a twin.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from newsdesk.core.actor import Actor
from newsdesk.core.context import Context, evolve
from newsdesk.core.i18n import QT_TRANSLATE_NOOP
from newsdesk.core.model import (
    AccountMonth,
    Entity,
    MessageClass,
    MessageState,
    PlatformAccount,
    PlatformFigures,
    ReaderMessage,
    Role,
    YearTarget,
)
from newsdesk.core.refusal import Refusal, RefusalCode, refuse
from newsdesk.core.workdays import Calendar
from newsdesk.core.world import Changes, Outcome

CHINA = dt.timezone(dt.timedelta(hours=8), "CST")  # no daylight saving: a fixed offset holds
ANSWER_WITHIN = 2  # working days for a 咨询 (001 §5.4 a)


def _derived(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]


def month_id(account_id: str, month: str) -> str:
    return _derived("month", account_id, month)


def figures_id(account_id: str, url: str, title: str, published_on: dt.date) -> str:
    """An exported item is known by its address, or by its title and day where it has none."""
    return _derived("figures", account_id, url or f"{title}\n{published_on.isoformat()}")


def target_id(channel_id: str, account_id: str | None, year: int) -> str:
    return _derived("target", channel_id, account_id or "", str(year))


def imported_message_id(account_id: str, author: str, received_at: dt.datetime, text: str) -> str:
    return _derived("message", account_id, author, received_at.isoformat(), text)


def answer_due(received_at: dt.datetime, calendar: Calendar) -> dt.date:
    """The last day (in China) on which a 咨询 received at ``received_at`` is answered in time."""
    return calendar.add_working_days(received_at.astimezone(CHINA).date(), ANSWER_WITHIN)


def is_overdue(message: ReaderMessage, now: dt.datetime, calendar: Calendar) -> bool:
    """An open 咨询 not answered within two working days (weekends and holidays excluded)."""
    return (
        message.category == MessageClass.ENQUIRY
        and message.state == MessageState.OPEN
        and now.astimezone(CHINA).date() > answer_due(message.received_at, calendar)
    )


def import_keys(account_id: str, args: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The ids of the figures and the 留言 an import's parsed ``args`` name, so a store can load
    those already known in one go."""
    figures = [
        figures_id(account_id, row.get("url", ""), row["title"], row["published_on"])
        for row in args.get("figures", ())
    ]
    messages = [
        imported_message_id(account_id, row.get("author", ""), row["received_at"], row["text"])
        for row in args.get("messages", ())
    ]
    return figures, messages


def may_keep_accounts(actor: Actor, channel_id: str) -> bool:
    return actor.is_admin or actor.holds(Role.CHIEF, channel_id)


def may_handle(actor: Actor, channel_id: str) -> bool:
    """Who records a channel's platform data and handles its 留言."""
    return (
        actor.is_admin
        or actor.holds(Role.CHIEF, channel_id)
        or actor.holds(Role.EDITOR, channel_id)
    )


def _forbidden(source: str) -> Refusal:
    return refuse(RefusalCode.FORBIDDEN, source)


def _no_account() -> Refusal:
    return refuse(
        RefusalCode.NOT_FOUND, QT_TRANSLATE_NOOP("Refusal", "That platform account does not exist.")
    )


def _live_account(ctx: Context, account_id: str) -> PlatformAccount | Refusal:
    account = ctx.world.account(account_id)
    if account is None or account.removed:
        return _no_account()
    if not may_handle(ctx.actor, account.channel_id):
        return _forbidden(
            QT_TRANSLATE_NOOP(
                "Refusal", "Only the channel's chief or editors can record its platform data."
            )
        )
    return account


def add_account(ctx: Context, args: dict[str, Any]) -> Outcome:
    if isinstance(channel := ctx.channel(args["channel_id"]), Refusal):
        return channel
    if not may_keep_accounts(ctx.actor, channel.id):
        return _forbidden(
            QT_TRANSLATE_NOOP(
                "Refusal", "Only an administrator or the channel's chief can keep its accounts."
            )
        )
    if ctx.world.account(ctx.entity_id) is not None:
        return refuse(
            RefusalCode.DUPLICATE, QT_TRANSLATE_NOOP("Refusal", "That account already exists.")
        )
    return Changes(
        (PlatformAccount(id=ctx.entity_id, created_at=ctx.at, updated_at=ctx.at, **args),)
    )


def update_account(ctx: Context, args: dict[str, Any]) -> Outcome:
    account = ctx.world.account(ctx.entity_id)
    if account is None:
        return _no_account()
    if not may_keep_accounts(ctx.actor, account.channel_id):
        return _forbidden(
            QT_TRANSLATE_NOOP(
                "Refusal", "Only an administrator or the channel's chief can keep its accounts."
            )
        )
    return Changes((evolve(account, ctx.at, **args),))


def record_month(ctx: Context, args: dict[str, Any]) -> Outcome:
    if isinstance(account := _live_account(ctx, ctx.entity_id), Refusal):
        return account
    key = month_id(account.id, args["month"])
    known = ctx.world.account_month(key)
    screenshot = args.get("screenshot")
    if screenshot is not None and ctx.world.attachment(screenshot) is None:
        return refuse(
            RefusalCode.NOT_FOUND,
            QT_TRANSLATE_NOOP("Refusal", "The screenshot has not been uploaded."),
        )
    if known is not None:
        if screenshot is None:
            screenshot = known.screenshot
        return Changes(
            (
                evolve(
                    known,
                    ctx.at,
                    followers=args["followers"],
                    screenshot=screenshot,
                    recorded_by=ctx.actor.id,
                ),
            )
        )
    return Changes(
        (
            AccountMonth(
                id=key,
                channel_id=account.channel_id,
                account_id=account.id,
                month=args["month"],
                followers=args["followers"],
                screenshot=screenshot,
                recorded_by=ctx.actor.id,
                updated_at=ctx.at,
            ),
        )
    )


def import_export(ctx: Context, args: dict[str, Any]) -> Outcome:
    """An account's export, all of it or nothing: its items' figures (replacing what an earlier
    import of the same item brought) and its 留言 (those already registered are left as they
    are, answers and all)."""
    if isinstance(account := _live_account(ctx, ctx.entity_id), Refusal):
        return account
    changes: dict[str, Entity] = {}
    figure_ids, message_ids = import_keys(account.id, args)
    for number, (key, row) in enumerate(zip(figure_ids, args.get("figures", ()), strict=True), 1):
        article_id = row.get("article_id")
        if article_id is not None:
            article = ctx.world.article(article_id)
            if article is None or article.channel_id != account.channel_id:
                return refuse(
                    RefusalCode.NOT_FOUND,
                    QT_TRANSLATE_NOOP(
                        "Refusal",
                        "Row {number} is matched to an article the channel does not have.",
                    ),
                    number=number,
                )
        figures = {k: row.get(k, 0) for k in ("reads", "likes", "shares", "comments")}
        # A line repeated in one file replaces its earlier line: both evolve from what is stored.
        known = ctx.world.figures(key)
        if known is not None:
            changes[key] = evolve(
                known, imported_at=ctx.at, article_id=article_id, title=row["title"], **figures
            )
        else:
            changes[key] = PlatformFigures(
                id=key,
                channel_id=account.channel_id,
                account_id=account.id,
                title=row["title"],
                url=row.get("url", ""),
                published_on=row["published_on"],
                article_id=article_id,
                imported_at=ctx.at,
                **figures,
            )
    for key, row in zip(message_ids, args.get("messages", ()), strict=True):
        author = row.get("author", "")
        if key in changes or ctx.world.message(key) is not None:
            continue
        changes[key] = ReaderMessage(
            id=key,
            channel_id=account.channel_id,
            account_id=account.id,
            text=row["text"],
            author=author,
            received_at=row["received_at"],
            category=row.get("category", MessageClass.OTHER),
            created_at=ctx.at,
            updated_at=ctx.at,
        )
    return Changes(tuple(changes.values()))


def set_target(ctx: Context, args: dict[str, Any]) -> Outcome:
    if not ctx.actor.is_admin:
        return _forbidden(QT_TRANSLATE_NOOP("Refusal", "Only an administrator can set targets."))
    if isinstance(channel := ctx.channel(args["channel_id"]), Refusal):
        return channel
    account_id = args.get("account_id")
    if account_id is not None:
        account = ctx.world.account(account_id)
        if account is None or account.removed or account.channel_id != channel.id:
            return _no_account()
    if ctx.entity_id != target_id(channel.id, account_id, args["year"]):
        return refuse(
            RefusalCode.INVALID,
            QT_TRANSLATE_NOOP("Refusal", "A target is named by its channel, account and year."),
        )
    figures = {k: args[k] for k in ("publications", "reads", "followers")}
    known = ctx.world.target(ctx.entity_id)
    if known is not None:
        return Changes((evolve(known, ctx.at, set_by=ctx.actor.id, **figures),))
    return Changes(
        (
            YearTarget(
                id=ctx.entity_id,
                channel_id=channel.id,
                account_id=account_id,
                year=args["year"],
                set_by=ctx.actor.id,
                updated_at=ctx.at,
                **figures,
            ),
        )
    )


def add_message(ctx: Context, args: dict[str, Any]) -> Outcome:
    if isinstance(account := _live_account(ctx, args["account_id"]), Refusal):
        return account
    if ctx.world.message(ctx.entity_id) is not None:
        return refuse(
            RefusalCode.DUPLICATE, QT_TRANSLATE_NOOP("Refusal", "That message already exists.")
        )
    return Changes(
        (
            ReaderMessage(
                id=ctx.entity_id,
                channel_id=account.channel_id,
                created_at=ctx.at,
                updated_at=ctx.at,
                **args,
            ),
        )
    )


def _handled_message(ctx: Context) -> ReaderMessage | Refusal:
    message = ctx.world.message(ctx.entity_id)
    if message is None or not (ctx.actor.is_admin or message.channel_id in ctx.actor.channels()):
        return refuse(
            RefusalCode.NOT_FOUND, QT_TRANSLATE_NOOP("Refusal", "That message does not exist.")
        )
    if not may_handle(ctx.actor, message.channel_id):
        return _forbidden(
            QT_TRANSLATE_NOOP(
                "Refusal", "Only the channel's chief or editors can handle its messages."
            )
        )
    return message


def update_message(ctx: Context, args: dict[str, Any]) -> Outcome:
    if isinstance(message := _handled_message(ctx), Refusal):
        return message
    assignee = args.get("assignee")
    if assignee is not None:
        grants = ctx.world.grants_of(assignee)
        user = ctx.world.user(assignee)
        if (
            user is None
            or user.disabled
            or not any(g.active and g.channel_id == message.channel_id for g in grants)
        ):
            return refuse(
                RefusalCode.INVALID,
                QT_TRANSLATE_NOOP(
                    "Refusal", "A message is assigned to someone working in its channel."
                ),
            )
    return Changes((evolve(message, ctx.at, **args),))


def answer_message(ctx: Context, args: dict[str, Any]) -> Outcome:
    if isinstance(message := _handled_message(ctx), Refusal):
        return message
    if message.state == MessageState.CLOSED:
        return refuse(
            RefusalCode.WRONG_STATE, QT_TRANSLATE_NOOP("Refusal", "That message is closed.")
        )
    return Changes(
        (
            evolve(
                message,
                ctx.at,
                answer=args["answer"],
                answered_by=ctx.actor.id,
                answered_at=ctx.at,
                state=MessageState.ANSWERED,
            ),
        )
    )


def close_message(ctx: Context, args: dict[str, Any]) -> Outcome:
    if isinstance(message := _handled_message(ctx), Refusal):
        return message
    if message.state == MessageState.CLOSED:
        return Changes(())
    return Changes((evolve(message, ctx.at, state=MessageState.CLOSED),))
