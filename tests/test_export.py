"""Exports, re-imported with independent readers: lxml for TEI, csv and json, bibtexparser and
rispy for citations, zipfile with the manifest's checksums. Every document, mention and id."""

import csv
import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import NS, ROOT, SEEDS, make_edition
from lxml import etree

from teiedition.config import load_config
from teiedition.publish import EXPORT_FORMATS
from teiedition.publish import export as export_module
from teiedition.publish.export import export, export_all

DOCUMENTS = sorted((ROOT / "tei" / "documents").glob("*.xml"))


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    config = load_config(ROOT / "edition.toml")
    for fmt in EXPORT_FORMATS:
        export(config, fmt, out)
    return out


@pytest.fixture(scope="module")
def originals():
    return {p.stem: etree.parse(str(p)) for p in DOCUMENTS}


def test_tei_corpus_holds_every_document_and_id(exported, originals, tei_all):
    corpus = etree.parse(str(exported / "edition-corpus.xml"))  # lxml's default parser
    assert corpus.getroot().tag == "{http://www.tei-c.org/ns/1.0}teiCorpus"
    documents = corpus.xpath("/tei:teiCorpus/tei:TEI", namespaces=NS)
    assert sorted(d.get("{http://www.w3.org/XML/1998/namespace}id") for d in documents) == sorted(
        originals
    )
    ids = set(corpus.xpath("//@xml:id"))
    for tree in originals.values():
        own = set(tree.xpath("//@xml:id[not(ancestor::tei:standOff)]", namespaces=NS))
        assert own <= ids
    refs = {r[1:] for r in corpus.xpath("//@ref") if r.startswith("#")}
    assert refs and refs <= ids  # every pointer resolves in the corpus's registers
    assert tei_all.validate(corpus), str(tei_all.error_log)
    ours = etree.RelaxNG(etree.parse(str(ROOT / "tei" / "schema" / "teiedition.rng")))
    assert ours.validate(corpus), str(ours.error_log)
    header = corpus.xpath("/tei:teiCorpus/tei:teiHeader", namespaces=NS)[0]
    assert header.xpath("string(.//tei:edition/@n)", namespaces=NS) == "0.1.0"
    assert "teiedition.odd" in header.xpath("string(.//tei:encodingDesc)", namespaces=NS)


def test_tei_corpus_holds_one_document_at_a_time(tmp_path, monkeypatch):
    """Each member is read from the store of pieces, then written, before the next is read:
    memory holds one document, however large the edition (a list of all the members held
    1.1 GB at 10,000 documents)."""
    events = []
    read, written = export_module.Pieces.part, export_module._write_member

    def reading(pieces, document, name):
        if name == "member":
            events.append("read")
        return read(pieces, document, name)

    def writing(stream, member):
        events.append("written")
        return written(stream, member)

    monkeypatch.setattr(export_module.Pieces, "part", reading)
    monkeypatch.setattr(export_module, "_write_member", writing)
    export(load_config(ROOT / "edition.toml"), "tei-corpus", tmp_path)
    assert events == ["read", "written"] * len(DOCUMENTS)


def test_exports_read_again_only_the_documents_that_changed(tmp_path):
    """Within a build, each document's part of the exports is kept by its content: after one
    document changes, it alone is read again, and the exports are those of a first run."""
    edition = tmp_path / "edition"
    shutil.copytree(ROOT / "tei", edition / "tei")
    shutil.copy(ROOT / "edition.toml", edition / "edition.toml")
    config = load_config(edition / "edition.toml")
    export_all(config, code="code", jobs=1)
    changed = sorted(config.documents_dir.glob("*.xml"))[1]
    tree = etree.parse(str(changed))
    paragraph = tree.find(".//{http://www.tei-c.org/ns/1.0}p")
    paragraph.text = "A changed paragraph. " + (paragraph.text or "")
    tree.write(str(changed), encoding="UTF-8", xml_declaration=True)
    read = []
    original = export_module._piece_chunk

    def counting(paths):
        read.extend(Path(p).name for p in paths)
        return original(paths)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(export_module, "_piece_chunk", counting)
        export_all(config, code="code", jobs=1)
    assert read == [changed.name]
    fresh = tmp_path / "fresh"
    export_all(config, fresh, code=None, jobs=2)  # the bundle on a thread of its own, too
    for made in sorted(p for p in fresh.rglob("*") if p.is_file()):
        kept = config.output_dir / "export" / made.relative_to(fresh)
        assert kept.read_bytes() == made.read_bytes(), made.name
    assert "A changed paragraph." in (fresh / "edition-corpus.xml").read_text("utf-8")


