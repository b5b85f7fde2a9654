"""Validation: every Schematron rule has a fixture that breaks it; each test sees the rule id,
the line and the message. Malformed and hostile XML give clear errors and expand nothing."""

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT, make_edition
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedition import pipeline
from teiedition.cli import main
from teiedition.config import load_config
from teiedition.schema import attribute_subset
from teiedition.validation import Validator, attribute_names, schema_constants
from teiedition.validation import _saxon as saxon

INVALID = FIXTURES / "invalid"
SCHEMA = ROOT / "tei" / "schema"


@pytest.fixture(scope="module")
def validator():
    return Validator(SCHEMA, sorted((ROOT / "tei" / "registers").glob("*.xml")))


def problems(validator, name):
    return [
        (p.rule, p.line, p.severity, p.message) for p in validator.validate_file(INVALID / name)
    ]


def test_the_baseline_is_valid(validator):
    assert problems(validator, "valid.xml") == []


# fixture → (rule id, line, severity, a fragment of the message)
CASES = {
    "ref-resolves.xml": (
        "ref-resolves",
        156,
        "error",
        "points to #moskovsky-vasili, which names no xml:id",
    ),
    "id-unique.xml": (
        "id-unique",
        157,
        "error",
        'xml:id "d1962-08-14-record-conversation-kim-p1" is used 2 times',
    ),
    "id-pattern.xml": (
        "id-pattern",
        157,
        "warning",
        'xml:id "Para_2" does not follow the edition\'s pattern',
    ),
    "date-iso.xml": ("date-iso", 37, "error", '@when="14.08.1962" is not an ISO 8601 date'),
    "date-order.xml": (
        "date-order",
        84,
        "error",
        '@notBefore="1962-08-20" lies after @notAfter="1962-08-14"',
    ),
    "date-future.xml": ("date-future", 84, "error", "the date 2999-08-14 lies in the future"),
    "doc-creation.xml": ("doc-creation", 3, "error", "has no creation date"),
    "doc-abstract.xml": ("doc-abstract", 3, "warning", "has no abstract"),
    "doc-language.xml": (
        "doc-language",
        3,
        "error",
        'valid ISO 639 code (msItem/textLang/@mainLang is "xx")',
    ),
    "doc-language-undetermined.xml": (
        "doc-language-undetermined",
        3,
        "warning",
        "the original language is undetermined",
    ),
    "doc-repository.xml": ("doc-repository", 3, "error", "names no repository"),
    "doc-id.xml": (
        "doc-id",
        3,
        "error",
        'is not the document id "d1962-08-14-record-conversation-kim"',
    ),
    "name-not-empty.xml": ("name-not-empty", 156, "error", "empty <persName>"),
    "standoff-register.xml": (
        "standoff-register",
        98,
        "error",
        'person "kim-il-sung" differs from its entry in the master register',
    ),
    "relaxng.xml": ("relaxng", 156, "error", "element <foo> is not part of the edition's schema"),
    "malformed.xml": (
        "well-formed",
        157,
        "error",
        "not well-formed XML: Opening and ending tag mismatch",
    ),
    "xxe.xml": ("no-dtd", 2, "error", "a document type declaration is not allowed"),
    "billion-laughs.xml": ("no-dtd", 2, "error", "a document type declaration is not allowed"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_rule_is_seen_with_its_line_and_message(validator, name):
    rule, line, severity, fragment = CASES[name]
    found = problems(validator, name)
    assert any(
        r == rule and ln == line and s == severity and fragment in m for r, ln, s, m in found
    ), found


def test_every_schematron_rule_has_a_fixture():
    from lxml import etree

    schematron = etree.parse(str(SCHEMA / "teiedition.sch"))
    ids = set(
        schematron.xpath(
            "//sch:assert/@id | //sch:report/@id",
            namespaces={"sch": "http://purl.oclc.org/dsdl/schematron"},
        )
    )
    covered = {rule for rule, *_ in CASES.values()} | {"doc-repository-unknown"}
    assert ids <= covered, ids - covered


def test_an_unknown_archive_is_a_warning_not_an_error(validator, tmp_path, config):
    report = pipeline.convert(
        [FIXTURES / "transcripts" / "page-unknown-archive.txt"], tmp_path, config
    )
    found = validator.validate_file(report.written[0])
    assert ("doc-repository-unknown", "warning") in {(p.rule, p.severity) for p in found}
    assert "doc-repository" not in {p.rule for p in found}


def test_a_bad_attribute_value_is_named_exactly(validator):
    found = validator.validate_file(INVALID / "relaxng.xml")
    assert [str(p).split(": ", 1)[1] for p in found if "supplied" in p.message] == [
        'error: <supplied reason="bogus">: allowed values are omitted-in-original, '
        "clarification, alternative-name [relaxng]"
    ]


def test_hostile_files_expand_and_fetch_nothing(validator):
    for name in ("xxe.xml", "billion-laughs.xml"):
        found = validator.validate_file(INVALID / name)
        assert [p.rule for p in found] == ["no-dtd"]
        assert "root:" not in " ".join(p.message for p in found)  # /etc/passwd never read


def test_tei_from_another_project_is_reported_not_crashed(validator):
    found = validator.validate_file(INVALID / "foreign.xml")
    rules = {p.rule for p in found}
    assert {"relaxng", "doc-creation", "ref-resolves"} <= rules
    assert any("element <lg> is not part of the edition's schema" in p.message for p in found)


def test_the_built_edition_is_valid():
    report = pipeline.validate(load_config(ROOT / "edition.toml"))
    assert report.ok and not report.warnings, [str(p) for p in report.problems]
    assert len(report.files) == 8  # five documents, three registers


def test_cli_output_exit_codes_and_json():
    runner = CliRunner()
    ok = runner.invoke(main, ["--config", str(ROOT / "edition.toml"), "validate"])
    assert ok.exit_code == 0 and ok.output.endswith("(0 errors, 0 warnings)\n")
    bad = runner.invoke(main, ["validate", str(INVALID / "date-order.xml")])
    assert bad.exit_code == 1
    first = bad.output.splitlines()[0]
    assert first == (
        f'{INVALID / "date-order.xml"}:84:17: error: @notBefore="1962-08-20" lies '
        'after @notAfter="1962-08-14" [date-order]'
    )
    as_json = runner.invoke(main, ["validate", "--format", "json", str(INVALID / "malformed.xml")])
    data = json.loads(as_json.output)
    assert as_json.exit_code == 1 and data["invalid"] == 1
    assert data["problems"][0]["rule"] == "well-formed" and data["problems"][0]["line"] == 157
    assert runner.invoke(main, ["validate", str(INVALID / "no-such-file.xml")]).exit_code == 2
    warned = runner.invoke(main, ["validate", str(INVALID / "id-pattern.xml")])
    assert warned.exit_code == 0  # warnings alone do not make a file invalid


def test_cli_validation_on_several_processes_reports_what_one_process_does(tmp_path):
    # every fixture twice, under two names: enough files for two worker processes
    for copy in ("a", "b"):
        shutil.copytree(INVALID, tmp_path / copy)
    runner = CliRunner()
    serial = runner.invoke(main, ["validate", "--jobs", "1", str(tmp_path)])
    parallel = runner.invoke(main, ["validate", "-j", "2", str(tmp_path)])
    assert serial.exit_code == parallel.exit_code == 1
    assert parallel.output == serial.output
    assert "validated 40 files: 8 valid, 32 invalid" in serial.output
    assert runner.invoke(main, ["validate", "--jobs", "0", str(INVALID)]).exit_code == 2


def test_a_file_named_twice_is_validated_once():
    report = pipeline.validate(
        load_config(ROOT / "edition.toml"), [INVALID / "valid.xml", INVALID, INVALID / "xxe.xml"]
    )
    assert len(report.files) == len(set(report.files)) == len(list(INVALID.glob("*.xml")))
    assert report.files[0].endswith("valid.xml")


def test_build_stops_with_diagnostics_when_the_edition_is_invalid(tmp_path):
    edition = tmp_path / "edition"
    make_edition(edition)
    future = next((ROOT / "seeds").glob("004_*.txt")).read_text("utf-8")
    (edition / "seeds" / "future.txt").write_text(
        future.replace("November 14, 1962", "November 14, 2999", 1).replace(
            "14 November 1962", "14 November 2999", 1
        ),
        "utf-8",
    )
    result = CliRunner().invoke(main, ["--config", str(edition / "edition.toml"), "build"])
    assert result.exit_code == 1
    assert "lies in the future [date-future]" in result.output
    assert "the edition is not valid: nothing was published" in result.output


def test_a_register_copy_must_keep_each_attribute_on_its_element(validator, tmp_path):
    """The copy has the master's element names and attribute values in the same order, but
    one value has moved to the next element: not the master's entry."""
    source = (INVALID / "valid.xml").read_text("utf-8")
    moved = source.replace(
        '<persName type="main"><surname>Kim</surname>',
        '<persName><surname type="main">Kim</surname>',
        1,
    )
    assert moved != source
    (tmp_path / "moved.xml").write_text(moved, "utf-8")
    found = validator.validate_file(tmp_path / "moved.xml")
    assert ("standoff-register", 98) in {(p.rule, p.line) for p in found}, found


def test_a_register_copy_is_compared_by_its_words_not_its_white_space(validator, tmp_path):
    """Laid out otherwise (white space between and inside elements), the copy is the master's
    entry; a word changed, or two run together, it is not."""
    source = (INVALID / "valid.xml").read_text("utf-8")
    entry = '<persName type="main"><surname>Kim</surname> <forename>Il Sung</forename></persName>'
    variants = {
        "relaid.xml": '<persName type="main">\n  <surname> Kim</surname>\n'
        "  <forename>Il\n Sung </forename>\n</persName>",
        "word.xml": '<persName type="main"><surname>Kim</surname> <forename>Il Song</forename>'
        "</persName>",
        "joined.xml": '<persName type="main"><surname>Kim</surname> <forename>IlSung</forename>'
        "</persName>",
    }
    verdicts = {}
    for name, replacement in variants.items():
        changed = source.replace(entry, replacement, 1)
        assert changed != source
        (tmp_path / name).write_text(changed, "utf-8")
        verdicts[name] = {p.rule for p in validator.validate_file(tmp_path / name)}
    assert "standoff-register" not in verdicts["relaid.xml"], verdicts
    assert "standoff-register" in verdicts["word.xml"], verdicts
    assert "standoff-register" in verdicts["joined.xml"], verdicts


def test_date_attributes_are_dates_except_on_locus_where_they_are_folios(validator, tmp_path):
    source = (INVALID / "valid.xml").read_text("utf-8")
    folios = source.replace(
        '<locus type="folios" from="1" to="2">', '<locus type="folios" from="1r" to="2v">', 1
    )
    office = source.replace('<occupation from="1948">', '<occupation from="ca. 1948">', 1)
    assert folios != source and office != source
    (tmp_path / "folios.xml").write_text(folios, "utf-8")
    (tmp_path / "office.xml").write_text(office, "utf-8")
    assert validator.validate_file(tmp_path / "folios.xml") == []
    found = validator.validate_file(tmp_path / "office.xml")
    assert ("date-iso", 103) in {(p.rule, p.line) for p in found}, found


# --- the subset grammar: a fast path that never changes a verdict ---------------------------

VALID = (INVALID / "valid.xml").read_bytes()
# attributes another encoder might add: legal ones the edition does not use, a closed list's
# wrong value, and one TEI does not know
EXTRA_ATTRIBUTES = [
    ("rend", "italic"),
    ("n", "3"),
    ("{http://www.w3.org/XML/1998/namespace}lang", "de"),
    ("resp", "#ed"),
    ("cert", "high"),
    ("cert", "somewhat"),
    ("facs", "#f1"),
    ("style", "x"),
    ("bogus", "1"),
]


def test_the_subset_grammar_leaves_out_only_unused_optional_attributes():
    grammar = etree.parse(str(SCHEMA / "teiedition.rng"))
    document = etree.ElementTree(etree.fromstring(VALID))
    subset = etree.RelaxNG(attribute_subset(grammar, attribute_names(document)))
    assert subset.validate(document)
    document.getroot().find(".//{*}p").set("rend", "italic")
    assert not subset.validate(document)  # left out of the subset …
    assert etree.RelaxNG(grammar).validate(document)  # … allowed by the whole grammar
    assert not etree.RelaxNG(attribute_subset(grammar, set())).validate(
        etree.ElementTree(etree.fromstring(VALID))
    )


def test_a_valid_file_teaches_the_validator_its_attributes(tmp_path):
    fresh = Validator(SCHEMA)
    document = etree.fromstring(VALID)
    document.find(".//{*}p").set("rend", "italic")
    (tmp_path / "rend.xml").write_bytes(etree.tostring(document))
    assert "rend" not in fresh.attributes_seen
    assert fresh.validate_file(tmp_path / "rend.xml") == []
    assert "rend" in fresh.attributes_seen


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=10_000), st.sampled_from(EXTRA_ATTRIBUTES)),
        max_size=4,
    )
)
def test_validation_with_the_subset_finds_what_the_whole_grammar_finds(
    validators, tmp_path, additions
):
    document = etree.fromstring(VALID)
    elements = [e for e in document.iter(etree.Element)]
    for position, (name, value) in additions:
        elements[position % len(elements)].set(name, value)
    path = tmp_path / "mutated.xml"
    path.write_bytes(etree.tostring(document))
    subset, whole = validators
    assert subset.validate_file(path) == whole.validate_file(path)


