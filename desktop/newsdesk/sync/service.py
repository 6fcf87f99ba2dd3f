"""The sync service's work on its database, without HTTP, in parts with one job each:

* :class:`~newsdesk.sync.audit_log.AuditLog`: the one serialised, audited write path, and the
  database's epoch;
* :class:`~newsdesk.sync.accounts.Accounts`: signing in and out, tokens, passwords, locks;
* :class:`~newsdesk.sync.ledger.Ledger`: push, the server's own changes, pull;
* :class:`~newsdesk.sync.attachments.Blobs`: the files behind attachments.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine

from newsdesk.sync import audit
from newsdesk.sync.accounts import Accounts
from newsdesk.sync.attachments import Blobs
from newsdesk.sync.audit_log import AuditLog, Clock, utc_now
from newsdesk.sync.ledger import Ledger


class Service:
    def __init__(
        self,
        engine: Engine,
        *,
        token_ttl: dt.timedelta = dt.timedelta(hours=12),
        clock: Clock = utc_now,
        keys: audit.Keys | None = None,
    ) -> None:
        self.log = AuditLog(engine, keys or audit.Keys(audit.default_config_dir()), clock)
        self.ledger = Ledger(self.log)
        self.accounts = Accounts(self.log, self.ledger, token_ttl)
        self.blobs = Blobs(self.log, self.ledger)
