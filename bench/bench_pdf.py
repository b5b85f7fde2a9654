"""PDF speed and memory: the edition, and an edition of N documents made from its own, split
into volumes of the configured size and, for comparison, laid out as a single volume.

    python bench/bench_pdf.py [N]     (default N = 1000)

Each edition is built in a child process, so that its peak resident memory (ru_maxrss, which
includes Typst's layout, done in-process by the typst wheel) is its own. Prints documents,
volumes, pages (volumes + one PDF per document), seconds, pages per second and peak memory.
No test asserts speed.
"""

from __future__ import annotations

import dataclasses
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_html import ROOT, edition_of
from pypdf import PdfReader

from teiedition.config import load_config
from teiedition.publish.pdf import PdfPublisher


def measure(root: Path, volume_size: int | None) -> dict[str, float]:
    """Build the PDFs of the edition in `root` (in this process) and measure."""
    config = load_config(root / "edition.toml")
    if volume_size is not None:
        config = dataclasses.replace(config, volume_size=volume_size)
    start = time.perf_counter()
    publisher = PdfPublisher(config)
    report = publisher.publish(root / "output" / "pdf")
    seconds = time.perf_counter() - start
    document_pages = sum(
        len(PdfReader(f).pages) for f in report.files if f.parent.name == "documents"
    )
    return {
        "documents": len(publisher.transform.paths),
        "volumes": len(publisher.volumes()),
        "volume pages": report.pages,
        "document pages": document_pages,
        "seconds": seconds,
        "peak MB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def in_child(root: Path, volume_size: int | None) -> dict[str, float]:
    argv = [sys.executable, __file__, "--one", str(root), str(volume_size or 0)]
    return json.loads(subprocess.run(argv, capture_output=True, text=True, check=True).stdout)


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as work:
        edition = Path(work) / "edition"
        shutil.copytree(ROOT / "tei", edition / "tei")
        shutil.copy(ROOT / "edition.toml", edition / "edition.toml")
        big = edition_of(Path(work) / "big", count)
        rows = [
            ("edition", in_child(edition, None)),
            (f"{count} docs", in_child(big, None)),
            (f"{count} docs, 1 vol", in_child(big, count)),
        ]
    print(
        f"{'edition':<20}{'docs':>6}{'vols':>5}{'vol pages':>10}{'doc pages':>10}"
        f"{'seconds':>9}{'pages/s':>9}{'peak MB':>9}"
    )
    for name, m in rows:
        pages = m["volume pages"] + m["document pages"]
        print(
            f"{name:<20}{m['documents']:>6}{m['volumes']:>5}{m['volume pages']:>10}"
            f"{m['document pages']:>10}{m['seconds']:>9.1f}{pages / m['seconds']:>9.0f}"
            f"{m['peak MB']:>9.0f}"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        size = int(sys.argv[3])
        print(json.dumps(measure(Path(sys.argv[2]), size or None)))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
