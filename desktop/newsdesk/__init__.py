"""Newsdesk (采编台): an offline-first editorial desktop for new-media departments."""

__version__ = "0.1.0"
