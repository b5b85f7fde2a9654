"""The print edition: XSLT 3.0 (``xslt/print/``) makes Typst markup, the ``typst`` package
compiles it to PDF with its bundled fonts and the Noto Sans CJK faces of a Python package only
(system fonts ignored, so every machine makes the same file), as PDF/A-2b, tagged, with a fixed
timestamp: the build date."""

from __future__ import annotations

import datetime as dt
import functools
import time
from dataclasses import dataclass, field
from pathlib import Path

from teiedition.cache import Store, digest, file_digest, files_digest
from teiedition.config import Config
from teiedition.errors import TeieditionError
from teiedition.parallel import run_chunks
from teiedition.progress import Progress
from teiedition.publish.outline import SortKeys, edition_order
from teiedition.publish.xslt import Transform, build_date
from teiedition.writers import write_atomic

PDF_STANDARD = "a-2b"
# A worker costs about a second to start (Saxon, the stylesheet, Typst's fonts): worth it from
# this many documents' PDFs per process.
DOCUMENTS_PER_JOB = 8
# Volumes of more documents than this are laid out in a process of their own.
IN_PROCESS_DOCUMENTS = 100


@dataclass
class PdfReport:
    out_dir: Path
    files: list[Path] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    volume_seconds: float = 0.0  # of which laying out volumes

    def summary(self) -> str:
        return f"pdf: {len(self.files)} files, {self.pages} pages of volumes, in {self.out_dir}"


class PdfPublisher:
    """The compiled print stylesheet, for one run. `with_documents`: the whole edition as its
    `documents` parameter (a volume of everything); a worker making documents' PDFs or one
    volume sets only what it lays out."""

    def __init__(self, config: Config, with_documents: bool = True) -> None:
        self.config = config
        self.transform = Transform(
            config, config.xslt_dir / "print" / "print.xsl", with_documents=with_documents
        )
        stamp = dt.datetime.fromisoformat(self.transform.build_date).replace(tzinfo=dt.UTC)
        self.timestamp = int(stamp.timestamp())

    @functools.cached_property
    def _compiler(self):
        """One Typst compiler for the run: its fonts are read once, not for every document
        (the same PDFs; a document's layout takes a seventh fewer instructions). Its fonts are
        its own and the Noto Sans CJK faces of a Python package, never the system's: Typst
        falls back to those for the Korean, Chinese and Japanese that Libertinus lacks."""
        import justmytype_intl_cjk
        import typst

        cjk = justmytype_intl_cjk.get_font_pack().get_font_directories()
        return typst.Compiler(ignore_system_fonts=True, font_paths=[str(d) for d in cjk])

    def volume_source(self, members: list[Path] | None = None) -> str:
        """The Typst source of a volume of `members` (default: the edition's documents)."""
        executable = self.transform.executable
        if members is not None:
            executable.set_parameter(
                "documents",
                self.transform.processor.make_array([self.transform.parse(p) for p in members]),
            )
        return self.transform.run(
            "edition.pdf", lambda: executable.call_template_returning_string("volume")
        )

    def document_source(self, path: Path) -> str:
        document = self.transform.parse(path)
        return self.transform.run(
            f"documents/{path.stem}.pdf",
            lambda: self.transform.executable.transform_to_string(xdm_node=document),
        )

    def compile(self, source: str, name: str = "the volume") -> bytes:
        try:
            return self._compiler.compile(
                input=source.encode("utf-8"),
                pdf_standards=[PDF_STANDARD],
                timestamp=self.timestamp,
            )
        except Exception as err:  # typst reports its diagnostics in the message
            # PDF/A turns a character no font has into an error, so no glyph goes missing
            message = " ".join(str(err).split())
            raise TeieditionError(f"{name}: typst could not lay it out: {message}") from err


def volumes_of(order: list[Path], size: int) -> list[list[Path]]:
    """The documents of each volume, in the edition's order, at most `size` to a volume, as
    documentary series split; the order is the stylesheets' own (te:sort-key), so volumes and
    their contents agree."""
    size = max(1, size)
    return [order[start : start + size] for start in range(0, len(order), size)] or [[]]


# --- the work done on every core --------------------------------------------------------------

_WORKER: list[PdfPublisher] = []


def _setup_worker(config: Config) -> None:
    _WORKER[:] = [PdfPublisher(config, with_documents=False)]


def _document_chunk(items: list[tuple[str, str]]) -> list[str]:
    """Each document's PDF, written to its target; for each, "" or the error."""
    publisher, failures = _WORKER[0], []
    for path, target in items:
        try:
            data = publisher.compile(publisher.document_source(Path(path)), path)
        except TeieditionError as err:
            failures.append(str(err))
            continue
        write_atomic(Path(target), data)
        failures.append("")
    return failures


def _volume_chunk(items: list[tuple[list[str], str, str]]) -> list[int]:
    """Each volume (members, target, name), written to its target; its number of pages."""
    from pypdf import PdfReader

    publisher, pages = _WORKER[0], []
    for members, target, name in items:
        source = publisher.volume_source([Path(p) for p in members])
        write_atomic(Path(target), publisher.compile(source, name))
        pages.append(len(PdfReader(target).pages))
    return pages


