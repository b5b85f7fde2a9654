"""The print edition, checked with real PDF tools: pypdf's text extraction, poppler's pdffonts,
pdftotext and pdftoppm. Every paragraph is in the PDF, fonts are embedded, bookmarks mirror
the contents, index pages hold the names, builds are byte-identical, PDF/A and tagged."""

import dataclasses
import io
import os
import re
import shutil
import subprocess

import pytest
from conftest import NS, ROOT, make_edition
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from pypdf import PdfReader

from teiedition.config import load_config
from teiedition.errors import TeieditionError
from teiedition.markup.text import normalise, reading_text
from teiedition.publish.pdf import PdfPublisher, publish_pdf

REVIEW = ROOT / "output" / "print-review"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1763769600")
    out = tmp_path_factory.mktemp("pdf")
    report = publish_pdf(load_config(ROOT / "edition.toml"), out)
    return out, report


def words(text: str) -> list[str]:
    """The words of `text`, letters only: hyphens are dropped on both sides because Typst
    hyphenates at line ends, and digits because footnote marks run into the word before."""
    return re.findall(r"[^\W\d_]+", re.sub(r"-\s*", "", text.lower()))


def in_order(expected: list[str], stream: list[str]) -> bool:
    """Whether `expected` occurs in `stream` as a subsequence."""
    remaining = iter(stream)
    return all(word in remaining for word in expected)


def volume_text(out) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(out / "edition.pdf").pages)


def test_every_paragraph_is_in_the_volume(built):
    out, _ = built
    stream = words(volume_text(out))
    for path in sorted((ROOT / "tei" / "documents").glob("*.xml")):
        root = etree.parse(str(path))
        for paragraph in root.xpath("//tei:body//tei:p", namespaces=NS):
            expected = words(normalise(reading_text(paragraph, notes=False)))
            # in order; footnotes, running heads and page numbers may come between
            assert in_order(expected, stream), f"{path.stem}: {' '.join(expected[:8])}…"


def test_corrections_and_source_notes_are_footnotes(built):
    out, _ = built
    text = " ".join(volume_text(out).split())
    assert "The copied page reads “II”." in text
    assert "Translated by Sergey Radchenko" in text
    assert "Archive of Foreign Policy of the Russian Federation, fond 0102, opis 18" in text


