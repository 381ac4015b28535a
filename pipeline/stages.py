"""The record stages, each a plain function over a :class:`DocContext`: restore the text, extract the record.

The reading stage that comes before them is :mod:`khplan.pipeline.reading.document`;
:mod:`khplan.pipeline.run` orders the three for one document and
:mod:`khplan.pipeline.ingest.flows` runs them over archives. Neither holds
logic of its own.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from khplan.diacritics import Restoration, restoration_channel, restore
from khplan.extractors import DocumentText, document_of, extract_record
from khplan.pipeline.context import DocContext, PageText, path_text
from khplan.pipeline.errors import NotAPlanError
from khplan.pipeline.evidence import annotate
from khplan.schemas import PlanRecord, Provenance

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoredText:
    """The document's text after restoration, page by page."""

    pages: list[PageText]
    restored: bool
    """True when the restorer ran (the text had lost its diacritics, or the user asked)."""
    restorations: tuple[Restoration | None, ...] = ()
    """Each page's restoration (its changes and their confidence), when the restorer ran."""

    @property
    def document(self) -> DocumentText:
        """The pages as the one text the extractors read, with each page's span and OCR'd words placed on it."""
        return document_of(self.pages)


def restore_text(ctx: DocContext, pages: list[PageText]) -> RestoredText:
    """Undo what reading the document did to its Vietnamese, with one channel for the whole document.

    Whether to restore, and how, is :func:`khplan.diacritics.restoration_channel`'s decision. Each page
    keeps the words restoration doubted, which the extractors turn into review warnings.
    """
    text = "\n".join(p.text for p in pages)
    ocr_read = any(p.method == "ocr" for p in pages)
    channel = restoration_channel(text, mode=ctx.options.restore, ocr_read=ocr_read)
    if channel is None:
        log.info("%s: text kept as read (restore mode %s)", ctx.source, ctx.options.restore)
        return RestoredText(pages, restored=False)
    log.info("%s: restoring diacritics, %s channel", ctx.source, channel)
    restorations = tuple(restore(page.text, channel=channel) for page in pages)
    restored = []
    for page, restoration in zip(pages, restorations, strict=True):
        doubtful = tuple(restoration.doubtful_offsets())
        if doubtful:
            log.info("%s: page %d: %d restored words doubtful", ctx.source, page.page_no, len(doubtful))
        restored.append(page._replace(text=restoration.text, doubtful=doubtful))
    return RestoredText(restored, restored=True, restorations=restorations)


def document_method(pages: list[PageText]) -> str:
    """``ocr`` if any page was OCR'd, else how the text was read."""
    methods = {page.method for page in pages}
    return "ocr" if "ocr" in methods else methods.pop()


def extract_fields(ctx: DocContext, restored: RestoredText) -> PlanRecord:
    """The plan record of the document, with where it came from and what a reviewer needs to check it."""
    document = restored.document
    # Strict: a component that fails fails the document (one line, or its quarantine), never a record
    # that silently lacks what that component should have found.
    record = extract_record(document, strict=True)
    if not (record.number or record.issue_date or record.issuer.name):
        raise NotAPlanError(
            ctx.source, "not a Vietnamese administrative document (no number, date or issuing body found)"
        )
    record.provenance = Provenance(
        source=path_text(ctx.source),
        sha256=ctx.sha256,
        pages=len(restored.pages),
        method=document_method(restored.pages),
        spans=record.provenance.spans,
    )
    annotate(record, document, restored.pages, restored.restorations)
    return record
