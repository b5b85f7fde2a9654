"""The HTML edition: XSLT 3.0 makes the pages (``xslt/html/``); this module decides which pages
there are and where they go, copies the assets and TEI files, writes the sitemap, and builds the
search index. The stylesheet is compiled once per run."""

from __future__ import annotations

import functools
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedition.cache import (
    Store,
    digest,
    file_digest,
    files_digest,
    link_or_copy,
    link_or_copy_tree,
)
from teiedition.config import Config
from teiedition.parallel import run_chunks
from teiedition.progress import Progress
from teiedition.publish.outline import (
    SortKeys,
    edition_order,
    listing_document,
    registered_ids,
)
from teiedition.publish.search import CachedRecords, index_records, shards
from teiedition.publish.xslt import Transform, build_date
from teiedition.writers import write_atomic

REGISTER_PAGES = {"person": "persons.html", "place": "places.html", "org": "organizations.html"}
# The folders of the registers' entry pages, named as their registers' pages
# (persons/<id>.html: the entry and its mentions).
ENTRY_FOLDERS = {kind: page.removesuffix(".html") for kind, page in REGISTER_PAGES.items()}
EDITION_PAGES = {"home": "index.html", "timeline": "timeline.html", "search": "search.html"}
# The pages that list the whole edition, made together from every document's listing.
LISTING_PAGES = [*EDITION_PAGES.values(), *REGISTER_PAGES.values()]
# Entry pages made by one run of the stylesheet: enough to spread the cost of a run over
# several, few enough that a large edition's pages (megabytes each) are not all held at once.
ENTRY_PAGES_PER_RUN = 16


@dataclass
class HtmlReport:
    out_dir: Path
    pages: list[Path] = field(default_factory=list)
    search_records: int = 0
    search_seconds: float = 0.0  # indexing, when the index was made again
    document_pages_made: int = 0
    document_seconds: float = 0.0  # making them, on every process (wall time)
    document_process_seconds: float = 0.0  # the time each process spent making them, summed
    listing_seconds: float = 0.0  # making the pages that list the edition

    def summary(self) -> str:
        return (
            f"html: {len(self.pages)} pages and a search index of {self.search_records} "
            f"records (paragraphs, openers, signatures) in {self.out_dir}"
        )


