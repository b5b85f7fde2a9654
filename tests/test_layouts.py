"""The reader: each page layout yields the right fields, and furniture is not text."""

from pathlib import Path

import pytest
from conftest import FIXTURES, SEEDS

from teiedition.errors import InputError
from teiedition.markup.blocks import structure
from teiedition.readers import Layout, read_transcript
from teiedition.readers.layouts import read_transcript_text
from teiedition.readers.transcript import Field

T = FIXTURES / "transcripts"


def seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


def test_current_page_layout():
    t = read_transcript(seed("000"))
    assert t.layout is Layout.PAGE
    assert t.page_date.text == "November 1, 1962"
    assert t.title.text.startswith("Józef Dryglas, 'Record of Conversation")
    assert [f.text for f in t.funders] == ["Kyungnam University"]  # named twice, one funder
    assert t.summary.text.startswith("Moskovsky advised Pak Geum-cheol")
    assert t.source_line.text.startswith("AMSZ, Department II")
    assert len(t.rights) == 2
    assert t.body[0].text == "Att. to: D.II-Kor-O-0862/11/63"
    assert not t.unrecognised and not t.warnings


def test_type_line_after_upload_date():
    t = read_transcript(seed("004"))
    assert t.document_type.text == "Memorandum of Conversation"
    assert t.uploaded_date is None and t.record_id is None


def test_pdf_export_layout():
    t = read_transcript(seed("003"))
    assert t.layout is Layout.PDF_EXPORT
    assert t.record_id.text == "110485"
    assert t.url == "https://digitalarchive.wilsoncenter.org/document/110485"
    assert t.original_language.text == "Russian"
    assert t.summary.text.startswith("The Soviet Ambassador to Pyongyang reports")
    assert t.source_line.text.startswith("Archive of the Foreign Policy of the Russian Federation")
    assert t.body[0].text == "14 August 1962"  # "Translation - English" is furniture


def test_pdf_export_with_credits():
    t = read_transcript(T / "pdf-export-amsz.txt")
    assert t.layout is Layout.PDF_EXPORT
    assert [f.text for f in t.funders] == ["Kyungnam University"]
    assert t.original_language.text == "Polish"
    assert t.body[0].text == "Ciphergram No 11583"


def test_a_pdf_export_s_running_heads_are_furniture():
    """Text copied from the PDF brings its running head and page count with every page;
    they are no text, and a page break is no paragraph's end."""
    text = (T / "pdf-export-amsz.txt").read_text("utf-8")
    head = "Wilson Center Digital Archive\nOriginal Scan\n\n"
    page_break = "\nPage 1 of 2\nWilson Center Digital Archive Translation - English\n\f"
    body_start = text.index("Ciphergram No 11583")
    paged = (
        head
        + text[:body_start]
        + "Ciphergram No 11583"
        + page_break
        + text[body_start + len("Ciphergram No 11583") :]
    )
    t = read_transcript_text(paged, Path("x.txt"))
    plain = read_transcript_text(text, Path("x.txt"))
    assert t.title == Field(plain.title.text, plain.title.line + 3)  # three lines more above
    assert not t.warnings
    body = [f.text.strip() for f in t.body if f.text.strip()]
    assert body == [f.text.strip() for f in plain.body if f.text.strip()]
    assert {"Page 1 of 2", "Original Scan"} <= {f.text for f in t.furniture}


def test_a_pdf_export_copied_without_blank_lines_runs_on_across_its_page_breaks():
    """A copy that lost its blank lines has none where a page break was: the running head
    dropped, "… the Yugoslav leader-" / "ship. He did not comment." / "The talk …" are
    one paragraph's lines over the next, as if the page had not broken."""
    text = (T / "pdf-export-amsz.txt").read_text("utf-8")
    page_break = "\nPage 1 of 2\nWilson Center Digital Archive Translation - English\n"
    text = text.replace(
        "Ciphergram No 11583",
        f"Ciphergram No 11583\n\nHe spoke of the leader-{page_break}ship. He said no more.\n"
        "The talk was friendly and lasted an hour and a half at the embassy in Pyongyang.",
        1,
    )
    lost = "\n".join(line for line in text.split("\n") if line.strip())
    t = read_transcript_text(lost, Path("x.txt"))
    lines = [f.text for f in t.body]
    at = lines.index("He spoke of the leader-")
    assert lines[at : at + 2] == ["He spoke of the leader-", "ship. He said no more."]
    assert {"Page 1 of 2"} <= {f.text for f in t.furniture}
    texts = [block.text for block in structure(t.body, 1963).main]
    assert "He spoke of the leader-ship. He said no more." in texts
    assert texts[texts.index("He spoke of the leader-ship. He said no more.") + 1].startswith(
        "The talk was friendly"
    )


