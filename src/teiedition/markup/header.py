"""The TEI header: what the page told about the document and its archival origin."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from teiedition import __version__
from teiedition.config import Config
from teiedition.dates import DateValue, parse_date
from teiedition.languages import UNDETERMINED, code_for, name_for
from teiedition.markup.inline import mark_up
from teiedition.markup.tei import XML_ID, append_text, edition_titles, element, sub
from teiedition.readers.citation import Credit, SourceCitation
from teiedition.readers.transcript import Transcript

ARCHIVE_PAGE_PUBLISHER = "Wilson Center Digital Archive"

# Document types, recognised in the page's type line or, failing that, in the title.
DOCUMENT_TYPES: tuple[tuple[str, str], ...] = (
    (r"memorandum of (?:a )?conversation", "memorandum of conversation"),
    (r"record of (?:a )?conversation", "record of conversation"),
    (r"minutes of (?:a )?conversation", "minutes of conversation"),
    (r"(?:notes?|summary) of (?:a )?conversation", "note of conversation"),
    (r"telegram|cable|ciphered", "telegram"),
    (r"letter", "letter"),
    (r"report", "report"),
    (r"memorandum", "memorandum"),
    (r"minutes", "minutes"),
    (r"(?:diary|journal)", "diary"),
    (r"resolution|decree|decision", "resolution"),
    (r"information", "information note"),
    (r"note\b", "note"),
    (r"record\b", "record"),  # a record of anything else ("Record" / "of a meeting …")
)

# Shelfmark parts that name a record group; they are also given as msIdentifier/collection.
_COLLECTION_TYPES = frozenset({"fond", "department", "series", "zespol", "collection"})

_ROLE_RESP: dict[str, str] = {
    "translated": "translation",
    "obtained": "obtained from the archive",
    "contributed": "contributed",
    "transcribed": "transcription",
    "edited": "editing",
}


@dataclass(frozen=True)
class Facts:
    """What the mark-up stage worked out about the document, for the header."""

    doc_id: str
    creation: DateValue
    creation_source: str  # "dateline" or "page"
    creation_place: str | None
    page_date: DateValue
    classification: str | None
    citation: SourceCitation | None
    language: OriginalLanguage


@dataclass(frozen=True)
class OriginalLanguage:
    """The language the document was written in, as far as the page or the archive tells."""

    code: str  # ISO 639; "und" (undetermined) when neither the page nor the archive tells
    text: str  # as the page writes it, else the edition's name for the code
    inferred_from: str | None = None  # the holding archive as cited, when inferred from it
    others: tuple[str, ...] = ()  # the other languages the page states, after the first


# Between the languages a page states: "Bulgarian, Russian", "Russian and Korean"
_LANGUAGES_APART = re.compile(r"\s*(?:,|;|/|\band\b)\s*")


def original_language(transcript: Transcript, citation: SourceCitation | None) -> OriginalLanguage:
    """Stated by the page (the first of those it states, and the others), else inferred from
    the holding archive, else undetermined."""
    stated = transcript.original_language
    names = [name for name in _LANGUAGES_APART.split(stated.text) if name] if stated else []
    codes = [code_for(name) for name in names]
    if stated and codes and all(codes):
        first, *others = dict.fromkeys(codes)  # each once, in the page's order
        return OriginalLanguage(first, stated.text, others=tuple(others))
    if citation and citation.archive and citation.archive.archive.language:
        code = citation.archive.archive.language
        return OriginalLanguage(code, name_for(code), citation.archive.phrase)
    return OriginalLanguage(UNDETERMINED, stated.text if stated else "not stated")


def build_header(transcript: Transcript, facts: Facts, config: Config) -> etree._Element:
    header = element("teiHeader")
    file_desc = sub(header, "fileDesc")
    _title_stmt(file_desc, transcript, facts)
    edition_stmt = sub(file_desc, "editionStmt")
    sub(edition_stmt, "edition", f"Version {config.version}", n=config.version)
    _publication_stmt(file_desc, transcript, facts, config)
    _series_stmt(file_desc, config)
    _notes_stmt(file_desc, transcript)
    _source_desc(file_desc, transcript, facts)
    _encoding_desc(header, transcript, config)
    _profile_desc(header, transcript, facts)
    return header


def _title_stmt(file_desc: etree._Element, transcript: Transcript, facts: Facts) -> None:
    stmt = sub(file_desc, "titleStmt")
    mark_up(sub(stmt, "title", type="main"), transcript.title.text)
    for author in transcript.authors:
        sub(stmt, "author", author.text)
    for funder in transcript.funders:
        sub(stmt, "funder", funder.text)
    if facts.citation:
        for credit in facts.citation.credits:
            resp = _ROLE_RESP.get(credit.role, credit.role)
            if credit.on_behalf_of:
                resp += f", for {credit.on_behalf_of}"
            for name in credit.names:
                stmt_el = sub(stmt, "respStmt")
                sub(stmt_el, "resp", resp)
                sub(stmt_el, "persName", name)
    machine = sub(stmt, "respStmt")
    sub(machine, "resp", "conversion to TEI, automatic mark-up and repairs of scrape damage")
    sub(machine, "name", f"teiedition {__version__}", type="software")


def _publication_stmt(
    file_desc: etree._Element, transcript: Transcript, facts: Facts, config: Config
) -> None:
    stmt = sub(file_desc, "publicationStmt")
    sub(stmt, "publisher", config.publisher)
    if config.pub_place:
        sub(stmt, "pubPlace", config.pub_place)
    sub(stmt, "idno", facts.doc_id, type="doc-id")
    if transcript.record_id:
        sub(stmt, "idno", transcript.record_id.text, type="wilson-center")
    if transcript.url:
        sub(stmt, "ptr", target=transcript.url, type="wilson-center")
    availability = sub(stmt, "availability")
    if config.licence:
        licence = sub(availability, "licence", config.licence)
        if config.licence_url:
            licence.set("target", config.licence_url)
    for rights in transcript.rights:
        sub(availability, "p", rights.text)
    if not transcript.rights:
        sub(availability, "p", "The archive's page states no rights for the source text.")


def _series_stmt(file_desc: etree._Element, config: Config) -> None:
    edition_titles(sub(file_desc, "seriesStmt"), config)


def _notes_stmt(file_desc: etree._Element, transcript: Transcript) -> None:
    notes: list[tuple[str, str]] = []
    if transcript.original_archive:
        notes.append(("original-archive", transcript.original_archive.text))
    for value in transcript.unrecognised:
        notes.append(("unrecognised", value.text))
    related = transcript.facets.get("Related Documents", [])
    if not notes and not related:
        return
    stmt = sub(file_desc, "notesStmt")
    for kind, text in notes:
        sub(stmt, "note", text, type=kind)
    for date, title in _related_documents([field.text for field in related]):
        bibl = sub(sub(stmt, "relatedItem", type="related-document"), "bibl")
        sub(bibl, "title", title)
        if date is not None:
            sub(bibl, "date", date.text, **date.attributes())


def _related_documents(lines: list[str]) -> list[tuple[DateValue | None, str]]:
    """The related documents a page lists, each its title, under its date where the page
    gives one ("January 3, 1964" / "Telegram from Pyongyang to Warsaw"): one document."""
    documents: list[tuple[DateValue | None, str]] = []
    index = 0
    while index < len(lines):
        date = parse_date(lines[index])
        if date is not None and index + 1 < len(lines) and parse_date(lines[index + 1]) is None:
            documents.append((date, lines[index + 1]))
            index += 2
        else:
            documents.append((None, lines[index]))
            index += 1
    return documents


def _source_desc(file_desc: etree._Element, transcript: Transcript, facts: Facts) -> None:
    source_desc = sub(file_desc, "sourceDesc")
    bibl = sub(source_desc, "bibl", type="archive-page")
    bibl.set(XML_ID, f"{facts.doc_id}-archive-page")
    sub(bibl, "title", transcript.title.text)
    sub(bibl, "date", transcript.page_date.text, **facts.page_date.attributes())
    sub(bibl, "publisher", ARCHIVE_PAGE_PUBLISHER)
    if transcript.record_id:
        sub(bibl, "idno", transcript.record_id.text, type="wilson-center")
    if transcript.url:
        sub(bibl, "ref", transcript.url, target=transcript.url)
    if transcript.uploaded_date:
        sub(bibl, "date", transcript.uploaded_date.text, type="uploaded")
    if transcript.source_line:
        sub(bibl, "note", transcript.source_line.text, type="source-line")
    if transcript.citation:
        sub(bibl, "note", transcript.citation.text, type="citation")
    _ms_desc(source_desc, transcript, facts)


def _ms_desc(source_desc: etree._Element, transcript: Transcript, facts: Facts) -> None:
    citation = facts.citation
    ms_desc = sub(source_desc, "msDesc")
    identifier = sub(ms_desc, "msIdentifier")
    match = citation.archive if citation else None
    if match:
        archive = match.archive
        sub(identifier, "country", archive.country, key=archive.country_code)
        sub(identifier, "settlement", archive.settlement)
        repository = sub(identifier, "repository")
        if match.abbreviation:
            choice = sub(repository, "choice")
            sub(choice, "expan", archive.name)
            sub(choice, "abbr", match.abbreviation)
        else:
            repository.text = archive.name
        repository.set("key", archive.key)
        if citation and citation.shelfmark:
            for part in citation.shelfmark:
                if part.type in _COLLECTION_TYPES:
                    sub(identifier, "collection", part.text, type=part.type)
            _shelfmark(identifier, citation)
    else:
        text = citation.archive_text if citation else "unknown"
        sub(identifier, "idno", text or "unknown", type="unparsed-citation")
    items = sub(ms_desc, "msContents")
    item = sub(items, "msItem")
    for locus in citation.loci if citation else []:
        attributes = {"type": locus.unit}
        if locus.start:
            attributes["from"] = locus.start
        if locus.end:
            attributes["to"] = locus.end
        sub(item, "locus", locus.text, **attributes)
    sub(item, "title", transcript.title.text)
    text_lang = sub(item, "textLang", facts.language.text, mainLang=facts.language.code)
    if facts.language.others:
        text_lang.set("otherLangs", " ".join(facts.language.others))
    if facts.language.inferred_from:
        text_lang.set("cert", "medium")
    acquisitions = [c for c in citation.credits if c.role == "obtained"] if citation else []
    if acquisitions:
        history = sub(ms_desc, "history")
        acquisition = sub(history, "acquisition")
        sub(acquisition, "p", _credit_sentence(acquisitions))


def _shelfmark(identifier: etree._Element, citation: SourceCitation) -> None:
    """The shelfmark as written, each piece in an idno of its own type:
    fond <idno type="fond">0102</idno>, opis <idno type="opis">18</idno>, …"""
    shelfmark = sub(identifier, "idno", type="shelfmark")
    for index, part in enumerate(citation.shelfmark):
        at = part.text.find(part.value)
        label, after = (part.text[:at], part.text[at + len(part.value) :]) if at >= 0 else ("", "")
        append_text(shelfmark, (", " if index else "") + label)
        sub(shelfmark, "idno", part.value, type=part.type)
        append_text(shelfmark, after)


def _credit_sentence(credits: list[Credit]) -> str:
    names = sorted({name for credit in credits for name in credit.names})
    org = next((credit.on_behalf_of for credit in credits if credit.on_behalf_of), None)
    return f"Obtained by {' and '.join(names)}" + (f" for {org}." if org else ".")


def _encoding_desc(header: etree._Element, transcript: Transcript, config: Config) -> None:
    encoding = sub(header, "encodingDesc")
    project = sub(encoding, "projectDesc")
    sub(project, "p", config.introduction or config.title)
    editorial = sub(encoding, "editorialDecl")
    sub(
        sub(editorial, "correction"),
        "p",
        "Damage done to the text when the archive's web page was copied is repaired and "
        "marked: a line break inside a sentence or a sentence cut across a blank line is "
        'joined and marked lb with ed="scrape"; a word broken after its hyphen at a line\'s '
        'end is one word again, the lb with break="no"; an ordinal suffix set on a line of '
        'its own is restored as a superscript; an OCR confusion such as "II" for "Il" in a '
        'Korean name is kept as sic with its corr type="ocr". All such repairs are the '
        "converter's. "
        "The characters a copied page hides inside words (soft hyphens, zero-width spaces, "
        "word joiners) are removed without a mark, and its no-break and other wide spaces "
        "are read as spaces.",
    )
    sub(
        sub(editorial, "normalization"),
        "p",
        "The translator's square brackets are encoded, not kept as characters: supplied "
        "words as supplied (reason omitted-in-original, clarification or alternative-name), "
        'omissions as gap, what the original hides ("[two words illegible]") as gap '
        'reason="illegible" with the translator\'s words in desc, editorial remarks as note '
        'type="editorial", "[?]" as unclear '
        'reason="query", brackets inside a word as expan/ex, a number in brackets (or the '
        "asterisks of a note so marked) right after a word, or after a space when the text "
        'has that note, as ref type="noteAnchor" pointing to the translator\'s note: at the '
        'end of the text (note place="end"), or where a page\'s foot put it (note '
        'place="foot"), in its place.',
    )
    sub(
        sub(editorial, "quotation", marks="none"),
        "p",
        "Balanced quotation marks are encoded as q, the marks recorded in rend "
        "(double-curly, low-high, low-curly, guillemets, straight); unbalanced marks are kept "
        "as characters.",
    )
    if transcript.encoding_note:
        sub(editorial, "p", f"Character encoding of the transcript: {transcript.encoding_note}.")
    app_info = sub(encoding, "appInfo")
    application = sub(app_info, "application", ident="teiedition", version=__version__)
    sub(application, "label", "teiedition")


def _profile_desc(header: etree._Element, transcript: Transcript, facts: Facts) -> None:
    profile = sub(header, "profileDesc")
    if transcript.summary:
        abstract = sub(profile, "abstract", source=f"#{facts.doc_id}-archive-page")
        mark_up(sub(abstract, "p"), transcript.summary.text)
    creation = sub(profile, "creation")
    date = sub(creation, "date", facts.creation.text, **facts.creation.attributes())
    if facts.creation_source == "page" and facts.creation.when is None:
        date.set("cert", "medium")
    if facts.creation_place:
        creation_place = facts.creation_place
        date.tail = ", "
        sub(creation, "placeName", creation_place)
    lang_usage = sub(profile, "langUsage")
    sub(lang_usage, "language", "English (translation)", ident="en", usage="100")
    language = facts.language
    if language.inferred_from:
        how = f"inferred from the holding archive, {language.inferred_from}"
    elif language.code == UNDETERMINED:
        how = "neither stated by the archive's page nor known from the archive"
    else:
        how = "stated by the archive's page"
    label = f"{name_for(language.code)} (language of the original; {how})"
    original = sub(lang_usage, "language", label, ident=language.code, usage="0")
    if language.inferred_from:
        original.set("cert", "medium")
    for other in language.others:
        label = f"{name_for(other)} (a language of the original; {how})"
        sub(lang_usage, "language", label, ident=other, usage="0")
    terms = _terms(transcript, facts)
    if terms:
        keywords = sub(sub(profile, "textClass"), "keywords")
        for term in terms:
            el = sub(keywords, "term", term.text, type=term.kind, key=_key(term.text))
            if term.cert:
                el.set("cert", term.cert)


@dataclass(frozen=True)
class _Term:
    kind: str
    text: str  # as the page writes it, or the edition's name when inferred
    cert: str | None = None


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _terms(transcript: Transcript, facts: Facts) -> list[_Term]:
    terms: list[_Term] = []
    document_type = _document_type(transcript)
    if document_type:
        terms.append(document_type)
    # the archive's metadata first; the document's own classification line is in the text
    if transcript.classification:
        terms.append(_Term("classification", transcript.classification.text))
    elif facts.classification:
        terms.append(_Term("classification", facts.classification))
    for facet, values in sorted(transcript.facets.items()):
        if facet != "Related Documents":
            terms += [_Term(_key(facet), value.text) for value in values]
    return terms


def _document_type(transcript: Transcript) -> _Term | None:
    if transcript.document_type:
        return _Term("document-type", transcript.document_type.text)
    for pattern, name in DOCUMENT_TYPES:
        if re.search(rf"\b(?:{pattern})", transcript.title.text, re.IGNORECASE):
            return _Term("document-type", name, "medium")  # inferred from the title
    return None


def page_date_value(transcript: Transcript) -> DateValue:
    value = parse_date(transcript.page_date.text)
    assert value is not None, "the reader only accepts pages with a readable date"
    return value
