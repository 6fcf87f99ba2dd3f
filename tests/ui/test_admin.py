"""Administration through real widgets: users, passwords, roles per channel, channels."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from newsdesk.core.model import Channel, Role, Target, User
from newsdesk.passwords import verify_password
from newsdesk.store.directory import directory
from newsdesk.store.workspace import Workspace
from newsdesk.ui.admin.dialogs import ChannelDialog, PasswordDialog, UserDialog
from newsdesk.ui.admin.models import ROLES, UsersModel
from newsdesk.ui.admin.page import AdminPage
from newsdesk.ui.session import Session

SHOTS = Path("/tmp/newsdesk-shots")
SignIn = Callable[[str], Session]


def admin_page(qtbot: QtBot, session: Session) -> AdminPage:
    page = AdminPage(session)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    if session.actor.is_admin:
        qtbot.waitUntil(lambda: page.users_tab.model.rowCount() > 0)
    return page


def user_named(workspace: Workspace, login: str) -> User | None:
    with workspace.store.world() as world:
        return world.user_by_login(login)


def channel_named(workspace: Workspace, name: str) -> Channel | None:
    with workspace.store.world() as world:
        return world.channel_by_name(name)


def roles_in_store(workspace: Workspace, user_id: str) -> set[tuple[str, Role]]:
    with workspace.store.engine.connect() as conn:
        return set(directory(conn).roles_of(user_id))


def select_user(qtbot: QtBot, page: AdminPage, login: str) -> None:
    tab = page.users_tab
    qtbot.waitUntil(lambda: user_row(page, login) is not None)
    row = user_row(page, login)
    assert row is not None
    tab.table.setCurrentIndex(tab.model.index(row, 0))


def user_row(page: AdminPage, login: str) -> int | None:
    model = page.users_tab.model
    return next((r for r in range(model.rowCount()) if model.user(r).login == login), None)


def click_check(qtbot: QtBot, view: QTableView, index: QModelIndex) -> None:
    """Click the check box drawn in ``index``'s cell."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    check = view.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view
    )
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=check.center())


def grid_cell(page: AdminPage, channel_name: str, role: Role) -> QModelIndex:
    roles = page.users_tab.roles
    row = next(
        r
        for r in range(roles.rowCount())
        if roles.headerData(r, Qt.Orientation.Vertical) == channel_name
    )
    return roles.index(row, ROLES.index(role))


