"""Browser tests: Debian's chromium, driven by Playwright, against the built books.

The default book (`_build/html`, from `python -m newsbook book --no-execute`) and the book of a
hostile article (built here through the command line into `_build/books/hostile`) are
served by a static server on a free localhost port. Every page is watched for console
errors, uncaught exceptions, dialogs, failed requests and requests leaving localhost.
Screenshots for a reviewer go to `_build/screenshots/`.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_support import (
    BUILD,
    CHROMIUM_ARGS,
    DEFAULT_HTML,
    HOSTILE_ARTICLE,
    HOSTILE_BOOK,
    HOSTILE_CORPUS_BOOK,
    HOSTILE_PUBLISHED,
    LAPTOP,
    PAGE_TIMEOUT_MS,
    ROOT,
    Watch,
    watch,
)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep pytest's output readable
        pass


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """`_build/` served on a free localhost port; yields its base URL."""
    BUILD.mkdir(exist_ok=True)
    handler = functools.partial(QuietHandler, directory=str(BUILD))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Debian's chromium is missing: `apt-get install chromium` (.ci/run does it)")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def watched(browser) -> Iterator[tuple]:
    """A fresh browser profile at laptop width and its `Watch`."""
    context = browser.new_context(viewport=LAPTOP)
    seen = watch(context)
    yield context, seen
    context.close()


@pytest.fixture
def seen(watched) -> Watch:
    return watched[1]


@pytest.fixture
def page(watched):
    page = watched[0].new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    return page


HOSTILE_BUILD = pytest.StashKey[subprocess.Popen]()
HOSTILE_CORPUS_BUILD = pytest.StashKey[subprocess.Popen]()


def _start(command: list[str]) -> subprocess.Popen:
    # a session of its own, so that its notebook kernels can be stopped with it
    return subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _finish(process: subprocess.Popen) -> None:
    _, stderr = process.communicate()
    # jupyter's kernels warn on every start; what is left is what went wrong
    said = "\n".join(line for line in stderr.splitlines() if "[IPKernelApp] WARNING" not in line)
    command = " ".join(process.args)
    assert process.returncode == 0, f"{command} failed:\n{said[-3000:]}"
    assert "Traceback" not in said, said[-3000:]


def _hostile_build() -> subprocess.Popen:
    """`python -m newsbook book` of the hostile article, started in the background."""
    return _start(
        [
            sys.executable,
            "-m",
            "newsbook",
            "book",
            str(HOSTILE_ARTICLE),
            "--published",
            HOSTILE_PUBLISHED,
            "--out",
            str(HOSTILE_BOOK),
        ]
    )


def _hostile_corpus_build() -> subprocess.Popen:
    """`python -m newsbook book --corpus` of the hostile article's folder, in the
    background."""
    return _start(
        [
            sys.executable,
            "-m",
            "newsbook",
            "book",
            "--corpus",
            str(HOSTILE_ARTICLE.parent),
            "--out",
            str(HOSTILE_CORPUS_BOOK),
        ]
    )


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected what will not run
def pytest_collection_modifyitems(config, items) -> None:
    # The hostile books take longest to build: start them now, while other tests run.
    if any("hostile_book" in item.fixturenames for item in items):
        config.stash[HOSTILE_BUILD] = _hostile_build()
    if any("hostile_corpus_book" in item.fixturenames for item in items):
        config.stash[HOSTILE_CORPUS_BUILD] = _hostile_corpus_build()


def pytest_unconfigure(config) -> None:
    for key in (HOSTILE_BUILD, HOSTILE_CORPUS_BUILD):
        process = config.stash.get(key, None)
        if process is not None and process.poll() is None:  # the session ended early
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()


@pytest.fixture(scope="session")
def default_book() -> Path:
    """The default book's html folder (built without executing, if it is missing)."""
    if not (DEFAULT_HTML / "index.html").exists():
        _finish(_start([sys.executable, "-m", "newsbook", "book", "--no-execute"]))
    return DEFAULT_HTML


@pytest.fixture(scope="session")
def hostile_book(pytestconfig) -> Path:
    """The hostile article's book, built through the command line for this session."""
    _finish(pytestconfig.stash.get(HOSTILE_BUILD, None) or _hostile_build())
    return HOSTILE_BOOK / "html"


@pytest.fixture(scope="session")
def hostile_corpus_book(pytestconfig) -> Path:
    """The corpus book of the hostile article's folder, built for this session."""
    _finish(pytestconfig.stash.get(HOSTILE_CORPUS_BUILD, None) or _hostile_corpus_build())
    return HOSTILE_CORPUS_BOOK / "html"