class PrintBuilder:
    """One PDF per document first, so that a document that cannot be laid out is named and the
    others are still written; then the volumes, only when every document lays out. A PDF whose
    inputs are unchanged since the last build is kept; the others are made on `jobs` processes,
    each volume in a process of its own, so no process holds more than one volume."""

    def __init__(
        self, config: Config, jobs: int, progress: Progress, cache_dir: Path | None, code: str
    ) -> None:
        self.config, self.jobs, self.progress = config, jobs, progress
        self.cache_dir, self.code = cache_dir, code
        self.state = Store(cache_dir, "pdf-files")

    def build(self, out_dir: Path) -> PdfReport:
        config = self.config
        report = PdfReport(out_dir)
        start = time.perf_counter()
        paths = sorted(config.documents_dir.glob("*.xml"))
        registers = sorted(config.registers_dir.glob("*.xml"))
        base = digest(
            self.code,
            repr(config),
            build_date(config.root),
            files_digest(registers, config.registers_dir),
        )
        todo, keys = [], {}
        for path in paths:
            target = out_dir / "documents" / f"{path.stem}.pdf"
            keys[target] = key = digest(base, file_digest(path))
            report.files.append(target)
            if not self._unchanged(target, key):
                todo.append((str(path), str(target)))
        self.progress.start("pdf", len(paths))
        self.progress.advance(len(paths) - len(todo))
        failures = self._run(todo, _document_chunk, DOCUMENTS_PER_JOB)
        failed = {Path(target) for (_, target), error in zip(todo, failures, strict=True) if error}
        report.files = [f for f in report.files if f not in failed]
        for target in report.files:
            self.state.put(target.name, keys[target])
        if any(failures):
            self.state.save()
            errors = [error for error in failures if error]
            raise TeieditionError("\n".join([*errors, "pdf: the volume was not built"]))
        sort_keys = SortKeys(config, config.xslt_dir / "print" / "print.xsl")
        order = edition_order(paths, sort_keys, self.cache_dir, self.code, jobs=self.jobs)
        volumes = volumes_of([o.path for o in order], config.volume_size)
        contents = {o.path: o.content for o in order}
        pending, names = [], []
        for number, members in enumerate(volumes, 1):
            name = "edition.pdf" if len(volumes) == 1 else f"edition-volume-{number}.pdf"
            names.append(name)
            key = digest(base, str(len(volumes)), *(p.name + contents[p] for p in members))
            known = self.state.previous.get(name)
            if known and known[0] == key and (out_dir / name).is_file():
                self.state.put(name, known)
                report.pages += known[1]
            else:
                pending.append(([str(p) for p in members], str(out_dir / name), name, key))
        started = time.perf_counter()
        self.progress.start("pdf volumes", len(volumes))
        self.progress.advance(len(volumes) - len(pending))
        # a large volume is laid out in a process of its own: its memory is freed with it
        isolate = sum(len(item[0]) for item in pending) > IN_PROCESS_DOCUMENTS
        pages = self._run([item[:3] for item in pending], _volume_chunk, 1, isolate)
        for (_, _, name, key), count in zip(pending, pages, strict=True):
            self.state.put(name, [key, count])
            report.pages += count
        report.volume_seconds = time.perf_counter() - started
        report.files[:0] = [out_dir / name for name in names]
        self._remove_stale(out_dir, report.files)
        self.state.save()
        report.seconds = time.perf_counter() - start
        self.progress.finish(
            f"pdf: {len(report.files)} files ({len(todo)} of {len(paths)} documents and "
            f"{len(pending)} of {len(volumes)} volumes laid out), {report.pages} pages of volumes"
        )
        return report

    def _unchanged(self, target: Path, key: str) -> bool:
        if self.state.previous.get(target.name) == key and target.is_file():
            self.state.put(target.name, key)
            return True
        return False

    def _run(self, items: list, work, minimum: int, isolate: bool = False) -> list:
        return run_chunks(
            items,
            work,
            self.jobs,
            _setup_worker,
            (self.config,),
            self.progress.advance,
            min_items_per_job=minimum,
            isolate=isolate,
        )

    @staticmethod
    def _remove_stale(out_dir: Path, files: list[Path]) -> None:
        """PDFs of documents no longer in the edition, and volumes no longer made."""
        keep = set(files)
        for stale in [*out_dir.glob("edition*.pdf"), *out_dir.glob("documents/*.pdf")]:
            if stale not in keep:
                stale.unlink()


def publish_pdf(
    config: Config,
    out_dir: Path | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    code: str | None = None,
) -> PdfReport:
    """The print edition. Within a build (`code` given), PDFs made from unchanged inputs are
    kept."""
    return PrintBuilder(
        config,
        jobs,
        progress or Progress(),
        config.cache_dir if code is not None else None,
        code or "",
    ).build(out_dir or config.output_dir / "pdf")
