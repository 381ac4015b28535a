"""Words run together, split back into syllables (titles)."""

from __future__ import annotations

from khplan.extractors import extract_record
from khplan.extractors.run_together import split_run_together, split_syllables


def test_a_word_is_split_only_into_syllables_of_two_letters_or_more():
    assert split_syllables("CỦAĐẢNG") == ["CỦA", "ĐẢNG"]
    assert split_syllables("VENHIEM") == ["VE", "NHIEM"]  # the longer onset: not "VEN HIEM"
    assert split_syllables("HOI6") == ["HOI", "6"]
    for whole in ("UBND", "HĐND", "ASEAN", "NHIỆM"):
        assert split_syllables(whole) is None


def test_pieces_that_lost_their_marks_are_restored_with_the_phrase_and_said():
    text, guessed = split_run_together("THỂ THỨC VÀ KỸ THUẬT TRÌNH BÀY VĂN BẢN CUADANG", ["CUADANG"])
    assert (text, guessed) == ("THỂ THỨC VÀ KỸ THUẬT TRÌNH BÀY VĂN BẢN CỦA ĐẢNG", ["CỦA", "ĐẢNG"])
    assert split_run_together("VỀNHIỆM VỤ KINH TẾ", ["VỀNHIỆM"]) == ("VỀ NHIỆM VỤ KINH TẾ", [])


def test_a_title_with_words_a_site_ran_together():
    record = extract_record(
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 37/2007/NQ-HĐND\nAn Giang, ngày 10 tháng 12 năm 2007\nNGHỊ QUYẾT\n"
        "VỀVIỆC TẶNG THƯỞNG CỜ THI ĐUA CỦAĐẢNG\nCăn cứ Luật Thi đua, khen thưởng;\n"
    )
    assert record.title == "Về việc tặng thưởng cờ thi đua của Đảng"
    assert record.title_as_printed == "VỀVIỆC TẶNG THƯỞNG CỜ THI ĐUA CỦAĐẢNG"
