"""The checks an editor sees while writing: sensitive words and misplaced punctuation.

Two views over one per-paragraph scan:

* :class:`CheckHighlighter` underlines findings in the text. Qt re-highlights only the block
  being edited, and each block is scanned on its own text, so a keystroke costs O(block length).
  A document already written when the highlighter arrives (an article being opened) is
  highlighted in slices of about :data:`HIGHLIGHT_SLICE_MS` from the top, so the window keeps
  answering while a long article's findings appear.
* :class:`ChecksPanel` lists the findings of the whole document beside it, with the word count,
  refreshed once typing pauses. Activating a finding selects it in the editor; punctuation can
  be fixed one finding at a time or all at once, in one undo step.

Both share a :class:`BlockChecker`, which remembers each paragraph's findings by its text: after
the highlighter has seen a document, the panel's scan of it is mostly cache look-ups, and after an
edit only the edited paragraph is scanned again.

Positions. Qt counts UTF-16 units, Python counts code points: a character outside the BMP
(𠀀, 😀) is two units in a :class:`QTextDocument` and one in a ``str``. Findings are computed on
a block's Python text and converted to UTF-16 offsets inside the block; adding
``QTextBlock.position()`` gives a document position. Context never crosses a paragraph (the
punctuation rules read one line at a time, and list words hold no line breaks), so scanning
block by block finds exactly what scanning the whole text would.
"""

from __future__ import annotations

import math
import re
import time
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.findings import (
    FIELD_NAMES,
    PERSONAL_NAMES,
    FieldFinding,
    FindingKind,
    field_findings,
    text_findings,
)
from newsdesk.core.sensitive import SensitiveMatcher
from newsdesk.core.textstats import count
from newsdesk.ui.editor.document import IMAGE_ALT
from newsdesk.ui.i18n import translated
from newsdesk.ui.widgets.palette import colours

REFRESH_DELAY_MS = 300
"""How long typing must pause before the panel scans the document again."""

CHECK_ROLE = Qt.ItemDataRole.UserRole + 1
"""The :class:`Check` of a row, its ``start`` a document position."""

Index = QModelIndex | QPersistentModelIndex

OBJECT_REPLACEMENT = "\ufffc"  # where an image sits in a block's text

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


CheckKind = FindingKind  # the editor's name for the core's kinds of finding


def check_colour(kind: CheckKind) -> QColor:
    """The underline and marker colour of a kind of finding, for the palette in force."""
    return colours().qcolor(kind.value)


@dataclass(frozen=True)
class Check:
    """One finding. ``start`` and ``length`` are in UTF-16 units, as Qt counts positions."""

    kind: CheckKind
    start: int  # in its block, or in the document once placed there
    length: int
    found: str  # the text as written
    detail: str  # a sensitive word's category, the punctuation to write, or a PersonalKind
    field: str = "body"  # or the published field it is in (its start is then in that field)

    @property
    def key(self) -> tuple[CheckKind, str, str, str]:
        """What the finding says, wherever it is."""
        return self.kind, self.found, self.detail, self.field

    @property
    def in_body(self) -> bool:
        return self.field == "body"


def _alt_texts(block: QTextBlock) -> list[str]:
    """The alt texts of the images in ``block``."""
    found = []
    fragments = block.begin()
    while not fragments.atEnd():
        char_format = fragments.fragment().charFormat()
        if char_format.isImageFormat():
            alt = char_format.property(IMAGE_ALT)
            if isinstance(alt, str) and alt.strip():
                found.append(alt)
        fragments += 1
    return found


def utf16_offset(text: str) -> Callable[[int], int]:
    """A function turning offsets into ``text`` into UTF-16 offsets, as Qt counts them."""
    astral = [match.start() for match in _ASTRAL.finditer(text)]
    if not astral:
        return int
    return lambda offset: offset + bisect_left(astral, offset)


def check_text(text: str, matcher: SensitiveMatcher) -> tuple[Check, ...]:
    """The findings in one paragraph, in text order, with UTF-16 offsets into ``text``."""
    to16 = utf16_offset(text)
    return tuple(
        Check(f.kind, to16(f.start), to16(f.end) - to16(f.start), f.found, f.detail)
        for f in text_findings(text, matcher)
    )


