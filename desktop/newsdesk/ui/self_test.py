"""``newsdesk --self-test``: what an IT department runs after installing Newsdesk on a desk.

One line per check, ``OK`` or ``FAIL`` with what was found, and exit status 1 if anything
failed. Each check runs what the desktop itself runs (the same catalogues, templates, database
code and word lists, from wherever this installation keeps them), never a stand-in.

The Qt platform plugin is checked by creating the application: where it cannot load, Qt itself
stops the process with its own message (a non-zero exit status as well).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import certifi
import httpx
import platformdirs
from PIL import Image
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QImage, QPainter
from PySide6.QtWidgets import QApplication

from newsdesk.core.sensitive import SensitiveMatcher
from newsdesk.paths import resources_dir
from newsdesk.preset import PresetError, desktop_verification, load_preset, preset_path
from newsdesk.store.workspace import Workspace, synced_server
from newsdesk.ui.fonts import FAMILIES, use_chinese_fonts
from newsdesk.ui.i18n import choose_language, install_translators, translated
from newsdesk.ui.icon import SIZES, app_icon, icon_file
from newsdesk.wordlists import load_word_lists, shipped_wordlists_dir

CHINESE_SAMPLE = "采编台稿件审核发布"
translate = QCoreApplication.translate


class CheckError(Exception):
    """A check found something wrong; the message says what, for the IT department."""


def check_platform() -> str:
    return QApplication.platformName()


def _drawn(text: str, font: QFont) -> QImage:
    image = QImage(48, 48, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def check_chinese_font() -> str:
    font = QApplication.font()
    # A code point no font has: what Qt draws for a missing glyph (a box, or nothing).
    missing = _drawn("\U0010fffd", font)
    boxes = [ch for ch in CHINESE_SAMPLE if _drawn(ch, font) == missing]
    if boxes or not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        raise CheckError(
            translate(
                "SelfTest",
                "No font draws Chinese ({chars}): it would show as empty boxes. Install one of "
                "{families}.",
            ).format(chars="".join(boxes) or CHINESE_SAMPLE, families="、".join(FAMILIES[:5]))
        )
    return QFontInfo(font).family()


def check_translations() -> str:
    folder = resources_dir() / "translations"
    ours = QTranslator()
    if not ours.load("newsdesk_zh_CN", str(folder)):
        raise CheckError(
            translate("SelfTest", "newsdesk_zh_CN.qm is missing from {path}.").format(path=folder)
        )
    if ours.translate("MainWindow", "Online") != "在线":
        raise CheckError(
            translate("SelfTest", "{path} holds no usable catalogue.").format(path=folder)
        )
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load("qtbase_zh_CN", qt_folder):
        raise CheckError(
            translate("SelfTest", "Qt's qtbase_zh_CN.qm is missing from {path}.").format(
                path=qt_folder
            )
        )
    return str(folder)


def check_templates() -> str:
    from newsdesk.publish.pages import PageArticle, SiteInfo, Templates, render_pc, render_wap

    article = PageArticle(
        id="self-test",
        channel="新闻",
        title="自检稿件",
        body_html="<p>正文</p>",
        published_at=dt.datetime.now(dt.UTC),
    )
    site = SiteInfo(name="采编台")
    templates = Templates()
    for page in (
        render_pc(templates, article, lambda sha, _target: sha, site),
        render_wap(templates, article, lambda sha, _target: sha, site),
    ):
        if "自检稿件" not in page or "<p>正文</p>" not in page:
            raise CheckError(
                translate("SelfTest", "A rendered page lacks the article's title or text.")
            )
    return str(resources_dir() / "templates")


def check_sensitive_words() -> str:
    lists = load_word_lists(shipped_wordlists_dir())
    matcher = SensitiveMatcher(lists.entries)
    if not matcher.find("这是全国最佳的选择"):
        raise CheckError(
            translate("SelfTest", "The shipped word list in {path} found nothing.").format(
                path=shipped_wordlists_dir()
            )
        )
    return translate("SelfTest", "{count} words").format(count=len(matcher))


def check_images() -> str:
    formats = ("JPEG", "PNG", "WEBP")
    for name in formats:
        encoded = io.BytesIO()
        Image.new("RGB", (64, 48), (200, 22, 29)).save(encoded, name)
        decoded = Image.open(io.BytesIO(encoded.getvalue()))
        decoded.load()
        if decoded.size != (64, 48):
            raise CheckError(
                translate("SelfTest", "{format} images do not come back as written.").format(
                    format=name
                )
            )
    return "、".join(formats)


def check_full_text_search() -> str:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
        conn.execute("INSERT INTO probe VALUES ('城市 书房')")
        found = conn.execute("SELECT count(*) FROM probe WHERE probe MATCH '书房'").fetchone()[0]
    except sqlite3.OperationalError as error:
        raise CheckError(
            translate("SelfTest", "SQLite lacks FTS5 ({reason}).").format(reason=error)
        ) from None
    finally:
        conn.close()
    if found != 1:
        raise CheckError(translate("SelfTest", "SQLite's full-text search found nothing."))
    return f"SQLite {sqlite3.sqlite_version}"


def check_workspace() -> str:
    # The demo newsroom exercises what a working day does: migrations, every kind of write,
    # images, and the Chinese full-text index.
    from newsdesk.demo import build_demo

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newsdesk-self-test-") as scratch:
        with Workspace.open(Path(scratch) / "workspace", create=True) as workspace:
            build_demo(workspace, "small")
            hits = workspace.store.search("图书馆")
        if not hits:
            raise CheckError(translate("SelfTest", "Searching the new workspace found nothing."))
    return translate(
        "SelfTest", "created, written, searched and removed in {seconds:.1f} s"
    ).format(seconds=time.perf_counter() - started)


def check_icon() -> str:
    available = {size.width() for size in app_icon().availableSizes()}
    missing = [str(size) for size in SIZES if size not in available]
    if missing or QImage(str(icon_file(256))).isNull():
        raise CheckError(
            translate("SelfTest", "Icon sizes missing from {path}: {sizes}").format(
                path=icon_file(256).parent, sizes=", ".join(missing) or "256"
            )
        )
    return str(icon_file(256).parent)


def check_preset() -> str:
    try:
        preset = load_preset()
    except PresetError as error:
        raise CheckError(translated(error.message)) from None
    if preset is None:
        return translate("SelfTest", "none at {path}").format(path=preset_path())
    return f"{preset.branch} ({preset.server})"


def check_certificates() -> str:
    count = len(desktop_verification().get_ca_certs())
    if count == 0:
        raise CheckError(
            translate("SelfTest", "No CA certificates in {path}.").format(path=certifi.where())
        )
    return translate("SelfTest", "{count} CA certificates").format(count=count)


def data_folder() -> Path:
    return platformdirs.user_data_path("Newsdesk", appauthor=False)


def check_data_folder() -> str:
    folder = data_folder()
    probe = folder / f".self-test-{uuid.uuid4().hex}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"newsdesk")
        probe.unlink()
    except OSError as error:
        raise CheckError(
            translate("SelfTest", "Cannot write to {path} ({reason}).").format(
                path=folder, reason=error.strerror or error
            )
        ) from None
    return str(folder)


def configured_server() -> str | None:
    """The server the last workspace opened on this account syncs with, else the preset's."""
    last = QSettings("Newsdesk", "Newsdesk").value("workspace/last")
    server = synced_server(Path(str(last))) if last else None
    if server is not None:
        return server
    try:
        preset = load_preset()
    except PresetError:
        return None  # reported by its own check
    return preset.server if preset is not None else None


