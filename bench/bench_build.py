"""The whole pipeline on generated corpora: speed and memory per stage, against the floor.

    python bench/bench_build.py [SIZE ...] [--jobs N] [--out FILE]
    (default sizes 10 100 1000; 10000 takes about half an hour on two cores)

For each size, a corpus from `corpus.py` is built stage by stage, each stage in a process of
its own, so that its wall time is a whole process's and its peak memory (ru_maxrss of the
stage's process and of the largest of its workers) is its own: convert, validate, exports
(which the HTML edition links), HTML pages, search index, PDF. Then, each in a fresh process
with nothing else running, the rates the targets name: document pages of one process, and one
volume laid out (best and median of three runs). The floor is lxml parsing and serialising the
same TEI in one process; each of those runs measures it again just before, in its own process,
and `teiedition validate` takes turns with jing (where installed) as whole processes, so that
the issue's targets can be set against their references at the same moment of this VM, whose
speed changes from one minute to the next (the table "Targets").
Then the incremental cases on the built edition: a rebuild with nothing changed (and start-up,
each the best of three), and a rebuild after one transcript is edited (its PDF volume's new
layout reported apart). Every process runs teiedition from compiled bytecode, as an installed
copy does.

Prints a table and writes it, with the machine's figures, to FILE (default:
bench/results/build-<sizes>.md). No test asserts speed.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import write_corpus
from lxml import etree

from teiedition.registers import UNREVIEWED_FILES

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("convert", "validate", "exports", "html", "pdf")


def make_edition(folder: Path, count: int) -> Path:
    write_corpus(count, folder / "seeds")
    return unbuilt(ROOT, folder)


def unbuilt(source: Path, folder: Path) -> Path:
    """`folder` given the settings, curated registers and schema of the edition at `source`:
    that edition before its first build, once it has transcripts."""
    shutil.copy(source / "edition.toml", folder / "edition.toml")
    for name in ("registers", "schema"):
        shutil.copytree(source / "tei" / name, folder / "tei" / name)
    for name in UNREVIEWED_FILES.values():
        (folder / "tei" / "registers" / name).unlink(missing_ok=True)
    return folder


def run_stage(root: Path, stage: str, jobs: int) -> dict:
    """One stage of the build, in this process (the child's side)."""
    # each stage imports what it runs, as the command line's do
    from teiedition import pipeline
    from teiedition.cache import code_digest
    from teiedition.config import load_config

    config = load_config(root / "edition.toml")
    # the digests the build gives the stage: of the code, and for the publishing stages of
    # the stylesheets too
    python = code_digest(None)
    code = code_digest(config.xslt_dir) if stage in ("html", "pdf") else ""
    start = time.perf_counter()
    figures: dict = {}
    if stage == "convert":
        report = pipeline.convert_edition(config, jobs, code=python)
        figures["documents"] = len(report.documents)
        figures["errors"] = len(report.errors)
    elif stage == "validate":
        report = pipeline.validate(config, jobs=jobs, code=python)
        figures["documents"] = len(report.files)
        figures["errors"] = len(report.errors)
    elif stage == "exports":
        from teiedition.publish.export import export_all

        figures["files"] = len(export_all(config, code=python))
        figures["documents"] = len(list(config.documents_dir.glob("*.xml")))
    elif stage == "html":
        from teiedition.publish.html import publish_html

        report = publish_html(config, jobs=jobs, code=code)
        figures["documents"] = len(list(config.documents_dir.glob("*.xml")))
        figures["pages"] = len(report.pages)
        figures["search seconds"] = report.search_seconds
        figures["records"] = report.search_records
        figures["document pages"] = report.document_pages_made
        figures["document seconds"] = report.document_seconds
        figures["document process seconds"] = report.document_process_seconds
        figures["listing seconds"] = report.listing_seconds
    elif stage == "pdf":
        from teiedition.publish.pdf import publish_pdf

        report = publish_pdf(config, jobs=jobs, code=code)
        figures["documents"] = len(list(config.documents_dir.glob("*.xml")))
        figures["volume pages"] = report.pages
        figures["volume seconds"] = report.volume_seconds
        figures["volumes"] = sum(1 for f in report.files if f.parent.name == "pdf")
    elif stage.endswith("-alone"):
        # the floor at this moment, beside the rate it is set against: this VM's speed
        # changes from one minute to the next
        figures["floor per second"] = [floor(root, passes=1)["per second"]]
    if stage == "convert-alone":
        figures.update(convert_alone(root, jobs))
    elif stage == "pages-alone":
        figures.update(pages_alone(config))
    elif stage == "volume-alone":
        figures.update(volume_alone(config))
    figures["seconds"] = time.perf_counter() - start
    figures["peak MB"] = high_water_mark()
    # an upper bound: a worker's ru_maxrss counts from its fork, at the stage's size then
    figures["worker peak MB"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return figures


# Documents whose pages `pages_alone` makes.
ALONE_SAMPLE = 1000
# Runs of each "alone" measure, each in a fresh process: this VM's speed varies by a third from
# one moment to the next, so each is run this often and reported as its best run and its median.
ALONE_RUNS = 3


def convert_alone(root: Path, jobs: int) -> dict:
    """The convert stage from scratch (no TEI, id registry or cache yet), on a fresh copy of
    the edition's transcripts, registers and schema, in this fresh process with nothing else
    running: the stage's rate at this moment of the machine, as the build runs it."""
    from teiedition import pipeline
    from teiedition.cache import code_digest
    from teiedition.config import load_config

    with tempfile.TemporaryDirectory() as work:
        copy = Path(work)
        (copy / "seeds").symlink_to(root / "seeds")
        unbuilt(root, copy)
        config = load_config(copy / "edition.toml")
        python = code_digest(None)
        start = time.perf_counter()
        report = pipeline.convert_edition(config, jobs, code=python)
        seconds = time.perf_counter() - start
    if not report.ok:
        sys.exit(f"convert failed: {[str(d) for d in report.errors[:3]]}")
    return {"convert documents": len(report.documents), "convert seconds": [seconds]}


def pages_alone(config) -> dict:
    """Document pages made in this one fresh process, nothing else running, the stylesheet
    compiled first (not timed), each page written: the rate of one process at work."""
    from teiedition.publish.html import HtmlPublisher
    from teiedition.writers import write_atomic

    publisher = HtmlPublisher(config, config.xslt_dir, with_documents=False)
    paths = sorted(config.documents_dir.glob("*.xml"))[:ALONE_SAMPLE]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        for index, path in enumerate(paths):
            previous = paths[index - 1] if index else None
            following = paths[index + 1] if index + 1 < len(paths) else None
            page = publisher.edition_page(path, previous, following)
            write_atomic(Path(out) / f"{path.stem}.html", page)
    return {"alone pages": len(paths), "alone seconds": [time.perf_counter() - start]}


def volume_alone(config) -> dict:
    """One volume (the edition's first `volume_size` documents) laid out in this one fresh
    process, nothing else running, as a volume's process does it: the stylesheet compiled first
    (not timed), then the Typst source made, laid out, written and its pages counted."""
    from teiedition.publish import pdf

    pdf._setup_worker(config)
    members = [str(p) for p in sorted(config.documents_dir.glob("*.xml"))[: config.volume_size]]
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        pages = pdf._volume_chunk([(members, str(Path(out) / "volume.pdf"), "volume")])
        seconds = time.perf_counter() - start
    return {"volume documents": len(members), "volume pages": pages[0], "volume seconds": [seconds]}


def alone(root: Path, stage: str, jobs: int) -> dict:
    """ALONE_RUNS runs of an "alone" stage, each in a process of its own, so that nothing one
    run leaves (Typst's compiler remembers what it laid out) serves the next: their seconds in
    one list, the highest peak memory."""
    runs = [in_child(root, stage, jobs) for _ in range(ALONE_RUNS)]
    merged = dict(runs[0])
    for key, value in merged.items():
        if isinstance(value, list):
            merged[key] = [item for run in runs for item in run[key]]
        elif key.endswith("peak MB"):
            merged[key] = max(run[key] for run in runs)
    return merged


def high_water_mark() -> float:
    """This process's peak resident memory in MB, since it started (VmHWM; ru_maxrss would
    carry over the memory of the process that forked it)."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_child(root: Path, stage: str, jobs: int) -> dict:
    argv = [sys.executable, __file__, "--stage", stage, str(root), "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"{stage} failed:\n{done.stderr[-3000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["process seconds"] = time.perf_counter() - start
    return figures


def floor(root: Path, passes: int = ALONE_RUNS) -> dict:
    """lxml parsing and serialising the edition's TEI: the floor of any XML pipeline (the best
    of `passes`)."""
    paths = sorted((root / "tei" / "documents").glob("*.xml"))
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        for path in paths:
            etree.tostring(etree.parse(str(path)), encoding="UTF-8")
        times.append(time.perf_counter() - start)
    seconds = min(times)
    return {"documents": len(paths), "seconds": seconds, "per second": len(paths) / seconds}


def validate_beside_jing(root: Path, jobs: int) -> dict | None:
    """`teiedition validate` (RELAX NG and Schematron) and jing (RELAX NG alone) on the
    edition's documents, each a whole process, taking turns ALONE_RUNS times so that each pair
    meets the machine at one moment: jing is the issue's reference for validation. None where
    jing is not installed (Debian's package `jing`)."""
    command = shutil.which("jing")
    if not command:
        return None
    paths = sorted(str(p) for p in (root / "tei" / "documents").glob("*.xml"))
    jing_argv = [command, str(root / "tei" / "schema" / "teiedition.rng"), *paths]
    ours_argv = [sys.executable, "-m", "teiedition", "validate", "--jobs", str(jobs)]
    figures: dict = {"documents": len(paths), "jing seconds": [], "validate seconds": []}
    for _ in range(ALONE_RUNS):
        for key, argv in (("jing seconds", jing_argv), ("validate seconds", ours_argv)):
            start = time.perf_counter()
            done = subprocess.run(argv, cwd=root, capture_output=True, text=True, check=False)
            figures[key].append(time.perf_counter() - start)
            if done.returncode:  # the verdicts must agree, or the times mean nothing
                sys.exit(f"{argv[0]} found the documents invalid:\n{done.stdout[-2000:]}")
    return figures


def whole_build(root: Path, jobs: int) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "teiedition", "build", "--jobs", str(jobs), "--quiet"],
        cwd=root,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def as_installed() -> None:
    """Have every process of the bench run teiedition as an installed copy runs: from its
    modules' bytecode, compiled once (pip compiles a package's modules as it installs it). An
    environment that sets PYTHONDONTWRITEBYTECODE, as this VM's does, would otherwise have
    each process compile them again, some 0.15 s of every start-up."""
    import teiedition

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(Path(teiedition.__file__).parent, quiet=1)


def start_up() -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "teiedition", "--version"],
        check=True,
        text=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def edit_one(root: Path) -> Path:
    """Change a word of the body (its longest line) of a transcript from the middle of the
    edition: a correction, the commonest change."""
    transcripts = sorted((root / "seeds").glob("*.txt"))
    victim = transcripts[len(transcripts) // 2]
    text = victim.read_text("utf-8")
    line = max((line for line in text.splitlines() if "http" not in line), key=len)
    victim.write_text(text.replace(line, line.replace(" the ", " the very ", 1), 1), "utf-8")
    return victim


def incremental(root: Path, jobs: int) -> dict:
    from teiedition.cache import code_digest
    from teiedition.config import load_config
    from teiedition.pipeline import convert_edition, validate
    from teiedition.publish.export import export_all
    from teiedition.publish.html import publish_html
    from teiedition.publish.pdf import publish_pdf

    # the best of ALONE_RUNS: a second's work is at the mercy of this VM's moment
    figures = {"start-up": min(start_up() for _ in range(ALONE_RUNS))}
    figures["no change"] = min(whole_build(root, jobs) for _ in range(ALONE_RUNS))
    edit_one(root)
    config = load_config(root / "edition.toml")
    python, code = code_digest(None), code_digest(config.xslt_dir)
    timings = {}
    for name, step in (
        ("convert", lambda: convert_edition(config, jobs, code=python)),
        ("validate", lambda: validate(config, jobs=jobs, code=python)),
        ("exports", lambda: export_all(config, code=python, jobs=jobs)),
        ("html", lambda: publish_html(config, jobs=jobs, code=code)),
        ("pdf", lambda: publish_pdf(config, jobs=jobs, code=code)),
    ):
        start = time.perf_counter()
        result = step()
        timings[name] = time.perf_counter() - start
        if name == "html":
            timings["search"] = result.search_seconds
        if name == "pdf":
            timings["volumes"] = result.volume_seconds
    figures["one change"] = timings
    return figures


def measure(count: int, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as work:
        root = make_edition(Path(work) / "edition", count)
        stages = {stage: in_child(root, stage, jobs) for stage in STAGES}
        return {
            "documents": count,
            "stages": stages,
            "convert alone": alone(root, "convert-alone", jobs),
            "pages alone": alone(root, "pages-alone", jobs),
            "volume alone": alone(root, "volume-alone", jobs),
            "floor": floor(root),
            "validate beside jing": validate_beside_jing(root, jobs),
            "incremental": incremental(root, jobs),
        }


def best_and_median(seconds: list[float]) -> tuple[float, float]:
    ordered = sorted(seconds)
    return ordered[0], ordered[len(ordered) // 2]


# The references the issue measured its targets against, on its machine and 12 KB documents.
ISSUE_FLOOR = 7000  # lxml parse + serialise, documents a second
ISSUE_JING = 1.0  # jing, 1,000 documents, whole process, seconds


def targets(result: dict, jobs: int) -> list[str]:
    """The issue's targets, as set and against the references measured at the same moment as
    each run (the floor in the run's own process just before it; jing in turns with
    `teiedition validate`): a machine or a corpus on which the reference is twice as slow
    halves a rate target and doubles a time target. "Past target" is how far past (above 1)
    or short of (below 1) the target so scaled a run is, the best and the median of the runs."""
    docs = result["documents"]
    rows = []
    per_core = f"a core (÷ {jobs})"
    for name, key, goal, count, seconds in (
        (
            f"convert from scratch, docs/s {per_core}",
            "convert alone",
            300,
            "convert documents",
            "convert seconds",
        ),
        ("HTML document pages/s, one process", "pages alone", 200, "alone pages", "alone seconds"),
        ("PDF pages/s, one volume", "volume alone", 100, "volume pages", "volume seconds"),
    ):
        runs = result[key]
        divisor = jobs if key == "convert alone" else 1
        rates = [runs[count] / spent / divisor for spent in runs[seconds]]
        ratios = [
            rate / (goal * floor / ISSUE_FLOOR)
            for rate, floor in zip(rates, runs["floor per second"], strict=True)
        ]
        references = runs["floor per second"]
        rows.append((name, goal, rates, f"floor {ISSUE_FLOOR} docs/s", references, ratios))
    beside = result.get("validate beside jing")
    if beside:
        scale = 1000 / beside["documents"]
        times = [spent * scale for spent in beside["validate seconds"]]
        jings = [spent * scale for spent in beside["jing seconds"]]
        ratios = [2.0 * jing / ISSUE_JING / spent for spent, jing in zip(times, jings, strict=True)]
        rows.append(
            (
                "validate 1,000 docs, whole process, s",
                2,
                times,
                f"jing {ISSUE_JING:g} s",
                jings,
                ratios,
            )
        )
    lines = [
        "",
        f"Targets for {docs} documents, against references measured beside each run (the run "
        "that is furthest past its scaled target, the median run in brackets; rates: higher is "
        "better, times: lower; where jing is not installed, the validation row is left out):",
        "",
        "| target | as set | reached | reference: the issue's → this run's | past target |",
        "|---|---:|---:|---|---:|",
    ]
    for name, goal, reached, reference, here, ratios in rows:
        # the run furthest past its target, and the median run, each with its own reference
        order = sorted(range(len(ratios)), key=ratios.__getitem__, reverse=True)
        top, middle = order[0], order[len(order) // 2]
        lines.append(
            f"| {name} | {goal:g} | {reached[top]:.4g} ({reached[middle]:.4g}) | {reference} → "
            f"{here[top]:.4g} ({here[middle]:.4g}) | {ratios[top]:.2f} ({ratios[middle]:.2f}) |"
        )
    return lines


def table(results: list[dict], jobs: int) -> str:
    lines = [
        f"# Build benchmark: {platform.node()}, {os.cpu_count()} cores, --jobs {jobs}, "
        f"Python {platform.python_version()}",
        "",
        "| docs | stage | wall s | in-stage s | docs/s | pages/s | × floor | peak MB | "
        "worker peak MB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        rate_floor = result["floor"]["per second"]
        lines.append(
            f"| {result['documents']} | floor (lxml parse+serialise) | | "
            f"{result['floor']['seconds']:.2f} | {rate_floor:.0f} | | 1 | | |"
        )
        for stage, f in result["stages"].items():
            seconds = f["seconds"]
            if stage == "html":
                seconds -= f["search seconds"]
            rate = f["documents"] / seconds if seconds else 0
            pages = ""
            if "volume pages" in f:  # the volumes' layout alone, all processes together
                pages = f"{f['volume pages'] / f['volume seconds']:.0f}"
            lines.append(
                f"| {result['documents']} | {stage} | {f['process seconds']:.1f} | "
                f"{seconds:.2f} | {rate:.0f} | {pages} | {rate_floor / rate if rate else 0:.0f} | "
                f"{f['peak MB']:.0f} | {f['worker peak MB']:.0f} |"
            )
            if stage == "convert" and "convert alone" in result:
                alone = result["convert alone"]
                count = alone["convert documents"]
                best, median = best_and_median(alone["convert seconds"])
                lines.append(
                    f"| {result['documents']} | convert from scratch, alone (best of "
                    f"{ALONE_RUNS}, median in brackets; per core: ÷ {jobs}) | | {best:.2f} "
                    f"({median:.2f}) | {count / best:.0f} ({count / median:.0f}) | | "
                    f"{rate_floor / (count / best):.0f} | | |"
                )
            if stage == "pdf":
                alone = result["volume alone"]
                best, median = best_and_median(alone["volume seconds"])
                pages = alone["volume pages"]
                lines.append(
                    f"| {result['documents']} | one volume, one process alone "
                    f"({alone['volume documents']} documents; best of {ALONE_RUNS}, median in "
                    f"brackets) | | {best:.2f} ({median:.2f}) | | {pages / best:.0f} "
                    f"({pages / median:.0f}) | | | |"
                )
            if stage == "html":
                made, spent = f["document pages"], f["document seconds"]
                rendering = f["document process seconds"]
                lines.append(
                    f"| {result['documents']} | document pages, all processes (start-up in) | | "
                    f"{spent:.2f} | {made / spent if spent else 0:.0f} | | | | |"
                )
                # pages over the seconds the processes spent rendering, summed: each process's
                # rate while the others run too
                lines.append(
                    f"| {result['documents']} | document pages, per rendering process | | "
                    f"{rendering:.2f} | {made / rendering if rendering else 0:.0f} | | | | |"
                )
                alone = result["pages alone"]["alone pages"]
                best, median = best_and_median(result["pages alone"]["alone seconds"])
                lines.append(
                    f"| {result['documents']} | document pages, one process alone "
                    f"({alone}; best of {ALONE_RUNS}, median in brackets) | | {best:.2f} "
                    f"({median:.2f}) | {alone / best:.0f} ({alone / median:.0f}) | | "
                    f"{rate_floor / (alone / best):.0f} | | |"
                )
                lines.append(
                    f"| {result['documents']} | pages listing the edition (6) | | "
                    f"{f['listing seconds']:.2f} | | | | | |"
                )
                records = f["records"]
                search = f["search seconds"]
                lines.append(
                    f"| {result['documents']} | search index ({records} records) | | "
                    f"{search:.2f} | {f['documents'] / search if search else 0:.0f} | | "
                    f"{rate_floor * search / f['documents'] if f['documents'] else 0:.0f} | | |"
                )
    for result in results:
        if result["documents"] >= 1000:  # what the targets are set for
            lines += targets(result, jobs)
    lines += [
        "",
        "| docs | start-up s (best of 3) | rebuild, no change s (best of 3) | one transcript "
        "changed: "
        "convert / validate / exports / html (search) / pdf documents / pdf volume s | total "
        "but the volume s |",
        "|---:|---:|---:|---|---:|",
    ]
    for result in results:
        inc = result["incremental"]
        one = inc["one change"]
        documents_pdf = one["pdf"] - one["volumes"]
        total = one["convert"] + one["validate"] + one["exports"] + one["html"] + documents_pdf
        lines.append(
            f"| {result['documents']} | {inc['start-up']:.2f} | {inc['no change']:.2f} | "
            f"{one['convert']:.2f} / {one['validate']:.2f} / {one['exports']:.2f} / "
            f"{one['html']:.2f} "
            f"({one['search']:.2f}) / {documents_pdf:.2f} / {one['volumes']:.2f} | {total:.2f} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    if sys.argv[1:2] == ["--stage"]:  # the child's side: --stage STAGE ROOT --jobs N
        stage, root, jobs = sys.argv[2], Path(sys.argv[3]), int(sys.argv[5])
        print(json.dumps(run_stage(root, stage, jobs)))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10, 100, 1000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    as_installed()
    results = [measure(size, args.jobs) for size in args.sizes]
    text = table(results, args.jobs)
    print(text)
    out = args.out or ROOT / "bench" / "results" / f"build-{'-'.join(map(str, args.sizes))}.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n```json\n" + json.dumps(results, indent=1) + "\n```\n", "utf-8")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
