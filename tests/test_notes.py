"""The translator's notes at the end of a text, from transcript to TEI, HTML and PDF: each
note stays where the text has it, citable by its own id, and the numbers in the text link
to it."""

import lxml.html
import pytest
from conftest import FIXTURES, NS, built_edition, fields
from lxml import etree
from pypdf import PdfReader

from teiedition.markup.blocks import structure
from teiedition.markup.body import build_text
from teiedition.markup.tei import XML_ID
from teiedition.markup.text import normalise, source_text
from teiedition.publish.search import search_records

NOTES = FIXTURES / "transcripts" / "page-translator-notes.txt"
DOC = "wcda-116301"
# a PDF export whose notes stand at its pages' feet: between paragraphs, above the signature
FOOT_NOTES = FIXTURES / "transcripts" / "pdf-export-foot-notes.txt"
FOOT_DOC = "wcda-208417"


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return built_edition(tmp_path_factory.mktemp("notes") / "edition", NOTES)


@pytest.fixture(scope="module")
def foot_edition(tmp_path_factory):
    return built_edition(tmp_path_factory.mktemp("foot-notes") / "edition", FOOT_NOTES)


def test_tei_notes_and_the_references_to_them(edition):
    root = etree.parse(str(edition.documents_dir / f"{DOC}.xml")).getroot()
    # where the TEI Guidelines put a text's notes: after its body, at the back
    (div,) = root.xpath("tei:text/tei:back/tei:div[@type = 'notes']", namespaces=NS)
    notes = div.findall("tei:note", NS)
    assert [(n.get("place"), n.get("n"), n.get(XML_ID)) for n in notes] == [
        ("end", "1", f"{DOC}-n1"),
        ("end", "2", f"{DOC}-n2"),
    ]
    assert normalise("".join(notes[1].itertext())).startswith("The figure for 1961 was 46%")
    assert list(div) == notes  # no heading: the page has none over them
    refs = root.xpath("//tei:body//tei:p/tei:ref[@type = 'noteAnchor']", namespaces=NS)
    assert [(r.text, r.get("target")) for r in refs] == [
        ("1", f"#{DOC}-n1"),
        ("2", f"#{DOC}-n2"),
        ("1", f"#{DOC}-n1"),  # the same note, referred to twice
    ]
    # the dates and names of a note are marked as the text's are
    assert notes[0].find("tei:placeName", NS).get("ref") == "#china"


def test_html_links_the_numbers_and_the_notes_both_ways(edition):
    page = lxml.html.fromstring(
        (edition.output_dir / "html" / "documents" / f"{DOC}.html").read_bytes()
    )
    links = page.xpath("//sup[@class = 'note-ref']/a")
    assert [(a.text, a.get("href"), a.get("id")) for a in links] == [
        ("1", f"#{DOC}-n1", f"{DOC}-n1-ref"),
        ("2", f"#{DOC}-n2", f"{DOC}-n2-ref"),
        ("1", f"#{DOC}-n1", None),  # one id for the way back: the first reference's
    ]
    for number in ("1", "2"):
        (note,) = page.xpath(f"//p[@class = 'endnote'][@id = '{DOC}-n{number}']")
        assert note.xpath("string(a[contains(@class, 'permalink')])") == number
        assert note.xpath("a[@class = 'note-back']/@href") == [f"#{DOC}-n{number}-ref"]
    assert "Chairman of the People's Republic of China" in page.xpath(
        f"string(//p[@id = '{DOC}-n1'])"
    )


def test_pdf_prints_the_notes_after_the_text(edition):
    path = edition.output_dir / "pdf" / "documents" / f"{DOC}.pdf"
    text = normalise(" ".join(page.extract_text() for page in PdfReader(path).pages))
    last_paragraph = text.index("Comrade Kovács was not present.")
    first_note = text.index("Liu Shaoqi was Chairman of the People's Republic of China.")
    second_note = text.index("The figure for 1961 was 46%")
    # in the text's run, not footnotes: before the page's footnote on the source
    source_footnote = text.index("Magyar Országos Levéltár")
    assert last_paragraph < first_note < second_note < source_footnote


def test_search_finds_a_note_under_its_own_address(edition):
    records = search_records([edition.documents_dir / f"{DOC}.xml"])
    (note,) = [r for r in records if r["url"].endswith(f"#{DOC}-n2")]
    assert note["meta"]["title"].endswith(", note 2")
    assert "The figure for 1961 was 46%" in note["content"]


