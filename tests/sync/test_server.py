"""The sync service over HTTP, on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import hashlib
import http.client
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, func, select, text, update

from newsdesk.core.ids import new_id
from newsdesk.core.mutation import Kind, mutation
from newsdesk.store.apply import MUTATIONS
from newsdesk.sync import audit, protocol
from newsdesk.sync.accounts import LOGIN_FREE as MAX_FAILURES
from newsdesk.sync.accounts import TOKENS
from newsdesk.sync.audit import AUDIT
from newsdesk.sync.audit_log import HAS_LZ4
from tests.sync.conftest import Api, LiveServer, Newsroom, keys

SignIn = Callable[..., Api]


def audit_events(engine: Engine) -> list[tuple[str, str, dict[str, Any]]]:
    with engine.connect() as conn:
        return [
            (row.event, row.login, row.detail)
            for row in conn.execute(select(AUDIT).order_by(AUDIT.c.seq))
        ]


def proposal(api: Api, room: Newsroom, **args: Any) -> Any:
    return mutation(
        api.user_id, Kind.PROPOSAL_CREATE, channel_id=room.news, title="城市书房夜间开放", **args
    )


def test_health_and_the_openapi_document(live: LiveServer) -> None:
    health = httpx.get(f"{live.url}/v1/health").json()
    assert health["status"] == "ok" and health["protocol"] == protocol.PROTOCOL
    assert health["epoch"]
    document = httpx.get(f"{live.url}/openapi.json").json()
    assert {"/v1/sync/push", "/v1/sync/pull", "/v1/auth/login", "/v1/blobs/{sha256}"} <= set(
        document["paths"]
    )


def test_sign_in_is_checked_throttled_and_audited(
    live: LiveServer, api: SignIn, engine: Engine
) -> None:
    http = httpx.Client(base_url=live.url)
    wrong = {"protocol": protocol.PROTOCOL, "login": "editor", "password": "not it"}
    answers = [http.post("/v1/auth/login", json=wrong).status_code for _ in range(MAX_FAILURES)]
    assert answers == [401] * MAX_FAILURES
    throttled = http.post("/v1/auth/login", json=wrong)
    assert throttled.status_code == 429 and int(throttled.headers["Retry-After"]) > 0
    events = [e for e, login, _ in audit_events(engine) if login == "editor"]
    assert events == ["login_failed"] * MAX_FAILURES + ["login_throttled"]
    chief = api("chief")
    assert chief.pull()["rows"]
    assert http.post("/v1/sync/pull", json={"protocol": 1}).status_code == 401
    assert chief.http.post("/v1/auth/logout").status_code == 204
    assert chief.http.post("/v1/sync/pull", json={"protocol": 1}).status_code == 401
    with engine.connect() as conn:
        stored = conn.execute(select(TOKENS.c.token_hash)).scalars().all()
    assert stored and chief.token not in stored  # only its hash is kept
    http.close()


def test_a_push_is_applied_once_however_often_it_arrives(
    api: SignIn, room: Newsroom, engine: Engine
) -> None:
    editor = api("editor")
    created = proposal(editor, room)
    first = editor.push(created).json()["outcomes"]
    again = editor.push(created).json()["outcomes"]
    assert first == again and first[0]["status"] == "accepted" and first[0]["seq"] > 0
    with engine.connect() as conn:
        count = conn.execute(
            select(func.count()).select_from(MUTATIONS).where(MUTATIONS.c.id == created.id)
        ).scalar_one()
    assert count == 1
    rows, _ = editor.pull_all()
    assert rows[("proposals", created.entity)]["title"] == "城市书房夜间开放"


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_large_values_are_kept_lz4_compressed_on_postgresql(
    api: SignIn, room: Newsroom, engine: Engine
) -> None:
    with engine.connect() as conn:
        if not conn.execute(HAS_LZ4).scalar():
            pytest.skip("this PostgreSQL server was built without LZ4")
    editor = api("editor")
    created = proposal(editor, room, angle="城市书房夜间开放，读者可以借阅图书。" * 250)
    assert editor.push(created).json()["outcomes"][0]["status"] == "accepted"
    with engine.connect() as conn:
        logged = conn.execute(
            text("SELECT pg_column_compression(args) FROM mutations WHERE id = :id"),
            {"id": created.id},
        ).scalar()
        row = conn.execute(
            text("SELECT pg_column_compression(angle) FROM proposals WHERE id = :id"),
            {"id": created.entity},
        ).scalar()
    assert (logged, row) == ("lz4", "lz4")
    rows, _ = editor.pull_all()
    assert rows[("proposals", created.entity)]["angle"] == created.args["angle"]


def test_a_refused_mutation_is_reported_and_does_not_block_the_next(
    api: SignIn, room: Newsroom
) -> None:
    editor = api("editor")
    refused = mutation(editor.user_id, Kind.PROPOSAL_SUBMIT, new_id())  # no such proposal
    fine = proposal(editor, room)
    outcomes = editor.push(refused, fine).json()["outcomes"]
    assert [o["status"] for o in outcomes] == ["refused", "accepted"]
    assert outcomes[0]["code"] == "not_found" and outcomes[0]["message"]
    page = editor.pull()
    assert {o["id"]: o["status"] for o in page["outcomes"]} == {
        refused.id: "refused",
        fine.id: "accepted",
    }
    assert editor.push(refused).json()["outcomes"] == outcomes[:1]  # the same answer again


def test_pushing_as_someone_else_is_forbidden_and_audited(
    api: SignIn, room: Newsroom, engine: Engine
) -> None:
    editor = api("editor")
    forged = mutation(room.users["chief"], Kind.PROPOSAL_CREATE, channel_id=room.news, title="x")
    answer = editor.push(forged)
    assert answer.status_code == 403
    assert "own mutations" in answer.json()["detail"]
    assert ("forbidden", "editor") in [(e, login) for e, login, _ in audit_events(engine)]
    with engine.connect() as conn:
        assert conn.execute(select(MUTATIONS).where(MUTATIONS.c.id == forged.id)).first() is None


def test_an_editor_approving_a_review_by_hand_is_forbidden_and_audited(
    api: SignIn, room: Newsroom, engine: Engine
) -> None:
    editor = api("editor")
    article_id = new_id()
    created = mutation(
        editor.user_id,
        Kind.ARTICLE_CREATE,
        article_id,
        channel_id=room.news,
        title="稿件",
        body_html="<p>正文</p>",
    )
    assert editor.push(created).json()["outcomes"][0]["status"] == "accepted"
    approval = mutation(
        editor.user_id,
        Kind.ARTICLE_REVIEW,
        article_id,
        decision_id=new_id(),
        revision_hash="0" * 64,
        level=1,
        verdict="approve",
        checked=[],
    )
    answer = editor.push(approval)
    assert answer.status_code == 403
    [outcome] = answer.json()["outcomes"]
    assert outcome["status"] == "refused" and outcome["code"] == "forbidden"
    details = [d for e, login, d in audit_events(engine) if e == "forbidden" and login == "editor"]
    assert details and details[-1]["id"] == approval.id


def test_pull_shows_only_the_channels_a_user_may_read(api: SignIn, room: Newsroom) -> None:
    editor, librarian = api("editor"), api("librarian")
    news = proposal(editor, room)
    library = mutation(
        librarian.user_id, Kind.PROPOSAL_CREATE, channel_id=room.library, title="古籍修复展"
    )
    assert editor.push(news).json()["outcomes"][0]["status"] == "accepted"
    assert librarian.push(library).json()["outcomes"][0]["status"] == "accepted"
    seen_by_librarian, _ = librarian.pull_all()
    proposals = {key for table, key in seen_by_librarian if table == "proposals"}
    assert proposals == {library.entity}
    assert ("channels", room.news) in seen_by_librarian  # channel names are for everyone
    users = [row for (table, _), row in seen_by_librarian.items() if table == "users"]
    assert users and all("password_hash" not in row for row in users)


def test_reading_another_channel_by_hand_is_forbidden_and_audited(
    api: SignIn, room: Newsroom, engine: Engine
) -> None:
    librarian = api("librarian")
    answer = librarian.http.post(
        "/v1/sync/pull",
        json={"protocol": protocol.PROTOCOL, "cursor": 0, "channels": [room.news]},
    )
    assert answer.status_code == 403
    assert ("forbidden", "librarian") in [(e, login) for e, login, _ in audit_events(engine)]


def test_bad_input_gets_a_4xx_naming_the_problem_and_changes_nothing(
    api: SignIn, room: Newsroom, engine: Engine, live: LiveServer
) -> None:
    editor = api("editor")
    with engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(MUTATIONS)).scalar_one()
    post = editor.http.post
    broken = post(
        "/v1/sync/push", content=b'{"protocol": 1, "mutations": [', headers=_json_header()
    )
    assert broken.status_code == 422 and "JSON" in broken.text
    unknown = post("/v1/sync/push", json={"protocol": 1, "mutations": [], "sneaky": True})
    assert unknown.status_code == 422 and "sneaky" in unknown.text
    wrong_type = post("/v1/sync/pull", json={"protocol": 1, "cursor": "yesterday"})
    assert wrong_type.status_code == 422 and "cursor" in wrong_type.text
    old = post("/v1/sync/pull", json={"protocol": 99, "cursor": 0})
    assert old.status_code == 426 and "protocol" in old.json()["detail"]
    huge = post(
        "/v1/sync/push",
        content=b" " * (protocol.MAX_BODY + 1),
        headers=_json_header(),
    )
    assert huge.status_code == 413
    too_many = post(
        "/v1/sync/push",
        json={
            "protocol": 1,
            "mutations": [proposal(editor, room).to_wire()] * (protocol.MAX_PUSH + 1),
        },
    )
    assert too_many.status_code == 422
    bad_kind = proposal(editor, room).to_wire() | {"kind": "proposal.explode"}
    answer = post("/v1/sync/push", json={"protocol": 1, "mutations": [bad_kind]})
    assert answer.status_code == 200
    assert answer.json()["outcomes"][0]["status"] == "refused"
    assert "proposal.explode" in answer.json()["outcomes"][0]["message"]
    with engine.connect() as conn:
        after = conn.execute(select(func.count()).select_from(MUTATIONS)).scalar_one()
    assert after == before + 1  # only the refused one, recorded for its answer


def _json_header() -> dict[str, str]:
    return {"Content-Type": "application/json"}


def test_blobs_are_stored_by_their_verified_hash(api: SignIn) -> None:
    editor = api("editor")
    data = "古籍修复".encode() * 100
    digest = hashlib.sha256(data).hexdigest()
    first = editor.http.put(f"/v1/blobs/{digest}", content=data)
    again = editor.http.put(f"/v1/blobs/{digest}", content=data)
    assert first.status_code == again.status_code == 201 and first.content == again.content
    added = mutation(editor.user_id, Kind.ATTACHMENT_ADD, digest, mime="text/plain", size=len(data))
    assert editor.push(added).status_code == 200
    assert editor.http.get(f"/v1/blobs/{digest}").content == data
    wrong = editor.http.put(f"/v1/blobs/{'0' * 64}", content=data)
    assert wrong.status_code == 400 and "SHA-256" in wrong.text
    assert editor.http.get(f"/v1/blobs/{'1' * 64}").status_code == 404
    assert editor.http.get("/v1/blobs/not-a-hash").status_code == 422
    # Announce a body over the limit: the answer comes before any of it is sent.
    host, port = editor.http.base_url.host, editor.http.base_url.port
    raw = http.client.HTTPConnection(host, port, timeout=10)
    raw.putrequest("PUT", f"/v1/blobs/{digest}")
    raw.putheader("Authorization", f"Bearer {editor.token}")
    raw.putheader("Content-Length", str(protocol.MAX_BLOB + 1))
    raw.endheaders()
    assert raw.getresponse().status == 413
    raw.close()


def test_tampering_with_one_audit_entry_is_found(
    api: SignIn, room: Newsroom, engine: Engine
) -> None:
    editor = api("editor")
    editor.push(proposal(editor, room), proposal(editor, room))
    epoch = editor.http.get("/v1/health").json()["epoch"]

    def verify() -> audit.Verdict:
        return audit.verify(engine, keys(), epoch)

    assert verify().intact, verify()
    with engine.begin() as conn:
        entries = conn.execute(select(AUDIT.c.seq).order_by(AUDIT.c.seq)).scalars().all()
        victim = entries[len(entries) // 2]
        conn.execute(update(AUDIT).where(AUDIT.c.seq == victim).values(login="someone-else"))
    assert (verify().problem, verify().seq) == ("altered", victim)


def test_numbers_beyond_the_columns_range_are_refused_not_a_server_error(api: SignIn) -> None:
    """Found by the fuzz run on PostgreSQL: a cursor past 32 bits reached the database."""
    editor = api("editor")
    answer = editor.http.post(
        "/v1/sync/pull", json={"protocol": protocol.PROTOCOL, "cursor": 30540835287}
    )
    assert answer.status_code == 422 and "cursor" in answer.text
    wire = mutation(editor.user_id, Kind.PROPOSAL_DELETE, "x", base_version=2**40).to_wire()
    answer = editor.http.post(
        "/v1/sync/push", json={"protocol": protocol.PROTOCOL, "mutations": [wire]}
    )
    assert answer.status_code == 422 and "base_version" in answer.text
