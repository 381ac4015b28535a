"""What the review needs beside the values: page sizes, per-field confidence, doubtful text, the spans' OCR text."""

from __future__ import annotations

from khplan.diacritics import Restoration, TokenChange
from khplan.extractors import document_of
from khplan.pipeline.context import PageText
from khplan.pipeline.evidence import annotate, restored_syllables, rule_of
from khplan.schemas import Box, OcrWord, PlanRecord, Span


def _page() -> PageText:
    """``So: 69/KH-UBND`` as OCR read it (a doubtful first word), restored to ``Số: 69/KH-UBND``."""
    words = (
        OcrWord("So:", Box(100, 200, 60, 30), 41.0, 1, 0, 3),
        OcrWord("69/KH-UBND", Box(170, 200, 220, 30), 93.0, 1, 4, 14),
    )
    return PageText(1, "So: 69/KH-UBND", "ocr", 67.0, words, size=(2480, 3508), dpi=300)


def _restoration() -> Restoration:
    return Restoration("Số: 69/KH-UBND", lambda: [TokenChange(1, 0, "So", "Số", 0.42, (("Sổ", 0.3),), "accent")])


def test_a_field_gets_its_confidence_its_boxes_text_and_its_rule():
    restored = _page()._replace(text="Số: 69/KH-UBND")
    document = document_of([restored])
    record = PlanRecord(number="69/KH-UBND")
    record.provenance.spans = {"number": [Span(start=0, end=14, page=1)]}

    annotate(record, document, [restored], [_restoration()])

    provenance = record.provenance
    assert provenance.page_sizes[0].model_dump() == {"page": 1, "width": 2480, "height": 3508, "dpi": 300}
    confidence = provenance.confidence["number"]
    assert (confidence.ocr, confidence.restoration, confidence.rule, confidence.doubtful) == (
        67.0,
        0.42,
        "header",
        True,
    )
    assert provenance.spans["number"][0].ocr_text == "So: 69/KH-UBND", "what the searchable PDF's layer holds there"
    assert provenance.text_layer == "ocr"
    doubts = [(document.text[u.start : u.end], u.source) for u in provenance.uncertain]
    assert doubts == [("Số", "restoration"), ("Số:", "ocr")]


def test_restored_syllables_land_on_the_restored_text_after_longer_rewrites_on_their_line():
    text = "ctia Pang va"  # legacy OCR: của Đảng và
    changes = [
        TokenChange(1, 0, "ctia", "của", 0.9),
        TokenChange(1, 5, "Pang", "Đảng", 0.5),
        TokenChange(1, 10, "va", "và", 0.99),
    ]
    restoration = Restoration("của Đảng và", lambda: changes)
    document = document_of([PageText(1, "của Đảng và", "text")])
    placed = [(document.text[r.start : r.end], r.confidence) for r in restored_syllables(document, [restoration])]
    assert placed == [("của", 0.9), ("Đảng", 0.5), ("và", 0.99)]
    assert text  # the input the offsets were reported against


def test_text_that_was_not_restored_has_no_restoration_confidence():
    document = document_of([PageText(1, "Số: 69/KH-UBND", "text")])
    record = PlanRecord(number="69/KH-UBND")
    record.provenance.spans = {"number": [Span(start=0, end=14, page=1)]}
    annotate(record, document, [PageText(1, "Số: 69/KH-UBND", "text")], [None])
    confidence = record.provenance.confidence["number"]
    assert (confidence.ocr, confidence.restoration, confidence.doubtful) == (None, None, False)
    assert record.provenance.page_sizes == [] and record.provenance.text_layer is None


def test_rules_are_the_components_that_assign_the_field():
    assert rule_of("awards[3]") == "awards"
    assert rule_of("issuer.name") == "issuer"
    assert rule_of("signer.position") == "signer"
    assert rule_of("place") == "place"
    assert rule_of("nonsense") is None
