"""Incremental and parallel builds: what a change rebuilds, and that neither the cache nor the
number of processes changes a byte of the edition."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import threading
import time
import types
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, ROOT, make_edition

from teiedition import parallel, pipeline
from teiedition.cache import Blobs, Store, file_digest
from teiedition.cli import main
from teiedition.convert import ConvertStage
from teiedition.progress import NORMAL, QUIET, ConsoleProgress
from teiedition.registers import Registers
from teiedition.registry import Registry, Stabiliser
from teiedition.reports import entity_report

UNSEEN = FIXTURES / "unseen"
# An unknown person named in two documents, once as the first names him and once otherwise
# (folded alike, written differently): the second document's draft cannot be taken as it is.
SHARED_UNKNOWN = """Skip to content

March {day}, 1963

Record of Conversation with Comrade Ivan Sidorov, No. {day}

I visited comrade {name} at the embassy. Comrade {name} said that Moskovsky was away.

{name}

Document Information


AVPRF, fond 0102, opis 19, papka 95, delo {day}, listy 1-3. Translated by Gary Goldberg.

Original Uploaded Date



Record ID
"""


def transcripts(folder: Path) -> Path:
    """The seeds, the unseen fixtures and three documents sharing an unknown person."""
    folder.mkdir(parents=True)
    for source in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted(UNSEEN.glob("*.txt"))]:
        shutil.copy(source, folder / source.name)
    for day, name in ((3, "Ivan Sidorov"), (4, "Ivan Sidorov"), (5, "Ivan SIDOROV")):
        (folder / f"shared-{day}.txt").write_text(
            SHARED_UNKNOWN.format(day=day, name=name), "utf-8"
        )
    return folder


def outputs(root: Path, index: bool = False) -> dict[str, bytes]:
    """Every file the build wrote, the cache aside; the search index's files only with `index`
    (Pagefind does not write the same bytes twice for the same records: its file names and
    contents vary between runs, whatever the number of processes)."""
    found = {}
    for folder in ("tei", "output"):
        for path in sorted((root / folder).rglob("*")):
            if not path.is_file() or ".cache" in path.parts:
                continue
            if "pagefind" in path.parts and not index:
                continue
            found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found


def stamps(root: Path) -> dict[str, int]:
    return {
        name: (root / name).stat().st_mtime_ns
        for name in outputs(root, index=True)
        if not name.startswith("output/export")  # exports are remade on every build
    }


def test_parallel_conversion_equals_one_document_after_another(tmp_path, monkeypatch):
    """The drafts made in two worker processes, merged, give the TEI, the automatic register
    entries and the id registry of the plain serial loop, one shared name index throughout."""
    monkeypatch.setattr(parallel, "MIN_ITEMS_PER_JOB", 1)
    config = make_edition(tmp_path / "edition", transcripts(tmp_path / "in"))
    paths = pipeline.transcript_paths([config.transcripts_dir])
    serial_names = pipeline.load_names(config)
    serial_registry = Registry.load(config.registry_path)
    stabiliser = Stabiliser(serial_registry, tmp_path / "none", config.version)
    expected = {}
    for path in paths:
        doc_id, data, _ = pipeline.convert_transcript(path, config, serial_names, stabiliser)
        expected[f"{doc_id}.xml"] = data
    registers = Registers.load(config.registers_dir)
    registry = Registry.load(config.registry_path)
    out = tmp_path / "parallel"
    stage = ConvertStage(config, registers, jobs=2)
    stage.run(paths, out, registry)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == expected
    assert registry.dump() == serial_registry.dump()
    made = {e.id: e.names[0] for e in registers.entities.values() if not e.reviewed}
    assert made == {
        e.id: e.names[0] for e in serial_names.registers.entities.values() if not e.reviewed
    }
    assert made["sidorov-ivan"] == "Ivan Sidorov"


def test_a_parallel_incremental_build_equals_a_serial_build_from_scratch(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_ITEMS_PER_JOB", 1)
    sources = transcripts(tmp_path / "in")
    serial = make_edition(tmp_path / "serial", sources)
    assert pipeline.build(serial, jobs=1).ok
    shutil.rmtree(serial.cache_dir)
    parallel_edition = make_edition(tmp_path / "parallel", sources)
    assert pipeline.build(parallel_edition, jobs=2).ok
    assert pipeline.build(parallel_edition, jobs=2).ok  # again, all from the cache
    first, second = outputs(serial.root), outputs(parallel_edition.root)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


# Converts and validates an edition (argv: its edition.toml, the number of jobs); prints how
# each stage would start its workers, then the validation findings.
FRESH_PROCESS_STAGES = """
import sys
from teiedition import parallel, pipeline
from teiedition.config import load_config

