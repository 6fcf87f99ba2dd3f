"""The service's configuration file: ``newsdesk-server … --config /etc/newsdesk/server.toml``.

One TOML file holds what the administrator would otherwise repeat on every command line — the
database, the audit key's folder and how ``serve`` runs::

    database = "postgresql+psycopg:///newsdesk"
    keys = "/var/lib/newsdesk"
    host = "127.0.0.1"
    port = 8765
    tls_cert = "/etc/newsdesk/tls/fullchain.pem"

The ``[publishing]`` table says where the service publishes scheduled articles (定时发布),
in the shape of a desk's publishing settings; the endpoints' tokens stay on the server::

    [publishing]
    folder = "/srv/newsdesk/published"
    site_name = "融媒体中心"
    base_url = "https://news.example.cn"
    every_seconds = 30
    folders = { wap = "/srv/www/wap" }
    endpoints = { app = "https://app.example.cn/newsdesk/deliver" }
    tokens = { app = "the app endpoint's token" }

A field has the name of its command-line option (underscores for dashes), except ``database``
(``--db``), ``keys`` (``--keys``) and ``poll`` (``poll = false`` is ``--no-poll``); options given on
the command line win over the file. Relative paths are read from the file's folder. A file that
cannot be used raises :class:`ServerConfigError` naming the file and the field.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Final

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from newsdesk.sync.scheduler import Scheduling

TEXT: Final = ("database", "host", "proxy", "min_desktop", "latest_desktop", "installer_url")
PATHS: Final = ("keys", "tls_cert", "tls_key", "release_notes")
SWITCHES: Final = ("docs", "poll", "allow_private_feeds")
NUMBERS: Final = ("max_request_mb", "poll_seconds")
FIELDS: Final = (*TEXT, *PATHS, *SWITCHES, *NUMBERS, "port", "lang", "publishing")
PUBLISHING_TEXT: Final = ("site_name", "base_url")
PUBLISHING_TABLES: Final = ("folders", "endpoints", "tokens")
PUBLISHING_FIELDS: Final = ("folder", *PUBLISHING_TEXT, "every_seconds", *PUBLISHING_TABLES)
LANGUAGES: Final = ("zh_CN", "en")
MAX_BYTES: Final = 64 * 1024


class ServerConfigError(Exception):
    """The file cannot be used; ``message`` names it and says what is wrong, for people."""

    def __init__(self, path: Path, reason: Message) -> None:
        self.message = Message(
            "ServerConfig",
            QT_TRANSLATE_NOOP(
                "ServerConfig", "The configuration file {path} cannot be used: {reason}"
            ),
            {"path": str(path), "reason": reason},
        )
        super().__init__(str(self.message))


def _reason(source: str, **params: object) -> Message:
    return Message("ServerConfig", source, params)


def load_server_config(path: Path) -> dict[str, object]:
    """The fields ``path`` sets, checked, by name; paths made absolute."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ServerConfigError(
            path,
            _reason(
                QT_TRANSLATE_NOOP("ServerConfig", "it cannot be read ({reason})."),
                reason=error.strerror or str(error),
            ),
        ) from None
    if len(data) > MAX_BYTES:
        raise ServerConfigError(
            path, _reason(QT_TRANSLATE_NOOP("ServerConfig", "it is too large to be one."))
        )
    try:
        values = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ServerConfigError(
            path, _reason(QT_TRANSLATE_NOOP("ServerConfig", "it is not saved as UTF-8."))
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise ServerConfigError(
            path,
            _reason(
                QT_TRANSLATE_NOOP("ServerConfig", "it is not valid TOML ({reason})."),
                reason=str(error),
            ),
        ) from None
    for name in values:
        if name not in FIELDS:
            raise ServerConfigError(
                path,
                _reason(
                    QT_TRANSLATE_NOOP(
                        "ServerConfig", "“{field}” is not a field of it (known: {known})."
                    ),
                    field=name,
                    known=", ".join(FIELDS),
                ),
            )
    return {name: _checked(path, name, value) for name, value in values.items()}


def _checked(path: Path, name: str, value: object) -> object:
    def wrong(source: str, **params: object) -> ServerConfigError:
        return ServerConfigError(path, _reason(source, field=name, **params))

    if name in TEXT or name in PATHS:
        if not isinstance(value, str) or not value.strip():
            raise wrong(
                QT_TRANSLATE_NOOP("ServerConfig", "the field “{field}” must be text in quotes.")
            )
        return path.parent / value.strip() if name in PATHS else value.strip()
    if name in SWITCHES:
        if not isinstance(value, bool):
            raise wrong(
                QT_TRANSLATE_NOOP("ServerConfig", "the field “{field}” must be true or false.")
            )
        return value
    if name in NUMBERS:
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise wrong(
                QT_TRANSLATE_NOOP(
                    "ServerConfig", "the field “{field}” must be a number greater than 0."
                )
            )
        return float(value)
    if name == "publishing":
        return _publishing(path, value)
    if name == "port":
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 65535:
            raise wrong(
                QT_TRANSLATE_NOOP(
                    "ServerConfig", "the field “{field}” must be a whole number from 1 to 65535."
                )
            )
        return value
    if value not in LANGUAGES:
        raise wrong(
            QT_TRANSLATE_NOOP("ServerConfig", "the field “{field}” must be “zh_CN” or “en”.")
        )
    return value


def _publishing(path: Path, value: object) -> Scheduling:
    """``[publishing]``, checked as a desk checks its publishing settings."""
    from newsdesk.publish.publisher import PublishingSettings
    from newsdesk.sync.scheduler import EVERY_SECONDS, Scheduling, default_folder

    def wrong(source: str, **params: object) -> ServerConfigError:
        return ServerConfigError(path, _reason(source, **params))

    if not isinstance(value, dict):
        raise wrong(
            QT_TRANSLATE_NOOP("ServerConfig", "“publishing” must be a table ([publishing]).")
        )
    for name in value:
        if name not in PUBLISHING_FIELDS:
            raise wrong(
                QT_TRANSLATE_NOOP(
                    "ServerConfig", "“{field}” is not a field of it (known: {known})."
                ),
                field=f"publishing.{name}",
                known=", ".join(PUBLISHING_FIELDS),
            )
    text: dict[str, str] = {}
    for name in ("folder", *PUBLISHING_TEXT):
        item = value.get(name, "")
        if not isinstance(item, str):
            raise wrong(
                QT_TRANSLATE_NOOP("ServerConfig", "the field “{field}” must be text in quotes."),
                field=f"publishing.{name}",
            )
        text[name] = item.strip()
    tables: dict[str, dict[str, str]] = {}
    for name in PUBLISHING_TABLES:
        table = value.get(name, {})
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise wrong(
                QT_TRANSLATE_NOOP(
                    "ServerConfig",
                    "the field “{field}” must be a table of text by target (pc, wap, app).",
                ),
                field=f"publishing.{name}",
            )
        tables[name] = {str(k): v.strip() for k, v in table.items() if v.strip()}
    every = value.get("every_seconds", EVERY_SECONDS)
    if isinstance(every, bool) or not isinstance(every, int | float) or every <= 0:
        raise wrong(
            QT_TRANSLATE_NOOP(
                "ServerConfig", "the field “{field}” must be a number greater than 0."
            ),
            field="publishing.every_seconds",
        )
    folder = text["folder"]
    settings = PublishingSettings(
        folder=str((path.parent / folder).resolve()) if folder else "",
        site_name=text["site_name"],
        base_url=text["base_url"],
        folders={t: str((path.parent / f).resolve()) for t, f in tables["folders"].items()},
        endpoints=tables["endpoints"],
        tokens=tables["tokens"],
    )
    if problems := settings.problems():
        raise ServerConfigError(path, problems[0])
    return Scheduling(settings, float(every), Path(settings.folder) if folder else default_folder())
