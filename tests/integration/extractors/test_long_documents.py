"""Documents longer than spaCy takes in one piece are read whole (slow: a million characters through every rule)."""

from __future__ import annotations


def test_a_document_past_spacys_length_limit_keeps_its_legal_bases_and_awards(seeds):
    """Over a million characters, spaCy refused the text: legal_bases and awards came back empty, silently."""
    from khplan.extractors import extract_record

    filler = "Các cơ quan, đơn vị tiếp tục quán triệt, triển khai thực hiện nghiêm túc kế hoạch này.\n" * 12_000
    text = seeds["001"].input_text + "\n" + filler
    assert len(text) > 1_000_000
    whole, beginning = extract_record(text, strict=True), extract_record(seeds["001"].input_text, strict=True)
    assert whole.legal_bases == beginning.legal_bases and whole.awards == beginning.awards
    assert whole.legal_bases and whole.awards
