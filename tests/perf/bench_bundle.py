"""The one-folder bundle against the virtual environment: start to first paint, and size.

Start to first paint is the time from starting the process to the ``--smoke`` line that reports
the main window's first paint (the demo newsroom's board, in Chinese, without a display): what
a user waits for after a double click. The bundle is ``dist/newsdesk`` as
``sh scripts/package.sh linux`` leaves it; without one the benchmark is skipped.

The size is the bundle's on disk, against the virtual environment's installed packages (what a
checkout needs to run the same desktop).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

from tests.perf import Result

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "newsdesk"
SIZE_LIMIT_MB = 150.0
PAINT_TARGET = 1.25  # the bundle may take at most this many times the venv's time


def _environment(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "QT_QPA_PLATFORM": "offscreen",
        "NEWSDESK_PRESET": str(home / "no-preset.toml"),
    }


def _first_paint(command: list[str], workspace: Path, home: Path) -> float:
    """Seconds from starting ``command --smoke`` to the line reporting the first paint."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--lang", "en", "--workspace", str(workspace), "--user", "chief", "--smoke"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=_environment(home),
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("First paint after"):
            painted = time.perf_counter() - started
            break
    else:
        process.wait()
        raise RuntimeError(f"{command[0]} --smoke exited {process.returncode} without painting")
    process.stdout.close()
    if process.wait(timeout=120) != 0:
        raise RuntimeError(f"{command[0]} --smoke exited {process.returncode}")
    return painted


def _size_mb(folder: Path) -> float:
    return sum(
        p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()
    ) / (1024 * 1024)


def run(quick: bool) -> list[Result]:
    program = BUNDLE / "newsdesk"
    if not program.is_file():
        print(
            f"bench_bundle skipped: no bundle at {BUNDLE} (sh scripts/package.sh linux builds it)",
            file=sys.stderr,
        )
        return []
    runs = 2 if quick else 5
    venv = [sys.executable, "-m", "newsdesk"]
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        workspace = home / "demo"
        subprocess.run(
            [*venv, "demo", "--no-gui", "--workspace", str(workspace)],
            env=_environment(home),
            capture_output=True,
            check=True,
        )
        # One run each first, so both start from a warm file cache.
        _first_paint([str(program)], workspace, home)
        _first_paint(venv, workspace, home)
        bundle_times, venv_times = [], []
        for _ in range(runs):  # interleaved: a busy moment of the machine hits both alike
            bundle_times.append(_first_paint([str(program)], workspace, home))
            venv_times.append(_first_paint(venv, workspace, home))
    bundle_paint, venv_paint = statistics.median(bundle_times), statistics.median(venv_times)
    size, installed = _size_mb(BUNDLE), _size_mb(Path(sysconfig.get_paths()["purelib"]))
    return [
        Result(
            "bundle: start to first paint (demo board, --smoke), median",
            bundle_paint,
            "s",
            venv_paint,
            bundle_paint / venv_paint,
            f"≤ {PAINT_TARGET}× the venv's",
            bundle_paint <= PAINT_TARGET * venv_paint,
        ),
        Result(
            "bundle: size on disk (dist/newsdesk) vs the venv's packages",
            size,
            "MB",
            installed,
            size / installed,
            f"< {SIZE_LIMIT_MB:.0f} MB",
            size < SIZE_LIMIT_MB,
        ),
    ]
