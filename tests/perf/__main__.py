"""Run every benchmark and print a table; ``--json PATH`` also writes the results.

``--scale 10k,50k,100k`` runs instead the benchmarks that have a scale mode (``run_scale``: the
board's first paint, scrolling, filter and memory, its search, and a desktop's first pull) over
a board workspace of each number of items, built once per size, so the growth curve shows in
one table.

Each benchmark module runs in a process of its own, as the application would: in one process for
all, a benchmark paid for what the ones before it left behind (their objects made every full
garbage collection longer; their threads and windows stayed). The demo workspaces are still
built once per run, in a folder the processes share."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import shutil
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

import tests.perf as perf
from tests.perf import Result
from tests.perf.workspaces import SHARED


def discover() -> list[str]:
    return sorted(
        f"tests.perf.{info.name}"
        for info in pkgutil.iter_modules([str(Path(perf.__file__).parent)])
        if info.name.startswith("bench_")
    )


def scales(text: str) -> list[int]:
    """``"10k,50k,100k"`` as ``[10000, 50000, 100000]``."""
    sizes = []
    for part in text.split(","):
        part = part.strip().lower()
        number = part.removesuffix("k")
        if not number.isdigit() or int(number) < 1:
            raise argparse.ArgumentTypeError(f"not a number of items: {part!r} (say 10k or 2500)")
        sizes.append(int(number) * (1000 if part.endswith("k") else 1))
    return sizes


def format_table(results: list[Result]) -> str:
    header = ("benchmark", "value", "unit", "baseline", "ratio", "target", "met")
    rows = [
        (
            r.name,
            f"{r.value:,.2f}",
            r.unit,
            f"{r.baseline:,.2f}",
            f"{r.ratio:.3f}",
            r.target,
            "yes" if r.met else "NO",
        )
        for r in results
    ]
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=True)]
    lines = [
        "  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True))
        for line in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def run_module(name: str, quick: bool, scale: list[int] | None) -> tuple[list[Result], list[str]]:
    """Run one benchmark module here; returns its results and what failed (with its traceback
    on stderr): one broken benchmark must not take the others' figures with it."""
    module = importlib.import_module(name)
    if scale is None:
        runs = [(name, lambda: module.run(quick=quick))]
    elif hasattr(module, "run_scale"):
        runs = [
            (f"{name} at {items:,} items", lambda n=items: module.run_scale(n)) for items in scale
        ]
    else:
        runs = []
    results: list[Result] = []
    failed: list[str] = []
    for said, run in runs:
        print(f"running {said} ...", file=sys.stderr, flush=True)
        try:
            results.extend(run())
        except Exception:
            traceback.print_exc()
            failed.append(said)
    return results, failed


def run_alone(name: str, args: argparse.Namespace) -> tuple[list[Result], list[str]]:
    """Run one benchmark module in a process of its own and read back what it measured."""
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-results-") as scratch:
        out = Path(scratch) / "results.json"
        command = [sys.executable, "-m", "tests.perf", "--module", name, "--json", str(out)]
        if args.quick:
            command.append("--quick")
        if args.scale is not None:
            command += ["--scale", ",".join(str(n) for n in args.scale)]
        done = subprocess.run(command, check=False)
        results = (
            [Result(**r) for r in json.loads(out.read_text(encoding="utf-8"))]
            if out.exists()
            else []
        )
    return results, ([] if done.returncode == 0 else [f"{name} (exit code {done.returncode})"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller inputs, for a fast look")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--only", help="run only benchmarks whose module name contains this")
    parser.add_argument(
        "--scale",
        type=scales,
        help="board, search and first-pull figures at these numbers of items, e.g. 10k,50k,100k",
    )
    parser.add_argument("--module", help=argparse.SUPPRESS)  # one module, in this process
    args = parser.parse_args(argv)

    def write(results: list[Result]) -> None:
        if args.json:  # kept as it grows, so a long run interrupted keeps what it measured
            args.json.write_text(
                json.dumps([r.as_json() for r in results], indent=2), encoding="utf-8"
            )

    if args.module:
        results, failed = run_module(args.module, args.quick, args.scale)
        write(results)
        return 1 if failed else 0
    results = []
    failed = []
    shared = tempfile.mkdtemp(prefix="newsdesk-bench-workspaces-")
    os.environ[SHARED] = shared
    try:
        for name in discover():
            if args.only and args.only not in name:
                continue
            found, broke = run_alone(name, args)
            results.extend(found)
            failed.extend(broke)
            write(results)
    finally:
        shutil.rmtree(shared, ignore_errors=True)
    print(format_table(results))
    print("ratio = value / baseline, both measured in this run")
    for said in failed:
        print(f"FAILED: {said} (its traceback is above, on stderr)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
