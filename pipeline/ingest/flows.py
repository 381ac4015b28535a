"""Prefect flows: ingest an archive, one task per document.

One task per document keeps the number of task runs, and the ephemeral API's
writes, proportional to documents, not pages. On one machine each task hands
its document to a worker process (:mod:`pipeline.workers`: real parallelism
for the Python stages, a hard per-document timeout); on a Dask cluster the
Dask worker process runs it. The flow thread is the only writer of the
catalog and the quarantine log; workers write only their own files,
atomically, records last. That order is what makes a killed ingest safe to
run again: a record on disk is a finished document, whatever the catalog
had time to note, and :func:`_triage` takes it from there.
Prefect holds no logic here: the work is :func:`khplan.pipeline.run.process_document`.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from khplan.pipeline.ingest.prefect_settings import configure_prefect

configure_prefect()

from prefect import Task, flow, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import TaskRun
from prefect.futures import PrefectFuture, as_completed
from prefect.states import State
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from pydantic import SecretStr
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from khplan.pipeline.cache_keys import record_key
from khplan.pipeline.context import Options, file_sha256, path_text
from khplan.pipeline.errors import DocumentTimeoutError, KhplanError
from khplan.pipeline.ingest.catalog import Catalog, catalog_url_for
from khplan.pipeline.ingest.corrections import Correction, apply_corrections
from khplan.pipeline.ingest.discovery import discover_inputs
from khplan.pipeline.ingest.output_folder import OutputArchive
from khplan.pipeline.ingest.prefect_api import prefect_api
from khplan.pipeline.ingest.workers import DocumentOutcome, DocumentPool, ingest_document, is_transient
from khplan.pipeline.reading.inputs import identify
from khplan.schemas import PlanRecord


class _ThreadTimeoutNotice(logging.Filter):
    """Drop Prefect's per-task warning that a timeout in a worker thread cannot interrupt blocking calls.

    On a Dask worker the document timeout is Prefect's, delivered between
    Python bytecodes: restoration and extraction are Python and stop at once;
    the one blocking call, Tesseract, has its own per-page limit. A warning
    on every document of an archive says nothing the README does not.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "running in a worker thread" not in record.getMessage()


logging.getLogger("prefect.task_runs").addFilter(_ThreadTimeoutNotice())
log = logging.getLogger(__name__)

RETRIES = 2
RETRY_DELAYS = [1.0, 5.0]
"""Seconds before the second and third attempt of a document whose worker failed transiently."""


@dataclass
class IngestReport:
    outcomes: list[DocumentOutcome] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def pages(self) -> int:
        """Pages processed in this run (cached documents read none)."""
        return sum(o.pages for o in self.outcomes if o.status == "done")

    @property
    def warnings(self) -> int:
        """Review warnings over the records of the batch, done or cached."""
        return sum(len(o.record.warnings) for o in self.outcomes if o.record is not None and o.status != "duplicate")


def _retry_if_transient(task: Task, task_run: TaskRun, state: State) -> bool:
    """Retry a document only when its worker died or the OS ran short; a bug or bad input fails the same again."""
    error = state.result(raise_on_failure=False)
    return isinstance(error, BaseException) and is_transient(error)


def _task_run_name() -> str:
    """``process <file name>``, the name as text (a file name that is not UTF-8 cannot go in Prefect's events)."""
    from prefect.runtime import task_run

    return f"process {path_text(Path(task_run.parameters['source']).name)}"


@task(
    name="process-document",
    task_run_name=_task_run_name,
    retries=RETRIES,
    retry_delay_seconds=RETRY_DELAYS,
    retry_condition_fn=_retry_if_transient,
    cache_policy=NO_CACHE,
    persist_result=False,
)
def process_document_task(
    source: Path,
    sha256: str,
    options: Options,
    out: Path,
    pool: DocumentPool | None,
    corrections: tuple[Correction, ...] = (),
) -> DocumentOutcome:
    """One document: in a worker of ``pool`` on this machine, in this (Dask worker) process without one."""
    if pool is None:
        return ingest_document(source, sha256, options, out, corrections)
    return pool.run(source, sha256, options, out, corrections)


