"""Citable identifiers that never break: scenario tests on copies of the seeds. Each starts
from a built edition, makes one editorial change, rebuilds, and checks that every id published
before still resolves to the same content, or to its documented successor."""

import copy
import difflib
import json
import re

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, NS, make_edition
from lxml import etree

from teiedition import pipeline
from teiedition.cache import Store
from teiedition.cli import main
from teiedition.markup.tei import XML_ID
from teiedition.markup.text import normalise, source_text
from teiedition.registry import Registry, Stabiliser, _holder, check, check_document

HUNGARIAN = "001_33b9f4e037495398.txt"
HUNGARIAN_ID = "d1962-08-27-report-embassy-hungary"


@pytest.fixture
def edition(tmp_path):
    config = make_edition(tmp_path / "edition")
    report = pipeline.build(config)
    assert report.ok, report.ids
    return config


def published(config) -> dict[str, tuple[str, str]]:
    """id → (document, text) of every id of the documents themselves (register ids are
    resolved through the registers, and checked there)."""
    found = {}
    for path in sorted(config.documents_dir.glob("*.xml")):
        for el in etree.parse(str(path)).xpath(
            "//*[@xml:id][not(ancestor-or-self::tei:standOff)]", namespaces=NS
        ):
            if el.get("{http://www.w3.org/XML/1998/namespace}id"):
                found[el.get("{http://www.w3.org/XML/1998/namespace}id")] = (
                    path.stem,
                    normalise(source_text(el)),
                )
    return found


def rebuild(config):
    report = pipeline.build(config)
    assert report.ok, [str(p) for p in report.ids] + [str(d) for d in report.errors]
    return report


def assert_every_id_resolves(config, before: dict[str, tuple[str, str]], changed=()):
    """Every id published before still names the same text (lightly edited ones excepted),
    or is a retired anchor leading to a surviving unit; html keeps the anchor too."""
    after = published(config)
    for unit_id, (_doc, text) in before.items():
        assert unit_id in after, f"{unit_id} vanished"
        new_doc, new_text = after[unit_id]
        path = config.documents_dir / f"{new_doc}.xml"
        el = etree.parse(str(path)).xpath(f"//*[@xml:id='{unit_id}']")[0]
        if etree.QName(el).localname == "anchor":
            successor = el.get("corresp", "")[1:]
            assert successor in after, f"{unit_id} is retired towards a missing {successor}"
        elif unit_id not in changed and re.search(r"-[phin]\d+$", unit_id):
            ratio = difflib.SequenceMatcher(None, text, new_text, autojunk=False).ratio()
            assert ratio > 0.75, f"{unit_id} now names other text"
    html = config.output_dir / "html" / "documents"
    for unit_id, (_doc, _) in before.items():
        if re.search(r"-[phin]\d+$", unit_id):
            page = etree.parse(str(html / f"{after[unit_id][0]}.html"), etree.HTMLParser())
            assert page.xpath(f"//*[@id='{unit_id}']"), f"{unit_id} has no anchor in the HTML"
    assert pipeline.check_ids_of(config) == []


def edit_seed(config, name, old, new):
    path = config.transcripts_dir / name
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def paragraph_id(config, doc, fragment) -> str:
    root = etree.parse(str(config.documents_dir / f"{doc}.xml"))
    return next(
        p.get("{http://www.w3.org/XML/1998/namespace}id")
        for p in root.xpath("//tei:body//tei:p", namespaces=NS)
        if fragment in "".join(p.itertext())
    )


def retired_towards(config, doc, unit_id) -> str:
    root = etree.parse(str(config.documents_dir / f"{doc}.xml"))
    (anchor,) = root.xpath(f"//tei:anchor[@type='retired'][@xml:id='{unit_id}']", namespaces=NS)
    return anchor.get("corresp")[1:]


