"""What an attacker found in the sync service, each closed, over HTTP against the real service
on 127.0.0.1 (SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib
import json
import socket
import time
from collections.abc import Callable

import httpx
from sqlalchemy import Engine, func, select

from newsdesk.core.articles import current_hash
from newsdesk.core.ids import new_id
from newsdesk.core.model import Article, ChecklistItem, MaterialKind
from newsdesk.core.mutation import Kind, Mutation, mutation
from newsdesk.store.apply import MUTATIONS
from newsdesk.store.codec import TABLES, from_row, row_from_json
from newsdesk.sync.audit import AUDIT
from tests.sync.conftest import PASSWORD, Api, LiveServer, Newsroom

SignIn = Callable[..., Api]


def test_an_attachment_is_read_only_by_those_who_may_read_an_item_referring_to_it(
    api: SignIn, room: Newsroom
) -> None:
    editor, librarian, reviewer = api("editor"), api("librarian"), api("reviewer1")
    data = "人事调整方案（内部）".encode() * 200
    sha = hashlib.sha256(data).hexdigest()
    assert editor.http.put(f"/v1/blobs/{sha}", content=data).status_code == 201
    added = mutation(
        editor.user_id,
        Kind.ATTACHMENT_ADD,
        sha,
        mime="application/pdf",
        size=len(data),
        name="机密-人事调整.pdf",
    )
    file = {"kind": MaterialKind.FILE.value, "value": sha, "label": "机密-人事调整.pdf"}
    proposed = mutation(
        editor.user_id, Kind.PROPOSAL_CREATE, channel_id=room.news, title="人事", materials=[file]
    )
    outcomes = editor.push(added, proposed).json()["outcomes"]
    assert [o["status"] for o in outcomes] == ["accepted", "accepted"]

    def pulled(who: Api) -> set[str]:
        rows, _ = who.pull_all()
        return {key for table, key in rows if table == "attachments"}

    assert sha not in pulled(librarian)  # 图书馆 only: neither the row
    assert librarian.http.get(f"/v1/blobs/{sha}").status_code == 404  # nor the file
    assert sha in pulled(reviewer)  # 新闻 reads the proposal, so the file
    assert reviewer.http.get(f"/v1/blobs/{sha}").content == data
    assert editor.http.get(f"/v1/blobs/{sha}").content == data

    # The same file referred to in 图书馆 later: now its members get the row, with a new number.
    _, cursor = librarian.pull_all()
    chief = api("chief")
    shared = mutation(
        chief.user_id, Kind.PROPOSAL_CREATE, channel_id=room.library, title="共用", materials=[file]
    )
    assert chief.push(shared).json()["outcomes"][0]["status"] == "accepted"
    later = librarian.pull(cursor)
    assert sha in {row["key"] for row in later["rows"] if row["table"] == "attachments"}
    assert librarian.http.get(f"/v1/blobs/{sha}").content == data


def test_every_answer_carries_the_security_headers_and_the_docs_page_is_off(
    live: LiveServer, api: SignIn
) -> None:
    editor = api("editor")
    answers = [
        httpx.get(f"{live.url}/v1/health"),
        httpx.post(
            f"{live.url}/v1/auth/login",
            json={"protocol": 1, "login": "editor", "password": PASSWORD},
        ),
        editor.http.post("/v1/sync/pull", json={"protocol": 1}),
        httpx.post(f"{live.url}/v1/sync/pull", json={"protocol": 1}),  # 401
    ]
    for answer in answers:
        assert answer.headers["Cache-Control"] == "no-store"
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["X-Frame-Options"] == "DENY"
        assert "default-src 'none'" in answer.headers["Content-Security-Policy"]
        assert "Strict-Transport-Security" not in answer.headers  # plain HTTP here
    assert httpx.get(f"{live.url}/docs").status_code == 404
    assert httpx.get(f"{live.url}/redoc").status_code == 404
    assert httpx.get(f"{live.url}/openapi.json").status_code == 200


def raw_post(url: str, path: str, body: str, token: str | None = None) -> httpx.Response:
    """A body as an attacker writes it: JSON text with escapes no client library would send."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.post(f"{url}{path}", content=body.encode(), headers=headers)


