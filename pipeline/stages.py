"""The stages of khplan, each a plain function over a :class:`DocContext`.

``pipeline/run.py`` orders them for one document, ``pipeline/flows.py`` wraps
them in Prefect tasks for archives; neither holds logic of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from khplan.diacritics import restore
from khplan.diacritics.orthography import has_diacritics
from khplan.diacritics.restorer import detect_channel
from khplan.extractors import DocumentText, PageSpan, extract_record
from khplan.extractors.document import with_words
from khplan.pipeline.context import DocContext, InputKind, Options, PageText, file_sha256
from khplan.pipeline.errors import EmptyDocumentError, NotAPlanError
from khplan.pipeline.reading.images import count_image_pages
from khplan.pipeline.reading.inputs import identify, read_text_file
from khplan.pipeline.reading.ocr import OcrEngine, TesseractEngine
from khplan.pipeline.reading.pages import PageJob, read_all
from khplan.pipeline.reading.pdf import count_pages, read_text_layer
from khplan.pipeline.reading.preprocess import check_steps
from khplan.schemas import PlanRecord, Provenance

# Running Vietnamese text carries a tone or vowel mark on ~85% of its words;
# legacy OCR that lost them keeps ~15%. Below this share, restore.
RESTORE_BELOW_DIACRITIC_SHARE = 0.5
_WORD = re.compile(r"[^\W\d_]+")


def open_document(source: Path, options: Options, sha256: str | None = None) -> DocContext:
    """Identify the input and fix its identity (sha256, unless the caller hashed it already)."""
    kind = identify(source)
    return DocContext(source=source, kind=kind, sha256=sha256 or file_sha256(source), options=options)


def read_pages(ctx: DocContext, engine: OcrEngine | None = None) -> list[PageText]:
    """Text of every page: read where the input is text, OCR'd where it is an image; blank pages dropped.

    The list is a :class:`~pipeline.pages.PageList`: its ``blank`` names the
    pages that were found blank. Scanned pages are read side by side in
    worker processes (:mod:`pipeline.pages`).
    """
    if ctx.kind is InputKind.text:
        return [PageText(1, read_text_file(ctx.source), "text")]
    engine = engine or TesseractEngine(
        ctx.options.lang, ctx.options.page_timeout, text_layer=ctx.options.searchable_pdf
    )
    engine.check()
    check_steps(ctx.options.preprocess)
    if ctx.kind is InputKind.pdf:
        count = count_pages(ctx.source)
        layers = read_text_layer(ctx.source, count)
    else:
        count = count_image_pages(ctx.source)
        layers = [None] * count
    jobs = [PageJob(ctx.source, ctx.kind, n, ctx.options, engine, layers[n - 1]) for n in range(1, count + 1)]
    pages = read_all(jobs, ctx.options.jobs)
    if not pages:
        raise EmptyDocumentError(ctx.source, f"all of its {count} page(s) are blank")
    if not any(page.text.strip() for page in pages):
        raise EmptyDocumentError(ctx.source, f"no text found on any of its {count} page(s)")
    return pages


def diacritic_share(text: str) -> float:
    """Share of words that carry a Vietnamese mark; near 0.85 in intact text."""
    words = _WORD.findall(text)
    return sum(map(has_diacritics, words)) / len(words) if words else 1.0


@dataclass(frozen=True)
class RestoredText:
    """The document's text after restoration, page by page."""

    pages: list[PageText]
    restored: bool
    """True when the restorer ran (the text had lost its diacritics, or the user asked)."""


def restore_text(ctx: DocContext, pages: list[PageText]) -> RestoredText:
    """Undo what reading the document did to its Vietnamese, with one channel for the whole document.

    In ``auto`` mode, text that lost its marks (legacy OCR, stripped exports)
    is restored, and pages Tesseract read are corrected (post-OCR, the
    ``modern`` channel, which leaves intact words alone); typed text that
    kept its marks is left as it is.
    """
    mode = ctx.options.restore
    text = "\n".join(p.text for p in pages)
    lost_marks = diacritic_share(text) < RESTORE_BELOW_DIACRITIC_SHARE
    ocr_read = any(p.method == "ocr" for p in pages)
    if mode == "never" or (mode == "auto" and not (lost_marks or ocr_read)):
        return RestoredText(pages, restored=False)
    channel = detect_channel(text)
    return RestoredText([page._replace(text=restore(page.text, channel=channel).text) for page in pages], restored=True)


def assemble(pages: list[PageText]) -> DocumentText:
    """Join page texts into one document text, remembering where each page sits."""
    parts, spans, offset = [], [], 0
    for page in pages:
        if parts:
            parts.append("\n")
            offset += 1
        parts.append(page.text)
        spans.append(PageSpan(page.page_no, offset, offset + len(page.text)))
        offset += len(page.text)
    return DocumentText("".join(parts), tuple(spans))


def document_method(pages: list[PageText]) -> str:
    """``ocr`` if any page was OCR'd, else how the text was read."""
    methods = {page.method for page in pages}
    return "ocr" if "ocr" in methods else methods.pop()


def extract_fields(ctx: DocContext, restored: RestoredText) -> PlanRecord:
    """The plan record of the document, with where it came from."""
    # Words keep their OCR boxes and confidences: evidence gets a box, shaky fields a warning.
    record = extract_record(with_words(assemble(restored.pages), restored.pages))
    if not (record.number or record.issue_date or record.issuer.name):
        raise NotAPlanError(
            ctx.source, "not a Vietnamese administrative document (no number, date or issuing body found)"
        )
    record.provenance = Provenance(
        source=str(ctx.source),
        sha256=ctx.sha256,
        pages=len(restored.pages),
        method=document_method(restored.pages),
        spans=record.provenance.spans,
    )
    return record