class HtmlPublisher:
    """The compiled stylesheet, for one run; with `with_documents`, the edition's documents
    too (the pages that list the edition need them, a document's page does not)."""

    def __init__(
        self,
        config: Config,
        xslt_dir: Path,
        downloads: list[tuple[str, str]] = (),
        with_documents: bool = True,
        merged: list[str] = (),
        listing: frozenset[str] | None = None,
        jobs: int = 1,
    ) -> None:
        """`merged`: the search index shards (bundle folders) the search page merges.
        `listing`: the documents as the pages listing the edition need them (`listing_document`,
        given the registers' ids), for those pages only, read on `jobs` processes."""
        self.config = config
        self.transform = Transform(
            config,
            xslt_dir / "html" / "html.xsl",
            downloads,
            with_documents,
            None if listing is None else functools.partial(listing_document, registered=listing),
            jobs,
        )
        if merged:
            self.transform.executable.set_parameter(
                "search-shards",
                self.transform.processor.make_array(
                    [self.transform.processor.make_string_value(m) for m in merged]
                ),
            )
        self.executable = self.transform.executable
        self.processor = self.transform.processor
        self._window: dict[Path, object] = {}  # the last pages' documents, parsed
        self._mentioning_given = False

    def document_page(self, path: Path, page_path: str = "documents/page.html") -> str:
        """The document page of any TEI file, ours or another project's."""
        document = self.transform.parse(path)
        return self._page(
            page_path, lambda: self.executable.transform_to_string(xdm_node=document)
        ).decode("utf-8")

    def edition_page(self, path: Path, previous: Path | None, following: Path | None) -> bytes:
        """The page of one of the edition's documents, given its neighbours in the edition's
        order (the page reads only their headers). Called in the edition's order, each
        document is parsed once: it is the next page's previous document."""
        parsed = {p: self._window.get(p) for p in (previous, path, following) if p is not None}
        for neighbour, node in parsed.items():
            if node is None:
                parsed[neighbour] = self.transform.parse(neighbour)
        executable = self.executable
        executable.set_parameter("neighbours-given", self.processor.make_boolean_value(True))
        for name, neighbour in (("previous-document", previous), ("next-document", following)):
            if neighbour is None:
                if executable.get_parameter(name) is not None:
                    executable.remove_parameter(name)
            else:
                executable.set_parameter(name, parsed[neighbour])
        self._window = {p: parsed[p] for p in (path, following) if p is not None}
        return self._page(
            f"documents/{path.stem}.html",
            lambda: executable.transform_to_string(xdm_node=parsed[path]),
        )

    def _page(self, page_path: str, make) -> bytes:
        return self.transform.run(page_path, make).encode("utf-8")

    def edition_pages(self) -> Iterator[tuple[str, bytes]]:
        """The pages that list the whole edition (home, timeline, search, the registers and
        their entries' pages), each as (its path in the site, its bytes) as soon as it is made,
        so that a caller writing them holds few at a time."""
        for template, page in EDITION_PAGES.items():
            yield (
                page,
                self._page(
                    page, lambda t=template: self.executable.call_template_returning_string(t)
                ),
            )
        self._give_mentioning()
        for kind, page in REGISTER_PAGES.items():

            def register(k=kind):
                self.executable.set_initial_template_parameters(
                    False, {"kind": self.processor.make_string_value(k)}
                )
                return self.executable.call_template_returning_string("register")

            yield page, self._page(page, register)
            self.executable.set_initial_template_parameters(False, {})
            yield from self.entry_pages(kind)

    def entry_pages(self, kind: str) -> Iterator[tuple[str, bytes]]:
        """Each entry of a register on a page of its own, with its mentions: the stylesheet
        makes them ENTRY_PAGES_PER_RUN at a time."""
        folder = ENTRY_FOLDERS[kind]
        self._give_mentioning()
        # the register's entries, worked out once for all its runs
        entries = self._value("register-entry-list", kind=self.processor.make_string_value(kind))
        if entries is None or entries.size == 0:
            # none: no pages (and none of the register before, whose entries the
            # stylesheet's parameters would still hold)
            return
        self.executable.set_parameter("page-path", self.processor.make_string_value(f"{folder}/"))
        first = 1
        while True:
            made = self._value(  # the sequence (id, page, id, page, …)
                "register-entries",
                kind=self.processor.make_string_value(kind),
                first=self.processor.make_integer_value(first),
                count=self.processor.make_integer_value(ENTRY_PAGES_PER_RUN),
                entries=entries,
            )
            items = [made.item_at(i).string_value for i in range(made.size)] if made else []
            del made  # the run's pages, held by Saxon until released
            for entry, page in zip(items[::2], items[1::2], strict=True):
                yield f"{folder}/{entry}.html", page.encode("utf-8")
            if len(items) < 2 * ENTRY_PAGES_PER_RUN:
                return
            first += ENTRY_PAGES_PER_RUN

    def _give_mentioning(self) -> None:
        """Work out once which documents mention each entry, for every later run (a run
        would otherwise ask every document about each of its entries: in time, the entries
        times the documents)."""
        if not self._mentioning_given:
            self.executable.set_parameter("mentioning", self._value("mentioning-map"))
            self._mentioning_given = True

    def _value(self, template: str, **parameters):
        """What a named template returns, as a value (not a document), for a later run."""
        executable = self.executable
        executable.set_initial_template_parameters(False, parameters)
        executable.set_result_as_raw_value(True)
        try:
            return executable.call_template_returning_value(template)
        finally:
            executable.set_result_as_raw_value(False)
            executable.set_initial_template_parameters(False, {})


# --- document pages on every core -------------------------------------------------------------