def test_the_heading_over_the_notes_heads_their_division():
    body = structure(fields("Text.[1]\n\nFootnotes\n\n[1] The note."), 1963)
    text = build_text(body, "d", "en")
    (div,) = text.xpath("tei:back/tei:div[@type = 'notes']", namespaces=NS)
    assert [(etree.QName(c).localname, c.get(XML_ID), c.text) for c in div] == [
        ("head", "d-h1", "Footnotes"),
        ("note", "d-n1", "The note."),
    ]
    assert text.xpath("string(tei:body//tei:ref/@target)", namespaces=NS) == "#d-n1"


def test_a_number_in_brackets_after_a_space_refers_to_its_note():
    """Translations also set the number apart: "the fraternal parties [1]." refers to the
    note "[1] …" at the end; without that note, "[12]" is a figure the translator supplied."""
    transcript = "They hoped for a meeting [1]. It met on [12] May.\n\n[1] Handwritten."
    body = structure(fields(transcript), 1963)
    assert [n.text for n in body.notes] == ["Handwritten."]
    text = build_text(body, "d", "en")
    refs = text.xpath("tei:body//tei:ref[@type = 'noteAnchor']", namespaces=NS)
    assert [(r.text, r.get("target")) for r in refs] == [("1", "#d-n1")]
    assert text.xpath("string(tei:body//tei:supplied)", namespaces=NS) == "12"
    assert normalise(source_text(text)) == normalise(transcript)


def test_notes_marked_with_asterisks():
    """A translator's notes marked "*" and "**", as the Hungarian and Polish reports mark
    them: the signature before them closes the text, and the text gives back its asterisks."""
    transcript = (
        "It was signed late.*\n\nPak** agreed.\n\nKároly Pásztor\nambassador\n\n"
        "* On 15 February.\n\n** Pak Kum Chol."
    )
    body = structure(fields(transcript), 1963)
    assert [(b.kind, b.text) for b in body.closer] == [
        ("signed", "Károly Pásztor"),
        ("office", "ambassador"),
    ]
    text = build_text(body, "d", "en")
    refs = text.xpath("tei:body//tei:ref[@type = 'noteAnchor']", namespaces=NS)
    assert [(r.text, r.get("target")) for r in refs] == [("*", "#d-n1"), ("**", "#d-n2")]
    notes = text.xpath("tei:back/tei:div/tei:note", namespaces=NS)
    assert [(n.get("n"), n.text) for n in notes] == [
        ("*", "On 15 February."),
        ("**", "Pak Kum Chol."),
    ]
    assert normalise(source_text(text)) == normalise(transcript)


def test_notes_marked_with_superscript_figures():
    """ "March.¹" / "proposal²" and, at the end, "¹ The letter …" / "² The CCP CC's …", as a
    copy from a word processor keeps them: the notes had been a paragraph, which kept the
    signature above them from closing the text. The text gives back its figures."""
    transcript = (
        "He handed over the letter of 30 March.¹\n\nKim studied the proposal² closely."
        "\n\nV. Moskovsky\n\n¹ Of the CPSU CC.\n² A draft."
    )
    body = structure(fields(transcript), 1963)
    assert [(b.kind, b.text) for b in body.closer] == [("signed", "V. Moskovsky")]
    text = build_text(body, "d", "en")
    refs = text.xpath("tei:body//tei:ref[@type = 'noteAnchor']", namespaces=NS)
    assert [(r.text, r.get("target")) for r in refs] == [("¹", "#d-n1"), ("²", "#d-n2")]
    notes = text.xpath("tei:back/tei:div/tei:note", namespaces=NS)
    assert [(n.get("n"), n.text) for n in notes] == [("¹", "Of the CPSU CC."), ("²", "A draft.")]
    assert normalise(source_text(text)) == normalise(transcript)


def test_superscript_marks_show_as_raised_figures_on_the_page_and_in_print(tmp_path):
    """A mark the copy wrote as a superscript figure ("¹") is raised again by the page and
    the print edition: shown as the figure, not a superscript shrunk a second time."""
    config = built_edition(
        tmp_path / "edition", FIXTURES / "transcripts" / "page-superscript-notes.txt"
    )
    (tei,) = sorted(config.documents_dir.glob("*.xml"))
    page = lxml.html.fromstring(
        (config.output_dir / "html" / "documents" / f"{tei.stem}.html").read_bytes()
    )
    assert page.xpath("//main//sup[@class='note-ref']/a/text()") == ["1", "2"]
    assert page.xpath("//main//*[contains(@class, 'note-number')]/text()") == ["1", "2"]
    pdf = config.output_dir / "pdf" / "documents" / f"{tei.stem}.pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "of 30 March.1" in text and "¹" not in text


