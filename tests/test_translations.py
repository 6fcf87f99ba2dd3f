"""The Simplified Chinese catalogue is complete and its compiled form is current."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from scripts.translations import CATALOGUES, LANGUAGES, release, update

PLACEHOLDER = re.compile(r"\{[a-z_]+[^}]*\}")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


@pytest.fixture(scope="module", params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_every_string_in_the_code_is_in_the_catalogue(language: str, tmp_path: Path) -> None:
    committed = CATALOGUES / f"newsdesk_{language}.ts"
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    update(fresh)
    assert set(messages(fresh)) == set(messages(committed)), (
        "run: python scripts/translations.py update, translate, then release"
    )


def test_every_string_is_translated_with_its_placeholders(language: str) -> None:
    for (context, source), translation in messages(CATALOGUES / f"newsdesk_{language}.ts").items():
        assert translation is not None and translation.get("type") is None, (context, source)
        text = "".join(translation.itertext())
        assert text.strip(), (context, source)
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), source


def test_the_compiled_catalogue_is_current(language: str, tmp_path: Path) -> None:
    ts = CATALOGUES / f"newsdesk_{language}.ts"
    qm = tmp_path / f"newsdesk_{language}.qm"
    release(ts, qm)
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        "run: python scripts/translations.py release"
    )
