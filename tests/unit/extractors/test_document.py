"""The document text an extractor reads, and the OCR'd words placed on it."""

from __future__ import annotations

from khplan.extractors.document import document_of
from khplan.pipeline.context import PageText
from khplan.schemas import Box, OcrWord


def _page(words: list[tuple[str, float]], text: str | None = None) -> PageText:
    """A page OCR read as ``words``; its text may have been restored since (``text``)."""
    boxes, offset = [], 0
    for n, (word, confidence) in enumerate(words):
        boxes.append(OcrWord(word, Box(100 * n, 50, 90, 30), confidence, 1, offset, offset + len(word)))
        offset += len(word) + 1
    return PageText(1, text or " ".join(w for w, _ in words), "ocr", None, tuple(boxes))


def test_words_are_placed_on_the_restored_text_by_their_order():
    page = _page([("Uy", 91.0), ("ban", 92.0), ("nhan", 60.0), ("dan", 95.0)], text="Ủy ban nhân dân")
    words = document_of([page]).words
    assert [(w.start, w.end, w.confidence) for w in words] == [
        (0, 2, 91.0),
        (3, 6, 92.0),
        (7, 11, 60.0),
        (12, 15, 95.0),
    ]


def test_a_word_the_text_lost_is_left_out_not_misplaced():
    page = _page([("Số:", 90.0), ("~", 10.0), ("69/KH-UBND", 88.0)], text="Số: 69/KH-UBND")
    assert [d.start for d in document_of([page]).words] == [0, 4]


def test_text_that_was_not_ocrd_has_no_words():
    assert document_of([PageText(1, "Số: 69/KH-UBND", "text")]).words == ()


def test_words_of_a_second_page_land_after_the_first():
    first = PageText(1, "Số: 1", "text")
    second = _page([("KẾ", 90.0), ("HOẠCH", 90.0)])._replace(page_no=2)
    document = document_of([first, second])
    assert [(document.text[w.start : w.end], w.page) for w in document.words] == [("KẾ", 2), ("HOẠCH", 2)]


def test_doubtful_words_of_a_page_land_where_its_text_does():
    first = PageText(1, "Số: 1", "text")
    second = PageText(2, "Đồng chí Cao Tường Huy", "text", doubtful=((9, 12, 0.41),))
    document = document_of([first, second])
    ((start, end, confidence),) = document.doubtful
    assert document.text[start:end] == "Cao" and confidence == 0.41