def describe(check: Check, *, with_field: bool = False) -> str:
    """A finding in a sentence, for lists and the submit question (``with_field``: prefixed with
    the field it is in, "Title: …")."""
    if with_field:
        return QCoreApplication.translate("Checks", "{field}: {finding}").format(
            field=translated(FIELD_NAMES.get(check.field, FIELD_NAMES["body"])),
            finding=describe(check),
        )
    if check.kind is CheckKind.SENSITIVE:
        return QCoreApplication.translate("Checks", "Sensitive word “{word}” ({category})").format(
            word=check.found, category=check.detail
        )
    if check.kind is CheckKind.PERSONAL:
        name = PERSONAL_NAMES.get(check.detail)
        return QCoreApplication.translate("Checks", "Personal data “{found}” ({category})").format(
            found=check.found, category=translated(name) if name else check.detail
        )
    return QCoreApplication.translate("Checks", "Punctuation “{found}”: write “{better}”").format(
        found=check.found, better=check.detail
    )


class BlockChecker:
    """:func:`check_text` with a memory of the most recently seen paragraphs."""

    MAX_BLOCKS = 20_000

    def __init__(self, matcher: SensitiveMatcher) -> None:
        self.matcher = matcher
        self._seen: OrderedDict[str, tuple[Check, ...]] = OrderedDict()

    def checks(self, text: str) -> tuple[Check, ...]:
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = check_text(text, self.matcher)
            if len(self._seen) > self.MAX_BLOCKS:
                self._seen.popitem(last=False)
        else:
            self._seen.move_to_end(text)
        return found


def _underline(color: QColor, background: QColor | None = None) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    char_format.setUnderlineColor(color)
    if background is not None:
        char_format.setBackground(background)
    return char_format


HIGHLIGHT_SLICE_MS = 5  # the UI thread's longest hold per slice: a third of a 60 Hz frame


class CheckHighlighter(QSyntaxHighlighter):
    """Underlines sensitive words (red, on a light red ground) and misplaced punctuation (orange).

    ``checker`` is shared with a :class:`ChecksPanel` so that each paragraph is scanned once.
    ``finished`` says a document that was already written has been highlighted to its end.
    """

    finished = Signal()

    def __init__(self, document: QTextDocument, matcher: SensitiveMatcher) -> None:
        super().__init__(document)
        # Blocks from this number on wait for their slice. Qt's own first pass over a document
        # that is not empty (queued by the constructor) then skips them, so it costs little.
        self._next_block = 0 if not document.isEmpty() else -1
        self.checker = BlockChecker(matcher)
        self._enabled = True
        translucent = check_colour(CheckKind.SENSITIVE)
        translucent.setAlpha(40)  # light on a light theme, still visible on a dark one
        personal = check_colour(CheckKind.PERSONAL)
        personal.setAlpha(40)
        self._formats = {
            CheckKind.SENSITIVE: _underline(check_colour(CheckKind.SENSITIVE), translucent),
            CheckKind.PUNCTUATION: _underline(check_colour(CheckKind.PUNCTUATION)),
            CheckKind.PERSONAL: _underline(check_colour(CheckKind.PERSONAL), personal),
        }

        if self._next_block >= 0:
            QTimer.singleShot(0, self, self._highlight_slice)

    def is_finished(self) -> bool:
        """Whether every block has been highlighted (edits are highlighted as they happen)."""
        return self._next_block < 0

    def highlight_in_slices(self) -> None:
        """The whole document is about to be replaced (an article loading): highlight the new
        one from the top in slices, rather than all of it while it is being set."""
        if self._next_block < 0:
            QTimer.singleShot(0, self, self._highlight_slice)
        self._next_block = 0

    def _highlight_slice(self) -> None:
        """Highlight blocks in order for about :data:`HIGHLIGHT_SLICE_MS`, then let the event
        loop run before the next slice."""
        document = self.document()
        if document is None or self._next_block < 0:
            return
        deadline = time.perf_counter() + HIGHLIGHT_SLICE_MS / 1000
        block = document.findBlockByNumber(self._next_block)
        while block.isValid():
            self._next_block = block.blockNumber() + 1
            self.rehighlightBlock(block)
            block = block.next()
            if time.perf_counter() >= deadline:
                break
        if block.isValid():
            QTimer.singleShot(0, self, self._highlight_slice)
        else:
            self._next_block = -1
            self.finished.emit()

    def is_enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        """Show or hide the underlines."""
        if enabled != self._enabled:
            self._enabled = enabled
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        if not self._enabled:
            return
        if 0 <= self._next_block <= self.currentBlock().blockNumber():
            return  # its slice comes
        checks = self.checker.checks(text)
        # Punctuation first: where a word or personal data and a mark overlap, they win.
        for check in sorted(checks, key=lambda c: c.kind is not CheckKind.PUNCTUATION):
            self.setFormat(check.start, check.length, self._formats[check.kind])


