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
from collections.abc import Collection
from dataclasses import dataclass

from newsdesk.core.articles import scheduled_publication_id
from newsdesk.core.model import ScheduledPublication
from newsdesk.publish.publisher import Outgoing, Publisher, Report
from newsdesk.store import reads, schedule
from newsdesk.store.apply import Applied
from newsdesk.store.reads import Conn


@dataclass(frozen=True)
class Published:
    """What became of one due publication: the mutation's outcome and the delivery."""

    due: ScheduledPublication
    report: Report


def publish_due(
    publisher: Publisher, now: dt.datetime, *, passed_over: Collection[str] = ()
) -> list[Published]:
    """Publish every article due by ``now``; first deliver what an interrupted run published
    but did not send. Refused publications (the publisher lost the role, the article changed
    meanwhile) are reported, and stay scheduled for a publisher to see; ``passed_over`` names
    the publications (by mutation id) refused before, not tried again."""
    store = publisher.workspace.store
    with store.engine.connect() as conn:
        unsent = schedule.unsent(conn)
        due = schedule.due_publications(conn, now)
    for article_id in unsent:
        publisher.send(article_id)
        with store.engine.begin() as conn:
            schedule.forget_unsent(conn, article_id)
    done = []
    for item in due:
        with store.engine.connect() as conn:
            article = reads.article(conn, item.article_id)
        if article is None or article.publish_at != item.publish_at:
            continue  # changed since the list was read
        mutation_id = scheduled_publication_id(article)
        if mutation_id not in passed_over:
            done.append(Published(item, _publish(publisher, item, mutation_id, now)))
    return done


def _publish(
    publisher: Publisher, due: ScheduledPublication, mutation_id: str, now: dt.datetime
) -> Report:
    store = publisher.workspace.store
    attempt = publisher.publish_mutation(
        due.scheduled_by,
        due.article_id,
        at=now,
        mutation_id=mutation_id,
        scheduled_for=due.publish_at,
    )
    outgoing: list[Outgoing] = []
    export = publisher.exporting(outgoing)

    def before_commit(conn: Conn, applied: list[Applied]) -> None:
        export(conn, applied)
        if outgoing:
            schedule.note_unsent(conn, due.article_id)

    [applied] = store.apply([attempt], before_commit=before_commit)
    if not outgoing:
        return Report(applied)
    sent = publisher.record(publisher.deliver(outgoing[0]))
    with store.engine.begin() as conn:
        schedule.forget_unsent(conn, due.article_id)
    return Report(applied, sent.written, sent.delivered)