@flow(name="khplan-ingest", validate_parameters=False)
def ingest_flow(
    sources: list[Path],
    out: Path,
    options: Options,
    progress: ProgressMode = "none",
    catalog_url: SecretStr | None = None,
    retry_quarantined: bool = False,
    timeout: float | None = None,
    distributed: bool = False,
    pool: DocumentPool | None = None,
) -> IngestReport:
    """Discover, triage against the catalog, process what is new, record every outcome.

    ``pool`` is the worker processes to use here (made and closed by the flow when not given).
    ``catalog_url`` comes wrapped as a secret: Prefect records a flow's parameters in its database, and
    a PostgreSQL URL may hold a password.
    """
    started = time.perf_counter()
    archive = OutputArchive(out)
    report = IngestReport()
    with contextlib.ExitStack() as stack:
        archive.prepare()
        url = catalog_url.get_secret_value() if catalog_url is not None else None
        catalog = Catalog(catalog_url_for(url, archive.root))
        stack.callback(catalog.close)
        version = record_key(options)
        if distributed:  # no pool of our own: Prefect's timeout (cooperative) stands in for the worker kill
            pool, document_task = None, process_document_task.with_options(timeout_seconds=timeout)
        else:
            pool, document_task = (
                pool or stack.enter_context(DocumentPool(options.jobs, timeout)),
                process_document_task,
            )
        submitted = {}
        scheduled: dict[str, list[str]] = {}
        for source in discover_inputs(sources, skip=archive.owns):
            outcome, sha256 = _triage(source, archive, catalog, version, scheduled, retry_quarantined)
            if outcome is not None:
                report.outcomes.append(outcome)
            elif sha256 is not None:
                scheduled[sha256] = [path_text(source)]
                corrections = tuple(catalog.corrections_of(sha256))
                future = document_task.submit(source, sha256, options, archive.root, pool, corrections)
                submitted[future.task_run_id] = (future, source, sha256)
        queue = pool.progress_queue if pool is not None else None
        with IngestProgress(progress, len(submitted), queue=queue) as shown:
            for future in as_completed([entry[0] for entry in submitted.values()]):
                _, source, sha256 = submitted[future.task_run_id]
                outcome = _settle(future, source, sha256)
                _store(outcome, archive, catalog, version, scheduled[sha256])
                report.outcomes.append(outcome)
                shown.finished(outcome)
        for duplicate in report.outcomes:
            if duplicate.status == "duplicate":
                original = next(o for o in report.outcomes if o.sha256 == duplicate.sha256 and o.status != "duplicate")
                duplicate.record, duplicate.message = original.record, f"same content as {original.source}"
        _reconcile_quarantine(archive, catalog)
    report.seconds = time.perf_counter() - started
    return report


def _triage(
    source: Path,
    archive: OutputArchive,
    catalog: Catalog,
    version: str,
    scheduled: dict[str, list[str]],
    retry_quarantined: bool,
) -> tuple[DocumentOutcome | None, str | None]:
    """Decide, before any work, whether a file is known, bad, a duplicate, or to be processed."""
    sha256 = _sha_if_readable(source)
    row = catalog.lookup(sha256) if sha256 else None
    if sha256 and (row is None or row["status"] == "quarantined") and (finished := archive.read_record(sha256)):
        # A record the catalog does not list as done was written by a run killed before it noted it
        # (a quarantine removes the document's older record first): the document is finished.
        finished = _with_corrections(finished, archive, catalog)
        catalog.record_done(finished, archive.record_path(sha256), version)
        catalog.add_source(sha256, path_text(source))
        log.info("%s: finished by an earlier run that was stopped; its record is taken in", source)
        return DocumentOutcome(path_text(source), sha256, "cached", record=finished), sha256
    if sha256 and row and row["pipeline_version"] == version:
        if row["status"] == "done" and (record := archive.read_record(sha256)) is not None:
            if (corrected := _with_corrections(record, archive, catalog)) is not record:
                record = corrected
                catalog.record_done(record, archive.record_path(sha256), version)
            elif not catalog.has_tables(sha256):  # a catalog made before the analysts' tables: filled now
                catalog.store_tables(record)
            catalog.add_source(sha256, path_text(source))
            log.info("%s: cached, its record is current", source)
            return DocumentOutcome(path_text(source), sha256, "cached", record=record), sha256
        if row["status"] == "quarantined" and not retry_quarantined and path_text(source) in catalog.sources_of(sha256):
            return DocumentOutcome(path_text(source), sha256, "quarantined", row["reason"], row["message"]), sha256
    try:
        identify(source)
    except KhplanError as e:
        return _quarantine(path_text(source), sha256, e.reason, e.message, archive, catalog, version), sha256
    if sha256 is None:
        outcome = _quarantine(path_text(source), None, "unreadable_file", "cannot be read", archive, catalog, version)
        return outcome, None
    if sha256 in scheduled:  # same bytes as a file already queued: reported with its outcome
        scheduled[sha256].append(path_text(source))
        return DocumentOutcome(path_text(source), sha256, "duplicate"), sha256
    return None, sha256


