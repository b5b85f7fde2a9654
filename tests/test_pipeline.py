"""Conversion runs: bad input is reported in one line, other files still convert, and no
half-written file is ever left behind."""

import codecs
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, NS, SEEDS, make_edition, one
from lxml import etree

from teiedition import pipeline
from teiedition.cli import main
from teiedition.config import PROJECT_SCHEMA, load_config
from teiedition.errors import InputError, TeieditionError
from teiedition.markup.tei import XML_ID
from teiedition.markup.text import source_text
from teiedition.readers import read_transcript

GOOD = (SEEDS[4]).read_bytes()  # any seed in the current page layout


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


BAD_INPUTS = {
    "empty.txt": (b"", "empty file", None),
    "blank.txt": (b"\n \n\t\n", "empty file", None),
    "furniture.txt": (
        b"Skip to content\n\nDocument Information\n\nRecord ID\n",
        "no document text",
        None,
    ),
    "link-only.txt": (b"Skip to content\n", "no document text", None),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", None),
    "nodate.txt": (b"Skip to content\n\nA Title Without a Date\n\nSome text.\n", "no date", 3),
    "title-only.txt": (
        b"Skip to content\n\nMarch 3, 1963\n\nA Title\n",
        "no document text between the title and the end of the page",
        5,
    ),
    "title-then-back-matter.txt": (
        b"Skip to content\n\nMarch 3, 1963\n\nA Title\n\nDocument Information\n\nRecord ID\n",
        "no document text between the title and 'Document Information'",
        5,
    ),
    "unknown-layout.txt": (b"Dear diary,\n\ntoday nothing happened.\n", "known layout", 1),
    # the page saved as it is: say so, and what to do instead
    "saved-html.txt": (
        b"<!DOCTYPE html>\n<html><body><p>Skip to content</p></body></html>\n",
        "an HTML file, not a page's text: copy the text of the archive's page",
        1,
    ),
    "saved-pdf.txt": (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\n", "a PDF file", 1),
    "undecodable.txt": (
        b"Skip to content\n\n\x81\x8d\x8f\x90\x9d\n",
        "cannot read it as text",
        3,  # the line of the first byte neither encoding reads
    ),
    "noncharacter.txt": (
        "Skip to content\n\nMarch 3, 1963\n\nA Title\n\nText \ufffe.\n".encode(),
        "character U+FFFE cannot be stored in XML",
        7,
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_one_line_naming_file_and_line(tmp_path, name):
    data, message, line = BAD_INPUTS[name]
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as caught:
        read_transcript(path)
    text = str(caught.value)
    assert "\n" not in text and message in text
    assert text.startswith(f"{path}:{line}: error:" if line else f"{path}: error:")


def test_a_page_without_a_date_names_the_line(tmp_path):
    path = write(
        tmp_path,
        "x.txt",
        b"CITATION SHARE DOWNLOAD\n\nget citation\n\nSummary.\n\nshare document\n",
    )
    with pytest.raises(InputError, match="without the archive's citation line"):
        read_transcript(path)


def test_a_fault_of_the_converter_on_one_file_is_that_file_s_error(tmp_path, config, monkeypatch):
    """Not a traceback that stops the run: the file is named, with the fault, in one line,
    and the other files are converted."""
    from teiedition.markup import document

    build = document.build_document

    def faulty(transcript, *args, **kwargs):
        if transcript.path.name == "b.txt":
            raise ValueError("an id\nthat is no XML name")
        return build(transcript, *args, **kwargs)

    monkeypatch.setattr(document, "build_document", faulty)
    inputs = tmp_path / "in"
    inputs.mkdir()
    write(inputs, "a.txt", GOOD)
    write(inputs, "b.txt", GOOD)
    report = pipeline.convert([inputs], tmp_path / "out", config, jobs=1)
    assert len(report.written) == 1 and not report.ok
    (error,) = report.errors
    assert error.path.name == "b.txt" and "\n" not in str(error)
    assert "the converter failed on this file (ValueError: an id that is no XML name)" in str(error)


def test_a_fault_while_giving_one_file_its_ids_is_that_file_s_error(tmp_path, monkeypatch):
    """The ids are given in the build's own process, after the workers' drafts: a fault there
    (a tree too deep to read back had been one) is the file's error too, not a traceback."""
    from teiedition.registry import Stabiliser

    stabilise = Stabiliser.stabilise

    def faulty(self, tree, source):
        if source.name == SEEDS[1].name:
            raise RecursionError("maximum recursion depth exceeded")
        return stabilise(self, tree, source)

    monkeypatch.setattr(Stabiliser, "stabilise", faulty)
    config = make_edition(tmp_path / "edition")
    report = pipeline.convert_edition(config, 1)
    (error,) = report.errors
    assert error.path.name == SEEDS[1].name
    assert "the converter failed on this file (RecursionError: maximum recursion" in str(error)
    assert len(list(config.documents_dir.glob("*.xml"))) == len(SEEDS) - 1


def test_other_files_still_convert_and_nothing_partial_is_left(tmp_path, config):
    inputs = tmp_path / "in"
    inputs.mkdir()
    write(inputs, "a-good.txt", GOOD)
    for name, (data, _, _) in BAD_INPUTS.items():
        write(inputs, name, data)
    out = tmp_path / "out"
    report = pipeline.convert([inputs], out, config)
    assert report.inputs == 1 + len(BAD_INPUTS)
    assert [p.name for p in report.written] == ["d1962-11-14-memorandum-conversation-soviet.xml"]
    assert len(report.errors) == len(BAD_INPUTS) and not report.ok
    assert sorted(p.name for p in out.iterdir()) == [report.written[0].name]  # no temp files


def test_encodings_are_accepted_and_the_fallback_is_recorded(tmp_path, config):
    text = GOOD.decode("utf-8")
    write(tmp_path, "utf8-bom.txt", codecs.BOM_UTF8 + GOOD)
    write(tmp_path, "utf16.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    cp1252 = text.replace("–", "-").replace("“", '"').replace("”", '"') + "\nCafé\n"
    cp1252_path = write(tmp_path, "cp1252.txt", cp1252.encode("cp1252"))
    for path in tmp_path.iterdir():
        transcript = read_transcript(path)
        assert transcript.body[0].text == "14 November 1962"
    report = pipeline.convert([cp1252_path], tmp_path / "out", config)
    (fallback,) = [w for w in report.warnings if w.message.startswith("not valid UTF-8")]
    # on the line of the first character Windows-1252 writes as a byte UTF-8 does not read
    first = next(i for i, c in enumerate(cp1252) if not c.isascii())
    assert fallback.line == cp1252.count("\n", 0, first) + 1
    tree = etree.parse(str(report.written[0]))
    assert "Windows-1252" in one(tree, "//tei:editorialDecl/tei:p")
    # the line after the page, kept as the page gave it (a line under no label there is no
    # funder: it is reported)
    assert one(tree, "//tei:notesStmt/tei:note[@type = 'unrecognised']") == "Café"


def test_a_failed_write_leaves_neither_target_nor_temporary_file(tmp_path, config, monkeypatch):
    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        pipeline.convert([SEEDS[0]], tmp_path, config)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_document_is_kept_when_its_transcript_turns_bad(tmp_path, config):
    source = write(tmp_path, "doc.txt", GOOD)
    out = tmp_path / "out"
    target = pipeline.convert([source], out, config).written[0]
    before = target.read_bytes()
    source.write_bytes(b"")
    assert not pipeline.convert([source], out, config).ok
    assert target.read_bytes() == before


def test_two_transcripts_of_one_record_are_not_both_written(tmp_path, config):
    first = write(tmp_path, "a.txt", GOOD)
    second = write(tmp_path, "b.txt", GOOD)
    report = pipeline.convert([first, second], tmp_path / "out", config)
    assert len(report.written) == 1
    assert "already taken by" in report.errors[0].message and report.errors[0].path == second


def test_dateline_disagreeing_with_the_page_is_warned(tmp_path, config):
    path = FIXTURES / "transcripts" / "faceted-page-rgani.txt"
    report = pipeline.convert([path], tmp_path, config)
    assert [
        (w.line, w.severity)
        for w in report.warnings
        if "differs from the archive's date" in w.message
    ] == [(12, "warning")]


def test_a_dateline_years_from_the_page_is_not_the_document_s_date(tmp_path, config):
    """A dateline decades off the archive's date is a misreading: the page's date is the
    document's, with a warning on the dateline's line (a dateline a day off is still the
    document's: the test above)."""
    page = (FIXTURES / "transcripts" / "faceted-page-rgani.txt").read_bytes()
    far = write(tmp_path, "far.txt", page.replace(b"6 March 1963", b"6 March 1936"))
    report = pipeline.convert([far], tmp_path / "out", config)
    assert [
        (w.line, "years from" in w.message) for w in report.warnings if "dateline" in w.message
    ] == [(12, True)]
    (tei,) = (tmp_path / "out").glob("*.xml")
    assert etree.parse(str(tei)).xpath("string(//tei:creation/tei:date/@when)", namespaces=NS) == (
        "1963-03-05"
    )


def test_unknown_archive_is_a_warning_with_the_line(tmp_path, config):
    path = FIXTURES / "transcripts" / "page-unknown-archive.txt"
    report = pipeline.convert([path], tmp_path, config)
    assert report.ok
    assert [str(w) for w in report.warnings] == [
        f"{path}:13: warning: unknown archive in citation 'Mongolian National Central Archive, "
        "fond 4, dans 28, kh/n 126'; kept verbatim",
        f"{path}: warning: the page states no original language and the archive does not tell "
        "it: recorded as undetermined (und)",
    ]


# --- the command line --------------------------------------------------------------------


def test_cli_build_from_a_fresh_edition_folder(tmp_path):
    root = tmp_path / "edition"
    make_edition(root)
    result = CliRunner().invoke(main, ["--config", str(root / "edition.toml"), "build"])
    assert result.exit_code == 0, result.output
    assert len(list((root / "tei" / "documents").glob("*.xml"))) == len(SEEDS)
    assert "converted 5 of 5 transcripts" in result.output


def test_a_new_edition_without_a_schema_folder_uses_teiedition_s(tmp_path):
    root = tmp_path / "edition"
    make_edition(root, SEEDS[0])
    shutil.rmtree(root / "tei" / "schema")
    config = load_config(root / "edition.toml")
    assert config.schema_dir == PROJECT_SCHEMA
    assert pipeline.convert_edition(config).ok
    report = pipeline.validate(config)
    assert report.ok and len(report.files) == len(list(config.tei_dir.rglob("*.xml")))
    # deriving the RELAX NG is for an edition's own ODD: teiedition's is left alone
    with pytest.raises(TeieditionError, match=r"teiedition\.odd: no such file.*copy"):
        pipeline.derive_schema(config, tmp_path / "tei_all.rng")


def test_an_edition_s_own_schema_folder_is_used_even_when_incomplete(tmp_path):
    root = tmp_path / "edition"
    config = make_edition(root, SEEDS[0])
    (root / "tei" / "schema" / "teiedition.sch").unlink()
    assert config.schema_dir == root / "tei" / "schema"
    with pytest.raises(TeieditionError, match=r"missing teiedition\.sch"):
        pipeline.validate(config)


def test_cli_convert_exit_codes_and_messages(tmp_path):
    good = write(tmp_path, "good.txt", GOOD)
    bad = write(tmp_path, "bad.txt", b"")
    runner = CliRunner()
    result = runner.invoke(main, ["convert", str(good), str(bad), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert f"{bad}: error: empty file" in result.output
    assert "converted 1 of 2 transcripts" in result.output
    assert (tmp_path / "o").is_dir()
    ok = runner.invoke(main, ["convert", str(good), "--out", str(tmp_path / "o")])
    assert ok.exit_code == 0
    assert runner.invoke(main, ["convert", "--no-such-option"]).exit_code == 2


def paragraph_texts(document: Path) -> dict[str, str]:
    """The text of each paragraph of a document's body, by its id."""
    found = etree.parse(str(document)).xpath("//tei:body//tei:p[@xml:id]", namespaces=NS)
    return {p.get(XML_ID): " ".join(source_text(p).split()) for p in found}


def test_cli_convert_into_the_edition_keeps_the_ids_it_has_published(tmp_path):
    """`teiedition convert`, its defaults the edition's transcripts and documents folder,
    converts as the build does: a paragraph put before the first keeps every published id
    where it was (a fresh conversion would number them all again), and the names the
    registers do not know go to the register still to review, so that the edition stays
    valid."""
    config = make_edition(tmp_path / "edition", SEEDS[0])
    assert pipeline.convert_edition(config).ok
    (document,) = config.documents_dir.glob("*.xml")
    before = paragraph_texts(document)
    first = next(iter(before.values()))
    (transcript,) = config.transcripts_dir.glob("*.txt")
    text = transcript.read_text("utf-8")
    opening = re.search(r"\s+".join(map(re.escape, first.split()[:4])), text)
    assert opening is not None
    added = f"{text[: opening.start()]}A paragraph the editors added.\n\n{text[opening.start() :]}"
    transcript.write_text(added, "utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["--config", str(config.root / "edition.toml"), "convert"])
    assert result.exit_code == 0, result.output
    after = paragraph_texts(document)
    assert {i: after.get(i) for i in before} == before
    assert "A paragraph the editors added." in set(after.values()) - set(before.values())
    assert pipeline.validate(config).ok
    # a transcript from elsewhere gets none of the edition's ids: not written among its
    # documents, but anywhere else
    elsewhere = write(tmp_path, "elsewhere.txt", GOOD)
    with pytest.raises(TeieditionError, match="not one of the edition's transcripts"):
        pipeline.convert([elsewhere], config.documents_dir, config)
    assert len(list(config.documents_dir.glob("*.xml"))) == 1
    assert pipeline.convert([elsewhere], tmp_path / "out", config).ok


def test_cli_build_with_a_bad_transcript_converts_the_others_and_publishes_nothing(tmp_path):
    config = make_edition(tmp_path / "edition", SEEDS[0])
    bad = write(config.root / "seeds", "bad.txt", b"")
    result = CliRunner().invoke(main, ["--config", str(config.root / "edition.toml"), "build"])
    assert result.exit_code == 1
    assert f"{bad}: error: empty file" in result.output
    assert "converted 1 of 2 transcripts" in result.output
    assert "the edition was not published: fix the errors above" in result.output
    assert len(list(config.documents_dir.glob("*.xml"))) == 1
    assert not (config.root / "output" / "html").exists()


def test_cli_says_an_input_error_as_a_file_s_diagnostic(tmp_path):
    """An error the library raises about a file is printed as the build prints a file's
    problem, "file: error: …", once, not "Error: file: error: …"."""
    config = make_edition(tmp_path / "edition", SEEDS[0])
    for path in config.transcripts_dir.glob("*.txt"):
        path.unlink()
    result = CliRunner().invoke(main, ["--config", str(config.root / "edition.toml"), "build"])
    assert result.exit_code == 1
    assert result.output == (
        f"{config.transcripts_dir}: error: no transcripts (*.txt) in it: nothing to build\n"
    )


def test_cli_reports_a_broken_config(tmp_path):
    config = write(tmp_path, "edition.toml", b"[edition]\ntitle = \n")
    result = CliRunner().invoke(main, ["--config", str(config), "build"])
    assert result.exit_code == 1 and "not valid TOML" in result.output


def test_config_rejects_unknown_settings(tmp_path):
    config = write(tmp_path, "edition.toml", b'[edition]\ntitel = "x"\n')
    with pytest.raises(Exception, match="unknown setting"):
        load_config(config)


@pytest.mark.parametrize(
    ("print_table", "message"),
    [
        ("volume_size = 0", "at least 1"),
        ('volume_size = "ten"', "whole number"),
        ("size = 3", "unknown"),
    ],
)
def test_config_checks_the_print_settings(tmp_path, print_table, message):
    config = write(tmp_path, "edition.toml", f"[print]\n{print_table}\n".encode())
    with pytest.raises(Exception, match=message):
        load_config(config)


def test_config_reads_the_volume_size_and_keywords(tmp_path):
    text = b'[edition]\nkeywords = ["Cold War"]\n[print]\nvolume_size = 50\n'
    config = load_config(write(tmp_path, "edition.toml", text))
    assert config.volume_size == 50 and config.keywords == ("Cold War",)


def test_untrusted_text_stays_text(tmp_path, config):
    page = GOOD.decode().replace(
        "[I] Visited comrade Kim Il Sung.",
        '<script>alert("x")</script> & <!ENTITY x SYSTEM "file:///etc/passwd"> &x; “quote”',
    )
    path = write(tmp_path, "hostile.txt", page.encode())
    tree = etree.parse(str(pipeline.convert([path], tmp_path / "o", config).written[0]))
    assert not tree.xpath("//script") and not tree.xpath("//*[local-name()='script']")
    first = tree.xpath("(//tei:body//tei:p)[1]", namespaces=NS)[0]
    assert source_text(first).strip() == (
        '<script>alert("x")</script> & <!ENTITY x SYSTEM "file:///etc/passwd"> &x; “quote”'
    )
    assert tree.docinfo.internalDTD is None
    assert not tree.xpath("//tei:body//comment()", namespaces=NS)


def test_the_committed_edition_is_what_the_converter_makes(config):
    """tei/documents/ is committed; it must be rebuilt whenever the converter changes."""
    expected = {}
    names = pipeline.load_names(config)
    for path in SEEDS:
        doc_id, data, _ = pipeline.convert_transcript(path, config, names)
        expected[f"{doc_id}.xml"] = data
    committed = {p.name: p.read_bytes() for p in config.documents_dir.glob("*.xml")}
    assert committed.keys() == expected.keys(), "run `teiedition build` and commit tei/"
    for name, data in expected.items():
        assert committed[name] == data, f"{name} is stale: run `teiedition build` and commit tei/"


def test_written_files_are_readable_by_others(tmp_path, config):
    target = pipeline.convert([SEEDS[0]], tmp_path, config).written[0]
    assert target.stat().st_mode & 0o044 == 0o044 or os.umask(0o022) & 0o044


def test_an_edition_without_transcripts_is_a_clear_error(tmp_path):
    """A new edition's transcripts folder, empty or missing: one error naming it (the build
    went on to the HTML edition and failed there with a traceback)."""
    config = make_edition(tmp_path / "edition")
    for path in config.transcripts_dir.glob("*.txt"):
        path.unlink()
    with pytest.raises(InputError, match="no transcripts") as raised:
        pipeline.build(config)
    assert raised.value.diagnostic.path == config.transcripts_dir
    config.transcripts_dir.rmdir()
    with pytest.raises(InputError, match="does not exist"):
        pipeline.build(config)
    # nor does publishing an edition not yet built print an empty volume or fail inside
    for publish in (pipeline.html, pipeline.pdf):
        with pytest.raises(InputError, match="no TEI documents to publish"):
            publish(config)
