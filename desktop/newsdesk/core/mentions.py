"""@mentions kept as tokens naming the user by id, inside the text of a comment or a note.

A mention chosen from the completion list is stored as ``@[李强](user:<id>)``: the id says who
is meant however many colleagues share the name and whatever they are called later, and the
name is what to show when the id is unknown here (a user not synced yet). The shape needs a
bracketed name followed at once by ``(user:`` and a well-formed id, which nobody types by
accident; it is plain text, so it survives sync, stripping and the database untouched.

People never see a token. :func:`render` writes ``@`` and the user's *current* name in its place
wherever the text is shown. An editor shows :func:`editable` text, where each mention is
``@`` and its :func:`label` (the name, with the login when a colleague shares the name, so the
label says whom it means), and :func:`stored` turns the labels back into tokens when saving.
Working on labels in the visible text rather than on hidden positions keeps every edit correct:
a label the user deletes or breaks is simply no longer a mention.

Text written before the tokens says "@李强" in plain text; :func:`mentioned` still finds such a
name (every colleague bearing it, since plain text cannot tell namesakes apart).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from newsdesk.core.model import User

TOKEN: Final = re.compile(
    r"@\[(?P<name>[^\[\]\n]{1,64})\]\(user:(?P<id>[A-Za-z0-9][A-Za-z0-9_-]{0,63})\)"
)
_NOT_IN_NAME: Final = str.maketrans("", "", "[]()\n")


@dataclass(frozen=True)
class Mention:
    """Whom a mention names: their id, and their name when it was written."""

    user_id: str
    name: str


def token(mention: Mention) -> str:
    """The stored form of ``mention``; a name that could break the shape loses its brackets."""
    name = mention.name.translate(_NOT_IN_NAME)[:64].strip() or mention.user_id
    return f"@[{name}](user:{mention.user_id})"


def mentions(text: str) -> list[Mention]:
    """The tokens in ``text``, in order."""
    return [Mention(m["id"], m["name"]) for m in TOKEN.finditer(text)]


def mentioned_ids(text: str) -> frozenset[str]:
    """The ids of the users ``text`` mentions by token."""
    return frozenset(m["id"] for m in TOKEN.finditer(text))


def render(text: str, names: Mapping[str, str]) -> str:
    """``text`` as people read it: each token becomes "@" and the user's current name from
    ``names`` (id → name), or the name kept in the token when the id is not there."""
    return TOKEN.sub(lambda m: f"@{names.get(m['id']) or m['name']}", text)


def label(user: User, users: Iterable[User]) -> str:
    """How ``user`` is told apart among ``users``: the name, and the login in brackets when
    another of them has the same name."""
    shared = any(u.id != user.id and u.name == user.name for u in users)
    return f"{user.name}（{user.login}）" if shared else user.name


def editable(text: str, users: Iterable[User]) -> tuple[str, dict[str, Mention]]:
    """``text`` for an editor, each token shown as "@label", and the label of each mention; a
    user not among ``users`` is labelled by the name kept in the token (and the id when that
    label already means someone else)."""
    people = list(users)
    known = {u.id: u for u in people}
    chosen: dict[str, Mention] = {}

    def shown(match: re.Match[str]) -> str:
        user = known.get(match["id"])
        if user is not None:
            name, tag = user.name, label(user, people)
        else:
            name = tag = match["name"]
        if chosen.get(tag, Mention(match["id"], name)).user_id != match["id"]:
            tag = f"{name}（{match['id']}）"
        chosen[tag] = Mention(match["id"], name)
        return f"@{tag}"

    return TOKEN.sub(shown, text), chosen


def stored(text: str, chosen: Mapping[str, Mention]) -> str:
    """``text`` as saved: each "@label" of ``chosen`` becomes its token (the longest label
    first, so "@李强（liqiang2）" is not taken for "@李强")."""
    if not chosen or "@" not in text:
        return text
    labels = sorted(chosen, key=len, reverse=True)
    pattern = re.compile("@(" + "|".join(re.escape(tag) for tag in labels) + ")")
    return pattern.sub(lambda m: token(chosen[m[1]]), text)


def is_address(text: str, at: int) -> bool:
    """Whether the "@" at ``at`` is inside an e-mail address: an ASCII letter or digit before it
    (a Chinese character before it is text, as in "请@李强")."""
    return at > 0 and text[at - 1].isascii() and text[at - 1].isalnum()


def mentioned(text: str, users: Iterable[User]) -> frozenset[str]:
    """The ids of the users ``text`` mentions: by token, and in plain text written before the
    tokens by an enabled user's name or login after an "@" outside an e-mail address (the
    longest one that follows wins, so "@李强请核实" mentions 李强 without a space after the
    name; plain text cannot tell namesakes apart, so it means each of them)."""
    if "@" not in text:
        return frozenset()
    found = set(mentioned_ids(text))
    plain = TOKEN.sub(" ", text)
    handles: dict[str, set[str]] = {}
    for u in users:
        if not u.disabled:
            for name in (u.name, u.login):
                if name:
                    handles.setdefault(name, set()).add(u.id)
    longest_first = sorted(handles, key=len, reverse=True)
    start = plain.find("@")
    while start >= 0:
        said = next((h for h in longest_first if plain.startswith(h, start + 1)), None)
        if said is not None and not is_address(plain, start):
            found |= handles[said]
        start = plain.find("@", start + 1)
    return frozenset(found)
