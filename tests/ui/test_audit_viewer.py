"""The audit viewer on the Admin page, through real widgets against the real service on
127.0.0.1 (SQLite and PostgreSQL): an administrator filters and exports, an auditor sees the
alerts and changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from newsdesk.core.mutation import Kind, mutation
from newsdesk.store.store import make_engine
from newsdesk.store.workspace import Workspace
from newsdesk.sync import accounts, admin
from newsdesk.ui.admin.dialogs import UserDialog
from newsdesk.ui.admin.models import UsersModel
from newsdesk.ui.admin.page import AdminPage
from newsdesk.ui.jobs import Runner
from newsdesk.ui.session import Session
from newsdesk.ui.sync.controller import SyncController
from tests.sync.conftest import PASSWORD, Api, LiveServer, Newsroom, keys, seed
from tests.sync.desks import Desk
from tests.ui.conftest import until

SHOTS = Path("/tmp/newsdesk-shots/20")


@pytest.fixture
def server(database_url: str) -> Iterator[tuple[LiveServer, Newsroom, Engine]]:
    engine = make_engine(database_url)
    room = seed(engine)
    admin.add_user(engine, keys(), "shenji", "钱审计", PASSWORD, False, is_auditor=True)
    with LiveServer(engine, trust_forwarded=True) as live:
        yield live, room, engine
    engine.dispose()


def a_working_day(live: LiveServer, room: Newsroom) -> None:
    """Proposals, a role change, and someone guessing the chief's password from afar."""
    editor, administrator = Api(live.url, "editor"), Api(live.url, "admin")
    for title in ("城市书房夜间开放", "社区图书馆志愿者招募"):
        editor.push(
            mutation(editor.user_id, Kind.PROPOSAL_CREATE, channel_id=room.news, title=title)
        )
    administrator.push(
        mutation(
            administrator.user_id,
            Kind.ROLE_GRANT,
            f"{editor.user_id}/{room.library}/chief",
            user_id=editor.user_id,
            channel_id=room.library,
            role="chief",
        )
    )
    for attempt in range(6):
        httpx.post(
            f"{live.url}/v1/auth/login",
            json={"protocol": 1, "login": "chief", "password": f"guess{attempt}"},
            headers={"X-Forwarded-For": "203.0.113.66"},
        )
    editor.close()
    administrator.close()


def open_admin_page(
    qtbot: QtBot, folder: Path, user_id: str, runner: Runner
) -> tuple[Workspace, SyncController, AdminPage]:
    workspace = Workspace.open(folder)
    session = Session.sign_in(workspace, user_id, runner)
    sync = SyncController(session)
    page = AdminPage(session, sync)
    qtbot.addWidget(page)
    page.resize(1280, 720)  # a 1080p laptop at 150 %
    page.show()
    page.tabs.setCurrentWidget(page.audit_tab)
    return workspace, sync, page


def test_the_audit_viewer_filters_verifies_exports_and_shows_the_alerts(
    qtbot: QtBot,
    tmp_path: Path,
    server: tuple[LiveServer, Newsroom, Engine],
    run: Any,
    chinese: None,
) -> None:
    live, room, _ = server
    a_working_day(live, room)
    admin_desk = Desk(tmp_path / "admin", live.url, "admin")
    auditor_desk = Desk(tmp_path / "auditor", live.url, "shenji")
    admin_desk.close()
    auditor_desk.close()
    runner = Runner()
    opened: list[tuple[Workspace, SyncController, AdminPage]] = []
    SHOTS.mkdir(parents=True, exist_ok=True)

    async def flow() -> None:
        workspace, sync, page = open_admin_page(
            qtbot, tmp_path / "admin", admin_desk.user_id, runner
        )
        opened.append((workspace, sync, page))
        sync.start(live.url)
        await until(lambda: sync.client is not None)
        tab = page.audit_tab
        tab.result.setCurrentIndex(tab.result.findData("failed"))
        tab.person.setText("chief")
        loaded: list[bool] = []
        tab.loaded.connect(lambda: loaded.append(True))
        tab.reload()
        await until(lambda: bool(loaded))
        entries = tab.model.entries
        # The sixth guess was throttled, not checked: five failures.
        assert len(entries) == 5 and {e.event for e in entries} == {"login_failed"}
        assert {e.address for e in entries} == {"203.0.113.66"}
        texts = [tab.alerts.item(i).text() for i in range(tab.alerts.count())]
        assert any("chief" in t and "5" in t for t in texts), texts
        assert any("role" in t.lower() or "角色" in t for t in texts), texts
        page.grab().save(str(SHOTS / "audit-viewer-filtered-zh_CN.png"))
        verdicts: list[str] = []
        tab.verified.connect(verdicts.append)
        tab.verify()
        await until(lambda: bool(verdicts))
        assert "NOT" not in verdicts[0] and "不" not in verdicts[0].split("：")[0], verdicts
        exported = tmp_path / "审计.xlsx"
        loaded.clear()
        tab.export_to(exported)
        await until(lambda: exported.exists() and bool(loaded))
        assert exported.read_bytes()[:2] == b"PK"

        workspace, sync, page = open_admin_page(
            qtbot, tmp_path / "auditor", auditor_desk.user_id, runner
        )
        opened.append((workspace, sync, page))
        assert page.read_only
        assert not page.users_tab.new_button.isVisible()
        assert not page.channels_tab.new_button.isVisible()
        sync.start(live.url)
        await until(lambda: sync.client is not None)
        tab = page.audit_tab
        loaded.clear()
        tab.loaded.connect(lambda: loaded.append(True))
        tab.reload()
        await until(lambda: bool(loaded))
        assert tab.alerts.count() >= 2
        page.grab().save(str(SHOTS / "audit-viewer-auditor-alerts-zh_CN.png"))

    try:
        run(flow())
    finally:
        for _, sync, _ in opened:
            sync.shutdown()
        runner.shutdown()
        for workspace, _, _ in opened:
            workspace.close()


