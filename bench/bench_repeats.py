"""Growth of a draft's cost with one piece of text repeated: a rule whose cost grows with the
square of what it finds shows here, where ordinary transcripts, whose paragraphs hold tens of
marks, hide it (20,000 quotation marks in one paragraph once took 13 s; 8,000 blocks
numbered "[1]" 45 s).

    python bench/bench_repeats.py [CHARACTERS] [--out FILE]

Each piece is repeated into one paragraph of about CHARACTERS characters (default 40,000), or
into as many blocks of its own, then twice that; each transcript (a current page, layout a)
is drafted in this process and timed, the best of three. The ratio of the two times is about
2 where the cost grows as the text does, about 4 where it grows with its square. Figures are
printed and written to FILE (default bench/results/repeats.md); none is asserted anywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from corpus import page_layout

ROOT = Path(__file__).resolve().parent.parent

# What is repeated, and how: within one paragraph, or as blocks of their own
PIECES = [
    ("“", "paragraph", "a quotation mark left open"),
    ('"a" ', "paragraph", "quotations"),
    ("[1]", "paragraph", "references to a note"),
    ("1963 ", "paragraph", "years"),
    ("Kim Il Sung met Moskovsky. ", "paragraph", "names"),
    ("[1] A numbered paragraph.", "blocks", "blocks numbered as notes are"),
    ("Kim: Yes.", "blocks", "a speaker's turns"),
    ("and then", "blocks", "lines of one sentence, a blank line between each"),
]


def transcript(piece: str, how: str, characters: int) -> str:
    count = max(1, characters // len(piece))
    body = piece * count if how == "paragraph" else "\n\n".join([piece] * count)
    body = f"The record begins.\n\n{body}\n\nV. Moskovsky"
    source = "AVPRF, fond 0102, opis 19, papka 98, delo 5, listy 1-4."
    return page_layout("A Repeated Text", dt.date(1963, 5, 12), body, "A text.", source, 299998)


def draft_seconds(piece: str, how: str, characters: int, folder: Path) -> float:
    from teiedition import pipeline
    from teiedition.config import load_config
    from teiedition.convert import make_draft

    config = load_config(ROOT / "edition.toml")
    names = pipeline.load_names(config)
    path = folder / "repeated.txt"
    path.write_text(transcript(piece, how, characters), "utf-8")
    times = []
    for _ in range(3):  # the best of three: a shared machine slows one run now and then
        start = time.perf_counter()
        draft = make_draft(path, config, names)
        times.append(time.perf_counter() - start)
        if draft.error:
            raise SystemExit(f"{piece!r}: {draft.error}")
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("characters", nargs="?", type=int, default=40_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench/results/repeats.md")
    args = parser.parse_args()
    size = args.characters
    rows = []
    with tempfile.TemporaryDirectory() as work:
        draft_seconds("A word. ", "paragraph", 100, Path(work))  # what the first draft makes once
        for piece, how, what in PIECES:
            once, twice = (draft_seconds(piece, how, n, Path(work)) for n in (size, 2 * size))
            ratio = twice / once
            rows.append(f"| {what} | `{piece}` | {how} | {once:.2f} | {twice:.2f} | {ratio:.1f} |")
    lines = [
        f"# A draft with one piece repeated into {size:,} and {2 * size:,} characters",
        "",
        f"| what | piece | repeated in | s ({size:,}) | s ({2 * size:,}) | ratio |",
        "|---|---|---|---:|---:|---:|",
        *rows,
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    args.out.write_text(text, "utf-8")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