def check_server() -> str:
    url = configured_server()
    if url is None:
        return translate("SelfTest", "none configured; skipped")
    try:
        answer = httpx.get(
            f"{url.rstrip('/')}/v1/health", timeout=10, verify=desktop_verification()
        )
    except httpx.HTTPError as error:
        raise CheckError(
            translate("SelfTest", "{url} cannot be reached ({reason}).").format(
                url=url, reason=type(error).__name__
            )
        ) from None
    if answer.status_code != 200:
        raise CheckError(
            translate("SelfTest", "{url} answered {status}.").format(
                url=url, status=answer.status_code
            )
        )
    return url


def checks() -> list[tuple[str, Callable[[], str]]]:
    return [
        (translate("SelfTest", "Qt platform plugin"), check_platform),
        (translate("SelfTest", "Chinese font"), check_chinese_font),
        (translate("SelfTest", "Translations"), check_translations),
        (translate("SelfTest", "Page templates"), check_templates),
        (translate("SelfTest", "Sensitive-word lists"), check_sensitive_words),
        (translate("SelfTest", "Images (JPEG, PNG, WebP)"), check_images),
        (translate("SelfTest", "SQLite full-text search"), check_full_text_search),
        (translate("SelfTest", "A new workspace"), check_workspace),
        (translate("SelfTest", "Application icon"), check_icon),
        (translate("SelfTest", "Branch preset"), check_preset),
        (translate("SelfTest", "TLS certificates"), check_certificates),
        (translate("SelfTest", "Data folder writable"), check_data_folder),
        (translate("SelfTest", "Sync server"), check_server),
    ]


def run_self_test(language: str | None, *, has_display: bool) -> int:
    """Run every check, print one line each; 0 when all passed, 1 otherwise."""
    if not has_display:
        # Over SSH or in a service account: check everything else without a window.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setProperty("newsdesk_translators", install_translators(app, choose_language(language)))
    use_chinese_fonts(app)
    failures = 0
    every = checks()
    for name, check in every:
        try:
            detail = check()
        except Exception as error:  # any failure is the answer: report it and go on
            failures += 1
            reason = str(error) if isinstance(error, CheckError) else repr(error)
            print(f"FAIL  {name}: {reason}", flush=True)
        else:
            print(f"OK    {name}: {detail}", flush=True)
    print(
        translate("SelfTest", "All checks passed.")
        if failures == 0
        else translate("SelfTest", "{failed} of {total} checks failed.").format(
            failed=failures, total=len(every)
        ),
        flush=True,
    )
    return 0 if failures == 0 else 1
