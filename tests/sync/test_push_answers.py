"""What a push's answer says is read from its status and its parsed body, never from a word
somewhere in its text."""

from __future__ import annotations

import httpx

from newsdesk.sync.client import outcomes_in


def test_outcomes_come_with_200_and_with_a_403_that_forbade_every_change() -> None:
    body = {"outcomes": [{"id": "m1", "status": "refused", "code": "forbidden"}], "epoch": "e1"}
    for status in (200, 403):
        pushed = outcomes_in(httpx.Response(status, json=body))
        assert pushed is not None and pushed.outcomes[0].code == "forbidden"


def test_a_403_about_the_request_itself_carries_no_outcomes_whatever_its_words() -> None:
    # The old check looked for the word "outcomes" in the text and took this for outcomes.
    problem = {"detail": "no outcomes: a push may only carry the signed-in user's own mutations"}
    assert outcomes_in(httpx.Response(403, json=problem)) is None
    assert outcomes_in(httpx.Response(403, text="outcomes")) is None
    assert outcomes_in(httpx.Response(500, json={"outcomes": [], "epoch": "e"})) is None