def test_a_record_id_that_is_no_number_is_not_the_record_id():
    """A label "Record ID" over the summary (a page copied out of order) gave the document
    the id "wcda-Moskovsky records …", which is no XML name: conversion stopped."""
    text = (T / "pdf-export-amsz.txt").read_text("utf-8")
    text = text.replace("Summary:\n\n", "Summary:\n\nRecord ID\n\n")
    t = read_transcript_text(text, Path("x.txt"))
    assert t.record_id.text == "117654"  # from the citation's address, as without the field
    assert any("not recognised" in w.message for w in t.warnings)


@pytest.mark.parametrize(
    ("name", "last", "record"),
    [
        ("pdf-export-amsz.txt", "Brodowski", "117654"),
        ("legacy-page-mol.txt", "Károly Fendler", "116444"),
    ],
)
def test_a_page_followed_by_the_page_s_document_information_block(
    name: str, last: str, record: str
):
    """A copy of an export or an older page that took the "Document Information" block
    beside the text after it: the block is the page's back matter, as in the current page,
    not text (an older page's copy had made "Original Uploaded Date" a paragraph and the
    upload date an entry's dateline)."""
    text = (T / name).read_text("utf-8").rstrip("\n") + (
        "\n\nDocument Information\n\n\nAMSZ, Z-10, w. 4, t. 22.\n\n"
        f"Original Uploaded Date\n\n2014-05-12\n\nRecord ID\n\n{record}\n"
    )
    t = read_transcript_text(text, Path("x.txt"))
    assert t.body[-1].text == last
    assert t.source_line.text == "AMSZ, Z-10, w. 4, t. 22."
    assert t.uploaded_date.text == "2014-05-12"
    assert t.record_id.text == record
    assert not t.unrecognised


def test_faceted_page_layout():
    t = read_transcript(T / "faceted-page-rgani.txt")
    assert t.layout is Layout.FACETED_PAGE
    assert t.summary.text.startswith("Moskovsky and Siedlecki discuss")
    assert [a.text for a in t.authors] == ["Moskovsky, Vasily Petrovich"]
    assert [f.text for f in t.facets["Associated Places"]] == ["Korea (North)", "Poland"]
    assert t.facets["Related Documents"][0].text.startswith("Memorandum of Conversation")
    assert t.source_line.text.startswith("RGANI, fond 5")
    assert t.original_archive.text == "Russian State Archive of Contemporary History"
    assert t.uploaded_date.text == "2013-05-02"
    assert t.document_type.text == "Record of Conversation"
    assert t.original_language.text == "Russian"
    assert t.record_id.text == "119876"
    assert t.classification.text == "Strictly Secret"
    assert [f.text for f in t.funders] == ["Korea Foundation"]
    assert not t.unrecognised


def test_legacy_page_layout_takes_title_and_date_from_the_citation():
    t = read_transcript(T / "legacy-page-mol.txt")
    assert t.layout is Layout.LEGACY_PAGE
    assert (
        t.title.text
        == "Report, Embassy of Hungary in North Korea to the Hungarian Foreign Ministry"
    )
    assert t.page_date.text == "March 20, 1963"
    assert t.summary.text.startswith("The Hungarian Embassy reports")
    assert t.source_line.text.startswith("MOL, XIX-J-1-j Korea")
    assert t.record_id.text == "116444"
    assert t.body[0].text.startswith("On 18 March I visited")  # "English HTML" is furniture


def test_the_views_a_legacy_page_offers_are_its_furniture(tmp_path):
    """Under "VIEW DOCUMENT IN" the page lists each view of the record: "English HTML", and
    the original's scan in its language ("Czech Original Scan"), as it does the PDF's."""
    page = (T / "legacy-page-mol.txt").read_text("utf-8")
    page = page.replace("English HTML\n", "English HTML\n\nHungarian Original Scan\n", 1)
    assert "Hungarian Original Scan" in page
    path = tmp_path / "views.txt"
    path.write_text(page, "utf-8")
    t = read_transcript(path)
    assert t.body[0].text.startswith("On 18 March I visited")
    assert "Hungarian Original Scan" in {f.text for f in t.furniture}


def test_legacy_page_with_title_lines():
    t = read_transcript(T / "legacy-page-titled-aipn.txt")
    assert t.title.text == "Note on a Conversation with the Soviet Ambassador in Pyongyang"
    assert t.page_date.line == 1


