"""The web app and the offline report in a real browser (issue 5): the system's chromium,
driven by Playwright, goes story -> article sentence -> speaker on `newsledger serve`
running as a server over the examples plus an article carrying hostile markup; it checks
that Vega drew one mark per reading, that links land on their highlighted sentence, that
the hostile markup stays text and never runs, and that the report file draws its charts
with the network cut. Every page is saved as a screenshot under build/screenshots/.

Without a `chromium` on PATH (or without Playwright) every test fails with the reason:
`make test` installs chromium first (scripts/ensure-chromium).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import httpx
import pytest

from .conftest import EXAMPLES, ROOT, run_cli

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Route

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "build" / "screenshots"
SCRIPT = "<script>window.__pwned = 1</script>"
IMAGE = '<img src=x onerror="window.__pwned=2">'
HOSTILE = (
    "Flood kills more than 40 in the river valley\n\nMay 2, 2024\n\n"
    f"More than 40 people were killed in the floods on Thursday, officials said. {SCRIPT}"
    f" Rescuers said {IMAGE} more bodies may be found.\n\n"
    "\"We are still searching,\" the regional governor Anna Kovacs told reporters.\n")
SPEAKER = "Majed Al-Ansari"
DRAWN = 20_000  # ms for Vega to draw a page's charts (the first /vega.js is built on demand)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _without_browser() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if CHROMIUM is None:
        return "no chromium on PATH (Debian: apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[dev]')"
    return None


# -- the store, the server, the browser ----------------------------------------------------

@pytest.fixture(scope="module", autouse=True)
def chromium_here() -> None:
    """First of all: without the browser every test of the module fails with the reason
    (`make test` installs chromium first: scripts/ensure-chromium)."""
    missing = _without_browser()
    if missing:
        pytest.fail(f"{missing}; `make test` installs it (scripts/ensure-chromium)",
                    pytrace=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples plus the hostile article, ingested by the real command."""
    work = tmp_path_factory.mktemp("browser")
    hostile = work / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    path = work / "browser.db"
    done = run_cli("ingest", "--db", str(path), str(EXAMPLES), str(hostile))
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    """`newsledger serve` on a free port, as a user starts it; stopped at the end."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "newsledger.cli", "serve", "--db", str(db),
                                "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_it_answers(url, process)
        httpx.get(f"{url}/vega.js", timeout=60)  # built once per process: warm it up
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_it_answers(url: str, process: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped: {process.stderr.read() if process.stderr else ''}")
        try:
            httpx.get(url, timeout=5)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    pytest.fail(f"no answer from {url} in {seconds} s")


@pytest.fixture(scope="module")
def browser(request: pytest.FixtureRequest) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        launched.close()
    _print_screenshots(request)


@pytest.fixture(scope="module")
def stories(server: str) -> dict[str, dict[str, Any]]:
    """The stories by size: the example story has 2 articles, the hostile one 1."""
    found = httpx.get(f"{server}/api/stories", timeout=10).json()["stories"]
    return {str(len(s["articles"])): s for s in found}


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh tab whose requests may go to the app only: anything else is cut and
    counted, so a page that needs the outside world fails here."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    elsewhere = _cut_off(context, allowed=server)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert elsewhere == [] and errors == []


def _cut_off(context: BrowserContext, allowed: str) -> list[str]:
    blocked: list[str] = []

    def route(route: Route) -> None:
        if route.request.url.startswith(allowed):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return blocked


def shoot(page: Page, name: str, full_page: bool = True) -> Path:
    """A screenshot artifact; `full_page=False` keeps what the window shows (a sentence
    scrolled into view)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    print(path)
    return path


def _print_screenshots(request: pytest.FixtureRequest) -> None:
    """The artifacts' paths, shown even when pytest captures output."""
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    shots = sorted(SCREENSHOTS.glob("*.png")) if SCREENSHOTS.exists() else []
    if reporter is None or capture is None or not shots:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        for shot in shots:
            reporter.write_line(f"browser screenshot: {shot}")


# -- what the browser sees -----------------------------------------------------------------

def drawn_marks(page: Page) -> dict[str, tuple[int, int]]:
    """Per figure series on the page: its label -> (readings it holds, points Vega drew in
    the readings layer)."""
    return dict(page.evaluate("""() => [...document.querySelectorAll('.series')].map(s =>
        [s.querySelector('h3').textContent.trim(), [Number(s.dataset.readings),
         s.querySelectorAll('svg g.readings_marks path').length]])"""))


def wait_for_charts(page: Page) -> None:
    page.wait_for_function("""() => [...document.querySelectorAll('.vega-chart')].every(c =>
        c.querySelector('svg g.readings_marks'))""", timeout=DRAWN)


