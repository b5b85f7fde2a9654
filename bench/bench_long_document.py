"""One very long transcript through the whole build: a stage whose cost grows faster than the
text (an XPath over every block's siblings once took four minutes of a 1.7 MB document's
build) shows here, where a corpus of ordinary documents hides it.

    python bench/bench_long_document.py [PARAGRAPHS] [--out FILE]

The transcript is a current page (layout a) whose text is PARAGRAPHS paragraphs (default 2,500)
of the seeds' own, drawn as bench/corpus.py draws them; each stage of the build is timed in
this process, serially, and the figures printed and written to FILE (default
bench/results/long-document.md). No figure is asserted anywhere.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from bench_build import high_water_mark, unbuilt
from corpus import page_layout, seed_paragraphs

ROOT = Path(__file__).resolve().parent.parent


def long_transcript(paragraphs: int) -> str:
    import datetime as dt

    rng = random.Random(1963)
    pool = seed_paragraphs()
    body = "\n\n\n".join(rng.choice(pool) for _ in range(paragraphs)) + "\n\nV. Moskovsky"
    source = "AVPRF, fond 0102, opis 19, papka 98, delo 5, listy 1-400."
    return page_layout(
        "Journal of a Very Long Year", dt.date(1963, 12, 31), body, "A long text.", source, 299999
    )


def measure(paragraphs: int) -> list[tuple[str, float]]:
    from teiedition import pipeline
    from teiedition.cache import code_digest
    from teiedition.config import load_config
    from teiedition.publish.export import export_all
    from teiedition.publish.html import publish_html
    from teiedition.publish.pdf import publish_pdf

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        (folder / "seeds").mkdir()
        (folder / "seeds" / "long.txt").write_text(long_transcript(paragraphs), "utf-8")
        config = load_config(unbuilt(ROOT, folder) / "edition.toml")
        python, xslt = code_digest(None), code_digest(config.xslt_dir)
        stages = (
            ("convert", lambda: pipeline.convert_edition(config, 1, code=python)),
            ("validate", lambda: pipeline.validate(config, code=python)),
            ("exports", lambda: export_all(config, code=python)),
            ("html", lambda: publish_html(config, code=xslt)),
            ("pdf", lambda: publish_pdf(config, code=xslt)),
        )
        figures = []
        for name, run in stages:
            start = time.perf_counter()
            run()
            figures.append((name, time.perf_counter() - start))
        size = (folder / "seeds" / "long.txt").stat().st_size
    figures.append(("transcript size, MB", size / 1e6))
    figures.append(("peak memory, MB", high_water_mark()))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paragraphs", nargs="?", type=int, default=2500)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/long-document.md")
    args = parser.parse_args()
    figures = measure(args.paragraphs)
    lines = [
        f"# One transcript of {args.paragraphs} paragraphs, built serially in one process",
        "",
        "| stage | figure |",
        "|---|---:|",
        *(f"| {name} | {value:.2f} |" for name, value in figures),
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.write_text(text, "utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
