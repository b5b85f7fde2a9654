"""The pipeline's stages as library calls: convert (read → mark up → write) and build."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from teiedition.cache import code_digest
from teiedition.config import Config
from teiedition.errors import Diagnostic, InputError, TeieditionError
from teiedition.progress import Progress

# Each call imports the stages it runs: `teiedition validate` need not load the converter, the
# stylesheets' publishers or Typst (a tenth of a second of every process's start-up).
if TYPE_CHECKING:
    from teiedition.convert import Converted
    from teiedition.markup.names import NameIndex
    from teiedition.publish.html import HtmlReport
    from teiedition.publish.pdf import PdfReport
    from teiedition.registers import Registers
    from teiedition.registry import IdProblem, Registry, Stabiliser
    from teiedition.reports import EntityReport
    from teiedition.validation import ValidationReport

TRANSCRIPT_SUFFIX = ".txt"
REVIEW_REPORT = "entities-to-review.csv"


@dataclass
class Report:
    """What a run did: files written and every problem met, in input order."""

    written: list[Path] = field(default_factory=list)  # files this run changed
    documents: list[Path] = field(default_factory=list)  # every document converted
    diagnostics: list[Diagnostic] = field(default_factory=list)
    inputs: int = 0
    entities: EntityReport | None = None
    validation: ValidationReport | None = None
    html: HtmlReport | None = None
    pdf: PdfReport | None = None
    exports: list[Path] = field(default_factory=list)
    ids: list[IdProblem] = field(default_factory=list)

    @classmethod
    def of(cls, converted: Converted) -> Report:
        """The report of a run that so far has converted."""
        return cls(
            written=converted.written,
            documents=converted.documents,
            diagnostics=converted.diagnostics,
            inputs=converted.inputs,
        )

    @property
    def ok(self) -> bool:
        return not self.errors and not self.ids and (self.validation is None or self.validation.ok)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]


def transcript_paths(inputs: Iterable[Path]) -> list[Path]:
    """Files as given; folders expand to their ``*.txt`` files, in name order."""
    paths: list[Path] = []
    for path in inputs:
        path = Path(path)
        if path.is_dir():
            paths += sorted(p for p in path.iterdir() if p.suffix == TRANSCRIPT_SUFFIX)
        else:
            paths.append(path)
    return paths


def load_names(config: Config) -> NameIndex:
    """The registers and the name forms they give, read and compiled once per run."""
    from teiedition.markup.names import NameIndex
    from teiedition.registers import Registers

    return NameIndex(Registers.load(config.registers_dir))


def convert_transcript(
    path: Path,
    config: Config,
    names: NameIndex | None = None,
    stabiliser: Stabiliser | None = None,
) -> tuple[str, bytes, list[Diagnostic]]:
    """One transcript → (document id, TEI bytes, warnings). Raises `InputError`. With a
    `stabiliser`, the document keeps the ids the edition has published."""
    from teiedition.markup.document import build_document
    from teiedition.markup.tei import document_key
    from teiedition.readers import read_transcript
    from teiedition.writers import serialise_tei

    transcript = read_transcript(path)
    tree = build_document(transcript, config, names)
    if stabiliser is not None:
        stabiliser.stabilise(tree, path)
    return document_key(tree), serialise_tei(tree), transcript.warnings


def convert(
    inputs: Iterable[Path],
    out_dir: Path,
    config: Config,
    names: NameIndex | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Report:
    """Convert every transcript; a bad one is reported and the others still converted.

    Into the edition's own documents folder, the edition's transcripts are converted as the
    build converts them (`convert_edition`): with the ids the edition has published, and its
    register of names still to review. A transcript from elsewhere is not written there once
    the edition has published ids, as it would be given none of them."""
    from teiedition.convert import ConvertStage
    from teiedition.registers import Registers

    inputs = list(inputs)
    if _same_folder(out_dir, config.documents_dir):
        outside = [p for p in inputs if not _within(p, config.transcripts_dir)]
        if not outside:
            return convert_edition(config, jobs, progress, code_digest(None))
        if config.registry_path.is_file():
            raise TeieditionError(
                f"{outside[0]}: not one of the edition's transcripts (in "
                f"{config.transcripts_dir}), so not converted into its documents folder "
                f"{config.documents_dir}, whose ids are kept: put it among the transcripts and "
                "convert or build the edition, or give another folder with --out"
            )
    registers = names.registers if names else Registers.load(config.registers_dir)
    stage = ConvertStage(config, registers, jobs, progress, names=names)
    converted = stage.run(transcript_paths(inputs), out_dir, None)
    return Report.of(converted)


def _same_folder(a: Path, b: Path) -> bool:
    return Path(a).resolve() == Path(b).resolve()


def _within(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or lies in it."""
    return Path(path).resolve().is_relative_to(Path(folder).resolve())


