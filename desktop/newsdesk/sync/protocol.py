"""The sync protocol's messages, shared by the service and the desktop.

Every request names the protocol version it speaks; unknown fields, wrong types and oversized
lists are refused by the models themselves, so the service answers 422 naming the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL: Final = 1
MAX_PUSH: Final = 500  # mutations per push
MAX_PULL: Final = 5000  # rows per pull page
MAX_BODY: Final = 16 * 1024 * 1024  # bytes of a JSON request
MAX_BLOB: Final = 64 * 1024 * 1024  # bytes of an attachment

MAX_INT: Final = 2**31 - 1  # sequence numbers and row versions are 32-bit columns
Text = Annotated[str, Field(max_length=200)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Request(Message):
    # Any number is read (a different one is answered 426, "upgrade"); the document names the
    # one this server speaks.
    protocol: int = Field(
        description="The protocol version the client speaks.",
        json_schema_extra={"enum": [PROTOCOL]},
    )


class LoginRequest(Request):
    login: Annotated[str, Field(min_length=1, max_length=100)]
    password: Annotated[str, Field(max_length=1024)]


class LoginResponse(Message):
    token: str
    expires_at: dt.datetime
    user_id: str
    epoch: str


class WireMutation(Message):
    id: Annotated[str, Field(min_length=1, max_length=64)]
    actor: Annotated[str, Field(min_length=1, max_length=64)]
    at: dt.datetime
    kind: Annotated[str, Field(max_length=40)]
    entity: Annotated[str | None, Field(max_length=200)] = None
    base_version: Annotated[int, Field(ge=0, le=MAX_INT)] | None = None
    args: dict[str, Any] = Field(default_factory=dict)


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


class Health(Message):
    status: Literal["ok"]
    protocol: int
    epoch: str


class Problem(Message):
    detail: Any