def test_bundle_checksums_and_contents(exported):
    with zipfile.ZipFile(exported / "teiedition-0.1.0.zip") as bundle:
        names = bundle.namelist()
        prefix = "teiedition-0.1.0/"
        manifest = bundle.read(prefix + "MANIFEST-SHA256.txt").decode()
        listed = {}
        for line in manifest.splitlines():
            digest, name = line.split("  ", 1)
            listed[name] = digest
        assert set(listed) | {"MANIFEST-SHA256.txt"} == {n.removeprefix(prefix) for n in names}
        for name, digest in listed.items():
            assert hashlib.sha256(bundle.read(prefix + name)).hexdigest() == digest, name
        assert {f"documents/{p.name}" for p in DOCUMENTS} <= set(listed)
        assert {
            "schema/teiedition.odd",
            "schema/teiedition.rng",
            "schema/teiedition.sch",
            "registers/persons.xml",
            "README.txt",
        } <= set(listed)
        readme = bundle.read(prefix + "README.txt").decode()
        assert "Version 0.1.0" in readme and "Creative Commons" in readme
        # the documents keep their standOff: they stand alone
        document = etree.fromstring(bundle.read(prefix + f"documents/{DOCUMENTS[0].name}"))
        assert document.find("{http://www.tei-c.org/ns/1.0}standOff") is not None


def test_bundle_is_reproducible(exported, tmp_path):
    export(load_config(ROOT / "edition.toml"), "bundle", tmp_path)
    assert (tmp_path / "teiedition-0.1.0.zip").read_bytes() == (
        exported / "teiedition-0.1.0.zip"
    ).read_bytes()