@pytest.mark.parametrize(
    "transcript",
    [
        "A figure* of speech.\n\nThe end.",  # no note: a character of the text
        "A hall of 300 m² was built.\n\nThe end.",  # a superscript figure too
        "It was late.\n\n* Nothing refers to this.",  # never referred to: text
        # the same asterisks on two blocks: bullets, though the text above has one
        "It was late.*\n\n* A point.\n\n* Another point.\n\nThe end.",
    ],
)
def test_an_asterisk_without_its_note_stays_text(transcript):
    body = structure(fields(transcript), 1963)
    assert body.notes == []
    text = build_text(body, "d", "en")
    assert text.xpath("//tei:ref | //tei:note", namespaces=NS) == []
    assert normalise(source_text(text)) == normalise(transcript)


def test_notes_where_a_page_s_foot_put_them_stay_in_their_place():
    """A PDF export prints the notes at its pages' feet: between paragraphs, above the
    signature. Each stays where it stands, a note (not a paragraph whose number is a word
    supplied), so the text reads in the transcript's order; the signature still closes."""
    transcript = (
        "He came on 9 March[1].\n\n[1] Requested in January.\n\n"
        "The plant works at half capacity[2].\n\n1. A point[3].\n\n[3] In the item.\n\n"
        "2. Another point.\n\n[2] He said 60 per cent.\n\nAmbassador\n\n(-) J. Siedlecki"
    )
    body = structure(fields(transcript), 1963)
    assert [(b.kind, b.text) for b in body.closer] == [
        ("office", "Ambassador"),
        ("signed", "(-) J. Siedlecki"),
    ]
    assert body.notes == []  # none at the back: the signature ends the text
    text = build_text(body, "d", "en")
    in_body = text.xpath("tei:body//tei:note", namespaces=NS)
    assert [(n.get("place"), n.get("n"), n.get(XML_ID), n.text) for n in in_body] == [
        ("foot", "1", "d-n1", "Requested in January."),
        ("foot", "3", "d-n2", "In the item."),
        ("foot", "2", "d-n3", "He said 60 per cent."),
    ]
    # the second note is its list item's; the others stand between the paragraphs
    assert [etree.QName(n.getparent()).localname for n in in_body] == ["div", "item", "div"]
    refs = text.xpath("tei:body//tei:ref[@type = 'noteAnchor']", namespaces=NS)
    assert [(r.text, r.get("target")) for r in refs] == [
        ("1", "#d-n1"),
        ("2", "#d-n3"),
        ("3", "#d-n2"),
    ]
    assert text.xpath("//tei:supplied", namespaces=NS) == []
    assert normalise(source_text(text)) == normalise(transcript)


def test_notes_marked_with_asterisks_where_a_page_s_foot_put_them():
    """A Czech report puts its note at the page's foot, above the signature. The paragraph
    that refers to it, ending "insufficient.*", had been taken for a heading (a block that
    ends in no stop), and the note had stayed a paragraph beginning with an asterisk."""
    transcript = (
        "Political report\n\nThe Soviet side offered credits, which the Korean side found "
        "insufficient.*\n\nThe press printed nothing.**\n\n* Moskovsky said this on 17 "
        "March.\n\n** Since 23 February.\n\nIn the talks the old question came up."
        "\n\nKohoušek\nAmbassador"
    )
    body = structure(fields(transcript), 1964)
    assert [(b.kind, b.text) for b in body.opener] == [("head", "Political report")]
    assert [(b.kind, b.number) for b in body.main] == [
        ("p", None),
        ("p", None),
        ("note", "*"),
        ("note", "**"),
        ("p", None),
    ]
    text = build_text(body, "d", "en")
    refs = text.xpath("tei:body//tei:ref[@type = 'noteAnchor']", namespaces=NS)
    assert [(r.text, r.get("target")) for r in refs] == [("*", "#d-n1"), ("**", "#d-n2")]
    notes = text.xpath("tei:body//tei:note", namespaces=NS)
    assert [(n.get("place"), n.get("n")) for n in notes] == [("foot", "*"), ("foot", "**")]
    assert normalise(source_text(text)) == normalise(transcript)


