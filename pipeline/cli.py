"""The ``khplan`` command line.

One handler (:func:`_handle_errors`) turns every failure into one line on
stderr naming the file and the reason, and an exit code; users never see a
traceback unless they ask with ``--debug``.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import cast

import click
from rich.console import Console

from khplan.diacritics.damage import RestoreMode
from khplan.pipeline.context import DEFAULT_LIMITS, PREPROCESS_STEPS, Limits, Options, default_jobs
from khplan.pipeline.errors import ExitCode, InputFileError, KhplanError
from khplan.pipeline.verbosity import configure_logging

stderr = Console(stderr=True)


def _handle_errors(command: Callable) -> Callable:
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return command(*args, **kwargs)
        except KhplanError as e:
            if debug:
                raise
            click.echo(f"khplan: {e}", err=True)
            sys.exit(int(e.exit_code))
        except KeyboardInterrupt:
            click.echo("khplan: interrupted", err=True)
            sys.exit(int(ExitCode.ctrl_c))
        except (click.exceptions.Exit, click.ClickException):  # click prints a usage error itself (exit 2)
            raise
        except Exception as e:  # the promise is: no traceback, one line, non-zero
            if debug:
                raise
            click.echo(f"khplan: internal error: {type(e).__name__}: {e} (rerun with --debug for details)", err=True)
            sys.exit(int(ExitCode.other_error))

    return wrapper


def _options(
    jobs: int | None,
    lang: str,
    restore_mode: str,
    preprocess: tuple[str, ...],
    searchable_pdf: bool = False,
    ocr_engine: str = "tesseract",
    limits: Limits = DEFAULT_LIMITS,
) -> Options:
    return Options(
        jobs=jobs or default_jobs(),
        lang=lang,
        restore=cast(RestoreMode, restore_mode),
        searchable_pdf=searchable_pdf,
        preprocess=preprocess,
        ocr_engine=ocr_engine,
        limits=limits,
    )


def output_console() -> Console:
    """The console tables go to: the terminal's width, or, piped, wide enough that nothing is cut mid-word."""
    console = Console()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(width=PIPED_WIDTH)
    return console


PIPED_WIDTH = 200
"""Columns of tables printed to a pipe or a file (identifier columns never wrap, whatever the width)."""


def limits_options(command: Callable) -> Callable:
    """``--max-pages`` and ``--max-chars``: past them an input is refused as ``too_large``."""
    command = click.option(
        "--max-chars",
        type=click.IntRange(min=1),
        default=DEFAULT_LIMITS.max_chars,
        show_default=True,
        help="Characters of text an input may hold (Word files are checked unpacked, before parsing).",
    )(command)
    return click.option(
        "--max-pages",
        type=click.IntRange(min=1),
        default=DEFAULT_LIMITS.max_pages,
        show_default=True,
        help="Pages a PDF or image may have.",
    )(command)


def _preprocess_steps(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...]:
    """``--preprocess deskew,normalise`` as step names, checked here so a batch does not fail on every page."""
    if value is None:
        return PREPROCESS_STEPS
    from khplan.pipeline.reading.preprocess import check_steps

    try:
        return check_steps([step for part in value.split(",") if (step := part.strip()) and step != "none"])
    except ValueError as e:
        raise click.BadParameter(f"{e}, or none") from None


jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Pages (and documents) processed at once [default: number of cores].",
)
lang_option = click.option("--lang", default="vie", show_default=True, help="Tesseract language(s).")
engine_option = click.option(
    "--ocr-engine",
    default="tesseract",
    show_default=True,
    metavar="NAME",
    help="The OCR engine: tesseract, a plugin registered under khplan.ocr_engines, or module:factory.",
)
preprocess_option = click.option(
    "--preprocess",
    metavar="STEPS",
    callback=_preprocess_steps,
    help="Page image steps before Tesseract, in order, comma-separated (normalise, denoise, binarise, despeckle, "
    f"deskew), or none [default: {','.join(PREPROCESS_STEPS)}].",
)
restore_option = click.option(
    "--restore",
    "restore_mode",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Restore diacritics always, never, or when the text has lost them.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.option(
    "--verbose", "-v", is_flag=True, help="Say what was decided: blank pages, preprocessing, restoration, cache."
)
@click.version_option(package_name="khplan")
def main(debug: bool, verbose: bool) -> None:
    """Scanned Vietnamese administrative plans to structured records."""
    configure_logging(verbose)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--pdf",
    "pdf_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a searchable PDF (the page images with an invisible text layer).",
)
@jobs_option
@lang_option
@preprocess_option
@engine_option
@limits_options
@_handle_errors
def ocr(
    file: Path,
    pdf_out: Path | None,
    jobs: int | None,
    lang: str,
    preprocess: tuple[str, ...],
    ocr_engine: str,
    max_pages: int,
    max_chars: int,
) -> None:
    """Print the text of FILE: OCR'd for scans and images, read for text and text PDFs."""
    from khplan.pipeline.ingest.output_folder import write_atomic
    from khplan.pipeline.reading.document import read_document
    from khplan.pipeline.reading.searchable import searchable_pdf

    limits = Limits(max_pages, max_chars)
    options = _options(jobs, lang, "never", preprocess, pdf_out is not None, ocr_engine, limits)
    ctx, pages = read_document(file, options)
    if pdf_out is not None:
        write_atomic(pdf_out, searchable_pdf(ctx, pages))
    if pages.blank:
        click.echo(f"khplan: {file}: blank page(s) dropped: {', '.join(map(str, pages.blank))}", err=True)
    click.echo("\n".join(page.text for page in pages))


@main.command()
@click.argument("file", type=click.Path(path_type=Path), default="-")
@click.option("--explain", is_flag=True, help="List every change with its confidence and alternatives (on stderr).")
@click.option(
    "--channel",
    type=click.Choice(["auto", "stripped", "legacy", "modern"]),
    default="auto",
    show_default=True,
    help="The damage to undo: accents stripped, legacy (English-only) OCR, modern OCR; auto tells them apart.",
)
@_handle_errors
def restore(file: Path, explain: bool, channel: str) -> None:
    """Restore Vietnamese diacritics in FILE (or standard input), one output line per input line."""
    from khplan.diacritics import restore as restore_text
    from khplan.pipeline.reading.inputs import decode_text, read_text_file

    if str(file) == "-":
        text = decode_text(sys.stdin.buffer.read(), Path("<stdin>"))
    else:
        from khplan.pipeline.reading.inputs import identify

        identify(file)
        text = read_text_file(file)
    restoration = restore_text(text, channel=channel)
    sys.stdout.write(restoration.text)
    if explain:
        _explain(restoration)


def _explain(restoration) -> None:
    from rich.table import Table

    table = Table(title=f"{len(restoration.changes)} changes")
    for column in ("line", "col", "was", "now", "confidence", "alternatives", "why"):
        table.add_column(column)
    for change in restoration.changes:
        table.add_row(
            str(change.line),
            str(change.start + 1),
            change.original,
            change.restored,
            f"{change.confidence:.2f}",
            ", ".join(f"{word} {p:.2f}" for word, p in change.alternatives[:3]),
            change.reason,
        )
    stderr.print(table)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the plan record as JSON (schema_version 1).")
