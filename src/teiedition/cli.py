"""Command line: load the configuration, call one library function, report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from teiedition import __version__, pipeline
from teiedition.config import Config, load_config
from teiedition.errors import TeieditionError


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
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the TEI documents (default: tei/documents).",
)
@click.pass_obj
def convert(config: Config, inputs: tuple[Path, ...], out_dir: Path | None) -> None:
    """Convert transcripts (files or folders; default: the edition's seeds/) to TEI."""
    report = _domain(
        pipeline.convert,
        inputs or [config.transcripts_dir],
        out_dir or config.documents_dir,
        config,
    )
    _finish(report, out_dir or config.documents_dir)


@main.command()
@click.pass_obj
def build(config: Config) -> None:
    """Build the whole edition from its transcripts."""
    _finish(_domain(pipeline.build, config), config.documents_dir)


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
    except TeieditionError as err:
        raise click.ClickException(str(err)) from err


def _finish(report: pipeline.Report, out_dir: Path) -> None:
    for diagnostic in report.diagnostics:
        click.echo(str(diagnostic), err=True)
    click.echo(
        f"converted {len(report.written)} of {report.inputs} transcripts into {out_dir} "
        f"({len(report.errors)} errors, {len(report.warnings)} warnings)",
        err=not report.ok,
    )
    if report.entities is not None:
        click.echo(report.entities.summary(), err=not report.ok)
    if not report.ok:
        sys.exit(1)
