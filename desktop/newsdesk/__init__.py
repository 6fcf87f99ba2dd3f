"""Newsdesk (采编台): an offline-first editorial desktop for new-media departments."""

# One source of truth: pyproject.toml reads it from here (a literal, so that no start pays for
# importlib.metadata, some 20 ms, to learn it, and a bundle knows it without the package's
# metadata).
__version__ = "0.1.0"