@jobs_option
@lang_option
@preprocess_option
@engine_option
@restore_option
@limits_options
@_handle_errors
def extract(
    file: Path,
    as_json: bool,
    jobs: int | None,
    lang: str,
    preprocess: tuple[str, ...],
    ocr_engine: str,
    restore_mode: str,
    max_pages: int,
    max_chars: int,
) -> None:
    """Extract the plan record of FILE."""
    from khplan.pipeline.report import record_table
    from khplan.pipeline.run import process_document

    options = _options(jobs, lang, restore_mode, preprocess, False, ocr_engine, Limits(max_pages, max_chars))
    result = process_document(file, options)
    if as_json:
        click.echo(result.record.model_dump_json(indent=2))
    else:
        output_console().print(record_table(result.record))


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "-o",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder: records/, text/, catalog.sqlite, quarantine.jsonl.",
)
@jobs_option
@lang_option
@preprocess_option
@engine_option
@restore_option
@click.option(
    "--pdf/--no-pdf",
    "searchable",
    default=True,
    show_default=True,
    help="Write a searchable PDF of each scanned document next to its record.",
)
@click.option(
    "--verbose", "-v", is_flag=True, help="Also show Prefect's flow and task logs (and what khplan -v shows)."
)
@click.option(
    "--catalog",
    "catalog_url",
    metavar="URL",
    help="Catalog database (SQLAlchemy URL, e.g. postgresql://user@host/khplan) [default: OUT/catalog.sqlite].",
)
@click.option("--retry-quarantined", is_flag=True, help="Process quarantined files again instead of skipping them.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=1800,
    show_default=True,
    help="Seconds one document may take before it is stopped and quarantined (reason timeout).",
)
@click.option("--dask-address", metavar="tcp://HOST:8786", help="Run the documents on this Dask cluster.")
@click.option("--strict", is_flag=True, help="Exit non-zero (2) when any file was quarantined (for scripts).")
@limits_options
@_handle_errors
def ingest(
    sources: tuple[Path, ...],
    out: Path,
    jobs: int | None,
    lang: str,
    preprocess: tuple[str, ...],
    ocr_engine: str,
    restore_mode: str,
    searchable: bool,
    verbose: bool,
    catalog_url: str | None,
    retry_quarantined: bool,
    timeout: float,
    dask_address: str | None,
    strict: bool,
    max_pages: int,
    max_chars: int,
) -> None:
    """Ingest files and folders into OUT, as a Prefect flow. Bad files are quarantined, not fatal."""
    from khplan.pipeline.ingest.prefect_api import prefect_api
    from khplan.pipeline.ingest.prefect_settings import configure_prefect

    for source in sources:  # a typo is the user's, not an archive's: refused before anything runs
        if not os.path.lexists(source):
            raise InputFileError(source, "no such file or folder")
    if verbose:
        configure_logging(True)
    configure_prefect(verbose=verbose)
    with prefect_api(wait=False):  # first: the temporary API boots while the flows import
        from khplan.pipeline.ingest.flows import run_ingest
        from khplan.pipeline.report import print_ingest_report

        console = output_console()
        limits = Limits(max_pages, max_chars)
        options = _options(jobs, lang, restore_mode, preprocess, searchable, ocr_engine, limits)
        report = run_ingest(
            list(sources),
            out,
            options,
            progress="bar" if console.is_terminal else "lines",
            catalog_url=catalog_url,
            retry_quarantined=retry_quarantined,
            timeout=timeout,
            dask_address=dask_address,
        )
    print_ingest_report(report, console)
    if strict and (quarantined := report.count("quarantined")):
        click.echo(f"khplan: {quarantined} file(s) quarantined (--strict)", err=True)
        sys.exit(int(ExitCode.input_file))


ingested_option = click.option(
    "--from",
    "--out",
    "-o",
    "out",
    required=True,
    metavar="OUT",
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder an ingest wrote (records/, catalog.sqlite), read, never written; --out is its older name.",
)
catalog_option = click.option(
    "--catalog", "catalog_url", metavar="URL", help="The catalog the ingest used, if not OUT/catalog.sqlite."
)


EXPORT_FORMATS = ("jsonl", "csv", "parquet", "xlsx", "nd30", "archive")
EXPORT_TABLES = ("all", "plans", "awards", "deadlines", "legal_bases", "criteria", "targets", "recipients", "warnings")


@main.command()
@ingested_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice((*EXPORT_FORMATS, "gold")),
    default="jsonl",
    show_default=True,
    help="xlsx: one workbook, a sheet per table; nd30: each document's metadata under Nghị định 30/2020/NĐ-CP "
    "Phụ lục VI names (archive is its older name); gold: the documents marked reviewed, as gold in the format of "
    "tests/fixtures/real (a folder: --to DIR).",
)
@click.option(
    "--table",
    type=click.Choice(EXPORT_TABLES),
    default="all",
    show_default=True,
    help="Which table (every row names its plan); all writes every one.",
)
@click.option(
    "--to",
    "destination",
    metavar="PATH|-",
    help="Where to write [default: the folder OUT/exports/]: a folder, a file (one table), or - for standard "
    "output (one table).",
)
@catalog_option
@_handle_errors
def export(out: Path, fmt: str, table: str, destination: str | None, catalog_url: str | None) -> None:
    """Export the records of OUT as tables (csv, jsonl, parquet, xlsx), archive metadata (nd30) or reviewed gold."""
    if fmt == "gold":
        from khplan.pipeline.analysis.gold import export_gold

        if destination == "-":
            raise click.UsageError("gold is a folder of files: give --to DIR")
        done = export_gold(out, Path(destination or out / "exports" / "gold"), catalog_url)
        click.echo(f"wrote {done.documents} reviewed document(s) to {done.folder}", err=True)
        return
    from khplan.pipeline.analysis.export import FORMAT_ALIASES, Format, export_files, load_records, write_exports

    chosen = cast(Format, FORMAT_ALIASES.get(fmt, fmt))  # one of click.Choice's
    if destination == "-" and chosen in ("parquet", "xlsx"):
        raise click.UsageError(f"{chosen} is binary: give --to FILE")
    if destination == "-" and table == "all" and chosen != "nd30":
        raise click.UsageError("standard output takes one table: give --table")
    files = export_files(load_records(out, catalog_url), chosen, table, bom=destination != "-")
    for where in write_exports(files, out, destination):
        if where != "standard output":
            click.echo(f"wrote {where}", err=True)


