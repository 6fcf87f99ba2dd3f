"""The demo newsroom: channels, people, proposals and articles a Chinese media centre recognises.

Everything is made through mutations applied by the store, exactly as people would make it, so the
demo passes the same rules as real work and doubles as a test of them: a refused mutation stops
the build with the refusal's message. ``size="small"`` builds a hand-written newsroom with a story
in every state; ``size="large"`` adds generated stories up to 10,000 proposals and articles;
``size="board"`` generates exactly ``items`` stories, each of them one card shown on a chief's
board (for benchmarks that must show the number of cards they name).

Every demo user signs in with :data:`DEMO_PASSWORD`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from types import MappingProxyType
from typing import Literal

from newsdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from newsdesk.demo.builder import Builder, Clock, DemoRefusedError
from newsdesk.demo.generate import board_stories, generated_stories
from newsdesk.demo.handwritten import HANDWRITTEN_STORIES
from newsdesk.demo.operations import build_operations
from newsdesk.demo.summary import DemoLogin, DemoSummary, summarise
from newsdesk.passwords import hash_password
from newsdesk.publish.export import Exporter
from newsdesk.publish.pages import SiteInfo, Templates
from newsdesk.publish.publisher import PublishingSettings, save_settings
from newsdesk.store.workspace import DEMO_SETTING, Workspace

__all__ = [
    "DEMO_PASSWORD",
    "DemoLogin",
    "DemoRefusedError",
    "DemoSummary",
    "build_demo",
]

DEMO_PASSWORD = "newsdesk"
DEMO_SITE = "市融媒体中心"  # the site name on the demo's published pages

"""The password of every demo user."""


def build_demo(
    workspace: Workspace,
    size: Literal["small", "large", "board"] = "small",
    *,
    items: int | None = None,
    seed: int = 2026,
    progress: Callable[[Message], None] | None = None,
    operations: bool = True,
) -> DemoSummary:
    """Fill the empty ``workspace`` with the demo newsroom and say what it holds.

    Deterministic for a given ``seed``, apart from the ids and the times, which are relative to
    now. ``items`` is the number of cards of a ``"board"`` demo, and only of that one. Without
    ``operations`` the newsroom has not started keeping its platform accounts, targets and 留言
    (a board demo never has them: it holds exactly the cards it names). Raises
    ``ValueError`` if the workspace already has users or ``items`` does not fit ``size``, and
    :class:`DemoRefusedError` if the rules refuse any step of the demo.
    """
    with workspace.store.world() as world:
        if world.has_users():
            raise ValueError(f"the demo needs an empty workspace; {workspace.folder} has users")
    if (size == "board") != (items is not None) or (items is not None and items < 1):
        raise ValueError(f"a {size} demo cannot have items={items}; a board demo needs items ≥ 1")
    report = progress or _ignore
    rng = random.Random(seed)
    if items is not None:
        stories = board_stories(rng, items)
    else:
        stories = list(HANDWRITTEN_STORIES)
        if size == "large":
            stories += generated_stories(rng, stories)
    builder = Builder(workspace, rng, 42.0 if size == "small" else 112.0)
    report(_step(QT_TRANSLATE_NOOP("Demo", "Creating users, channels and pictures")))
    setup = builder.now - dt.timedelta(days=builder.span_days + 3)
    builder.setup(hash_password(DEMO_PASSWORD), Clock(rng, setup, setup + dt.timedelta(hours=2)))
    report(_step(QT_TRANSLATE_NOOP("Demo", "Writing {total} stories"), total=len(stories)))
    for done, story in enumerate(stories, 1):
        builder.story(story)
        if done % 1000 == 0:
            report(
                _step(
                    QT_TRANSLATE_NOOP("Demo", "Written {done} of {total} stories"),
                    done=done,
                    total=len(stories),
                )
            )
    if operations and size != "board":
        report(_step(QT_TRANSLATE_NOOP("Demo", "Adding platform accounts, figures and messages")))
        build_operations(builder, setup + dt.timedelta(hours=3))
    builder.flush()
    workspace.store.set_setting(DEMO_SETTING, DEMO_PASSWORD)
    save_settings(workspace, PublishingSettings(site_name=DEMO_SITE))
    if size == "small":
        # Every demo publication points at a file that is really there ("Open page" works);
        # the large demo, for benchmarks, leaves its thousands of pages unwritten.
        report(_step(QT_TRANSLATE_NOOP("Demo", "Exporting the published pages")))
        with Exporter(workspace, workspace.export, SiteInfo(name=DEMO_SITE), Templates()) as out:
            out.export_all()
    report(_step(QT_TRANSLATE_NOOP("Demo", "Demo newsroom ready")))
    return summarise(workspace)


def _step(source: str, **params: object) -> Message:
    return Message("Demo", source, MappingProxyType(params))


def _ignore(_message: Message) -> None:
    """The progress callback when nobody listens."""