def test_a_paragraph_split_in_two_leads_to_the_half_that_begins_as_it_did(edition):
    """An editor splits a paragraph: neither half is the old one lightly edited, so its id is
    retired; a citation of it leads to its first half, not to the paragraph after it."""
    before = published(edition)
    whole = paragraph_id(edition, HUNGARIAN_ID, "In the opinion of the new Ambassador")
    edit_seed(edition, HUNGARIAN, " The Korean leaders also", "\n\n\nThe Korean leaders also")
    rebuild(edition)
    first = paragraph_id(edition, HUNGARIAN_ID, "In the opinion of the new Ambassador")
    assert first != whole
    assert retired_towards(edition, HUNGARIAN_ID, whole) == first
    assert_every_id_resolves(edition, before)


def test_paragraphs_joined_lead_to_the_paragraph_that_holds_them(edition):
    """Two paragraphs joined into one: the id neither keeps leads to the joined paragraph."""
    before = published(edition)
    second = paragraph_id(edition, HUNGARIAN_ID, "Of his predecessor, Comrade Puzanov")
    text = (edition.transcripts_dir / HUNGARIAN).read_text("utf-8")
    end = text.index("Of his predecessor, Comrade Puzanov")
    start = text.rindex("with him.", 0, end) + len("with him.")
    joined = text[:start] + " " + text[end:]
    (edition.transcripts_dir / HUNGARIAN).write_text(joined, "utf-8")
    rebuild(edition)
    holder = paragraph_id(edition, HUNGARIAN_ID, "Of his predecessor, Comrade Puzanov")
    retired = [u for u in (second, paragraph_id_before(before, second)) if u != holder]
    for unit_id in retired:
        assert retired_towards(edition, HUNGARIAN_ID, unit_id) == holder
    assert_every_id_resolves(edition, before)


def paragraph_id_before(before, unit_id) -> str:
    """The id of the paragraph published just before `unit_id`."""
    ids = [u for u in before if re.search(r"-p\d+$", u) and before[u][0] == before[unit_id][0]]
    return ids[ids.index(unit_id) - 1]


def test_the_registry_records_every_published_id(edition):
    registry = json.loads(edition.registry_path.read_text("utf-8"))
    before = published(edition)
    units = {u for d in registry["documents"].values() for u in d["units"]}
    assert {i for i in before if re.search(r"-[phin]\d+$", i)} <= units
    assert set(registry["documents"]) == {p.stem for p in edition.documents_dir.glob("*.xml")}
    assert "kim-il-sung" in registry["entities"] and "pyongyang" in registry["entities"]


def test_a_typo_fix_keeps_the_id(edition):
    before = published(edition)
    target = paragraph_id(edition, HUNGARIAN_ID, "Before his departure for Korea")
    edit_seed(edition, HUNGARIAN, "Before his departure for Korea", "Before his departur for Korea")
    rebuild(edition)
    assert paragraph_id(edition, HUNGARIAN_ID, "Before his departur for Korea") == target
    assert_every_id_resolves(edition, before)


def test_an_inserted_paragraph_gets_a_new_id_and_neighbours_keep_theirs(edition):
    before = published(edition)
    registry = json.loads(edition.registry_path.read_text("utf-8"))
    highest = registry["documents"][HUNGARIAN_ID]["counters"]["p"]
    edit_seed(
        edition,
        HUNGARIAN,
        "This cannot be said of Kim Il Sung.",
        "A paragraph that was missing from the copy.\n\n\nThis cannot be said of Kim Il Sung.",
    )
    rebuild(edition)
    new_id = paragraph_id(edition, HUNGARIAN_ID, "A paragraph that was missing")
    assert new_id == f"{HUNGARIAN_ID}-p{highest + 1}"
    assert new_id not in before
    assert_every_id_resolves(edition, before)


