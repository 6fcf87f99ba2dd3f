"""The benchmark runner's command line (benchmarks run with ``python -m tests.perf``)."""

from __future__ import annotations

import argparse
import importlib
import json
import os
from pathlib import Path

import pytest

import tests.perf.__main__ as runner
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


def benchmarks(folder: Path, monkeypatch: pytest.MonkeyPatch, **modules: str) -> None:
    """Benchmark modules with these names and sources, where the runner's processes find
    them (each benchmark runs in a process of its own)."""
    package = folder / "fixture_benchmarks"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    for name, source in modules.items():
        (package / f"{name}.py").write_text(source, encoding="utf-8")
    path = os.pathsep.join([str(folder), *filter(None, [os.environ.get("PYTHONPATH")])])
    monkeypatch.setenv("PYTHONPATH", path)
    monkeypatch.setattr(runner, "discover", lambda: [f"fixture_benchmarks.{n}" for n in modules])


RESULT = "from tests.perf import Result\n"


def test_a_benchmark_that_fails_is_named_and_the_others_still_report(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A long run keeps every figure it measured when one benchmark breaks, names the broken
    one, and fails."""
    benchmarks(
        tmp_path,
        monkeypatch,
        bench_broken="def run(quick):\n    raise RuntimeError('the page has no such method')\n",
        bench_working=RESULT
        + "def run(quick):\n    return [Result('work', 2.0, 'ms', 1.0, 2.0, '< 5 ms', True)]\n",
    )
    saved = tmp_path / "results.json"
    assert runner.main(["--json", str(saved)]) == 1
    out = capfd.readouterr()
    assert "FAILED: fixture_benchmarks.bench_broken" in out.out
    assert "work " in out.out and "the page has no such method" in out.err
    assert [row["name"] for row in json.loads(saved.read_text(encoding="utf-8"))] == ["work"]


def test_each_benchmark_runs_in_a_process_of_its_own_over_workspaces_built_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """What one benchmark leaves in its process (objects every collection walks, threads)
    does not slow the next; a workspace one builds is there for the next to use."""
    reports_itself = (
        RESULT
        + "import os, sys\n"
        + "from pathlib import Path\n"
        + "def run(quick):\n"
        + "    shared = Path(os.environ['NEWSDESK_BENCH_WORKSPACES'])\n"
        + "    found = len(list(shared.iterdir()))\n"
        + "    (shared / __name__).mkdir()\n"
        + "    loaded = sum(m.startswith('fixture_benchmarks.') for m in sys.modules)\n"
        + "    return [Result(__name__, os.getpid(), 'pid', found, loaded, '', True)]\n"
    )
    benchmarks(tmp_path, monkeypatch, bench_first=reports_itself, bench_second=reports_itself)
    assert runner.main([]) == 0
    first, second = (line.split() for line in capfd.readouterr().out.splitlines()[2:4])
    assert first[0] == "fixture_benchmarks.bench_first"
    assert len({first[1], second[1], f"{os.getpid():,.2f}"}) == 3  # three processes
    assert (first[3], second[3]) == ("0.00", "1.00")  # the second saw what the first left
    assert first[4] == second[4] == "1.000"  # each process loaded its own benchmark alone
