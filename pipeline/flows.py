"""Prefect flows: ingest an archive, one task per document.

One task per document (its pages share the process-wide page pool) keeps the
number of task runs, and the ephemeral API's writes, proportional to
documents, not pages. The flow thread is the only writer of the catalog and
the quarantine log; tasks write only their own record files, atomically.
Prefect holds no logic here: the work is ``pipeline.run.process_document``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.prefect_settings import configure_prefect

configure_prefect()

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn  # noqa: E402

from pipeline.archive import OutputArchive  # noqa: E402
from pipeline.catalog import Catalog, sqlite_url  # noqa: E402
from pipeline.context import Options, file_sha256  # noqa: E402
from pipeline.discovery import discover_inputs  # noqa: E402
from pipeline.errors import KhplanError  # noqa: E402
from pipeline.inputs import identify  # noqa: E402
from pipeline.run import process_document  # noqa: E402
from pipeline.version import pipeline_version  # noqa: E402
from schemas import PlanRecord  # noqa: E402


@dataclass
class DocumentOutcome:
    """What happened to one input file in a batch."""

    source: str
    sha256: str | None
    status: str
    """``done`` (processed now), ``cached`` (already in the catalog), ``quarantined``."""
    reason: str | None = None
    message: str | None = None
    record: PlanRecord | None = None
    seconds: float = 0.0


@dataclass
class IngestReport:
    outcomes: list[DocumentOutcome] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


@task(
    name="process-document",
    task_run_name="process {source.name}",
    retries=2,
    retry_delay_seconds=[1, 5],
    cache_policy=NO_CACHE,
    persist_result=False,
)
def process_document_task(source: Path, sha256: str, options: Options, out: Path) -> DocumentOutcome:
    """Bad input is an outcome, not a failure: only unexpected errors fail (and are retried)."""
    started = time.perf_counter()
    try:
        result = process_document(source, options, sha256=sha256)
    except KhplanError as e:
        return DocumentOutcome(str(source), sha256, "quarantined", e.reason, e.message, seconds=time.perf_counter() - started)
    OutputArchive(out).write_document(result.record, result.text, result.searchable_pdf())
    return DocumentOutcome(str(source), sha256, "done", record=result.record, seconds=time.perf_counter() - started)


@flow(name="khplan-ingest", validate_parameters=False)
def ingest_flow(sources: list[Path], out: Path, options: Options, show_progress: bool = False) -> IngestReport:
    started = time.perf_counter()
    archive = OutputArchive(out)
    archive.prepare()
    catalog = Catalog(sqlite_url(archive.catalog_path))
    version = pipeline_version()
    report = IngestReport()
    try:
        submitted = {}
        scheduled: dict[str, list[str]] = {}
        for source in discover_inputs(sources, exclude=[archive.root]):
            outcome, sha256 = _triage(source, archive, catalog, version, scheduled)
            if outcome is not None:
                report.outcomes.append(outcome)
            elif sha256 is not None:
                scheduled[sha256] = [str(source)]
                future = process_document_task.submit(source, sha256, options, archive.root)
                submitted[future.task_run_id] = (future, source, sha256)
        with _progress(show_progress, len(submitted)) as progress:
            for future in as_completed([entry[0] for entry in submitted.values()]):
                _, source, sha256 = submitted[future.task_run_id]
                outcome = _settle(future, source, sha256)
                _store(outcome, archive, catalog, version, scheduled[sha256])
                report.outcomes.append(outcome)
                progress.advance()
        for duplicate in report.outcomes:
            if duplicate.status == "duplicate":
                original = next(o for o in report.outcomes if o.sha256 == duplicate.sha256 and o.status != "duplicate")
                duplicate.record, duplicate.message = original.record, f"same content as {original.source}"
    finally:
        catalog.close()
    report.seconds = time.perf_counter() - started
    return report


def _triage(
    source: Path, archive: OutputArchive, catalog: Catalog, version: str, scheduled: dict[str, list[str]]
) -> tuple[DocumentOutcome | None, str | None]:
    """Decide, before any work, whether a file is known, bad, a duplicate, or to be processed."""
    sha256 = _sha_if_readable(source)
    row = catalog.lookup(sha256) if sha256 else None
    if row and row["pipeline_version"] == version:
        if row["status"] == "done":
            catalog.add_source(sha256, str(source))
            return DocumentOutcome(str(source), sha256, "cached", record=archive.read_record(sha256)), sha256
        if str(source) in catalog.sources_of(sha256):
            return DocumentOutcome(str(source), sha256, "quarantined", row["reason"], row["message"]), sha256
    try:
        identify(source)
    except KhplanError as e:
        return _quarantine(str(source), sha256, e.reason, e.message, archive, catalog, version), sha256
    if sha256 is None:
        return _quarantine(str(source), None, "unreadable_file", "cannot be read", archive, catalog, version), None
    if sha256 in scheduled:  # same bytes as a file already queued: reported with its outcome
        scheduled[sha256].append(str(source))
        return DocumentOutcome(str(source), sha256, "duplicate"), sha256
    existing = archive.read_record(sha256) if row is None else None
    if existing is not None:  # written by a run that died before it reached the catalog
        catalog.record_done(existing, archive.record_path(sha256), version)
        catalog.add_source(sha256, str(source))
        return DocumentOutcome(str(source), sha256, "cached", record=existing), sha256
    return None, sha256


def _settle(future, source: Path, sha256: str) -> DocumentOutcome:
    """The task's outcome; a task that still failed after its retries quarantines its file."""
    try:
        return future.result()
    except Exception as e:  # noqa: BLE001 - a crash on one document is that document's quarantine
        return DocumentOutcome(str(source), sha256, "quarantined", "internal_error", f"{type(e).__name__}: {e}")


def _store(outcome: DocumentOutcome, archive: OutputArchive, catalog: Catalog, version: str, paths: list[str]) -> None:
    if outcome.status == "done" and outcome.record is not None:
        catalog.record_done(outcome.record, archive.record_path(outcome.sha256 or ""), version)
    elif outcome.status == "quarantined":
        _quarantine(outcome.source, outcome.sha256, outcome.reason or "error", outcome.message or "", archive, catalog, version)
    for path in paths:
        if outcome.sha256:
            catalog.add_source(outcome.sha256, path)


def _quarantine(
    source: str, sha256: str | None, reason: str, message: str, archive: OutputArchive, catalog: Catalog, version: str
) -> DocumentOutcome:
    archive.append_quarantine(source, sha256, reason, message)
    if sha256:
        catalog.record_quarantined(sha256, source, reason, message, version)
    return DocumentOutcome(source, sha256, "quarantined", reason, message)


def _sha_if_readable(source: Path) -> str | None:
    try:
        return file_sha256(source) if source.is_file() else None
    except OSError:
        return None


class _progress:
    """A rich progress bar over documents, or nothing when output is not a terminal."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.bar = (
            Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True)
            if enabled and total
            else None
        )
        self.total = total

    def __enter__(self) -> "_progress":
        if self.bar:
            self.bar.start()
            self.task = self.bar.add_task("documents", total=self.total)
        return self

    def advance(self) -> None:
        if self.bar:
            self.bar.advance(self.task)

    def __exit__(self, *exc) -> None:
        if self.bar:
            self.bar.stop()


def run_ingest(sources: list[Path], out: Path, options: Options, show_progress: bool = False) -> IngestReport:
    """Run the ingest flow with ``options.jobs`` documents at a time."""
    runner = ThreadPoolTaskRunner(max_workers=options.jobs)
    return ingest_flow.with_options(task_runner=runner)(sources, Path(out), options, show_progress)
