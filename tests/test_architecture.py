"""The layering of DESIGN.md, and the code's hygiene, enforced."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop" / "newsdesk"
QT_ALLOWED = ("ui/", "cli.py", "__main__.py")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules_under(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize(
    "forbidden",
    [
        "PySide6",
        "sqlalchemy",
        "alembic",
        "httpx",
        "fastapi",
        "requests",
        "newsdesk.store",
        "newsdesk.ui",
        "newsdesk.sync",
        "newsdesk.publish",
    ],
)
def test_core_depends_on_nothing(forbidden: str) -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in modules_under("core")
        if any(m == forbidden or m.startswith(forbidden + ".") for m in imported_modules(p))
    ]
    assert offenders == []


def test_only_the_ui_imports_qt() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if not str(p.relative_to(PACKAGE)).startswith(QT_ALLOWED)
        and any(m.startswith("PySide6") for m in imported_modules(p))
    ]
    assert offenders == []


def test_store_does_not_reach_up_into_the_ui() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in modules_under("store")
        if any(m.startswith(("newsdesk.ui", "PySide6")) for m in imported_modules(p))
    ]
    assert offenders == []


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing() -> None:
    result = run(sys.executable, "-m", "ruff", "check", "desktop", "tests", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted() -> None:
    result = run(sys.executable, "-m", "ruff", "format", "--check", "desktop", "tests", "scripts")
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_and_store_are_type_clean() -> None:
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr
