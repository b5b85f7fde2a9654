"""XPath assertions on the TEI produced for the seeds and our own fixture transcripts."""

import pytest
from conftest import FIXTURE_TRANSCRIPTS, FIXTURES, SEEDS, convert_path, one, xpath
from lxml import etree

from teiedition import registry
from teiedition.markup.document import build_document
from teiedition.markup.tei import TEI_NS, XML_ID
from teiedition.markup.text import normalise, source_text
from teiedition.pipeline import load_names
from teiedition.readers import read_transcript

H = "/tei:TEI/tei:teiHeader"
BODY = "/tei:TEI/tei:text/tei:body/tei:div[@type='document']"


def seed(prefix):
    return next(p for p in SEEDS if p.name.startswith(prefix))


def fixture(name):
    return next(p for p in FIXTURE_TRANSCRIPTS if p.name == name)


@pytest.fixture(scope="module")
def docs(config):
    return {p.name: convert_path(p, config) for p in [*SEEDS, *FIXTURE_TRANSCRIPTS]}


def doc(docs, path):
    return docs[path.name]


def test_polish_record_header(docs):
    tei = doc(docs, seed("000"))
    assert one(tei, f"{H}/tei:fileDesc/tei:titleStmt/tei:funder") == "Kyungnam University"
    assert (
        one(tei, f"{H}//tei:respStmt[tei:resp='translation']/tei:persName") == "Jerzy Giebułtowski"
    )
    assert (
        one(tei, f"{H}//tei:respStmt[starts-with(tei:resp,'obtained')]/tei:persName")
        == "Marek Hańderek"
    )
    assert one(tei, f"{H}//tei:msIdentifier/tei:repository//tei:abbr") == "AMSZ"
    assert one(tei, f"{H}//tei:msIdentifier/tei:settlement") == "Warsaw"
    assert one(tei, f"{H}//tei:idno[@type='shelfmark']/tei:idno[@type='bundle']") == "3"
    assert one(tei, f"{H}//tei:history/tei:acquisition") == "Obtained by Marek Hańderek."
    creation = xpath(tei, f"{H}/tei:profileDesc/tei:creation/tei:date")[0]
    assert (creation.get("notBefore"), creation.get("notAfter")) == ("1962-11-01", "1962-11-30")
    assert one(tei, f"{H}/tei:profileDesc/tei:creation/tei:placeName") == "Pyongyang"
    # linked to the register, as the dateline's place is
    assert one(tei, f"{H}/tei:profileDesc/tei:creation/tei:placeName/@ref") == "#pyongyang"
    original = xpath(tei, f"{H}//tei:langUsage/tei:language[@ident='pl']")[0]
    assert original.get("cert") == "medium" and "inferred from the holding archive" in original.text
    assert one(tei, f"{H}//tei:term[@type='classification']") == "Top secret"
    assert one(tei, f"{H}//tei:term[@type='document-type']/@key") == "record-of-conversation"
    assert one(tei, f"{H}/tei:profileDesc/tei:abstract/tei:p").startswith("Moskovsky advised")


def test_polish_record_text(docs):
    tei = doc(docs, seed("000"))
    assert [e.tag.split("}")[1] for e in xpath(tei, f"{BODY}/tei:opener/*")] == [
        "seg",
        "dateline",
        "dateline",
        "seg",
        "seg",
    ]
    assert one(tei, f"{BODY}/tei:opener/tei:seg[@type='registry-number']") == "Nr 2421/35/62rTjn"
    assert one(tei, f"{BODY}/tei:opener/tei:dateline/tei:date[@when='1963-10-26']") == "26 X 63"
    assert one(tei, f"{BODY}/tei:head").startswith("of conversation with USSR ambassador")
    assert xpath(tei, f"{BODY}/tei:list[@type='numbered']/tei:item/@n") == ["1", "2", "3", "4"]
    assert xpath(tei, f"{BODY}/tei:list/tei:label/text()") == ["1)", "2)", "3)", "4)"]
    assert xpath(
        tei, f"{BODY}/tei:list/tei:item[@n='1']/tei:list[@type='lettered']/tei:item/@n"
    ) == ["a", "b", "c", "d"]
    assert one(tei, f"{BODY}//tei:hi[@rend='superscript']") == "nd"
    assert (
        one(tei, f"{BODY}//tei:hi[@rend='superscript']/preceding-sibling::tei:lb[1]/@break") == "no"
    )
    assert len(xpath(tei, f"{BODY}//tei:lb[@ed='scrape']")) == 2
    assert one(tei, f"({BODY}//tei:q[@rend='low-high'])[1]") == "white paper"