def build(config: Config, jobs: int = 1, progress: Progress | None = None) -> Report:
    """The whole pipeline from the edition's transcripts: TEI documents, the register of
    persons still to review, the entity review report, validation, and, for a valid edition
    only, the exports, the HTML edition and the print edition.

    Incremental: every stage reuses what an earlier build made from the same content (see
    `teiedition.cache`), and `jobs` processes share the work; the result is byte for byte that
    of a serial build from scratch."""
    from teiedition.publish.export import export_all
    from teiedition.publish.html import publish_html
    from teiedition.publish.pdf import publish_pdf

    folder = config.transcripts_dir
    if not folder.is_dir():
        raise InputError(folder, "the edition's transcripts folder does not exist")
    if not transcript_paths([folder]):
        raise InputError(folder, f"no transcripts (*{TRANSCRIPT_SUFFIX}) in it: nothing to build")
    # reading, marking up and checking do not use the stylesheets: a change to them remakes
    # only what they publish
    python = code_digest(None)
    report = convert_edition(config, jobs, progress, python)
    report.validation = validate(config, jobs=jobs, progress=progress, code=python)
    if report.ok and not report.ids:
        report.exports = export_all(config, code=python, jobs=jobs)
        code = code_digest(config.xslt_dir)
        report.html = publish_html(config, jobs=jobs, progress=progress, code=code)
        report.pdf = publish_pdf(config, jobs=jobs, progress=progress, code=code)
    return report


def convert_edition(
    config: Config, jobs: int = 1, progress: Progress | None = None, code: str = ""
) -> Report:
    """The build's first stage: the edition's transcripts → its TEI, with the ids it has
    published; the unreviewed register, the id registry and the entity review report."""
    from lxml import etree

    from teiedition.cache import Store, content_digest, digest
    from teiedition.convert import ConvertStage
    from teiedition.registers import Registers
    from teiedition.registry import (
        Registry,
        check,
        check_document,
        document_check_key,
        register_entities,
    )
    from teiedition.reports import entities_of, entity_report, write_review_csv

    registers = Registers.load(config.registers_dir)  # the name index only if a draft needs it
    registry = Registry.load(config.registry_path)
    stage = ConvertStage(config, registers, jobs, progress, config.cache_dir, code)
    checks = Store(config.cache_dir, "checks")
    ids_code, entities_code = digest(code, "ids"), digest(code, "entities")

    def read_back(doc_id: str, data: bytes, root: etree._Element, texts: Mapping[str, str]) -> None:
        """What the id check and the entity report read of a document, worked out as soon as
        it is written (from the tree written, which is its bytes read back), while the
        workers draft later ones, and filed as they file it: under its bytes (they read it
        again only if the file or its record then differs)."""
        content = content_digest(data)
        record = registry.documents[doc_id]
        problems = check_document(doc_id, record, root, f"{doc_id}.xml", texts)
        checks.put(
            document_check_key(ids_code, doc_id, record, content),
            [[p.id, p.message] for p in problems],
        )
        checks.put(digest(entities_code, content), entities_of(root, doc_id))

    converted = stage.run(
        transcript_paths([config.transcripts_dir]), config.documents_dir, registry, read_back
    )
    report = Report.of(converted)
    write_unreviewed(registers, config)
    register_entities(registry, config.registers_dir)
    if report.ok:
        if registry.touched or not config.registry_path.is_file():
            registry.save(config.registry_path)
        if stage.ids is not None:
            stage.ids.remember()
    report.ids = check(registry, config.documents_dir, config.registers_dir, checks, ids_code)
    report.entities = entity_report(config.documents_dir.glob("*.xml"), checks, entities_code)
    checks.save()
    write_review_csv(report.entities, config.reports_dir / REVIEW_REPORT)
    return report