def assert_one_mark_per_reading(marks: dict[str, tuple[int, int]]) -> None:
    print("readings held / points drawn per series:", marks)
    assert marks, "no figure series on the page"
    assert all(held == drawn for held, drawn in marks.values()), marks
    for measure in ("killed", "injured"):  # the examples' tolls, read by both outlets
        assert any(label.startswith(f"{measure}:") and held == 2
                   for label, (held, _) in marks.items()), (measure, marks)


def open_story(page: Page, server: str, story: dict[str, Any]) -> None:
    page.goto(f"{server}/")
    page.get_by_role("link", name=story["title"]).click()
    page.wait_for_url(f"**/stories/{story['story']}")
    wait_for_charts(page)


def assert_at_highlighted_sentence(page: Page, href: str) -> None:
    """The page is the article the link named, scrolled to its sentence, which exists and
    is highlighted as the target."""
    wanted = urlsplit(href)
    page.wait_for_url(f"**{wanted.path}#*")
    assert page.evaluate("location.pathname") == wanted.path
    assert page.evaluate("location.hash") == f"#{wanted.fragment}"
    target = page.locator(f"[id='{unquote(wanted.fragment)}']")
    assert target.count() == 1
    assert target.evaluate("e => e.matches(':target')")
    background = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
    assert target.is_visible() and target.inner_text().strip()


# -- the tests -----------------------------------------------------------------------------

def test_story_page_draws_its_charts_and_timeline(page: Page, server: str,
                                                  stories: dict[str, dict[str, Any]]) -> None:
    open_story(page, server, stories["2"])
    assert_one_mark_per_reading(drawn_marks(page))
    entries = page.locator("#timeline tr.timeline-entry")
    assert entries.count() > 0 and entries.first.is_visible()
    assert page.locator("#timeline a.src").count() >= entries.count() // 2
    shoot(page, "story")


def test_timeline_link_opens_its_sentence(page: Page, server: str,
                                          stories: dict[str, dict[str, Any]]) -> None:
    open_story(page, server, stories["2"])
    link = page.locator("#timeline a.src").first
    href = str(link.get_attribute("href"))
    sentence = link.inner_text().rsplit("§", 1)[1]
    link.click()
    assert_at_highlighted_sentence(page, href)
    assert page.evaluate("location.hash").endswith(f"-s-{sentence}")
    shoot(page, "article-from-timeline", full_page=False)


def test_chart_mark_opens_its_sentence(page: Page, server: str,
                                       stories: dict[str, dict[str, Any]]) -> None:
    """A point of a chart links to the sentence its reading came from (Vega follows the
    mark's href on click)."""
    open_story(page, server, stories["2"])
    series = page.locator(".series").first
    expected = str(series.locator("tr.reading a.src").first.get_attribute("href"))
    series.locator("svg g.readings_marks path").first.click()
    assert_at_highlighted_sentence(page, expected)
    shoot(page, "article-from-chart", full_page=False)


def test_speaker_page_has_quotes_from_both_articles(page: Page, server: str,
                                                    stories: dict[str, dict[str, Any]]) -> None:
    story = stories["2"]
    open_story(page, server, story)
    page.locator("#quotes h3 a", has_text=SPEAKER).click()
    page.wait_for_url("**/speakers/**")
    assert page.locator("h1").inner_text() == SPEAKER
    sources = page.locator("blockquote.quote a.src").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname.split('/').pop())")
    assert set(sources) == set(story["articles"])
    shoot(page, "speaker")
    page.locator("blockquote.quote a.src").first.click()
    page.wait_for_url("**/articles/**#*")
    assert page.locator(f".quote-item a:text-is('{SPEAKER}')").count() >= 1


def test_hostile_markup_is_shown_and_never_runs(page: Page, server: str,
                                                stories: dict[str, dict[str, Any]]) -> None:
    (article,) = stories["1"]["articles"]
    page.goto(f"{server}/articles/{article}")
    page.wait_for_load_state("load")
    shown = page.locator(".article-text").inner_text()
    assert SCRIPT in shown and IMAGE in shown
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("""() => [...document.scripts].filter(s =>
        s.textContent.includes('__pwned')).length""") == 0
    assert page.locator("img").count() == 0
    shoot(page, "hostile-article")


def test_offline_report_draws_its_charts_with_the_network_cut(
        browser: Browser, db: Path, tmp_path: Path,
        stories: dict[str, dict[str, Any]]) -> None:
    report = tmp_path / "story.html"
    done = run_cli("report", stories["2"]["story"], "--db", str(db), "-o", str(report))
    assert done.returncode == 0, done.stderr
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    elsewhere = _cut_off(context, allowed="file://")
    try:
        page = context.new_page()
        page.goto(report.as_uri())
        page.wait_for_load_state("load")
        assert_one_mark_per_reading(drawn_marks(page))
        assert page.locator("#timeline tr.timeline-entry").count() > 0
        shoot(page, "report-offline")
    finally:
        context.close()
    assert elsewhere == []
