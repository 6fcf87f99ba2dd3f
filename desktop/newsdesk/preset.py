"""The branch preset: what a branch's IT department sets once for every desk of the branch.

One TOML file, installed with the desktop (``/etc/newsdesk/branch.toml`` on Linux,
``%PROGRAMDATA%\\Newsdesk\\branch.toml`` on Windows; ``NEWSDESK_PRESET`` names another)::

    branch = "城东分社"                          # the branch's name, shown on the welcome screen
    server = "https://newsdesk.example.cn"      # the newsroom's sync server
    ca_file = "/etc/newsdesk/newsroom-ca.pem"   # optional: the organisation's own CA (PEM)
    channels = ["城东新闻", "民生"]              # optional: the board shows the first one found
    language = "zh_CN"                          # optional: "zh_CN" or "en" when --lang is not given
    updates = "https://it.example.cn/newsdesk"  # optional: where the branch offers new versions

A relative ``ca_file`` is read beside the preset. On Windows, when there is no such file, the
values the MSI installer writes to ``HKLM\\Software\\Newsdesk`` (same names; ``channels``
separated by commas) are the preset. A preset that cannot be used raises :class:`PresetError`
naming where it is and the field; the desktop reports it and starts without.
"""

from __future__ import annotations

import os
import re
import ssl
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import certifi

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message

PRESET_ENV: Final = "NEWSDESK_PRESET"
FIELDS: Final = ("branch", "server", "ca_file", "channels", "language", "updates")
LANGUAGES: Final = ("zh_CN", "en")
REGISTRY_KEY: Final = r"HKLM\Software\Newsdesk"
MAX_BYTES: Final = 64 * 1024  # a preset is a few lines; anything larger is not one
CHANNEL_SEPARATORS: Final = re.compile(r"[,，、;；]")


@dataclass(frozen=True)
class Preset:
    branch: str
    server: str
    ca_file: Path | None
    source: Path | str  # the file, or the registry key the MSI wrote
    channels: tuple[str, ...] = ()  # the desk's channels, by name, most wanted first
    language: str | None = None  # the interface's language when the user chose none
    updates: str | None = None  # the branch's page of new versions (https)


class PresetError(Exception):
    """The preset cannot be used; ``message`` says where it is and what is wrong, for people."""

    def __init__(self, path: Path | str, reason: Message) -> None:
        self.message = Message(
            "Preset",
            QT_TRANSLATE_NOOP("Preset", "The branch preset {path} cannot be used: {reason}"),
            {"path": str(path), "reason": reason},
        )
        super().__init__(str(self.message))


def _reason(source: str, **params: object) -> Message:
    return Message("Preset", source, params)


