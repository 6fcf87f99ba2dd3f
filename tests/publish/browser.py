"""Headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``).

Chromium reads protocol messages from file descriptor 3 and writes them to 4, each ended by a NUL
byte, so a page can be opened at a given width, measured and photographed with no driver or
websocket library.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        if found := shutil.which(name):
            return found
    return None


@dataclass(frozen=True)
class Shot:
    """A page as shown at one width: its layout measures and a PNG screenshot."""

    scroll_width: int  # the document's full width; wider than the viewport means a side scroll
    viewport_width: int
    png: bytes


class Chromium:
    def __init__(self, executable: str) -> None:
        self._profile = tempfile.TemporaryDirectory(prefix="newsdesk-chromium-")
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def on_fds_3_and_4() -> None:  # runs in the child before exec
            read_end, write_end = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self._process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-sandbox",  # tests run as root in containers
                "--disable-gpu",
                "--no-first-run",
                "--hide-scrollbars",
                "--remote-debugging-pipe",
                f"--user-data-dir={self._profile.name}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=on_fds_3_and_4,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0

    def __enter__(self) -> Chromium:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError):  # it may have gone already
            self._send("Browser.close")
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        self._profile.cleanup()

    def _read_message(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise ConnectionError("Chromium closed its DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)  # type: ignore[no-any-return]

    def _send(self, method: str, session: str | None = None, **params: Any) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        return self._next_id

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send a command and wait for its answer (events arriving meanwhile are dropped)."""
        sent = self._send(method, session, **params)
        while True:
            message = self._read_message()
            if message.get("id") == sent:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})  # type: ignore[no-any-return]

    def _wait_for(self, event: str, session: str) -> None:
        while True:
            message = self._read_message()
            if message.get("method") == event and message.get("sessionId") == session:
                return

    def shoot(self, page: Path, width: int, height: int = 900) -> Shot:
        """Open ``page`` in a fresh tab ``width`` CSS pixels wide (a phone below 500 px)."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        try:
            self.call(
                "Emulation.setDeviceMetricsOverride",
                session,
                width=width,
                height=height,
                deviceScaleFactor=1,
                mobile=width < 500,
            )
            self.call("Page.enable", session)
            self.call("Page.navigate", session, url=page.resolve().as_uri())
            self._wait_for("Page.loadEventFired", session)
            measured = self.call(
                "Runtime.evaluate",
                session,
                expression="[document.documentElement.scrollWidth, window.innerWidth]",
                returnByValue=True,
            )
            scroll_width, viewport_width = measured["result"]["value"]
            picture = self.call("Page.captureScreenshot", session, format="png")
            return Shot(scroll_width, viewport_width, base64.b64decode(picture["data"]))
        finally:
            self.call("Target.closeTarget", targetId=target)
