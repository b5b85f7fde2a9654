"""A `Transcript` → one TEI P5 document."""

from __future__ import annotations

from lxml import etree

from teiedition.config import Config
from teiedition.dates import DateValue
from teiedition.markup.blocks import Body, structure
from teiedition.markup.body import build_text
from teiedition.markup.header import Facts, build_header, page_date_value
from teiedition.markup.ids import document_id
from teiedition.markup.tei import XML_ID, XML_LANG, element
from teiedition.readers.citation import parse_source_line
from teiedition.readers.transcript import Transcript

TEI_ALL_MODEL = (
    'href="https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" '
    'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"'
)


def build_document(transcript: Transcript, config: Config) -> etree._ElementTree:
    """Build the TEI document; problems that do not stop conversion go to
    `transcript.warnings`."""
    page_date = page_date_value(transcript)
    body = structure(transcript.body, anchor_year=int(page_date.earliest[:4]))
    creation, creation_source, creation_place = _creation_date(body, page_date)
    citation = None
    if transcript.source_line:
        citation = parse_source_line(transcript.source_line.text)
        for problem in citation.problems:
            transcript.warn(problem, transcript.source_line.line)
    else:
        transcript.warn("the page gives no archival source line; the provenance is incomplete")
    facts = Facts(
        doc_id=document_id(
            transcript.record_id.text if transcript.record_id else None,
            page_date.earliest,
            transcript.title.text,
        ),
        creation=creation,
        creation_source=creation_source,
        creation_place=creation_place,
        page_date=page_date,
        classification=next((b.text for b in body.opener if b.kind == "classification"), None),
        citation=citation,
    )
    root = element("TEI")
    root.set(XML_ID, facts.doc_id)
    root.set(XML_LANG, "en")
    root.append(build_header(transcript, facts, config))
    root.append(build_text(body, facts.doc_id, "en"))
    tree = etree.ElementTree(root)
    root.addprevious(etree.ProcessingInstruction("xml-model", TEI_ALL_MODEL))
    return tree


def _creation_date(body: Body, page_date: DateValue) -> tuple[DateValue, str, str | None]:
    """The document's own dateline wins over the archive's page date when they agree: the
    page writes "November 1, 1962" where the document leaves the day blank
    ("Pyongyang, ____ November 1962"). A dateline of another date (a covering letter's)
    does not count."""
    datelines = [
        block for block in body.opener
        if block.kind == "dateline" and block.date and block.date.overlaps(page_date)
    ]
    datelines.sort(key=lambda block: block.place is None)  # one with a place first
    if datelines:
        chosen = datelines[0]
        assert chosen.date is not None
        return chosen.date, "dateline", chosen.place
    return page_date, "page", None


def document_key(tree: etree._ElementTree) -> str:
    return tree.getroot().get(XML_ID) or ""