@pytest.mark.parametrize(
    "path", [seed("003"), T / "pdf-export-amsz.txt", T / "legacy-page-titled-aipn.txt"]
)
def test_skip_link_before_a_landmark_layout_is_furniture(path):
    """A copy of the page may begin with the site's "Skip to content" in any layout: it is
    neither the title nor the date line, and everything else is read as without it."""
    plain = read_transcript(path)
    linked = read_transcript_text("Skip to content\n\n" + path.read_text("utf-8"), path)
    assert linked.layout is plain.layout
    assert linked.title.text == plain.title.text
    assert linked.page_date.text == plain.page_date.text
    assert [f.text for f in linked.body] == [f.text for f in plain.body]
    assert not linked.unrecognised and not linked.warnings
    assert linked.furniture[0].text == "Skip to content"


def test_the_site_s_navigation_before_the_date_is_furniture():
    """A copy may take the site's name, menu and trail of links between "Skip to content"
    and the date: a few short lines, furniture; the page is read as without them."""
    page = seed("000").read_text("utf-8")
    assert page.startswith("Skip to content")
    navigation = "Wilson Center Digital Archive\nSearch\nBrowse\nHome / Collections / Korea\n\n"
    copied = read_transcript_text(
        page.replace("Skip to content\n", f"Skip to content\n{navigation}", 1), Path("x.txt")
    )
    plain = read_transcript(seed("000"))
    assert (copied.title.text, copied.page_date.text) == (plain.title.text, plain.page_date.text)
    assert [f.text for f in copied.body] == [f.text for f in plain.body]
    assert [f.text for f in copied.furniture[:5]] == [
        "Skip to content",
        "Wilson Center Digital Archive",
        "Search",
        "Browse",
        "Home / Collections / Korea",
    ]
    # without a date after a few short lines, the line after the link is the date line
    with pytest.raises(InputError, match="expected the page's date line, found 'Search'"):
        read_transcript_text("Skip to content\nSearch\n\nA title\n\nText.\n", Path("x.txt"))


@pytest.mark.parametrize("path", [T / "legacy-page-mol.txt", T / "pdf-export-amsz.txt"])
def test_lines_before_the_landmarks_without_a_date_are_no_title(path):
    """The site's lines a copy took before the landmarks of layouts (b) and (d) are no
    title: title and date come from the citation. Under "Skip to content" a few short lines
    are the site's name and menu, furniture as above a current page's date; without the
    link, or longer, they are kept and reported."""
    plain = read_transcript(path)
    site = "Wilson Center Digital Archive\nSearch\n\n"
    copied = read_transcript_text("Skip to content\n" + site + path.read_text("utf-8"), path)
    assert (copied.title.text, copied.page_date.text) == (plain.title.text, plain.page_date.text)
    assert [f.text for f in copied.body] == [f.text for f in plain.body]
    assert not copied.unrecognised and len(copied.warnings) == len(plain.warnings)
    assert {"Wilson Center Digital Archive", "Search"} <= {f.text for f in copied.furniture}
    for text in (site, "Skip to content\n" + "A line of the page, not the site's own. " * 3):
        copied = read_transcript_text(f"{text}\n\n" + path.read_text("utf-8"), path)
        # kept and reported, but for a PDF's running head, furniture as on every page
        kept = [f.text for f in copied.unrecognised]
        assert kept and len(copied.warnings) == len(plain.warnings) + len(kept)


def test_the_site_s_lines_after_the_page_are_no_funders():
    """A copy may run on past the page into the site's foot ("Share", its address): those
    lines are kept and reported, not made funders; a funder's name is one there."""
    page = seed("000").read_text("utf-8")
    foot = "\nShare\nPrint\n\nWilson Center\nOne Woodrow Wilson Plaza\nThe Henry Luce Foundation\n"
    copied = read_transcript_text(page + foot, Path("x.txt"))
    plain = read_transcript(seed("000"))
    assert [f.text for f in copied.funders] == [f.text for f in plain.funders] + [
        "The Henry Luce Foundation"
    ]
    assert [f.text for f in copied.unrecognised] == [
        "Share",
        "Print",
        "Wilson Center",
        "One Woodrow Wilson Plaza",
    ]


