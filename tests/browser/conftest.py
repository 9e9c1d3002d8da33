"""Fixtures for the browser tests: Debian's Chromium driven by Playwright against a live server.

Every test under tests/browser/ is marked `browser`; the default run leaves them out
(`-m 'not browser'` in pyproject.toml). Run them with `pytest -m browser -p no:xdist`
(`.ci/run` does, after installing Chromium and `npm ci`). They need database access that the
live server's thread can see: mark them `@pytest.mark.django_db(transaction=True)`.

Every page a test reaches must pass an axe-core check (WCAG 2.2 AA rules): `visit(path)` checks
the page it opens; after a click or a form submission that loads another page, call
`check_a11y(page)`. A test that leaves a page it reached unchecked fails at teardown.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in this thread, which makes Django refuse database
# access from the test itself unless told that this is safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_RUN = """async () => {
    const results = await axe.run(document, {
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
    });
    return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 3).map((node) => node.target.join(' ')),
        count: v.nodes.length,
    }));
}"""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Mark every test in this folder `browser`, before `-m` selects."""
    for item in items:
        if Path(item.path).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, the live server's thread and the test share a database file, not Django's
    shared-cache in-memory database: there, a read that meets another connection's write fails
    at once with "database table is locked" (SQLITE_LOCKED ignores busy_timeout), whereas in a
    file in WAL mode readers never wait for the writer and writers wait for each other."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        folder = tmp_path_factory.mktemp("browser-database")
        database.setdefault("TEST", {})["NAME"] = str(folder / "test.sqlite3")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM} (set CHROMIUM_PATH, or run .ci/run, which "
            "installs Debian's chromium package)",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.fail(
            f"{AXE.relative_to(ROOT)} not found: run `npm ci` in the repository root "
            "(.ci/run does)",
            pytrace=False,
        )
    return AXE.read_text()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item):
    """Remember whether the test itself failed, for the page fixture's teardown."""
    report = yield
    if report.when == "call":
        item.browser_test_failed = report.failed
    return report


def without_fragment(url):
    return url.split("#")[0]


def tracked_page(context):
    """A new page of `context` that records what it loads.

    `page.visited` lists every URL the page has loaded, in order; `page.unchecked_urls` those
    that `check_a11y` has not checked yet (a move to an anchor on the same page counts for none).
    """
    page = context.new_page()
    page.visited, page.unchecked_urls = [], []

    def navigated(frame):
        if frame != page.main_frame or frame.url == "about:blank":
            return
        previous = page.visited[-1] if page.visited else None
        page.visited.append(frame.url)
        if not (
            previous
            and frame.url != previous
            and without_fragment(frame.url) == without_fragment(previous)
        ):
            page.unchecked_urls.append(frame.url)

    page.on("framenavigated", navigated)
    return page


@pytest.fixture
def open_page(browser, request):
    """open_page(): a fresh page in its own context (no cookies shared), in English. Several
    people in one test each get their own. Every page's visits must be checked (see below)."""
    opened = []

    def new():
        context = browser.new_context(locale="en-US")
        opened.append((context, tracked_page(context)))
        return opened[-1][1]

    yield new
    unchecked = [url for context, page in opened for url in page.unchecked_urls]
    for context, _page in opened:
        context.close()
    if unchecked and not getattr(request.node, "browser_test_failed", True):
        pytest.fail(
            "pages reached without an accessibility check (call check_a11y(page) after "
            "each navigation): " + ", ".join(unchecked),
            pytrace=False,
        )


@pytest.fixture
def page(open_page):
    return open_page()


@pytest.fixture
def check_a11y(axe_source):
    """check_a11y(page): run axe-core on the page as it is now; fail on any WCAG violation."""

    def check(page):
        # page.evaluate rather than a <script> tag: the site's CSP forbids inline scripts.
        if page.evaluate("typeof window.axe") == "undefined":
            page.evaluate(axe_source)
        violations = page.evaluate(AXE_RUN)
        here = without_fragment(page.url)
        page.unchecked_urls = [u for u in page.unchecked_urls if without_fragment(u) != here]
        if violations:
            lines = [
                f"- {v['id']} ({v['impact']}): {v['help']} — {v['count']} node(s), e.g. "
                + "; ".join(v["targets"])
                for v in violations
            ]
            pytest.fail(
                f"accessibility violations on {page.url}:\n" + "\n".join(lines), pytrace=False
            )

    return check


@pytest.fixture
def visit(page, live_server, check_a11y):
    """visit(path): open live_server.url + path, wait for it to load, check it with axe-core,
    and return the response."""

    def go(path):
        response = page.goto(live_server.url + path, wait_until="load")
        check_a11y(page)
        return response

    return go
