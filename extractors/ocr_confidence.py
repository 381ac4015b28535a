"""Evidence on the page: each span's box, and a warning where OCR or restoration was unsure of the words a field
rests on.

A field read from a scan is only as good as the words under it. Tesseract
gives each word a confidence; when the words of a field's evidence are, on
average, below :data:`LOW_CONFIDENCE`, the reviewer is told to look at that
field (``low_ocr_confidence``). Diacritics restoration gives each word it
rewrote a posterior; a field whose evidence holds a word restored with less
than the restorer's doubt threshold (or a word no Vietnamese syllable could
be found for) is flagged too (``low_restoration_confidence``), naming the
words. Each evidence span also gets the box, on its page image, of the words
it covers, so a reviewer can be shown the spot. Text that was neither OCR'd
nor restored is left as it is.
"""

from __future__ import annotations

from bisect import bisect_right

from khplan.extractors.registry import Extraction, extractor
from khplan.schemas import Box, OcrWord

LOW_CONFIDENCE = 70.0
"""Mean word confidence (0-100) below which a field's evidence is flagged; Tesseract's reliable words score 85+."""


def words_in(words: tuple[OcrWord, ...], starts: list[int], start: int, end: int) -> list[OcrWord]:
    """The words overlapping ``[start, end)``; ``starts`` are the words' start offsets, sorted."""
    first = max(0, bisect_right(starts, start) - 1)
    return [w for w in words[first : bisect_right(starts, end)] if w.start < end and start < w.end]


@extractor(
    "ocr_confidence",
    # runs last: every field has cited its evidence by then
    requires=[
        "record.doc_type",
        "record.number",
        "record.issue_date",
        "record.place",
        "record.title",
        "record.issuer",
        "record.signer",
        "record.period",
        "record.legal_bases",
        "record.criteria",
        "record.awards",
        "record.targets",
        "record.deadlines",
        "record.recipients",
    ],
    assigns=["record.provenance.spans"],
)
def check_ocr_confidence(ex: Extraction) -> None:
    """Boxes for every evidence span; a warning for each field whose words OCR or restoration doubted."""
    check_restoration_confidence(ex)
    words = ex.document.words
    if not words:
        return
    starts = [w.start for w in words]
    for path, spans in ex.record.provenance.spans.items():
        scores: list[float] = []
        for i, span in enumerate(spans):
            inside = words_in(words, starts, span.start, span.end)
            if not inside:
                continue
            on_page = [w for w in inside if w.page == inside[0].page]
            spans[i] = span.model_copy(
                update={"page": span.page or inside[0].page, "box": Box.around(w.box for w in on_page)}
            )
            scores.extend(w.confidence for w in inside if w.confidence >= 0)
        if scores and (mean := sum(scores) / len(scores)) < LOW_CONFIDENCE:
            ex.warn(
                "low_ocr_confidence",
                path,
                f"mean OCR word confidence {mean:.0f} over its {len(scores)} words of evidence",
            )


def doubted_in(doubtful: tuple[tuple[int, int, float], ...], starts: list[int], start: int, end: int):
    """The doubtful words overlapping ``[start, end)``; ``starts`` are their start offsets, sorted."""
    first = max(0, bisect_right(starts, start) - 1)
    return [d for d in doubtful[first : bisect_right(starts, end)] if d[0] < end and start < d[1]]


RULED_ELSEWHERE = frozenset({"title", "issuer.name", "number"})
"""Header fields whose restoration doubts are weighed by the record stage instead (measured on the real development
set: one guess in a twenty-word title is mostly right, so a title takes two; a ``D`` of an unknown ký hiệu segment is
a guess once the marks were lost): ``khplan.extractors.consistency.flag_doubtful_restoration``."""


def check_restoration_confidence(ex: Extraction) -> None:
    """``low_restoration_confidence`` for each field whose evidence holds a word restoration doubted."""
    doubtful = ex.document.doubtful
    if not doubtful:
        return
    starts = [d[0] for d in doubtful]
    text = ex.document.text
    for path, spans in ex.record.provenance.spans.items():
        if path in RULED_ELSEWHERE:
            continue
        doubted = {d for span in spans for d in doubted_in(doubtful, starts, span.start, span.end)}
        if doubted:
            words = ", ".join(f"{text[a:b]!r} ({confidence:.0%})" for a, b, confidence in sorted(doubted))
            ex.warn("low_restoration_confidence", path, f"restored with low confidence: {words}")