def test_the_admin_page_sets_passwords_through_the_server_under_its_policy(
    qtbot: QtBot,
    tmp_path: Path,
    server: tuple[LiveServer, Newsroom, Engine],
    run: Any,
    english: None,
) -> None:
    live, _, _ = server
    admin_desk = Desk(tmp_path / "admin", live.url, "admin")
    admin_desk.close()
    runner = Runner()
    workspace, sync, page = open_admin_page(qtbot, tmp_path / "admin", admin_desk.user_id, runner)
    dialog = UserDialog(parent=page)
    dialog.login.setText("wangfang")
    dialog.name.setText("王芳")
    for weak in ("a123456", "12345678", "wangfang"):
        dialog.password.setText(weak)
        dialog.again.setText(weak)
        assert dialog.problem(), weak  # refused before it leaves the dialog
    dialog.password.setText("春江-水暖-鸭先知")
    dialog.again.setText("春江-水暖-鸭先知")
    assert dialog.problem() == ""

    async def flow() -> None:
        sync.start(live.url)
        await until(lambda: sync.client is not None)
        page.users_tab._create(dialog)
        await until(lambda: "wangfang" in page.message_bar.text)

    try:
        run(flow())
    finally:
        sync.shutdown()
        runner.shutdown()
        workspace.close()
    assert Api(live.url, "wangfang", "春江-水暖-鸭先知").user_id


def test_the_admin_page_shows_a_locked_login_and_unlocks_it_through_the_server(
    qtbot: QtBot,
    tmp_path: Path,
    server: tuple[LiveServer, Newsroom, Engine],
    run: Any,
    chinese: None,
) -> None:
    live, room, _ = server

    def sign_in(password: str, address: str) -> int:
        answer = httpx.post(
            f"{live.url}/v1/auth/login",
            json={"protocol": 1, "login": "reviewer2", "password": password},
            headers={"X-Forwarded-For": address},
        )
        return answer.status_code

    for attempt in range(accounts.LOGIN_LOCK):  # guesses from many places, waiting each out
        live.service.log.clock = lambda a=attempt: accounts.utc_now() + a * accounts.MAX_WAIT
        sign_in("wrong", f"10.0.{attempt}.1")
    live.service.log.clock = lambda: accounts.utc_now() + 30 * accounts.MAX_WAIT
    assert sign_in(PASSWORD, "10.9.9.9") == 429  # locked, the right password too
    admin_desk = Desk(tmp_path / "admin", live.url, "admin")
    admin_desk.close()
    runner = Runner()
    workspace, sync, page = open_admin_page(qtbot, tmp_path / "admin", admin_desk.user_id, runner)
    page.tabs.setCurrentWidget(page.users_tab)
    tab = page.users_tab
    SHOTS.mkdir(parents=True, exist_ok=True)

    def lock_of(login: str) -> str:
        row = tab.model.row_of(room.users[login])
        assert row is not None
        return str(tab.model.data(tab.model.index(row, UsersModel.LOCKED)))

    async def flow() -> None:
        await until(lambda: tab.model.rowCount() > 0)
        assert not tab.unlock_button.isEnabled()  # no server asked yet
        sync.start(live.url)
        await until(lambda: tab.locks_known)
        assert lock_of("reviewer2") == "已锁定" and lock_of("editor") == ""
        tab.select(room.users["editor"])
        assert not tab.unlock_button.isEnabled()
        tab.select(room.users["reviewer2"])
        assert tab.unlock_button.isEnabled() and tab.unlock_button.text() == "解锁"
        page.grab().save(str(SHOTS / "admin-locked-login-zh_CN.png"))
        tab.unlock_button.click()
        await until(lambda: "已解锁" in page.message_bar.text)
        await until(lambda: lock_of("reviewer2") == "")
        assert not tab.unlock_button.isEnabled()
        page.grab().save(str(SHOTS / "admin-unlocked-login-zh_CN.png"))

    try:
        run(flow())
    finally:
        sync.shutdown()
        runner.shutdown()
        workspace.close()
    assert sign_in(PASSWORD, "10.9.9.9") == 200
