"""The names people see for roles, states, targets, verdicts and checklist items.

Marked for translation here, translated by the UI (``newsdesk.ui.i18n.translate``).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.core.model import (
    ArticleKind,
    ArticleState,
    ChecklistItem,
    Priority,
    ProposalState,
    Role,
    Target,
    Verdict,
)

_LABELS: Mapping[Enum, Message] = {
    label_of: Message("Label", text)
    for label_of, text in (
        (Role.EDITOR, QT_TRANSLATE_NOOP("Label", "Editor")),
        (Role.CHIEF, QT_TRANSLATE_NOOP("Label", "Channel chief")),
        (Role.REVIEWER1, QT_TRANSLATE_NOOP("Label", "First review")),
        (Role.REVIEWER2, QT_TRANSLATE_NOOP("Label", "Second review")),
        (Role.REVIEWER3, QT_TRANSLATE_NOOP("Label", "Final review")),
        (Role.PUBLISHER, QT_TRANSLATE_NOOP("Label", "Sign-off")),
        (ProposalState.DRAFT, QT_TRANSLATE_NOOP("Label", "Draft")),
        (ProposalState.SUBMITTED, QT_TRANSLATE_NOOP("Label", "Submitted")),
        (ProposalState.RETURNED, QT_TRANSLATE_NOOP("Label", "Returned")),
        (ProposalState.SELECTED, QT_TRANSLATE_NOOP("Label", "Selected")),
        (ProposalState.ASSIGNED, QT_TRANSLATE_NOOP("Label", "Assigned")),
        (ProposalState.IN_PROGRESS, QT_TRANSLATE_NOOP("Label", "In progress")),
        (ProposalState.DONE, QT_TRANSLATE_NOOP("Label", "Done")),
        (ProposalState.DELETED, QT_TRANSLATE_NOOP("Label", "Deleted")),
        (ArticleState.DRAFT, QT_TRANSLATE_NOOP("Label", "Draft")),
        (ArticleState.IN_REVIEW, QT_TRANSLATE_NOOP("Label", "In review")),
        (ArticleState.APPROVED, QT_TRANSLATE_NOOP("Label", "Approved")),
        (ArticleState.SIGNED_OFF, QT_TRANSLATE_NOOP("Label", "Signed off")),
        (ArticleState.PUBLISHED, QT_TRANSLATE_NOOP("Label", "Published")),
        (ArticleState.REJECTED, QT_TRANSLATE_NOOP("Label", "Rejected")),
        (ArticleState.RETRACTED, QT_TRANSLATE_NOOP("Label", "Retracted")),
        (ArticleKind.ORIGINAL, QT_TRANSLATE_NOOP("Label", "Original")),
        (ArticleKind.REPOST, QT_TRANSLATE_NOOP("Label", "Repost")),
        (Target.PC, QT_TRANSLATE_NOOP("Label", "PC")),
        (Target.WAP, QT_TRANSLATE_NOOP("Label", "WAP")),
        (Target.APP, QT_TRANSLATE_NOOP("Label", "App")),
        (Verdict.APPROVE, QT_TRANSLATE_NOOP("Label", "Approve")),
        (Verdict.RETURN, QT_TRANSLATE_NOOP("Label", "Return")),
        (Verdict.REJECT, QT_TRANSLATE_NOOP("Label", "Reject")),
        (Priority.LOW, QT_TRANSLATE_NOOP("Label", "Low")),
        (Priority.NORMAL, QT_TRANSLATE_NOOP("Label", "Normal")),
        (Priority.HIGH, QT_TRANSLATE_NOOP("Label", "High")),
        (Priority.URGENT, QT_TRANSLATE_NOOP("Label", "Urgent")),
        (ChecklistItem.TRUTH, QT_TRANSLATE_NOOP("Label", "True, accurate and complete")),
        (
            ChecklistItem.REPOST_AUTHORISED,
            QT_TRANSLATE_NOOP("Label", "Repost authorised by the original publisher"),
        ),
        (ChecklistItem.COPYRIGHT, QT_TRANSLATE_NOOP("Label", "Copyright of all materials cleared")),
        (
            ChecklistItem.NO_RESTRICTED_INFO,
            QT_TRANSLATE_NOOP("Label", "Contains nothing that may not be disclosed"),
        ),
    )
}


def label(value: Enum) -> Message:
    """The display name of ``value``, to be translated by the UI."""
    return _LABELS[value]
