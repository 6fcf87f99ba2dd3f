"""Finding web addresses in text a user pasted or dropped (no web or extraction library needed)."""

from __future__ import annotations

import re
from typing import Final

ADDRESS: Final = re.compile(r"https?://\S+", re.I)


def addresses_in(text: str) -> list[str]:
    """The web addresses in ``text`` (one per line, or anywhere in pasted text), once each."""
    return list(dict.fromkeys(match.rstrip(".,;)）。，；") for match in ADDRESS.findall(text)))