def test_hungarian_report(docs):
    tei = doc(docs, seed("001"))
    assert one(tei, f"{H}//tei:msIdentifier/tei:repository/@key") == "mol"
    assert xpath(tei, f"{H}//tei:idno[@type='shelfmark']/tei:idno/@type") == [
        "series",
        "box",
        "item",
        "registry-number",
    ]
    assert one(tei, f"{BODY}/tei:closer/tei:signed") == "József Kovács"
    assert len(xpath(tei, f"{BODY}//tei:gap[@reason='editorial']")) == 3
    assert one(tei, f"{BODY}//tei:note[@type='editorial']") == "emphasis in the original"
    assert xpath(tei, f"{BODY}//tei:expan/tei:ex/text()") == [
        "inistry",
        "efense",
        "inistry",
        "nternal Affairs",
    ]
    assert one(tei, f"{BODY}//tei:supplied[@reason='clarification'][.='Puzanov']") == "Puzanov"


def test_czech_memorandum(docs):
    tei = doc(docs, seed("002"))
    assert one(tei, f"{H}//tei:msIdentifier/tei:settlement") == "Prague"
    assert not xpath(tei, f"{H}//tei:idno[@type='shelfmark']")
    assert one(tei, f"{H}//tei:respStmt[tei:resp='translation']/tei:persName") == "Adolf Kotlik"
    assert len(xpath(tei, f"{BODY}//tei:lb[@type='paragraph-break']")) == 1
    assert one(tei, f"({BODY}//tei:supplied[@reason='alternative-name'])[1]") == "Ri Song Un"


def test_a_czech_original_s_sentence_opening_title_is_no_initial(tmp_path, config):
    """A translation from the Czech may keep the title "s." only where it opens a sentence,
    "S. Moskovsky told me": Moskovsky, not a man whose forename begins with S; the original's
    language tells, where no "s." in small letters does."""
    page = (FIXTURES / "transcripts" / "pdf-export-czech-letterhead.txt").read_text("utf-8")
    body_start = page.index("Translation - English") + len("Translation - English")
    text = page[:body_start] + "\n\nS. Moskovsky told me on 27 November that it was so.\n"
    path = tmp_path / "czech.txt"
    path.write_text(text + page[body_start:], "utf-8")
    tei = convert_path(path, config)
    assert one(tei, f"{H}//tei:msItem/tei:textLang/@mainLang") == "cs"
    assert xpath(tei, f"{BODY}//tei:p[1]/tei:persName/@ref")[:1] == ["#moskovsky-vasily"]
    assert one(tei, f"{BODY}//tei:p[1]/tei:persName[1]") == "Moskovsky"


def test_soviet_memorandum_pdf_export(docs):
    tei = doc(docs, seed("003"))
    assert one(tei, "/tei:TEI/@xml:id") == "wcda-110485"
    assert one(tei, f"{H}//tei:publicationStmt/tei:idno[@type='wilson-center']") == "110485"
    assert one(tei, f"{H}//tei:publicationStmt/tei:ptr/@target").endswith("/document/110485")
    locus = xpath(tei, f"{H}//tei:msItem/tei:locus")[0]
    assert (locus.get("from"), locus.get("to"), locus.text) == ("3", "9", "listy 3-9")
    language = xpath(tei, f"{H}//tei:langUsage/tei:language[@ident='ru']")[0]
    assert language.get("cert") is None and "stated by the archive's page" in language.text
    assert one(tei, f"{H}//tei:msItem/tei:textLang/@mainLang") == "ru"
    assert (
        len(xpath(tei, "//tei:choice[tei:sic='II'][tei:corr='Il']")) == 11
    )  # title, summary, body
    assert one(tei, f"{BODY}//tei:supplied[@reason='alternative-name']") == "Pak Song Chol"
    assert one(tei, f"{BODY}/tei:opener/tei:dateline/tei:date/@when") == "1962-08-14"


def test_soviet_memorandum_page(docs):
    tei = doc(docs, seed("004"))
    assert one(tei, f"{H}//tei:term[@type='document-type']") == "Memorandum of Conversation"
    assert xpath(tei, f"{H}//tei:term[@type='document-type']/@cert") == []
    assert one(tei, f"{H}//tei:idno[@type='shelfmark']") == "fond 0102, opis 18, papka 93, delo 5"
    assert set(xpath(tei, f"{H}//tei:respStmt/tei:resp/text()")) >= {
        "translation, for NKIDP",
        "obtained from the archive, for NKIDP",
    }
    assert one(tei, f"{BODY}//tei:unclear[@reason='query']") == "Gen"


