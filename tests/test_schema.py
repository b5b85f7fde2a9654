"""The ODD and the RELAX NG agree; the RELAX NG is what the ODD and tei_all give, and it is
stricter than tei_all (never looser)."""

import pytest
from conftest import ALL_TRANSCRIPTS, NS, ROOT, TEI_ALL, convert_path
from lxml import etree

from teiedition.schema import derive_rng, element_names, read_odd
from teiedition.writers import serialise_tei

SCHEMA = ROOT / "tei" / "schema"
RNG = {"rng": "http://relaxng.org/ns/structure/1.0"}


@pytest.fixture(scope="module")
def rng():
    return etree.parse(str(SCHEMA / "teiedition.rng"))


@pytest.fixture(scope="module")
def odd():
    return read_odd(SCHEMA / "teiedition.odd")


def allowed_values(rng, element: str, attribute: str) -> set[str] | None:
    """Follow the RNG from the element's define to the attribute; its closed values."""
    defines = {d.get("name"): d for d in rng.iter("{{{}}}define".format(RNG["rng"]))}
    start = next(
        n
        for n, d in defines.items()
        if d.find("rng:element", RNG) is not None
        and d.find("rng:element", RNG).get("name") == element
    )
    pending, seen = [start], set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        define = defines[name]
        if name != start and define.find("rng:element", RNG) is not None:
            continue
        for attr in define.iter("{{{}}}attribute".format(RNG["rng"])):
            if attr.get("name") == attribute:
                values = attr.xpath("rng:choice/rng:value/text()", namespaces=RNG)
                return set(values) if values else None
        pending += [r.get("name") for r in define.iter("{{{}}}ref".format(RNG["rng"]))]
    return None


def test_odd_and_rng_have_the_same_elements(rng, odd):
    assert element_names(rng) == odd.elements


def test_odd_and_rng_have_the_same_value_lists(rng, odd):
    for (element, attribute), values in odd.element_values.items():
        assert allowed_values(rng, element, attribute) == set(values), (element, attribute)
    for (_, attribute), values in odd.class_values.items():
        for element in ("persName", "date", "term"):
            assert allowed_values(rng, element, attribute) == set(values), (element, attribute)


def test_a_value_list_closes_only_its_element(rng):
    assert allowed_values(rng, "hi", "rend") == {"superscript"}
    assert allowed_values(rng, "p", "rend") is None  # rend stays open elsewhere


def test_the_rng_is_what_the_odd_and_tei_all_give(odd):
    if not TEI_ALL.is_file():
        pytest.skip(f"tei_all.rng not found at {TEI_ALL}; cannot re-derive the schema")
    derived = etree.tostring(
        derive_rng(odd, TEI_ALL), xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    assert derived == (SCHEMA / "teiedition.rng").read_bytes(), "run `teiedition schema`"


@pytest.mark.parametrize("path", ALL_TRANSCRIPTS, ids=lambda p: p.name)
def test_valid_against_ours_means_valid_against_tei_all(path, config, rng, tei_all):
    document = etree.fromstring(serialise_tei(convert_path(path, config)))
    assert etree.RelaxNG(rng).validate(document)
    assert tei_all.validate(document)


def test_the_odd_is_valid_tei(tei_all):
    assert tei_all.validate(etree.parse(str(SCHEMA / "teiedition.odd"))), str(tei_all.error_log)


def test_the_odd_documents_every_schematron_rule():
    rules = set(
        etree.parse(str(SCHEMA / "teiedition.sch")).xpath(
            "//sch:assert/@id | //sch:report/@id",
            namespaces={"sch": "http://purl.oclc.org/dsdl/schematron"},
        )
    )
    manual = " ".join(
        etree.parse(str(SCHEMA / "teiedition.odd")).xpath(
            "//tei:div[@xml:id='rules']//text()", namespaces=NS
        )
    )
    documented = {rule for rule in rules if rule in manual}
    assert rules <= documented
