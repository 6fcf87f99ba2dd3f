"""Merging two concurrent edits of an article: the common base, theirs (what the article holds
now) and mine (the conflict revision), and a result the editor picks or writes.

The comparison shows what each side changed since the common base. For each field both sides
made differ, the editor keeps theirs, takes mine, or (for the body, as plain paragraphs) writes
the result. Saving is one ``article.merge``; the conflict revision stays in the history, so the
side that was not taken is never lost.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newsdesk.core.articles import revision_content
from newsdesk.core.model import REVISION_FIELDS, Article, Revision
from newsdesk.core.mutation import Kind
from newsdesk.core.refusal import Refusal
from newsdesk.core.textdiff import html_paragraphs
from newsdesk.store import reads
from newsdesk.store.apply import Applied
from newsdesk.ui.editor.revisions import CompareView
from newsdesk.ui.i18n import translated
from newsdesk.ui.session import Session
from newsdesk.ui.widgets.fields import heading

Content = Mapping[str, object]


def body_from_text(text: str) -> str:
    """Plain paragraphs (one per line) as article HTML."""
    return "".join(
        f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip()
    )


def body_text(body_html: str) -> str:
    return "\n".join(html_paragraphs(body_html))


class MergeDialog(QDialog):
    def __init__(self, session: Session, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.article = article
        self.revision: Revision | None = None
        self.setWindowTitle(self.tr("Merge “{title}”").format(title=article.title))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.theirs_view = CompareView(self)
        self.mine_view = CompareView(self)
        views = QTabWidget(self)
        views.addTab(self.theirs_view, self.tr("What they changed"))
        views.addTab(self.mine_view, self.tr("What you changed"))
        self.choices = QGroupBox(self.tr("Result"), self)
        self.grid = QGridLayout(self.choices)
        self.body_result = QPlainTextEdit(self)
        self.body_result.setPlaceholderText(self.tr("The merged body, one paragraph per line"))
        self.problem = QLabel(self)
        self.problem.setObjectName("formError")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.choices)
        lower_layout.addWidget(self.body_result, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(views)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Two edits of this article crossed")))
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(1100, 820)
        self._groups: dict[str, QButtonGroup] = {}
        self._base: Content = {}
        self._theirs: Content = {}
        self._mine: Content = {}
        self._body_loaded = ""
        self.buttons.setEnabled(False)
        article_id = article.id
        session.read(lambda conn: reads.conflict(conn, article_id), self._loaded, owner=self)

    # --- loading ------------------------------------------------------------------------------

    def _loaded(self, found: tuple[Article, Revision] | None) -> None:
        if found is None:
            self.problem.setText(self.tr("This conflict is no longer here: it was settled."))
            return
        self.article, revision = found
        self.revision = revision
        self._theirs = revision_content(self.article)
        self._mine = dict(revision.content)
        self._base = dict(revision.base) if revision.base is not None else dict(self._theirs)
        self.intro.setText(
            self.tr(
                "Your edit of {time} arrived after someone else's. Their version is in the "
                "article now; yours is kept as a conflict revision. Choose the result below: "
                "the side you do not take stays in the revision history."
            ).format(time=revision.created_at.astimezone().strftime("%Y-%m-%d %H:%M"))
        )
        self.theirs_view.compare(
            self.tr("Common base"), self._base, self.tr("Theirs (now)"), self._theirs
        )
        self.mine_view.compare(self.tr("Common base"), self._base, self.tr("Mine"), self._mine)
        self._build_choices()
        self.buttons.setEnabled(True)

    def differing(self) -> list[str]:
        return [
            name
            for name in REVISION_FIELDS
            if _plain(self._theirs.get(name)) != _plain(self._mine.get(name))
        ]

    def _build_choices(self) -> None:
        names = self.theirs_view.field_names()
        names["body_html"] = self.tr("Body")
        for row, name in enumerate(self.differing()):
            group = QButtonGroup(self)
            theirs = QRadioButton(self.tr("Keep theirs"), self)
            mine = QRadioButton(self.tr("Take mine"), self)
            group.addButton(theirs, 0)
            group.addButton(mine, 1)
            theirs.setChecked(True)
            self._groups[name] = group
            buttons = QHBoxLayout()
            buttons.addWidget(theirs)
            buttons.addWidget(mine)
            buttons.addStretch(1)
            self.grid.addWidget(QLabel(names.get(name, name), self), row, 0)
            self.grid.addLayout(buttons, row, 1)
            if name == "body_html":
                group.idToggled.connect(self._body_side_chosen)
        has_body = "body_html" in self._groups
        self.body_result.setVisible(has_body)
        if has_body:
            self._body_side_chosen(0, True)

    def _body_side_chosen(self, side: int, checked: bool) -> None:
        if not checked:
            return
        source = self._mine if side == 1 else self._theirs
        self._body_loaded = body_text(str(source.get("body_html") or ""))
        self.body_result.setPlainText(self._body_loaded)

    # --- saving -------------------------------------------------------------------------------

    def choose(self, name: str, mine: bool) -> None:
        """Pick a side for field ``name`` (as the radio buttons do)."""
        self._groups[name].button(1 if mine else 0).setChecked(True)

    def merged(self) -> dict[str, object]:
        """The values to save for the fields the two sides made differ."""
        values: dict[str, object] = {}
        for name, group in self._groups.items():
            side = self._mine if group.checkedId() == 1 else self._theirs
            values[name] = side.get(name)
        if "body_html" in values and self.body_result.toPlainText() != self._body_loaded:
            values["body_html"] = body_from_text(self.body_result.toPlainText())
        return values

    def save(self) -> None:
        if self.revision is None:
            return
        self.buttons.setEnabled(False)
        merge = self.session.mutation(
            Kind.ARTICLE_MERGE,
            self.article.id,
            base_version=self.article.row_version,
            revision_id=self.revision.id,
            **self.merged(),
        )
        self.session.apply([merge], self._saved, initiator=self)

    def _saved(self, applied: list[Applied]) -> None:
        (result,) = applied
        if isinstance(result.outcome, Refusal):
            self.buttons.setEnabled(True)
            self.problem.setText(translated(result.outcome.message))
            return
        self.accept()


def _plain(value: object) -> object:
    return list(value) if isinstance(value, (list, tuple)) else value
