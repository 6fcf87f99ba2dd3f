"""The branch preset: what a branch's IT department sets once for every desk of the branch.

One TOML file, installed with the desktop (``/etc/newsdesk/branch.toml`` on Linux,
``%PROGRAMDATA%\\Newsdesk\\branch.toml`` on Windows; ``NEWSDESK_PRESET`` names another)::

    branch = "城东分社"                          # the branch's name, shown on the welcome screen
    server = "https://newsdesk.example.cn"      # the newsroom's sync server
    ca_file = "/etc/newsdesk/newsroom-ca.pem"   # optional: the organisation's own CA (PEM)

A relative ``ca_file`` is read beside the preset. A preset that cannot be used raises
:class:`PresetError` naming the file and the field; the desktop reports it and starts without.
"""

from __future__ import annotations

import os
import ssl
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import certifi
import httpx

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message

PRESET_ENV: Final = "NEWSDESK_PRESET"
FIELDS: Final = ("branch", "server", "ca_file")
MAX_BYTES: Final = 64 * 1024  # a preset is a few lines; anything larger is not one


@dataclass(frozen=True)
class Preset:
    branch: str
    server: str
    ca_file: Path | None
    source: Path


class PresetError(Exception):
    """The preset cannot be used; ``message`` says which file and what is wrong, for people."""

    def __init__(self, path: Path, reason: Message) -> None:
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
    """The preset at ``path`` (default :func:`preset_path`); ``None`` when there is none."""
    path = path or preset_path()
    if not path.exists():
        return None
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
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        raise PresetError(
            path,
            _reason(
                QT_TRANSLATE_NOOP("Preset", "“{field}” is not a preset field (known: {known})."),
                field=unknown[0],
                known=", ".join(FIELDS),
            ),
        )
    branch = _text(path, values, "branch")
    server = _text(path, values, "server").rstrip("/")
    if not server.startswith(("http://", "https://")) or not _host(server):
        raise PresetError(
            path,
            _reason(
                QT_TRANSLATE_NOOP(
                    "Preset", "“server” must be an address starting with https:// or http://."
                )
            ),
        )
    ca_file = None
    if "ca_file" in values:
        ca_file = path.parent / _text(path, values, "ca_file")
        if not ca_file.is_file():
            raise PresetError(
                path,
                _reason(
                    QT_TRANSLATE_NOOP("Preset", "“ca_file” names {file}, which is not a file."),
                    file=str(ca_file),
                ),
            )
        try:
            ssl.create_default_context(cafile=ca_file)
        except ssl.SSLError as error:
            raise PresetError(
                path,
                _reason(
                    QT_TRANSLATE_NOOP(
                        "Preset", "“ca_file” {file} holds no PEM certificate ({reason})."
                    ),
                    file=str(ca_file),
                    reason=error.reason or str(error),
                ),
            ) from None
    return Preset(branch=branch, server=server, ca_file=ca_file, source=path)


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
    try:
        preset = load_preset()
    except PresetError:
        preset = None
    return verification(preset)


def _host(address: str) -> str:
    try:
        return httpx.URL(address).host
    except httpx.InvalidURL:
        return ""


def _text(path: Path, values: dict[str, object], name: str) -> str:
    value = values.get(name)
    if value is None:
        raise PresetError(
            path,
            _reason(QT_TRANSLATE_NOOP("Preset", "the field “{field}” is missing."), field=name),
        )
    if not isinstance(value, str) or not value.strip():
        raise PresetError(
            path,
            _reason(
                QT_TRANSLATE_NOOP("Preset", "the field “{field}” must be text in quotes."),
                field=name,
            ),
        )
    return value.strip()