def test_a_deleted_paragraph_is_retired_with_a_pointer_to_its_successor(edition):
    before = published(edition)
    gone = paragraph_id(edition, HUNGARIAN_ID, "In Comrade Moskovsky's view")
    next_one = paragraph_id(edition, HUNGARIAN_ID, "In the opinion of the new Ambassador")
    text = (edition.transcripts_dir / HUNGARIAN).read_text("utf-8")
    start = text.index("In Comrade Moskovsky's view")
    end = text.index("In the opinion of the new Ambassador")
    (edition.transcripts_dir / HUNGARIAN).write_text(text[:start] + text[end:], "utf-8")
    rebuild(edition)
    root = etree.parse(str(edition.documents_dir / f"{HUNGARIAN_ID}.xml"))
    anchor = root.xpath(f"//tei:anchor[@xml:id='{gone}']", namespaces=NS)[0]
    assert anchor.get("type") == "retired" and anchor.get("corresp") == f"#{next_one}"
    page = etree.parse(
        str(edition.output_dir / "html" / "documents" / f"{HUNGARIAN_ID}.html"), etree.HTMLParser()
    )
    note = page.xpath(f"//*[@id='{gone}']")[0]
    assert "no longer in this document" in "".join(note.itertext())
    assert note.xpath(".//a/@href") == [f"#{next_one}"]
    registry = json.loads(edition.registry_path.read_text("utf-8"))
    assert registry["documents"][HUNGARIAN_ID]["units"][gone]["status"] == "retired"
    assert_every_id_resolves(edition, before)
    # and the id is never given to anything else
    edit_seed(
        edition,
        HUNGARIAN,
        "In the opinion of the new Ambassador",
        "A new paragraph.\n\n\nIn the opinion of the new Ambassador",
    )
    rebuild(edition)
    assert paragraph_id(edition, HUNGARIAN_ID, "A new paragraph.") != gone


def test_a_short_retired_text_leads_to_a_unit_about_as_short_that_holds_it():
    """A signature line that was a paragraph ("Moravec") is not held by the paragraph that
    names him among others; a section's title that was a paragraph is held by its heading."""
    texts = {
        "d-p1": "Present: Comrade Moskovsky, Comrade Moravec, Comrade Hájek (interpreter)",
        "d-h2": "1. On the Seven-Year Plan",
    }
    assert _holder("Moravec", texts) is None
    assert _holder("On the Seven-Year Plan", texts) == "d-h2"
    # a longer text is held wherever its opening words are
    long = "Comrade Moskovsky stated that the fulfilment of the plan for 1962 was below"
    assert _holder(long, {"d-p3": f"In short: {long} the figures."}) == "d-p3"


def test_reordered_paragraphs_keep_their_ids(edition):
    before = published(edition)
    first = paragraph_id(edition, HUNGARIAN_ID, "Before his departure for Korea")
    second = paragraph_id(edition, HUNGARIAN_ID, "Comrade Khrushchev explained that")
    text = (edition.transcripts_dir / HUNGARIAN).read_text("utf-8")
    a_start = text.index("Before his departure for Korea")
    b_start = text.index("Comrade Khrushchev explained that")
    b_end = text.index("This cannot be said of Kim Il Sung.")
    a, b = text[a_start:b_start], text[b_start:b_end]
    (edition.transcripts_dir / HUNGARIAN).write_text(text[:a_start] + b + a + text[b_end:], "utf-8")
    rebuild(edition)
    assert paragraph_id(edition, HUNGARIAN_ID, "Before his departure for Korea") == first
    assert paragraph_id(edition, HUNGARIAN_ID, "Comrade Khrushchev explained that") == second
    assert_every_id_resolves(edition, before)


def test_a_note_keeps_its_id_and_the_references_to_it_follow(tmp_path):
    """A note is as citable as a paragraph. When the first of two notes is taken out, the
    second is printed as note 1 but keeps its id, the text's reference to it points there,
    and the first note's id is retired, leading to its successor."""
    notes = FIXTURES / "transcripts" / "page-translator-notes.txt"
    config = make_edition(tmp_path / "edition", notes)
    rebuild(config)
    before = published(config)
    doc = "wcda-116301"
    assert {f"{doc}-n1", f"{doc}-n2"} <= before.keys()
    text = notes.read_text("utf-8")
    for old, new in [
        ("Pyongyang.[1]", "Pyongyang."),
        ("grown.[1]", "grown."),
        ("USSR[2]", "USSR[1]"),
        ("[1] Liu Shaoqi was Chairman of the People's Republic of China.\n\n[2]", "[1]"),
    ]:
        assert old in text
        text = text.replace(old, new)
    (config.transcripts_dir / notes.name).write_text(text, "utf-8")
    rebuild(config)
    root = etree.parse(str(config.documents_dir / f"{doc}.xml"))
    (note,) = root.xpath("//tei:note[@place = 'end']", namespaces=NS)
    assert note.get("n") == "1" and note.get(XML_ID) == f"{doc}-n2"
    (ref,) = root.xpath("//tei:ref[@type = 'noteAnchor']", namespaces=NS)
    assert (ref.text, ref.get("target")) == ("1", f"#{doc}-n2")
    (retired,) = root.xpath(f"//tei:anchor[@xml:id = '{doc}-n1']", namespaces=NS)
    assert retired.get("corresp") == f"#{doc}-n2"
    assert_every_id_resolves(config, before)


