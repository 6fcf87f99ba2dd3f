"""Loading translations and translating the core's messages.

English is the source language; Simplified Chinese is complete. The language follows the system
unless the user chose one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from newsdesk.core.i18n import Message
from newsdesk.paths import resources_dir

LANGUAGES = ("zh_CN", "en")


def choose_language(requested: str | None = None) -> str:
    if requested in LANGUAGES:
        return requested
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Newsdesk's catalogue (for English: its plural forms) and Qt's own (so standard
    buttons read 确定/取消).

    The translators are returned (and kept on ``app``) because Qt does not own them.
    """
    QLocale.setDefault(QLocale(language))
    catalogues = [(f"newsdesk_{language}", str(resources_dir() / "translations"))]
    if language != "en":
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues.append((f"qtbase_{language}", qt_folder))
    translators = []
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def translated(message: Message) -> str:
    """A core message in the user's language, parameters filled in after translation (and
    translated themselves when they are messages, such as a column's title)."""
    params = {
        name: translated(value) if isinstance(value, Message) else value
        for name, value in message.params.items()
    }
    return QCoreApplication.translate(message.context, message.source).format(**params)
