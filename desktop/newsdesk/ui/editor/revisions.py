"""An article's revisions: the list, a side-by-side comparison of any two, and restoring one.

* :class:`RevisionsPanel` lists the current draft and every frozen revision with its author and
  what the reviewers decided. Two selected rows (or one revision, against the current draft) can
  be compared; a revision can be restored, which is one ordinary edit putting the old text back:
  history keeps every revision, nothing is deleted or renumbered.
* :class:`CompareView` shows two versions side by side, paragraph against paragraph, with the
  changed metadata fields above the body. :class:`CompareDialog` holds one in a window.

The comparison is the core's :func:`~newsdesk.core.textdiff.diff_html` (by character units, so
Chinese compares well); the view renders it as one two-column table, which keeps the rows of
both sides aligned however long each paragraph is.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.articles import current_hash, may_edit, revision_content
from newsdesk.core.body import body_images
from newsdesk.core.labels import label
from newsdesk.core.model import REVISION_FIELDS, Role, Verdict
from newsdesk.core.mutation import Kind
from newsdesk.core.refusal import Refusal
from newsdesk.core.textdiff import ParagraphDiff, Segment, diff, diff_html
from newsdesk.core.world import Area
from newsdesk.store.apply import Applied
from newsdesk.store.history import ArticleHistory, RevisionEntry, article_history
from newsdesk.ui.i18n import translated
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.decision_time import decision_time
from newsdesk.ui.widgets.message_bar import MessageBar, Tone
from newsdesk.ui.widgets.palette import colours

Index = QModelIndex | QPersistentModelIndex
Content = Mapping[str, object]

VERSION_ROLE = Qt.ItemDataRole.UserRole + 1
"""The :class:`Version` of a row."""


def deleted_style() -> str:
    c = colours()
    return (
        f"background-color:{c.deleted_background}; color:{c.deleted_text};"
        " text-decoration:line-through"
    )


def inserted_style() -> str:
    c = colours()
    return f"background-color:{c.inserted_background}; color:{c.inserted_text}"


_COMMENT_LENGTH = 40  # characters of a comment shown in the list; the tooltip has all of it


@dataclass(frozen=True)
class Version:
    """One row of the list: the current draft (``number`` is ``None``) or a revision."""

    number: int | None
    content: Content
    heading: str  # "Revision 3 · 孙晓雨 · 2026-11-20 14:32"
    outcome: str  # what the reviewers decided, or how the draft relates to the revisions
    details: str  # every decision with its full comment, for the tooltip


def _local(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _shortened(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _COMMENT_LENGTH else line[: _COMMENT_LENGTH - 1] + "…"


class RevisionsModel(QAbstractListModel):
    """The current draft, then the revisions newest first; labels are made once per load."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._versions: list[Version] = []

    def set_history(self, history: ArticleHistory | None) -> None:
        self.beginResetModel()
        self._versions = self._build(history) if history is not None else []
        self.endResetModel()

    def version(self, row: int) -> Version:
        return self._versions[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._versions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._versions):
            return None
        version = self._versions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{version.heading}\n{version.outcome}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return version.details or None
        if role == VERSION_ROLE:
            return version
        return None

    def _build(self, history: ArticleHistory) -> list[Version]:
        article = history.article
        entries = history.entries
        if not entries:
            outcome = self.tr("Not submitted for review yet")
        elif current_hash(article) == entries[0].revision.content_hash:
            outcome = self.tr("Same as revision {number}").format(number=entries[0].number)
        else:
            outcome = self.tr("Changed since revision {number}").format(number=entries[0].number)
        draft = Version(
            None,
            revision_content(article),
            self.tr("Current draft · {time}").format(time=_local(article.updated_at)),
            outcome,
            "",
        )
        return [draft, *(self._version(entry) for entry in entries)]

    def _version(self, entry: RevisionEntry) -> Version:
        revision = entry.revision
        heading = self.tr("Revision {number} · {author} · {time}").format(
            number=revision.number, author=entry.author, time=_local(revision.created_at)
        )
        short: list[str] = []
        details: list[str] = []
        for decision in entry.decisions:
            level = translated(label(Role.reviewer(decision.level)))
            if decision.verdict == Verdict.APPROVE:
                said = self.tr("{level} approved").format(level=level)
            elif decision.verdict == Verdict.RETURN:
                said = self.tr("{level} returned").format(level=level)
            else:
                said = self.tr("{level} rejected").format(level=level)
            brief = said
            if decision.verdict != Verdict.APPROVE and decision.comment:
                brief = self.tr("{outcome}: {comment}").format(
                    outcome=said, comment=_shortened(decision.comment)
                )
            short.append(brief)
            detail = self.tr("{time} · {reviewer} · {outcome}").format(
                time=decision_time(decision), reviewer=decision.reviewer, outcome=said
            )
            if decision.comment:
                detail = self.tr("{decision}: {comment}").format(
                    decision=detail, comment=decision.comment
                )
            details.append(detail)
        outcome = " · ".join(short) if short else self.tr("No review decision yet")
        return Version(
            revision.number, dict(revision.content), heading, outcome, "\n".join(details)
        )


