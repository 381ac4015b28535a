from __future__ import annotations

from khplan.diacritics.tokens import Kind, is_syllable_shape, tokenize


def kinds(line: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind.value) for t in tokenize(line)]


def test_edge_punctuation_is_peeled_off_words():
    assert kinds("(Số:") == [("(", "punct"), ("Số", "word"), (":", "punct")]


def test_ocr_digits_and_symbols_stay_inside_words():
    assert kinds("S6: v&i ti€u") == [("S6", "word"), (":", "punct"), ("v&i", "word"), ("ti€u", "word")]


def test_document_codes_dates_and_numbers_are_not_words():
    assert kinds("69 /KH-UBND ngày 09/4/2021, 2021-2025") == [
        ("69", "number"),
        ("/KH-UBND", "code"),
        ("ngày", "word"),
        ("09/4/2021", "number"),
        (",", "punct"),
        ("2021-2025", "number"),
    ]


def test_abbreviations_and_roman_numerals_are_recognised():
    assert kinds("UBND HDND XIII") == [("UBND", "abbreviation"), ("HDND", "abbreviation"), ("XIII", "roman")]


def test_capitals_that_spell_a_syllable_are_words():
    assert kinds("KE HOACH") == [("KE", "word"), ("HOACH", "word")]


def test_offsets_point_into_the_line():
    line = "  Thực hiện  Nghị quyết"
    assert all(line[t.start : t.start + len(t.text)] == t.text for t in tokenize(line))


def test_syllable_shape():
    assert is_syllable_shape("nghiêng") and is_syllable_shape("quốc") and is_syllable_shape("gì")
    assert not is_syllable_shape("UBND") and not is_syllable_shape("online")


def test_a_date_in_one_token_is_its_own_symbol():
    from khplan.diacritics.symbols import line_symbols

    assert line_symbols("ngày 19/6/2015; ngày 16/7, ngày 19 tháng 6") == [
        "ngày", "<date>", ";", "ngày", "<date>", ",", "ngày", "<num>", "tháng", "<num>",
    ]  # fmt: skip


def test_quotes_and_brackets_inside_a_chunk_part_its_words():
    # published text leaves out the spaces around them: '2010"(đối với' is a number, marks and a word
    tokens = tokenize('nhiệm kỳ 2009- 2010"(doi với')
    assert [(t.text, t.kind) for t in tokens[3:6]] == [("2010", Kind.number), ('"(', Kind.punct), ("doi", Kind.word)]
    assert [t.start for t in tokens[3:6]] == [15, 19, 21]
    assert [t.text for t in tokenize("Phụ lục(kèm theo)")] == ["Phụ", "lục", "(", "kèm", "theo", ")"]
    assert [t.text for t in tokenize("(đã sửa)")] == ["(", "đã", "sửa", ")"]