def test_furniture_is_never_body_text():
    furniture = {
        "Skip to content",
        "Document Information",
        "Citation:",
        "Summary:",
        "Translation - English",
        "CITATION SHARE DOWNLOAD",
        "get citation",
        "share document",
        "VIEW DOCUMENT IN",
        "English HTML",
        "Original Uploaded Date",
        "Record ID",
        "Author(s):",
    }
    for path in [*SEEDS, *sorted(T.glob("*.txt"))]:
        t = read_transcript(path)
        assert not furniture & {line.text.strip() for line in t.body}, path.name
        assert t.summary is None or t.summary.text not in {line.text for line in t.body}


def test_seeds_are_byte_identical_to_the_shared_copies():
    shared = SEEDS[0].parent.parent.parent / "shared" / "seeds"
    if not shared.is_dir():
        import pytest

        pytest.skip(f"no shared seeds at {shared} to compare with")
    assert sorted(p.name for p in shared.glob("*.txt")) == [p.name for p in SEEDS]
    for path in SEEDS:
        assert path.read_bytes() == (shared / path.name).read_bytes(), path.name


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lines_end_at_any_newline_and_keep_their_numbers(newline):
    text = newline.join(seed("000").read_text("utf-8").split("\n"))
    transcript = read_transcript_text(text, Path("x.txt"))
    expected = read_transcript_text(seed("000").read_text("utf-8"), Path("x.txt"))
    assert [(f.text, f.line) for f in transcript.body] == [(f.text, f.line) for f in expected.body]
    assert transcript.title.line == expected.title.line


@pytest.mark.parametrize("hidden", ["\u00ad", "\u200b", "\u2060", "\ufeff"])
def test_what_a_copied_page_hides_inside_words_is_removed(hidden):
    """A soft hyphen or a zero-width space inside "Pyongyang" would hide the place from the
    names; the lines keep their numbers."""
    original = seed("000").read_text("utf-8")
    text = original.replace("Pyongyang", f"Pyong{hidden}yang").replace("the ", f"the{hidden} ")
    assert text != original
    transcript = read_transcript_text(text, Path("x.txt"))
    expected = read_transcript_text(original, Path("x.txt"))
    assert [(f.text, f.line) for f in transcript.body] == [(f.text, f.line) for f in expected.body]


def test_a_page_copied_without_its_end_keeps_its_last_block_as_text():
    """The summary stands just before "Document Information"; where the copy stops before that
    landmark, the last block is the document's own (a signature, a distribution list), not a
    summary, and the reader says what it did."""
    text = (
        "Skip to content\n\nMay 20, 1963\n\nA Note on Deliveries\n\n"
        "The Soviet Union delivered oil.\n\nPrepared in 4 copies:\n1 - Dept. I\n"
    )
    t = read_transcript_text(text, Path("cut.txt"))
    assert t.summary is None
    assert [f.text for f in t.body if f.text][-2:] == ["Prepared in 4 copies:", "1 - Dept. I"]
    assert [w.line for w in t.warnings] == [10]  # the page's last line
    assert "without 'Document Information'" in t.warnings[0].message


@pytest.mark.parametrize("funder_first", [True, False])
def test_an_author_facet_above_the_text_is_the_author(funder_first):
    """A page may set its "Author(s):" facet under the title, above the funder sentence or
    below it; its lines are the authors, and the text below them is the document's, not
    facets (it was lost, and the page refused as having no text)."""
    funder = "This document was made possible with support from Kyungnam University\n\n"
    author = "Author(s):\n\nRomanian Embassy in Pyongyang\n\n"
    text = (
        "Skip to content\n\nMarch 9, 1963\n\nReport on a Reception\n\n"
        + (funder + author if funder_first else author + funder)
        + "Telegram\n\nOn 23 February Ambassador Moskovsky gave a reception.\n\n"
        "Ion Popescu\n\nA Romanian account of a reception.\n\n"
        "Document Information\n\nSource\n\nRomanian MFA Archives, Folder 1/1963.\n"
    )
    t = read_transcript_text(text, Path("author.txt"))
    assert [a.text for a in t.authors] == ["Romanian Embassy in Pyongyang"]
    assert [f.text for f in t.funders] == ["Kyungnam University"]
    assert [f.text for f in t.body if f.text] == [
        "Telegram",
        "On 23 February Ambassador Moskovsky gave a reception.",
        "Ion Popescu",
    ]
    assert t.summary is not None and t.summary.text == "A Romanian account of a reception."


