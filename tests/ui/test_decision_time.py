"""A review decision's time as history rows show it: the service's, with the reviewer's own
beside it only when their clocks disagree by more than a few minutes."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.core.model import Verdict
from newsdesk.store.history import DecisionEntry
from newsdesk.ui.widgets.decision_time import decision_time, local

SERVER = dt.datetime(2026, 12, 5, 9, 12, tzinfo=dt.UTC)


def entry(decided_at: dt.datetime, received_at: dt.datetime | None) -> DecisionEntry:
    return DecisionEntry(1, Verdict.APPROVE, "孙晓雨", "", decided_at, received_at)


@pytest.mark.usefixtures("chinese")
def test_a_laptop_three_days_behind_shows_both_times() -> None:
    laptop = SERVER - dt.timedelta(days=3)
    assert decision_time(entry(laptop, SERVER)) == f"服务器 {local(SERVER)}（本机 {local(laptop)}）"


@pytest.mark.usefixtures("english")
def test_clocks_that_agree_show_one_time() -> None:
    nearly = SERVER - dt.timedelta(minutes=2)
    assert decision_time(entry(nearly, SERVER)) == local(SERVER)
    assert decision_time(entry(nearly, None)) == local(nearly)
    ahead = SERVER + dt.timedelta(days=3)
    assert decision_time(entry(ahead, SERVER)) == (
        f"server {local(SERVER)} (this computer {local(ahead)})"
    )
