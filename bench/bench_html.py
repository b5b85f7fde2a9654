"""HTML speed: the edition, and an edition of 1,000 documents made from its own.

    python bench/bench_html.py [N]     (default N = 1000)

Prints, for each edition, the time to compile the stylesheet, to make every page (document
pages, home, registers, timeline, search), and to build the search index, with document
pages per second. The stylesheet is compiled once per run. No test asserts speed.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from teiedition.config import load_config
from teiedition.publish.html import HtmlPublisher
from teiedition.publish.search import build_search_index

ROOT = Path(__file__).resolve().parent.parent


def edition_of(folder: Path, count: int) -> Path:
    """An edition folder whose TEI documents are `count` copies of the edition's, with ids
    of their own."""
    shutil.copytree(ROOT / "tei" / "registers", folder / "tei" / "registers")
    shutil.copytree(ROOT / "tei" / "schema", folder / "tei" / "schema")
    shutil.copy(ROOT / "edition.toml", folder / "edition.toml")
    documents = folder / "tei" / "documents"
    documents.mkdir()
    sources = [p.read_text("utf-8") for p in sorted((ROOT / "tei" / "documents").glob("*.xml"))]
    for number in range(count):
        text = sources[number % len(sources)]
        doc_id = re.search(r'<TEI [^>]*xml:id="([^"]+)"', text).group(1)
        (documents / f"{doc_id}-c{number}.xml").write_text(
            text.replace(doc_id, f"{doc_id}-c{number}"), "utf-8"
        )
    return folder


def measure(root: Path) -> dict[str, float]:
    config = load_config(root / "edition.toml")
    out = root / "output" / "html"
    start = time.perf_counter()
    publisher = HtmlPublisher(config, config.xslt_dir)
    compiled = time.perf_counter() - start
    start = time.perf_counter()
    for path, document in zip(publisher.paths, publisher.documents, strict=True):
        page = f"documents/{path.stem}.html"
        publisher._page(
            page, lambda d=document: publisher.executable.transform_to_string(xdm_node=d)
        )
    documents = time.perf_counter() - start
    start = time.perf_counter()
    publisher.publish(out)
    everything = time.perf_counter() - start
    start = time.perf_counter()
    records = build_search_index(publisher.paths, config, root / "search-only")
    search = time.perf_counter() - start
    return {
        "documents": len(publisher.paths),
        "compile": compiled,
        "document pages": documents,
        "whole site": everything,
        "search index": search,
        "records": records,
    }


def main(count: int) -> None:
    rows = [("edition", measure_copy(ROOT, None))]
    with tempfile.TemporaryDirectory() as work:
        rows.append((f"{count} documents", measure(edition_of(Path(work) / "big", count))))
    print(
        f"{'edition':<16}{'docs':>6}{'compile s':>10}{'doc pages s':>12}{'pages/s':>9}"
        f"{'whole site s':>13}{'search s':>10}{'records':>9}"
    )
    for name, m in rows:
        print(
            f"{name:<16}{m['documents']:>6}{m['compile']:>10.2f}{m['document pages']:>12.2f}"
            f"{m['documents'] / m['document pages']:>9.0f}{m['whole site']:>13.2f}"
            f"{m['search index']:>10.2f}{m['records']:>9}"
        )


def measure_copy(root: Path, _: None) -> dict[str, float]:
    """The edition itself, measured in a copy so its output/ is left alone."""
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work) / "edition"
        shutil.copytree(root / "tei", copy / "tei")
        shutil.copy(root / "edition.toml", copy / "edition.toml")
        return measure(copy)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
