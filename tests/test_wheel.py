"""The wheel every bundle and package starts from carries what the program loads at run time.

The wheel is built from a copy of the sources and installed, without its dependencies, into a
fresh virtual environment that borrows this one's installed packages (after its own, so the
installed Newsdesk is the one imported, never the checkout's). The installed commands then run
from a folder outside the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "desktop",
        source / "desktop",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"),
    )
    dist = tmp_path_factory.mktemp("dist")
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        dist,
        source,
        cwd=source,
    )
    (built,) = dist.glob("newsdesk-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh environment holding the installed wheel."""
    venv = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=venv)
    python = venv / "bin" / "python"
    site = Path(
        run(
            python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=venv
        ).strip()
    )
    (site / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--no-deps",
        "--no-index",
        "-q",
        wheel,
        cwd=venv,
    )
    return venv / "bin"


def clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NEWSDESK_RESOURCES")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    return env


def test_the_wheel_carries_resources_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "newsdesk/resources/templates/macros.html",
        "newsdesk/resources/templates/pc/article.html",
        "newsdesk/resources/templates/wap/article.html",
        "newsdesk/resources/translations/newsdesk_zh_CN.qm",
        "newsdesk/resources/translations/newsdesk_zh_CN.ts",
        "newsdesk/resources/translations/newsdesk_en.qm",
        "newsdesk/resources/wordlists/demo.txt",
        "newsdesk/resources/passwords/common.txt",
        "newsdesk/resources/icons/newsdesk-256.png",
        "newsdesk/resources/icons/newsdesk.ico",
        "newsdesk/store/migrations/env.py",
        "newsdesk/store/migrations/script.py.mako",
    }
    assert expected - names == set()
    migrations = {
        Path(name).name
        for name in names
        if name.startswith("newsdesk/store/migrations/versions/") and name.endswith(".py")
    }
    in_checkout = {
        path.name for path in (ROOT / "desktop/newsdesk/store/migrations/versions").glob("*.py")
    }
    assert migrations == in_checkout


def test_the_installed_commands_run_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    where = run(
        installed / "python",
        "-c",
        "import newsdesk; print(newsdesk.__file__)",
        cwd=tmp_path,
        env=env,
    )
    assert Path(where.strip()).is_relative_to(installed.parent)
    assert run(installed / "newsdesk-server", "--version", cwd=tmp_path, env=env).startswith(
        "newsdesk-server "
    )


def test_an_installed_desktop_makes_the_demo_in_chinese_and_exports_it(
    installed: Path, tmp_path: Path
) -> None:
    env = clean_env(tmp_path)
    workspace = tmp_path / "demo"
    said = run(
        installed / "newsdesk",
        "--lang",
        "zh_CN",
        "demo",
        "--workspace",
        workspace,
        "--no-gui",
        cwd=tmp_path,
        env=env,
    )
    assert "演示" in said, said
    out = tmp_path / "export"
    run(
        installed / "newsdesk",
        "--lang",
        "zh_CN",
        "export",
        "--workspace",
        workspace,
        "--out",
        out,
        "--target",
        "pc,wap",
        cwd=tmp_path,
        env=env,
    )
    pages = list(out.rglob("*.html"))
    assert pages, f"nothing exported to {out}"
    assert any("<html" in page.read_text(encoding="utf-8") for page in pages)


def test_the_installed_desktop_passes_its_self_test(installed: Path, tmp_path: Path) -> None:
    said = run(
        installed / "newsdesk",
        "--lang",
        "zh_CN",
        "--self-test",
        cwd=tmp_path,
        env=clean_env(tmp_path),
    )
    assert said.strip().endswith("全部检查通过。"), said
    assert str(installed.parent) in said, "the resources checked are the installed ones"
