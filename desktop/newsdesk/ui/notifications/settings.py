"""What the user wants to be told on the desktop (the tray): per kind, and not in quiet hours.
Kept in QSettings, per computer, like the window's layout."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QSettings

from newsdesk.core.notifications import NoticeKind

PREFIX = "notifications"


@dataclass(frozen=True)
class TraySettings:
    muted: frozenset[NoticeKind] = frozenset()  # kinds never shown in the tray
    quiet_from: dt.time | None = None  # no tray messages from ... (local time)
    quiet_until: dt.time | None = None  # ... until, overnight if it is earlier

    def quiet_at(self, moment: dt.time) -> bool:
        start, end = self.quiet_from, self.quiet_until
        if start is None or end is None or start == end:
            return False
        if start < end:
            return start <= moment < end
        return moment >= start or moment < end

    def shows(self, kind: NoticeKind, moment: dt.time) -> bool:
        return kind not in self.muted and not self.quiet_at(moment)


def _time(value: object) -> dt.time | None:
    try:
        return dt.time.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def load(settings: QSettings) -> TraySettings:
    muted = settings.value(f"{PREFIX}/muted", "")
    names = str(muted).split(",") if muted else []
    return TraySettings(
        frozenset(NoticeKind(n) for n in names if n in set(NoticeKind)),
        _time(settings.value(f"{PREFIX}/quiet_from", "")),
        _time(settings.value(f"{PREFIX}/quiet_until", "")),
    )


def save(settings: QSettings, chosen: TraySettings) -> None:
    settings.setValue(f"{PREFIX}/muted", ",".join(sorted(k.value for k in chosen.muted)))
    for key, value in (("quiet_from", chosen.quiet_from), ("quiet_until", chosen.quiet_until)):
        settings.setValue(f"{PREFIX}/{key}", value.strftime("%H:%M") if value else "")
