"""The document text an extractor reads, and the OCR'd words placed on it."""

from __future__ import annotations

from khplan.extractors.document import DocumentText, PageSpan, with_words
from khplan.pipeline.context import PageText, WordBox


def _page(words: list[tuple[str, float]]) -> PageText:
    boxes, offset = [], 0
    for n, (text, confidence) in enumerate(words):
        boxes.append(WordBox(text, 100 * n, 50, 90, 30, confidence, offset))
        offset += len(text) + 1
    return PageText(1, " ".join(t for t, _ in words), "ocr", None, tuple(boxes))


def test_words_are_placed_on_the_restored_text_by_their_order():
    page = _page([("Uy", 91.0), ("ban", 92.0), ("nhan", 60.0), ("dan", 95.0)])
    restored = DocumentText("Ủy ban nhân dân", (PageSpan(1, 0, 15),))
    words = with_words(restored, [page]).words
    assert [(w.start, w.end, w.confidence) for w in words] == [
        (0, 2, 91.0),
        (3, 6, 92.0),
        (7, 11, 60.0),
        (12, 15, 95.0),
    ]


def test_a_word_the_text_lost_is_left_out_not_misplaced():
    page = _page([("Số:", 90.0), ("~", 10.0), ("69/KH-UBND", 88.0)])
    document = DocumentText("Số: 69/KH-UBND", (PageSpan(1, 0, 14),))
    assert [d.start for d in with_words(document, [page]).words] == [0, 4]


def test_text_that_was_not_ocrd_has_no_words():
    document = DocumentText("Số: 69/KH-UBND", (PageSpan(1, 0, 14),))
    assert with_words(document, [PageText(1, document.text, "text")]).words == ()
