"""The desktop as a branch installs it: ``scripts/package.sh deb`` builds the one-folder bundle
and the ``.deb``, the ``.deb`` is unpacked into a temporary root, and the unpacked program runs
its self-test and a headless first paint, with no Python or checkout of ours behind it."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pytest
from PIL import Image

from newsdesk.ui.self_test import checks

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
LIMIT_MB = 150
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Qt modules the desktop does not use: none of their libraries or Python modules may be bundled.
EXCLUDED_QT = ("WebEngine", "Quick", "Qml", "3D", "Multimedia", "Charts", "Pdf", "Designer")


@dataclass(frozen=True)
class Built:
    deb: Path
    bundle: Path  # dist/newsdesk as package.sh left it
    root: Path  # the .deb unpacked

    @property
    def program(self) -> Path:
        return self.root / "opt" / "newsdesk" / "newsdesk"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    for tool in ("dpkg-deb", "objdump"):
        if subprocess.run(["sh", "-c", f"command -v {tool}"], capture_output=True).returncode:
            pytest.fail(f"{tool} is needed to build the bundle (sh scripts/bootstrap.sh test)")
    work = tmp_path_factory.mktemp("package")
    env = {
        **os.environ,
        "PYTHON": sys.executable,
        "DIST": str(work / "dist"),
        "PYINSTALLER_WORK": str(work / "build"),
    }
    result = subprocess.run(
        ["sh", "scripts/package.sh", "deb"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    deb = work / "dist" / f"newsdesk_{version('newsdesk')}_amd64.deb"
    assert deb.is_file(), result.stdout
    root = work / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    yield Built(deb=deb, bundle=work / "dist" / "newsdesk", root=root)


def run(built: Built, *args: str, home: Path, preset: Path) -> subprocess.CompletedProcess[str]:
    """The unpacked program, as a user with a fresh account runs it, without a display."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "NEWSDESK_", "QT_", "XDG_"))
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        QT_QPA_PLATFORM="offscreen",
        NEWSDESK_PRESET=str(preset),
        PATH="/usr/bin:/bin",
    )
    return subprocess.run(
        [str(built.program), *args], env=env, cwd=home, capture_output=True, text=True, timeout=300
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_unpacked_self_test_passes_every_check_from_the_bundles_own_files(
    built: Built, tmp_path: Path
) -> None:
    result = run(built, "--self-test", "--lang", "zh_CN", home=tmp_path, preset=tmp_path / "none")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(checks()) + 1, result.stdout  # one line per check, then the verdict
    assert all(line.startswith("OK    ") for line in lines[:-1]), result.stdout
    assert lines[-1] == "全部检查通过。"
    bundled = str(built.root / "opt" / "newsdesk")
    translations = next(line for line in lines if "界面翻译" in line)
    assert bundled in translations  # the bundle's catalogues, not the checkout's
    assert "Noto Sans CJK SC" in next(line for line in lines if "中文字体" in line)


def test_the_self_test_names_an_unreachable_preset_server_and_fails(
    built: Built, tmp_path: Path
) -> None:
    address = f"https://127.0.0.1:{free_port()}"
    preset = tmp_path / "branch.toml"
    preset.write_text(f'branch = "城东分社"\nserver = "{address}"\n', encoding="utf-8")
    result = run(built, "--self-test", "--lang", "zh_CN", home=tmp_path, preset=preset)
    assert result.returncode == 1, result.stdout + result.stderr
    failed = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert len(failed) == 1 and address in failed[0], result.stdout
    assert "城东分社" in result.stdout


def test_the_unpacked_desktop_paints_its_first_window_in_chinese(
    built: Built, tmp_path: Path
) -> None:
    workspace = tmp_path / "demo"
    made = run(
        built,
        "--lang", "zh_CN", "demo", "--no-gui", "--workspace", str(workspace),
        home=tmp_path, preset=tmp_path / "none",
    )  # fmt: skip
    assert made.returncode == 0, made.stdout + made.stderr
    shot = tmp_path / "smoke.png"
    result = run(
        built,
        "--lang", "zh_CN", "--workspace", str(workspace), "--user", "chief",
        "--smoke", "--screenshot", str(shot),
        home=tmp_path, preset=tmp_path / "none",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "首次绘制用时" in result.stdout
    with Image.open(shot) as picture:
        assert picture.size[0] >= 800 and picture.size[1] >= 600
        colours = picture.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 200  # text, cards and panels, not a blank window


def test_the_bundle_stays_small_and_carries_no_unused_qt_module(built: Built) -> None:
    files = [path for path in (built.root / "opt" / "newsdesk").rglob("*") if path.is_file()]
    size_mb = sum(path.stat().st_size for path in files) / 1024 / 1024
    assert size_mb < LIMIT_MB, f"{size_mb:.0f} MB"
    unused = [
        str(path)
        for path in files
        if any(f"Qt6{name}" in path.name or f"Qt{name}" in path.name for name in EXCLUDED_QT)
    ]
    assert unused == []
    internal = built.root / "opt" / "newsdesk" / "_internal"
    qt = internal / "PySide6" / "Qt"
    assert sorted(p.name for p in (qt / "translations").iterdir()) == [
        "qt_zh_CN.qm",
        "qtbase_zh_CN.qm",
    ]
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= platforms
    assert (qt / "plugins" / "imageformats" / "libqjpeg.so").is_file()
    assert (internal / "newsdesk" / "store" / "migrations" / "script.py.mako").is_file()
    assert (internal / "certifi" / "cacert.pem").is_file()
    # The desktop libraries come from the system (the .deb depends on them), never the bundle.
    assert not list(internal.glob("libxcb*")) and not list(internal.glob("libfontconfig*"))


def debian_dependencies(deb: Path) -> set[str]:
    depends = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True, text=True, check=True
    ).stdout
    return {
        alternative.strip().split(" ")[0]
        for clause in depends.split(",")
        for alternative in clause.split("|")
    }


def test_the_deb_depends_on_every_system_library_the_bundle_links(built: Built) -> None:
    bundle = built.root / "opt" / "newsdesk"
    elves = [
        path
        for path in bundle.rglob("*")
        if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF"
    ]
    bundled = {path.name for path in bundle.rglob("*.so*")}
    needed: set[str] = set()
    glibc: set[tuple[int, ...]] = set()
    for elf in elves:
        dynamic = subprocess.run(
            ["objdump", "-p", "-T", str(elf)], capture_output=True, text=True, check=True
        ).stdout
        needed |= {line.split()[1] for line in dynamic.splitlines() if "NEEDED" in line}
        glibc |= {
            tuple(int(part) for part in found.split("."))
            for found in re.findall(r"\bGLIBC_(\d+(?:\.\d+)+)", dynamic)
        }
    floor = ".".join(str(part) for part in max(glibc))
    depends = subprocess.run(
        ["dpkg-deb", "-f", str(built.deb), "Depends"], capture_output=True, text=True, check=True
    ).stdout
    assert f"libc6 (>= {floor})" in depends  # the C library of the machine that built it
    declared = debian_dependencies(built.deb)
    undeclared = {}
    for soname in sorted(needed - bundled):
        owner = subprocess.run(["dpkg", "-S", f"*/{soname}"], capture_output=True, text=True)
        assert owner.returncode == 0, f"{soname}: no package here provides it"
        package = owner.stdout.split(":")[0]
        if package.removesuffix("t64") not in declared and package != "libc6":
            undeclared[soname] = package
    assert undeclared == {}
    assert "libc6" in declared


def test_the_deb_installs_a_command_a_menu_entry_and_icons(built: Built) -> None:
    fields = {
        name: subprocess.run(
            ["dpkg-deb", "-f", str(built.deb), name], capture_output=True, text=True, check=True
        ).stdout.strip()
        for name in ("Package", "Version", "Architecture", "Recommends", "Installed-Size")
    }
    assert fields["Package"] == "newsdesk"
    assert fields["Version"] == version("newsdesk")
    assert fields["Architecture"] == "amd64"
    assert "fonts-noto-cjk" in fields["Recommends"]
    assert int(fields["Installed-Size"]) > 50_000  # KiB: the bundle is in it

    command = built.root / "usr" / "bin" / "newsdesk"
    assert command.is_symlink() and os.readlink(command) == "/opt/newsdesk/newsdesk"
    assert os.access(built.program, os.X_OK)

    entry = (built.root / "usr" / "share" / "applications" / "newsdesk.desktop").read_text(
        encoding="utf-8"
    )
    lines = entry.splitlines()
    assert lines[0] == "[Desktop Entry]"
    for line in ("Name[zh_CN]=采编台", "Exec=newsdesk", "Icon=newsdesk", "Type=Application"):
        assert line in lines
    hicolor = built.root / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        with Image.open(hicolor / f"{size}x{size}" / "apps" / "newsdesk.png") as icon:
            assert icon.size == (size, size)
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(built.deb)], capture_output=True, text=True, check=True
    ).stdout
    owners = {line.split()[1] for line in listing.splitlines()}
    assert owners == {"root/root"}
    assert listing.splitlines()[0].startswith("drwxr-xr-x")