# --- the comparison ---------------------------------------------------------------------------


def _text(value: object) -> str:
    """A content field as text: lists joined the Chinese way, nothing shown for none."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    return str(value)


IMAGE_ALTS = "image_alts"
"""Not a field of its own: the alt texts in the body, which readers do not see as text (a screen
reader speaks them), so the body's diff would not show a change to them."""


def _field(content: Content, name: str) -> str:
    """A field of ``content`` as text, the body's alt texts included (one a line)."""
    if name == IMAGE_ALTS:
        body = content.get("body_html")
        images = body_images(body) if isinstance(body, str) else []
        return "\n".join(image.alt for image in images)
    return _text(content.get(name))


def _marked(text: str, style: str) -> str:
    return f'<span style="{style}">{html.escape(text)}</span>' if text else ""


def _sides(segments: Sequence[Segment]) -> tuple[str, str]:
    """The old and the new side of a diff as HTML: deletions struck out, insertions green."""
    old: list[str] = []
    new: list[str] = []
    for segment in segments:
        if segment.kind == "equal":
            old.append(html.escape(segment.old))
            new.append(html.escape(segment.new))
        else:
            old.append(_marked(segment.old, deleted_style()))
            new.append(_marked(segment.new, inserted_style()))
    return "".join(old), "".join(new)


def _row(old: str, new: str, old_bg: str = "", new_bg: str = "") -> str:
    def cell(body: str, background: str) -> str:
        colour = f' bgcolor="{background}"' if background else ""
        return f'<td width="50%"{colour}>{body.replace(chr(10), "<br/>")}</td>'

    return f"<tr>{cell(old, old_bg)}{cell(new, new_bg)}</tr>"


def _paragraph_row(paragraph: ParagraphDiff) -> str:
    if not paragraph.changed:
        same = html.escape(paragraph.old or "")
        return _row(same, same)
    c = colours()
    if paragraph.new is None:
        return _row(_marked(paragraph.old or "", deleted_style()), "", c.changed_old_row, c.gap)
    if paragraph.old is None:
        return _row("", _marked(paragraph.new, inserted_style()), c.gap, c.changed_new_row)
    old, new = _sides(paragraph.segments)
    return _row(old, new, c.changed_old_row, c.changed_new_row)