_WORKER: list[HtmlPublisher] = []


def _setup_worker(config: Config, downloads: list[tuple[str, str]]) -> None:
    _WORKER[:] = [HtmlPublisher(config, config.xslt_dir, downloads, with_documents=False)]


def _render_chunk(items: list[tuple[str, str, str, str]]) -> list[float]:
    """Write each document's page; items are (document, previous, next, target) paths.
    Returns the seconds spent, the stylesheet's compilation aside."""
    publisher = _WORKER[0]
    started = time.perf_counter()
    for path, previous, following, target in items:
        page = publisher.edition_page(
            Path(path), Path(previous) if previous else None, Path(following) if following else None
        )
        write_atomic(Path(target), page)
    return [time.perf_counter() - started]


class SiteBuilder:
    """Makes the site in `staging`: pages whose inputs are unchanged since the site in `current`
    was made are linked from it; the others are made, document pages on `jobs` processes."""

    def __init__(
        self,
        config: Config,
        downloads: list[tuple[str, str]],
        jobs: int,
        progress: Progress,
        cache_dir: Path | None,
        code: str,
    ) -> None:
        self.config, self.downloads, self.jobs = config, downloads, jobs
        self.progress, self.cache_dir, self.code = progress, cache_dir, code
        self.made: dict[str, str] = {}  # page → the digest of what it was made from
        self.state = Store(cache_dir, "html-pages")
        self.rendered = 0

    def _reuse(self, page: str, key: str, current: Path, staging: Path) -> bool:
        self.made[page] = key
        if self.state.previous.get(page) == key and (current / page).is_file():
            link_or_copy(current / page, staging / page)
            return True
        return False

    @staticmethod
    def _write_or_link(page: str, data: bytes, current: Path, staging: Path) -> None:
        """Write `data`, or link the current site's file when it holds exactly that."""
        try:
            if (current / page).read_bytes() == data:
                link_or_copy(current / page, staging / page)
                return
        except OSError:
            pass
        write_atomic(staging / page, data)

    def _reuse_folder(self, folder: str, key: str, current: Path, staging: Path) -> bool:
        self.made[f"{folder}/"] = key
        if self.state.previous.get(f"{folder}/") != key or not (current / folder).is_dir():
            return False
        link_or_copy_tree(current / folder, staging / folder)
        return True

    def plan(self) -> None:
        """What every page and index is made from: a key for each, and the site's key."""
        config = self.config
        self.paths = sorted(config.documents_dir.glob("*.xml"))
        self.registered = registered_ids(config.registers_dir)
        sort_keys = SortKeys(config, config.xslt_dir / "html" / "html.xsl")
        order = edition_order(
            self.paths, sort_keys, self.cache_dir, self.code, self.registered, "html", self.jobs
        )
        registers = sorted(config.registers_dir.glob("*.xml"))
        odd = config.schema_dir / "teiedition.odd"
        base = digest(
            self.code,
            repr(config),
            build_date(config.root),
            repr(self.downloads),
            files_digest(registers, config.registers_dir),
            file_digest(odd),
        )
        # document pages: the document and its neighbours' headers
        self.documents: dict[str, tuple[str, tuple[str, str, str]]] = {}
        for index, outline in enumerate(order):
            previous = order[index - 1] if index else None
            following = order[index + 1] if index + 1 < len(order) else None
            key = digest(
                base,
                outline.content,
                previous.header if previous else "",
                following.header if following else "",
            )
            self.documents[f"documents/{outline.path.stem}.html"] = (
                key,
                (
                    str(outline.path),
                    str(previous.path) if previous else "",
                    str(following.path) if following else "",
                ),
            )
        # the search index, in shards; the first is the main index (with Pagefind's
        # interface), the others are merged into it by the search page
        # (a shard's records follow from its documents' content: that is its key)
        self.records = CachedRecords(self.paths, self.cache_dir, self.code, self.jobs)
        per_document = [
            [(path.name + file_digest(path), index, count)]
            for index, (path, count) in enumerate(zip(self.paths, self.records.counts, strict=True))
        ]
        split = [
            shard
            for shard in shards([p.stem for p in self.paths], per_document)
            if any(count for _, _, count in shard)
        ]
        folders = ["pagefind", *(f"search-shards/{n:02d}/pagefind" for n in range(1, len(split)))]
        # each shard: its documents (by index) and how many records they have
        self.indexes = {
            folder: ([index for _, index, _ in shard], sum(count for _, _, count in shard))
            for folder, shard in zip(folders, split, strict=True)
        }
        self.index_keys = {
            folder: digest(self.code, *(content for content, _, _ in shard))
            for folder, shard in zip(folders, split, strict=True)
        }
        self.merged = [f"{folder}/" for folder in list(self.indexes)[1:]]
        # pages listing the whole edition: what they show of every document
        self.edition_key = digest(
            base, repr(self.merged), *(o.path.name + o.listing for o in order)
        )
        downloads = [
            self.config.output_dir / "export" / p.removeprefix("downloads/")
            for _, p in self.downloads
        ]
        self.site_key = digest(
            self.edition_key,
            *(key for key, _ in self.documents.values()),
            *self.index_keys.values(),
            *(file_digest(p) for p in downloads),
        )

    def unchanged(self, current: Path) -> bool:
        """Whether the site in `current` is exactly what this build would make."""
        pages = [*self.documents, *LISTING_PAGES]
        return (
            self.state.previous.get("#site") == self.site_key
            and all((current / page).is_file() for page in pages)
            and all((current / folder).is_dir() for folder in ENTRY_FOLDERS.values())
        )

    def build(self, current: Path, staging: Path) -> HtmlReport:
        """Make the site in `staging` (`plan` first)."""
        report = HtmlReport(staging)
        todo = [
            (*sources, str(staging / page))
            for page, (key, sources) in self.documents.items()
            if not self._reuse(page, key, current, staging)
        ]
        listing = LISTING_PAGES
        self.progress.start("html", len(self.documents) + len(listing))
        self.progress.advance(len(self.documents) - len(todo))
        started = time.perf_counter()
        spent = run_chunks(
            todo,
            _render_chunk,
            self.jobs,
            _setup_worker,
            (self.config, self.downloads),
            lambda n: self.progress.advance(n),
        )
        self.rendered = report.document_pages_made = len(todo)
        report.document_seconds = time.perf_counter() - started
        report.document_process_seconds = sum(spent)
        self._index(report, current, staging)
        started = time.perf_counter()
        reused = [self._reuse(page, self.edition_key, current, staging) for page in listing]
        reused += [
            self._reuse_folder(folder, self.edition_key, current, staging)
            for folder in ENTRY_FOLDERS.values()
        ]
        if not all(reused):
            for folder in ENTRY_FOLDERS.values():  # no entry page of a removed entry lingers
                shutil.rmtree(staging / folder, ignore_errors=True)
            publisher = HtmlPublisher(
                self.config,
                self.config.xslt_dir,
                self.downloads,
                merged=self.merged,
                listing=self.registered,
                jobs=self.jobs,
            )
            for page, data in publisher.edition_pages():
                self._write_or_link(page, data, current, staging)
                self.rendered += 1
        report.listing_seconds = time.perf_counter() - started
        self.progress.advance(len(listing))
        report.pages = [
            staging / page for page in sorted(self.made) if page.endswith(".html")
        ] + _entry_pages(staging)
        self._copy_static(self.paths, staging)
        self._write_or_link("sitemap.xml", self._sitemap(report.pages, staging), current, staging)
        self.progress.finish(
            f"html: {len(report.pages)} pages, {self.rendered} made, "
            f"{len(report.pages) - self.rendered} unchanged"
        )
        return report

    def _index(self, report: HtmlReport, current: Path, staging: Path) -> None:
        """The search index's stale shards, indexed again, before the pages listing the
        edition: the records (hundreds of megabytes at 10,000 documents) are let go before
        those pages load the edition's documents."""
        stale = []
        for folder, (documents, count) in self.indexes.items():
            report.search_records += count
            if not self._reuse_folder(folder, self.index_keys[folder], current, staging):
                self.progress.detail(f"html: indexing {count} paragraphs in {folder}")
                records = [record for index in documents for record in self.records.of(index)]
                stale.append((records, staging / folder.removesuffix("pagefind")))
        self.records.save()
        self.records.release()
        started = time.perf_counter()
        # each shard is a Pagefind process of its own; a thread only waits for it
        with ThreadPoolExecutor(max_workers=max(1, self.jobs)) as pool:
            list(pool.map(lambda shard: index_records(*shard), stale))
        report.search_seconds = time.perf_counter() - started if stale else 0.0

    def kept(self, current: Path) -> HtmlReport:
        """The report of a site kept as it is."""
        pages = [*self.documents, *LISTING_PAGES]
        report = HtmlReport(
            current, sorted(current / page for page in pages) + _entry_pages(current)
        )
        report.search_records = sum(count for _, count in self.indexes.values())
        self.progress.start("html", len(pages))
        self.progress.advance(len(pages))
        made = len(report.pages)
        self.progress.finish(f"html: {made} pages, 0 made, {made} unchanged")
        return report

    def remember(self) -> None:
        for page, key in self.made.items():
            self.state.put(page, key)
        self.state.put("#site", self.site_key)
        self.state.save()

    def _copy_static(self, paths: list[Path], out_dir: Path) -> None:
        assets = self.config.xslt_dir / "html" / "assets"
        for source in sorted(assets.iterdir()):
            link_or_copy(source, out_dir / "assets" / source.name)
        for path in paths:
            link_or_copy(path, out_dir / "tei" / path.name)
        odd = self.config.schema_dir / "teiedition.odd"
        if odd.is_file():  # the encoding manual, linked from the home page
            link_or_copy(odd, out_dir / "tei" / odd.name)

    def _sitemap(self, pages: list[Path], out_dir: Path) -> bytes:
        sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"
        urlset = etree.Element(f"{{{sitemap}}}urlset", nsmap={None: sitemap})
        for page in sorted(pages):
            url = etree.SubElement(urlset, f"{{{sitemap}}}url")
            location = etree.SubElement(url, f"{{{sitemap}}}loc")
            location.text = self.config.base_url + page.relative_to(out_dir).as_posix()
        return etree.tostring(urlset, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _entry_pages(site: Path) -> list[Path]:
    return [
        page for folder in ENTRY_FOLDERS.values() for page in sorted(site.glob(f"{folder}/*.html"))
    ]


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


def publish_html(
    config: Config,
    out_dir: Path | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    code: str | None = None,
) -> HtmlReport:
    """Make the whole site in a fresh folder beside `out_dir`, then swap it in: a failed run
    leaves the previous site whole, and no page of a removed document lingers. Within a build
    (`code` given), pages made from unchanged inputs are taken from the previous site."""
    out_dir = out_dir or config.output_dir / "html"
    staging = out_dir.with_name(out_dir.name + ".building")
    shutil.rmtree(staging, ignore_errors=True)
    downloads = _downloads(config)
    builder = SiteBuilder(
        config,
        [(label, path) for label, path, _ in downloads],
        jobs,
        progress or Progress(),
        config.cache_dir if code is not None else None,
        code or "",
    )
    builder.plan()
    if builder.unchanged(out_dir):
        return builder.kept(out_dir)
    report = builder.build(out_dir, staging)
    for _, path, source in downloads:
        link_or_copy(source, staging / path)
    previous = out_dir.with_name(out_dir.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if out_dir.exists():
        out_dir.rename(previous)
    staging.rename(out_dir)
    shutil.rmtree(previous, ignore_errors=True)
    builder.remember()
    report.out_dir = out_dir
    report.pages = [out_dir / p.relative_to(staging) for p in report.pages]
    return report
