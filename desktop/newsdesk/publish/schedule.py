"""定时发布: publishing the articles whose publication time has come, exactly once.

Whoever runs it (the sync service for a newsroom, the desktop for a workspace without one)
calls :func:`publish_due` now and then. Each due article is published in the name of the
publisher who scheduled it, through the same :class:`~newsdesk.publish.publisher.Publisher` a
desk publishes with, by a mutation whose id is derived from the article and its publication
time: an attempt made again (the service restarted, two runs overlapped) is recognised as done
and publishes nothing twice. An article published but not yet delivered when the process
stopped is remembered in the publishing transaction and delivered by the next run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import partial
from typing import Protocol, TypeVar

from newsdesk.core.articles import scheduled_publication_id
from newsdesk.core.model import Article, ScheduledPublication
from newsdesk.core.mutation import Mutation
from newsdesk.publish.publisher import Outgoing, Publisher, Report, Sent, publication_images
from newsdesk.store import reads, schedule
from newsdesk.store.apply import Applied
from newsdesk.store.reads import Conn

T = TypeVar("T")


class RunDb(Protocol):
    """Runs database work where the database may be used and returns its result: in place on
    the service, on the database thread on a desktop (which confines its workspace to it)."""

    def __call__(self, work: Callable[[], T], /) -> T: ...


def in_place(work: Callable[[], T]) -> T:
    return work()


@dataclass(frozen=True)
class Published:
    """What became of one due publication: the mutation's outcome and the delivery."""

    due: ScheduledPublication
    report: Report


def publish_due(
    publisher: Publisher,
    now: dt.datetime,
    *,
    passed_over: Collection[str] = (),
    db: RunDb = in_place,
) -> list[Published]:
    """Publish every article due by ``now``; first deliver what an interrupted run published
    but did not send. Refused publications (the publisher lost the role, the article changed
    meanwhile) are reported, and stay scheduled for a publisher to see; ``passed_over`` names
    the publications (by mutation id) refused before, not tried again. The database work runs
    through ``db``; making renditions and delivering files, where ``publish_due`` is called."""
    unsent, due = db(partial(_read_due, publisher, now))
    for article_id in unsent:
        outgoing = db(partial(publisher.export, article_id))
        db(partial(_delivered, publisher, publisher.deliver(outgoing)))
    done = []
    for item, article in due:
        if article is None or article.publish_at != item.publish_at:
            continue  # changed since the list was read
        mutation_id = scheduled_publication_id(article)
        if mutation_id not in passed_over:
            done.append(Published(item, _publish(publisher, item, mutation_id, now, db)))
    return done


def _read_due(
    publisher: Publisher, now: dt.datetime
) -> tuple[list[str], list[tuple[ScheduledPublication, Article | None]]]:
    with publisher.workspace.store.engine.connect() as conn:
        due = schedule.due_publications(conn, now)
        return schedule.unsent(conn), [(d, reads.article(conn, d.article_id)) for d in due]


def _publish(
    publisher: Publisher, due: ScheduledPublication, mutation_id: str, now: dt.datetime, db: RunDb
) -> Report:
    attempt = db(
        partial(
            publisher.publish_mutation,
            due.scheduled_by,
            due.article_id,
            at=now,
            mutation_id=mutation_id,
            scheduled_for=due.publish_at,
        )
    )
    # The slow part that needs no database first, so the publishing transaction is short.
    publisher.make_renditions(db(partial(_images, publisher, attempt)))
    outgoing: list[Outgoing] = []
    export = publisher.exporting(outgoing)

    def before_commit(conn: Conn, applied: list[Applied]) -> None:
        export(conn, applied)
        if outgoing:
            schedule.note_unsent(conn, due.article_id)

    [applied] = db(partial(publisher.workspace.store.apply, [attempt], before_commit=before_commit))
    if not outgoing:
        return Report(applied)
    report = db(partial(_delivered, publisher, publisher.deliver(outgoing[0])))
    return Report(applied, report.written, report.delivered)


def _images(publisher: Publisher, attempt: Mutation) -> list[str]:
    with publisher.workspace.store.engine.connect() as conn:
        return publication_images(conn, attempt)


def _delivered(publisher: Publisher, sent: Sent) -> Report:
    """Keep what the delivery of ``sent`` did, and that it is no longer waiting."""
    report = publisher.record(sent)
    with publisher.workspace.store.engine.begin() as conn:
        schedule.forget_unsent(conn, sent.article_id)
    return report
