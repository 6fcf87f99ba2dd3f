"""The desktop's translations, read without Qt, for the service's command line.

A server must start where no Qt libraries are installed, yet speak the administrator's language
with the same words the desktop uses. It reads the same Qt Linguist source catalogue
(``resources/translations/newsdesk_<language>.ts``, plain XML) that Qt compiles for the desktop,
so one translation serves both and nothing needs compiling for the server.
"""

from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.core.i18n import Message
from newsdesk.paths import resources_dir

LANGUAGES = ("zh_CN", "en")
_UNUSABLE = frozenset({"unfinished", "vanished", "obsolete"})


def choose_language(requested: str | None = None) -> str:
    """The language asked for, else Simplified Chinese when the system's locale is Chinese."""
    if requested in LANGUAGES:
        return requested
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            return "zh_CN" if value.startswith("zh") else "en"
    system, _ = locale.getlocale()
    return "zh_CN" if (system or "").startswith("zh") else "en"


@dataclass(frozen=True)
class Catalogue:
    """Finished translations by (context, English source); anything else stays English."""

    entries: Mapping[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def load(cls, language: str, folder: Path | None = None) -> Catalogue:
        """The catalogue for ``language``; an empty one for English or a missing file."""
        path = (folder or resources_dir() / "translations") / f"newsdesk_{language}.ts"
        if language == "en" or not path.is_file():
            return cls()
        entries: dict[tuple[str, str], str] = {}
        for context in ElementTree.parse(path).getroot().iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                translation = message.find("translation")
                if (
                    message.get("numerus") == "yes"
                    or translation is None
                    or translation.get("type") in _UNUSABLE
                    or not translation.text
                ):
                    continue
                entries[(name, message.findtext("source", ""))] = translation.text
        return cls(entries)

    def translate(self, context: str, source: str) -> str:
        return self.entries.get((context, source), source)

    def render(self, message: Message) -> str:
        """A core message in this language, its parameters filled in after translation (and
        translated themselves when they are messages)."""
        params = {
            name: self.render(value) if isinstance(value, Message) else value
            for name, value in message.params.items()
        }
        return self.translate(message.context, message.source).format(**params)