def _settle(future, source: Path, sha256: str) -> DocumentOutcome:
    """The task's outcome; a task that still failed after its retries quarantines its file."""
    try:
        return future.result()
    except TimeoutError as e:  # Prefect's own limit, on a Dask worker
        return DocumentOutcome(path_text(source), sha256, "quarantined", DocumentTimeoutError.reason, str(e))
    except Exception as e:  # a crash on one document is that document's quarantine
        attempts = f" after {RETRIES + 1} attempts" if is_transient(e) else ""
        return DocumentOutcome(
            path_text(source), sha256, "quarantined", "internal_error", f"{type(e).__name__}: {e}{attempts}"
        )


def _with_corrections(record: PlanRecord, archive: OutputArchive, catalog: Catalog) -> PlanRecord:
    """``record`` with every correction the catalog holds for it, its file rewritten if that changed it
    (a correction made while the document was being processed, or before a crash); else ``record`` itself."""
    corrected = apply_corrections(record, catalog.corrections_of(record.provenance.sha256 or ""))
    if corrected == record:
        return record
    archive.write_record(corrected)
    return corrected


def _store(outcome: DocumentOutcome, archive: OutputArchive, catalog: Catalog, version: str, paths: list[str]) -> None:
    if outcome.status == "done" and outcome.record is not None:
        outcome.record = _with_corrections(outcome.record, archive, catalog)
        catalog.record_done(outcome.record, archive.record_path(outcome.sha256 or ""), version)
    elif outcome.status == "quarantined":
        _quarantine(
            outcome.source, outcome.sha256, outcome.reason or "error", outcome.message or "", archive, catalog, version
        )
    for path in paths:
        if outcome.sha256:
            catalog.add_source(outcome.sha256, path)


def _quarantine(
    source: str, sha256: str | None, reason: str, message: str, archive: OutputArchive, catalog: Catalog, version: str
) -> DocumentOutcome:
    if sha256:  # an older version's record goes first: killed after this, the old row is still not current
        archive.remove_document(sha256)
    archive.append_quarantine(source, sha256, reason, message)
    if sha256:
        catalog.record_quarantined(sha256, source, reason, message, version)
    return DocumentOutcome(source, sha256, "quarantined", reason, message)


def _reconcile_quarantine(archive: OutputArchive, catalog: Catalog) -> None:
    """Drop log lines of documents that are records now (retried, or a newer version read them)."""
    logged = {entry.sha256 for entry in archive.quarantined() if entry.sha256}
    if logged:
        archive.drop_quarantined({sha for sha, status in catalog.statuses(logged).items() if status == "done"})


def _sha_if_readable(source: Path) -> str | None:
    try:
        return file_sha256(source) if source.is_file() else None
    except OSError:
        return None


ProgressMode = Literal["bar", "lines", "none"]


