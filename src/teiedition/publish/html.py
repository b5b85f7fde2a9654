"""The HTML edition: XSLT 3.0 makes the pages (``xslt/html/``); this module decides which pages
there are and where they go, copies the assets and TEI files, writes the sitemap, and builds the
search index. The stylesheet is compiled once per run."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedition.config import Config
from teiedition.publish.search import build_search_index
from teiedition.publish.xslt import Transform
from teiedition.writers import write_atomic

REGISTER_PAGES = {"person": "persons.html", "place": "places.html", "org": "organizations.html"}
EDITION_PAGES = {"home": "index.html", "timeline": "timeline.html", "search": "search.html"}


@dataclass
class HtmlReport:
    out_dir: Path
    pages: list[Path] = field(default_factory=list)
    search_records: int = 0

    def summary(self) -> str:
        return (
            f"html: {len(self.pages)} pages and a search index of {self.search_records} "
            f"paragraphs in {self.out_dir}"
        )


class HtmlPublisher:
    """The compiled stylesheet and the edition's documents, for one run."""

    def __init__(
        self, config: Config, xslt_dir: Path, downloads: list[tuple[str, str]] = ()
    ) -> None:
        self.config = config
        self.transform = Transform(config, xslt_dir / "html" / "html.xsl", downloads)
        self.executable = self.transform.executable
        self.processor = self.transform.processor
        self.paths = self.transform.paths
        self.documents = self.transform.documents

    def _parse(self, path: Path):
        return self.transform.parse(path)

    def document_page(self, path: Path, page_path: str = "documents/page.html") -> str:
        """The document page of any TEI file, ours or another project's."""
        document = self._parse(path)
        return self._page(
            page_path, lambda: self.executable.transform_to_string(xdm_node=document)
        ).decode("utf-8")

    def _page(self, page_path: str, make) -> bytes:
        return self.transform.run(page_path, make).encode("utf-8")

    def publish(self, out_dir: Path) -> HtmlReport:
        report = HtmlReport(out_dir)

        def write(page_path: str, data: bytes) -> None:
            target = out_dir / page_path
            write_atomic(target, data)
            report.pages.append(target)

        for path, document in zip(self.paths, self.documents, strict=True):
            page = f"documents/{path.stem}.html"
            write(
                page,
                self._page(
                    page, lambda d=document: self.executable.transform_to_string(xdm_node=d)
                ),
            )
        for template, page in EDITION_PAGES.items():
            write(
                page,
                self._page(
                    page, lambda t=template: self.executable.call_template_returning_string(t)
                ),
            )
        for kind, page in REGISTER_PAGES.items():

            def register(k=kind):
                self.executable.set_initial_template_parameters(
                    False, {"kind": self.processor.make_string_value(k)}
                )
                return self.executable.call_template_returning_string("register")

            write(page, self._page(page, register))
            self.executable.set_initial_template_parameters(False, {})
        self._copy_static(out_dir)
        write_atomic(out_dir / "sitemap.xml", self._sitemap(report.pages, out_dir))
        report.search_records = build_search_index(self.paths, self.config, out_dir)
        return report

    def _copy_static(self, out_dir: Path) -> None:
        assets = self.config.xslt_dir / "html" / "assets"
        for source in sorted(assets.iterdir()):
            write_atomic(out_dir / "assets" / source.name, source.read_bytes())
        for path in self.paths:
            write_atomic(out_dir / "tei" / path.name, path.read_bytes())
        odd = self.config.schema_dir / "teiedition.odd"
        if odd.is_file():  # the encoding manual, linked from the home page
            write_atomic(out_dir / "tei" / odd.name, odd.read_bytes())

    def _sitemap(self, pages: list[Path], out_dir: Path) -> bytes:
        sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"
        urlset = etree.Element(f"{{{sitemap}}}urlset", nsmap={None: sitemap})
        for page in sorted(pages):
            url = etree.SubElement(urlset, f"{{{sitemap}}}url")
            location = etree.SubElement(url, f"{{{sitemap}}}loc")
            location.text = self.config.base_url + page.relative_to(out_dir).as_posix()
        return etree.tostring(urlset, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# Whole-edition exports the home page offers, if the build made them (output/export).
DOWNLOADS = (
    ("The whole edition as one TEI file (teiCorpus)", "edition-corpus.xml"),
    ("Deposit bundle: documents, registers, schemas, checksums (ZIP)", "teiedition-{version}.zip"),
    ("Citations of every document: CSL-JSON", "citations/citations.json"),
    ("Citations: BibTeX", "citations/citations.bib"),
    ("Citations: RIS", "citations/citations.ris"),
    ("Mentions of persons, places and organisations (CSV)", "entities/mentions.csv"),
    (
        "Persons named in the same document (CSV, for network tools)",
        "entities/person-cooccurrence.csv",
    ),
)


def _downloads(config: Config) -> list[tuple[str, str, Path]]:
    found = []
    for label, name in DOWNLOADS:
        source = config.output_dir / "export" / name.format(version=config.version)
        if source.is_file():
            found.append(
                (
                    label,
                    f"downloads/{source.relative_to(config.output_dir / 'export').as_posix()}",
                    source,
                )
            )
    return found


def publish_html(config: Config, out_dir: Path | None = None) -> HtmlReport:
    """Make the whole site in a fresh folder beside `out_dir`, then swap it in: a failed run
    leaves the previous site whole, and no page of a removed document lingers."""
    out_dir = out_dir or config.output_dir / "html"
    staging = out_dir.with_name(out_dir.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    downloads = _downloads(config)
    report = HtmlPublisher(
        config, config.xslt_dir, [(label, path) for label, path, _ in downloads]
    ).publish(staging)
    for _, path, source in downloads:
        write_atomic(staging / path, source.read_bytes())
    previous = out_dir.with_name(out_dir.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if out_dir.exists():
        out_dir.rename(previous)
    staging.rename(out_dir)
    shutil.rmtree(previous, ignore_errors=True)
    report.out_dir = out_dir
    report.pages = [out_dir / p.relative_to(staging) for p in report.pages]
    return report
