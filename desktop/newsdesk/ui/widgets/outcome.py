"""Telling the user how an applied change went, on a page's message bar."""

from __future__ import annotations

from collections.abc import Sequence

from newsdesk.core.refusal import Refusal
from newsdesk.store.apply import Applied
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets.message_bar import MessageBar, Tone


def report(bar: MessageBar, applied: Sequence[Applied], success: str) -> bool:
    """Show the first refusal among ``applied``, or ``success``; whether all were accepted."""
    for result in applied:
        if isinstance(result.outcome, Refusal):
            bar.show_message(translated(result.outcome.message), Tone.ERROR)
            return False
    bar.show_message(success, Tone.INFO)
    return True