def test_faceted_page_fixture(docs):
    tei = doc(docs, fixture("faceted-page-rgani.txt"))
    assert one(tei, f"{H}//tei:titleStmt/tei:author") == "Moskovsky, Vasily Petrovich"
    assert one(tei, f"{H}//tei:titleStmt/tei:funder") == "Korea Foundation"
    assert xpath(tei, f"{H}//tei:term[@type='associated-places']/text()") == [
        "Korea (North)",
        "Poland",
    ]
    assert one(tei, f"{H}//tei:term[@type='classification']") == "Strictly Secret"
    assert one(tei, f"{H}//tei:notesStmt/tei:note[@type='original-archive']").startswith(
        "Russian State"
    )
    assert one(tei, f"{H}//tei:notesStmt/tei:relatedItem//tei:title").startswith("Memorandum")
    assert one(tei, f"{H}//tei:sourceDesc/tei:bibl/tei:date[@type='uploaded']") == "2013-05-02"
    assert one(tei, f"{H}//tei:msIdentifier/tei:repository/@key") == "rgani"
    assert one(tei, f"{BODY}/tei:closer/tei:signed") == "V. Moskovsky"
    # the document's own dateline wins over the page's date, with a warning
    assert one(tei, f"{H}/tei:profileDesc/tei:creation/tei:date/@when") == "1963-03-06"


def test_a_signer_the_archive_s_page_names_in_full_is_that_person(docs):
    """ "J. Kohout" signs; the page's "Author(s): Kohout, Jaroslav" tells who he is."""
    tei = doc(docs, fixture("faceted-page-amzv-initials.txt"))
    signer = xpath(tei, f"{BODY}/tei:closer/tei:signed/tei:persName")[0]
    assert (signer.text, signer.get("ref")) == ("J. Kohout", "#kohout-jaroslav")
    assert one(tei, "//tei:standOff//tei:person[@xml:id='kohout-jaroslav']/tei:persName") == (
        "Jaroslav Kohout"
    )


def test_a_related_document_under_its_date_is_one_item_dated(tmp_path, config):
    """The page lists a related document by its date and title, each on its line; a title
    alone is an item too."""
    page = (FIXTURES / "transcripts" / "faceted-page-rgani.txt").read_text("utf-8")
    page = page.replace(
        "Related Documents\n\n",
        "Related Documents\n\nJanuary 3, 1964\nTelegram from Pyongyang to Warsaw\n\n",
        1,
    )
    path = tmp_path / "related.txt"
    path.write_text(page, "utf-8")
    tei = convert_path(path, config)
    items = xpath(tei, f"{H}//tei:notesStmt/tei:relatedItem/tei:bibl")
    assert [(one(i, "tei:title"), xpath(i, "tei:date/@when")) for i in items] == [
        ("Telegram from Pyongyang to Warsaw", ["1964-01-03"]),
        (
            "Memorandum of Conversation between Soviet Ambassador to North Korea Vasily "
            "Moskovsky and Kim Il Sung",
            [],
        ),
    ]


def test_legacy_page_fixtures(docs):
    mol = doc(docs, fixture("legacy-page-mol.txt"))
    assert one(mol, "/tei:TEI/@xml:id") == "wcda-116444"
    assert one(mol, f"{H}//tei:sourceDesc/tei:bibl/tei:note[@type='citation']").startswith(
        "“Report"
    )
    assert one(mol, f"{BODY}/tei:closer/tei:signed") == "Károly Fendler"
    aipn = doc(docs, fixture("legacy-page-titled-aipn.txt"))
    assert one(aipn, f"{H}//tei:msIdentifier/tei:repository/@key") == "aipn"
    assert one(aipn, f"{H}/tei:profileDesc/tei:creation/tei:placeName") == "Warsaw"
    assert one(aipn, f"{H}//tei:respStmt[tei:resp='translation']/tei:persName") == "Maya Latynski"


def test_prc_page_fixture(docs):
    tei = doc(docs, fixture("page-prc-fma.txt"))
    assert one(tei, f"{H}//tei:langUsage/tei:language[@usage='0']/@ident") == "zh"
    assert (
        one(tei, f"{H}//tei:sourceDesc/tei:bibl/tei:date[@type='uploaded']") == "November 3, 2014"
    )
    assert "&" in one(tei, f"{BODY}/tei:p[1]")


def test_unknown_archive_is_kept_verbatim(docs):
    tei = doc(docs, fixture("page-unknown-archive.txt"))
    assert one(tei, f"{H}//tei:msIdentifier/tei:idno[@type='unparsed-citation']") == (
        "Mongolian National Central Archive, fond 4, dans 28, kh/n 126"
    )
    assert not xpath(tei, f"{H}//tei:msIdentifier/tei:repository")


@pytest.mark.parametrize("path", [*SEEDS, *FIXTURE_TRANSCRIPTS], ids=lambda p: p.name)
def test_every_paragraph_has_a_unique_edition_wide_id(path, docs):
    tei = doc(docs, path)
    doc_id = one(tei, "/tei:TEI/@xml:id")
    ids = xpath(tei, "//@xml:id")
    assert len(ids) == len(set(ids))
    # the document's own ids begin with its id; its standOff keeps the registers' ids
    own = xpath(tei, "//@xml:id[not(ancestor::tei:standOff)]")
    assert all(i == doc_id or i.startswith(doc_id + "-") for i in own)
    assert not xpath(tei, "//tei:p[ancestor::tei:body][not(@xml:id)]")


