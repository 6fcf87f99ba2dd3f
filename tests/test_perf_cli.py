"""The benchmark runner's command line (benchmarks run with ``python -m tests.perf``)."""

from __future__ import annotations

import argparse
import importlib

import pytest

from tests.perf.__main__ import discover, scales


def test_a_scale_is_read_in_thousands_or_plain_numbers() -> None:
    assert scales("10k,50k,100k") == [10_000, 50_000, 100_000]
    assert scales(" 2500 , 1K") == [2_500, 1_000]


@pytest.mark.parametrize("text", ["", "10m", "0", "-5k", "ten"])
def test_a_scale_that_is_not_a_number_of_items_is_refused_by_name(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="not a number of items"):
        scales(text)


def test_the_board_and_its_search_have_a_scale_mode() -> None:
    scaled = {name for name in discover() if hasattr(importlib.import_module(name), "run_scale")}
    assert scaled == {"tests.perf.bench_board", "tests.perf.bench_demo_search"}
