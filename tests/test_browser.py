"""The HTML edition in a real browser: Debian's Chromium driven by Playwright, over a local
server (and from file://). A reader's paths: the home page and its filters, a document, a
person's register entry and back to the paragraph, search, copying a paragraph's citation;
axe-core on every kind of page; screenshots of each kind saved for review."""

import functools
import http.server
import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from conftest import ROOT

from teiedition.config import load_config
from teiedition.publish import search
from teiedition.publish.html import publish_html

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason="the browser tests need Debian's chromium (apt-get install chromium), as .ci/run does",
)
SCREENSHOTS = ROOT / "output" / "screenshots"
# A headless Chromium as root on a machine with no network beyond the registries.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-sync",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
]
PAGES = {
    "home": "index.html",
    "document": "documents/d1962-11-01-jozef-dryglas-record.html",
    "register": "persons.html",
    "entry": "persons/han-sorya.html",
    "timeline": "timeline.html",
    "search": "search.html",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1763769600")
    out = tmp_path_factory.mktemp("browser-site") / "html"
    publish_html(load_config(ROOT / "edition.toml"), out)
    return out


def serve(site: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    # the site's parent is served, so the edition lives under a sub-path (/html/), as on a
    # static host that publishes it in a folder
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site.parent))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/{site.name}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def server(site):
    yield from serve(site)


@pytest.fixture(scope="module")
def sharded_server(tmp_path_factory):
    """The edition with its search index in shards, as a large edition has it."""
    out = tmp_path_factory.mktemp("sharded-site") / "html"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "DOCUMENTS_PER_INDEX", 1)
        publish_html(load_config(ROOT / "edition.toml"), out)
    assert len(list((out / "search-shards").iterdir())) >= 2
    yield from serve(out)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    yield tab
    context.close()


def test_home_filter_by_person(page, server):
    page.goto(f"{server}/index.html")
    assert page.locator("ol.documents > li:visible").count() == 5
    page.select_option("#filter-person", "pak-seong-cheol")
    visible = page.locator("ol.documents > li:visible")
    assert visible.count() == 2
    assert all(
        "pak-seong-cheol" in (visible.nth(i).get_attribute("data-person") or "")
        for i in range(visible.count())
    )
    assert page.locator(".filter-status").inner_text() == "2 of 5 documents shown."
    page.select_option("#filter-person", "")
    assert page.locator("ol.documents > li:visible").count() == 5


def test_document_person_register_and_back_to_the_paragraph(page, server):
    page.goto(f"{server}/index.html")
    page.get_by_role("link", name="Józef Dryglas, 'Record of Conversation").click()
    assert page.url.endswith("/documents/d1962-11-01-jozef-dryglas-record.html")
    page.locator("a.person", has_text="Han Sorya").first.click()
    assert page.url.endswith("/persons.html#han-sorya")
    entry = page.locator("section#han-sorya")
    assert entry.is_visible()
    entry.locator("p.entry-link a").click()  # the entry's own page: its every mention
    assert page.url.endswith("/persons/han-sorya.html")
    page.locator("ul.mentions a", has_text="¶").first.click()
    assert page.url.endswith(
        "/documents/d1962-11-01-jozef-dryglas-record.html#d1962-11-01-jozef-dryglas-record-p12"
    )
    target = page.locator("#d1962-11-01-jozef-dryglas-record-p12")
    assert target.is_visible() and "Han Sorya" in target.inner_text()
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"


