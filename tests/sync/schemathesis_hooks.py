"""Strategies the fuzz run adds to what the OpenAPI document describes: the inputs an attacker
found to give server errors (NUL and unpaired surrogates in any text, times that overflow UTC,
ids that climb folders). Half of the generated bodies get one of them in a text field, an id
field or a time field; every answer must still be a 4xx, never a 500.

Loaded by ``st`` through ``SCHEMATHESIS_HOOKS`` (see test_fuzz_api.py)."""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import strategies as st

HOSTILE_TEXT = st.sampled_from(
    [
        "\x00",
        "edi\x00tor",
        "\ud800",
        "\udc00\ud800",
        "标题\udfff",
        "../../../../x",
        "a b'c\"d\ne",
        "<![ x",
        "<div>" * 2000,
    ]
)
HOSTILE_TIMES = st.sampled_from(
    ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "2026-13-40T25:61:61Z"]
)
TIME_FIELDS = frozenset({"at", "start", "end"})


def _spoil(value: Any, text: str, time: str, which: int) -> tuple[Any, int]:
    """``value`` with its ``which``-th string (depth first) replaced; times by ``time``."""
    if isinstance(value, dict):
        spoiled: dict[str, Any] = {}
        for key, inner in value.items():
            if isinstance(inner, str) and which == 0:
                spoiled[key] = time if key in TIME_FIELDS else text
                which = -1
                continue
            spoiled[key], which = _spoil(inner, text, time, which - isinstance(inner, str))
        return spoiled, which
    if isinstance(value, list):
        items = []
        for inner in value:
            item, which = _spoil(inner, text, time, which)
            items.append(item)
        return items, which
    return value, which


@schemathesis.hook
def flatmap_body(ctx: Any, body: Any) -> Any:
    if not isinstance(body, dict):
        return st.just(body)
    return st.tuples(st.booleans(), HOSTILE_TEXT, HOSTILE_TIMES, st.integers(0, 6)).map(
        lambda drawn: _spoil(body, drawn[1], drawn[2], drawn[3])[0] if drawn[0] else body
    )
