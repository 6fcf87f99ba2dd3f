"""The layering of DESIGN.md, and the code's hygiene, enforced."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Callable
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


QT = ("PySide6", "shiboken6", "qasync")


def _outside_ui(relative: str) -> bool:
    return not relative.startswith(QT_ALLOWED)


def _ui_publish_or_core(relative: str) -> bool:
    return relative.startswith(("ui/", "publish/", "core/"))


LAYER_RULES = {
    "Qt only in ui": (QT, _outside_ui),
    "no SQLAlchemy below store": (("sqlalchemy",), _ui_publish_or_core),
}
"""Per rule: the forbidden top-level packages, and where (by path in the package) they are."""


def offenders(package: Path, forbidden: tuple[str, ...], where: Callable[[str], bool]) -> list[str]:
    """The modules of ``package`` at a place ``where`` says that import a ``forbidden`` package."""
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package).as_posix()
        imports = imported_modules(path)
        if where(relative) and any(m.split(".")[0] in forbidden for m in imports):
            found.append(relative)
    return found


@pytest.mark.parametrize("rule", LAYER_RULES)
def test_the_layers_keep_their_imports(rule: str) -> None:
    assert offenders(PACKAGE, *LAYER_RULES[rule]) == []


@pytest.mark.parametrize(
    ("rule", "planted", "line"),
    [
        ("Qt only in ui", "store/widget.py", "from PySide6.QtWidgets import QLabel"),
        ("Qt only in ui", "sync/loop.py", "import qasync"),
        ("no SQLAlchemy below store", "ui/board/query.py", "import sqlalchemy"),
        (
            "no SQLAlchemy below store",
            "publish/rows.py",
            "from sqlalchemy import select",
        ),
        (
            "no SQLAlchemy below store",
            "core/table.py",
            "from sqlalchemy.orm import Session",
        ),
    ],
)
def test_each_layer_rule_catches_a_planted_violation(
    rule: str, planted: str, line: str, tmp_path: Path
) -> None:
    package = tmp_path / "newsdesk"
    (package / "ui").mkdir(parents=True)
    (package / "ui" / "fine.py").write_text("from PySide6.QtCore import QObject\n")
    (package / "store").mkdir()
    (package / "store" / "fine.py").write_text("from sqlalchemy import select\n")
    assert offenders(package, *LAYER_RULES[rule]) == []
    module = package / planted
    module.parent.mkdir(parents=True, exist_ok=True)
    module.write_text(f"{line}\n")
    assert offenders(package, *LAYER_RULES[rule]) == [planted]


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


def test_core_store_publish_and_ui_are_type_clean() -> None:
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


# What the desktop's first frame (the board) need not wait for: libraries that other pages,
# commands and background work use load when first needed (issue 13: start to first frame).
NOT_BEFORE_THE_FIRST_FRAME = (
    "alembic",
    "httpx",
    "jinja2",
    "newsdesk.core.reports",
    "newsdesk.publish",
    "newsdesk.sync.protocol",
    "nh3",
    "PIL",
    "pydantic",
    "pypinyin",
    "sqlalchemy.dialects.postgresql",
    "trafilatura",
    "xlsxwriter",
)


def test_the_board_starts_without_what_other_work_needs() -> None:
    code = (
        "import sys, newsdesk.cli, newsdesk.ui.app, newsdesk.ui.board; "
        f"print(' '.join(m for m in {NOT_BEFORE_THE_FIRST_FRAME!r} if m in sys.modules))"
    )
    result = run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []
