"""The entity ruler: the genre's vocabulary found in folded text, spelt canonically."""

from __future__ import annotations

from khplan.extractors.nlp import analyse, canonical, entities
from khplan.extractors.registry import Extraction


def _ents(text: str, label: str) -> list[str]:
    ex = Extraction.start(text)
    analyse(ex)
    return [canonical(e) for e in entities(ex, label)]


def test_award_forms_longest_first():
    assert _ents("Tặng danh hiệu Chiến sĩ thi đua cơ sở và Giấy khen", "AWARD_FORM") == [
        "Chiến sĩ thi đua cơ sở",
        "Giấy khen",
    ]


def test_forms_found_without_their_marks():
    assert _ents("Tang Bang khen cua Chu tich", "AWARD_FORM") == ["Bằng khen"]


def test_entity_offsets_are_offsets_in_the_document():
    ex = Extraction.start("Căn cứ Nghị quyết số 76/NQ-CP")
    analyse(ex)
    (kind,) = entities(ex, "DOC_KIND")
    assert ex.text[kind.start_char : kind.end_char] == "Nghị quyết"


def test_a_text_longer_than_spacys_limit_keeps_its_vocabulary_and_offsets():
    filler = "Các cơ quan, đơn vị tổ chức thực hiện nghiêm túc kế hoạch này.\n" * 20_000  # 1.3 M characters
    text = filler + "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh.\n"
    assert len(text) > 1_000_000
    ex = Extraction.start(text)
    analyse(ex)
    (form,) = entities(ex, "AWARD_FORM")
    assert form.start_char > 1_000_000
    assert ex.text[form.start_char : form.end_char] == "Bằng khen"
