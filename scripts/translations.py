"""Keep the translations in step with the code, with Qt's own tools.

python scripts/translations.py update    extract strings into the .ts catalogues
python scripts/translations.py release   compile the .ts sources into .qm catalogues

The catalogues are package data: desktop/newsdesk/resources/translations/.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "desktop" / "newsdesk"
CATALOGUES = ROOT / "desktop" / "newsdesk" / "resources" / "translations"
# English is the source language: its catalogue holds only the plural forms ("%n change(s)").
LANGUAGES = ("zh_CN", "en")


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def update(ts: Path) -> None:
    plural_only = ["-pluralonly"] if ts.stem.endswith("_en") else []
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *plural_only,
            *sources(),
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def release(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True
    )


def main(argv: list[str]) -> int:
    if argv not in (["update"], ["release"]):
        print(__doc__, file=sys.stderr)
        return 2
    for language in LANGUAGES:
        ts = CATALOGUES / f"newsdesk_{language}.ts"
        if argv == ["update"]:
            update(ts)
        else:
            release(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