def test_a_changed_title_keeps_the_document_id(edition):
    before = published(edition)
    edit_seed(
        edition,
        HUNGARIAN,
        "Report, Embassy of Hungary in North Korea",
        "Report of the Hungarian Embassy in Pyongyang",
    )
    rebuild(edition)
    assert (edition.documents_dir / f"{HUNGARIAN_ID}.xml").is_file()
    assert len(list(edition.documents_dir.glob("*.xml"))) == 5
    assert_every_id_resolves(edition, before)


def test_a_renamed_seed_file_keeps_the_document_id(edition):
    before = published(edition)
    (edition.transcripts_dir / HUNGARIAN).rename(edition.transcripts_dir / "hungary-1962.txt")
    rebuild(edition)
    assert (edition.documents_dir / f"{HUNGARIAN_ID}.xml").is_file()
    assert_every_id_resolves(edition, before)


def test_merging_two_person_entries_keeps_the_old_id_as_an_alias(tmp_path):
    config = make_edition(tmp_path / "edition")
    persons = config.registers_dir / "persons.xml"
    original = persons.read_text("utf-8")
    # the editors first had two entries for one man: "Moskowskyi" as someone else
    split = original.replace('<persName type="short">Moskowskyi</persName>\n', "").replace(
        '      <person xml:id="pak-geum-cheol">',
        '      <person xml:id="moskowskyi">\n        <persName type="main">Moskowskyi</persName>\n'
        '        <persName type="short">Moskowskyi</persName>\n      </person>\n'
        '      <person xml:id="pak-geum-cheol">',
    )
    persons.write_text(split, "utf-8")
    assert pipeline.build(config).ok
    before = published(config)
    # then they merge them: the entry stays, as an alias of the surviving one
    merged = original.replace(
        '      <person xml:id="pak-geum-cheol">',
        '      <person xml:id="moskowskyi" sameAs="#moskovsky-vasily"/>\n'
        '      <person xml:id="pak-geum-cheol">',
    )
    persons.write_text(merged, "utf-8")
    rebuild(config)
    assert_every_id_resolves(config, before)
    czech = etree.parse(
        str(config.documents_dir / "d1964-02-26-memorandum-conversation-soviet.xml")
    )
    assert (
        czech.xpath("//tei:persName[.='Moskowskyi']/@ref", namespaces=NS)[0] == "#moskovsky-vasily"
    )
    page = etree.parse(str(config.output_dir / "html" / "persons.html"), etree.HTMLParser())
    landing = page.xpath("//*[@id='moskowskyi']")[0]
    assert landing.xpath("ancestor::section/@id") == ["moskovsky-vasily"]
    # removing the alias would break a published id: the check says so
    persons.write_text(original, "utf-8")
    problems = pipeline.check_ids_of(config)
    assert [p.id for p in problems] == ["moskowskyi"] and "vanished" in problems[0].message


def test_converting_twice_changes_nothing(edition):
    before = {p.name: p.read_bytes() for p in edition.documents_dir.glob("*.xml")}
    registry = edition.registry_path.read_bytes()
    rebuild(edition)
    assert {p.name: p.read_bytes() for p in edition.documents_dir.glob("*.xml")} == before
    assert edition.registry_path.read_bytes() == registry


