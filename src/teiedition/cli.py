"""Command line: load the configuration, call one library function, report."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from teiedition import __version__, pipeline
from teiedition.config import Config, load_config
from teiedition.errors import InputError, TeieditionError
from teiedition.parallel import default_jobs
from teiedition.progress import NORMAL, QUIET, VERBOSE, ConsoleProgress
from teiedition.publish import EXPORT_FORMATS


def out_option(help_text: str):
    """The --out option of the commands that write a folder."""
    return click.option(
        "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help=help_text
    )


def jobs_option():
    """The --jobs option of the commands that share their work among processes."""
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=default_jobs,
        show_default="the number of cores",
        help="Processes to share the work (the result is the same for any number).",
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teiedition")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Edition configuration (default: ./edition.toml, else built-in defaults).",
)
@click.pass_context
def main(ctx: click.Context, config_path: Path | None) -> None:
    """teiedition: archival transcripts → TEI P5 → a validated, published edition."""
    try:
        ctx.obj = load_config(config_path)
    except TeieditionError as err:
        raise click.ClickException(str(err)) from err


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@out_option("Folder for the TEI documents (default: tei/documents).")
@jobs_option()
@click.pass_obj
def convert(config: Config, inputs: tuple[Path, ...], out_dir: Path | None, jobs: int) -> None:
    """Convert transcripts (files or folders; default: the edition's seeds/) to TEI. Into the
    edition's documents folder, its transcripts keep the ids the edition has published."""
    report = _domain(
        pipeline.convert,
        inputs or [config.transcripts_dir],
        out_dir or config.documents_dir,
        config,
        None,
        jobs,
    )
    _finish(report, out_dir or config.documents_dir)


@main.command()
@jobs_option()
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
@click.option("--verbose", "-v", is_flag=True, help="Also print what each stage reused or redid.")
@click.pass_obj
def build(config: Config, jobs: int, quiet: bool, verbose: bool) -> None:
    """Build the whole edition from its transcripts, remaking only what changed."""
    verbosity = QUIET if quiet else VERBOSE if verbose else NORMAL
    report = _domain(pipeline.build, config, jobs, ConsoleProgress(verbosity))
    _finish(report, config.documents_dir, quiet=quiet)


@main.command()
@click.pass_obj
def entities(config: Config) -> None:
    """List the names still to review in the built edition, with counts."""
    report = _domain(pipeline.entities, config)
    for row in sorted(report.rows.values(), key=lambda r: r.proposed_id):
        click.echo(
            f"{row.proposed_id}\t{' | '.join(sorted(row.names))}\t"
            f"{len(row.documents)} document(s)\t{row.context}"
        )
    click.echo(report.summary())


def _domain(function, *args):
    try:
        return function(*args)
    except InputError as err:  # a file's diagnostic, "file:line: error: …", as a build prints one
        click.echo(str(err.diagnostic), err=True)
        raise SystemExit(1) from err
    except TeieditionError as err:
        raise click.ClickException(str(err)) from err


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: one object with every problem, for tools.",
)
@jobs_option()
@click.pass_obj
def validate(config: Config, paths: tuple[Path, ...], output_format: str, jobs: int) -> None:
    """Validate TEI files or folders (default: tei/) against the edition's RELAX NG and
    Schematron. Exit 0 when all is valid, 1 when anything is invalid, 2 for usage errors."""
    report = _domain(pipeline.validate, config, paths, jobs)
    if output_format == "json":
        click.echo(report.to_json())
    else:
        for problem in report.problems:
            click.echo(str(problem))
        click.echo(report.summary())
    sys.exit(0 if report.ok else 1)


@main.command("export")
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(EXPORT_FORMATS),
    help="tei-corpus, bundle, entities, citations or text.",
)
@out_option("Folder for the export (default: output/export).")
@jobs_option()
@click.pass_obj
def export_command(config: Config, fmt: str, out_dir: Path | None, jobs: int) -> None:
    """Export the edition for other tools."""
    for path in _domain(pipeline.export_format, config, fmt, out_dir, jobs):
        click.echo(f"wrote {path}")


