"""While a proposal is written, what the newsroom already has like it is shown beneath it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from newsdesk.ui.session import Session
from tests.ui.test_proposals import loaded, new_editor, type_text

SHOTS = Path(os.environ.get("NEWSDESK_SHOTS", "/tmp/newsdesk-shots"))


def test_writing_a_proposal_like_an_existing_one_shows_whose_it_is(
    qtbot: QtBot, sign_in: Callable[[str], Session], chinese: None
) -> None:
    session = sign_in("wangfang")
    existing = next(
        t for t in loaded(qtbot, session).topics if len(t.angle) > 40 and t.state != "deleted"
    )
    editor = new_editor(qtbot, session)
    type_text(qtbot, editor.title_edit, existing.title[:-2])
    type_text(qtbot, editor.angle_edit, "另外，" + existing.angle[5:])
    qtbot.waitUntil(lambda: editor.similar_hint.isVisible(), timeout=5_000)
    assert editor.similar_hint.items[0].id == existing.id
    text = editor.similar_hint.text()
    assert text.startswith("相似：") and f"《{existing.title}》" in text and "报题" in text
    SHOTS.mkdir(parents=True, exist_ok=True)
    editor.grab().save(str(SHOTS / "similar-hint-zh.png"))
    editor.title_edit.clear()
    editor.angle_edit.clear()
    type_text(qtbot, editor.title_edit, "南极科考队员的一天")
    qtbot.waitUntil(lambda: not editor.similar_hint.isVisible(), timeout=5_000)
    editor.reject()