@pytest.mark.parametrize(
    ("query", "paragraph"),
    [
        ("Paektu", "d1962-11-01-jozef-dryglas-record-p10"),
        ("Pak Seongcheol", None),
        ("Pak Seong-cheol", None),
        ("pak song chol", None),
        ("Moskowskyi", None),
    ],
)
def test_search_finds_the_paragraph_however_the_name_is_typed(page, server, query, paragraph):
    page.goto(f"{server}/search.html")
    page.fill("#search input", query)
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=10000)
    if query.lower().startswith("pak"):
        # the results are shown as they come: wait for this one (a timeout fails the test)
        page.locator(".pagefind-ui__result-link[href*='wcda-110485-p1']").first.wait_for(
            timeout=10000
        )
    elif query == "Moskowskyi":
        # every paragraph naming Moskovsky, not only those that write "Moskowskyi"
        everything = page.evaluate("""async () => {
            const pagefind = await import("./pagefind/pagefind.js");
            const search = await pagefind.search("Moskowskyi");
            return Promise.all(search.results.map(r => r.data().then(d => d.meta.target)));
        }""")
        assert any("d1964-02-26" in u for u in everything)
        assert any("d1962-08-27" in u for u in everything)  # writes "Moskovsky"
    if paragraph:
        results.first.click()
        page.wait_for_url(f"**#{paragraph}")
        assert page.locator(f"#{paragraph}").is_visible()
        assert "Paektu" in page.locator(f"#{paragraph}").inner_text()


def test_search_finds_a_signer_and_opens_the_signature(page, server):
    """A name only a signature gives is found, and the result opens the signature."""
    page.goto(f"{server}/search.html")
    page.fill("#search input", "Jozsef Kovacs")
    anchor = "d1962-08-27-report-embassy-hungary-closer1"
    result = page.locator(f".pagefind-ui__result-link[href*='{anchor}']").first
    result.wait_for(timeout=10000)
    result.click()
    page.wait_for_url(f"**#{anchor}")
    assert "József Kovács" in page.locator(f"#{anchor}").inner_text()


def test_search_merges_the_shards_of_a_large_edition_index(page, sharded_server):
    page.goto(f"{sharded_server}/search.html")
    page.fill("#search input", "Moskowskyi")
    results = page.locator(".pagefind-ui__result-link")
    results.first.wait_for(timeout=10000)
    page.wait_for_timeout(500)  # results from every shard
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    found = {h.split("/documents/")[1].split(".html")[0] for h in hrefs}
    # which shard holds each document's records, as the build split them
    ids = sorted(p.stem for p in (ROOT / "tei" / "documents").glob("*.xml"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "DOCUMENTS_PER_INDEX", 1)
        split = search.shards(ids, [[{"doc": doc_id}] for doc_id in ids])
    shard_of = {record["doc"]: number for number, shard in enumerate(split) for record in shard}
    assert len({shard_of[doc_id] for doc_id in found}) >= 2, hrefs
    page.fill("#search input", "Paektu")
    page.locator(".pagefind-ui__result-link", has_text="¶ 10").first.click()
    page.wait_for_url("**#d1962-11-01-jozef-dryglas-record-p10")
    assert "Paektu" in page.locator("#d1962-11-01-jozef-dryglas-record-p10").inner_text()


def test_copy_a_paragraph_citation(page, server):
    page.goto(f"{server}/documents/wcda-110485.html")
    paragraph = page.locator("#wcda-110485-p3")
    paragraph.get_by_role("button", name="Copy the citation of ¶ 3").click()
    from playwright.sync_api import expect

    # the copy is done when the button keeps what it copied (the click's handler awaits it)
    expect(paragraph.locator("button.cite-paragraph")).to_have_attribute(
        "data-citation", re.compile("#wcda-110485-p3")
    )
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("“Memorandum of Conversation between Soviet Ambassador")
    assert (
        "https://example.org/moskovsky-edition/documents/wcda-110485.html#wcda-110485-p3" in copied
    )
    assert "(accessed 20" in copied
    access = page.locator(".citation .access-date").inner_text()
    assert access != "[date]" and len(access) == 10


def test_corrections_show_the_page_reading_on_request(page, server):
    page.goto(f"{server}/documents/wcda-110485.html")
    sic = page.locator(".sic").first
    assert not sic.is_visible()
    page.check("#show-sic")
    assert sic.is_visible() and "II" in sic.inner_text()


def test_a_list_label_stands_beside_its_item_s_first_line(page, server):
    """The printed "1)" in a column of its own, level with the item's text, not above it."""
    page.goto(f"{server}/{PAGES['document']}")
    for item in page.locator("ol.tei-list > li").all()[:6]:
        label = item.locator(":scope > .label").bounding_box()
        text = item.locator(":scope > p").first.bounding_box()
        assert label["x"] + label["width"] <= text["x"]  # beside it
        assert abs(label["y"] - text["y"]) < label["height"]  # on its first line


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_no_accessibility_violations(page, server, kind):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{server}/{PAGES[kind]}")
    if kind == "search":
        page.fill("#search input", "Moskovsky")
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10000)
    results = Axe().run(page)
    violations = results.response["violations"]
    assert not violations, [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations
    ]


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_screenshots_for_review(browser, server, kind):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport in (
        ("desktop", {"width": 1200, "height": 900}),
        ("phone", {"width": 390, "height": 844}),
    ):
        context = browser.new_context(viewport=viewport)
        tab = context.new_page()
        tab.goto(f"{server}/{PAGES[kind]}")
        if kind == "search":
            tab.fill("#search input", "Paektu")
            tab.locator(".pagefind-ui__result-link").first.wait_for(timeout=10000)
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"] + 1, f"{kind} scrolls sideways on a {name}"
        tab.screenshot(path=str(SCREENSHOTS / f"{kind}-{name}.png"))
        context.close()