class ChecksModel(QAbstractListModel):
    """The findings of a document, one a row, in document order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checks: list[Check] = []

    def checks(self) -> list[Check]:
        return list(self._checks)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._checks)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._checks):
            return None
        check = self._checks[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and not check.in_body:
            field = FIELD_NAMES.get(check.field)
            shown = self._display(check)
            return f"{translated(field)} · {shown}" if field else shown
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(check)
        if role == Qt.ItemDataRole.ToolTipRole:
            if check.kind is CheckKind.SENSITIVE:
                return self.tr("Sensitive word ({category})").format(category=check.detail)
            if check.kind is CheckKind.PERSONAL:
                return self.tr("Personal data that must not be published")
            return self.tr("Punctuation: write “{suggestion}”").format(suggestion=check.detail)
        if role == Qt.ItemDataRole.DecorationRole:
            return check_colour(check.kind)
        if role == CHECK_ROLE:
            return check
        return None

    def _display(self, check: Check) -> str:
        if check.kind is CheckKind.SENSITIVE:
            text = self.tr("{word} — {category}")
            return text.format(word=check.found, category=check.detail)
        if check.kind is CheckKind.PERSONAL:
            name = PERSONAL_NAMES.get(check.detail)
            text = self.tr("{found} — {category}")
            return text.format(
                found=check.found, category=translated(name) if name else check.detail
            )
        text = self.tr("“{found}” → “{suggestion}”")
        return text.format(found=check.found, suggestion=check.detail)

    def set_checks(self, checks: Sequence[Check]) -> None:
        """Show ``checks``, announcing only the rows that changed.

        An edit changes the findings in one place: rows before it stay, rows after it keep what
        they say but move. Those are kept (the view keeps its selection and scroll position); the
        rows between are removed and inserted.
        """
        old, new = self._checks, list(checks)
        limit = min(len(old), len(new))
        head = 0
        while head < limit and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < limit - head and old[-1 - tail].key == new[-1 - tail].key:
            tail += 1
        if len(old) - tail > head:
            self.beginRemoveRows(QModelIndex(), head, len(old) - tail - 1)
            del self._checks[head : len(old) - tail]
            self.endRemoveRows()
        if len(new) - tail > head:
            self.beginInsertRows(QModelIndex(), head, len(new) - tail - 1)
            self._checks[head:head] = new[head : len(new) - tail]
            self.endInsertRows()
        moved = self._checks[len(new) - tail :] != new[len(new) - tail :]
        self._checks = new
        if tail and moved:
            self.dataChanged.emit(self.index(len(new) - tail), self.index(len(new) - 1))


class CountLabel(QLabel):
    """字数 and reading time: "1,234 characters · about 4 min read"."""

    def show_counts(self, zishu: int, reading_minutes: float) -> None:
        minutes = max(1, math.ceil(reading_minutes)) if zishu else 0
        text = self.tr("{zishu} characters · about {minutes} min read")
        self.setText(text.format(zishu=self.locale().toString(zishu), minutes=minutes))


class ChecksPanel(QWidget):
    """The findings of ``editor``'s whole document beside it, with the word count.

    Refreshes :data:`REFRESH_DELAY_MS` after typing stops. Activating a finding selects it in the
    editor and emits :attr:`jump`.
    """

    jump = Signal(int, int)
    """(document position, length in UTF-16 units) of the finding the editor moved to."""
    field_requested = Signal(str)
    """A finding in a field other than the body was activated: the field's name."""

    def __init__(
        self,
        editor: QTextEdit,
        checker: BlockChecker,
        parent: QWidget | None = None,
        *,
        fields: Callable[[], Mapping[str, object]] | None = None,
    ) -> None:
        """``fields``: the other published fields as they are now (title, summary, tags…), to
        check with the body."""
        super().__init__(parent)
        self.editor = editor
        self.checker = checker
        self._fields = fields
        self._read_only = editor.isReadOnly()
        self._counts: dict[str, tuple[int, float]] = {}  # per paragraph text: 字数, minutes
        self.count_label = CountLabel(self)
        self.model = ChecksModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setAccessibleName(self.tr("Checks"))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.activated.connect(self.go_to)
        single_click = QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick
        if not self.view.style().styleHint(single_click, None, self.view):
            self.view.clicked.connect(self.go_to)  # else a click already activates
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.fix_button = QPushButton(self.tr("Fix punctuation"), self)
        self.fix_button.setToolTip(self.tr("Apply every punctuation suggestion (one undo step)"))
        self.fix_button.clicked.connect(self.fix_all_punctuation)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.fix_button)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        editor.document().contentsChange.connect(self._changed)
        self._timer.start()  # after the highlighter's first pass, which fills the shared cache

    def schedule(self) -> None:
        """Scan again once typing pauses (a field beside the body changed)."""
        self._timer.start()

    def is_refresh_pending(self) -> bool:
        return self._timer.isActive()

    def refresh(self) -> None:
        """Scan the document now and show what it holds."""
        self._timer.stop()
        checks: list[Check] = []
        counts: dict[str, tuple[int, float]] = {}
        alts: list[str] = []
        zishu, minutes = 0, 0.0
        block = self.editor.document().begin()
        while block.isValid():
            text = block.text()
            position = block.position()
            checks += (
                Check(c.kind, c.start + position, c.length, c.found, c.detail)
                for c in self.checker.checks(text)
            )
            if OBJECT_REPLACEMENT in text:
                alts += _alt_texts(block)
            known = counts.get(text) or self._counts.get(text)
            if known is None:
                stats = count(text)
                known = stats.zishu, stats.reading_minutes
            counts[text] = known
            zishu, minutes = zishu + known[0], minutes + known[1]
            block = block.next()
        self._counts = counts  # paragraphs no longer in the document are forgotten
        self.model.set_checks(self._field_checks(alts) + checks)
        self._update_fix()
        self.count_label.show_counts(zishu, minutes)

    def _field_checks(self, alts: list[str]) -> list[Check]:
        if self._fields is None:
            return []
        content = dict(self._fields())
        found = field_findings(content, self.checker.matcher)
        found += (
            FieldFinding("image_alt", f)
            for alt in alts
            for f in text_findings(alt, self.checker.matcher)
        )
        return [
            Check(
                f.finding.kind,
                f.finding.start,
                f.finding.end - f.finding.start,
                f.finding.found,
                f.finding.detail,
                f.field,
            )
            for f in found
        ]

    def set_read_only(self, read_only: bool) -> None:
        """No fix can be applied to a text that cannot be changed."""
        self._read_only = read_only
        self._update_fix()

    def _update_fix(self) -> None:
        fixable = any(c.kind is CheckKind.PUNCTUATION and c.in_body for c in self.model.checks())
        self.fix_button.setEnabled(fixable and not self._read_only)

    def go_to(self, index: Index) -> None:
        """Select the finding at ``index`` in the editor."""
        check: Check | None = index.data(CHECK_ROLE)
        if check is None:
            return
        if not check.in_body:
            self.field_requested.emit(check.field)
            return
        last = self.editor.document().characterCount() - 1
        start = min(check.start, last)
        end = min(check.start + check.length, last)
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.jump.emit(start, end - start)

    def fix(self, index: Index) -> bool:
        """Apply the punctuation suggestion at ``index``; ``False`` if it is out of date."""
        check: Check | None = index.data(CHECK_ROLE)
        if (
            check is None
            or check.kind is not CheckKind.PUNCTUATION
            or not check.in_body
            or self._read_only
        ):
            return False
        if self.is_refresh_pending():  # the row may describe text that has changed since
            self.refresh()
            return False
        return self._replace([check]) == 1

    def fix_all_punctuation(self) -> int:
        """Apply every punctuation suggestion in one undo step; returns how many were applied."""
        self.refresh()
        if self._read_only:
            return 0
        fixes = [c for c in self.model.checks() if c.kind is CheckKind.PUNCTUATION and c.in_body]
        return self._replace(fixes)

    def menu_for(self, index: Index) -> QMenu:
        """The context menu of the finding at ``index``."""
        menu = QMenu(self)
        go = QAction(self.tr("Go to"), menu)
        go.triggered.connect(lambda: self.go_to(index))
        menu.addAction(go)
        check: Check | None = index.data(CHECK_ROLE)
        if check is not None and check.kind is CheckKind.PUNCTUATION and check.in_body:
            fix = QAction(
                self.tr("Fix: write “{suggestion}”").format(suggestion=check.detail), menu
            )
            fix.triggered.connect(lambda: self.fix(index))
            fix.setEnabled(not self._read_only)
            menu.addAction(fix)
        return menu

    def _show_menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if index.isValid():
            menu = self.menu_for(QPersistentModelIndex(index))
            menu.exec(self.view.viewport().mapToGlobal(point))
            menu.deleteLater()

    def _replace(self, checks: Sequence[Check]) -> int:
        """Write each check's suggestion over its text, last first, as one undo step."""
        cursor = QTextCursor(self.editor.document())
        applied = 0
        cursor.beginEditBlock()
        for check in sorted(checks, key=lambda c: c.start, reverse=True):
            cursor.setPosition(check.start)
            cursor.setPosition(check.start + check.length, QTextCursor.MoveMode.KeepAnchor)
            if cursor.selectedText() == check.found:  # never overwrite text that has changed
                cursor.insertText(check.detail)
                applied += 1
        cursor.endEditBlock()
        self.refresh()
        return applied

    def _changed(self, _position: int, _removed: int, _added: int) -> None:
        self._timer.start()  # restarts: the scan waits until typing pauses
