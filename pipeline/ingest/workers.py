"""Where a document of an ingest is processed: a worker process, with a hard time limit.

Restoration and extraction are Python and hold the GIL, so documents side by
side need processes, not threads. Each document runs in a process of a
:class:`DocumentPool` (pebble's pool: a document that overruns its limit has
its process killed and replaced, which no thread can do). A document that
crashed its process (killed, out of memory) is a transient failure the
ingest flow retries; one that ran out of time is quarantined as ``timeout``.

Nothing here imports Prefect: workers start quickly and a Dask worker runs
:func:`ingest_document` itself, without a pool of its own.
"""

from __future__ import annotations

import errno
import logging
import multiprocessing
import threading
import time
from collections.abc import Sequence
from concurrent.futures import BrokenExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pebble import ProcessExpired, ProcessPool

from khplan.pipeline.cache_keys import reading_key
from khplan.pipeline.context import Options, path_text
from khplan.pipeline.errors import DocumentTimeoutError, KhplanError
from khplan.pipeline.ingest.corrections import Correction, apply_corrections
from khplan.pipeline.ingest.output_folder import OutputArchive
from khplan.pipeline.verbosity import configure_logging
from khplan.schemas import PlanRecord

log = logging.getLogger(__name__)

TRANSIENT_ERRNOS = frozenset({errno.EAGAIN, errno.EINTR, errno.EBUSY, errno.ENOMEM, errno.EMFILE, errno.ENFILE})
"""OS errors that say 'not now' (resources exhausted for a moment), not 'never'."""


@dataclass
class DocumentOutcome:
    """What happened to one input file in a batch."""

    source: str
    sha256: str | None
    status: str
    """``done`` (processed now), ``cached`` (already in the catalog), ``duplicate`` (same bytes as another
    file of the batch), ``quarantined``."""
    reason: str | None = None
    message: str | None = None
    record: PlanRecord | None = None
    seconds: float = 0.0
    pages: int = 0
    """Pages read for this outcome (0 when nothing was read)."""
    pages_cached: bool = False
    """True when the page texts came from an earlier run's page cache."""


def is_transient(error: BaseException) -> bool:
    """A failure worth another attempt: the worker died under the document, or the OS was out of something."""
    if isinstance(error, (ProcessExpired, BrokenExecutor, ConnectionError, MemoryError)):
        return True
    return isinstance(error, OSError) and error.errno in TRANSIENT_ERRNOS


class QueuedProgress:
    """A document's page progress, sent from the worker to the flow's progress display over the pool's queue."""

    def __init__(self, queue: Any, sha256: str) -> None:
        self.queue, self.sha256 = queue, sha256

    def start(self, pages: int) -> None:
        self.queue.put(("start", self.sha256, pages))

    def advance(self, pages: int = 1) -> None:
        self.queue.put(("page", self.sha256, pages))


_progress_queue: Any = None
"""The pool's progress queue, in a worker process (set as the worker starts)."""


def ingest_document(
    source: Path, sha256: str, options: Options, out: Path, corrections: Sequence[Correction] = ()
) -> DocumentOutcome:
    """All stages for one file, outputs written atomically; bad input is an outcome, not an exception.

    Page texts cached by an earlier run with the same reading version are
    reused (with their words, which the searchable PDF is made from), so a new
    model or extractor does not OCR the archive again. The record written is the
    extraction with the document's ``corrections`` applied: a person's values
    are never overwritten, not even for a moment.
    """
    # Imported here, not with the module: the ingest's main process needs this module but none of the
    # NLP stack, and not importing it leaves the CPU to Prefect's API while it starts.
    from khplan.pipeline.run import process_document

    started = time.perf_counter()
    archive = OutputArchive(out)
    cached = archive.read_pages(sha256, reading_key(options))
    if cached is not None:
        log.info("%s: page texts from the cache", source)
    progress = QueuedProgress(_progress_queue, sha256) if _progress_queue is not None else None
    try:
        result = process_document(source, options, sha256=sha256, pages=cached, progress=progress)
    except KhplanError as e:  # bad input is the document's outcome, not the batch's failure
        return DocumentOutcome(
            path_text(source), sha256, "quarantined", e.reason, e.message, seconds=time.perf_counter() - started
        )
    except Exception as e:
        if is_transient(e):
            raise  # the flow retries it
        # A bug: quarantined here, as a message, because the exception itself may not survive the trip
        # back from the worker (lxml's errors carry an unpicklable log).
        message = f"{type(e).__name__}: {e}"
        return DocumentOutcome(
            path_text(source), sha256, "quarantined", "internal_error", message, seconds=time.perf_counter() - started
        )
    if cached is None:
        archive.write_pages(sha256, result.pages, reading_key(options))
    record = apply_corrections(result.record, corrections) if corrections else result.record
    pdf = result.searchable_pdf() if options.searchable_pdf else None
    archive.write_document(record, result.text, pdf)
    return DocumentOutcome(
        path_text(source),
        sha256,
        "done",
        record=record,
        seconds=time.perf_counter() - started,
        pages=len(result.pages),
        pages_cached=cached is not None,
    )


def _warm_worker(progress_queue: Any = None) -> None:
    """Load the restoration model and the gazetteer as a worker starts, not under its first document."""
    from khplan.diacritics.model import load_model
    from khplan.extractors.gazetteer import units

    global _progress_queue
    _progress_queue = progress_queue
    configure_logging()
    load_model()
    units()


class DocumentPool:
    """``jobs`` worker processes, forked from a server that has khplan imported (fast to start, no threads copied).

    The workers start, and load their models, as soon as the pool is made,
    in the background (the first fork waits a second for the fork server to
    import khplan): made before the flow, that happens while Prefect's API starts.
    """

    def __init__(self, jobs: int, timeout: float | None, page_progress: bool = False) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["khplan.pipeline.run", "khplan.pipeline.ingest.workers"])
        self.timeout = timeout
        self.progress_queue = context.Queue() if page_progress else None
        """Where the workers report each document's page count and pages read (``("start"|"page", sha256, n)``)."""
        self._pool = ProcessPool(
            max_workers=jobs, initializer=_warm_worker, initargs=(self.progress_queue,), context=context
        )
        self._starting = threading.Thread(
            target=self._start_workers, args=(jobs,), name="khplan-pool-start", daemon=True
        )
        self._starting.start()

    def _start_workers(self, jobs: int) -> None:
        for _ in range(jobs):
            self._pool.schedule(int)  # a no-op that makes the pool start its workers now

    def run(
        self, source: Path, sha256: str, options: Options, out: Path, corrections: Sequence[Correction] = ()
    ) -> DocumentOutcome:
        """Process one document in a worker; overrunning the limit quarantines it (its worker is killed)."""
        started = time.perf_counter()
        self._starting.join()  # pebble starts its pool on the first call, from one thread only
        future = self._pool.schedule(
            ingest_document, args=(source, sha256, options, out, tuple(corrections)), timeout=self.timeout
        )
        try:
            return future.result()
        except FutureTimeout:
            error = DocumentTimeoutError(source, f"not finished within {self.timeout:g} s (its worker was stopped)")
            seconds = time.perf_counter() - started
            name = path_text(source)
            return DocumentOutcome(name, sha256, "quarantined", error.reason, error.message, seconds=seconds)

    def close(self) -> None:
        self._starting.join()
        self._pool.stop()
        self._pool.join()

    def __enter__(self) -> DocumentPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