def test_a_note_at_a_page_s_foot_is_no_opening_line():
    """The thorough round-trip property found it: a note under the first line, before more
    text, was taken for a heading and lost its number."""
    transcript = "comrade [1]\n[1] comrade\n\ncomrade\n\ncomrade"
    text = build_text(structure(fields(transcript), 1963), "d", "en")
    assert [n.get("n") for n in text.xpath("//tei:note", namespaces=NS)] == ["1"]
    assert text.xpath("//tei:head", namespaces=NS) == []
    assert normalise(source_text(text)) == normalise(transcript)


def test_a_note_whose_text_begins_with_a_list_s_label_keeps_its_number():
    """The thorough round-trip property found it: "[2] 1) comrade", a note at a page's
    foot, took the number of the list label its text begins with."""
    transcript = "comrade [2]\n[2] 1) comrade\n\ncomrade"
    text = build_text(structure(fields(transcript), 1963), "d", "en")
    assert [n.get("n") for n in text.xpath("//tei:note", namespaces=NS)] == ["2"]
    assert normalise(source_text(text)) == normalise(transcript)


@pytest.mark.parametrize(
    "transcript",
    [
        "It was late.\n\n[1] Nothing refers to this.\n\nThe end.",  # never referred to
        "It was late[2].\n\n[1] Not the note referred to.\n\nThe end.",
        "It was late.\n\n[1] A note before its reference.\n\nThen[1] it ended.",
    ],
)
def test_a_number_in_brackets_no_text_above_refers_to_stays_text(transcript):
    body = structure(fields(transcript), 1963)
    text = build_text(body, "d", "en")
    assert text.xpath("//tei:note", namespaces=NS) == []
    assert normalise(source_text(text)) == normalise(transcript)


def test_foot_notes_in_tei_html_and_pdf(foot_edition):
    root = etree.parse(str(foot_edition.documents_dir / f"{FOOT_DOC}.xml")).getroot()
    div = root.find("tei:text/tei:body/tei:div", NS)
    assert [etree.QName(c).localname for c in div] == [
        *["opener", "head", "p", "note", "p", "p", "note", "closer"]
    ]
    assert root.xpath("tei:text/tei:back", namespaces=NS) == []
    page = lxml.html.parse(str(foot_edition.output_dir / "html" / "documents" / f"{FOOT_DOC}.html"))
    (note,) = page.xpath(f"//p[@id = '{FOOT_DOC}-n2']")
    assert note.xpath("string(a[@class = 'note-back']/@href)") == f"#{FOOT_DOC}-n2-ref"
    assert page.xpath(f"string(//sup/a[@id = '{FOOT_DOC}-n2-ref']/@href)") == f"#{FOOT_DOC}-n2"
    pdf = PdfReader(foot_edition.output_dir / "pdf" / "documents" / f"{FOOT_DOC}.pdf")
    words = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    order = [
        "on 9 and 10 March",
        "requested in January",
        "electric power",
        "three months",
        "60 per cent",
        "Siedlecki",
    ]
    assert all(phrase in words for phrase in order)
    assert sorted(order, key=words.index) == order


@pytest.mark.parametrize(
    ("transcript", "notes"),
    [
        # a numbered paragraph no text refers to, then the note the text does
        ("It was late[2].\n\n[1] A paragraph so numbered.\n\n[2] The note.\n\nThe end.", ["2"]),
        # the numbered paragraph refers to the note below it
        ("It was late.\n\n[1] A paragraph that cites [2] below.\n\n[2] The note.\n\nEnd.", ["2"]),
        # one number twice, not referred to: each a paragraph, then the note
        ("Late[3].\n\n[1] One.\n\n[1] Two.\n\n[3] Three.\n\nEnd.", ["3"]),
        ("Late[1] and[3].\n\n[1] One.\n\n[1] Two.\n\n[3] Three.\n\nEnd.", ["1", "1", "3"]),
    ],
)
def test_a_run_of_numbered_blocks_is_notes_from_the_first_whose_numbers_are_all_referred_to(
    transcript, notes
):
    text = build_text(structure(fields(transcript), 1963), "d", "en")
    assert [n.get("n") for n in text.xpath("//tei:note", namespaces=NS)] == notes
    assert normalise(source_text(text)) == normalise(transcript)