class CompareView(QWidget):
    """Two versions of an article side by side: changed fields first, then the body.

    Call :meth:`compare` with each side's label and content (the fields of
    :data:`~newsdesk.core.model.REVISION_FIELDS`). "Only changes" folds each run of unchanged
    paragraphs into one line saying how many there are.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Comparison"))
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(12)
        self.summary = QLabel(self)
        self.summary.setObjectName("compareSummary")
        self.only_changes = QCheckBox(self.tr("Only changes"), self)
        self.only_changes.toggled.connect(self._render)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.only_changes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        self._sides: tuple[str, Content, str, Content] = ("", {}, "", {})
        self._paragraphs: list[ParagraphDiff] = []

    def compare(self, old_label: str, old: Content, new_label: str, new: Content) -> None:
        """Show ``old`` (left) against ``new`` (right)."""
        self._sides = (old_label, old, new_label, new)
        self._paragraphs = diff_html(
            str(old.get("body_html") or ""), str(new.get("body_html") or "")
        )
        changed = sum(p.changed for p in self._paragraphs)
        fields = len(self._changed_fields())
        self.summary.setText(
            self.tr("%n paragraph(s) changed", "", changed)
            + " · "
            + self.tr("%n other field(s) changed", "", fields)
        )
        self._render()

    def field_names(self) -> dict[str, str]:
        return {
            "title": self.tr("Title"),
            "subtitle": self.tr("Subtitle"),
            "author": self.tr("Author"),
            "source": self.tr("Source"),
            "responsible_editor": self.tr("Responsible editor"),
            "summary": self.tr("Summary"),
            "cover": self.tr("Cover image"),
            "tags": self.tr("Tags"),
            "targets": self.tr("Targets"),
            "kind": self.tr("Kind"),
            "original_url": self.tr("Original address"),
            "original_published_at": self.tr("Original published"),
            IMAGE_ALTS: self.tr("Image alt texts"),
        }

    def _changed_fields(self) -> list[str]:
        _, old, _, new = self._sides
        names = [name for name in REVISION_FIELDS if name != "body_html"] + [IMAGE_ALTS]
        return [name for name in names if _field(old, name) != _field(new, name)]

    def _render(self) -> None:
        c = colours()
        old_label, old, new_label, new = self._sides
        heading = (
            f'<tr><th width="50%" align="left">{html.escape(old_label)}</th>'
            f'<th width="50%" align="left">{html.escape(new_label)}</th></tr>'
        )
        rows = [heading]
        names = self.field_names()
        for name in self._changed_fields():
            old_html, new_html = _sides(diff(_field(old, name), _field(new, name)))
            caption = (
                f'<span style="color:{c.muted}; font-size:small">'
                f"{html.escape(names[name])}</span><br/>"
            )
            rows.append(
                _row(
                    caption + old_html,
                    caption + new_html,
                    c.changed_old_row,
                    c.changed_new_row,
                )
            )
        if len(rows) > 1:
            body = html.escape(self.tr("Body"))
            rows.append(
                f'<tr><td colspan="2" style="color:{c.muted}; font-size:small">{body}</td></tr>'
            )
        rows.extend(self._body_rows())
        self.browser.setHtml(
            f'<table width="100%" cellspacing="0" cellpadding="8" border="1"'
            f' style="border-collapse:collapse; border-color:{c.border}">'
            f"{''.join(rows)}</table>"
        )

    def _body_rows(self) -> list[str]:
        rows: list[str] = []
        folded = 0
        for paragraph in self._paragraphs:
            if self.only_changes.isChecked() and not paragraph.changed:
                folded += 1
                continue
            if folded:
                rows.append(self._folded(folded))
                folded = 0
            rows.append(_paragraph_row(paragraph))
        if folded:
            rows.append(self._folded(folded))
        return rows

    def _folded(self, count: int) -> str:
        text = self.tr("⋯ %n unchanged paragraph(s)", "", count)
        return (
            f'<tr><td colspan="2" align="center" bgcolor="{colours().gap}"'
            f' style="color:{colours().muted}">{html.escape(text)}</td></tr>'
        )


class CompareDialog(QDialog):
    """A :class:`CompareView` in a window of its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare versions"))
        self.view = CompareView(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(1000, 680)


# --- the panel --------------------------------------------------------------------------------


class RevisionsPanel(QWidget):
    """The history of one article, with comparing and restoring.

    ``restored(number)`` tells that revision ``number`` was put back as the current draft.
    """

    restored = Signal(int)

    def __init__(self, session: Session, article_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._article_id = article_id
        self._history: ArticleHistory | None = None
        self._generation = 0  # the latest load wins
        self.message_bar = MessageBar(self)
        self.model = RevisionsModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setSpacing(2)
        self.view.setWordWrap(True)
        self.view.doubleClicked.connect(self.compare)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.compare_button = QPushButton(self.tr("Compare"), self)
        self.compare_button.clicked.connect(self.compare)
        self.restore_button = QPushButton(self.tr("Restore this revision"), self)
        self.restore_button.clicked.connect(self.restore)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {colours().muted};")
        buttons = QHBoxLayout()
        buttons.addWidget(self.compare_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.dialog: CompareDialog | None = None
        session.changed.connect(self._changed)
        self._update_actions()
        self.reload()

    @property
    def history(self) -> ArticleHistory | None:
        """The article and its revisions as last loaded (``None`` until loaded or if gone)."""
        return self._history

    def reload(self) -> None:
        """Read the article and its revisions again, on the database thread."""
        self._generation += 1
        generation = self._generation
        article_id = self._article_id
        self._session.read(
            lambda conn: article_history(conn, article_id),
            lambda history: self._loaded(generation, history),
            owner=self,
        )

    def _changed(self, areas: frozenset[Area], _initiator: object) -> None:
        if Area.ARTICLES in areas or Area.REVIEWS in areas:
            self.reload()

    def _loaded(self, generation: int, history: ArticleHistory | None) -> None:
        if generation != self._generation:
            return
        self._history = history
        self.model.set_history(history)
        self._update_actions()

    def selected(self) -> list[Version]:
        """The selected rows, newest first."""
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [self.model.version(row) for row in rows]

    def _pair(self) -> tuple[Version, Version] | None:
        """The two versions to compare, older first: two selected, or one revision and the
        current draft."""
        chosen = self.selected()
        if len(chosen) == 1 and chosen[0].number is not None and self.model.rowCount():
            chosen = [self.model.version(0), chosen[0]]
        if len(chosen) != 2:
            return None
        return chosen[1], chosen[0]

    def _restore_refusal(self) -> str | None:
        """Why the selection cannot be restored, or ``None`` when it can."""
        history = self._history
        chosen = self.selected()
        if history is None:
            return self.tr("The article could not be found.")
        refusal = may_edit(self._session.actor, history.article, history.topic)
        if isinstance(refusal, Refusal):
            return translated(refusal.message)
        if len(chosen) != 1 or chosen[0].number is None:
            return self.tr("Select one revision to restore it as the current draft.")
        if not self._restored_fields(chosen[0]):
            return self.tr("The current draft already has this revision's text.")
        return None

    def _restored_fields(self, version: Version) -> dict[str, object]:
        assert self._history is not None
        now = revision_content(self._history.article)
        return {name: value for name, value in version.content.items() if now.get(name) != value}

    def _update_actions(self) -> None:
        pair = self._pair()
        self.compare_button.setEnabled(pair is not None)
        self.compare_button.setToolTip(
            self.tr("Compare the two selected versions, or a revision with the current draft.")
        )
        reason = self._restore_refusal()
        self.restore_button.setEnabled(reason is None)
        self.restore_button.setToolTip(
            reason or self.tr("Make this revision's text the current draft; history keeps all.")
        )
        self.hint.setText(reason or "")
        self.hint.setVisible(bool(reason) and self._history is not None and bool(self.selected()))

    def compare(self) -> None:
        """Open the comparison of the selected versions."""
        pair = self._pair()
        if pair is None:
            return
        old, new = pair
        if self.dialog is None:
            self.dialog = CompareDialog(self)
        self.dialog.view.compare(self._label(old), old.content, self._label(new), new.content)
        self.dialog.show()
        self.dialog.raise_()

    def _label(self, version: Version) -> str:
        if version.number is None:
            return self.tr("Current draft")
        return version.heading

    def restore(self) -> None:
        """Put the selected revision's text back as the current draft, as one edit."""
        if self._restore_refusal() is not None or self._history is None:
            return
        (version,) = self.selected()
        assert version.number is not None
        number = version.number
        article = self._history.article
        edit = self._session.mutation(
            Kind.ARTICLE_EDIT,
            article.id,
            base_version=article.row_version,
            **self._restored_fields(version),
        )
        self.restore_button.setEnabled(False)
        self._session.apply([edit], lambda applied: self._restored(number, applied), self)

    def _restored(self, number: int, applied: list[Applied]) -> None:
        (result,) = applied
        if isinstance(result.outcome, Refusal):
            self.message_bar.show_message(translated(result.outcome.message), Tone.ERROR)
            self._update_actions()
            return
        self.message_bar.show_message(
            self.tr("Revision {number} is the current draft again.").format(number=number)
        )
        self.restored.emit(number)