def validate(
    config: Config,
    paths: Iterable[Path] = (),
    jobs: int = 1,
    progress: Progress | None = None,
    code: str | None = None,
) -> ValidationReport:
    """Validate files or folders (default: the edition's TEI, the schema folder aside) against
    the edition's RELAX NG and Schematron, the registers serving as master registers. Within a
    build (`code` given), findings for unchanged files come from the cache."""
    from teiedition.validation import tei_files, validate_paths

    files = tei_files(list(paths) or [config.tei_dir], exclude=[config.schema_dir])
    return validate_paths(
        files,
        config.schema_dir,
        config.registers_dir,
        jobs,
        progress,
        config.cache_dir if code is not None else None,
        code or "",
    )


def derive_schema(config: Config, tei_all: Path) -> Path:
    """Regenerate the edition's RELAX NG from its ODD and TEI P5 tei_all."""
    from lxml import etree

    from teiedition.schema import derive_rng, read_odd
    from teiedition.writers import write_atomic

    odd = config.own_schema_dir / "teiedition.odd"
    if not odd.is_file():
        raise TeieditionError(
            f"{odd}: no such file; this edition uses teiedition's schema (to customise it, copy "
            f"{config.schema_dir} to {config.own_schema_dir} and edit the ODD)"
        )
    if not tei_all.is_file():
        raise TeieditionError(
            f"{tei_all}: no such file (TEI P5 tei_all.rng is needed to "
            "derive the schema; pass --tei-all)"
        )
    tree = derive_rng(read_odd(odd), tei_all)
    target = config.own_schema_dir / "teiedition.rng"
    write_atomic(
        target, etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    )
    return target


def write_unreviewed(registers: Registers, config: Config) -> None:
    """Rewrite (or remove) the registers of automatic, unreviewed entries."""
    from teiedition.registers import UNREVIEWED_FILES, unreviewed_register
    from teiedition.writers import serialise_tei, write_if_changed

    for kind, name in UNREVIEWED_FILES.items():
        path = config.registers_dir / name
        tree = unreviewed_register(registers, kind)
        if tree is None:
            path.unlink(missing_ok=True)
        else:
            write_if_changed(path, serialise_tei(tree))


def entities(config: Config) -> EntityReport:
    """What the built edition mentions, and the names still to review."""
    from teiedition.reports import entity_report

    return entity_report(config.documents_dir.glob("*.xml"))


def html(config: Config, out_dir: Path | None = None, jobs: int = 1) -> HtmlReport:
    """The HTML edition of the edition's TEI (which should be valid: `teiedition validate`)."""
    from teiedition.publish.html import publish_html

    _has_documents(config)
    return publish_html(config, out_dir, jobs)


def _has_documents(config: Config) -> None:
    """Raise `InputError` when the edition has no TEI document to publish yet."""
    if not any(config.documents_dir.glob("*.xml")):
        raise InputError(
            config.documents_dir, "no TEI documents to publish: build the edition first"
        )


def export_format(config: Config, fmt: str, out: Path | None = None, jobs: int = 1) -> list[Path]:
    """One export (tei-corpus, bundle, entities, citations, text) of the edition's TEI."""
    from teiedition.publish.export import export

    return export(config, fmt, out, jobs)


def check_ids_of(config: Config, registry: Registry | None = None) -> list[IdProblem]:
    """Every id the edition has published still resolves, to the same thing or its successor."""
    from teiedition.registry import Registry, check

    registry = registry or Registry.load(config.registry_path)
    return check(registry, config.documents_dir, config.registers_dir)


def release_version(config: Config, version: str, date: str) -> Report:
    """Record `version` in the registry, then rebuild so every header carries it."""
    from teiedition.registry import Registry, release

    registry = Registry.load(config.registry_path)
    if not registry.documents:
        raise TeieditionError("nothing to release: build the edition first")
    release(registry, version, date)
    registry.save(config.registry_path)
    return build(config)


def pdf(config: Config, out_dir: Path | None = None, jobs: int = 1) -> PdfReport:
    """The print edition: the volume and one PDF per document."""
    from teiedition.publish.pdf import publish_pdf

    _has_documents(config)
    return publish_pdf(config, out_dir, jobs)