def test_all_fonts_are_embedded(built):
    out, _ = built
    if not shutil.which("pdffonts"):
        pytest.skip("pdffonts (poppler-utils) is not installed; .ci/run installs it")
    for pdf in [out / "edition.pdf", *sorted((out / "documents").glob("*.pdf"))]:
        listing = subprocess.run(
            ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert listing, pdf.name
        for line in listing:
            assert re.search(r"\byes\s+yes\s+yes\b", line), f"{pdf.name}: {line}"


def test_bookmarks_mirror_the_contents(built):
    out, _ = built
    reader = PdfReader(out / "edition.pdf")
    titles = [item["/Title"] for item in reader.outline if not isinstance(item, list)]
    assert titles[:3] == ["Introduction", "Abbreviations", "Persons"]
    assert titles[-2:] == ["Index of persons", "Index of places"]
    documents = titles[3:-2]
    assert [t.split(". ", 1)[0] for t in documents] == ["1", "2", "3", "4", "5"]
    assert documents[0].startswith("1. Memorandum of Conversation between Soviet Ambassador")
    contents = " ".join(reader.pages[2].extract_text().split())
    assert contents.startswith("Contents")
    for title in titles:
        assert title[:30] in contents, title


def test_running_heads_carry_the_part_and_the_page(built):
    """A page that begins a part has no running head; every other page of a part has the
    part's short title and the page number."""
    out, _ = built
    reader = PdfReader(out / "edition.pdf")
    starts = {}
    for item in reader.outline:
        if not isinstance(item, list):
            starts[reader.get_destination_page_number(item) + 1] = item["/Title"]
    part = None
    for number, page in enumerate(reader.pages, 1):
        if number < min(starts):
            continue
        first_line = " ".join(page.extract_text().splitlines()[0].split())
        if number in starts:
            part = starts[number]
            assert first_line.startswith(part[:25]), (number, first_line)
        else:
            head, page_number = first_line.rsplit(" ", 1)
            assert page_number == str(number), (number, first_line)
            assert part.startswith(head.rstrip("…")), (number, head, part)


def index_entries(reader: PdfReader, heading: str) -> dict[str, list[int]]:
    for page in reversed(reader.pages):  # the contents page names the index too
        text = page.extract_text()
        if heading in text:
            entries = {}
            for line in text.split(heading, 1)[1].splitlines():
                match = re.match(r"(.*?),\s*((?:\d+(?:,\s*)?)+)$", line.strip())
                if match:
                    entries[match.group(1)] = [int(p) for p in re.findall(r"\d+", match.group(2))]
            return entries
    raise AssertionError(f"no {heading}")


@pytest.mark.parametrize(
    ("heading", "entry", "name"),
    [
        ("Index of persons", "Han Sorya", "Han Sorya"),
        ("Index of persons", "Gromyko, Andrei Andreyevich", "Gromyko"),
        ("Index of persons", "Castro, Fidel", "Castro"),
        ("Index of persons", "Suslov, Mikhail Andreyevich", "Suslov"),
        ("Index of places", "Paektu Mountain", "Paektu"),
        ("Index of places", "Uzbekistan", "Uzbekistan"),
    ],
)
def test_index_pages_hold_the_name(built, heading, entry, name):
    out, _ = built
    reader = PdfReader(out / "edition.pdf")
    pages = index_entries(reader, heading)[entry]
    assert pages
    for page in pages:
        assert name in reader.pages[page - 1].extract_text(), f"{entry}: page {page}"


def test_metadata_pdfa_and_tags(built):
    out, _ = built
    reader = PdfReader(out / "edition.pdf")
    info = reader.metadata
    assert info["/Title"] == "Ambassador V. P. Moskovsky in Pyongyang, 1962–1964"
    assert info["/Author"] == "The teiedition editors" and "North Korea" in info["/Keywords"]
    assert info["/Subject"].startswith("Soviet, Polish, Hungarian")  # the subtitle
    catalog = reader.trailer["/Root"]
    xmp = catalog["/Metadata"].get_object().get_data()
    assert b"pdfaid" in xmp and b"2" in xmp
    assert bool(catalog["/MarkInfo"]["/Marked"])  # tagged for accessibility
    assert "/StructTreeRoot" in catalog and catalog.get("/Lang") == "en"


def test_building_twice_gives_identical_pdfs(built, tmp_path):
    out, _ = built
    again = tmp_path / "again"
    publish_pdf(load_config(ROOT / "edition.toml"), again)
    for pdf in [out / "edition.pdf", *sorted((out / "documents").glob("*.pdf"))]:
        assert pdf.read_bytes() == (again / pdf.relative_to(out)).read_bytes(), pdf.name


def test_one_pdf_per_document(built):
    out, _report = built
    documents = sorted((out / "documents").glob("*.pdf"))
    assert [p.stem for p in documents] == sorted(
        p.stem for p in (ROOT / "tei" / "documents").glob("*.xml")
    )
    text = PdfReader(documents[0]).pages[0].extract_text()
    assert "Report, Embassy of Hungary" in text
    # a name is text like any other: no space is added before the punctuation that follows it
    assert "Comrade V.P. Moskovsky, the new Soviet Ambassador" in " ".join(text.split())


def test_a_large_edition_is_split_into_volumes(tmp_path):
    config = make_edition(tmp_path / "edition")
    shutil.copytree(ROOT / "tei" / "documents", config.documents_dir)
    config = dataclasses.replace(config, volume_size=2)
    report = publish_pdf(config, tmp_path / "pdf")
    volumes = sorted((tmp_path / "pdf").glob("edition-volume-*.pdf"))
    assert [v.name for v in volumes] == [f"edition-volume-{n}.pdf" for n in (1, 2, 3)]
    first = " ".join(PdfReader(volumes[0]).pages[2].extract_text().split())
    assert "1. Memorandum" in first and "2. Report" in first and "3. " not in first
    assert report.pages == sum(len(PdfReader(v).pages) for v in volumes)


def edition_whose_second_document_begins(tmp_path, text: str):
    """A copy of the edition's TEI whose second document's first paragraph begins `text`:
    (its config, that document)."""
    config = make_edition(tmp_path / "edition")
    shutil.copytree(ROOT / "tei" / "documents", config.documents_dir)
    document = sorted(config.documents_dir.glob("*.xml"))[1]
    tree = etree.parse(str(document))
    tree.find(".//tei:body//tei:p", NS).text = text
    tree.write(str(document), encoding="utf-8")
    return config, document


def test_korean_and_chinese_script_print_in_noto_sans_cjk(tmp_path):
    config, document = edition_whose_second_document_begins(
        tmp_path, "Kim Il Sung (김일성, 金日成) said: "
    )
    publish_pdf(config, tmp_path / "pdf")
    pdf = tmp_path / "pdf" / "documents" / f"{document.stem}.pdf"
    assert "Kim Il Sung (김일성, 金日成) said:" in " ".join(
        PdfReader(pdf).pages[0].extract_text().split()
    )
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "NotoSansKR" in fonts


def test_a_character_no_font_has_is_named_and_other_documents_still_print(tmp_path):
    config, broken = edition_whose_second_document_begins(
        tmp_path, "A word in Amharic (ሰላም) said: "
    )
    with pytest.raises(TeieditionError) as raised:
        publish_pdf(config, tmp_path / "pdf")
    message = str(raised.value)
    assert f"{broken}: typst could not lay it out" in message and "ሰ" in message
    assert "the volume was not built" in message
    written = sorted(p.stem for p in (tmp_path / "pdf" / "documents").glob("*.pdf"))
    assert written == sorted(p.stem for p in config.documents_dir.glob("*.xml") if p != broken)
    assert not (tmp_path / "pdf" / "edition.pdf").exists()
    assert not list((tmp_path / "pdf").rglob("*.tmp"))


def test_an_edition_without_editors_or_keywords_still_prints(tmp_path):
    config = make_edition(tmp_path / "edition")
    config.documents_dir.mkdir(parents=True)  # else the copy would be a file of that name
    shutil.copy(sorted((ROOT / "tei" / "documents").glob("*.xml"))[0], config.documents_dir)
    config = dataclasses.replace(config, editors=(), keywords=(), subtitle="")
    publish_pdf(config, tmp_path / "pdf")
    volume = PdfReader(tmp_path / "pdf" / "edition.pdf")
    assert "/Keywords" not in (volume.metadata or {})
    assert len(list((tmp_path / "pdf").rglob("*.pdf"))) == 2  # the volume and the document


def test_page_images_for_review(built):
    out, _ = built
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed; .ci/run installs it")
    reader = PdfReader(out / "edition.pdf")
    texts = [page.extract_text() for page in reader.pages]
    index_page = max(n for n, text in enumerate(texts, 1) if "Index of persons\n" in text)
    document_page = next(n for n, text in enumerate(texts, 1) if n > 3 and "1. Memorandum" in text)
    REVIEW.mkdir(parents=True, exist_ok=True)
    for name, number in (("title", 1), ("document", document_page), ("index", index_page)):
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                "-singlefile",
                "-f",
                str(number),
                "-l",
                str(number),
                str(out / "edition.pdf"),
                str(REVIEW / name),
            ],
            check=True,
        )
        assert (REVIEW / f"{name}.png").stat().st_size > 1000


