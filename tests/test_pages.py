"""Lines that are not sentences, from transcript to TEI, HTML and PDF: the original's page
numbers ("-2-", "[Page 3]": a page break with its number, the number as printed kept and not
read as text), an editorial remark that opens the text, the letterhead of the office that
issued the document, numbered sections ("I.", "II."), the signer's office, a distribution
list after the signature, and bulleted lists."""

import lxml.html
import pytest
from conftest import FIXTURES, NS, built_edition, fields
from lxml import etree
from pypdf import PdfReader

from teiedition.markup.blocks import structure
from teiedition.markup.body import build_text
from teiedition.markup.inline import Break
from teiedition.markup.text import normalise, reading_text, source_text

JOURNAL = FIXTURES / "transcripts" / "page-soviet-journal.txt"
DOC = "wcda-119436"
BULLETS = FIXTURES / "transcripts" / "pdf-export-bullets-amzv.txt"
GDR = FIXTURES / "transcripts" / "page-gdr-letterhead.txt"
GDR_DOC = "d1963-04-08-note-conversation-soviet"
CZECH = FIXTURES / "transcripts" / "pdf-export-czech-letterhead.txt"
UNNUMBERED = FIXTURES / "transcripts" / "page-journal-unnumbered-page.txt"


@pytest.mark.parametrize("line", ["-2-", "- 2 -", "–2–", "[Page 2]", "[page 2]", "[p. 2]"])
def test_a_page_number_line_is_a_page_break(line):
    body = structure(fields(f"I met him.\n\n{line}\n\nHe asked me to send wheat."), 1963)
    assert [(b.kind, b.page, b.text) for b in body.main] == [
        ("p", None, "I met him."),
        ("page", "2", line),
        ("p", None, "He asked me to send wheat."),
    ]


@pytest.mark.parametrize("line", ["-2-", "[Page 2]"])
def test_a_page_that_begins_inside_a_sentence_begins_inside_its_paragraph(line):
    body = structure(fields(f"I met him.\n\nHe asked me to\n\n{line}\n\nsend wheat."), 1963)
    _, sentence = body.main
    assert sentence.text == f"He asked me to\n{line}\nsend wheat."
    assert sentence.paragraph.breaks == [(len("He asked me to\n"), Break.PAGE)]
    # a sentence that ends before the page, or one that the next page does not go on with,
    # keeps its paragraph
    body = structure(fields(f"I met him.\n\nHe asked me to\n\n{line}\n\nSend wheat."), 1963)
    assert [b.kind for b in body.main] == ["p", "p", "page", "p"]


@pytest.mark.parametrize("line", ["[page break]", "[New page]"])
def test_a_line_that_says_a_page_begins_unnumbered_is_a_page_break_without_a_number(line):
    body = structure(fields(f"I met him.\n\n{line}\n\nHe asked me to send wheat."), 1963)
    assert [(b.kind, b.page, b.text) for b in body.main] == [
        ("p", None, "I met him."),
        ("page", None, line),
        ("p", None, "He asked me to send wheat."),
    ]


@pytest.mark.parametrize(
    ("line", "n", "kind"), [("[Page 2]", "2", "pageNum"), ("[page break]", None, "pageBreak")]
)
def test_a_page_break_inside_a_sentence_in_tei(line, n, kind):
    body = structure(fields(f"I met him.\n\nHe asked me to\n\n{line}\n\nsend wheat."), 1963)
    (pb,) = build_text(body, "d", "en").iter(f"{{{NS['tei']}}}pb")
    assert etree.QName(pb.getparent()).localname == "p" and pb.get("n") == n
    assert (pb.getnext().get("type"), pb.getnext().text) == (kind, line)


