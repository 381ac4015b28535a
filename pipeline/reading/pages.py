"""Reading a document's pages: each page its own job, pages side by side in worker processes.

A job names its page (source, 1-based number, how to read it), never carries
pixels: the worker renders or decodes the page itself, checks it is not
blank, preprocesses it (:mod:`pipeline.preprocess`) and OCRs it, so one page
image at a time lives in each worker and memory stays flat however long the
PDF. Workers are forked from a server that has this module imported, so they
start at once and share nothing with the threads of the calling process.

Processes, not threads, because decoding, filtering and reading Tesseract's
TSV are Python and numpy work that would queue on one GIL. One level of
processes only: a caller that is itself a worker process (ingest runs each
document in one) reads its pages in order, in place.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterable, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

from pebble import ProcessExpired, ProcessPool
from PIL import Image

from khplan.pipeline.context import InputKind, Options, PageProgress, PageText, path_text
from khplan.pipeline.errors import KhplanError, OcrEngineError
from khplan.pipeline.reading.images import declared_dpi, load_image_page
from khplan.pipeline.reading.ocr import OcrEngine
from khplan.pipeline.reading.pdf import rasterize_page
from khplan.pipeline.reading.preprocess import PageImage, is_blank, prepare_page
from khplan.pipeline.verbosity import configure_logging
from khplan.schemas import Box, OcrWord

log = logging.getLogger(__name__)


class PageJob(NamedTuple):
    """One page to read, small enough to send to a worker."""

    source: Path
    kind: InputKind
    page_no: int
    """Page number, 1-based."""
    options: Options
    engine: OcrEngine | None
    """The engine that OCRs the page; None when every page of the document has a text layer."""
    text_layer: str | None = None
    """The page's own text (a PDF page that has a text layer): read, not OCR'd."""


class PageList(list[PageText]):
    """The pages read, in order, without the blank ones; ``blank`` says which those were."""

    def __init__(self, pages: Iterable[PageText] = (), blank: Iterable[int] = ()) -> None:
        super().__init__(pages)
        self.blank: tuple[int, ...] = tuple(blank)
        """Page numbers (1-based) of the pages found blank and dropped."""


@dataclass(frozen=True)
class BlankPage:
    """A worker's answer for a page with nothing on it."""

    page_no: int


def read_page(job: PageJob) -> PageText | BlankPage:
    """One page: its text layer, or the page image read by :func:`read_page_image`."""
    if job.text_layer is not None:
        return PageText(job.page_no, job.text_layer, "pdf-text")
    assert job.engine is not None, "a page without a text layer needs an engine"
    if job.kind is InputKind.pdf:
        image = rasterize_page(job.source, job.page_no, job.options.dpi, timeout=job.options.page_timeout)
    else:
        image = load_image_page(job.source, job.page_no)
    return read_page_image(image, job.page_no, job.options.preprocess, job.engine)


def read_page_image(image: Image.Image, page_no: int, steps: Sequence[str], engine: OcrEngine) -> PageText | BlankPage:
    """A page image checked for blankness, preprocessed and OCR'd, its word boxes on the image as given (whose
    size and resolution the page text carries, so that boxes can be drawn on it)."""
    if is_blank(image):
        return BlankPage(page_no)
    page = prepare_page(image, steps)
    log.info("page %d: %s before OCR", page_no, ", ".join(page.applied) or "no preprocessing needed")
    text = engine.read_page(page.to_image(), page_no)._replace(size=image.size, dpi=declared_dpi(image) or 300.0)
    if page.scale == 1 and not page.skew_degrees:
        return text
    return text._replace(words=tuple(_on_original(word, page) for word in text.words))


def _on_original(word: OcrWord, page: PageImage) -> OcrWord:
    """The word's box in the pixels of the page as it came in, as provenance promises."""
    return word._replace(box=Box(*page.original_box(*word.box)))


@cache
def _process_pool(jobs: int) -> ProcessPool:
    """One pool per process and job count: pages of every document share ``jobs`` workers."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["khplan.pipeline.reading.pages"])
    return ProcessPool(max_workers=jobs, context=context, initializer=configure_logging)


def in_worker_process() -> bool:
    """True in a process some pool started: its caller already runs documents side by side."""
    return multiprocessing.parent_process() is not None


def read_all(jobs: list[PageJob], workers: int, progress: PageProgress | None = None) -> PageList:
    """Every job's page, in order; the first failure (with the document's name) stops the rest."""
    if workers <= 1 or len(jobs) <= 1 or in_worker_process():
        return _collect(jobs, (_done(read_page, job) for job in jobs), progress)
    pool = _process_pool(workers)
    if not pool.active:  # stopped after a worker died under an earlier document: start afresh
        _process_pool.cache_clear()
        pool = _process_pool(workers)
    futures = [pool.schedule(read_page, args=(job,)) for job in jobs]
    try:
        return _collect(jobs, futures, progress)
    finally:
        for future in futures:
            future.cancel()


def _done(read, job: PageJob) -> Future:
    """The page read here and now, as an already finished future."""
    future: Future = Future()
    try:
        future.set_result(read(job))
    except Exception as e:  # handed over to _collect like a worker's failure
        future.set_exception(e)
    return future


def _collect(jobs: list[PageJob], futures: Iterable[Future], progress: PageProgress | None = None) -> PageList:
    pages: list[PageText] = []
    blank: list[int] = []
    for job, future in zip(jobs, futures, strict=False):
        try:
            result = future.result()
        except KhplanError as e:
            if e.path is None:
                e.path = path_text(job.source)
            raise
        except (ProcessExpired, BrokenProcessPool) as e:  # the worker died; a broken pool is replaced on next use
            raise OcrEngineError(job.source, f"page {job.page_no}: the process reading it died") from e
        if isinstance(result, BlankPage):
            blank.append(result.page_no)
        else:
            pages.append(result)
        if progress is not None:
            progress.advance()
    return PageList(pages, blank)