def test_record_groups_are_collections(docs):
    assert xpath(doc(docs, seed("000")), f"{H}//tei:msIdentifier/tei:collection/text()") == [
        "Department II"
    ]
    assert xpath(doc(docs, seed("004")), f"{H}//tei:msIdentifier/tei:collection/@type") == ["fond"]
    assert xpath(doc(docs, seed("001")), f"{H}//tei:msIdentifier/tei:collection/text()") == [
        "XIX-J-1-j Korea"
    ]


CITATION_OF_AN_UNKNOWN_ARCHIVE = (
    "“Information on the Visit of the Soviet Ambassador,” April 3, 1963, Wilson Center Digital "
    "Archive, Central Party Archive, Tirana, Fond 14, File 7. Translated by A. B. Person. "
    "https://digitalarchive.wilsoncenter.org/document/111111"
)
PAGE_HEAD = "April 3, 1963\n\nInformation on the Visit of the Soviet Ambassador\n\n"
TEXT = "The Soviet ambassador visited the embassy.\n"
# a legacy page, which states no language, and a page that states one the edition lacks
PAGES_THAT_TELL_NO_LANGUAGE = {
    "not stated": PAGE_HEAD
    + "CITATION SHARE DOWNLOAD\n\nget citation\n\nA summary.\n\n"
    + CITATION_OF_AN_UNKNOWN_ARCHIVE
    + "\n\nshare document\n\nVIEW DOCUMENT IN\n\nEnglish HTML\n\n"
    + TEXT,
    "Klingon": PAGE_HEAD
    + "Citation:\n\n"
    + CITATION_OF_AN_UNKNOWN_ARCHIVE
    + "\n\nSummary:\n\nA summary.\n\nOriginal Language:\n\nKlingon\n\n"
    + "Contents:\n\nTranslation - English\n\n"
    + TEXT,
}


@pytest.mark.parametrize("said", sorted(PAGES_THAT_TELL_NO_LANGUAGE))
def test_an_original_language_nobody_tells_is_undetermined_and_warned(tmp_path, config, said):
    """No language on the page (or one the edition does not know) and an archive not in the
    table: the document says "und" (ISO 639-2's undetermined), valid, with a warning."""
    path = tmp_path / "page.txt"
    path.write_text(PAGES_THAT_TELL_NO_LANGUAGE[said], "utf-8")
    transcript = read_transcript(path)
    tei = build_document(transcript, config, load_names(config))
    assert one(tei, f"{H}//tei:msItem/tei:textLang/@mainLang") == "und"
    assert one(tei, f"{H}//tei:msItem/tei:textLang") == said
    assert one(tei, f"{H}//tei:langUsage/tei:language[@ident='und']").startswith("Undetermined")
    assert any("recorded as undetermined (und)" in w.message for w in transcript.warnings)


def test_an_original_in_two_languages_names_both(tmp_path, config):
    """ "Original Language: Bulgarian, Russian": the page's words had been dropped for the
    archive's one language, with cert "medium"; the first stated is the main language."""
    page = PAGES_THAT_TELL_NO_LANGUAGE["Klingon"].replace("Klingon", "Bulgarian, Russian")
    path = tmp_path / "page.txt"
    path.write_text(page, "utf-8")
    tei = build_document(read_transcript(path), config, load_names(config))
    text_lang = xpath(tei, f"{H}//tei:msItem/tei:textLang")[0]
    assert (text_lang.text, text_lang.get("mainLang"), text_lang.get("otherLangs")) == (
        "Bulgarian, Russian",
        "bg",
        "ru",
    )
    assert text_lang.get("cert") is None
    assert xpath(tei, f"{H}//tei:langUsage/tei:language/@ident") == ["en", "bg", "ru"]


def test_times_of_day_in_a_conversation_record(docs):
    tei = doc(docs, fixture("page-prc-conversation-times.txt"))
    assert [(t.text, t.get("when")) for t in xpath(tei, f"{BODY}//tei:time")] == [
        ("4:00 p.m.", "16:00:00"),
        ("5:30 p.m.", "17:30:00"),
    ]  # not in the translator's remark that ends the record, which is marked up no further
    # the day is the dateline's, beside them: a time is not made a dateTime by guessing
    assert one(tei, f"{BODY}/tei:p[1]/tei:date/@when") == "1963-06-02"