def test_a_broken_registry_makes_ids_check_fail(edition):
    registry = json.loads(edition.registry_path.read_text("utf-8"))
    units = registry["documents"][HUNGARIAN_ID]["units"]
    units[f"{HUNGARIAN_ID}-p99"] = {
        "fingerprint": "0",
        "excerpt": "A paragraph once published",
        "status": "active",
        "successor": None,
        "retired_in": None,
    }
    units[f"{HUNGARIAN_ID}-p2"]["excerpt"] = "Something else entirely, quite unlike the text."
    units[f"{HUNGARIAN_ID}-p2"]["fingerprint"] = "0"
    edition.registry_path.write_text(json.dumps(registry), "utf-8")
    result = CliRunner().invoke(
        main, ["--config", str(edition.root / "edition.toml"), "ids", "check"]
    )
    assert result.exit_code == 1
    assert f"{HUNGARIAN_ID}-p99: vanished from {HUNGARIAN_ID}.xml" in result.output
    assert f"{HUNGARIAN_ID}-p2: changed meaning" in result.output


def test_ids_check_passes_on_the_edition(edition):
    result = CliRunner().invoke(
        main, ["--config", str(edition.root / "edition.toml"), "ids", "check"]
    )
    assert result.exit_code == 0 and "every published id resolves" in result.output


def test_release_records_the_version_in_registry_and_headers(edition):
    result = CliRunner().invoke(
        main,
        [
            "--config",
            str(edition.root / "edition.toml"),
            "release",
            "0.1.0",
            "--date",
            "2026-11-22",
        ],
    )
    assert result.exit_code == 0, result.output
    registry = json.loads(edition.registry_path.read_text("utf-8"))
    assert registry["releases"] == [{"version": "0.1.0", "date": "2026-11-22"}]
    for path in edition.documents_dir.glob("*.xml"):
        change = etree.parse(str(path)).xpath("//tei:revisionDesc/tei:change", namespaces=NS)
        assert [c.get("n") for c in change] == ["0.1.0"]
    again = CliRunner().invoke(
        main, ["--config", str(edition.root / "edition.toml"), "release", "0.1.0"]
    )
    assert again.exit_code == 1 and "already been released" in again.output


def test_the_build_s_id_check_reports_a_problem_it_has_cached(edition):
    """The build checks with a store of earlier findings: a problem is reported the first
    time, when it is found, and again when it comes from the store."""
    registry = Registry.load(edition.registry_path)
    registry.documents[HUNGARIAN_ID].units[f"{HUNGARIAN_ID}-p99"] = copy.deepcopy(
        next(iter(registry.documents[HUNGARIAN_ID].units.values()))
    )
    store = Store(None, "checks")
    for _ in range(2):
        problems = check(registry, edition.documents_dir, edition.registers_dir, store, "code")
        assert [str(p) for p in problems] == [
            f"{HUNGARIAN_ID}-p99: vanished from {HUNGARIAN_ID}.xml"
        ]


def test_the_texts_the_id_pass_keeps_are_those_of_the_document_it_wrote(edition):
    """The build checks each document it writes with the units' texts the id pass read,
    instead of reading them again: they must be the texts of the document as written."""
    registry = Registry.load(edition.registry_path)
    stabiliser = Stabiliser(registry, edition.documents_dir, edition.version)
    for path in sorted(edition.documents_dir.glob("*.xml")):
        tree = etree.parse(str(path))
        doc_id = stabiliser.stabilise(tree, path)
        root = tree.getroot()
        units = root.xpath(
            "tei:text//*[@xml:id][self::tei:p or self::tei:head or "
            "self::tei:item or self::tei:note]",
            namespaces=NS,
        )
        assert stabiliser.unit_texts == {el.get(XML_ID): normalise(source_text(el)) for el in units}
        record = registry.documents[doc_id]
        assert check_document(doc_id, record, root, path.name, stabiliser.unit_texts) == []
        # a text that no longer says what the registry recorded is still caught
        first = next(iter(stabiliser.unit_texts))
        other = {**stabiliser.unit_texts, first: "Something else entirely, and longer."}
        assert [p.id for p in check_document(doc_id, record, root, path.name, other)] == [first]
