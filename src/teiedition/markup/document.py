"""A `Transcript` → one TEI P5 document."""

from __future__ import annotations

from lxml import etree

from teiedition.config import Config
from teiedition.dates import DateValue
from teiedition.languages import UNDETERMINED
from teiedition.markup.blocks import Body, classification_level, structure
from teiedition.markup.body import build_text
from teiedition.markup.datings import DocumentDates, TimesOfDay
from teiedition.markup.header import Facts, build_header, original_language, page_date_value
from teiedition.markup.ids import document_id
from teiedition.markup.inline import Annotator
from teiedition.markup.names import DocumentNames, NameIndex, uses_czech_title
from teiedition.markup.periodicals import Periodicals
from teiedition.markup.scripts import ForeignScripts, declare_languages
from teiedition.markup.tei import XML_ID, XML_LANG, element, tei
from teiedition.readers.citation import credit_line, parse_source_line
from teiedition.readers.transcript import Transcript

TEI_ALL_MODEL = (
    'href="https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" '
    'type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"'
)


def build_document(
    transcript: Transcript, config: Config, names: NameIndex | None = None
) -> etree._ElementTree:
    """Build the TEI document; problems that do not stop conversion go to
    `transcript.warnings`. With `names`, persons, places and organisations are marked and
    linked, and the document carries copies of the register entries it points to."""
    page_date = page_date_value(transcript)
    body = structure(
        transcript.body, int(page_date.earliest[:4]), names.names_a_place if names else None
    )
    creation, creation_source, creation_place = _creation_date(body, page_date, transcript)
    citation = None
    if transcript.source_line:
        citation = parse_source_line(transcript.source_line.text)
        for problem in citation.problems:
            transcript.warn(problem, transcript.source_line.line)
        # a credit the page gives only under the text ("Translated by Jakub Poprocki."): a
        # role the source line names is as it says
        named = {credit.role for credit in citation.credits}
        citation.credits += [
            credit
            for line in transcript.credits
            for credit in credit_line(line.text) or ()
            if credit.role not in named
        ]
    else:
        transcript.warn("the page gives no archival source line; the provenance is incomplete")
    if not transcript.summary:
        transcript.warn("the page gives no summary; the document has no abstract")
    language = original_language(transcript, citation)
    if language.code == UNDETERMINED:
        stated = transcript.original_language
        said = (
            f"original language {stated.text!r} is not one this edition knows"
            if stated
            else "the page states no original language"
        )
        transcript.warn(
            f"{said} and the archive does not tell it: recorded as undetermined (und)",
            stated.line if stated else None,
        )
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
        classification=classification_level(body.opener),
        citation=citation,
        language=language,
    )
    root = element("TEI")
    root.set(XML_ID, facts.doc_id)
    root.set(XML_LANG, "en")
    root.append(build_header(transcript, facts, config))
    # a periodical's title first: its words are no one's name ("Minju Choson")
    annotators: list[Annotator] = [Periodicals()]
    document_names: DocumentNames | None = None
    if names:
        signatures = [
            block.text
            for closer in [body.closer, *(e.body.closer for e in body.enclosures)]
            for block in closer
            if block.kind == "signed"
        ]
        # a Czech or Slovak original's translation may keep the title "s." (soudruh)
        czech = language.code in {"cs", "sk"} or uses_czech_title(
            line.text for line in transcript.body
        )
        document_names = DocumentNames(
            names,
            facts.doc_id,
            body.speakers,
            signatures,
            czech_title=czech,
            archive_people=[
                value.text
                for value in [
                    *transcript.authors,
                    *transcript.facets.get("Associated People & Organizations", []),
                ]
            ],
            archive_places=[value.text for value in transcript.facets.get("Associated Places", [])],
        )
        annotators.append(document_names)
    annotators += [DocumentDates(creation), TimesOfDay(), ForeignScripts(language.code)]
    text = build_text(body, facts.doc_id, "en", annotators)
    declare_languages(
        root.find(f"{tei('teiHeader')}/{tei('profileDesc')}/{tei('langUsage')}"), text
    )
    if document_names is not None:
        # the place the document was written, linked as its dateline's is
        refs = text.xpath(".//@ref")
        place = root.find(f"{tei('teiHeader')}//{tei('creation')}/{tei('placeName')}")
        if place is not None and (place_id := document_names.place_ref(place.text or "")):
            place.set("ref", f"#{place_id}")
            refs.append(place.get("ref"))
        pointed = {ref[1:] for ref in refs if ref.startswith("#")}
        stand_off = names.registers.stand_off(pointed)
        if stand_off is not None:
            root.append(stand_off)
    root.append(text)
    tree = etree.ElementTree(root)
    root.addprevious(etree.ProcessingInstruction("xml-model", TEI_ALL_MODEL))
    return tree


# How many years a dateline may be from the archive's date and still be the document's: a
# dateline a decade off is a misreading (a number taken for a year), not the document's date
_DATELINE_YEARS = 2


def _years_apart(one: DateValue, other: DateValue) -> int:
    (start, end), (other_start, other_end) = one.bounds(), other.bounds()
    return max(int(other_start[:4]) - int(end[:4]), int(start[:4]) - int(other_end[:4]), 0)


def _creation_date(
    body: Body, page_date: DateValue, transcript: Transcript
) -> tuple[DateValue, str, str | None]:
    """The document's own dateline ("Pyongyang, ____ November 1962") is its date: the
    archive's page may write "November 1, 1962" for a day the document leaves blank. A
    letter may date itself under its signature, where the opener gives no place and date
    ("Pyongyang, 12 February 1963", or a cable's "8 April 1963" under the embassy's name).
    A bare date line above the text counts only where it agrees with the page (else it may be
    a covering letter's, as "26 X 63" above a 1962 record)."""
    own = [b for b in body.opener if b.place] + body.closer
    for block in own:
        if block.kind != "dateline" or block.date is None:
            continue
        if _years_apart(block.date, page_date) > _DATELINE_YEARS:
            transcript.warn(
                f"the document's dateline ({block.text}) is years from the archive's date "
                f"({transcript.page_date.text}); the archive's date is used",
                block.line,
            )
            continue
        if not block.date.overlaps(page_date):
            transcript.warn(
                f"the document's dateline ({block.text}) differs from the archive's date "
                f"({transcript.page_date.text}); the dateline is used",
                block.line,
            )
        return block.date, "dateline", block.place
    for block in body.opener:
        if block.kind == "dateline" and block.date and block.date.overlaps(page_date):
            return block.date, "dateline", None
    return page_date, "page", None