def test_the_fields_of_a_conversation_record_are_its_lines(docs):
    tei = doc(docs, fixture("page-prc-conversation-times.txt"))
    paragraphs = xpath(tei, f"{BODY}/tei:p")
    assert [p.xpath("string()").split(":")[0] for p in paragraphs[:4]] == [
        "Time",
        "Location",
        "Interpreter",
        "Recorder",
    ]
    assert xpath(tei, f"{BODY}//tei:lb") == []  # the original's line breaks, not damage


def test_the_speakers_of_a_conversation_record_are_persons(docs):
    tei = doc(docs, fixture("page-prc-conversation-times.txt"))
    turns = xpath(tei, f"{BODY}/tei:sp")
    speakers = [
        (name.text, name.get("ref"), turn.get("who"), name.tail)
        for turn in turns
        for name in xpath(turn, "tei:speaker/tei:persName")
    ]
    assert [name for name, *_ in speakers] == ["Zhou", "Chervonenko", "Zhou", "Chervonenko"]
    assert speakers[1][1] == speakers[3][1] != speakers[0][1] == speakers[2][1]
    # @who points to the person the name is linked to; the colon stays in the speaker
    assert all(who == ref and tail == ":" for _, ref, who, tail in speakers)
    # each turn is one paragraph, with its id, and the speaker's words alone
    paragraphs = [xpath(turn, "tei:p") for turn in turns]
    assert all(len(p) == 1 and p[0].get(XML_ID) for p in paragraphs)
    assert not any(
        normalise(source_text(p[0])).startswith(("Zhou", "Chervonenko")) for p in paragraphs
    )


def speakers_of(tmp_path, config, turns: str) -> list[tuple[str, str | None]]:
    """Each turn's speaker label and @who, in a record whose text opens with `turns`."""
    page = (FIXTURES / "transcripts" / "pdf-export-czech-letterhead.txt").read_text("utf-8")
    body_start = page.index("Translation - English") + len("Translation - English")
    path = tmp_path / "turns.txt"
    path.write_text(page[:body_start] + turns + page[body_start:], "utf-8")
    tei = convert_path(path, config)
    assert xpath(tei, f"{BODY}//tei:speaker[. = 'I:']/*") == []  # the recorder is named so
    return [(one(sp, "tei:speaker"), sp.get("who")) for sp in xpath(tei, f"{BODY}//tei:sp")]


def test_a_speaker_s_label_is_one_person_throughout_the_record(tmp_path, config):
    """ "K.:", the recorder's initial, opens turns before and after Kim Il Sung is named: it
    stays unlinked at every turn, as at its first, not Kim Il Sung's from then on."""
    turns = (
        "\n\nOn 20 May I visited Comrade Moskovsky.\n\n"
        "M.: The Korean comrades are cooler towards us.\n\nK.: Have they said why?\n\n"
        "M.: No. Kim Il Sung only said the hall was too small.\n\nK.: We saw the same.\n"
    )
    assert speakers_of(tmp_path, config, turns) == [
        ("M.:", "#moskovsky-vasily"),
        ("K.:", None),
        ("M.:", "#moskovsky-vasily"),
        ("K.:", None),
    ]


def test_the_recorder_s_turns_are_turns_of_no_one_named(tmp_path, config):
    """ "I:" opens the recorder's turns: a turn each, its speaker "I", no name in it."""
    turns = (
        "\n\nOn 20 May I visited Comrade Moskovsky.\n\n"
        "Moskovsky: The Korean comrades are cooler towards us.\n\nI: Have they said why?\n\n"
        "Moskovsky: No.\n"
    )
    assert speakers_of(tmp_path, config, turns) == [
        ("Moskovsky:", "#moskovsky-vasily"),
        ("I:", None),
        ("Moskovsky:", "#moskovsky-vasily"),
    ]


def test_a_turn_s_paragraph_is_cited_by_the_whole_turn():
    """The registry knows a turn's paragraph by what the transcript wrote, the speaker's name
    with it, so that its id is the one it had when the name stood in the paragraph."""
    root = etree.fromstring(
        f'<TEI xmlns="{TEI_NS}"><text><body><div><sp who="#m"><speaker><persName ref="#m">'
        'Moskovsky</persName>:</speaker><p xml:id="d-p1">I will convey this.</p></sp>'
        "</div></body></text></TEI>"
    )
    assert [(kind, text) for kind, _, text in registry._units(root)] == [
        ("p", "Moskovsky: I will convey this.")
    ]


def test_a_page_without_a_summary_warns_and_has_no_abstract(tmp_path, config):
    """The legacy page's summary is the line after "get citation"; without it the document
    has no abstract: a warning at conversion and at validation, not an error that would stop
    the edition's publication."""
    text = PAGES_THAT_TELL_NO_LANGUAGE["not stated"].replace("A summary.\n\n", "")
    path = tmp_path / "page.txt"
    path.write_text(text, "utf-8")
    transcript = read_transcript(path)
    tei = build_document(transcript, config, load_names(config))
    assert xpath(tei, f"{H}/tei:profileDesc/tei:abstract") == []
    assert "the page gives no summary; the document has no abstract" in [
        w.message for w in transcript.warnings
    ]