class WholeGrammarValidator(Validator):
    def subset_relaxng(self) -> etree.RelaxNG:
        return self.relaxng


@pytest.fixture(scope="module")
def validators():
    return Validator(SCHEMA), WholeGrammarValidator(SCHEMA)


class AllRulesValidator(Validator):
    """Runs the register pattern on every file, even one whose copies are the master's."""

    def schematron(self, copies_match: bool = False):
        return super().schematron(False)


def test_files_whose_register_copies_are_the_masters_get_the_same_findings_without_that_check(
    validator,
):
    registers = sorted((ROOT / "tei" / "registers").glob("*.xml"))
    all_rules = AllRulesValidator(SCHEMA, registers)
    files = sorted(INVALID.glob("*.xml")) + sorted((ROOT / "tei").rglob("*.xml"))
    assert len(files) > 20
    for path in files:
        assert validator.validate_file(path) == all_rules.validate_file(path), path
    assert set(validator._rules) == {False, True}  # both ways were taken
    assert set(all_rules._rules) == {False}


def test_lets_that_need_no_document_are_worked_out_once_a_run():
    processor = saxon()
    registers = processor.parse_xml(xml_text="<registers/>")
    constants = schema_constants(
        processor, etree.parse(str(SCHEMA / "teiedition.sch")), {"registers": registers}
    )
    assert {"master-entries", "entry-signature", "iso639-1"} <= set(constants)
    assert not {"id-counts", "ours"} & set(constants)  # these read the file


@pytest.mark.parametrize(
    ("context", "selection"),
    [
        ("@ref | @target", "//@ref | //@target"),
        ("tei:teiHeader//tei:date", "//tei:teiHeader//tei:date"),
        ("(@when | @to)[not(parent::tei:locus)]", "//(@when | @to)[not(parent::tei:locus)]"),
        ("/tei:TEI[tei:text]", "(/tei:TEI[tei:text])"),
        ("*[@type = 'a|b'] | tei:p", "//*[@type = 'a|b'] | //tei:p"),
        ("tei:p except tei:p[1] | tei:q", "//(tei:p except tei:p[1]) | //tei:q"),
    ],
)
def test_a_rule_context_is_selected_path_by_path(context, selection):
    """Each path of a context's union from the root on its own; a bar inside a predicate or a
    string is no union, and a path with an operator keeps its parentheses."""
    from teiedition.validation import _as_selection

    assert _as_selection(context) == selection
