"""The Windows installers compile around a bundle: packaging/windows/build.sh, as CI and the
Windows workflow run it, against a stand-in for the PyInstaller folder (the real one needs a
Windows machine). The MSI is read back with msitools to check what ``msiexec /qn`` takes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from newsdesk import __version__
from newsdesk.preset import FIELDS, REGISTRY_KEY, from_registry

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "windows" / "build.sh"
PROPERTIES = ("SERVER_URL", "BRANCH", "CA_FILE", "CHANNELS", "LANGUAGE", "UPDATES")

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(
        not all(shutil.which(tool) for tool in ("makensis", "wixl", "wixl-heat", "msibuild")),
        reason="needs nsis, wixl and msitools (sh scripts/bootstrap.sh test installs them)",
    ),
]


def version() -> str:
    return __version__


def stand_in_bundle(folder: Path) -> Path:
    """A folder shaped like PyInstaller's Windows one-folder output."""
    bundle = folder / "newsdesk"
    internal = bundle / "_internal"
    (internal / "PySide6" / "plugins" / "platforms").mkdir(parents=True)
    (internal / "resources" / "translations").mkdir(parents=True)
    (bundle / "newsdesk.exe").write_bytes(b"MZ\x90\x00 stand-in for the frozen desktop")
    (internal / "python311.dll").write_bytes(b"MZ python")
    (internal / "PySide6" / "plugins" / "platforms" / "qwindows.dll").write_bytes(b"MZ qt")
    (internal / "resources" / "translations" / "newsdesk_zh_CN.qm").write_bytes(b"qm")
    return bundle


def table(msi: Path, name: str) -> list[list[str]]:
    """The rows of one of the MSI's tables (msiinfo export: three header lines, then rows)."""
    exported = subprocess.run(
        ["msiinfo", "export", str(msi), name], check=True, capture_output=True, text=True
    ).stdout
    return [line.split("\t") for line in exported.splitlines()[3:]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("windows")
    bundle = stand_in_bundle(folder)
    out = folder / "out"
    done = subprocess.run(
        ["sh", str(BUILD), str(bundle), str(out)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return out / f"newsdesk-{version()}-setup.exe", out / f"newsdesk-{version()}.msi"


def test_the_nsis_installer_is_a_windows_program_named_with_the_version(
    built: tuple[Path, Path],
) -> None:
    setup, _msi = built
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    assert b"Nullsoft" in data or b"NullsoftInst" in data
    assert len(data) > 50_000


def test_the_msi_holds_the_bundle_a_shortcut_and_the_version(built: tuple[Path, Path]) -> None:
    _setup, msi = built
    files = {row[2] for row in table(msi, "File")}
    assert {"newsdesk.exe", "python311.dll", "qwindows.dll", "newsdesk_zh_CN.qm"} <= files
    properties = dict(row[:2] for row in table(msi, "Property"))
    assert properties["ProductVersion"] == version()
    assert properties["ALLUSERS"] == "1"
    assert [row[2] for row in table(msi, "Shortcut")] == ["Newsdesk"]


def test_the_msi_takes_the_preset_on_the_command_line_as_secure_properties(
    built: tuple[Path, Path],
) -> None:
    _setup, msi = built
    properties = dict(row[:2] for row in table(msi, "Property"))
    secure = properties["SecureCustomProperties"].split(";")
    assert set(PROPERTIES) <= set(secure)
    assert "WIX_UPGRADE_DETECTED" in secure  # the major upgrade still replaces an older version
    written = {
        row[3]: row[4]
        for row in table(msi, "Registry")
        if row[1] == "2" and row[2] == REGISTRY_KEY.removeprefix("HKLM\\")
    }
    assert written == {
        "server": "[SERVER_URL]",
        "branch": "[BRANCH]",
        "ca_file": "[CA_FILE]",
        "channels": "[CHANNELS]",
        "language": "[LANGUAGE]",
        "updates": "[UPDATES]",
    }
    assert set(written) <= set(FIELDS)


def test_what_the_msi_writes_for_a_silent_install_is_the_branch_preset(
    built: tuple[Path, Path],
) -> None:
    """``msiexec /i newsdesk.msi /qn SERVER_URL=… BRANCH=… CHANNELS=…``: each registry row's
    value with the property filled in, as Windows Installer writes it, read as the desktop does."""
    _setup, msi = built
    given = {
        "SERVER_URL": "https://newsdesk.example.cn",
        "BRANCH": "城东分社",
        "CHANNELS": "城东新闻,民生",
        "LANGUAGE": "zh_CN",
    }
    values: dict[str, object] = {}
    for row in table(msi, "Registry"):
        if row[2] == "Software\\Newsdesk":
            values[row[3]] = given.get(row[4].strip("[]"), "")
    preset = from_registry(values)
    assert preset is not None
    assert (preset.branch, preset.server) == ("城东分社", "https://newsdesk.example.cn")
    assert preset.channels == ("城东新闻", "民生")
    assert preset.language == "zh_CN"
    assert (preset.ca_file, preset.updates) == (None, None)


def test_the_msi_source_is_ascii_as_wixl_needs() -> None:
    (ROOT / "packaging" / "windows" / "newsdesk.wxs").read_bytes().decode("ascii")


def test_a_folder_without_newsdesk_exe_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "linux-bundle").mkdir()
    done = subprocess.run(
        ["sh", str(BUILD), str(tmp_path / "linux-bundle"), str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "holds no newsdesk.exe" in done.stderr
    assert not (tmp_path / "out").exists()