@pytest.mark.parametrize(
    ("marker", "n", "kind"), [("[Page break]", None, "pageBreak"), ("[p. 4]", "4", "pageNum")]
)
def test_a_page_marker_inside_a_paragraph_is_a_page_break_there(marker, n, kind):
    """'… take sides. [Page break] He asked …': where the page begins, not a remark."""
    body = structure(fields(f"He would not take sides. {marker} He asked me."), 1963)
    (p,) = build_text(body, "d", "en").iter(f"{{{NS['tei']}}}p")
    assert [etree.QName(child).localname for child in p] == ["pb", "fw"]
    pb, fw = p
    assert (pb.get("n"), fw.get("type"), fw.text) == (n, kind, marker)
    assert (p.text, fw.tail) == ("He would not take sides. ", " He asked me.")


def test_an_unnumbered_page_break_in_tei_and_html(tmp_path):
    """pb without @n, the translation's mark in fw type="pageBreak", and the page's marker
    saying that a new page of the original begins."""
    built = built_edition(tmp_path / "edition", UNNUMBERED)
    (path,) = built.documents_dir.glob("*.xml")
    root = etree.parse(str(path)).getroot()
    (pb,) = root.xpath("//tei:body//tei:pb", namespaces=NS)
    fw = pb.getnext()
    assert pb.get("n") is None
    assert (fw.get("type"), fw.text) == ("pageBreak", "[page break]")
    page = lxml.html.parse(str(built.output_dir / "html" / "documents" / f"{path.stem}.html"))
    (marker,) = page.xpath("//main//*[@class = 'page-break']")
    assert marker.get("aria-label") == "a new page of the original"
    assert "[page break]" not in page.xpath("string(//main)")


@pytest.mark.parametrize("line", ["-2", "2-3", "[Page two]", "- 2 - 3 -", "[1]"])
def test_other_lines_with_numbers_are_no_page_breaks(line):
    body = structure(fields(f"He came.\n\n{line}\n\nHe left."), 1963)
    assert "page" not in [b.kind for b in body.main]


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    return built_edition(tmp_path_factory.mktemp("pages") / "edition", JOURNAL, BULLETS, GDR, CZECH)


def test_tei_page_break_with_its_printed_number(edition):
    root = etree.parse(str(edition.documents_dir / f"{DOC}.xml")).getroot()
    pb, inside = root.xpath("//tei:body//tei:pb", namespaces=NS)
    assert pb.get("n") == "2" and pb.getparent().tag == f"{{{NS['tei']}}}div"
    fw = pb.getnext()
    assert (etree.QName(fw).localname, fw.get("type"), fw.text) == ("fw", "pageNum", "-2-")
    # between the paragraphs it divides, as the transcript has it
    assert normalise(source_text(pb.getprevious())).endswith('"unacceptable in parts" [sic].')
    assert normalise(source_text(fw.getnext())).startswith("He asked me to transmit")
    # the printed number is the page's furniture: not in the text as read
    body = root.find("tei:text/tei:body", NS)
    assert "-2-" in source_text(body) and "-2-" not in reading_text(body)
    # a page that begins inside a sentence begins inside its paragraph
    assert inside.get("n") == "3" and etree.QName(inside.getparent()).localname == "p"
    assert inside.getnext().get("type") == "pageNum" and inside.getnext().text == "[Page 3]"
    paragraph = normalise(reading_text(inside.getparent()))
    assert paragraph.startswith("Nam Il, Deputy Premier, invited me to lunch. Also present")


def test_html_marks_where_the_original_s_page_begins(edition):
    page = lxml.html.fromstring(
        (edition.output_dir / "html" / "documents" / f"{DOC}.html").read_bytes()
    )
    (marker,) = page.xpath("//main//*[@class = 'page-break']")
    assert marker.get("role") == "separator"
    assert marker.text_content() == marker.get("aria-label") == "page 2 of the original"
    assert "-2-" not in page.xpath("string(//main)")
    # within the paragraph a page begins in: a marker in its line
    (inline,) = page.xpath("//main//p[contains(@class, 'para')]/span[@class = 'page-break-inline']")
    assert inline.text_content() == "[page 3 of the original]"
    assert "[Page 3]" not in page.xpath("string(//main)")