@main.command()
@ingested_option
@click.option(
    "--by",
    type=click.Choice(["province", "level", "year"]),
    default="province",
    show_default=True,
    help="Group the plans by the issuer's province, its level, or the year of issue.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table: for people; csv, json: the same figures for programs (on standard output).",
)
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the comparison as a self-contained page with a chart of award quotas per group.",
)
@catalog_option
@_handle_errors
def compare(out: Path, by: str, fmt: str, html_file: Path | None, catalog_url: str | None) -> None:
    """Compare the plans of OUT: issuer, period, criteria, award quotas by level, submission deadlines,
    and the quotas summed per province (or level, or year)."""
    from khplan.pipeline.analysis.compare import (
        GroupBy,
        compare_plans,
        comparison_csv,
        comparison_html,
        comparison_json,
        comparison_table,
        group_table,
    )
    from khplan.pipeline.analysis.export import load_records
    from khplan.pipeline.ingest.output_folder import write_atomic

    comparison = compare_plans(load_records(out, catalog_url), cast(GroupBy, by))  # by: one of click.Choice's
    if fmt == "csv":
        click.echo(comparison_csv(comparison), nl=False)
    elif fmt == "json":
        click.echo(comparison_json(comparison), nl=False)
    else:
        console = output_console()
        console.print(comparison_table(comparison))
        console.print(group_table(comparison))
    if html_file is not None:
        write_atomic(html_file, comparison_html(comparison).encode("utf-8"))
        click.echo(f"wrote {html_file}", err=True)


@main.command()
@ingested_option
@click.argument("ics_file", metavar="FILE.ics", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(["submission", "review", "period_end", "target"]),
    help="Only deadlines of this kind (repeat for several).",
)
@click.option(
    "--plan",
    "plans",
    multiple=True,
    metavar="ID|NUMBER",
    help="Only this plan: its sha256 (or 8+ characters of it) or its number (repeat for several).",
)
@click.option("--remind-days", type=click.IntRange(min=0), help="Add a reminder this many days before each deadline.")
@catalog_option
@_handle_errors
def calendar(
    out: Path,
    ics_file: Path,
    kinds: tuple[str, ...],
    plans: tuple[str, ...],
    remind_days: int | None,
    catalog_url: str | None,
) -> None:
    """Write every deadline of the plans in OUT as an iCalendar event (yearly ones recur)."""
    from khplan.pipeline.analysis.calendar_export import deadline_calendar
    from khplan.pipeline.analysis.export import load_records
    from khplan.pipeline.ingest.output_folder import write_atomic

    result = deadline_calendar(load_records(out, catalog_url), kinds=kinds, plans=plans, remind_days=remind_days)
    write_atomic(ics_file, result.calendar.to_ical())
    unplaced = f"; {result.unplaced} without a date left out" if result.unplaced else ""
    click.echo(f"wrote {ics_file}: {result.events} deadlines{unplaced}", err=True)


@main.command()
@ingested_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to serve on; any other than loopback requires the token printed at start.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port (0: any free one).")
@click.option("--reviewer", metavar="NAME", help="Who signs the corrections [default: the OS user].")
@catalog_option
@_handle_errors
def review(out: Path, host: str, port: int, reviewer: str | None, catalog_url: str | None) -> None:
    """Review the records of OUT in a browser: each field beside its evidence on the page, corrections kept."""
    from khplan.pipeline.review.server import default_reviewer, serve

    try:
        serve(out, host, port, reviewer=reviewer or default_reviewer(), catalog_url=catalog_url, announce=_announce)
    except OSError as e:
        raise KhplanError(f"{host}:{port}", f"cannot serve there: {e.strerror or e}") from e


def _announce(line: str) -> None:
    click.echo(line, err=True)


@main.command()
@_handle_errors
def schema() -> None:
    """Print the JSON Schema of the plan record."""
    from khplan.schemas.export import render_schema

    click.echo(render_schema(), nl=False)
