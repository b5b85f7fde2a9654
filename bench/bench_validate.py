"""Validation speed: the built edition, then 100 and 1,000 copies of its documents.

    python bench/bench_validate.py

Prints, for each size, the time to compile the schemas (once per run), the time to validate
(RELAX NG + Schematron), documents per second, and the time per document, so growth with the
number of documents can be read off. Also times one whole `teiedition validate` process on the
1,000 copies. No test asserts speed.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from teiedition.validation import Validator

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "tei" / "schema"
REGISTERS = sorted((ROOT / "tei" / "registers").glob("*.xml"))


def copies(folder: Path, count: int) -> list[Path]:
    """`count` documents made from the edition's, each with its own ids."""
    sources = [p.read_text("utf-8") for p in sorted((ROOT / "tei" / "documents").glob("*.xml"))]
    paths = []
    for number in range(count):
        text = sources[number % len(sources)]
        doc_id = re.search(r'<TEI [^>]*xml:id="([^"]+)"', text).group(1)
        path = folder / f"copy-{number:05d}.xml"
        path.write_text(text.replace(doc_id, f"{doc_id}-c{number}"), "utf-8")
        paths.append(path)
    return paths


def measure(paths: list[Path]) -> tuple[float, float, int]:
    start = time.perf_counter()
    validator = Validator(SCHEMA, REGISTERS)
    compiled = time.perf_counter() - start
    start = time.perf_counter()
    report = validator.validate(paths)
    return compiled, time.perf_counter() - start, len(report.errors)


def main() -> None:
    edition = sorted((ROOT / "tei" / "documents").glob("*.xml"))
    rows = [("edition", *measure(edition), len(edition))]
    with tempfile.TemporaryDirectory() as work:
        for count in (100, 1000):
            folder = Path(work) / str(count)
            folder.mkdir()
            rows.append((f"{count} copies", *measure(copies(folder, count)), count))
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "teiedition",
                "--config",
                str(ROOT / "edition.toml"),
                "validate",
                str(Path(work) / "1000"),
            ],
            check=False,
            capture_output=True,
        )
        whole = time.perf_counter() - start
    print(
        f"{'corpus':<14}{'compile s':>10}{'validate s':>12}{'docs/s':>9}{'ms/doc':>8}{'errors':>8}"
    )
    for name, compiled, seconds, errors, count in rows:
        print(
            f"{name:<14}{compiled:>10.3f}{seconds:>12.3f}{count / seconds:>9.0f}"
            f"{1000 * seconds / count:>8.2f}{errors:>8}"
        )
    print(f"whole process, `teiedition validate` on 1,000 documents: {whole:.2f} s")


if __name__ == "__main__":
    main()