def test_a_copy_without_blank_lines_keeps_authors_text_and_summary_apart():
    """Without its blank lines a page's "Author(s):" facet runs into the text (the page was
    refused, the authors taking it all), and the summary into the text's last paragraph:
    the authors are the first line and those written as a catalogue writes names, the
    summary is the text's last line."""
    paragraph = (
        "On 23 February Ambassador Moskovsky gave a reception for the diplomatic corps. " * 2
    )
    text = (
        "Skip to content\nMarch 9, 1963\nReport on a Reception\n"
        "This document was made possible with support from Kyungnam University\n"
        "Author(s):\nRomania. Embassy (Korea (North))\nPopescu, Ion\n"
        f"Embassy of Romania\n{paragraph}\n{paragraph}\nIon Popescu\n"
        "A Romanian account of a reception.\n"
        "Document Information\nSource\nRomanian MFA Archives, Folder 1/1963.\n"
    )
    t = read_transcript_text(text, Path("author.txt"))
    assert [a.text for a in t.authors] == ["Romania. Embassy (Korea (North))", "Popescu, Ion"]
    assert (t.body[0].text, t.body[-1].text) == ("Embassy of Romania", "Ion Popescu")
    assert t.summary is not None and t.summary.text == "A Romanian account of a reception."


def test_a_no_break_space_is_a_space_to_the_reader():
    """A copied page may put no-break spaces where plain ones were: its landmarks and fields
    read as they would with plain ones (the funder sentence was taken for a heading)."""
    text = (
        "Skip to content\n\nMarch\u00a09, 1963\n\nReport on\u00a0a Reception\n\n"
        "This document was\u00a0made possible with support from Kyungnam\u202fUniversity\n\n"
        "On 23 February Ambassador Moskovsky gave a reception.\n\n"
        "A Romanian account of a reception.\n\n"
        "Document\u00a0Information\n\nSource\n\nRomanian MFA Archives, Folder 1/1963.\n"
    )
    t = read_transcript_text(text, Path("nbsp.txt"))
    assert t.title.text == "Report on a Reception"
    assert [f.text for f in t.funders] == ["Kyungnam University"]
    assert [f.text for f in t.body if f.text] == [
        "On 23 February Ambassador Moskovsky gave a reception."
    ]
    assert t.source_line is not None and t.source_line.text.startswith("Romanian MFA")


def _page_ending(*blocks: str) -> str:
    """A current page whose text ends with `blocks`, before "Document Information"."""
    return (
        "Skip to content\n\nJanuary 21, 1964\n\nCiphered Telegram from Pyongyang\n\n"
        "Moskovsky told me that the Korean side refused to sign the protocol.\n\n"
        + "\n\n".join(blocks)
        + "\n\nDocument Information\n\nSource\n\nAMSZ, Szyfrogramy z Phenianu, 1964, 6/77.\n"
    )


@pytest.mark.parametrize(
    "signature", ["Brystygier", "(V. MOSKOVSKY)", "J. Kohout\nChargé d'affaires a.i."]
)
def test_a_signature_before_the_facets_is_the_text_s_not_a_summary(signature):
    """A page without a summary ends its text with the signature: no sentence, no summary."""
    t = read_transcript_text(_page_ending(signature), Path("signed.txt"))
    assert t.summary is None
    assert t.body[-1].text == signature.split("\n")[-1]


@pytest.mark.parametrize(
    "notes",
    [
        ("* The loan of 1957 amounted to 300 million rubles.",),
        ("Notes:", "* The loan of 1957 amounted to 300 million rubles."),
        ("[1] The loan of 1957 amounted to 300 million rubles.",),
    ],
)
def test_a_note_before_the_facets_is_the_text_s_not_a_summary(notes):
    t = read_transcript_text(_page_ending("Brystygier", *notes), Path("noted.txt"))
    assert t.summary is None
    assert t.body[-1].text == notes[-1]


@pytest.mark.parametrize("summary", [None, "A Polish cable on the protocol."])
def test_a_credit_under_the_text_is_neither_text_nor_summary(summary):
    """ "Translated by Jakub Poprocki." under the signature, over the summary or in its place,
    is the page's credit: kept apart from both."""
    blocks = ["Brystygier", "Translated by Jakub Poprocki.", *([summary] if summary else [])]
    t = read_transcript_text(_page_ending(*blocks), Path("credit.txt"))
    assert [f.text for f in t.credits] == ["Translated by Jakub Poprocki."]
    assert t.body[-1].text == "Brystygier"
    assert (t.summary.text if t.summary else None) == summary


def test_a_sentence_of_the_text_that_begins_as_a_credit_stays_text():
    sentence = "Translated by the embassy, the note was sent to Moscow."
    t = read_transcript_text(_page_ending(sentence, "A summary."), Path("sentence.txt"))
    assert t.credits == [] and t.body[-1].text == sentence