@main.group()
def ids() -> None:
    """Citable identifiers: the id registry (tei/ids.json)."""


@ids.command("check")
@click.pass_obj
def ids_check(config: Config) -> None:
    """Fail if any id the edition has published vanished or changed meaning."""
    problems = _domain(pipeline.check_ids_of, config)
    for problem in problems:
        click.echo(f"{config.registry_path}: error: {problem}", err=True)
    click.echo(f"ids: {len(problems)} problems" if problems else "ids: every published id resolves")
    sys.exit(1 if problems else 0)


@main.command("release")
@click.argument("version")
@click.option(
    "--date",
    default=lambda: __import__("datetime").date.today().isoformat(),
    show_default="today",
    help="The release date, YYYY-MM-DD.",
)
@click.pass_obj
def release_command(config: Config, version: str, date: str) -> None:
    """Record VERSION in the id registry and in every document's header, and rebuild."""
    _finish(_domain(pipeline.release_version, config, version, date), config.documents_dir)


@main.command("pdf")
@out_option("Folder for the PDFs (default: output/pdf).")
@jobs_option()
@click.pass_obj
def pdf_command(config: Config, out_dir: Path | None, jobs: int) -> None:
    """Publish the print edition: the volume and one PDF per document."""
    click.echo(_domain(pipeline.pdf, config, out_dir, jobs).summary())


@main.command()
@out_option("Folder for the site (default: output/html).")
@jobs_option()
@click.pass_obj
def html(config: Config, out_dir: Path | None, jobs: int) -> None:
    """Publish the HTML edition of the edition's TEI."""
    click.echo(_domain(pipeline.html, config, out_dir, jobs).summary())


@main.command()
@click.option(
    "--tei-all",
    "tei_all",
    type=click.Path(dir_okay=False, path_type=Path),
    default=lambda: os.environ.get("TEIEDITION_TEI_ALL", "../shared/schemas/tei_all.rng"),
    show_default="$TEIEDITION_TEI_ALL or ../shared/schemas/tei_all.rng",
    help="TEI P5 tei_all.rng, from which the schema is derived.",
)
@click.pass_obj
def schema(config: Config, tei_all: Path) -> None:
    """Derive tei/schema/teiedition.rng from the ODD (run after editing the ODD)."""
    click.echo(f"wrote {_domain(pipeline.derive_schema, config, tei_all)}")


def _finish(report: pipeline.Report, out_dir: Path, quiet: bool = False) -> None:
    """What the run did, then every problem; `quiet`: the problems only."""

    def say(text: str, err: bool = False) -> None:
        if err or not quiet:
            click.echo(text, err=err)

    for diagnostic in report.diagnostics:
        say(str(diagnostic), err=diagnostic.severity == "error" or not quiet)
    say(
        f"converted {len(report.documents)} of {report.inputs} transcripts into {out_dir}, "
        f"{len(report.written)} TEI files changed "
        f"({len(report.errors)} errors, {len(report.warnings)} warnings)",
        err=not report.ok,
    )
    if report.entities is not None:
        say(report.entities.summary(), err=not report.ok)
    if report.validation is not None:
        for problem in report.validation.problems:
            say(str(problem), err=problem.severity == "error" or not quiet)
        say(report.validation.summary(), err=not report.validation.ok)
        if not report.validation.ok:
            say("the edition is not valid: nothing was published", err=True)
    for problem in report.ids:
        say(f"ids: error: {problem}", err=True)
    if report.validation is not None and report.validation.ok and not report.ok:
        # a transcript that could not be read, or ids that would break a citation
        say("the edition was not published: fix the errors above and build again", err=True)
    if report.exports:
        folder = os.path.commonpath([str(p) for p in report.exports])
        say(f"exports: {len(report.exports)} files in {folder}")
    if report.html is not None:
        say(report.html.summary())
    if report.pdf is not None:
        say(report.pdf.summary())
    if not report.ok:
        sys.exit(1)
