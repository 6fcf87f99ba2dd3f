"""What the desktop bundle keeps of what PyInstaller collects, on Linux and on Windows.

Pure Python (no PyInstaller, no Qt) so the rules are unit-tested on any machine:
``newsdesk.spec`` imports :func:`kept` and filters ``Analysis.datas``/``binaries`` with it.
Each rule is written once by Qt module or plugin name; the platform only changes how a file
name spells it (``libQt6Quick.so.6`` under ``Qt/lib`` on Linux, ``Qt6Quick.dll`` beside PySide6's
``__init__`` on Windows; ``plugins/platforms/libqxcb.so`` vs ``plugins/platforms/qwindows.dll``).
"""

from pathlib import PurePosixPath, PureWindowsPath

# Qt plugins kept, by folder and by plugin name (file name without ``lib`` and suffix);
# None keeps the whole folder. Every other plugin the hooks collect is dropped.
# Left out: the GTK theme (it would carry GTK 3), the virtual keyboard (Qt Quick), PDF images
# (QtPdf), evdev input (only for a screen without a window system).
PLUGINS = {
    "platforms": ("qxcb", "qwayland", "qoffscreen", "qminimal", "qwindows"),
    "platforminputcontexts": (
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    ),
    "platformthemes": ("qxdgdesktopportal",),
    "styles": None,
    "imageformats": ("qgif", "qico", "qjpeg", "qsvg", "qtiff", "qwebp"),
    "iconengines": None,
    "xcbglintegrations": None,
    "wayland-shell-integration": ("xdg-shell", "wl-shell-plugin"),
    "wayland-decoration-client": ("bradient",),
    "wayland-graphics-integration-client": ("qt-plugin-wayland-egl",),
}
# Qt libraries only the plugins and modules left out use, by module name or family prefix
# (``Quick`` covers QuickControls2Fusion…, ``Qml`` covers QmlModels…).
UNUSED_QT_LIBS = (
    "Pdf",
    "Qml",
    "Quick",
    "Labs",
    "Lottie",
    "VirtualKeyboard",
    "EglFS",
    "EglFsKmsSupport",
    "Network",
    "WebEngine",
    "WebChannel",
    "WebSockets",
    "WebView",
    "3D",
    "Multimedia",
    "SpatialAudio",
    "Charts",
    "Graphs",
    "DataVisualization",
    "Designer",
    "UiTools",
    "Help",
    "Sql",
    "Test",
    "ShaderTools",
    "Scxml",
    "StateMachine",
    "RemoteObjects",
    "Sensors",
    "SerialPort",
    "SerialBus",
    "Bluetooth",
    "Nfc",
    "Positioning",
    "Location",
    "TextToSpeech",
    "HttpServer",
)
# Other Windows DLLs PySide6 ships that Newsdesk never loads: Mesa's software OpenGL (20 MB),
# the shader compiler and Direct3D compiler that only Qt Quick and OpenGL use.
UNUSED_WINDOWS_DLLS = ("opengl32sw.dll", "d3dcompiler_47.dll")
# System libraries a Linux bundle carries itself: Python's own and those of its standard
# modules, which differ between distributions. The desktop's libraries (X11, xcb, Wayland, GL,
# fontconfig, freetype, GLib, D-Bus) come from the system.
SYSTEM_KEPT = (
    "libpython3",
    "libssl",
    "libcrypto",
    "libsqlite3",
    "libffi",
    "libbz2",
    "liblzma",
    "libz",
    "libexpat",
    "libuuid",
    "libmpdec",
    "libstdc++",
    "libgcc_s",
)
# Babel (courlan's language filter) needs its locale data only for the languages it is asked about.
BABEL_LOCALES = ("root", "en", "zh")
QT_TRANSLATIONS = ("qtbase_zh_CN.qm", "qt_zh_CN.qm")


def _parts(dest: str) -> tuple[str, ...]:
    if "\\" in dest:
        return PureWindowsPath(dest).parts
    return PurePosixPath(dest).parts


def _plugin_name(file: str) -> str:
    stem = file.rsplit(".", 1)[0] if file.endswith((".dll", ".so")) else file.split(".so")[0]
    return stem.removeprefix("lib")


def _qt_module(file: str) -> str | None:
    """``Quick`` for ``libQt6Quick.so.6`` or ``Qt6Quick.dll``; None for any other file."""
    name = file.removeprefix("lib")
    if not name.startswith("Qt6"):
        return None
    return name.removeprefix("Qt6").split(".")[0]


def kept(dest: str) -> bool:
    """Whether the file PyInstaller puts at ``dest`` (relative to the bundle) stays in it."""
    parts = _parts(dest)
    name = parts[-1]
    if name.lower() in UNUSED_WINDOWS_DLLS:
        return False
    # On Linux a top-level libQt6*.so is only PyInstaller's link to PySide6/Qt/lib: the system
    # rule drops it like any other top-level library the bundle does not carry itself.
    if len(parts) == 1 and ".so" in name and "cpython" not in name:
        stem = name.split(".so")[0]
        return any(stem == kept_ or stem.startswith(kept_ + ".") for kept_ in SYSTEM_KEPT)
    module = _qt_module(name)
    if module is not None and (name.endswith(".dll") or ".so" in name):
        return not module.startswith(UNUSED_QT_LIBS)
    if parts[:2] == ("babel", "locale-data"):
        return parts[2].split(".")[0].split("_")[0] in BABEL_LOCALES
    if "PySide6" not in parts:
        return True
    inside = parts[parts.index("PySide6") + 1 :]
    if inside[:1] == ("Qt",):  # Linux wheels put Qt under PySide6/Qt, Windows wheels do not
        inside = inside[1:]
    if inside[:1] == ("translations",):
        return name in QT_TRANSLATIONS
    if inside[:1] == ("plugins",) and len(inside) >= 3:
        allowed = PLUGINS.get(inside[1], ())
        return allowed is None or _plugin_name(name) in allowed
    # Qt Quick's QML modules and WebEngine's resources go.
    return inside[:1] not in (("qml",), ("resources",))