def preset_path() -> Path:
    """``NEWSDESK_PRESET`` if set, else the system-wide place the installers write it."""
    override = os.environ.get(PRESET_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "Newsdesk" / "branch.toml"
    return Path("/etc/newsdesk/branch.toml")


def load_preset(path: Path | None = None) -> Preset | None:
    """The preset at ``path`` (default :func:`preset_path`, then on Windows the registry);
    ``None`` when there is none."""
    explicit = path is not None or bool(os.environ.get(PRESET_ENV))
    path = path or preset_path()
    if not path.exists():
        return None if explicit else from_registry(registry_values())
    try:
        data = path.read_bytes()
    except OSError as error:
        raise PresetError(
            path,
            _reason(
                QT_TRANSLATE_NOOP("Preset", "it cannot be read ({reason})."),
                reason=error.strerror or str(error),
            ),
        ) from None
    if len(data) > MAX_BYTES:
        raise PresetError(
            path, _reason(QT_TRANSLATE_NOOP("Preset", "it is too large to be a preset."))
        )
    try:
        values = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise PresetError(
            path, _reason(QT_TRANSLATE_NOOP("Preset", "it is not saved as UTF-8."))
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise PresetError(
            path,
            _reason(
                QT_TRANSLATE_NOOP("Preset", "it is not valid TOML ({reason})."), reason=str(error)
            ),
        ) from None
    return preset_from_values(values, path, base=path.parent)


def registry_values() -> dict[str, object]:
    """The values under ``HKLM\\Software\\Newsdesk`` (the MSI's properties); none elsewhere."""
    if sys.platform != "win32":
        return {}
    import winreg

    try:
        key = winreg.OpenKey(
            winreg.HKEY_LOCAL_MACHINE,
            r"Software\Newsdesk",
            0,
            winreg.KEY_READ | winreg.KEY_WOW64_64KEY,
        )
    except OSError:
        return {}
    values: dict[str, object] = {}
    with key:
        index = 0
        while True:
            try:
                name, value, _kind = winreg.EnumValue(key, index)
            except OSError:
                return values
            values[name] = value
            index += 1


def from_registry(values: Mapping[str, object]) -> Preset | None:
    """The preset the MSI wrote: registry values named as the file's fields (in any case), each
    a string; an empty one counts as not given, and ``channels`` is one string separated by
    commas (or a multi-string). ``None`` when nothing was given."""
    given: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, str) and not value.strip():
            continue
        if name.lower() == "channels" and isinstance(value, str):
            value = [part for part in CHANNEL_SEPARATORS.split(value) if part.strip()]
        given[name.lower()] = value
    if not given:
        return None
    return preset_from_values(given, REGISTRY_KEY, base=None)


def preset_from_values(
    values: Mapping[str, object], where: Path | str, *, base: Path | None
) -> Preset:
    """The preset ``values`` describe (read from ``where``); a relative ``ca_file`` is read in
    ``base``, and must be a full path when there is none."""
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        raise PresetError(
            where,
            _reason(
                QT_TRANSLATE_NOOP("Preset", "“{field}” is not a preset field (known: {known})."),
                field=unknown[0],
                known=", ".join(FIELDS),
            ),
        )
    branch = _text(where, values, "branch")
    server = _text(where, values, "server").rstrip("/")
    if not server.startswith(("http://", "https://")) or not _host(server):
        raise PresetError(
            where,
            _reason(
                QT_TRANSLATE_NOOP(
                    "Preset", "“server” must be an address starting with https:// or http://."
                )
            ),
        )
    return Preset(
        branch=branch,
        server=server,
        ca_file=_ca_file(where, values, base),
        source=where,
        channels=_channels(where, values),
        language=_language(where, values),
        updates=_updates(where, values),
    )


def _ca_file(where: Path | str, values: Mapping[str, object], base: Path | None) -> Path | None:
    if "ca_file" not in values:
        return None
    named = Path(_text(where, values, "ca_file"))
    if base is None and not named.is_absolute():
        raise PresetError(
            where,
            _reason(
                QT_TRANSLATE_NOOP("Preset", "“ca_file” must be a full path, not {file}."),
                file=str(named),
            ),
        )
    ca_file = base / named if base is not None else named
    if not ca_file.is_file():
        raise PresetError(
            where,
            _reason(
                QT_TRANSLATE_NOOP("Preset", "“ca_file” names {file}, which is not a file."),
                file=str(ca_file),
            ),
        )
    try:
        ssl.create_default_context(cafile=ca_file)
    except ssl.SSLError as error:
        raise PresetError(
            where,
            _reason(
                QT_TRANSLATE_NOOP(
                    "Preset", "“ca_file” {file} holds no PEM certificate ({reason})."
                ),
                file=str(ca_file),
                reason=error.reason or str(error),
            ),
        ) from None
    return ca_file


def _channels(where: Path | str, values: Mapping[str, object]) -> tuple[str, ...]:
    value = values.get("channels", [])
    if not isinstance(value, list) or not all(
        isinstance(name, str) and name.strip() for name in value
    ):
        raise PresetError(
            where,
            _reason(
                QT_TRANSLATE_NOOP(
                    "Preset",
                    "“channels” must be a list of channel names in quotes, "
                    'e.g. ["城东新闻", "民生"].',
                )
            ),
        )
    return tuple(dict.fromkeys(name.strip() for name in value))


def _language(where: Path | str, values: Mapping[str, object]) -> str | None:
    if "language" not in values:
        return None
    value = values["language"]
    if value not in LANGUAGES:
        raise PresetError(
            where,
            _reason(
                QT_TRANSLATE_NOOP("Preset", "“language” must be “zh_CN” or “en”, not {value}."),
                value=repr(value),
            ),
        )
    return str(value)


def _updates(where: Path | str, values: Mapping[str, object]) -> str | None:
    if "updates" not in values:
        return None
    address = _text(where, values, "updates")
    if not address.startswith("https://") or not _host(address):
        raise PresetError(
            where,
            _reason(
                QT_TRANSLATE_NOOP(
                    "Preset", "“updates” must be a web address starting with https://."
                )
            ),
        )
    return address


def desktop_preset() -> tuple[Preset | None, PresetError | None]:
    """The installed preset, or what is wrong with it (the desktop starts either way)."""
    try:
        return load_preset(), None
    except PresetError as error:
        return None, error


def preset_language() -> str | None:
    """The installed preset's language, for a start without ``--lang``."""
    preset, _problem = desktop_preset()
    return preset.language if preset is not None else None


def verification(preset: Preset | None) -> ssl.SSLContext:
    """How the desktop checks a server's certificate: against the CA store it ships (certifi,
    the same on every machine), plus the preset's CA for an organisation's own certificates."""
    context = ssl.create_default_context(cafile=certifi.where())
    if preset is not None and preset.ca_file is not None:
        context.load_verify_locations(cafile=preset.ca_file)
    return context


def desktop_verification() -> ssl.SSLContext:
    """:func:`verification` with the installed preset; one that cannot be used adds nothing
    (the welcome screen and the self-test report it)."""
    return verification(desktop_preset()[0])


def _host(address: str) -> str:
    import httpx  # only a preset naming a server needs it, and it takes 0.1 s to import

    try:
        return httpx.URL(address).host
    except httpx.InvalidURL:
        return ""


def _text(where: Path | str, values: Mapping[str, object], name: str) -> str:
    value = values.get(name)
    if value is None:
        raise PresetError(
            where,
            _reason(QT_TRANSLATE_NOOP("Preset", "the field “{field}” is missing."), field=name),
        )
    if not isinstance(value, str) or not value.strip():
        raise PresetError(
            where,
            _reason(
                QT_TRANSLATE_NOOP("Preset", "the field “{field}” must be text in quotes."),
                field=name,
            ),
        )
    return value.strip()
