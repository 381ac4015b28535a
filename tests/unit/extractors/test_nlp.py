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