parallel.MIN_ITEMS_PER_JOB = 1
config, jobs = load_config(sys.argv[1]), int(sys.argv[2])
methods = [parallel.start_method()]
report = pipeline.convert_edition(config, jobs)
methods.append(parallel.start_method())
validation = pipeline.validate(config, jobs=jobs)
assert report.ok
print(*methods)
print(validation.to_json().replace(sys.argv[1].rsplit("/", 1)[0], "EDITION"))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_workers_forked_by_a_fresh_process_make_what_one_process_makes(tmp_path):
    """The test process has loaded Saxon, so its workers are spawned. A fresh process, as the
    command line is, forks them for converting and validating: the same TEI and findings."""
    sources = transcripts(tmp_path / "in")
    runs = {}
    for jobs in (1, 2):
        config = make_edition(tmp_path / f"jobs{jobs}", sources)
        settings = str(config.root / "edition.toml")
        done = subprocess.run(
            [sys.executable, "-c", FRESH_PROCESS_STAGES, settings, str(jobs)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        method, findings = done.stdout.split("\n", 1)
        runs[jobs] = method, findings, outputs(config.root)
    assert runs[2][0] == "fork fork"
    assert runs[1][1:] == runs[2][1:]


def test_workers_are_spawned_where_a_fork_is_not_safe(monkeypatch):
    """Saxon or Typst loaded, a second thread running, or a pool that replaces its workers:
    spawn. Otherwise, on Linux, fork."""
    for name in ("saxonche", "typst"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    linux = sys.platform.startswith("linux")
    assert parallel.start_method() == ("fork" if linux else "spawn")
    assert parallel.start_method(isolate=True) == "spawn"
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert parallel.start_method() == "spawn"
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    for name in ("saxonche", "typst"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
        assert parallel.start_method() == "spawn"
        monkeypatch.delitem(sys.modules, name)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    config = make_edition(tmp_path_factory.mktemp("incremental") / "edition")
    assert pipeline.build(config).ok
    return config


def test_an_unchanged_edition_rebuilds_nothing(built):
    before = stamps(built.root)
    report = pipeline.build(built)
    assert report.ok and report.written == [] and len(report.documents) == 5
    assert stamps(built.root) == before


def test_a_touched_but_unchanged_transcript_rebuilds_nothing(built):
    """A content hash decides, not the file's time."""
    seed = sorted(built.transcripts_dir.glob("*.txt"))[2]
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 10**12))
    before = stamps(built.root)
    assert pipeline.build(built).ok
    assert stamps(built.root) == before


def test_an_unchanged_edition_is_planned_without_reading_the_search_records(built):
    """The records (the text of every paragraph) are read only to index a shard again."""
    records = built.cache_dir / "search-records.sqlite"
    assert records.is_file()
    kept = records.read_bytes()
    records.unlink()
    before = stamps(built.root)
    assert pipeline.build(built).ok
    assert not records.exists() and stamps(built.root) == before
    records.write_bytes(kept)


def test_an_unchanged_edition_is_rebuilt_without_the_converter(built):
    """A rebuild with nothing to convert, in a fresh process as the command line runs it,
    neither imports the reader and mark-up modules nor compiles the registers' name index:
    their patterns are most of such a build's time."""
    script = (
        "import sys\n"
        "from teiedition import pipeline\n"
        "from teiedition.cache import code_digest\n"
        "from teiedition.config import load_config\n"
        "config = load_config(sys.argv[1])\n"
        "report = pipeline.convert_edition(config, 2, code=code_digest(None))  # as build does\n"
        "assert report.ok and report.written == [], report.written\n"
        "print(sorted(m for m in sys.modules if m.startswith(('teiedition.markup.names', "
        "'teiedition.markup.blocks', 'teiedition.markup.inline', 'teiedition.readers'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(built.root / "edition.toml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


HUNGARIAN = "d1962-08-27-report-embassy-hungary"


def edit_and_rebuild(config, tmp_path, old: str, new: str) -> list[str]:
    """Edit the Hungarian report (keeping its file time), rebuild, check the result equals a
    build from scratch of the edited transcripts, and say which files changed."""
    seed = sorted(config.transcripts_dir.glob("*.txt"))[1]
    mtime = seed.stat().st_mtime_ns
    seed.write_text(seed.read_text("utf-8").replace(old, new, 1), "utf-8")
    os.utime(seed, ns=(mtime, mtime))  # an edit that keeps the file's time is still seen
    before = stamps(config.root)
    assert pipeline.build(config).ok
    after = stamps(config.root)
    fresh = make_edition(tmp_path / "fresh", config.transcripts_dir)
    shutil.copy(config.registry_path, fresh.registry_path)
    assert pipeline.build(fresh).ok
    mine, theirs = outputs(config.root), outputs(fresh.root)
    assert [name for name in theirs if mine.get(name) != theirs[name]] == []
    return sorted(name for name in after if after[name] != before.get(name))


def test_a_corrected_word_rebuilds_its_document_and_nothing_else(built, tmp_path):
    changed = edit_and_rebuild(built, tmp_path, "introductory visit", "first visit")
    must = {
        f"tei/documents/{HUNGARIAN}.xml",
        "tei/ids.json",  # the changed paragraph's new fingerprint
        f"output/html/documents/{HUNGARIAN}.html",
        f"output/html/tei/{HUNGARIAN}.xml",
        f"output/pdf/documents/{HUNGARIAN}.pdf",
        "output/pdf/edition.pdf",
    }
    assert must <= set(changed)
    # beyond those, only the whole-edition downloads that contain it and the search index:
    # the pages that list the edition show nothing of the changed words, and are kept
    assert [
        name
        for name in changed
        if name not in must
        and "/pagefind" not in name
        and not name.startswith("output/html/downloads/")
    ] == []
    assert "first visit" in (built.documents_dir / f"{HUNGARIAN}.xml").read_text("utf-8")


def test_a_changed_name_remakes_the_pages_that_list_it(built, tmp_path):
    changed = edit_and_rebuild(
        built, tmp_path, "Comrade Khrushchev explained", "Comrade Kosygin explained"
    )
    assert {f"output/html/documents/{HUNGARIAN}.html", "output/html/persons.html"} <= set(changed)


def test_when_a_changed_document_takes_a_later_documents_id_all_ids_are_given_again(tmp_path):
    """The Polish note is given the Soviet record's number, so it is identified as that
    record, which comes later and has not changed. Giving ids to changed documents only would
    not be what a full pass gives: the build gives every document its ids again, and the
    result is that of a build from scratch with the same registry."""
    config = make_edition(tmp_path / "edition", ROOT / "seeds", UNSEEN)
    assert pipeline.build(config).ok
    registry = config.registry_path.read_bytes()
    note = config.transcripts_dir / "polish-note-1964.txt"
    note.write_text(note.read_text("utf-8").replace("/document/118020", "/document/116710"))
    pipeline.build(config)
    fresh = make_edition(tmp_path / "fresh", config.transcripts_dir)
    fresh.registry_path.parent.mkdir(parents=True, exist_ok=True)
    fresh.registry_path.write_bytes(registry)
    pipeline.build(fresh)
    mine, theirs = outputs(config.root), outputs(fresh.root)
    tei = [name for name in theirs if name.startswith("tei/")]
    assert tei and [name for name in tei if mine.get(name) != theirs[name]] == []


def process_of(chunk: list[int]) -> list[int]:
    return [os.getpid()] * len(chunk)


def test_isolated_work_gets_a_fresh_process_for_each_chunk():
    """Volumes are laid out one to a process: what one leaves in memory goes with it."""
    pids = parallel.run_chunks([1, 2, 3], process_of, 2, min_items_per_job=1, isolate=True)
    assert len(set(pids)) == 3 and os.getpid() not in pids


def test_a_file_hash_follows_an_edit_that_keeps_size_and_time(tmp_path):
    """Hashes are remembered within a process, but never across a change of content."""
    path = tmp_path / "t.txt"
    path.write_text("Kim Il Sung", "utf-8")
    first = file_digest(path)
    stat = path.stat()
    time.sleep(0.02)  # a later change time, as any later write has
    path.write_text("Kim II Sung", "utf-8")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the old file time
    assert file_digest(path) != first
    assert file_digest(path) == hashlib.sha256(b"Kim II Sung").hexdigest()


def test_progress_without_a_terminal_is_one_line_per_stage():
    stream = io.StringIO()
    progress = ConsoleProgress(NORMAL, stream, interactive=False)
    progress.start("convert", 3)
    progress.advance(3)
    progress.finish("convert: 3 of 3 transcripts")
    progress.detail("not shown unless verbose")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("convert: 3 of 3 transcripts (")


def test_progress_reports_a_long_stage_every_few_seconds_without_a_terminal(monkeypatch):
    stream = io.StringIO()
    progress = ConsoleProgress(NORMAL, stream, interactive=False)
    monkeypatch.setattr(ConsoleProgress, "LINE_EVERY", 0.0)
    progress.start("html", 4)
    progress.advance(1)
    assert stream.getvalue().startswith("html: 1 of 4 (25 %), about ")


def test_progress_on_a_terminal_draws_a_bar_with_counts(monkeypatch):
    stream = io.StringIO()
    monkeypatch.setattr(ConsoleProgress, "BAR_AFTER", 0.0)
    progress = ConsoleProgress(NORMAL, stream, interactive=True)
    progress.start("pdf", 10)
    progress.advance(4)
    assert progress.bar is not None
    assert progress.bar.tasks[0].completed == 4 and progress.bar.tasks[0].total == 10
    progress.finish("pdf: done")
    assert progress.bar is None and "pdf: done" in stream.getvalue()


def test_quiet_progress_says_nothing():
    stream = io.StringIO()
    progress = ConsoleProgress(QUIET, stream, interactive=False)
    progress.start("convert", 1)
    progress.advance(1)
    progress.finish("convert: 1 of 1")
    assert stream.getvalue() == ""


def test_cli_build_quiet_and_jobs(built):
    runner = CliRunner()
    config = ["--config", str(built.root / "edition.toml")]
    quiet = runner.invoke(main, [*config, "build", "--quiet", "--jobs", "2"])
    assert quiet.exit_code == 0, quiet.output
    assert quiet.output == ""
    normal = runner.invoke(main, [*config, "build", "-j", "1"])
    assert normal.exit_code == 0
    assert "convert: 5 of 5 transcripts, 0 TEI files written" in normal.output
    # 5 document pages, 6 pages listing the edition, a page for each register entry
    site = built.root / "output" / "html"
    entries = [p for f in ("persons", "places", "organizations") for p in site.glob(f"{f}/*.html")]
    pages = 11 + len(entries)
    assert len(entries) > 20
    assert f"html: {pages} pages, 0 made, {pages} unchanged" in normal.output
    assert runner.invoke(main, [*config, "build", "--jobs", "0"]).exit_code == 2


def test_checks_worked_out_as_documents_are_written_match_reading_the_files(tmp_path):
    """The build checks each document's ids and counts its names as it writes it; the same
    findings as reading every written file again, without a cache."""
    config = make_edition(tmp_path / "edition")
    registry = Registry.load(config.registry_path)
    registry.documents.clear()  # every document written afresh, each with a new record
    registry.save(config.registry_path)
    report = pipeline.convert_edition(config, 1, code="code")
    assert report.ok
    assert report.ids == pipeline.check_ids_of(config) == []
    again = entity_report(sorted(config.documents_dir.glob("*.xml")))
    assert report.entities.csv() == again.csv()
    assert (report.entities.linked, report.entities.unlinked) == (again.linked, again.unlinked)
    assert report.entities.mentions == again.mentions


def test_a_store_finds_what_this_run_filed():
    store = Store(None, "checks")
    assert store.get("key") is None
    store.put("key", [])
    assert store.get("key") == []


def test_blobs_keep_what_the_last_run_used_or_made(tmp_path):
    first = Blobs(tmp_path, "drafts")
    first.put("a", b"draft a")
    first.put("b", b"draft b")
    first.prune()
    second = Blobs(tmp_path, "drafts")
    assert second.get("a") == b"draft a"
    second.put("c", b"draft c")
    second.prune()  # "b" was not used by this run
    third = Blobs(tmp_path, "drafts")
    assert (third.get("a"), third.get("b"), third.get("c")) == (b"draft a", None, b"draft c")


def test_a_run_that_fails_keeps_the_blobs_it_made_and_locks_nothing(tmp_path):
    failed = Blobs(tmp_path, "drafts")
    failed.put("a", b"draft a")  # and then no prune: the run stopped
    retried = Blobs(tmp_path, "drafts")  # in the same process, the failed run's still open
    assert retried.get("a") == b"draft a"
    retried.put("b", b"draft b")
    retried.prune()
    assert Blobs(tmp_path, "drafts").get("b") == b"draft b"


def test_a_damaged_blob_file_is_only_a_slower_build(tmp_path):
    (tmp_path / "drafts.sqlite").write_bytes(b"not a database, but forty bytes of junk..")
    blobs = Blobs(tmp_path, "drafts")
    assert blobs.get("a") is None
    blobs.put("a", b"draft a")
    blobs.prune()
    assert Blobs(tmp_path, "drafts").get("a") == b"draft a"


def test_a_run_that_changes_no_blob_leaves_their_file_untouched(tmp_path):
    blobs = Blobs(tmp_path, "drafts")
    blobs.put("a", b"draft a")
    blobs.prune()
    before = (tmp_path / "drafts.sqlite").stat().st_mtime_ns
    again = Blobs(tmp_path, "drafts")
    assert again.get("a") == b"draft a"
    again.prune()
    assert (tmp_path / "drafts.sqlite").stat().st_mtime_ns == before


def test_a_page_copied_twice_is_warned_of_on_every_build(tmp_path):
    """Two transcripts of one archive record are most likely one page copied twice: the
    build warns, names the first copy, and keeps both, each a document of its own; a
    rebuild that converts nothing warns the same."""
    config = make_edition(tmp_path / "edition")
    seed = config.transcripts_dir / "003_c6cb0f957e2c67b3.txt"  # the seed with a record number
    copy = seed.with_name("zz-copy.txt")
    shutil.copy(seed, copy)
    for run in range(2):
        report = pipeline.convert_edition(config, 1, code="code")
        warned = [w for w in report.warnings if "again" in w.message]
        assert [(w.path.name, w.severity) for w in warned] == [(copy.name, "warning")], run
        assert seed.name in warned[0].message
        assert report.ok and len(report.documents) == 6
