"""Evidence boxes and low_ocr_confidence warnings from the words OCR read."""

from __future__ import annotations

import re

from khplan.extractors import DocumentText, PageSpan, extract_record
from khplan.schemas import Box, OcrWord

TEXT = "Số: 69/KH-UBND\nPhù Mỹ, ngày 13 tháng 4 năm 2022\nKẾ HOẠCH\nThi đua\n"


def _scanned(confidence_of) -> DocumentText:
    """TEXT as OCR gave it: one box per word on page 1, with the confidence ``confidence_of(word)``."""
    words = tuple(
        OcrWord(m.group(), Box(10 * m.start(), 20, 40, 30), confidence_of(m.group()), 1, m.start(), m.end())
        for m in re.finditer(r"\S+", TEXT)
    )
    return DocumentText(TEXT, (PageSpan(1, 0, len(TEXT)),), words)


def test_a_field_on_doubtful_words_is_flagged():
    record = extract_record(_scanned(lambda word: 40.0 if "KH" in word else 95.0))
    assert [w.field for w in record.warnings if w.code == "low_ocr_confidence"] == ["number"]


def test_confident_words_raise_no_warning():
    record = extract_record(_scanned(lambda word: 93.0))
    assert not [w for w in record.warnings if w.code == "low_ocr_confidence"]


def test_evidence_span_gets_the_box_of_its_words():
    (span,) = extract_record(_scanned(lambda word: 93.0)).provenance.spans["number"]
    assert (span.page, span.box) == (1, (0, 20, 10 * TEXT.index("69") + 40, 30))


def test_typed_text_has_no_boxes():
    (span,) = extract_record(TEXT).provenance.spans["number"]
    assert span.box is None


def _restored(doubtful) -> DocumentText:
    """TEXT as restoration left it (not OCR'd: no words), with the words it doubted."""
    return DocumentText(TEXT, (PageSpan(1, 0, len(TEXT)),), (), doubtful)


def test_a_field_resting_on_a_doubtfully_restored_word_is_flagged():
    place = TEXT.index("Phù Mỹ")
    record = extract_record(_restored(((place, place + 3, 0.35),)))
    (warning,) = [w for w in record.warnings if w.code == "low_restoration_confidence"]
    assert warning.field == "place" and "'Phù' (35%)" in warning.message
    assert not [w for w in record.warnings if w.code == "low_ocr_confidence"]


def test_sure_restoration_raises_no_warning():
    record = extract_record(_restored(()))
    assert not [w for w in record.warnings if w.code == "low_restoration_confidence"]
