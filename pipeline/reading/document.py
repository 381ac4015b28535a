"""The reading stage: a file to its page texts (what ``khplan ocr`` prints, what the page cache holds).

Everything this module imports decides a document's page texts, and the
page cache's key (:func:`khplan.pipeline.cache_keys.reading_key`) covers
exactly that; restoration and extraction are not imported here.
"""

from __future__ import annotations

import logging
from pathlib import Path

from khplan.pipeline.context import DocContext, InputKind, Options, PageProgress, PageText, file_sha256
from khplan.pipeline.errors import EmptyDocumentError, TooLargeError
from khplan.pipeline.reading.engines import load_engine
from khplan.pipeline.reading.images import count_image_pages
from khplan.pipeline.reading.inputs import identify, read_text_file
from khplan.pipeline.reading.pages import PageJob, PageList, read_all
from khplan.pipeline.reading.pdf import count_pages, read_text_layer
from khplan.pipeline.reading.preprocess import check_steps

log = logging.getLogger(__name__)


def open_document(source: Path, options: Options, sha256: str | None = None) -> DocContext:
    """Identify the input and fix its identity (sha256, unless the caller hashed it already)."""
    kind = identify(source, options.limits)
    return DocContext(source=source, kind=kind, sha256=sha256 or file_sha256(source), options=options)


def read_pages(ctx: DocContext, progress: PageProgress | None = None) -> PageList:
    """Text of every page: read where the input is text, OCR'd where it is an image; blank pages dropped.

    The list's ``blank`` names the pages found blank. Scanned pages are read
    side by side in worker processes (:mod:`khplan.pipeline.reading.pages`)
    by the OCR engine ``ctx.options.ocr_engine`` names.
    """
    limits = ctx.options.limits
    if ctx.kind is InputKind.text:
        text = PageText(1, read_text_file(ctx.source, limits), "text")
        if progress is not None:
            progress.start(1)
            progress.advance()
        return PageList([text])
    check_steps(ctx.options.preprocess)
    count = count_pages(ctx.source) if ctx.kind is InputKind.pdf else count_image_pages(ctx.source)
    if count > limits.max_pages:
        raise TooLargeError(ctx.source, f"{count:,} pages, over the limit of {limits.max_pages:,} (--max-pages)")
    layers = read_text_layer(ctx.source, count) if ctx.kind is InputKind.pdf else [None] * count
    engine = load_engine(ctx) if any(layer is None for layer in layers) else None
    jobs = [PageJob(ctx.source, ctx.kind, n, ctx.options, engine, layers[n - 1]) for n in range(1, count + 1)]
    log.info("%s: %d page(s), %d with a text layer", ctx.source, count, sum(layer is not None for layer in layers))
    if progress is not None:
        progress.start(count)
    pages = read_all(jobs, ctx.options.jobs, progress)
    if pages.blank:
        log.info("%s: page(s) %s blank, dropped", ctx.source, ", ".join(map(str, pages.blank)))
    if not pages:
        raise EmptyDocumentError(ctx.source, f"all of its {count} page(s) are blank")
    if not any(page.text.strip() for page in pages):
        raise EmptyDocumentError(ctx.source, f"no text found on any of its {count} page(s)")
    return pages


def read_document(source: Path, options: Options, sha256: str | None = None) -> tuple[DocContext, PageList]:
    """Identify, then read or OCR."""
    ctx = open_document(source, options, sha256)
    return ctx, read_pages(ctx)
