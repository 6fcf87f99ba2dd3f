"""The editorial calendar page (日历)."""

from newsdesk.ui.calendar.page import CalendarPage

__all__ = ["CalendarPage"]