def test_every_page_but_search_works_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{server}/index.html")
    assert tab.locator("ol.documents > li").count() == 5
    assert not tab.locator("form.filters").is_visible()  # filters need script; the list does not
    tab.goto(f"{server}/documents/wcda-110485.html")
    assert tab.locator("#wcda-110485-p1").is_visible()
    tab.locator("a.person", has_text="Pak Seong-cheol").first.click()
    assert tab.url.endswith("persons.html#pak-seong-cheol")
    tab.goto(f"{server}/search.html")
    assert "needs JavaScript" in tab.locator("main").inner_text()
    context.close()


def test_works_from_a_folder_on_disk(browser, site):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto((site / "index.html").as_uri())
    tab.get_by_role("link", name="Timeline").first.click()
    assert tab.url.endswith("/timeline.html")
    tab.locator("ol.timeline-list a").first.click()
    assert tab.locator("main h1").inner_text().startswith("Memorandum of Conversation")
    context.close()


@pytest.fixture(scope="module")
def notes_site(tmp_path_factory):
    """An edition of one document with the translator's notes."""
    from conftest import FIXTURES, make_edition

    from teiedition import pipeline

    config = make_edition(
        tmp_path_factory.mktemp("notes-site") / "edition",
        FIXTURES / "transcripts" / "page-translator-notes.txt",
    )
    assert pipeline.build(config).ok
    return config.output_dir / "html"


CITED_NOTE = r" note {number}\. \S*#wcda-116301-n{number} \(accessed "


def test_a_note_and_its_reference_lead_to_each_other(page, notes_site):
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import expect

    page.goto((notes_site / "documents" / "wcda-116301.html").as_uri())
    page.get_by_role("link", name="note 2", exact=True).click()
    assert page.url.endswith("#wcda-116301-n2")
    note = page.locator("#wcda-116301-n2")
    assert note.is_visible() and "The figure for 1961 was 46%" in note.inner_text()
    note.get_by_role("button", name="Copy the citation of note 2").click()
    # the button keeps what it copied once the copy is done (the click's handler awaits it)
    expect(note.locator("button.cite-paragraph")).to_have_attribute(
        "data-citation", re.compile(CITED_NOTE.format(number=2))
    )
    note.get_by_role("link", name="back to the text").click()
    assert page.url.endswith("#wcda-116301-n2-ref")
    violations = Axe().run(page).response["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
