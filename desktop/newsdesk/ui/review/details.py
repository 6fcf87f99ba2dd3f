"""What a reviewer reads before deciding: the revision's body, every other field that will be
published, the PC/WAP pages and APP card as the exporter renders them, the findings in every
published text, what changed since the previous revision, and every decision on every revision."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.findings import FIELD_NAMES, field_findings
from newsdesk.core.labels import label
from newsdesk.core.model import Anchor, Role
from newsdesk.core.sensitive import SensitiveMatcher
from newsdesk.store.history import ArticleHistory, RevisionEntry
from newsdesk.ui.editor.background_images import BackgroundImages
from newsdesk.ui.editor.checks import BlockChecker, Check, CheckHighlighter, describe
from newsdesk.ui.editor.document import ImageSource, load_html
from newsdesk.ui.editor.revisions import CompareView
from newsdesk.ui.i18n import translated
from newsdesk.ui.review.fields import PublishedFields
from newsdesk.ui.widgets.decision_time import decision_time
from newsdesk.ui.widgets.palette import colours
from newsdesk.ui.widgets.published_view import PublishedView

PARAGRAPH_SEPARATOR = "\u2029"  # how QTextCursor.selectedText() separates paragraphs


def _local(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class ArticleBrowser(QTextBrowser):
    """The article as the reviewer reads it; its images are decoded off the UI thread as they
    are first shown."""

    def __init__(self, images: ImageSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = BackgroundImages(self, images)

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 (Qt override)
        image = self._background.resource(kind, name)
        return image if image is not None else super().loadResource(kind, name)


class ArticleView(QWidget):
    selection_changed = Signal(bool)  # whether a passage is selected

    def __init__(self, images: ImageSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images = images
        self.title = QLabel(self)
        self.title.setObjectName("reviewTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.meta = QLabel(self)
        self.meta.setObjectName("reviewMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet(f"color: {colours().muted};")
        self.browser = ArticleBrowser(images, self)
        self.browser.setObjectName("reviewBody")
        self.browser.setAccessibleName(self.tr("Article body"))
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(16)
        self.browser.selectionChanged.connect(
            lambda: self.selection_changed.emit(self.browser.textCursor().hasSelection())
        )
        self.findings = QListWidget(self)
        self.findings.setObjectName("findings")
        self.findings.setAccessibleName(self.tr("Findings"))
        self.fields = PublishedFields(images, self)
        self.published = PublishedView(images, self)
        self.compare = CompareView(self)
        self.compare.only_changes.setChecked(True)
        self.no_previous = QLabel(self.tr("This is the first revision: nothing to compare."), self)
        changes = QWidget(self)
        changes_layout = QVBoxLayout(changes)
        changes_layout.addWidget(self.no_previous)
        changes_layout.addWidget(self.compare, 1)
        self.history = QTreeWidget(self)
        self.history.setObjectName("reviewHistory")
        self.history.setAccessibleName(self.tr("Review history"))
        self.history.setHeaderLabels(
            [
                self.tr("Revision / level"),
                self.tr("Verdict"),
                self.tr("Who"),
                self.tr("When"),
                self.tr("Comment"),
            ]
        )
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.browser, self.tr("Article"))
        self.tabs.addTab(self.fields, self.tr("All fields"))
        self.tabs.addTab(self.published, self.tr("As published"))
        self.tabs.addTab(self.findings, self.tr("Findings"))
        self.tabs.addTab(changes, self.tr("Changes"))
        self.tabs.addTab(self.history, self.tr("History"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.tabs, 1)
        self._highlighter: CheckHighlighter | None = None
        self._checker: BlockChecker | None = None
        self._content: dict[str, object] = {}
        self._article_id = ""
        self._channel_name = ""
        self._submitted_over: tuple[str, ...] = ()
        # Tabs whose content is filled when they are first shown: the rendered pages and the
        # decoded cover cost more than the article itself, and most reviews never open them.
        self._unfilled: set[QWidget] = set()
        self.tabs.currentChanged.connect(self._fill_current_tab)

    @property
    def has_checks(self) -> bool:
        """Whether the word lists are loaded and findings are listed."""
        return self._checker is not None

    def set_matcher(self, matcher: SensitiveMatcher) -> None:
        self._highlighter = CheckHighlighter(self.browser.document(), matcher)
        self._checker = self._highlighter.checker
        self._list_findings()

    @property
    def findings_tab(self) -> int:
        return self.tabs.indexOf(self.findings)

    def show_history(self, history: ArticleHistory, channel_name: str = "") -> None:
        article = history.article
        entries = history.entries
        current = entries[0] if entries else None
        content = dict(current.revision.content) if current else {}
        self._content = content
        self._submitted_over = current.revision.open_findings if current else ()
        self.title.setText(str(content.get("title", article.title)))
        parts = [
            str(content.get(name) or "")
            for name in ("subtitle", "author", "source")
            if content.get(name)
        ]
        if current is not None:
            parts.append(
                self.tr("Revision {number} by {author}, {when}").format(
                    number=current.number,
                    author=current.author,
                    when=_local(current.revision.created_at),
                )
            )
        self.meta.setText(" · ".join(parts))
        load_html(self.browser.document(), str(content.get("body_html", "")), self.images)
        self._article_id = article.id
        self._channel_name = channel_name
        self._unfilled = {self.fields, self.published}
        self._fill_current_tab()
        self._list_findings()
        self._show_changes(entries)
        self._show_decisions(entries)

    def clear(self) -> None:
        self.title.clear()
        self.meta.clear()
        self.browser.clear()
        self.fields.clear()
        self.published.clear()
        self.findings.clear()
        self.history.clear()
        self._content = {}
        self._unfilled = set()
        self._submitted_over = ()
        self.tabs.setTabText(self.findings_tab, self.tr("Findings"))

    def selected_anchor(self, note: str) -> Anchor | None:
        """The selected passage with ``note``, as character offsets in the plain text."""
        cursor = self.browser.textCursor()
        if not cursor.hasSelection():
            return None
        quote = cursor.selectedText().replace(PARAGRAPH_SEPARATOR, "\n")
        return Anchor(cursor.selectionStart(), cursor.selectionEnd(), quote, note)

    def select(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)

    def _fill_current_tab(self) -> None:
        shown = self.tabs.currentWidget()
        if shown not in self._unfilled:
            return
        self._unfilled.discard(shown)
        if shown is self.fields:
            self.fields.show_content(self._content)
        elif self._content:
            self.published.show_content(self._article_id, self._channel_name, self._content)
        else:
            self.published.clear()

    def _list_findings(self) -> None:
        self.findings.clear()
        if self._checker is None:
            self.findings.addItem(self.tr("Loading the word lists…"))
            return
        if self._submitted_over:
            self.findings.addItem(
                self.tr("The writer submitted over {count} open finding(s):").format(
                    count=len(self._submitted_over)
                )
            )
            for told in self._submitted_over:
                self.findings.addItem("    " + told)
        count = 0
        for found in field_findings(self._content, self._checker.matcher):
            count += 1
            f = found.finding
            check = Check(f.kind, f.start, f.end - f.start, f.found, f.detail)
            self.findings.addItem(
                self.tr("{field}: {finding}").format(
                    field=translated(FIELD_NAMES[found.field]), finding=describe(check)
                )
            )
        body = translated(FIELD_NAMES["body"])
        block = self.browser.document().begin()
        while block.isValid():
            for check in self._checker.checks(block.text()):
                count += 1
                self.findings.addItem(
                    self.tr("{field}: {finding}").format(field=body, finding=describe(check))
                )
            block = block.next()
        if not count:
            self.findings.addItem(
                self.tr("No sensitive words, personal data or punctuation problems found.")
            )
        self.tabs.setTabText(self.findings_tab, self.tr("Findings ({count})").format(count=count))

    def _show_changes(self, entries: tuple[RevisionEntry, ...]) -> None:
        has_previous = len(entries) > 1
        self.no_previous.setVisible(not has_previous)
        self.compare.setVisible(has_previous)
        if has_previous:
            new, old = entries[0], entries[1]
            self.compare.compare(
                self.tr("Revision {number}").format(number=old.number),
                dict(old.revision.content),
                self.tr("Revision {number}").format(number=new.number),
                dict(new.revision.content),
            )

    def _show_decisions(self, entries: tuple[RevisionEntry, ...]) -> None:
        self.history.clear()
        for entry in entries:
            top = QTreeWidgetItem(
                self.history,
                [
                    self.tr("Revision {number}").format(number=entry.number),
                    "",
                    entry.author,
                    _local(entry.revision.created_at),
                    "" if entry.decisions else self.tr("No decision yet"),
                ],
            )
            for decision in entry.decisions:
                QTreeWidgetItem(
                    top,
                    [
                        translated(label(Role.reviewer(decision.level))),
                        translated(label(decision.verdict)),
                        decision.reviewer,
                        decision_time(decision),
                        decision.comment,
                    ],
                ).setToolTip(4, html.escape(decision.comment))
            top.setExpanded(True)
        for column in range(4):
            self.history.resizeColumnToContents(column)
