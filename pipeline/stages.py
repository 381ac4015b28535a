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

from khplan.diacritics import Restoration, restoration_channel, restore
from khplan.diacritics.orthography import normalize_tone_placement
from khplan.extractors import DocumentText, document_of, extract_record
from khplan.extractors.consistency import flag_doubtful_restoration
from khplan.pipeline.context import DocContext, PageText
from khplan.pipeline.errors import NotAPlanError
from khplan.schemas import PlanRecord, Provenance

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoredText:
    """The document's text after restoration, page by page."""

    pages: list[PageText]
    restored: bool
    """True when the restorer ran (the text had lost its diacritics, or the user asked)."""
    doubts: tuple[int, ...] = ()
    """Offsets in :attr:`document` of the words whose marks the restorer put back with little confidence."""
    lost_marks: bool = False
    """The marks were put back (the text had lost them), not only OCR's slips mended."""

    @property
    def document(self) -> DocumentText:
        """The pages as the one text the extractors read, with each page's span and OCR'd words placed on it."""
        return document_of(self.pages)


def restore_text(ctx: DocContext, pages: list[PageText]) -> RestoredText:
    """Undo what reading the document did to its Vietnamese, with one channel for the whole document.

    Whether to restore, and how, is :func:`khplan.diacritics.restoration_channel`'s decision.
    """
    text = "\n".join(p.text for p in pages)
    ocr_read = any(p.method == "ocr" for p in pages)
    channel = restoration_channel(text, mode=ctx.options.restore, ocr_read=ocr_read)
    if channel is None:
        log.info("%s: text kept as read (restore mode %s)", ctx.source, ctx.options.restore)
        return RestoredText(pages, restored=False)
    log.info("%s: restoring diacritics, %s channel", ctx.source, channel)
    # Old-style tone placement (UỶ, HOÀ, THUỶ), common in real documents, is read as the modern one first: the
    # restorer knows the modern spelling only, and would otherwise "repair" UỶ BAN into QUỶ BAN.
    restored_pages: list[PageText] = []
    doubts: list[int] = []
    offset = 0
    for page in pages:
        text = normalize_tone_placement(page.text)
        if channel != "modern":
            text = _SMALL_I.sub(lambda m: m.group(0).upper(), text)
        restoration = restore(text, channel=channel)
        doubts.extend(offset + at for at in doubtful_words(restoration))
        restored_pages.append(page._replace(text=restoration.text))
        offset += len(restoration.text) + 1  # the pages are joined by a line break (document_of)
    return RestoredText(restored_pages, restored=True, doubts=tuple(doubts), lost_marks=channel != "modern")


_SMALL_I = re.compile(r"\b(?=(?:[A-ZĐ]*i){1,2}[A-ZĐ]*\b)(?=\w*[A-ZĐ]\w*[A-ZĐ])[A-ZĐi]+\b")
"""A word in capitals but for a small ``i`` (``CHi``, ``BiNH``): legacy OCR's reading of an ``Í`` or ``Ì`` whose mark
it lost; in capitals, as its neighbours (the restorer keeps a word's case, and a name half in capitals is not read as
the issuer's)."""

DOUBTFUL_RESTORATION = 0.5
"""Below this posterior, a word the restorer changed is a guess between readings (``Thanh`` / ``Thạnh``)."""


def doubtful_words(restoration: Restoration) -> list[int]:
    """Offsets in the restored text of the words the restorer changed with a posterior under
    :data:`DOUBTFUL_RESTORATION` (letters only: a code's ``Đ`` is no guess)."""
    lines = restoration.text.split("\n")
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line) + 1)
    found = []
    for change in restoration.changes:
        if change.confidence >= DOUBTFUL_RESTORATION or not change.restored[:1].isalpha() or change.line > len(lines):
            continue
        line = lines[change.line - 1]
        column = line.find(change.restored, max(0, change.start - 8))
        found.append(line_starts[change.line - 1] + (column if column >= 0 else min(change.start, len(line))))
    return found


def document_method(pages: list[PageText]) -> str:
    """``ocr`` if any page was OCR'd, else how the text was read."""
    methods = {page.method for page in pages}
    return "ocr" if "ocr" in methods else methods.pop()


def extract_fields(ctx: DocContext, restored: RestoredText) -> PlanRecord:
    """The plan record of the document, with where it came from."""
    record = extract_record(restored.document)
    flag_doubtful_restoration(record, restored.doubts, lost_marks=restored.lost_marks)
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
        found_by=record.provenance.found_by,
    )
    return record
