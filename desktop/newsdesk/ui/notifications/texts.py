"""What a notification says, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from newsdesk.core.notifications import Event, NoticeKind, Notification
from newsdesk.store.history import UNKNOWN_PERSON

translate = QCoreApplication.translate


def headline(n: Notification, names: dict[str, str]) -> str:
    """One line: who did what to which item."""
    who = names.get(n.actor_id or "", UNKNOWN_PERSON)
    texts = {
        Event.ASSIGNED: translate("Notifications", "{who} assigned you “{title}”"),
        Event.SELECTED: translate("Notifications", "Your proposal “{title}” was selected"),
        Event.PROPOSAL_RETURNED: translate(
            "Notifications", "{who} returned your proposal “{title}”"
        ),
        Event.APPROVED: translate("Notifications", "{who} approved “{title}” at level {level}"),
        Event.RETURNED: translate("Notifications", "{who} returned “{title}” at level {level}"),
        Event.REJECTED: translate("Notifications", "{who} rejected “{title}” at level {level}"),
        Event.TO_REVIEW: translate(
            "Notifications", "“{title}” waits on your review at level {level}"
        ),
        Event.TO_SIGN: translate("Notifications", "“{title}” waits on your sign-off"),
        Event.ANCHORED: translate("Notifications", "{who} commented on a passage of “{title}”"),
        Event.CORRECTED: translate("Notifications", "“{title}” was corrected"),
        Event.RETRACTED: translate("Notifications", "“{title}” was retracted"),
        Event.DUE_TOMORROW: translate("Notifications", "“{title}” is due tomorrow"),
        Event.OVERDUE: translate("Notifications", "“{title}” is past its due date"),
        Event.LEAD: translate("Notifications", "New lead: “{title}”"),
        Event.MENTIONED: translate("Notifications", "{who} mentioned you in “{title}”"),
    }
    return texts[n.event].format(who=who, title=n.title, level=n.level)


def kind_name(kind: NoticeKind) -> str:
    names = {
        NoticeKind.ASSIGNED: translate("Notifications", "Assignments"),
        NoticeKind.PROPOSAL: translate("Notifications", "My proposals selected or returned"),
        NoticeKind.REVIEW: translate("Notifications", "Review decisions on my articles"),
        NoticeKind.WAITING: translate("Notifications", "Items waiting on my review or sign-off"),
        NoticeKind.COMMENT: translate("Notifications", "Comments on passages of my articles"),
        NoticeKind.CORRECTION: translate(
            "Notifications", "Corrections and retractions of my pieces"
        ),
        NoticeKind.DUE: translate("Notifications", "Due dates"),
        NoticeKind.LEAD: translate("Notifications", "Leads in my channels"),
        NoticeKind.MENTION: translate("Notifications", "@mentions"),
    }
    return names[kind]
