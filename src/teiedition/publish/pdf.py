"""The print edition: XSLT 3.0 (``xslt/print/``) makes Typst markup, the ``typst`` package
compiles it to PDF with its bundled fonts only (system fonts ignored, so every machine makes the
same file), as PDF/A-2b, tagged, with a fixed timestamp: the build date."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path

from teiedition.config import Config
from teiedition.errors import TeieditionError
from teiedition.publish.xslt import Transform
from teiedition.writers import write_atomic

PDF_STANDARD = "a-2b"


@dataclass
class PdfReport:
    out_dir: Path
    files: list[Path] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return f"pdf: {len(self.files)} files, {self.pages} pages of volumes, in {self.out_dir}"


class PdfPublisher:
    def __init__(self, config: Config) -> None:
        self.config = config
        self.transform = Transform(config, config.xslt_dir / "print" / "print.xsl")
        stamp = dt.datetime.fromisoformat(self.transform.build_date).replace(tzinfo=dt.UTC)
        self.timestamp = int(stamp.timestamp())

    def volume_source(self) -> str:
        executable = self.transform.executable
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
        import typst

        try:
            return typst.compile(
                source.encode("utf-8"),
                ignore_system_fonts=True,
                pdf_standards=[PDF_STANDARD],
                timestamp=self.timestamp,
            )
        except Exception as err:  # typst reports its diagnostics in the message
            # PDF/A turns a character no bundled font has into an error, so no glyph goes missing
            message = " ".join(str(err).split())
            raise TeieditionError(f"{name}: typst could not lay it out: {message}") from err

    def volumes(self) -> list[list[int]]:
        """The documents of each volume (indexes into the transform's documents), in
        chronological order, at most `volume_size` to a volume, as documentary series split.
        The order is the stylesheets' own (te:sort-key), so volumes and contents agree."""
        executable = self.transform.executable
        keys = [
            executable.call_function_returning_string(
                "{urn:teiedition:functions}sort-key", [document]
            )
            for document in self.transform.documents
        ]
        order = sorted(range(len(keys)), key=keys.__getitem__)
        size = max(1, self.config.volume_size)
        return [order[start : start + size] for start in range(0, len(order), size)] or [[]]

    def publish(self, out_dir: Path) -> PdfReport:
        """One PDF per document first, so that a document that cannot be laid out is named and
        the others are still written; then the volumes, only when every document lays out."""
        from pypdf import PdfReader

        report = PdfReport(out_dir)
        start = time.perf_counter()
        failures: list[str] = []
        for path in self.transform.paths:
            target = out_dir / "documents" / f"{path.stem}.pdf"
            try:
                write_atomic(target, self.compile(self.document_source(path), str(path)))
            except TeieditionError as err:
                failures.append(str(err))
                continue
            report.files.append(target)
        if failures:
            raise TeieditionError("\n".join([*failures, "pdf: the volume was not built"]))
        volumes = self.volumes()
        everything = self.transform.processor.make_array(self.transform.documents)
        for number, members in enumerate(volumes, 1):
            name = "edition.pdf" if len(volumes) == 1 else f"edition-volume-{number}.pdf"
            self.transform.executable.set_parameter(
                "documents",
                self.transform.processor.make_array([self.transform.documents[i] for i in members]),
            )
            write_atomic(out_dir / name, self.compile(self.volume_source(), name))
            report.files.insert(number - 1, out_dir / name)
            report.pages += len(PdfReader(out_dir / name).pages)
        self.transform.executable.set_parameter("documents", everything)
        report.seconds = time.perf_counter() - start
        return report


def publish_pdf(config: Config, out_dir: Path | None = None) -> PdfReport:
    return PdfPublisher(config).publish(out_dir or config.output_dir / "pdf")
