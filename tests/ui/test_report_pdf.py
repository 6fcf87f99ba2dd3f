"""The report's PDF holds real, searchable Chinese text (pdftotext finds it), on A4 pages with
page numbers, written by ``newsdesk report`` from the hand-built November."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from newsdesk.store.workspace import Workspace
from newsdesk.ui.stats.report_pdf import searchable
from tests import report_newsroom as newsroom
from tests.test_cli import newsdesk

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (scripts/bootstrap.sh test)"
)


def pdf_text(path: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_noto_cjk_would_write_the_kangxi_radical_and_is_not_chosen(qapp: QApplication) -> None:
    # Noto Sans CJK draws 月 (U+6708) and ⽉ (U+2F49) with one glyph: Qt's PDF would map it back
    # to ⽉. WenQuanYi Micro Hei gives 月 a glyph of its own.
    assert not searchable("Noto Sans CJK SC")
    assert searchable("WenQuanYi Micro Hei")


def test_the_pdf_report_is_searchable_chinese_on_numbered_a4_pages(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    with Workspace.open(folder, create=True) as opened, opened.store.engine.begin() as conn:
        newsroom.build(conn)
    out = tmp_path / "十一月.pdf"
    result = newsdesk(
        "report",
        "--workspace",
        str(folder),
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        str(out),
        "--department",
        "月湖区融媒体中心新媒体部",
        lang="zh_CN",
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "\u2f49" not in text  # no Kangxi radical 月 anywhere
    assert "月湖区融媒体中心新媒体部" in text
    for words in ("2026-11-01", "新闻", "文化", "李编辑", "初审", "更正人名", "版权方要求撤稿"):
        assert words in text, words
    assert "第 1 页，共 2 页" in text
    assert "第 2 页，共 2 页" in text
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "842 x 595 pts (A4)" in info  # landscape A4
    assert re.search(r"^Pages:\s+2$", info, re.MULTILINE)
