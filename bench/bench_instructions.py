"""Instructions per document for the stages' inner loops, counted by valgrind's callgrind: a
figure that, unlike wall time on a shared virtual machine, is the same from run to run (to
about 0.2 %; the draft's varied by about 3 % in two runs at d9d2d6a, 40.06 M and 41.27 M,
while the whole conversion's gave 52.10 M in both), so a change of a few per cent in a
stylesheet or a rule can be seen.

    python bench/bench_instructions.py [EDITION_ROOT] [--documents N] [--out FILE]

EDITION_ROOT is a built edition (default: a 100-document corpus from `corpus.py`, converted
first). Each measure runs in a child process under callgrind twice, once setting up (and
working on a first document, which warms up what is made once) and once doing that and then
working on N more documents (default 40): the difference, divided by N, is the work's
instructions per document. Needs valgrind (Debian: `apt-get install valgrind`);
takes a few minutes. No test asserts these figures.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What each measure does to one document, after a setup that is not counted; their names as
# the table prints them.
MEASURES = {
    "draft": "conversion: a transcript read and marked up on its own (a worker's draft)",
    "convert": "conversion: a transcript read, marked up, given its ids and serialised",
    "page-transform": "document page: the HTML transform alone (the document parsed before)",
    "page": "document page: parsed, transformed and encoded, as the HTML stage does",
    "schematron": "validation: the Schematron's rules alone (the document parsed before)",
    "validate": "validation of a file: both parses, RELAX NG, Schematron, findings",
    "print": "print: a document's Typst source (parsed and transformed)",
    "pdf": "print: a document's PDF (its Typst source laid out by Typst)",
}


def setup(measure: str, root: Path, count: int) -> tuple[int, Callable[[int], object]]:
    """How many documents there are to work on (up to `count` + 1), and the work of `measure`
    on the document of an index, everything it needs made beforehand."""
    from teiedition.config import load_config

    config = load_config(root / "edition.toml")
    if measure in {"draft", "convert"}:
        from teiedition import pipeline
        from teiedition.convert import make_draft
        from teiedition.registry import Registry, Stabiliser

        names = pipeline.load_names(config)
        transcripts = pipeline.transcript_paths([config.transcripts_dir])[: count + 1]
        if measure == "draft":
            return len(transcripts), lambda i: make_draft(transcripts[i], config, names)
        registry = Registry.load(config.registry_path)
        stabiliser = Stabiliser(registry, config.documents_dir, config.version)
        return len(transcripts), lambda i: pipeline.convert_transcript(
            transcripts[i], config, names, stabiliser
        )
    paths = sorted(config.documents_dir.glob("*.xml"))[: count + 1]
    if measure == "page":
        from teiedition.publish.html import HtmlPublisher

        publisher = HtmlPublisher(config, config.xslt_dir, with_documents=False)

        def page(index: int) -> object:
            previous = paths[index - 1] if index else None
            following = paths[index + 1] if index + 1 < len(paths) else None
            return publisher.edition_page(paths[index], previous, following)

        return len(paths), page
    if measure == "page-transform":
        from teiedition.publish.html import HtmlPublisher

        publisher = HtmlPublisher(config, config.xslt_dir, with_documents=False)
        pages = [publisher.transform.parse(p) for p in paths]
        return len(paths), lambda i: publisher.executable.transform_to_string(xdm_node=pages[i])
    if measure in {"schematron", "validate"}:
        from teiedition.validation import Validator, entity_free_text

        registers = sorted(config.tei_dir.joinpath("registers").glob("*.xml"))
        validator = Validator(config.schema_dir, registers)
        if measure == "validate":
            return len(paths), lambda i: validator.validate_file(paths[i])
        parse = validator.processor.parse_xml
        files = [parse(xml_text=entity_free_text(p.read_bytes())) for p in paths]
        return len(paths), lambda i: validator.schematron().transform_to_string(xdm_node=files[i])
    if measure in {"print", "pdf"}:
        from teiedition.publish.pdf import PdfPublisher

        publisher = PdfPublisher(config, with_documents=False)
        if measure == "print":
            return len(paths), lambda i: publisher.document_source(paths[i])
        sources = [publisher.document_source(path) for path in paths]
        return len(paths), lambda i: publisher.compile(sources[i], str(paths[i]))
    raise SystemExit(f"unknown measure {measure}")


def counted(measure: str, root: Path, count: int, work: bool) -> int:
    """Instructions of a child process that sets `measure` up and, if `work`, runs it."""
    argv = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable]
    argv += [__file__, "--child", measure, str(root), str(count), "work" if work else "setup"]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode or not found:
        sys.exit(f"{measure}: the child failed:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_document(measure: str, root: Path, count: int) -> float:
    """The instructions the work takes a document, over `count` documents after the first."""
    return (counted(measure, root, count, True) - counted(measure, root, count, False)) / count


def built_corpus(folder: Path, count: int) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_build import make_edition

    from teiedition import pipeline
    from teiedition.config import load_config

    root = make_edition(folder, count)
    report = pipeline.convert_edition(load_config(root / "edition.toml"))
    if report.errors:
        sys.exit(f"the corpus did not convert: {report.errors[0]}")
    return root


def main() -> None:
    if sys.argv[1:2] == ["--child"]:  # --child MEASURE ROOT COUNT work|setup
        measure, root, count, mode = sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
        documents, work = setup(measure, root, count)
        work(0)  # the first document warms up what is made once (not counted: both runs do it)
        if mode == "work":
            for index in range(1, documents):
                work(index)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", nargs="?", type=Path)
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--only", nargs="+", choices=list(MEASURES), help="these measures only")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as work:
        root = args.root or built_corpus(Path(work) / "edition", 100)
        lines = [
            f"# Instructions per document ({args.documents} documents of {root.name})",
            "",
            "| measure | instructions a document (millions) |",
            "|---|---:|",
        ]
        for measure, label in MEASURES.items():
            if args.only and measure not in args.only:
                continue
            figure = per_document(measure, root, args.documents)
            lines.append(f"| {label} | {figure / 1e6:.2f} |")
            print(lines[-1], flush=True)
    text = "\n".join(lines) + "\n"
    out = args.out or ROOT / "bench" / "results" / "instructions.md"
    out.write_text(text, "utf-8")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
