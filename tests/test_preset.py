"""The branch preset: read from the file IT installs, every mistake named by its field."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.preset import (
    PRESET_ENV,
    REGISTRY_KEY,
    Preset,
    PresetError,
    from_registry,
    load_preset,
    preset_path,
)


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "branch.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def make_ca(folder: Path) -> Path:
    """A self-signed CA certificate (PEM), made with openssl as an IT department would."""
    cert = folder / "newsroom-ca.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=Newsroom test CA",
            "-keyout", str(folder / "newsroom-ca.key"), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert


def problem(path: Path) -> str:
    with pytest.raises(PresetError) as raised:
        load_preset(path)
    return str(raised.value)


def test_the_environment_names_the_preset_and_the_tests_have_none() -> None:
    assert preset_path().name == "none.toml", "tests/conftest.py keeps the machine's preset out"
    assert load_preset() is None


def test_a_preset_names_the_branch_the_server_and_a_ca_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_ca(tmp_path)
    path = write(
        tmp_path,
        '# 城东分社的预设\nbranch = " 城东分社 "\nserver = "https://newsdesk.example.cn/"\n'
        'ca_file = "newsroom-ca.pem"\n',
    )
    monkeypatch.setenv(PRESET_ENV, str(path))
    assert load_preset() == Preset(
        branch="城东分社",
        server="https://newsdesk.example.cn",
        ca_file=tmp_path / "newsroom-ca.pem",
        source=path,
    )


def test_the_ca_file_is_optional_and_may_be_absolute(tmp_path: Path) -> None:
    plain = write(tmp_path, 'branch = "城东分社"\nserver = "http://10.0.0.5:8765"\n')
    preset = load_preset(plain)
    assert preset is not None and preset.ca_file is None
    ca = make_ca(tmp_path)
    absolute = write(
        tmp_path, f'branch = "城东分社"\nserver = "https://n.example"\nca_file = "{ca}"\n'
    )
    preset = load_preset(absolute)
    assert preset is not None and preset.ca_file == ca


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('server = "https://n.example"\n', "the field “branch” is missing."),
        ('branch = ""\nserver = "https://n.example"\n', "“branch” must be text in quotes"),
        ('branch = 12\nserver = "https://n.example"\n', "“branch” must be text in quotes"),
        ('branch = "城东分社"\n', "the field “server” is missing."),
        ('branch = "城东分社"\nserver = "newsdesk.example.cn"\n', "“server” must be an address"),
        ('branch = "城东分社"\nserver = "https://"\n', "“server” must be an address"),
        (
            'branch = "城东分社"\nserver = "https://n.example"\nca_file = "missing.pem"\n',
            "“ca_file” names",
        ),
        (
            'branch = "城东分社"\nserver = "https://n.example"\nsevrer = "typo"\n',
            "“sevrer” is not a preset field (known: branch, server, ca_file, channels, language, "
            "updates).",
        ),
        (
            'branch = "城东分社"\nserver = "https://n.example"\nchannels = "城东新闻"\n',
            "“channels” must be a list of channel names in quotes",
        ),
        (
            'branch = "城东分社"\nserver = "https://n.example"\nchannels = ["城东新闻", 3]\n',
            "“channels” must be a list of channel names in quotes",
        ),
        (
            'branch = "城东分社"\nserver = "https://n.example"\nlanguage = "zh"\n',
            "“language” must be “zh_CN” or “en”, not 'zh'.",
        ),
        (
            'branch = "城东分社"\nserver = "https://n.example"\nupdates = "http://it.example"\n',
            "“updates” must be a web address starting with https://.",
        ),
        ('branch = "城东分社\nserver = "https://n.example"\n', "it is not valid TOML"),
        ("branch = '城东分社'\n".encode("gb18030"), "it is not saved as UTF-8."),
        (b"#" * 70_000, "it is too large to be a preset."),
    ],
)
def test_each_mistake_is_named(tmp_path: Path, text: str | bytes, expected: str) -> None:
    path = write(tmp_path, text)
    said = problem(path)
    assert said.startswith(f"The branch preset {path} cannot be used: ")
    assert expected in said


def test_a_toml_mistake_gives_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'branch = "城东分社"\nserver = https://n.example\n')
    assert "line 2" in problem(path)


def test_a_ca_file_that_is_not_a_certificate_is_named(tmp_path: Path) -> None:
    (tmp_path / "ca.pem").write_text("not a certificate")
    path = write(
        tmp_path, 'branch = "城东分社"\nserver = "https://n.example"\nca_file = "ca.pem"\n'
    )
    said = problem(path)
    assert f"“ca_file” {tmp_path / 'ca.pem'} holds no PEM certificate" in said


def test_a_preset_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "branch.toml"
    folder.mkdir()
    assert "it cannot be read (Is a directory)." in problem(folder)


def test_a_preset_names_the_desks_channels_its_language_and_its_updates_page(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        'branch = "城东分社"\nserver = "https://n.example"\n'
        'channels = [" 城东新闻 ", "民生", "城东新闻"]\nlanguage = "en"\n'
        'updates = "https://it.example.cn/newsdesk/"\n',
    )
    preset = load_preset(path)
    assert preset is not None
    assert preset.channels == ("城东新闻", "民生")
    assert preset.language == "en"
    assert preset.updates == "https://it.example.cn/newsdesk/"
    plain = load_preset(write(tmp_path, 'branch = "城东分社"\nserver = "https://n.example"\n'))
    assert plain is not None
    assert (plain.channels, plain.language, plain.updates) == ((), None, None)


def test_the_msi_registry_values_are_a_preset_like_the_file(tmp_path: Path) -> None:
    """What ``msiexec /qn SERVER_URL=… BRANCH=…`` writes to HKLM\\Software\\Newsdesk: every
    value a string, empty when the property was not given."""
    ca = make_ca(tmp_path)
    values = {
        "Server": "https://newsdesk.example.cn/",
        "Branch": "城东分社",
        "CA_File": str(ca),
        "Channels": "城东新闻, 民生、 政务",
        "Language": "zh_CN",
        "Updates": "",
    }
    assert from_registry(values) == Preset(
        branch="城东分社",
        server="https://newsdesk.example.cn",
        ca_file=ca,
        source=REGISTRY_KEY,
        channels=("城东新闻", "民生", "政务"),
        language="zh_CN",
        updates=None,
    )
    assert from_registry({"Server": "", "Branch": "", "Channels": ""}) is None
    assert from_registry({}) is None


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"Branch": "城东分社"}, "the field “server” is missing."),
        ({"Branch": "城东分社", "Server": "n.example"}, "“server” must be an address"),
        (
            {"Branch": "城东分社", "Server": "https://n.example", "CA_File": "ca.pem"},
            "“ca_file” must be a full path, not ca.pem.",
        ),
        (
            {"Branch": "城东分社", "Server": "https://n.example", "Language": "fr"},
            "“language” must be “zh_CN” or “en”, not 'fr'.",
        ),
        ({"Branch": "城东分社", "Server": "https://n.example", "Port": 8765}, "“port” is not"),
    ],
)
def test_each_registry_mistake_is_named_with_the_key(
    values: dict[str, object], expected: str
) -> None:
    with pytest.raises(PresetError) as raised:
        from_registry(values)
    said = str(raised.value)
    assert said.startswith(f"The branch preset {REGISTRY_KEY} cannot be used: ")
    assert expected in said


def run_newsdesk(preset: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``newsdesk`` without ``--lang`` on an English system, with ``preset`` installed."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LANG", "LC_")) and key != PRESET_ENV
    }
    env |= {"LANG": "C.UTF-8", PRESET_ENV: str(preset), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_the_preset_s_language_is_the_interface_s_unless_the_user_asks_for_another(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path, 'branch = "城东分社"\nserver = "https://n.example"\nlanguage = "zh_CN"\n'
    )
    chinese = run_newsdesk(path, "demo", "--no-gui", "--workspace", str(tmp_path / "a"))
    assert chinese.returncode == 0, chinese.stderr
    assert "演示密码均为“newsdesk”" in chinese.stdout
    asked = run_newsdesk(
        path, "--lang", "en", "demo", "--no-gui", "--workspace", str(tmp_path / "b")
    )
    assert asked.returncode == 0, asked.stderr
    assert "“newsdesk”" in asked.stdout and "演示密码" not in asked.stdout


def test_a_preset_with_a_bad_language_leaves_the_system_s_and_newsdesk_starts(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, 'branch = "城东分社"\nserver = "https://n.example"\nlanguage = "cn"\n')
    result = run_newsdesk(path, "demo", "--no-gui", "--workspace", str(tmp_path / "a"))
    assert result.returncode == 0, result.stderr
    assert "Demo newsroom ready" in result.stderr
    checked = run_newsdesk(path, "--self-test")
    assert "“language” must be “zh_CN” or “en”, not 'cn'." in checked.stdout
