"""Notifications: the bell and its list, the tray message, and @mention completion."""
