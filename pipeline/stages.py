"""The record stages, each a plain function over a :class:`DocContext`: restore the text, extract the record.

The reading stage that comes before them is :mod:`khplan.pipeline.reading.document`;
:mod:`khplan.pipeline.run` orders the three for one document and
:mod:`khplan.pipeline.ingest.flows` runs them over archives. Neither holds
logic of its own.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from khplan.diacritics import Restoration, lost_glyphs, restoration_channel, restore
from khplan.diacritics.look_alikes import unify_look_alikes
from khplan.diacritics.orthography import normalize_tone_placement
from khplan.extractors import DocumentText, document_of, extract_record
from khplan.extractors.consistency import flag_doubtful_restoration
from khplan.pipeline.context import DocContext, PageText, path_text
from khplan.pipeline.errors import NotAPlanError
from khplan.pipeline.evidence import annotate
from khplan.schemas import PlanRecord, Provenance
from khplan.schemas.plan import DOUBTFUL_RESTORATION

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoredText:
    """The document's text after restoration, page by page."""

    pages: list[PageText]
    restored: bool
    """True when the restorer ran (the text had lost its diacritics, or the user asked)."""
    restorations: tuple[Restoration | None, ...] = ()
    """Each page's restoration (its changes and their confidence), when the restorer ran."""
    lost_marks: bool = False
    """The marks were put back (the text had lost them), not only OCR's slips mended."""
    misread: bool = False
    """The text is legacy OCR that misread letters as well as losing marks (the ``legacy`` channel)."""

    @property
    def doubts(self) -> tuple[int, ...]:
        """Offsets in :attr:`document` of the words the restorer read with a posterior under
        :data:`~khplan.schemas.plan.DOUBTFUL_RESTORATION`, a guess between readings (``Thanh`` / ``Thạnh``): the
        header fields they stand in are flagged (letters only: a code's ``Đ`` is no guess)."""
        found: list[int] = []
        offset = 0
        for page in self.pages:
            found.extend(
                offset + start
                for start, _end, confidence in page.doubtful
                if confidence < DOUBTFUL_RESTORATION and page.text[start : start + 1].isalpha()
            )
            offset += len(page.text) + 1  # the pages are joined by a line break (document_of)
        return tuple(found)

    @property
    def document(self) -> DocumentText:
        """The pages as the one text the extractors read, with each page's span and OCR'd words placed on it."""
        return document_of(self.pages)


def restore_text(ctx: DocContext, pages: list[PageText]) -> RestoredText:
    """Undo what reading the document did to its Vietnamese, with one channel for the whole document.

    Whether to restore, and how, is :func:`khplan.diacritics.restoration_channel`'s decision. Each page
    keeps the words restoration doubted, which the extractors turn into review warnings.
    """
    pages = [page._replace(text=unify_look_alikes(page.text)) for page in pages]  # "LĐÐTBXH": OCR's eth for Đ
    # a font that lacked letters, a site that stripped TCVN3's ư: what was lost put back before anything is read
    repairs = (
        [lost_glyphs.repair(page.text) or lost_glyphs.repair_lost_u(page.text) for page in pages]
        if ctx.options.restore != "never"
        else []
    )
    if any(repairs):
        log.info("%s: the font or the site lost letters; putting them back", ctx.source)
        return _restored(ctx, pages, tuple(repairs), lost_marks=True, misread=False)
    text = "\n".join(p.text for p in pages)
    ocr_read = any(p.method == "ocr" for p in pages)
    channel = restoration_channel(text, mode=ctx.options.restore, ocr_read=ocr_read)
    if channel is None:
        log.info("%s: text kept as read (restore mode %s)", ctx.source, ctx.options.restore)
        return RestoredText(pages, restored=False)
    log.info("%s: restoring diacritics, %s channel", ctx.source, channel)
    # Old-style tone placement (UỶ, HOÀ, THUỶ), common in real documents, is read as the modern one first: the
    # restorer knows the modern spelling only, and would otherwise "repair" UỶ BAN into QUỶ BAN.
    texts = [normalize_tone_placement(page.text) for page in pages]
    if channel != "modern":
        texts = [_SMALL_I.sub(lambda m: m.group(0).upper(), text) for text in texts]
    restorations = tuple(restore(text, channel=channel) for text in texts)
    return _restored(ctx, pages, restorations, lost_marks=channel != "modern", misread=channel == "legacy")


def _restored(
    ctx: DocContext,
    pages: list[PageText],
    restorations: tuple[Restoration | None, ...],
    *,
    lost_marks: bool,
    misread: bool,
) -> RestoredText:
    """The pages as restoration rewrote them (a page it left alone as it was), its doubts and OCR's words moved."""
    restored = []
    for page, restoration in zip(pages, restorations, strict=True):
        if restoration is None:
            restored.append(page)
            continue
        doubtful = tuple(restoration.doubtful_offsets())
        if doubtful:
            log.info("%s: page %d: %d restored words doubtful", ctx.source, page.page_no, len(doubtful))
        # OCR's words stay on the words restoration made of them ("ctia" -> "của", "luatctia" -> "luật của")
        words = tuple(
            word._replace(start=restoration.moved(word.start), end=restoration.moved(word.end)) for word in page.words
        )
        restored.append(page._replace(text=restoration.text, doubtful=doubtful, words=words))
    return RestoredText(restored, restored=True, restorations=restorations, lost_marks=lost_marks, misread=misread)


_SMALL_I = re.compile(r"\b(?=(?:[A-ZĐ]*i){1,2}[A-ZĐ]*\b)(?=\w*[A-ZĐ]\w*[A-ZĐ])[A-ZĐi]+\b")
"""A word in capitals but for a small ``i`` (``CHi``, ``BiNH``): legacy OCR's reading of an ``Í`` or ``Ì`` whose mark
it lost; in capitals, as its neighbours (the restorer keeps a word's case, and a name half in capitals is not read as
the issuer's)."""


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
    flag_doubtful_restoration(record, restored.doubts, lost_marks=restored.lost_marks, misread=restored.misread)
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
        found_by=record.provenance.found_by,
    )
    annotate(record, document, restored.pages, restored.restorations)
    return record