# Characters the bundled fonts cover, with every character Typst markup gives a meaning to.
TEXT = (
    st.lists(
        st.one_of(
            st.sampled_from([*list("#*_$@<>[]\\/=-+`~'\"{}();:,.!?&%^|"), "//", "/*", "*/", "\\n"]),
            st.characters(min_codepoint=0x20, max_codepoint=0x7E),
            st.characters(min_codepoint=0xC0, max_codepoint=0x17F),
            st.characters(min_codepoint=0x410, max_codepoint=0x44F),
        ),
        min_size=1,
        max_size=40,
    )
    .map("".join)
    .filter(lambda t: t.strip())
)


@pytest.fixture(scope="module")
def escaper():
    publisher = PdfPublisher(load_config(ROOT / "edition.toml"))
    return publisher


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=TEXT)
def test_escaping_keeps_any_text_as_text(escaper, text):
    """escape → compile → extract gives the text back: no character is read as markup."""
    processor = escaper.transform.processor
    escaped = escaper.transform.executable.call_function_returning_string(
        "{urn:teiedition:functions}typst", [processor.make_string_value(text)]
    )
    source = (
        '#set text(font: "Libertinus Serif", hyphenate: false)\n#set page(width: 40cm)\n'
        + escaped
        + "\n"
    )
    pdf = escaper.compile(source)
    extracted = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert " ".join(extracted.split()) == " ".join(text.split())


def _typst_reference(text: str) -> str:
    """What te:typst promises: white space runs as one space, backslash and double quote
    escaped, inside #"…"; (nothing for no text)."""
    if not text:
        return ""
    folded = re.sub(r"[ \t\n\r]+", " ", text)
    return '#"' + folded.replace("\\", "\\\\").replace('"', '\\"') + '";'


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(
        st.one_of(
            st.sampled_from(list(' \t\n\r\\"#;[]$')),
            st.characters(min_codepoint=0x20, max_codepoint=0x44F),
        ),
        max_size=30,
    )
)
def test_escaping_is_exactly_its_contract(escaper, text):
    processor = escaper.transform.processor
    escaped = escaper.transform.executable.call_function_returning_string(
        "{urn:teiedition:functions}typst", [processor.make_string_value(text)]
    )
    assert (escaped or "") == _typst_reference(text)


def test_a_volume_that_names_no_place_has_no_index_of_places(tmp_path):
    """An index is a part of its own: where no document of the volume names a place (or
    anyone), it is left out, not printed empty with a line in the contents."""
    config = make_edition(tmp_path / "edition")
    source = sorted((ROOT / "tei" / "documents").glob("*.xml"))[0]
    tree = etree.parse(str(source))
    for name in tree.xpath("//tei:text//tei:placeName", namespaces=NS):
        name.attrib.pop("ref", None)
    config.documents_dir.mkdir(parents=True)
    tree.write(str(config.documents_dir / source.name), encoding="utf-8")
    typst_source = PdfPublisher(config).volume_source()
    assert "Index of persons" in typst_source
    assert "Index of places" not in typst_source