def create_user(qtbot: QtBot, page: AdminPage, login: str, password: str) -> None:
    page.tabs.setCurrentIndex(0)
    qtbot.mouseClick(page.users_tab.new_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(UserDialog)
    assert dialog is not None
    dialog.login.setText(login)
    dialog.name.setText("张伟")
    dialog.password.setText(password)
    dialog.again.setText(password)
    dialog.buttons.accepted.emit()


@pytest.mark.usefixtures("english")
def test_someone_who_is_not_an_administrator_is_told_plainly(qtbot: QtBot, sign_in: SignIn) -> None:
    page = admin_page(qtbot, sign_in("chief"))
    notice = page.findChild(object, "adminNotice")
    assert notice is not None
    assert "Only administrators manage users and channels" in notice.text()
    assert not hasattr(page, "tabs")
    assert not page.findChildren(UserDialog)


@pytest.mark.usefixtures("english")
def test_models_pass_the_model_tester(
    qtbot: QtBot, sign_in: SignIn, qtmodeltester: ModelTester
) -> None:
    page = admin_page(qtbot, sign_in("admin"))
    select_user(qtbot, page, "chenjing")
    qtmodeltester.check(page.users_tab.model)
    qtmodeltester.check(page.channels_tab.model)
    qtmodeltester.check(page.users_tab.roles)


@pytest.mark.usefixtures("english")
def test_admin_creates_a_user_grants_and_revokes_roles_and_disables_them(
    qtbot: QtBot, sign_in: SignIn, workspace: Workspace
) -> None:
    page = admin_page(qtbot, sign_in("admin"))
    create_user(qtbot, page, "zhangwei", "长江黄河12345")
    qtbot.waitUntil(lambda: user_named(workspace, "zhangwei") is not None, timeout=10_000)
    user = user_named(workspace, "zhangwei")
    assert user is not None and user.name == "张伟" and not user.is_admin
    assert verify_password(user.password_hash, "长江黄河12345")
    qtbot.waitUntil(lambda: "User zhangwei created." in page.message_bar.text)

    tab = page.users_tab
    select_user(qtbot, page, "zhangwei")
    qtbot.waitUntil(lambda: tab.selected() is not None and tab.selected().login == "zhangwei")
    assert not tab.apply_roles_button.isEnabled()
    assert not grid_cell(page, "文化", Role.REVIEWER3).flags() & Qt.ItemFlag.ItemIsEnabled
    for cell in (
        grid_cell(page, "新闻", Role.EDITOR),
        grid_cell(page, "新闻", Role.REVIEWER3),
        grid_cell(page, "文化", Role.CHIEF),
    ):
        click_check(qtbot, tab.roles_table, cell)
    assert tab.apply_roles_button.isEnabled()
    qtbot.mouseClick(tab.apply_roles_button, Qt.MouseButton.LeftButton)
    channels = {c.name: c.id for c in page.current.channels}
    news, culture = channels["新闻"], channels["文化"]
    granted = {(news, Role.EDITOR), (news, Role.REVIEWER3), (culture, Role.CHIEF)}
    qtbot.waitUntil(lambda: roles_in_store(workspace, user.id) == granted)
    qtbot.waitUntil(
        lambda: (
            "新闻: Editor"
            in str(tab.model.index(user_row(page, "zhangwei") or 0, UsersModel.ROLES).data())
        )
    )

    click_check(qtbot, tab.roles_table, grid_cell(page, "新闻", Role.REVIEWER3))
    qtbot.mouseClick(tab.apply_roles_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: roles_in_store(workspace, user.id) == {(news, Role.EDITOR), (culture, Role.CHIEF)}
    )

    assert tab.disable_button.text() == "Disable"
    qtbot.mouseClick(tab.disable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (found := user_named(workspace, "zhangwei")) is not None and found.disabled
    )
    qtbot.waitUntil(lambda: tab.disable_button.text() == "Enable")
    assert tab.model.index(user_row(page, "zhangwei") or 0, 3).data() == "✓"


@pytest.mark.usefixtures("english")
def test_refusing_to_disable_oneself_shows_the_reason(
    qtbot: QtBot, sign_in: SignIn, workspace: Workspace
) -> None:
    page = admin_page(qtbot, sign_in("admin"))
    select_user(qtbot, page, "admin")
    qtbot.mouseClick(page.users_tab.disable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.message_bar.isVisible)
    assert page.message_bar.text == (
        "You cannot disable yourself or take away your own administrator role."
    )
    admin = user_named(workspace, "admin")
    assert admin is not None and not admin.disabled


@pytest.mark.usefixtures("english")
def test_resetting_a_password_checks_it_twice_then_stores_a_new_verifier(
    qtbot: QtBot, sign_in: SignIn, workspace: Workspace
) -> None:
    page = admin_page(qtbot, sign_in("admin"))
    select_user(qtbot, page, "wangfang")
    qtbot.mouseClick(page.users_tab.password_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(PasswordDialog)
    assert dialog is not None
    dialog.password.setText("short")
    dialog.again.setText("short")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert dialog.problem_label.text() == "The password needs at least 8 characters."
    dialog.password.setText("新的密码-2026")
    dialog.again.setText("新的密码-2025")
    dialog.buttons.accepted.emit()
    assert dialog.problem_label.text() == "The two passwords differ."
    dialog.again.setText("新的密码-2026")
    dialog.buttons.accepted.emit()

    def verified() -> bool:
        user = user_named(workspace, "wangfang")
        return user is not None and verify_password(user.password_hash, "新的密码-2026")

    qtbot.waitUntil(verified, timeout=10_000)
    qtbot.waitUntil(lambda: "New password set for wangfang." in page.message_bar.text)


@pytest.mark.usefixtures("english")
def test_admin_creates_a_channel_then_raises_its_review_levels(
    qtbot: QtBot, sign_in: SignIn, workspace: Workspace
) -> None:
    page = admin_page(qtbot, sign_in("admin"))
    page.tabs.setCurrentIndex(1)
    tab = page.channels_tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(ChannelDialog)
    assert dialog is not None
    dialog.name.setText("体育")
    dialog.set_colour("#2da44e")
    assert dialog.levels.value() == 1 and dialog.warning.isVisibleTo(dialog)
    assert "at least two review levels" in dialog.warning.text()
    dialog.levels.setValue(2)
    assert not dialog.warning.isVisibleTo(dialog)
    dialog.same_reviewer.setChecked(True)  # warned about, never forbidden
    assert "One person may approve two levels" in dialog.warning.text()
    dialog.source.setText("市融媒体中心")
    dialog.responsible_editor.setText("刘建华")
    dialog.targets[Target.WAP].setChecked(False)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: channel_named(workspace, "体育") is not None)
    channel = channel_named(workspace, "体育")
    assert channel is not None
    assert channel.review_levels == 2 and channel.allow_same_reviewer
    assert (channel.default_source, channel.default_responsible_editor) == (
        "市融媒体中心",
        "刘建华",
    )
    assert channel.targets == (Target.PC, Target.APP)
    assert channel.colour == "#2da44e"
    qtbot.waitUntil(lambda: tab.model.row_of(channel.id) is not None)
    row = tab.model.row_of(channel.id)
    assert row is not None
    assert tab.model.index(row, 2).data() == "PC · App"
    assert "One person may approve" in tab.model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)

    tab.table.setCurrentIndex(tab.model.index(row, 0))
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    editing = next(d for d in page.findChildren(ChannelDialog) if d.isVisible())
    assert editing.name.text() == "体育" and editing.levels.value() == 2
    assert not editing.typo_fast_path.isChecked()
    assert editing.source.text() == "市融媒体中心"
    editing.levels.setValue(3)
    editing.same_reviewer.setChecked(False)
    editing.typo_fast_path.setChecked(True)
    editing.buttons.accepted.emit()
    qtbot.waitUntil(
        lambda: (found := channel_named(workspace, "体育")) is not None and found.review_levels == 3
    )
    found = channel_named(workspace, "体育")
    assert found is not None and found.typo_fast_path
    qtbot.waitUntil(lambda: tab.model.index(row, 1).data() == "3")
    assert tab.model.index(row, 4).data() == "✓"


