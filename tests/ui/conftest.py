"""Fixtures for driving real widgets over a real demo workspace (``QT_QPA_PLATFORM=offscreen``)."""

from __future__ import annotations

import asyncio
import gc
import os
import shutil
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from newsdesk.demo import build_demo
from newsdesk.store.workspace import Workspace
from newsdesk.ui.fonts import use_chinese_fonts
from newsdesk.ui.i18n import install_translators
from newsdesk.ui.jobs import Runner
from newsdesk.ui.session import Session
from newsdesk.ui.theme import style
from newsdesk.ui.widgets import plain_text
from newsdesk.ui.widgets.palette import colours, dark_palette


@pytest.fixture(autouse=True)
def collect_on_the_ui_thread() -> Iterator[None]:
    """As the application does (see ``newsdesk.ui.collector``): no automatic collection, which
    could destroy a widget on the database thread, but a collection here between tests."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()


@pytest.fixture
def run(qapp: QApplication) -> Iterator[Callable[[Awaitable[Any]], Any]]:
    """Runs a coroutine on a qasync loop, as the application's asyncio tasks run."""
    # A dialog closing as the last window would otherwise quit Qt's loop under the coroutine.
    quits = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)

    def run_until_done(awaitable: Awaitable[Any]) -> Any:
        # Not qasync's run_until_complete: after the loop stops, it processes Qt's events once
        # more with no running loop, and a task stepping there fails as the application's never
        # do (httpx's locks ask for the running loop), so a desktop's sync loop died mid-test.
        # What is still queued waits for the next run, as it would in the application.
        future = asyncio.ensure_future(awaitable, loop=loop)
        future.add_done_callback(lambda _done: loop.stop())
        loop.run_forever()
        return future.result()

    yield run_until_done
    asyncio.set_event_loop(None)
    loop.close()
    qapp.setQuitOnLastWindowClosed(quits)


async def until(condition: Callable[[], bool], seconds: float = 30) -> None:
    """Wait (inside ``run``) until ``condition`` holds; fail after ``seconds``."""
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the condition did not come true in time")


@pytest.fixture(autouse=True, scope="session")
def plain_text_labels(qapp: QApplication) -> None:
    """As the application does (``newsdesk.ui.app.run``): labels show data as text."""
    plain_text.install(qapp)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo newsroom, built once; tests get copies."""
    folder = tmp_path_factory.mktemp("demo-template") / "ws"
    with Workspace.open(folder, create=True) as workspace:
        build_demo(workspace)
    return folder


@pytest.fixture
def workspace(demo_template: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A private copy of the demo workspace."""
    folder = tmp_path / "ws"
    shutil.copytree(demo_template, folder)
    opened = Workspace.open(folder)
    yield opened
    opened.close()


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The interface in English (the source language), whatever the machine's locale."""
    use_chinese_fonts(qapp)
    translators = install_translators(qapp, "en")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    use_chinese_fonts(qapp)
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    """The desktop in a dark system palette (Windows 11 dark mode, a dark desktop theme)."""
    before, sheet = QPalette(qapp.palette()), qapp.styleSheet()
    qapp.setPalette(dark_palette())
    qapp.setStyleSheet(style(colours()))
    yield
    qapp.setPalette(before)
    qapp.setStyleSheet(sheet)


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[Runner]:
    made = Runner()
    yield made
    made.shutdown()


@pytest.fixture
def sign_in(workspace: Workspace, runner: Runner) -> Iterator[Callable[[str], Session]]:
    """``sign_in("chief")``: a session for that demo login."""
    made: list[Session] = []

    def make(login: str) -> Session:
        with workspace.store.world() as world:
            user = world.user_by_login(login)
        assert user is not None, login
        made.append(Session.sign_in(workspace, user.id, runner))
        return made[-1]

    yield make
    for session in made:
        session.shutdown()
