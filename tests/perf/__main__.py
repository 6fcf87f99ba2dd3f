"""Run every benchmark and print a table; ``--json PATH`` also writes the results.

``--scale 10k,50k,100k`` runs instead the benchmarks that have a scale mode (``run_scale``: the
board's first paint, scrolling, filter and memory, its search, and a desktop's first pull) over
a board workspace of each number of items, built once per size, so the growth curve shows in
one table."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
import traceback
from pathlib import Path

import tests.perf as perf
from tests.perf import Result


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
    args = parser.parse_args(argv)
    results: list[Result] = []
    failed: list[str] = []
    for name in discover():
        if args.only and args.only not in name:
            continue
        module = importlib.import_module(name)
        if args.scale is None:
            runs = [(f"running {name} ...", lambda m=module: m.run(quick=args.quick))]
        elif hasattr(module, "run_scale"):
            runs = [
                (f"running {name} at {items:,} items ...", lambda m=module, n=items: m.run_scale(n))
                for items in args.scale
            ]
        else:
            runs = []
        for said, run in runs:
            print(said, file=sys.stderr, flush=True)
            # One broken benchmark must not take the others' figures with it: it is named at
            # the end and the run fails.
            try:
                results.extend(run())
            except Exception:
                traceback.print_exc()
                failed.append(said.removeprefix("running ").removesuffix(" ..."))
            if args.json:  # kept as it grows, so a long run interrupted keeps what it measured
                args.json.write_text(
                    json.dumps([r.as_json() for r in results], indent=2), encoding="utf-8"
                )
    print(format_table(results))
    print("ratio = value / baseline, both measured in this run")
    for name in failed:
        print(f"FAILED: {name} (its traceback is above, on stderr)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
