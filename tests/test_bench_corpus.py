"""The benchmarks' corpus generator (bench/corpus.py): its transcripts are what the speed
figures are measured on, so they must be read as the archive's pages are, convert without
error, validate, and be the same for the same size."""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from pathlib import Path

from conftest import ROOT, make_edition
from lxml import etree

from teiedition import pipeline
from teiedition.readers.layouts import read_transcript_text

sys.path.insert(0, str(ROOT / "bench"))
corpus = importlib.import_module("corpus")


def test_same_size_same_corpus() -> None:
    assert list(corpus.transcripts(9)) == list(corpus.transcripts(9))


def test_every_layout_unique_titles_and_dates() -> None:
    made = [read_transcript_text(text, Path(name)) for name, text in corpus.transcripts(12)]
    layouts = Counter(t.layout for t in made)
    assert len(layouts) == len(corpus.LAYOUTS), layouts
    assert len({t.title.text for t in made}) == len(made)
    assert len({t.page_date.text for t in made}) == len(made)


def test_corpus_converts_and_validates(tmp_path: Path) -> None:
    paths = corpus.write_corpus(6, tmp_path / "transcripts")
    config = make_edition(tmp_path / "edition", tmp_path / "transcripts")
    converted = pipeline.convert_edition(config)
    assert not converted.errors
    assert len(converted.documents) == len(paths)
    report = pipeline.validate(config)
    assert report.ok, [str(p) for p in report.errors]


def test_the_repeated_pieces_of_the_growth_bench_draft_whole(tmp_path: Path) -> None:
    """bench/bench_repeats.py times these transcripts: each must draft, its text whole."""
    from teiedition.config import load_config
    from teiedition.convert import make_draft
    from teiedition.markup.text import normalise, source_text

    repeats = importlib.import_module("bench_repeats")
    config = load_config(ROOT / "edition.toml")
    names = pipeline.load_names(config)
    for piece, how, _what in repeats.PIECES:
        path = tmp_path / "repeated.txt"
        path.write_text(repeats.transcript(piece, how, 2_000), "utf-8")
        draft = make_draft(path, config, names)
        assert draft.error is None, (piece, draft.error)
        text = normalise(source_text(etree.fromstring(draft.tei).find(".//{*}body")))
        assert text.count(normalise(piece)) >= 2_000 // len(piece) // 2, piece
