"""Passwords: hashing with Argon2id (argon2-cffi's defaults follow RFC 9106's recommendations)
and the one policy every way of setting a password enforces (the server's commands and API, the
administration page, a new workspace): at least 8 characters, 10 for an administrator, not one
of the common passwords shipped in ``resources/passwords/common.txt``, not the login name.
"""

from __future__ import annotations

import functools
from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.paths import resources_dir

MIN_LENGTH: Final = 8
MIN_ADMIN_LENGTH: Final = 10

_HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


@functools.cache
def _dummy_hash() -> str:
    return _HASHER.hash("not anyone's password")


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; takes as long without a hash (an unknown login) as with
    one, so the time of an answer does not tell which logins exist."""
    try:
        return _HASHER.verify(password_hash or _dummy_hash(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


@functools.cache
def common_passwords() -> frozenset[str]:
    """The shipped list of passwords too common to allow, lower-cased."""
    path = resources_dir() / "passwords" / "common.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip().lower() for s in lines if s.strip() and not s.startswith("#"))


def password_problem(password: str, login: str, *, administrator: bool) -> Message | None:
    """Why ``password`` may not be ``login``'s, or ``None`` when it may."""
    least = MIN_ADMIN_LENGTH if administrator else MIN_LENGTH
    if len(password) < least:
        if administrator:
            source = QT_TRANSLATE_NOOP(
                "Passwords", "An administrator's password needs at least {count} characters."
            )
        else:
            source = QT_TRANSLATE_NOOP(
                "Passwords", "The password needs at least {count} characters."
            )
        return Message("Passwords", source, {"count": least})
    folded = password.strip().lower()
    if login and folded == login.strip().lower():
        return Message(
            "Passwords", QT_TRANSLATE_NOOP("Passwords", "The password must not be the login name.")
        )
    if folded in common_passwords():
        return Message(
            "Passwords",
            QT_TRANSLATE_NOOP(
                "Passwords", "This password is one of the most common ones; choose another."
            ),
        )
    return None
