"""The bundle's keep/drop rules on the files a PySide6 6.11.3 win_amd64 wheel and a Linux build
collect (file list from ``unzip -Z1`` of the wheel, data/pyside6-6.11.3-win_amd64.txt)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging" / "pyinstaller"))

from bundle_rules import kept  # noqa: E402

WINDOWS = (Path(__file__).parent / "data" / "pyside6-6.11.3-win_amd64.txt").read_text().split()


def windows_bundle() -> set[str]:
    return {name.replace("/", "\\") for name in WINDOWS if kept(name.replace("/", "\\"))}


def test_windows_keeps_what_a_desk_needs():
    bundle = windows_bundle()
    for name in (
        "PySide6\\Qt6Core.dll",
        "PySide6\\Qt6Gui.dll",
        "PySide6\\Qt6Widgets.dll",
        "PySide6\\Qt6Svg.dll",
        "PySide6\\pyside6.abi3.dll",
        "PySide6\\vcruntime140.dll",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6\\plugins\\platforms\\qoffscreen.dll",
        "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
        "PySide6\\plugins\\imageformats\\qjpeg.dll",
        "PySide6\\plugins\\imageformats\\qsvg.dll",
        "PySide6\\plugins\\iconengines\\qsvgicon.dll",
        "PySide6\\translations\\qtbase_zh_CN.qm",
        "PySide6\\translations\\qt_zh_CN.qm",
    ):
        assert name in bundle, name


def test_windows_drops_quick_pdf_webengine_and_software_opengl():
    bundle = windows_bundle()
    dropped = {
        "PySide6\\opengl32sw.dll",
        "PySide6\\Qt6Quick.dll",
        "PySide6\\Qt6Qml.dll",
        "PySide6\\Qt6QuickControls2Fusion.dll",
        "PySide6\\Qt6Pdf.dll",
        "PySide6\\Qt6Network.dll",
        "PySide6\\Qt6LabsSettings.dll",
        "PySide6\\Qt6DesignerComponents.dll",
        "PySide6\\plugins\\imageformats\\qpdf.dll",
        "PySide6\\plugins\\platforms\\qdirect2d.dll",
        "PySide6\\plugins\\platforminputcontexts\\qtvirtualkeyboardplugin.dll",
        "PySide6\\plugins\\sqldrivers\\qsqlite.dll",
        "PySide6\\plugins\\qmltooling\\qmldbg_tcp.dll",
        "PySide6\\qml\\QtQuick\\qtquick2plugin.dll",
        "PySide6\\translations\\qtbase_de.qm",
    }
    assert not dropped & bundle
    assert not [name for name in bundle if "\\qml\\" in name or "Quick" in name]


LINUX = {
    "PySide6/Qt/lib/libQt6Core.so.6": True,
    "PySide6/Qt/lib/libQt6Widgets.so.6": True,
    "PySide6/Qt/lib/libQt6XcbQpa.so.6": True,
    "PySide6/Qt/lib/libQt6Svg.so.6": True,
    "PySide6/Qt/lib/libQt6Quick.so.6": False,
    "PySide6/Qt/lib/libQt6QmlModels.so.6": False,
    "PySide6/Qt/lib/libQt6Pdf.so.6": False,
    "PySide6/Qt/lib/libQt6Network.so.6": False,
    "PySide6/Qt/plugins/platforms/libqxcb.so": True,
    "PySide6/Qt/plugins/platforms/libqoffscreen.so": True,
    "PySide6/Qt/plugins/platforms/libqeglfs.so": False,
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so": False,
    "PySide6/Qt/plugins/imageformats/libqwebp.so": True,
    "PySide6/Qt/plugins/imageformats/libqpdf.so": False,
    "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so": True,
    "PySide6/Qt/translations/qtbase_zh_CN.qm": True,
    "PySide6/Qt/translations/qtbase_fr.qm": False,
    "PySide6/Qt/qml/QtQuick/qmldir": False,
    "libssl.so.3": True,
    "libsqlite3.so.0": True,
    "libX11.so.6": False,
    "libfontconfig.so.1": False,
    "babel/locale-data/zh_Hans.dat": True,
    "babel/locale-data/fr.dat": False,
    "newsdesk/store/migrations/env.py": True,
}


def test_linux_rules_are_unchanged():
    assert {name: kept(name) for name in LINUX} == LINUX
