"""A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (stdlib only).

Chromium reads protocol messages from fd 3 and writes to fd 4, each a JSON object
terminated by NUL.  This is enough to open a page, collect console errors, exceptions
and failed loads, evaluate expressions, take a full-page screenshot and print to PDF.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)
TIMEOUT = 60.0


def chromium_binary() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


class Browser:
    def __init__(self, binary: str, profile: Path) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def wire() -> None:
            # In the child: the pipe ends become fds 3 and 4.  Go through high numbers first so
            # that one end already sitting on 3 or 4 is not overwritten; dup2 also clears CLOEXEC.
            high_r, high_w = os.dup2(to_chrome_r, 200), os.dup2(from_chrome_w, 201)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.process = subprocess.Popen(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,
            close_fds=False,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        with contextlib.suppress(OSError, TimeoutError, RuntimeError):  # it may already be gone
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the protocol pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            answer = self._read_message(deadline)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            self.events.append(answer)

    def wait_for(self, method: str, session: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        for event in self.events:
            if event.get("method") == method and event.get("sessionId") == session:
                return event
        while True:
            event = self._read_message(deadline)
            self.events.append(event)
            if event.get("method") == method and event.get("sessionId") == session:
                return event


class Page:
    """One tab: navigate, then ask questions about what it shows."""

    def __init__(self, browser: Browser, width: int = 1280, height: int = 900) -> None:
        self.browser = browser
        target = browser.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = browser.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
            browser.send(domain, self.session)
        browser.send(
            "Emulation.setDeviceMetricsOverride",
            self.session,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.width = width

    def open(self, path: Path) -> None:
        self.browser.send("Page.navigate", self.session, url=path.resolve().as_uri())
        self.browser.wait_for("Page.loadEventFired", self.session)

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads reported by this tab so far."""
        out = []
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                continue
            params = event.get("params", {})
            method = event.get("method")
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                out.append("console: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Runtime.exceptionThrown":
                out.append("exception: " + str(params["exceptionDetails"].get("text")))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                out.append("log: " + str(params["entry"].get("text")) + " " + str(params["entry"].get("url", "")))
        return out

    def evaluate(self, expression: str) -> Any:
        result = self.browser.send("Runtime.evaluate", self.session, expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def platform_fonts(self, selector: str) -> list[str]:
        """The fonts Chromium actually drew the first `selector` element's text with."""
        self.browser.send("DOM.enable", self.session)
        self.browser.send("CSS.enable", self.session)
        root = self.browser.send("DOM.getDocument", self.session)["root"]["nodeId"]
        node = self.browser.send("DOM.querySelector", self.session, nodeId=root, selector=selector)["nodeId"]
        fonts = self.browser.send("CSS.getPlatformFontsForNode", self.session, nodeId=node)["fonts"]
        return [str(f["familyName"]) for f in fonts]

    def screenshot(self, out: Path, max_height: int = 6000) -> None:
        """The whole page (up to `max_height` CSS pixels) as PNG."""
        height = min(max_height, int(self.evaluate("document.documentElement.scrollHeight")))
        self.browser.send(
            "Emulation.setDeviceMetricsOverride",
            self.session,
            width=self.width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        data = self.browser.send("Page.captureScreenshot", self.session, format="png")["data"]
        out.write_bytes(base64.b64decode(data))

    def pdf_a4(self) -> bytes:
        data = self.browser.send(
            "Page.printToPDF",
            self.session,
            paperWidth=8.27,
            paperHeight=11.69,
            printBackground=True,
            preferCSSPageSize=True,
        )["data"]
        return base64.b64decode(data)
