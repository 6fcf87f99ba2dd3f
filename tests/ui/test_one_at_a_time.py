"""A screen's load runs once at a time, and once more if asked for while it ran."""

from __future__ import annotations

from newsdesk.ui.jobs import OneAtATime


def test_asking_while_a_load_runs_loads_once_more_afterwards() -> None:
    started: list[int] = []
    loads = OneAtATime(lambda: started.append(len(started)))
    loads.request()
    loads.request()
    loads.request()
    assert started == [0] and loads.running
    assert loads.finish() is True  # the result is stale: the second load is under way
    assert started == [0, 1] and loads.running
    assert loads.finish() is False
    assert not loads.running


def test_a_failed_load_lets_the_next_request_start_one() -> None:
    started: list[int] = []
    loads = OneAtATime(lambda: started.append(len(started)))
    loads.request()
    loads.fail()
    assert not loads.running
    loads.request()
    assert started == [0, 1]


def test_a_request_made_while_a_load_failed_is_dropped_with_it() -> None:
    started: list[int] = []
    loads = OneAtATime(lambda: started.append(len(started)))
    loads.request()
    loads.request()  # asked again while the first runs
    loads.fail()
    loads.request()
    assert started == [0, 1]
    assert loads.finish() is False  # no stale repeat of the request the failure dropped
    assert started == [0, 1] and not loads.running
