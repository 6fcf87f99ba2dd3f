"""The audit trail an attacker with the database tried to bend, and the one administrators and
auditors read: through the real service on 127.0.0.1 and ``newsdesk-server`` (SQLite and
PostgreSQL)."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
from collections.abc import Callable
from pathlib import Path

import httpx
from sqlalchemy import Engine, delete, func, select, update

from newsdesk.core.ids import new_id
from newsdesk.core.model import Channel, RoleGrant, User
from newsdesk.core.mutation import Kind, mutation
from newsdesk.store import migrate
from newsdesk.store.codec import TABLES, row_to_json
from newsdesk.store.store import SETTINGS, make_engine
from newsdesk.sync import audit, protocol
from newsdesk.sync.audit import AUDIT
from newsdesk.sync.audit_log import EPOCH_KEY
from newsdesk.sync.service import Service
from tests.sync.conftest import Api, LiveServer, Newsroom, keys
from tests.sync.test_server_cli import server

SignIn = Callable[..., Api]


def verify(database_url: str) -> tuple[int, str]:
    done = server("audit", "verify", "--db", database_url)
    return done.returncode, done.stdout + done.stderr


def some_work(api: SignIn, room: Newsroom) -> None:
    editor = api("editor")
    for title in ("城市书房", "夜间开放", "志愿者招募"):
        made = mutation(editor.user_id, Kind.PROPOSAL_CREATE, channel_id=room.news, title=title)
        assert editor.push(made).status_code == 200
    httpx.post(
        f"{editor.http.base_url}".rstrip("/") + "/v1/auth/login",
        json={"protocol": 1, "login": "editor", "password": "wrong"},
    )


def test_removing_the_newest_entries_or_rewriting_the_chain_is_found(
    api: SignIn, room: Newsroom, engine: Engine, database_url: str
) -> None:
    some_work(api, room)
    assert verify(database_url)[0] == 0
    with engine.connect() as conn:
        newest = conn.execute(select(func.max(AUDIT.c.seq))).scalar_one()
        rows = [dict(r) for r in conn.execute(select(AUDIT).order_by(AUDIT.c.seq)).mappings()]
    # The newest two entries (the failed sign-in among them) deleted: the anchor knows better.
    with engine.begin() as conn:
        conn.execute(delete(AUDIT).where(AUDIT.c.seq > newest - 2))
    code, said = verify(database_url)
    assert code == 1 and "cut short" in said, said
    # The whole chain recomputed without the failed sign-in, as the attacker did with SHA-256:
    # without the key, the hashes cannot be made to verify.
    with engine.begin() as conn:
        conn.execute(delete(AUDIT))
        kept = [r for r in rows if r["event"] != "login_failed"]
        prev = audit.GENESIS
        for seq, row in enumerate(kept, 1):
            row.update(seq=seq, prev_hash=prev)
            row["hash"] = audit.entry_hash(b"guessed key", prev, audit._entry(row))
            prev = row["hash"]
            conn.execute(AUDIT.insert().values(**row))
    code, said = verify(database_url)
    assert code == 1 and "changed after it was written" in said, said


def test_a_change_stamped_in_another_time_zone_is_vouched_for_as_the_database_holds_it(
    api: SignIn, room: Newsroom, database_url: str
) -> None:
    # The digest is computed from the pushed change, not read back; SQLite keeps a time's wall
    # clock without its offset, so that digest must still match what verifying reads.
    editor = api("editor")
    made = mutation(editor.user_id, Kind.PROPOSAL_CREATE, channel_id=room.news, title="早班")
    shanghai = dt.timezone(dt.timedelta(hours=8))
    wire = {**made.to_wire(), "at": made.at.astimezone(shanghai).isoformat()}
    pushed = editor.http.post(
        "/v1/sync/push", json={"protocol": protocol.PROTOCOL, "mutations": [wire]}
    )
    assert pushed.status_code == 200 and pushed.json()["outcomes"][0]["status"] == "accepted"
    code, said = verify(database_url)
    assert code == 0, said


def test_the_ledger_changed_in_the_database_is_found(
    api: SignIn, room: Newsroom, engine: Engine, database_url: str
) -> None:
    some_work(api, room)
    assert verify(database_url)[0] == 0
    users = TABLES[User]
    with engine.begin() as conn:  # make the editor an administrator, quietly
        conn.execute(update(users).where(users.c.login == "editor").values(is_admin=True))
    code, said = verify(database_url)
    assert code == 1 and "users row" in said and room.users["editor"] in said, said
    with engine.begin() as conn:
        conn.execute(update(users).where(users.c.login == "editor").values(is_admin=False))
    assert verify(database_url)[0] == 0
    grants = TABLES[RoleGrant]
    key = f"{room.users['editor']}/{room.library}/chief"
    with engine.begin() as conn:  # a role granted by SQL
        conn.execute(
            grants.insert().values(
                id=key,
                user_id=room.users["editor"],
                channel_id=room.library,
                role="chief",
                active=True,
                row_version=1,
            )
        )
    code, said = verify(database_url)
    assert code == 1 and "role_grants row" in said, said


def test_a_channels_publishing_interval_is_covered_and_older_channels_still_verify(
    api: SignIn, room: Newsroom, engine: Engine, database_url: str
) -> None:
    channels = TABLES[Channel]
    with engine.connect() as conn:
        row = conn.execute(select(channels).where(channels.c.id == room.news)).mappings().one()
    # What the chain vouched for before channels had an interval: the row without the column.
    before = row_to_json(channels, row)
    del before["silence_days"]
    assert audit.row_digests("channels", [row]) == {room.news: audit.digest(before)}
    with engine.begin() as conn:  # an interval set by SQL, behind the service's back
        conn.execute(update(channels).where(channels.c.id == room.news).values(silence_days=7))
    code, said = verify(database_url)
    assert code == 1 and "channels row" in said and room.news in said, said
    with engine.begin() as conn:
        conn.execute(update(channels).where(channels.c.id == room.news).values(silence_days=None))
    assert verify(database_url)[0] == 0
    admin = api("admin")
    setting = mutation(admin.user_id, Kind.CHANNEL_UPDATE, room.news, silence_days=7)
    assert admin.push(setting).json()["outcomes"][0]["status"] == "accepted"
    code, said = verify(database_url)
    assert code == 0, said


def test_a_backup_edited_truncated_or_with_a_repeated_row_is_refused_saying_why(
    api: SignIn, room: Newsroom, database_url: str, tmp_path: Path
) -> None:
    some_work(api, room)
    made = tmp_path / "backup.jsonl.gz"
    assert server("backup", "--db", database_url, "--out", str(made)).returncode == 0
    with gzip.open(made, "rt", encoding="utf-8") as file:
        lines = file.readlines()

    def variant(name: str, changed: list[str]) -> Path:
        path = tmp_path / name
        with gzip.open(path, "wt", encoding="utf-8") as file:
            file.writelines(changed)
        return path

    promoted = [
        line.replace('"is_admin": false', '"is_admin": true')
        if '"login": "editor"' in line
        else line
        for line in lines
    ]
    cut = lines[: len(lines) * 2 // 3]
    repeated = [*lines[:-1], lines[len(lines) // 2], lines[-1]]
    cases = {
        "edited": (variant("edited.gz", promoted), "does not match its signature"),
        "truncated": (variant("truncated.gz", cut), "incomplete"),
        "repeated": (variant("repeated.gz", repeated), "does not match its signature"),
    }
    for name, (path, reason) in cases.items():
        target = f"sqlite:///{tmp_path / f'{name}.db'}"
        refused = server("restore", "--db", target, "--from", str(path))
        assert refused.returncode == 2, (name, refused.stdout)
        assert reason in refused.stderr and "Traceback" not in refused.stderr, refused.stderr
    intact = server("restore", "--db", f"sqlite:///{tmp_path / 'ok.db'}", "--from", str(made))
    assert intact.returncode == 0, intact.stderr
    assert verify(f"sqlite:///{tmp_path / 'ok.db'}")[0] == 0


def test_the_audit_log_is_read_filtered_exported_and_verified_by_auditors_only(
    api: SignIn,
    room: Newsroom,
    live: LiveServer,
    engine: Engine,
    database_url: str,
    tmp_path: Path,
) -> None:
    some_work(api, room)
    assert (
        server(
            "users",
            "add",
            "--db",
            database_url,
            "--login",
            "shenji",
            "--name",
            "审计员",
            "--auditor",
            password="审计-只读-2026",
        ).returncode
        == 0
    )
    for _ in range(5):  # many failed sign-ins: an alert
        httpx.post(
            f"{live.url}/v1/auth/login",
            json={"protocol": 1, "login": "chief", "password": "wrong"},
        )
    auditor, editor = api("shenji", "审计-只读-2026"), api("editor")
    query = {"protocol": 1, "login": "chief", "result": "failed"}
    page = auditor.http.post("/v1/audit/entries", json=query)
    assert page.status_code == 200, page.text
    found = page.json()
    assert {e["event"] for e in found["entries"]} == {"login_failed"}
    assert len(found["entries"]) == 5 and all(e["address"] for e in found["entries"])
    assert any(a["kind"] == "failed_sign_ins" and a["subject"] == "chief" for a in found["alerts"])
    assert auditor.http.post("/v1/audit/verify", json={"protocol": 1}).json()["intact"]
    assert editor.http.post("/v1/audit/entries", json={"protocol": 1}).status_code == 403
    # The auditor changes nothing: a role grant from them is refused.
    grant = mutation(
        auditor.user_id,
        Kind.ROLE_GRANT,
        f"{auditor.user_id}/{room.news}/chief",
        user_id=auditor.user_id,
        channel_id=room.news,
        role="chief",
    )
    assert auditor.push(grant).json()["outcomes"][0]["status"] == "refused"
    # Desktops report what the server would not otherwise know.
    reported = editor.http.post(
        "/v1/audit/events",
        json={
            "protocol": 1,
            "events": [
                {"id": new_id(), "at": "2026-12-04T08:00:00+08:00", "event": "offline_sign_in"},
                {
                    "id": new_id(),
                    "at": "2026-12-04T09:00:00+08:00",
                    "event": "export",
                    "detail": {"files": 12},
                },
            ],
        },
    )
    assert reported.status_code == 204
    today = dt.date.today()
    out = tmp_path / "audit.csv"
    exported = server(
        "audit",
        "export",
        "--db",
        database_url,
        "--from",
        str(today - dt.timedelta(days=1)),
        "--to",
        str(today),
        "--out",
        str(out),
    )
    assert exported.returncode == 0, exported.stderr
    with out.open(encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file))
    events = {row["event"] for row in rows}
    assert {"login", "login_failed", "mutation", "offline_sign_in", "desktop_export"} <= events
    xlsx = tmp_path / "audit.xlsx"
    assert server("audit", "export", "--db", database_url, "--out", str(xlsx)).returncode == 0
    assert xlsx.read_bytes()[:2] == b"PK"


def test_old_entries_are_archived_with_the_chain_head_never_silently_deleted(
    database_url: str, tmp_path: Path
) -> None:
    engine = make_engine(database_url)
    seven_months_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=214)
    try:
        with engine.begin() as conn:  # a service that ran seven months ago
            migrate.upgrade(conn)
            conn.execute(SETTINGS.insert().values(key=EPOCH_KEY, value=new_id()))
            old = [
                audit.Entry("login_failed", f"u{i}", None, {}, "192.0.2.1", "failed")
                for i in range(5)
            ]
            audit.append(conn, keys().key, seven_months_ago, old)
        Service(engine, keys=keys()).log.seal_ledger()  # and an entry of today
        young = server(
            "audit",
            "archive",
            "--db",
            database_url,
            "--before",
            str(dt.date.today() - dt.timedelta(days=30)),
            "--out",
            str(tmp_path / "a"),
        )
        assert young.returncode == 2 and "at least 183 days" in young.stderr
        out = tmp_path / "audit-2026H1.jsonl.gz"
        moved = server(
            "audit",
            "archive",
            "--db",
            database_url,
            "--before",
            str(dt.date.today() - dt.timedelta(days=200)),
            "--out",
            str(out),
        )
        assert moved.returncode == 0, moved.stderr
        assert "Archived 5 audit entries" in moved.stdout
        with gzip.open(out, "rt", encoding="utf-8") as file:
            archived = [json.loads(line) for line in file]
        assert archived[0]["format"] == "newsdesk-audit-archive"
        assert archived[-1]["end"] is True and archived[-1]["head"] == archived[-2]["hash"]
        with engine.connect() as conn:
            events = list(conn.execute(select(AUDIT.c.event).order_by(AUDIT.c.seq)).scalars())
        assert events == ["ledger_sealed", "audit_archived"]
        code, said = verify(database_url)
        assert code == 0, said
        with engine.begin() as conn:  # removing entries and claiming an archive does not do
            conn.execute(delete(AUDIT).where(AUDIT.c.event == "ledger_sealed"))
        assert verify(database_url)[0] == 1
    finally:
        engine.dispose()
