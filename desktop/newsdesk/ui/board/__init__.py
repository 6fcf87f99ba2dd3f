"""The kanban board: every story of the user's channels, column by column."""

from newsdesk.ui.board.actions import BoardActions
from newsdesk.ui.board.page import BoardPage

__all__ = ["BoardActions", "BoardPage"]