def test_nul_surrogates_impossible_times_and_path_ids_are_refused_naming_the_field(
    live: LiveServer, api: SignIn, room: Newsroom, engine: Engine
) -> None:
    editor = api("editor")

    def push(**fields: str) -> httpx.Response:
        """A push whose named fields (``title``: the args') are the raw JSON given."""
        wire = {
            "id": new_id(),
            "actor": editor.user_id,
            "at": "2026-12-04T10:00:00+08:00",
            "kind": "proposal.create",
            "entity": new_id(),
            "args": {"channel_id": room.news, "title": "标题"},
        }
        text = json.dumps({"protocol": 1, "mutations": [wire]}, ensure_ascii=False)
        for name, raw in fields.items():  # spliced in raw: JSON escapes of lone surrogates
            value = wire["args"]["title"] if name == "title" else wire[name]
            text = text.replace(json.dumps(value, ensure_ascii=False), raw, 1)
        return raw_post(live.url, "/v1/sync/push", text, editor.token)

    with engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(MUTATIONS)).scalar_one()
    bad = {
        "at": ['"9999-12-31T23:59:59-14:00"', '"0001-01-01T00:00:00+14:00"'],
        "entity": ['"../../../../x"', '"a b"', '"x\\ny"', '"\\u0000"'],
        "id": ['"\\ud800"', '"\\udc00\\ud800"', '"../x"'],
        "actor": ['"\\u0000"'],
    }
    for name, values in bad.items():
        for value in values:
            answer = push(**{name: value})
            assert answer.status_code == 422, (name, value, answer.text)
            assert name in json.dumps(answer.json()["detail"]), answer.text
    for title in ['"\\u0000标题"', '"\\ud800"', '"\\udc00\\ud800"']:
        answer = push(title=title)  # the title is deep in args
        assert answer.status_code == 422 and "args" in answer.text, answer.text
    for login in ['"edi\\u0000tor"', '"\\ud800"', '"\\udc00\\ud800"']:
        answer = raw_post(
            live.url, "/v1/auth/login", f'{{"protocol":1,"login":{login},"password":"x"}}'
        )
        assert answer.status_code == 422 and "login" in answer.text, answer.text
    with engine.connect() as conn:
        after = conn.execute(select(func.count()).select_from(MUTATIONS)).scalar_one()
    assert after == before


def test_a_body_shorter_than_announced_is_answered_408_within_seconds(
    engine: Engine, room: Newsroom
) -> None:
    del room
    with LiveServer(engine, body_idle=1.0) as live:
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", live.port), timeout=20) as raw:
            raw.sendall(
                b"POST /v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b'Content-Length: 1000\r\n\r\n{"protocol": 1'
            )
            answer = raw.recv(4096).decode()
        assert answer.startswith("HTTP/1.1 408"), answer
        assert time.monotonic() - started < 10
        assert httpx.get(f"{live.url}/v1/health").status_code == 200


def test_a_review_reusing_a_decision_id_is_refused_not_a_server_error(
    api: SignIn, room: Newsroom
) -> None:
    editor, reviewer = api("editor"), api("reviewer1")

    def submitted_article() -> tuple[str, str]:
        article = new_id()
        created = mutation(
            editor.user_id,
            Kind.ARTICLE_CREATE,
            article,
            channel_id=room.news,
            title="稿件",
            body_html="<p>正文</p>",
        )
        assert editor.push(created).json()["outcomes"][0]["status"] == "accepted"
        row = editor.pull_all()[0][("articles", article)]
        submit = mutation(
            editor.user_id,
            Kind.ARTICLE_SUBMIT,
            article,
            revision_id=new_id(),
            content_hash=current_hash(from_row(Article, row_from_json(TABLES[Article], row))),
        )
        assert editor.push(submit).json()["outcomes"][0]["status"] == "accepted"
        return article, editor.pull_all()[0][("articles", article)]["revision_hash"]

    decision = new_id()

    def review(article: str, revision_hash: str) -> httpx.Response:
        return reviewer.push(
            mutation(
                reviewer.user_id,
                Kind.ARTICLE_REVIEW,
                article,
                decision_id=decision,
                revision_hash=revision_hash,
                level=1,
                verdict="approve",
                checked=[item.value for item in ChecklistItem],
            )
        )

    assert review(*submitted_article()).json()["outcomes"][0]["status"] == "accepted"
    again = review(*submitted_article())  # another article, the same decision id
    assert again.status_code == 200, again.text
    [outcome] = again.json()["outcomes"]
    assert outcome["status"] == "refused" and outcome["code"] == "duplicate"


