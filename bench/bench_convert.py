"""Conversion speed: the edition's seeds copied N times, converted in one process.

    python bench/bench_convert.py [N]        (default N = 200 copies of each seed)

Prints documents per second for conversion and for the floor of any XML pipeline on this
machine (lxml parsing and serialising the same TEI), and their ratio. No test asserts speed.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from teiedition.config import load_config
from teiedition.pipeline import convert

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, copies: int) -> None:
    """Copies of the seeds, each with its own record number so each gets its own id."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for copy in range(copies):
        for index, seed in enumerate(seeds):
            number = copy * len(seeds) + index
            text = seed.read_text("utf-8")
            text = text.replace("\nRecord ID", f"\nRecord ID\n\n{900000 + number}\n", 1)
            text = text.replace("/document/110485", f"/document/{800000 + number}")
            (folder / f"{copy:05d}-{seed.name}").write_text(text, "utf-8")


def main(copies: int) -> None:
    config = load_config(ROOT / "edition.toml")
    with tempfile.TemporaryDirectory() as work:
        inputs, out = Path(work) / "in", Path(work) / "out"
        inputs.mkdir()
        make_corpus(inputs, copies)
        count = len(list(inputs.iterdir()))
        start = time.perf_counter()
        report = convert([inputs], out, config)
        convert_seconds = time.perf_counter() - start
        assert report.ok, report.errors[:3]
        start = time.perf_counter()
        for path in out.iterdir():
            etree.tostring(etree.parse(str(path)), encoding="UTF-8")
        floor_seconds = time.perf_counter() - start
    convert_rate, floor_rate = count / convert_seconds, count / floor_seconds
    print(f"documents:            {count}")
    print(f"convert:              {convert_seconds:.2f} s, {convert_rate:.0f} documents/s")
    print(f"lxml parse+serialise: {floor_seconds:.2f} s, {floor_rate:.0f} documents/s (floor)")
    print(f"convert / floor:      {floor_rate / convert_rate:.1f}x slower than the floor")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