def page_with(tmp_path, config, above: str = "", below: str = ""):
    """A page of the current layout whose text has `above` over it and `below` under it,
    converted; the transcript read, for its warnings."""
    text = PAGES_THAT_TELL_NO_LANGUAGE["not stated"].replace(TEXT, f"{above}{TEXT}{below}")
    path = tmp_path / "page.txt"
    path.write_text(text, "utf-8")
    transcript = read_transcript(path)
    return build_document(transcript, config, load_names(config)), transcript


def test_a_place_on_the_line_under_the_date_is_the_dateline_s_and_the_document_s(tmp_path, config):
    """ "July 30, 1964" / "Pyongyang": the place the document was written, linked, in the
    dateline and the header; not the document's heading."""
    tei, _ = page_with(tmp_path, config, above="July 30, 1964\n\nPyongyang\n\nMEMORANDUM\n\n")
    dateline = f"{BODY}//tei:opener/tei:dateline"
    assert one(tei, f"{dateline}/tei:placeName/@ref") == "#pyongyang"
    assert [etree.QName(e).localname for e in xpath(tei, f"{dateline}/*")] == [
        "date",
        "lb",
        "placeName",
    ]
    assert xpath(tei, f"{BODY}//tei:head/text()") == ["MEMORANDUM"]
    creation = f"{H}//tei:creation"
    assert one(tei, f"{creation}/tei:placeName") == "Pyongyang"
    assert one(tei, f"{creation}/tei:placeName/@ref") == "#pyongyang"


@pytest.mark.parametrize(
    ("lines", "term", "key"),
    [
        ("Secret, Copy No. 2", "Secret", "secret"),
        ("Copy No. 3\n\nTOP SECRET!", "TOP SECRET", "top-secret"),  # the copy is no level
        ("Strictly confidential, 4 copies", "Strictly confidential", "strictly-confidential"),
    ],
)
def test_the_classification_term_is_the_level_a_line_gives(tmp_path, config, lines, term, key):
    """A classification line may give the copy too; the header's term is the level alone, so
    that documents of one level share its key (the opener keeps the line as written)."""
    tei, _ = page_with(tmp_path, config, above=f"{lines}\n\n")
    assert one(tei, f"{H}//tei:term[@type='classification']") == term
    assert one(tei, f"{H}//tei:term[@type='classification']/@key") == key


def test_a_table_copied_with_tabs_is_a_tei_table(docs):
    """Rows whose columns the copy sets apart with tabs are a table, citable as a whole (its
    id -t1), its cells marked up as any text is."""
    tei = doc(docs, fixture("pdf-export-czech-table.txt"))
    (table,) = xpath(tei, f"{BODY}/tei:table")
    assert table.get("{http://www.w3.org/XML/1998/namespace}id") == "wcda-118300-t1"
    rows = [[cell.xpath("string()") for cell in row] for row in xpath(table, "tei:row")]
    assert rows[0] == ["Branch", "Plan", "Fulfilment"] and rows[1] == ["Coal", "100%", "91%"]
    assert len(rows) == 4
    # the first row names the columns: no figure in it, figures below it
    assert [row.get("role") for row in xpath(table, "tei:row")] == ["label", None, None, None]
    assert not [p for p in xpath(tei, f"{BODY}/tei:p") if "Coal" in p.xpath("string()")]


def test_a_section_s_number_is_no_initial_of_a_name(tmp_path, config):
    """ "I. Relations with the USSR": the section's number is kept as written and not marked
    up, so "I. Relations" is no person, nor "Relations" in "II. Relations" later."""
    page = (FIXTURES / "transcripts" / "page-prc-fma.txt").read_text("utf-8")
    text = (
        "I. Relations with the USSR\n\nThe talks went on.\n\n"
        "II. Relations with the PRC\n\nLiu Shaoqi came.\n\n"
    )
    page = page.replace("Top Secret\n\n", "Top Secret\n\n" + text, 1)
    path = tmp_path / "sections.txt"
    path.write_text(page, "utf-8")
    tei = convert_path(path, config)
    heads = xpath(tei, f"{BODY}/tei:div[@type='section']/tei:head")
    assert [(h.text, h.get("n")) for h in heads][:1] == [("I. Relations with the ", None)]
    assert xpath(tei, f"{BODY}//tei:head//tei:persName") == []
    assert [normalise(source_text(h)) for h in heads] == [
        "I. Relations with the USSR",
        "II. Relations with the PRC",
    ]


