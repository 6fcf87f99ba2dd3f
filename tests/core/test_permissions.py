"""The permission matrix, stated as a table: role × action × state → allowed.

Every cell is checked against the real rules (``decide``), so the table and the code cannot
drift apart. A refused cell must be refused for a reason of permission or state, not because the
test sent a malformed request.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from newsdesk.core.apply import decide
from newsdesk.core.articles import current_hash
from newsdesk.core.ids import new_id
from newsdesk.core.model import ArticleState, ProposalState
from newsdesk.core.mutation import Kind, mutation
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.core.world import Changes
from tests.core.newsroom import FULL_CHECKLIST, Newsroom

P = ProposalState
ROLES = [
    "editor",
    "editor2",
    "chief",
    "reviewer1",
    "reviewer2",
    "reviewer3",
    "publisher",
    "admin",
    "outsider",
]

# action -> {role: states in which that role may do it}; "editor" proposed and is assigned.
PROPOSAL_MATRIX: dict[Kind, dict[str, set[ProposalState]]] = {
    Kind.PROPOSAL_UPDATE: {
        "editor": {P.DRAFT, P.RETURNED},
        "chief": {P.SUBMITTED, P.SELECTED, P.ASSIGNED},
    },
    Kind.PROPOSAL_SUBMIT: {"editor": {P.DRAFT, P.RETURNED}},
    Kind.PROPOSAL_SELECT: {"chief": {P.SUBMITTED}},
    Kind.PROPOSAL_RETURN: {"chief": {P.SUBMITTED, P.SELECTED}},
    Kind.PROPOSAL_DELETE: {
        "editor": {P.DRAFT, P.RETURNED},
        "chief": {P.SUBMITTED, P.SELECTED, P.RETURNED},
    },
    Kind.PROPOSAL_RESTORE: {"editor": {P.DELETED}, "chief": {P.DELETED}},
    Kind.PROPOSAL_ASSIGN: {"chief": {P.SELECTED, P.ASSIGNED}},
    Kind.TOPIC_START: {"editor": {P.ASSIGNED}},
    Kind.TOPIC_RESCHEDULE: {"chief": {P.ASSIGNED, P.IN_PROGRESS}},
}

# Article states, with the review level for "in review"; "editor" owns the article.
DRAFT, IR1, IR2, IR3 = "draft", "in_review@1", "in_review@2", "in_review@3"
APPROVED, SIGNED, PUBLISHED, REJECTED, RETRACTED = (
    "approved",
    "signed_off",
    "published",
    "rejected",
    "retracted",
)
ARTICLE_STATES = [DRAFT, IR1, IR2, IR3, APPROVED, SIGNED, PUBLISHED, REJECTED, RETRACTED]
WRITERS = ("editor", "chief")

ARTICLE_MATRIX: dict[str, dict[str, set[str]]] = {
    "edit": {w: {DRAFT} for w in WRITERS},
    "submit": {w: {DRAFT} for w in WRITERS},
    "withdraw": {w: {IR1} for w in WRITERS},
    "review1": {"reviewer1": {IR1}},
    "review2": {"reviewer2": {IR2}},
    "review3": {"reviewer3": {IR3}},
    "sign_off": {"publisher": {APPROVED}},
    "publish": {"publisher": {SIGNED, PUBLISHED}},
    "correct": {w: {PUBLISHED} for w in WRITERS},
    "retract": {"publisher": {PUBLISHED}, "chief": {PUBLISHED}},
}


@cache
def proposal_room(state: ProposalState) -> tuple[Newsroom, str]:
    room = Newsroom()
    return room, room.proposal_in(state)


@cache
def article_room(state: str) -> tuple[Newsroom, str]:
    room = Newsroom()
    name, _, level = state.partition("@")
    return room, room.article_in(ArticleState(name), level=int(level or 1))


def proposal_args(room: Newsroom, kind: Kind) -> dict[str, Any]:
    return {
        Kind.PROPOSAL_UPDATE: {"title": "新标题"},
        Kind.PROPOSAL_RETURN: {"reason": "重复选题"},
        Kind.PROPOSAL_ASSIGN: {"assignees": [room.ids["editor"]], "due_date": "2026-12-24"},
        Kind.TOPIC_START: {"article_id": new_id()},
        Kind.TOPIC_RESCHEDULE: {"due_date": "2026-12-28"},
    }.get(kind, {})


def article_request(room: Newsroom, article_id: str, action: str) -> tuple[Kind, dict[str, Any]]:
    revision_hash = room.article(article_id).revision_hash or "0" * 64
    if action.startswith("review"):
        return Kind.ARTICLE_REVIEW, {
            "decision_id": new_id(),
            "revision_hash": revision_hash,
            "level": int(action[-1]),
            "verdict": "approve",
            "checked": FULL_CHECKLIST,
        }
    return {
        "edit": (Kind.ARTICLE_EDIT, {"body_html": "<p>改写</p>"}),
        "submit": (
            Kind.ARTICLE_SUBMIT,
            {"revision_id": new_id(), "content_hash": current_hash(room.article(article_id))},
        ),
        "withdraw": (Kind.ARTICLE_WITHDRAW, {}),
        "sign_off": (
            Kind.ARTICLE_SIGN_OFF,
            {"sign_off_id": new_id(), "revision_hash": revision_hash},
        ),
        "publish": (
            Kind.ARTICLE_PUBLISH,
            {
                "revision_hash": revision_hash,
                "publications": [{"id": new_id(), "target": "wap", "location": "wap/a.html"}],
            },
        ),
        "correct": (Kind.ARTICLE_CORRECT, {}),
        "retract": (Kind.ARTICLE_RETRACT, {"reason": "来源有误"}),
    }[action]


def _check(
    room: Newsroom, login: str, kind: Kind, entity: str, args: dict[str, Any], allowed: bool
) -> None:
    outcome = decide(room.world, mutation(room.ids[login], kind, entity, **args))
    if allowed:
        assert isinstance(outcome, Changes), f"{login} {kind}: refused: {outcome}"
    else:
        assert isinstance(outcome, Refusal), f"{login} {kind}: allowed but the table says no"
        assert outcome.code in (RefusalCode.FORBIDDEN, RefusalCode.WRONG_STATE), str(outcome)
        assert str(outcome)


@pytest.mark.parametrize("state", list(ProposalState))
@pytest.mark.parametrize("kind", list(PROPOSAL_MATRIX))
def test_proposal_matrix(kind: Kind, state: ProposalState) -> None:
    room, proposal_id = proposal_room(state)
    assert room.proposal(proposal_id).state == state
    for login in ROLES:
        allowed = state in PROPOSAL_MATRIX[kind].get(login, set())
        _check(room, login, kind, proposal_id, proposal_args(room, kind), allowed)


@pytest.mark.parametrize("state", ARTICLE_STATES)
@pytest.mark.parametrize("action", list(ARTICLE_MATRIX))
def test_article_matrix(action: str, state: str) -> None:
    room, article_id = article_room(state)
    for login in ROLES:
        allowed = state in ARTICLE_MATRIX[action].get(login, set())
        kind, args = article_request(room, article_id, action)
        _check(room, login, kind, article_id, args, allowed)


@pytest.mark.parametrize(
    "kind, args",
    [
        (Kind.CHANNEL_CREATE, {"name": "体育"}),
        (Kind.USER_CREATE, {"login": "newbie", "name": "新人"}),
    ],
)
def test_only_admin_administers(kind: Kind, args: dict[str, Any]) -> None:
    room = Newsroom()
    for login in ROLES:
        _check(room, login, kind, new_id(), args, allowed=login == "admin")


def test_only_admin_grants_roles() -> None:
    room = Newsroom()
    user, channel = room.ids["editor2"], room.library
    for login in ROLES:
        _check(
            room,
            login,
            Kind.ROLE_GRANT,
            f"{user}/{channel}/chief",
            {"user_id": user, "channel_id": channel, "role": "chief"},
            login == "admin",
        )
