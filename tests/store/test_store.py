"""The store on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select

from newsdesk.core.context import evolve
from newsdesk.core.ids import new_id
from newsdesk.core.model import ArticleState, Entity, Proposal, ProposalState
from newsdesk.core.mutation import Kind, mutation
from newsdesk.core.refusal import Refusal, RefusalCode
from newsdesk.store import migrate
from newsdesk.store.apply import MUTATIONS, Status
from newsdesk.store.codec import TABLES, from_row
from newsdesk.store.schema import SCHEMA_HEAD, metadata
from newsdesk.store.store import Store, make_engine
from newsdesk.store.world import ConcurrentWriteError, DbWorld
from tests.core.newsroom import Newsroom


def busy_newsroom() -> Newsroom:
    room = Newsroom()
    for state in ProposalState:
        room.proposal_in(state)
    for state in ArticleState:
        room.article_in(state)
    room.article_in(ArticleState.IN_REVIEW, level=3)
    room.review(room.article_in(ArticleState.IN_REVIEW), "reviewer1", 1, "return", "补充采访")
    room.do("editor2", Kind.PROPOSAL_SELECT, room.propose())  # refused: not a chief
    return room


def everything(store: Store) -> dict[tuple[type, str], Entity]:
    found: dict[tuple[type, str], Entity] = {}
    with store.engine.connect() as conn:
        for cls, table in TABLES.items():
            for row in conn.execute(select(table)).mappings():
                entity = from_row(cls, row)
                found[(cls, entity.id)] = entity
    return found


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    with store.engine.connect() as conn:
        return {
            table.name: sorted(map(tuple, conn.execute(select(table))), key=repr)
            for table in metadata.sorted_tables
        }


@pytest.mark.parametrize("batched", [True, False], ids=["one batch", "one by one"])
def test_store_decides_exactly_as_the_core(store: Store, batched: bool) -> None:
    room = busy_newsroom()
    mutations = [m for m, _ in room.log]
    if batched:
        applied = store.apply(mutations)
    else:
        applied = [a for m in mutations for a in store.apply([m])]
    assert [a.accepted for a in applied] == [accepted for _, accepted in room.log]
    assert everything(store) == room.world.entities
    with store.engine.connect() as conn:
        logged = conn.execute(select(func.count()).select_from(MUTATIONS)).scalar()
    assert logged == sum(accepted for _, accepted in room.log)


def test_decoded_rows_share_the_strings_of_channels_people_and_tags(store: Store) -> None:
    """A board of 100,000 stories holds one string per channel, person and tag, not one per
    row (tens of megabytes), and its filters compare the same objects."""
    room = Newsroom()
    for _ in range(3):
        room.must("editor", Kind.PROPOSAL_UPDATE, room.propose(), tags=["民生", "社区"])
    store.apply([m for m, _ in room.log])
    proposals = [e for (cls, _), e in everything(store).items() if cls is Proposal]
    assert len(proposals) == 3
    first, *others = proposals
    for other in others:
        assert other.channel_id is first.channel_id
        assert other.proposer_id is first.proposer_id
        assert all(a is b for a, b in zip(other.tags, first.tags, strict=True))
    assert [p.tags for p in proposals] == [("民生", "社区")] * 3


def test_applying_the_same_mutation_twice_has_one_effect(store: Store) -> None:
    room = Newsroom()
    store.apply([m for m, _ in room.log])
    create = mutation(
        room.ids["editor"], Kind.PROPOSAL_CREATE, channel_id=room.news, title="春节文化活动预告"
    )
    first, again = store.apply([create, create])
    assert first.accepted and not first.replayed
    assert again.replayed
    (later,) = store.apply([create])
    assert later.replayed
    with store.world() as world:
        proposal = world.proposal(create.entity)
    assert proposal is not None and proposal.row_version == 1
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(TABLES[Proposal])).scalar() == 1


def test_a_refused_mutation_changes_nothing_and_says_why(store: Store) -> None:
    room = Newsroom()
    store.apply([m for m, _ in room.log])
    before = dump(store)
    attempts = [
        mutation(room.ids["editor"], Kind.CHANNEL_CREATE, name="体育"),
        mutation(room.ids["outsider"], Kind.PROPOSAL_CREATE, channel_id=room.news, title="x"),
        mutation(room.ids["editor"], Kind.PROPOSAL_CREATE, channel_id=room.news, title=""),
        mutation(room.ids["editor"], Kind.PROPOSAL_SUBMIT, new_id()),
    ]
    for attempt in attempts:
        (applied,) = store.apply([attempt])
        assert isinstance(applied.outcome, Refusal) and str(applied.outcome)
    assert dump(store) == before


def test_a_refusal_in_a_batch_does_not_block_the_rest(store: Store) -> None:
    room = Newsroom()
    store.apply([m for m, _ in room.log])
    editor = room.ids["editor"]
    good = mutation(editor, Kind.PROPOSAL_CREATE, channel_id=room.news, title="好选题")
    bad = mutation(editor, Kind.PROPOSAL_SELECT, good.entity)
    after = mutation(editor, Kind.PROPOSAL_SUBMIT, good.entity)
    outcomes = store.apply([good, bad, after])
    assert [a.accepted for a in outcomes] == [True, False, True]
    refusal = outcomes[1].outcome
    assert isinstance(refusal, Refusal) and refusal.code == RefusalCode.FORBIDDEN
    with store.world() as world:
        proposal = world.proposal(good.entity)
    assert proposal is not None and proposal.state == ProposalState.SUBMITTED
    assert proposal.row_version == 2


def test_the_outbox_holds_pending_mutations_in_order(store: Store) -> None:
    room = Newsroom()
    store.apply([m for m, _ in room.log[:3]], status=Status.ACCEPTED)
    pending = [m for m, _ in room.log[3:]]
    store.apply(pending)
    assert store.pending_count() == len(pending)
    assert store.pending() == pending


def test_migrations_run_from_empty_to_head_and_match_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with engine.begin() as conn:
            migrate.upgrade(conn)
            assert migrate.current(conn) == migrate.head()
            context = MigrationContext.configure(conn, opts={"include_name": migrate.include_name})
            assert compare_metadata(context, metadata) == []
        with engine.begin() as conn:
            migrate.downgrade(conn, "base")
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
        with engine.begin() as conn:
            migrate.upgrade(conn)
            assert migrate.current(conn) == migrate.head()
    finally:
        engine.dispose()


def test_a_lost_race_is_detected_not_overwritten(store: Store) -> None:
    room = Newsroom()
    store.apply([m for m, _ in room.log])
    create = mutation(room.ids["editor"], Kind.PROPOSAL_CREATE, channel_id=room.news, title="t")
    store.apply([create])
    with store.engine.connect() as conn:
        world = DbWorld(conn)
        proposal = world.proposal(create.entity)
        assert proposal is not None
        conn.rollback()
        store.apply(
            [mutation(room.ids["editor"], Kind.PROPOSAL_UPDATE, create.entity, title="别人先改了")]
        )
        world.stage([evolve(proposal, title="我也改了")])
        with pytest.raises(ConcurrentWriteError):
            world.flush()
        conn.rollback()
    with store.world() as fresh:
        current = fresh.proposal(create.entity)
    assert current is not None and current.title == "别人先改了"


def test_the_schema_knows_the_newest_migration() -> None:
    assert migrate.head() == SCHEMA_HEAD