def test_pdf_prints_the_page_break(edition):
    pdf = edition.output_dir / "pdf" / "documents" / f"{DOC}.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "[page 2 of the original]" in " ".join(text.split())
    assert "invited me to [page 3 of the original] lunch." in " ".join(text.split())
    # within the paragraph's lines, not a line of its own as between paragraphs
    assert "[page 3 of the original]" not in [line.strip() for line in text.splitlines()]


def test_tei_an_editorial_remark_opens_the_text_then_the_letterhead(edition):
    root = etree.parse(str(edition.documents_dir / f"{DOC}.xml")).getroot()
    opener = root.xpath("//tei:body/tei:div/tei:opener", namespaces=NS)[0]
    assert [(etree.QName(e).localname, e.get("type"), e.xpath("string()")) for e in opener] == [
        ("note", "editorial", "Stamp: Secret, Copy No. 3"),
        ("byline", None, "USSR EMBASSY IN THE DPRK"),
    ]
    # the heading and its subject lines under a blank line: one heading
    assert opener.getnext().xpath("string()").split("\n") == [
        "JOURNAL",
        "of Ambassador V.P. MOSKOVSKY",
        "for the period 22 April to 7 May 1963",
    ]


def test_tei_the_distribution_list_follows_the_signature(edition):
    root = etree.parse(str(edition.documents_dir / f"{DOC}.xml")).getroot()
    (div,) = root.xpath("//tei:body/tei:div", namespaces=NS)
    assert [etree.QName(e).localname for e in div[-2:]] == ["closer", "postscript"]
    signer = div[-2].xpath("tei:signed/tei:persName", namespaces=NS)
    assert [(p.text, p.get("ref")) for p in signer] == [("V. Moskovsky", "#moskovsky-vasily")]
    labels = div[-1].xpath("tei:list/tei:label/text()", namespaces=NS)
    assert labels == ["1.", "2.", "3."]


def test_tei_and_html_bulleted_lists(edition):
    root = etree.parse(str(edition.documents_dir / "wcda-300001.xml")).getroot()
    lists = root.xpath("//tei:list[@type = 'bulleted']", namespaces=NS)
    assert [len(x.findall("tei:item", NS)) for x in lists] == [3, 2]
    assert lists[1].getparent().get("n") == "1"  # inside the first numbered item
    assert all(i.get("n") is None for x in lists for i in x.findall("tei:item", NS))
    assert {label.text for x in lists for label in x.findall("tei:label", NS)} == {"•"}
    page = lxml.html.fromstring(
        (edition.output_dir / "html" / "documents" / "wcda-300001.html").read_bytes()
    )
    items = page.xpath("//ul[contains(@class, 'bulleted')]/li")
    assert [li.get("id") for li in items] == [f"wcda-300001-i{n}" for n in (1, 2, 3, 5, 6)]


def _children(element) -> list[tuple[str, str]]:
    return [(etree.QName(e).localname, " ".join(e.xpath("string()").split())) for e in element]


def test_tei_letterhead_heading_and_signer_s_office(edition):
    root = etree.parse(str(edition.documents_dir / f"{GDR_DOC}.xml")).getroot()
    (div,) = root.xpath("//tei:body/tei:div", namespaces=NS)
    assert _children(div[0]) == [
        ("byline", "Embassy of the GDR in the DPRK"),
        ("dateline", "Pyongyang, 8 April 1963"),
        ("seg", "Confidential!"),
    ]
    assert div[0].xpath("tei:byline/tei:placeName/@ref", namespaces=NS) == [
        "#east-germany",  # the gazetteer's
        "#dprk",
    ]
    head = div[1]
    assert etree.QName(head).localname == "head" and head.find("tei:lb", NS) is not None
    assert " ".join(head.xpath("string()").split()).startswith("Note on a Conversation")
    closer, postscript = div[-2:]
    assert _children(closer) == [("signed", "Schneidewind"), ("signed", "Counsellor")]
    assert [len(s.findall("tei:persName", NS)) for s in closer] == [1, 0]  # an office: no one
    # the distribution list: its line its head, then an item for each of its lines, the
    # original's, not the copy's breaks
    (distribution,) = postscript
    assert distribution.get("type") == "distribution"
    assert _children(distribution)[:3] == [
        ("head", "Copies:"),
        ("item", "1x Comrade Ulbricht"),
        ("item", "1x Comrade Schwab, Far East Department"),
    ]
    (remark,) = root.xpath("//tei:p//tei:note[@type = 'editorial']", namespaces=NS)
    assert remark.text.endswith("translator's note")


