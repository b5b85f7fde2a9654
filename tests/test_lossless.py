"""Nothing lost, nothing invented, nothing different on a second run, and valid TEI.

For every transcript (the seeds and our own fixtures):
- the text read back from the TEI (its body, and its notes at the back) equals the
  transcript's body, character for character (white space aside, which the scrape repairs
  change; "[...]" is read as "[…]");
- every other line of the page is in the TEI too, unless the reader called it page furniture;
- converting twice gives the same bytes;
- the result is valid against TEI P5 tei_all.
"""

import re

import pytest
from conftest import ALL_TRANSCRIPTS, NS
from lxml import etree

from teiedition.markup.document import build_document
from teiedition.markup.text import normalise, source_text
from teiedition.pipeline import load_names
from teiedition.readers import read_transcript
from teiedition.writers import serialise_tei


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", normalise(text))


@pytest.fixture(scope="module")
def converted(config):
    results = {}
    names = load_names(config)
    for path in ALL_TRANSCRIPTS:
        transcript = read_transcript(path)
        results[path.name] = (transcript, build_document(transcript, config, names))
    return results


@pytest.mark.parametrize("path", ALL_TRANSCRIPTS, ids=lambda p: p.name)
def test_text_is_the_transcript_text_in_order(path, converted):
    transcript, tree = converted[path.name]
    text = tree.find("tei:text", NS)
    assert squeeze(source_text(text)) == squeeze(" ".join(line.text for line in transcript.body))


@pytest.mark.parametrize("path", ALL_TRANSCRIPTS, ids=lambda p: p.name)
def test_every_page_line_is_kept_unless_it_is_furniture(path, converted):
    transcript, tree = converted[path.name]
    everything = squeeze(source_text(tree.getroot()))
    furniture: dict[int, list[str]] = {}
    for piece in transcript.furniture:
        furniture.setdefault(piece.line, []).append(squeeze(piece.text))
    lines = path.read_text("utf-8-sig").splitlines()
    for number, line in enumerate(lines, 1):
        rest = squeeze(line)
        for piece in furniture.get(number, []):
            rest = rest.replace(piece, "", 1)
        assert rest in everything, f"{path.name}:{number}: {line!r} is not in the TEI"


@pytest.mark.parametrize("path", ALL_TRANSCRIPTS, ids=lambda p: p.name)
def test_conversion_is_deterministic(path, config):
    first = serialise_tei(build_document(read_transcript(path), config, load_names(config)))
    second = serialise_tei(build_document(read_transcript(path), config, load_names(config)))
    assert first == second


@pytest.mark.parametrize("path", ALL_TRANSCRIPTS, ids=lambda p: p.name)
def test_valid_against_tei_all(path, converted, tei_all):
    _, tree = converted[path.name]
    reparsed = etree.fromstring(serialise_tei(tree))
    assert tei_all.validate(reparsed), "\n".join(
        f"{path.name}:{e.line}: {e.message}" for e in tei_all.error_log
    )


def test_registers_are_valid_tei(tei_all, tmp_path, config):
    from conftest import FIXTURE_TRANSCRIPTS, ROOT

    from teiedition import pipeline
    from teiedition.registers import unreviewed_register

    for path in sorted((ROOT / "tei" / "registers").glob("*.xml")):
        assert tei_all.validate(etree.parse(str(path))), f"{path.name}: {tei_all.error_log}"
    names = load_names(config)
    pipeline.convert(FIXTURE_TRANSCRIPTS, tmp_path, config, names)
    names.registers.add_unreviewed("place", "kaesong", "Kaesong")  # as a page's list gives
    for kind in ("person", "place"):
        unreviewed = etree.fromstring(serialise_tei(unreviewed_register(names.registers, kind)))
        assert tei_all.validate(unreviewed), f"{kind}: {tei_all.error_log}"