def test_entities_every_mention(exported, originals):
    with open(exported / "entities" / "mentions.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    as_json = json.loads((exported / "entities" / "mentions.json").read_text("utf-8"))
    assert rows == as_json
    expected = sum(
        len(
            tree.xpath(
                "tei:text//tei:persName | tei:text//tei:placeName | tei:text//tei:orgName",
                namespaces=NS,
            )
        )
        for tree in originals.values()
    )
    assert len(rows) == expected
    han = [r for r in rows if r["entity_id"] == "han-sorya"]
    assert han == [
        {
            "document_id": "d1962-11-01-jozef-dryglas-record",
            "paragraph_id": "d1962-11-01-jozef-dryglas-record-p12",
            "entity_id": "han-sorya",
            "type": "person",
            "surface_form": "Han Sorya",
            "normalized_name": "Han Sorya",
        }
    ]
    initials = [r for r in rows if r["surface_form"] == "M."]
    assert initials and {r["normalized_name"] for r in initials} == {"Vasily Petrovich Moskovsky"}


def test_person_cooccurrence(exported, originals):
    with open(exported / "entities" / "person-cooccurrence.csv", encoding="utf-8") as handle:
        pairs = {
            (r["person_a"], r["person_b"]): int(r["documents"]) for r in csv.DictReader(handle)
        }
    both = sum(
        1
        for tree in originals.values()
        if tree.xpath("//tei:text//tei:persName[@ref='#kim-il-sung']", namespaces=NS)
        and tree.xpath("//tei:text//tei:persName[@ref='#moskovsky-vasily']", namespaces=NS)
    )
    assert pairs[("kim-il-sung", "moskovsky-vasily")] == both == 3
    assert all(a < b for a, b in pairs)


def test_citations_import(exported):
    import bibtexparser
    import rispy

    csl = json.loads((exported / "citations" / "citations.json").read_text("utf-8"))
    assert len(csl) == len(DOCUMENTS) and all(item["type"] == "manuscript" for item in csl)
    first = csl[0]
    assert first["issued"] == {"date-parts": [[1962, 8, 14]]}
    assert first["archive"].startswith("Archive of Foreign Policy")
    assert first["translator"] == [{"family": "Radchenko", "given": "Sergey"}]
    library = bibtexparser.parse_string(
        (exported / "citations" / "citations.bib").read_text("utf-8")
    )
    assert not library.failed_blocks
    assert len(library.entries) == len(DOCUMENTS)
    entry = library.entries_dict["wcda-110485"]
    assert entry["url"].endswith("/documents/wcda-110485.html")
    records = rispy.loads((exported / "citations" / "citations.ris").read_text("utf-8"))
    assert len(records) == len(DOCUMENTS)
    assert records[0]["type_of_reference"] == "MANSCPT"
    assert records[0]["title"].startswith("Memorandum of Conversation")
    assert records[0]["urls"] == [first["URL"]]


def test_bibtex_escapes_special_characters():
    from teiedition.publish.export import bibtex_escape

    assert bibtex_escape("50% & {x} #1 $2 a_b ~ ^ \\") == (
        r"50\% \& \{x\} \#1 \$2 a\_b \textasciitilde{} \textasciicircum{} \textbackslash{}"
    )


def test_text_is_the_reading_text(exported, originals):
    for doc_id, tree in originals.items():
        text = (exported / "text" / f"{doc_id}.txt").read_text("utf-8")
        assert "<" not in text.replace("<script>", "")
        for paragraph in tree.xpath("//tei:body//tei:p", namespaces=NS):
            words = "".join(
                paragraph.xpath(
                    ".//text()[not(ancestor::tei:sic)][not(ancestor::tei:note)]", namespaces=NS
                )
            ).split()
            # brackets and quotation marks are restored from the mark-up: compare without them
            marks = str.maketrans("", "", '[]„“”«»"')
            flat = " ".join(text.translate(marks).split())
            assert " ".join(words[:8]).translate(marks) in flat, doc_id
    polish = (exported / "text" / "d1962-11-01-jozef-dryglas-record.txt").read_text("utf-8")
    assert "1) The Soviet Union offered" in polish and "a) State-of-the-art" in polish
    hungarian = (exported / "text" / "d1962-08-27-report-embassy-hungary.txt").read_text("utf-8")
    assert "emphasis in the original" not in hungarian  # editorial notes dropped
    soviet = (exported / "text" / "wcda-110485.txt").read_text("utf-8")
    assert "Kim Il Sung" in soviet and "Kim II Sung" not in soviet  # corrections applied


def test_export_command(tmp_path):
    from click.testing import CliRunner

    from teiedition.cli import main

    result = CliRunner().invoke(
        main,
        [
            "--config",
            str(ROOT / "edition.toml"),
            "export",
            "--format",
            "citations",
            "--out",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0 and "citations.ris" in result.output
    bad = CliRunner().invoke(main, ["export", "--format", "pdf"])
    assert bad.exit_code == 2


def test_the_html_home_page_links_the_downloads(tmp_path):
    from teiedition import pipeline

    edition = tmp_path / "edition"
    config = make_edition(edition, *SEEDS)
    assert pipeline.build(config).ok
    home = etree.parse(str(edition / "output" / "html" / "index.html"), etree.HTMLParser())
    links = home.xpath("//ul[@class='downloads']//a/@href")
    assert "downloads/edition-corpus.xml" in links and "downloads/teiedition-0.1.0.zip" in links
    for link in links:
        assert (edition / "output" / "html" / link).is_file(), link


def test_an_approximate_date_is_cited_as_approximate(tmp_path):
    """A page dated "Circa March 1963": CSL's "circa", EDTF's "~" in BibLaTeX's date, and
    RIS's "other" part of the date."""
    import bibtexparser
    import rispy

    from teiedition.publish.export import Document, bibtex, csl_items, ris

    config = make_edition(tmp_path / "edition")
    document = Document(tmp_path / "d.xml", "d1963-03-notes", "Notes", "1963-03", True)
    (item,) = csl_items(config, [document])
    assert item["issued"] == {"date-parts": [[1963, 3]], "circa": True}
    (entry,) = bibtexparser.parse_string(bibtex(config, [document])).entries
    assert entry["date"] == "1963-03~" and entry["year"] == "1963"
    (record,) = rispy.loads(ris(config, [document]))
    assert record["date"] == "1963/03//circa"
    exact = Document(tmp_path / "e.xml", "d1963-03-12-notes", "Notes", "1963-03-12")
    assert rispy.loads(ris(config, [exact]))[0]["date"] == "1963/03/12/"


def _plain_text_by_xpath(root: etree._Element) -> str:
    """The text export as XPath states it, block by block: the reference the export's walk
    of the tree must give back (it asks no XPath of each block, which took minutes for a
    text of thousands of paragraphs)."""
    from teiedition.markup.text import normalise, reading_text, turn_speaker

    blocks = []
    for block in root.xpath("tei:text//*", namespaces=NS):
        if etree.QName(block).localname not in export_module._TEXT_BLOCKS or block.xpath(
            "ancestor::*[local-name()='p' or local-name()='head' or "
            "local-name()='dateline' or local-name()='seg' or local-name()='signed']"
        ):
            continue
        label = block.xpath(
            "parent::tei:item/preceding-sibling::*[1][self::tei:label]/text()", namespaces=NS
        )
        text = normalise(reading_text(block, notes=False))
        if (speaker := turn_speaker(block)) is not None:
            text = normalise(reading_text(speaker, notes=False)) + " " + text
        if label and block.xpath("not(preceding-sibling::*)"):
            text = f"{label[0]} {text}"
        if text:
            blocks.append(text)
    return "\n\n".join(blocks) + "\n"


LISTS = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div>
  <p>Before.</p><!-- a comment between siblings -->
  <list><label>1.</label><!-- here too --><item><p>One</p><p>and more.</p></item>
  <label>2)</label><item><p>Two</p></item><item><p>Unlabelled</p></item></list>
  <sp><speaker>Moskovsky:</speaker><p>I agree.</p></sp>
</div></body></text></TEI>"""


@pytest.mark.parametrize(
    "path",
    [None, *sorted((ROOT / "tei" / "documents").glob("*.xml"))],
    ids=lambda p: "lists" if p is None else p.name,
)
def test_the_text_export_reads_the_tree_as_xpath_states_it(path):
    root = etree.fromstring(LISTS) if path is None else etree.parse(str(path)).getroot()
    assert export_module._plain_text_of(root) == _plain_text_by_xpath(root)
    if path is None:
        assert export_module._plain_text_of(root).split("\n\n") == [
            "Before.",
            "1. One",
            "and more.",
            "2) Two",
            "Unlabelled",
            "Moskovsky: I agree.\n",
        ]