def open_channel(qtbot: QtBot, page: AdminPage, channel_id: str) -> ChannelDialog:
    tab = page.channels_tab
    qtbot.waitUntil(lambda: tab.model.row_of(channel_id) is not None)
    row = tab.model.row_of(channel_id)
    assert row is not None
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    return next(d for d in page.findChildren(ChannelDialog) if d.isVisible())


def test_admin_sets_and_clears_a_channels_publishing_interval(
    qtbot: QtBot, sign_in: SignIn, workspace: Workspace, english: None
) -> None:
    page = admin_page(qtbot, sign_in("admin"))
    page.tabs.setCurrentIndex(1)
    news = channel_named(workspace, "新闻")
    assert news is not None and news.silence_days is None
    editing = open_channel(qtbot, page, news.id)
    assert editing.silence_days.text() == "No warning"
    editing.silence_days.setValue(1)
    assert editing.silence_days.text() == "1 day"
    editing.silence_days.selectAll()
    qtbot.keyClicks(editing.silence_days, "7")
    assert editing.silence_days.value() == 7
    assert editing.silence_days.text() == "7 days"
    editing.buttons.accepted.emit()
    qtbot.waitUntil(lambda: (found := channel_named(workspace, "新闻")) and found.silence_days == 7)
    tab = page.channels_tab
    row = tab.model.row_of(news.id)
    assert row is not None
    qtbot.waitUntil(lambda: tab.model.index(row, tab.model.SILENCE_DAYS).data() == "7 days")

    editing = open_channel(qtbot, page, news.id)
    assert editing.silence_days.value() == 7
    editing.silence_days.setValue(0)  # back to "No warning"
    editing.buttons.accepted.emit()
    qtbot.waitUntil(
        lambda: (found := channel_named(workspace, "新闻")) and found.silence_days is None
    )
    qtbot.waitUntil(lambda: tab.model.index(row, tab.model.SILENCE_DAYS).data() == "No warning")


@pytest.mark.usefixtures("chinese")
def test_screenshots_of_both_tabs_in_chinese(qtbot: QtBot, sign_in: SignIn) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = admin_page(qtbot, sign_in("admin"))
    select_user(qtbot, page, "chenjing")
    qtbot.wait(50)
    page.grab().save(str(SHOTS / "admin-users-zh_CN.png"))
    page.tabs.setCurrentIndex(1)
    qtbot.wait(50)
    page.grab().save(str(SHOTS / "admin-channels-zh_CN.png"))