def test_a_page_dated_approximately_is_converted_with_its_date_uncertain(tmp_path, config):
    """The archive dates some pages only roughly ("Circa March 1963"): the page's date and
    the document's are the month, with cert="low", the page's words kept."""
    text = PAGES_THAT_TELL_NO_LANGUAGE["not stated"].replace("April 3, 1963", "Circa March 1963")
    path = tmp_path / "page.txt"
    path.write_text(text, "utf-8")
    tei = build_document(read_transcript(path), config, load_names(config))
    for where in ("tei:fileDesc/tei:sourceDesc/tei:bibl", "tei:profileDesc/tei:creation"):
        (date,) = xpath(tei, f"{H}/{where}/tei:date")
        assert (date.text, date.get("when"), date.get("cert")) == (
            "Circa March 1963",
            "1963-03",
            "low",
        )


@pytest.mark.parametrize(
    ("closing", "place"),
    [
        ("With communist greetings,\n\nKIM IL SUNG\n\nPyongyang, 1 April 1963", "Pyongyang"),
        ("Chinese Embassy in the DPRK\n1 April 1963", None),  # a cable's, without its place
    ],
)
def test_a_letter_dated_under_its_signature_is_of_that_date_and_place(
    tmp_path, config, closing, place
):
    """A letter may date itself under its signature ("Pyongyang, 1 April 1963"), and a cable
    under the office that sends it: that is the document's date (and place), as an opening
    dateline would be, with a warning where the archive's page gives another day."""
    tei, transcript = page_with(tmp_path, config, below=f"\n{closing}\n")
    assert one(tei, f"{BODY}/tei:closer/tei:dateline/tei:date/@when") == "1963-04-01"
    (date,) = xpath(tei, f"{H}/tei:profileDesc/tei:creation/tei:date")
    assert date.get("when") == "1963-04-01"
    assert xpath(tei, f"{H}/tei:profileDesc/tei:creation/tei:placeName/text()") == (
        [place] if place else []
    )
    dateline = closing.rsplit("\n", 1)[1]
    assert [w.message for w in transcript.warnings if "dateline" in w.message] == [
        f"the document's dateline ({dateline}) differs from the archive's date "
        "(April 3, 1963); the dateline is used"
    ]


def test_a_page_dated_by_two_dates_is_converted_with_the_range_between_them(tmp_path, config):
    text = PAGES_THAT_TELL_NO_LANGUAGE["not stated"].replace(
        "April 3, 1963", "April 3, 1963 - April 5, 1963", 1
    )  # the page's date line, not the citation's date
    path = tmp_path / "page.txt"
    path.write_text(text, "utf-8")
    tei = build_document(read_transcript(path), config, load_names(config))
    for where in ("tei:fileDesc/tei:sourceDesc/tei:bibl", "tei:profileDesc/tei:creation"):
        (date,) = xpath(tei, f"{H}/{where}/tei:date")
        assert (date.get("notBefore"), date.get("notAfter")) == ("1963-04-03", "1963-04-05")


def test_an_enclosure_is_a_division_after_the_document_s(docs):
    """A cover letter signed, then "Enclosure" alone and the record it sends: the letter's
    closer ends its division, and the record is laid out in one of its own."""
    tei = doc(docs, fixture("page-cover-letter-enclosure.txt"))
    body = "/tei:TEI/tei:text/tei:body"
    assert [d.get("type") for d in xpath(tei, f"{body}/tei:div")] == ["document", "enclosure"]
    assert normalise(one(tei, f"{BODY}/tei:closer/tei:signed")) == "J. Brzeziński"
    enclosure = f"{body}/tei:div[@type='enclosure']"
    assert [normalise(source_text(h)) for h in xpath(tei, f"{enclosure}/tei:head")] == [
        "Enclosure",
        "RECORD of conversation with Ambassador V. Moskovsky on 20 January 1964",
    ]
    assert len(xpath(tei, f"{enclosure}/tei:p")) == 2
    signed = one(tei, f"{enclosure}/tei:closer/tei:signed")
    assert normalise(signed) == "Drawn up by: J. Brzeziński"
    assert xpath(tei, f"{enclosure}//tei:persName/@ref") == [
        "#moskovsky-vasily",
        "#moskovsky-vasily",
        "#brzezinski-j",
    ]


# Copies that read alike with their blank lines and without them (a PDF export's page
# furniture, which splits its text into blocks anyway, and lists are not yet among them)
WITHOUT_BLANK_LINES = [
    *SEEDS,
    *(
        p
        for p in FIXTURE_TRANSCRIPTS
        if p.name
        in {
            "legacy-page-mol.txt",
            "page-cover-letter-enclosure.txt",
            "page-gdr-letterhead.txt",
            "page-journal-unnumbered-page.txt",
            "page-other-scripts.txt",
            "page-prc-conversation-times.txt",
            "page-soviet-journal.txt",
            "page-translator-notes.txt",
            "pdf-export-amsz.txt",
            "pdf-export-czech-letterhead.txt",
        }
    ),
]