class IngestProgress:
    """What a person watching an ingest sees.

    ``bar`` (a terminal): two rich progress rows, documents of the total to
    process and pages read, the page total growing as each document's worker
    counts its pages and advancing page by page (the workers report over the
    pool's queue). ``lines`` (a pipe or a log): one line per finished
    document. ``none``: nothing.
    """

    def __init__(self, mode: ProgressMode, total: int, console: Console | None = None, queue: Any = None) -> None:
        self.mode: ProgressMode = mode if total else "none"
        self.console = console or Console()
        self.total = total
        self.queue = queue if self.mode == "bar" else None
        self.bar = (
            Progress(
                TextColumn("{task.description:>9}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            if self.mode == "bar"
            else None
        )
        self._pages_total = 0
        self._reported: set[str] = set()
        self._listener: threading.Thread | None = None

    def __enter__(self) -> IngestProgress:
        if self.bar:
            self.bar.start()
            self.documents = self.bar.add_task("documents", total=self.total)
            self.pages = self.bar.add_task("pages", total=None)
            if self.queue is not None:
                self._listener = threading.Thread(target=self._listen, name="khplan-progress", daemon=True)
                self._listener.start()
        return self

    def _listen(self) -> None:
        assert self.queue is not None
        while (message := self.queue.get()) is not None:
            kind, sha256, pages = message
            if kind == "start":
                self._reported.add(sha256)
                self._pages_total += pages
                assert self.bar is not None
                self.bar.update(self.pages, total=self._pages_total)
            else:
                assert self.bar is not None
                self.bar.advance(self.pages, pages)

    def finished(self, outcome: DocumentOutcome) -> None:
        """One more document done (its pages already counted, when its worker reported them)."""
        if self.bar:
            self.bar.advance(self.documents)
            if outcome.sha256 not in self._reported:  # no worker messages (Dask, or a failure before reading)
                self._pages_total += outcome.pages
                self.bar.update(self.pages, total=self._pages_total or None, advance=outcome.pages)
        elif self.mode == "lines":
            what = outcome.record.number if outcome.record and outcome.record.number else outcome.reason or ""
            self.console.print(
                f"{outcome.status:<11} {outcome.source}  {what}  {outcome.pages} p  {outcome.seconds:.1f} s",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )

    def __exit__(self, *exc: object) -> None:
        if self._listener is not None and self.queue is not None:
            self.queue.put(None)
            self._listener.join(timeout=5)
        if self.bar:
            self.bar.stop()


def run_ingest(
    sources: list[Path],
    out: Path,
    options: Options,
    progress: ProgressMode = "none",
    *,
    catalog_url: str | None = None,
    retry_quarantined: bool = False,
    timeout: float | None = None,
    dask_address: str | None = None,
) -> IngestReport:
    """Run the ingest flow, ``options.jobs`` documents at a time here, or on the Dask cluster at ``dask_address``."""
    sources, out = list(sources), Path(out)
    secret = SecretStr(catalog_url) if catalog_url is not None else None
    archive = OutputArchive(out)
    with archive.locked():  # before Prefect: a busy folder or a bad catalog is one line, not a failed flow
        Catalog(catalog_url_for(catalog_url, archive.root)).close()
        return _run_flow(sources, out, options, progress, secret, retry_quarantined, timeout, dask_address)


def _run_flow(
    sources: list[Path],
    out: Path,
    options: Options,
    progress: ProgressMode,
    secret: SecretStr | None,
    retry_quarantined: bool,
    timeout: float | None,
    dask_address: str | None,
) -> IngestReport:
    if dask_address is None:
        # Twice as many task threads as workers: Prefect's bookkeeping for the next document
        # overlaps the work on this one, while the pool still runs ``jobs`` documents at a time.
        runner = _runner(ThreadPoolTaskRunner(max_workers=2 * options.jobs))
        pool = DocumentPool(options.jobs, timeout, page_progress=progress == "bar")
        with pool, prefect_api():  # the workers warm up while it starts
            return ingest_flow.with_options(task_runner=runner)(
                sources, out, options, progress, secret, retry_quarantined, timeout, pool=pool
            )
    from prefect.settings import PREFECT_LOGGING_TO_API_ENABLED, temporary_settings
    from prefect_dask import DaskTaskRunner

    with prefect_api() as temporary, contextlib.ExitStack() as stack:
        if temporary:  # its log endpoint would only collect what the console already shows
            stack.enter_context(temporary_settings({PREFECT_LOGGING_TO_API_ENABLED: False}))
        return ingest_flow.with_options(task_runner=_runner(DaskTaskRunner(address=dask_address)))(
            sources, out, options, progress, secret, retry_quarantined, timeout, distributed=True
        )


def _runner(runner: object) -> TaskRunner[PrefectFuture[Any]]:
    """A task runner as ``Flow.with_options`` types it (Prefect's generics do not admit its own runners)."""
    return cast("TaskRunner[PrefectFuture[Any]]", runner)
