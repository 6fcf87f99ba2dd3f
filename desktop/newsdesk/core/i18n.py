"""Translatable messages without Qt.

The core marks its user-visible strings with :func:`QT_TRANSLATE_NOOP` so that Qt's ``lupdate``
extracts them; the UI translates a :class:`Message` with ``QCoreApplication.translate`` and only
then fills in the parameters, which is the order Qt's translations need.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate knows
    """Mark ``source`` for extraction into the translation catalogue; return it unchanged."""
    del context
    return source


@dataclass(frozen=True)
class Message:
    """A user-visible sentence: English source text with ``{named}`` placeholders."""

    context: str
    source: str
    params: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def render(self, translated_source: str | None = None) -> str:
        """The sentence with its parameters, from a translation of ``source`` if one is given."""
        template = translated_source if translated_source is not None else self.source
        return template.format(**self.params)

    def __str__(self) -> str:
        return self.render()
