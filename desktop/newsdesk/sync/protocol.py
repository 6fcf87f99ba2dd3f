"""The sync protocol's messages, shared by the service and the desktop.

Every request names the protocol version it speaks; unknown fields, wrong types and oversized
lists are refused by the models themselves, so the service answers 422 naming the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Final, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from newsdesk.core.refusal import Refusal
from newsdesk.sync.limits import MAX_BLOB as MAX_BLOB
from newsdesk.sync.limits import MAX_BODY as MAX_BODY
from newsdesk.sync.limits import MAX_PULL as MAX_PULL
from newsdesk.sync.limits import MAX_PUSH as MAX_PUSH

PROTOCOL: Final = 1

# The desktop names its Newsdesk version in this header on every request, so a service that
# needs newer desktops (``serve --min-desktop``) can answer 426 before doing anything.
VERSION_HEADER: Final = "Newsdesk-Version"

MAX_INT: Final = 2**31 - 1  # sequence numbers and row versions are 32-bit columns
ID_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"
ENTITY_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9_/-]*$"  # an id, a role grant's key, a SHA-256


def version_key(text: str) -> tuple[int, ...]:
    """A release number for comparing: ``"1.2"`` and ``"1.2.0"`` are equal, a local label
    (``"1.2.0+deb1"``) is ignored. ``ValueError`` unless it is dotted numbers."""
    parts = text.split("+", 1)[0].split(".")
    if not all(part.isdigit() and part.isascii() for part in parts):
        raise ValueError(f"{text!r} is not a version such as 1.2.0")
    key = [int(part) for part in parts]
    while key and key[-1] == 0:
        key.pop()
    return tuple(key)


def is_newer(announced: str, current: str) -> bool:
    """Whether release ``announced`` is newer than ``current``; a number that is not a version
    (a server misconfigured by hand) is never newer, so it cannot nag anyone."""
    try:
        return version_key(announced) > version_key(current)
    except ValueError:
        return False


def storable(value: str) -> str:
    """Text a database can store: no NUL, no lone or reversed surrogate halves."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must not contain unpaired surrogate code points") from None
    return value


def storable_json(value: Any) -> Any:
    """``value`` if every text in it, keys included, is :func:`storable`."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        for key, inner in value.items():
            storable(key)
            storable_json(inner)
    elif isinstance(value, list):
        for inner in value:
            storable_json(inner)
    return value


def utc_time(value: dt.datetime) -> dt.datetime:
    """A time with its zone that is a real moment between 1970 and 9998 once in UTC."""
    if value.tzinfo is None:
        raise ValueError("must carry a time zone")
    try:
        utc = value.astimezone(dt.UTC)
    except OverflowError:
        raise ValueError("is outside the years 1970 to 9998") from None
    if not 1970 <= utc.year <= 9998:
        raise ValueError("is outside the years 1970 to 9998")
    return value


Text = Annotated[str, Field(max_length=200), AfterValidator(storable)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Request(Message):
    # Any number is read (a different one is answered 426, "upgrade"); the document names the
    # one this server speaks.
    protocol: int = Field(
        description="The protocol version the client speaks.",
        json_schema_extra={"enum": [PROTOCOL]},
    )


Password = Annotated[str, Field(max_length=1024), AfterValidator(storable)]


class LoginRequest(Request):
    login: Annotated[str, Field(min_length=1, max_length=100), AfterValidator(storable)]
    password: Password
    workstation: Text = Field(default="", description="The desktop's computer name, for audit.")
    app_version: Text = Field(default="", description="The desktop's Newsdesk version.")


class LoginResponse(Message):
    token: str
    expires_at: dt.datetime
    user_id: str
    epoch: str


class WireMutation(Message):
    id: Id
    actor: Id
    at: Annotated[dt.datetime, AfterValidator(utc_time)]
    kind: Annotated[str, Field(max_length=40), AfterValidator(storable)]
    entity: Annotated[str | None, Field(max_length=200, pattern=ENTITY_PATTERN)] = None
    base_version: Annotated[int, Field(ge=0, le=MAX_INT)] | None = None
    args: Annotated[dict[str, Any], AfterValidator(storable_json)] = Field(default_factory=dict)


class PushRequest(Request):
    mutations: Annotated[list[WireMutation], Field(max_length=MAX_PUSH)]


class Outcome(Message):
    """What became of one mutation: accepted with its sequence number, or refused with the
    core's reason (``code``; ``source`` and ``params`` let the desktop show it translated)."""

    id: str
    status: Literal["accepted", "refused"]
    seq: int | None = None
    code: str | None = None
    source: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    message: str | None = None

    @classmethod
    def refused(cls, mutation_id: str, seq: int | None, refusal: Refusal) -> Outcome:
        return cls(id=mutation_id, status="refused", seq=seq, **refusal.to_json())

    def refusal(self) -> Refusal:
        """Why it was refused (for a refused outcome)."""
        return Refusal.from_json(self.model_dump(include={"code", "source", "params", "message"}))