@pytest.mark.parametrize("path", WITHOUT_BLANK_LINES, ids=lambda p: p.name)
def test_a_copy_that_lost_its_blank_lines_reads_as_the_page(path, docs, config, tmp_path):
    """A copy may lose the blank lines between paragraphs (each paragraph a long line, the
    opening and closing lines short ones): the text and the summary are read as from the
    page. Only where a sentence was cut across a blank line does the break lose its kind."""
    copy = tmp_path / path.name
    lines = path.read_text(encoding="utf-8").splitlines()
    copy.write_text("\n".join(line for line in lines if line.strip()) + "\n", encoding="utf-8")
    tree = convert_path(copy, config)

    def read(tree, expression):
        (found,) = xpath(tree, expression)
        return etree.tostring(found, encoding="unicode").replace(' type="paragraph-break"', "")

    original = docs[path.name]
    assert read(tree, "/tei:TEI/tei:text") == read(original, "/tei:TEI/tei:text")
    abstract = f"{H}/tei:profileDesc/tei:abstract"
    assert read(tree, abstract) == read(original, abstract)


def test_who_compiled_and_typed_a_report_are_bylines_naming_them(tmp_path, config):
    """ "Compiled by: Kádas István" at a report's head is a statement of responsibility,
    <byline>, and its name is a person's (in Hungarian order, surname first), as a
    signature's would be; a heading that begins with the document's kind may run long."""
    lines = (
        "Top secret!\nCompiled by: Kádas István\nTyped by: Szabó Éva\n\n"
        "Record of a conversation with Chairman of the Presidium of the DPRK Supreme "
        "People's Assembly Choe Yong-geon"
    )
    tei, _ = page_with(tmp_path, config, above=f"{lines}\n\n")
    opener = f"{BODY}/tei:opener"
    assert [normalise(source_text(b)) for b in xpath(tei, f"{opener}/tei:byline")] == [
        "Compiled by: Kádas István",
        "Typed by: Szabó Éva",
    ]
    assert xpath(tei, f"{opener}/tei:byline/tei:persName/@ref") == [
        "#kadas-istvan",
        "#szabo-eva",
    ]
    assert one(tei, f"{BODY}/tei:head").startswith("Record of a conversation with Chairman")


def test_who_wrote_and_typed_a_report_under_its_signature_are_the_closer_s_segments(
    tmp_path, config
):
    """Under the signature, "Written by: …" and "Typed by: …" are the closer's: a closer
    holds no byline, so each is <seg type="responsibility">, its name a person's. A wife's
    name in Hungarian, "Kovács Józsefné" (Mrs József Kovács), is no mention of József Kovács,
    whom the registers know."""
    lines = "Fendler Károly\nambassador\n\nWritten by: Fendler Károly\nTyped by: Kovács Józsefné"
    tei, _ = page_with(tmp_path, config, below=f"\n\n{lines}")
    closer = f"{BODY}/tei:closer"
    assert [normalise(source_text(s)) for s in xpath(tei, f"{closer}/tei:seg")] == [
        "Written by: Fendler Károly",
        "Typed by: Kovács Józsefné",
    ]
    assert xpath(tei, f"{closer}/tei:seg/@type") == ["responsibility"] * 2
    assert xpath(tei, f"{closer}/tei:seg/tei:persName/@ref") == [
        "#fendler-karoly",
        "#kovacs-jozsefne",
    ]


@pytest.mark.parametrize(
    ("source", "translators"),
    [
        (
            "AMSZ, Szyfrogramy z Phenianu, 1964, 6/77. Obtained by Jakub Poprocki.",
            ["Jakub Poprocki"],
        ),
        ("AMSZ, Szyfrogramy z Phenianu, 1964, 6/77. Translated by Anna Nowak.", ["Anna Nowak"]),
    ],
)
def test_a_credit_under_the_text_names_the_translator_the_source_line_does_not(
    tmp_path, config, source, translators
):
    """ "Translated by …" under the text gives the header's translator where the source line
    names none; where it names one, the source line's stands."""
    text = (
        "Skip to content\n\nJanuary 21, 1964\n\nCiphered Telegram from Pyongyang\n\n"
        "Moskovsky told me that the Korean side refused to sign the protocol.\n\n"
        "Brystygier\n\nTranslated by Jakub Poprocki.\n\n"
        f"Document Information\n\nSource\n\n{source}\n"
    )
    path = tmp_path / "page.txt"
    path.write_text(text, "utf-8")
    tei = build_document(read_transcript(path), config, load_names(config))
    assert xpath(tei, f"{H}//tei:respStmt[tei:resp='translation']/tei:persName/text()") == (
        translators
    )
    assert "Translated by" not in "".join(xpath(tei, "//tei:text//text()"))
