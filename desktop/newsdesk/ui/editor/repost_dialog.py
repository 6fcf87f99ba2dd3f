"""转载: web addresses in, repost articles out, one row each, in the background.

Pages are fetched a few at a time on the asyncio loop (nothing waits on the network on the UI
thread); each article is kept on the database thread as soon as its page and images are in.
Cancel stops what is still being fetched; what was already kept stays, complete.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from enum import IntEnum
from typing import Final

import httpx
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.model import Channel, Role
from newsdesk.core.world import Area
from newsdesk.ingest.addresses import ADDRESS, addresses_in
from newsdesk.ingest.extract import ExtractError
from newsdesk.ingest.repost import PAGES_AT_ONCE, RepostRefusedError, fetch_repost, keep_repost
from newsdesk.ingest.web import Policy, WebError, new_client
from newsdesk.ui.i18n import translated
from newsdesk.ui.jobs import Job
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.message_bar import MessageBar, Tone
from newsdesk.ui.widgets.similar_hint import similar_line

ALLOW_PRIVATE_SETTING: Final = "repost.allow_private"  # "1": an administrator allowed intranets


class Column(IntEnum):
    ADDRESS = 0
    STATUS = 1


class RepostDialog(QDialog):
    """Asks for addresses and a channel; reposts each; lists what became of each address."""

    open_article = Signal(str)  # the id of an article the user wants to open

    def __init__(
        self,
        session: Session,
        channels: Sequence[Channel],
        addresses: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Repost from the web"))
        self.resize(760, 520)
        self._session = session
        self._task: asyncio.Task[None] | None = None
        self._articles: dict[int, str] = {}  # row → the article it became
        self._rows: list[QTreeWidgetItem] = []  # one per address, in order
        intro = QLabel(
            self.tr(
                "Paste one or more web addresses, one per line. Each becomes a repost (转载) "
                "article in the channel you choose, with its source, author and editor filled "
                "in and its images downloaded."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.addresses = QPlainTextEdit(self)
        self.addresses.setPlaceholderText("https://mp.weixin.qq.com/s/…\nhttps://www.news.cn/…")
        self.addresses.setPlainText("\n".join(addresses))
        self.addresses.setTabChangesFocus(True)
        self.channel = QComboBox(self)
        for channel in channels:
            if session.actor.holds(Role.EDITOR, channel.id):
                self.channel.addItem(channel.name, channel.id)
        # An administrator's decision, for everyone on this workspace: a newsroom's intranet
        # may be reposted from; otherwise this computer and private networks are refused.
        self.intranet = QCheckBox(self.tr("Allow intranet addresses (for everyone here)"), self)
        self.intranet.setToolTip(
            self.tr(
                "Addresses on this computer or the private network are refused unless an "
                "administrator allows them, so that a pasted address cannot reach the "
                "newsroom's own services."
            )
        )
        self.intranet.setVisible(session.actor.is_admin)
        self.intranet.setEnabled(False)  # until the workspace's choice is read
        store = session.workspace.store
        Job(lambda: store.setting(ALLOW_PRIVATE_SETTING), self).success(self._show_intranet).run(
            session.runner
        )
        form = QFormLayout()
        form.addRow(self.tr("Web addresses"), self.addresses)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow("", self.intranet)
        self.message_bar = MessageBar(self)
        self.results = QTreeWidget(self)
        self.results.setHeaderLabels([self.tr("Address"), self.tr("What happened")])
        self.results.setRootIsDecorated(False)
        self.results.setColumnWidth(Column.ADDRESS, 300)
        self.results.itemDoubleClicked.connect(self._open_row)
        self.results.hide()
        self.progress = QProgressBar(self)
        self.progress.hide()
        buttons = QDialogButtonBox(self)
        self.start_button = QPushButton(self.tr("Repost"), self)
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Stop"), self)
        self.cancel_button.hide()
        self.open_button = QPushButton(self.tr("Open article"), self)
        self.open_button.setEnabled(False)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        for button in (self.start_button, self.cancel_button, self.open_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(lambda: self._open_row(self.results.currentItem()))
        self.results.currentItemChanged.connect(
            lambda item, _previous: self.open_button.setEnabled(
                item is not None and self.results.indexOfTopLevelItem(item) in self._articles
            )
        )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        if self.channel.count() == 0:
            self.message_bar.show_message(
                self.tr("You are not an editor in any channel, so you cannot repost."), Tone.WARNING
            )
            self.start_button.setEnabled(False)

    @classmethod
    def from_clipboard(
        cls, session: Session, channels: Sequence[Channel], parent: QWidget | None = None
    ) -> RepostDialog:
        """The dialog with the clipboard's web addresses already filled in."""
        return cls(session, channels, addresses_in(QGuiApplication.clipboard().text()), parent)

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        text = self.addresses.toPlainText()
        urls = addresses_in(text)
        leftover = [
            line.strip() for line in text.splitlines() if line.strip() and not ADDRESS.search(line)
        ]
        if not urls:
            self.message_bar.show_message(
                self.tr("Paste at least one web address starting with http:// or https://."),
                Tone.WARNING,
            )
            return
        if leftover:
            self.message_bar.show_message(
                self.tr("“{text}” is not a web address; each line holds one address.").format(
                    text=leftover[0][:80]
                ),
                Tone.WARNING,
            )
            return
        self.message_bar.hide()
        self.results.clear()
        self._articles.clear()
        self._rows = [QTreeWidgetItem(self.results, [url, self.tr("Waiting")]) for url in urls]
        self.results.show()
        self.progress.setRange(0, len(urls))
        self.progress.setValue(0)
        self.progress.show()
        self._set_running(True)
        self._task = asyncio.ensure_future(self._repost(urls, str(self.channel.currentData())))

    def _show_intranet(self, value: str | None) -> None:
        self.intranet.setChecked(value == "1")
        self.intranet.setEnabled(True)
        self.intranet.toggled.connect(self._allow_intranet)

    def _allow_intranet(self, allowed: bool) -> None:
        store = self._session.workspace.store
        value = "1" if allowed else ""
        Job(lambda: store.set_setting(ALLOW_PRIVATE_SETTING, value), self).run(self._session.runner)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _set_running(self, running: bool) -> None:
        self.start_button.setVisible(not running)
        self.cancel_button.setVisible(running)
        self.addresses.setReadOnly(running)
        self.channel.setEnabled(not running)

    async def _repost(self, urls: list[str], channel_id: str) -> None:
        store = self._session.workspace.store
        allowed = await self._session.runner.call(lambda: store.setting(ALLOW_PRIVATE_SETTING))
        policy = Policy(allow_private=allowed == "1")
        gate = asyncio.Semaphore(PAGES_AT_ONCE)
        try:
            async with new_client() as client:
                await asyncio.gather(
                    *(
                        self._one(client, gate, row, url, channel_id, policy)
                        for row, url in enumerate(urls)
                    )
                )
        except asyncio.CancelledError:
            for item in self._rows:
                if item.data(Column.STATUS, Qt.ItemDataRole.UserRole) is None:
                    item.setText(Column.STATUS, self.tr("Stopped"))
        finally:
            self._set_running(False)
            done = len(self._articles)
            tone = Tone.INFO if done == len(urls) else Tone.WARNING
            self.message_bar.show_message(
                self.tr("{done} of {total} addresses became repost articles.").format(
                    done=done, total=len(urls)
                ),
                tone,
            )

    async def _one(
        self,
        client: httpx.AsyncClient,
        gate: asyncio.Semaphore,
        row: int,
        url: str,
        channel_id: str,
        policy: Policy,
    ) -> None:
        item = self._rows[row]
        async with gate:
            item.setText(Column.STATUS, self.tr("Fetching…"))

            def images(done: int, total: int) -> None:
                if total:
                    item.setText(
                        Column.STATUS,
                        self.tr("Fetching images: {done} of {total}").format(
                            done=done, total=total
                        ),
                    )

            try:
                fetched = await fetch_repost(client, url, policy, progress=images)
            except (WebError, ExtractError) as error:
                reason = translated(error.message)
                self._finish(item, self.tr("Not reposted: {reason}").format(reason=reason), True)
                return
            item.setText(Column.STATUS, self.tr("Saving…"))
            user_id = self._session.user.id
            workspace = self._session.workspace
            try:
                reposted = await self._session.runner.call(
                    lambda: keep_repost(workspace, user_id, channel_id, fetched)
                )
            except RepostRefusedError as refused:
                reason = translated(refused.refusal.message)
                self._finish(item, self.tr("Not reposted: {reason}").format(reason=reason), True)
                return
        self._articles[row] = reposted.article_id
        status = self.tr("Reposted as “{title}”").format(title=reposted.title)
        if reposted.failed:
            status += self.tr(
                " — %n image(s) could not be downloaded; the editor lists them",
                "",
                len(reposted.failed),
            )
        if reposted.similar:
            status += " — " + similar_line(reposted.similar)
        self._finish(item, status, bool(reposted.failed))
        self._session.announce(frozenset({Area.ARTICLES, Area.ATTACHMENTS}))
        pending = await self._session.runner.call(workspace.store.pending_count)
        self._session.pending_changed.emit(pending)
        if self.results.currentItem() is None:
            self.results.setCurrentItem(item)

    def _finish(self, item: QTreeWidgetItem, text: str, failed: bool) -> None:
        item.setText(Column.STATUS, text)
        item.setToolTip(Column.STATUS, text)
        item.setData(Column.STATUS, Qt.ItemDataRole.UserRole, "failed" if failed else "done")
        self.progress.setValue(self.progress.value() + 1)

    def _open_row(self, item: QTreeWidgetItem | None) -> None:
        row = self.results.indexOfTopLevelItem(item) if item is not None else -1
        if row in self._articles:
            self.open_article.emit(self._articles[row])

    def reject(self) -> None:
        self.cancel()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.cancel()
        super().closeEvent(event)