class PushResponse(Message):
    outcomes: list[Outcome]
    epoch: str


class PullRequest(Request):
    cursor: Annotated[int, Field(ge=0, le=MAX_INT)] = 0
    limit: Annotated[int, Field(ge=1, le=MAX_PULL)] = 1000
    channels: Annotated[list[Text] | None, Field(max_length=1000)] = Field(
        default=None, description="Only these channels (each must be one the user may see)."
    )


class WireRow(Message):
    table: str
    key: str
    row: dict[str, Any] | None = None  # None: a tombstone
    deleted: bool = False


class PullResponse(Message):
    rows: list[WireRow]
    outcomes: list[Outcome]  # the outcomes of the user's own mutations in this page
    cursor: int
    more: bool
    epoch: str
    head: int  # the server's newest sequence number
    channels: list[str] | None = Field(
        default=None,
        description="The channels the user may read now (null: every channel); a desktop drops "
        "what it holds of the others.",
    )


class HeadMoved(Message):
    """The answer to a long-poll (``GET /v1/changes/wait``): the server's newest sequence number,
    past the one asked about unless the wait timed out."""

    model_config = ConfigDict(extra="ignore")

    head: int
    epoch: str


class DesktopRelease(Message):
    """The newest desktop the branch offers (``serve --latest-desktop``): desktops older than it
    say so, with the notes and where to download the installer; they never install it."""

    version: str
    installer_url: str
    notes: str = ""


class Health(Message):
    # Read by desktops of every version: what a newer service adds (as latest_desktop was
    # added) must not stop an older desktop from syncing.
    model_config = ConfigDict(extra="ignore")

    status: Literal["ok"]
    protocol: int
    epoch: str
    max_request_bytes: int = Field(
        default=MAX_BODY, description="The largest JSON request body the service reads, in bytes."
    )
    max_push: int = Field(default=MAX_PUSH, description="The most mutations one push may carry.")
    latest_desktop: DesktopRelease | None = Field(
        default=None, description="The newest desktop release the branch offers, if it says."
    )


class Problem(Message):
    detail: Any


class PasswordChange(Request):
    """A signed-in user's new password; the old one is asked again (a stolen token alone
    must not take the account)."""

    old_password: Password
    new_password: Password


class NewUser(Request):
    login: Annotated[str, Field(min_length=1, max_length=40), AfterValidator(storable)]
    name: Annotated[str, Field(min_length=1, max_length=60), AfterValidator(storable)]
    password: Password
    is_admin: bool = False
    is_auditor: bool = False


class PasswordReset(Request):
    password: Password


class UserCreated(Message):
    user_id: str


class SignInLock(Message):
    """A login repeated failed sign-ins stopped: until a time, or (``until`` is ``None``) until
    an administrator unlocks it."""

    login: str
    until: dt.datetime | None = None


class SignInLocks(Message):
    locks: list[SignInLock]


AuditResult = Literal["ok", "failed", "throttled", "refused", "forbidden"]


class AuditQuery(Request):
    start: Annotated[dt.datetime, AfterValidator(utc_time)] | None = None
    end: Annotated[dt.datetime, AfterValidator(utc_time)] | None = None
    login: Text | None = None
    events: Annotated[list[Text], Field(max_length=50)] | None = None
    result: AuditResult | None = None
    before: Annotated[int, Field(ge=1, le=MAX_INT)] | None = Field(
        default=None, description="Only entries numbered below this (the next page)."
    )
    limit: Annotated[int, Field(ge=1, le=5000)] = 500


class AuditEntry(Message):
    seq: int
    at: dt.datetime
    event: str
    login: str
    actor_id: str | None
    address: str | None
    result: str | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str


class Alert(Message):
    """Something an administrator should look at, found in the audit log."""

    kind: Literal["failed_sign_ins", "unusual_hour", "new_address", "mass_removal", "role_change"]
    subject: str  # the login or the address concerned
    at: dt.datetime  # the latest entry behind it
    count: int
    detail: str = ""


class AuditPage(Message):
    entries: list[AuditEntry]
    alerts: list[Alert]
    more: bool


class AuditVerdict(Message):
    intact: bool
    entries: int
    problem: str | None = None
    seq: int | None = None


class DesktopEvent(Message):
    id: Id
    at: Annotated[dt.datetime, AfterValidator(utc_time)]
    event: Literal["offline_sign_in", "export", "publish"]
    detail: Annotated[dict[str, Any], AfterValidator(storable_json)] = Field(default_factory=dict)


class DesktopEvents(Request):
    """What a desktop did that the server would not otherwise know of: sign-ins made offline,
    exports and deliveries, sent when it is online again."""

    events: Annotated[list[DesktopEvent], Field(max_length=500)]
