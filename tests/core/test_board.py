"""The board's moves: every drag between columns is one move, and each move one table row."""

from __future__ import annotations

from newsdesk.core.board import ARTICLE_MOVES, MOVE_RULES, MOVES, PROPOSAL_MOVES, Move
from newsdesk.core.mutation import Kind


def test_every_move_makes_one_mutation_kind_and_applies_to_one_kind_of_card() -> None:
    assert set(MOVES.values()) == set(Move) == set(MOVE_RULES)
    kinds = [rule.kind for rule in MOVE_RULES.values()]
    assert len(set(kinds)) == len(kinds)
    assert set(PROPOSAL_MOVES).isdisjoint(ARTICLE_MOVES)
    assert set(PROPOSAL_MOVES) | set(ARTICLE_MOVES) == set(Move)
    assert {MOVE_RULES[m].kind for m in PROPOSAL_MOVES} == {
        Kind.PROPOSAL_SUBMIT,
        Kind.PROPOSAL_SELECT,
        Kind.PROPOSAL_RETURN,
        Kind.PROPOSAL_ASSIGN,
        Kind.TOPIC_START,
    }