def test_tei_a_charge_d_affaires_signs_under_the_letterhead_of_the_embassy(edition):
    root = etree.parse(str(edition.documents_dir / "wcda-119832.xml")).getroot()
    (div,) = root.xpath("//tei:body/tei:div", namespaces=NS)
    assert [name for name, _ in _children(div[0])] == [
        "byline",
        "seg",
        "dateline",
        "seg",
        "seg",
        "seg",
    ]
    assert [seg.get("type") for seg in div[0].findall("tei:seg", NS)] == [
        "registry-number",
        "classification",
        "addressee",
        "reference",  # "Subject: Conversation with Ambassador V. P. Moskovsky"
    ]
    assert _children(div[-1]) == [("signed", "Chargé d'affaires a.i.:"), ("signed", "J. Kohout")]
    assert [len(s.findall("tei:persName", NS)) for s in div[-1]] == [0, 1]


def test_html_and_pdf_show_the_letterhead(edition):
    page = lxml.html.fromstring(
        (edition.output_dir / "html" / "documents" / f"{GDR_DOC}.html").read_bytes()
    )
    (line,) = page.xpath("//main//div[@class = 'opener']/p[contains(@class, 'byline')]")
    assert line.text_content() == "Embassy of the GDR in the DPRK"
    pdf = edition.output_dir / "pdf" / "documents" / f"{GDR_DOC}.pdf"
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "Embassy of the GDR in the DPRK Pyongyang, 8 April 1963" in text


def test_tei_html_and_pdf_numbered_sections(edition):
    root = etree.parse(str(edition.documents_dir / f"{GDR_DOC}.xml")).getroot()
    sections = root.xpath("//tei:body/tei:div/tei:div[@type = 'section']", namespaces=NS)
    assert [(s.get("n"), s[0].text, len(s.findall("tei:p", NS))) for s in sections] == [
        ("I", "I.", 2),
        ("II", "II.", 2),
    ]
    assert [etree.QName(s.getnext()).localname for s in sections] == ["div", "closer"]
    heads = [s[0].get("{http://www.w3.org/XML/1998/namespace}id") for s in sections]
    page = lxml.html.fromstring(
        (edition.output_dir / "html" / "documents" / f"{GDR_DOC}.html").read_bytes()
    )
    assert [page.get_element_by_id(h).text_content() for h in heads] == ["I.", "II."]
    pdf = edition.output_dir / "pdf" / "documents" / f"{GDR_DOC}.pdf"
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    assert "II. Regarding the economy" in text


def test_a_newspaper_s_title_in_tei_html_and_pdf(edition):
    """ "The newspaper Rodong Sinmun continues to publish …": the title of a periodical,
    title level="j", set in italics on the page (cite) and in the print."""
    root = etree.parse(str(edition.documents_dir / "wcda-119832.xml")).getroot()
    assert [t.text for t in root.xpath("//tei:body//tei:title[@level = 'j']", namespaces=NS)] == [
        "Rodong Sinmun"
    ]
    page = lxml.html.parse(str(edition.output_dir / "html" / "documents" / "wcda-119832.html"))
    assert page.xpath("//main//cite[@class = 'periodical']/text()") == ["Rodong Sinmun"]
    pdf = edition.output_dir / "pdf" / "documents" / "wcda-119832.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "The newspaper Rodong Sinmun continues" in " ".join(text.split())
