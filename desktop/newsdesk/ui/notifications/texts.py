"""What a notification says, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from newsdesk.core.notifications import Event, NoticeKind, Notification
from newsdesk.store.history import UNKNOWN_PERSON


def _t(source: str) -> str:
    return QCoreApplication.translate("Notifications", source)


def headline(n: Notification, names: dict[str, str]) -> str:
    """One line: who did what to which item."""
    who = names.get(n.actor_id or "", UNKNOWN_PERSON)
    texts = {
        Event.ASSIGNED: _t("{who} assigned you “{title}”"),
        Event.SELECTED: _t("Your proposal “{title}” was selected"),
        Event.PROPOSAL_RETURNED: _t("{who} returned your proposal “{title}”"),
        Event.APPROVED: _t("{who} approved “{title}” at level {level}"),
        Event.RETURNED: _t("{who} returned “{title}” at level {level}"),
        Event.REJECTED: _t("{who} rejected “{title}” at level {level}"),
        Event.TO_REVIEW: _t("“{title}” waits on your review at level {level}"),
        Event.TO_SIGN: _t("“{title}” waits on your sign-off"),
        Event.ANCHORED: _t("{who} commented on a passage of “{title}”"),
        Event.CORRECTED: _t("“{title}” was corrected"),
        Event.RETRACTED: _t("“{title}” was retracted"),
        Event.DUE_TOMORROW: _t("“{title}” is due tomorrow"),
        Event.OVERDUE: _t("“{title}” is past its due date"),
        Event.LEAD: _t("New lead: “{title}”"),
        Event.MENTIONED: _t("{who} mentioned you in “{title}”"),
    }
    return texts[n.event].format(who=who, title=n.title, level=n.level)


def kind_name(kind: NoticeKind) -> str:
    names = {
        NoticeKind.ASSIGNED: _t("Assignments"),
        NoticeKind.PROPOSAL: _t("My proposals selected or returned"),
        NoticeKind.REVIEW: _t("Review decisions on my articles"),
        NoticeKind.WAITING: _t("Items waiting on my review or sign-off"),
        NoticeKind.COMMENT: _t("Comments on passages of my articles"),
        NoticeKind.CORRECTION: _t("Corrections and retractions of my pieces"),
        NoticeKind.DUE: _t("Due dates"),
        NoticeKind.LEAD: _t("Leads in my channels"),
        NoticeKind.MENTION: _t("@mentions"),
    }
    return names[kind]
