"""The benchmark runner's command line (benchmarks run with ``python -m tests.perf``)."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import types
from pathlib import Path

import pytest

import tests.perf.__main__ as runner
from tests.perf import Result
from tests.perf.__main__ import discover, scales


def test_a_scale_is_read_in_thousands_or_plain_numbers() -> None:
    assert scales("10k,50k,100k") == [10_000, 50_000, 100_000]
    assert scales(" 2500 , 1K") == [2_500, 1_000]


@pytest.mark.parametrize("text", ["", "10m", "0", "-5k", "ten"])
def test_a_scale_that_is_not_a_number_of_items_is_refused_by_name(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="not a number of items"):
        scales(text)


def test_the_board_its_search_and_the_first_pull_have_a_scale_mode() -> None:
    scaled = {name for name in discover() if hasattr(importlib.import_module(name), "run_scale")}
    assert scaled == {
        "tests.perf.bench_board",
        "tests.perf.bench_demo_search",
        "tests.perf.bench_sync",
    }


def test_a_benchmark_that_fails_is_named_and_the_others_still_report(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A long run keeps every figure it measured when one benchmark breaks, names the broken
    one, and fails."""

    def broken_run(quick: bool) -> list[Result]:
        raise RuntimeError("the page has no such method")

    def working_run(quick: bool) -> list[Result]:
        return [Result("work", 2.0, "ms", 1.0, 2.0, "< 5 ms", True)]

    broken = types.ModuleType("tests.perf.bench_broken")
    broken.run = broken_run  # type: ignore[attr-defined]
    working = types.ModuleType("tests.perf.bench_working")
    working.run = working_run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, broken.__name__, broken)
    monkeypatch.setitem(sys.modules, working.__name__, working)
    monkeypatch.setattr(runner, "discover", lambda: [broken.__name__, working.__name__])
    saved = tmp_path / "results.json"
    assert runner.main(["--json", str(saved)]) == 1
    out = capsys.readouterr()
    assert "FAILED: tests.perf.bench_broken" in out.out
    assert "work " in out.out and "the page has no such method" in out.err
    assert [row["name"] for row in json.loads(saved.read_text(encoding="utf-8"))] == ["work"]