def test_a_refused_mutation_keeps_its_reason_and_size_not_its_payload(
    api: SignIn, room: Newsroom, engine: Engine
) -> None:
    editor = api("editor")
    huge = "标" * 1_000_000
    refused = mutation(editor.user_id, Kind.PROPOSAL_CREATE, channel_id=room.news, title=huge)
    [outcome] = editor.push(refused).json()["outcomes"]
    assert outcome["status"] == "refused" and "too long" in outcome["message"]
    with engine.connect() as conn:
        row = conn.execute(select(MUTATIONS).where(MUTATIONS.c.id == refused.id)).mappings().one()
        logged = (
            conn.execute(select(AUDIT.c.detail).where(AUDIT.c.event == "mutation_refused"))
            .scalars()
            .all()
        )
    assert row["args"] == {} and row["refusal"]["size"] > 1_000_000
    assert len(json.dumps(row["refusal"])) < 2000
    assert [d["id"] for d in logged] == [refused.id] and logged[0]["size"] > 1_000_000


def test_referring_to_a_file_needs_having_it(api: SignIn, room: Newsroom) -> None:
    """Knowing another channel's file's hash is not having the file: an item referring to it is
    refused unless its author may read an item referring to it or uploaded the same bytes."""
    editor, librarian = api("editor"), api("librarian")
    data = "干部任免名单（机密）".encode() * 300
    sha = hashlib.sha256(data).hexdigest()
    uploaded = editor.http.put(f"/v1/blobs/{sha}", content=data)
    added = mutation(
        editor.user_id, Kind.ATTACHMENT_ADD, sha, mime="application/pdf", size=len(data)
    )
    file = {"kind": MaterialKind.FILE.value, "value": sha, "label": "机密.pdf"}
    secret = mutation(
        editor.user_id, Kind.PROPOSAL_CREATE, channel_id=room.news, title="任免", materials=[file]
    )
    assert [o["status"] for o in editor.push(added, secret).json()["outcomes"]] == ["accepted"] * 2

    # 图书馆's editor learnt the hash: a proposal, an article cover or body, an attachment row.
    unknown = hashlib.sha256(b"never uploaded").hexdigest()
    article = new_id()

    def attempts(digest: str) -> list[Mutation]:
        material = {**file, "value": digest}
        return [
            mutation(
                librarian.user_id,
                Kind.PROPOSAL_CREATE,
                channel_id=room.library,
                title="借用",
                materials=[material],
            ),
            mutation(librarian.user_id, Kind.ATTACHMENT_ADD, digest, mime="image/png", size=9),
            mutation(
                librarian.user_id,
                Kind.ARTICLE_CREATE,
                article,
                channel_id=room.library,
                title="封面",
                cover=digest,
                body_html=f'<p><img src="attachment:{digest}" alt=""></p>',
            ),
        ]

    stolen = librarian.push(*attempts(sha)).json()["outcomes"]
    assert [o["status"] for o in stolen] == ["refused"] * 3
    assert librarian.http.get(f"/v1/blobs/{sha}").status_code == 404
    rows, _ = librarian.pull_all()
    assert ("attachments", sha) not in rows
    # Refused alike whether the file exists or not: the answer does not tell.
    never = librarian.push(*attempts(unknown)).json()["outcomes"]
    assert [o["message"] for o in never] == [o["message"] for o in stolen]
    assert "have not uploaded" in stolen[0]["message"]

    # Uploading answers alike whether the bytes were there; the same bytes prove having them.
    other = "馆藏目录".encode() * 50
    fresh = librarian.http.put(f"/v1/blobs/{hashlib.sha256(other).hexdigest()}", content=other)
    again = librarian.http.put(f"/v1/blobs/{sha}", content=data)
    assert (fresh.status_code, fresh.content) == (again.status_code, again.content)
    assert (uploaded.status_code, uploaded.content) == (again.status_code, again.content)
    retried = librarian.push(*attempts(sha)).json()["outcomes"]
    assert [o["status"] for o in retried] == ["accepted"] * 3
    assert librarian.http.get(f"/v1/blobs/{sha}").content == data
