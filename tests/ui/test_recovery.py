"""Killing Newsdesk loses at most the last two seconds of typing, and the next start reopens
the article. The app runs in a real child process (the real composition, offscreen); the test
kills it with SIGKILL while it types."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from newsdesk.core.actor import Actor
from newsdesk.core.apply import actor_of
from newsdesk.store.queries import largest_editable_article
from newsdesk.store.workspace import Workspace
from newsdesk.ui.editor.articles_page import ArticlesPage
from newsdesk.ui.jobs import Runner
from newsdesk.ui.session import Session
from newsdesk.ui.snapshot import SnapshotStore

# The child: the desktop as users start it, plus a timer that types a numbered chunk every
# 100 ms into the open editor and reports each chunk, with the time it was typed, on stdout.
CHILD = r"""
import argparse, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from newsdesk.ui.app import Desktop

app = QApplication([])
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
args = argparse.Namespace(workspace=sys.argv[1], user="editor", smoke=False, page="editor",
                          article=sys.argv[3], screenshot=None, lang="zh_CN")
desktop = Desktop(app, args, settings)
desktop.start()
count = [0]

def type_chunk():
    window = desktop.window
    editors = window.page("articles").editors() if window else []
    if not editors or not editors[0].body.isEnabled() or editors[0].body.isReadOnly():
        return
    body = editors[0].body
    cursor = body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    body.setTextCursor(cursor)
    count[0] += 1
    body.insertPlainText(f"【第{count[0]}段】")
    print(f"typed {count[0]} {time.monotonic():.3f}", flush=True)

timer = QTimer()
timer.timeout.connect(type_chunk)
timer.start(100)
app.exec()
"""


def test_a_killed_editor_loses_at_most_two_seconds_and_reopens(
    workspace: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    with workspace.store.world() as world:
        editor = world.user_by_login("editor")
        assert editor is not None
        actor = actor_of(world, editor.id)
    assert isinstance(actor, Actor)
    with workspace.store.engine.connect() as conn:
        article_id = largest_editable_article(conn, actor)
    assert article_id is not None
    folder = tmp_path / "killed"
    shutil.copytree(workspace.folder, folder)
    ini = tmp_path / "settings.ini"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), str(ini), article_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    typed: list[tuple[int, float]] = []
    assert child.stdout is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = child.stdout.readline()
        match = re.match(r"typed (\d+) ([\d.]+)", line)
        if match:
            typed.append((int(match.group(1)), float(match.group(2))))
        if len(typed) >= 45:  # four and a half seconds of typing
            break
    assert len(typed) >= 45, child.stderr.read() if child.stderr else ""
    killed_at = time.monotonic()
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    with Workspace.open(folder) as reopened, reopened.store.world() as world:
        article = world.article(article_id)
    assert article is not None
    must_have = [n for n, at in typed if at <= killed_at - 2.0]
    assert must_have, "the child should have typed for more than two seconds"
    for number in must_have:
        assert f"【第{number}段】" in article.body_html, f"chunk {number} was lost"

    # The next start reopens the article that was open, with the text in it.
    runner = Runner()
    with Workspace.open(folder) as again:
        session = Session.sign_in(again, editor.id, runner)
        page = ArticlesPage(
            session, SnapshotStore(session), QSettings(str(ini), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(page)
        page.show()
        page.reopen()
        assert [e.article_id for e in page.editors()] == [article_id]
        body = page.editors()[0].body
        qtbot.waitUntil(lambda: f"【第{must_have[-1]}段】" in body.toPlainText(), timeout=10_000)
        page.close()
    runner.shutdown()
