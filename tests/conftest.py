"""Shared fixtures: the edition's config, the seeds, our own fixture transcripts, tei_all."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings
from lxml import etree

from teiedition import pipeline
from teiedition.config import Config, load_config
from teiedition.markup.document import build_document
from teiedition.markup.names import NameIndex
from teiedition.pipeline import load_names
from teiedition.readers import read_transcript
from teiedition.readers.transcript import Field

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_TRANSCRIPTS = sorted((FIXTURES / "transcripts").glob("*.txt"))
ALL_TRANSCRIPTS = SEEDS + FIXTURE_TRANSCRIPTS
# The TEI Consortium's tei_all schema, shipped beside the project (see ../shared/README.md);
# TEIEDITION_TEI_ALL overrides where it is looked for.
TEI_ALL = Path(
    os.environ.get("TEIEDITION_TEI_ALL", ROOT.parent / "shared" / "schemas" / "tei_all.rng")
)
NS = {"tei": "http://www.tei-c.org/ns/1.0"}

# HYPOTHESIS_PROFILE=thorough runs the property tests on many more generated transcripts.
settings.register_profile("default", max_examples=150, deadline=None)
settings.register_profile("thorough", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output instead of comparing",
    )


@pytest.fixture(scope="session")
def config() -> Config:
    return load_config(ROOT / "edition.toml")


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    if not TEI_ALL.is_file():
        pytest.skip(
            f"TEI P5 tei_all.rng not found at {TEI_ALL}: the conformance tests need the "
            "TEI Consortium's schema beside the project (../shared/schemas/) or "
            "TEIEDITION_TEI_ALL pointing to it"
        )
    return etree.RelaxNG(etree.parse(str(TEI_ALL)))


@pytest.fixture
def names(config) -> NameIndex:
    """The edition's registers, fresh for each test (automatic entries never leak)."""
    return load_names(config)


def convert_path(path: Path, config: Config, names: NameIndex | None = None) -> etree._ElementTree:
    """Convert as the build does: with the edition's registers unless `names` is given."""
    return build_document(read_transcript(path), config, names or load_names(config))


def xpath(tree: etree._ElementTree | etree._Element, expression: str) -> list:
    return tree.xpath(expression, namespaces=NS)


def one(tree: etree._ElementTree | etree._Element, expression: str) -> str:
    """The string value of an XPath that must select exactly one thing."""
    found = xpath(tree, expression)
    assert len(found) == 1, f"{expression} selected {len(found)} nodes"
    item = found[0]
    return item if isinstance(item, str) else "".join(item.itertext())


def make_edition(folder: Path, *transcripts: Path) -> Config:
    """A copy of the edition (config, registers, schema) in `folder`, whose transcripts are
    `transcripts` (files or folders; default: the seeds)."""
    for part in ("tei/registers", "tei/schema"):
        shutil.copytree(ROOT / part, folder / part)
    shutil.copy(ROOT / "edition.toml", folder / "edition.toml")
    seeds = folder / "seeds"
    seeds.mkdir()
    for source in transcripts or (ROOT / "seeds",):
        for path in sorted(source.glob("*.txt")) if source.is_dir() else [source]:
            shutil.copy(path, seeds / path.name)
    return load_config(folder / "edition.toml")


def built_edition(folder: Path, *transcripts: Path) -> Config:
    """`make_edition` of `transcripts`, built: TEI, HTML, search and PDFs, with no error."""
    config = make_edition(folder, *transcripts)
    report = pipeline.build(config)
    assert report.ok, [str(d) for d in report.errors]
    return config


def fields(text: str) -> list[Field]:
    """The lines of `text` as a transcript's fields, numbered from 1."""
    return [Field(line, number) for number, line in enumerate(text.split("\n"), 1)]
