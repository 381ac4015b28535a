from __future__ import annotations

from khplan.diacritics import assess_damage
from khplan.extractors import document_of
from khplan.pipeline.context import DocContext, InputKind, Options, PageText
from khplan.pipeline.stages import restore_text
from khplan.schemas.plan import DOUBTFUL_RESTORATION


def _ctx(mode: str = "auto") -> DocContext:
    return DocContext(
        source=__import__("pathlib").Path("x.txt"),
        kind=InputKind.text,
        sha256="0" * 64,
        options=Options(jobs=1, restore=mode),
    )


def test_intact_text_has_most_words_marked(seeds):
    assert assess_damage(seeds["001"].input_text).marked_share > 0.8
    assert assess_damage(seeds["000"].input_text).marked_share < 0.3


def test_auto_mode_leaves_intact_text_alone(seeds):
    pages = [PageText(1, seeds["001"].input_text, "text")]
    restored = restore_text(_ctx(), pages)
    assert not restored.restored and restored.pages == pages


def test_auto_mode_restores_legacy_ocr_line_for_line(seeds):
    text = seeds["003"].input_text
    restored = restore_text(_ctx(), [PageText(1, text, "text")])
    assert restored.restored
    assert len(restored.pages[0].text.splitlines()) == len(text.splitlines())


def test_restored_pages_carry_the_words_restoration_doubted():
    text = "Thuc hien ke hoach ctia xqzvwo huyen"  # "xqzvwo": no Vietnamese syllable within reach
    restored = restore_text(_ctx("always"), [PageText(1, text, "text")])
    page = restored.pages[0]
    spans = {page.text[a:b]: confidence for a, b, confidence in page.doubtful}
    assert spans["xqzvwo"] == 0.0
    assert all(0 <= confidence < DOUBTFUL_RESTORATION for confidence in spans.values())
    (start, end, _) = next(d for d in restored.document.doubtful if restored.document.text[d[0] : d[1]] == "xqzvwo")
    assert end - start == 6


def test_never_mode_keeps_legacy_text(seeds):
    pages = [PageText(1, seeds["003"].input_text, "text")]
    assert restore_text(_ctx("never"), pages).pages == pages


def test_assembled_text_remembers_where_pages_are():
    doc = document_of([PageText(1, "Số: 1", "ocr"), PageText(2, "KẾ HOẠCH", "ocr")])
    assert doc.text == "Số: 1\nKẾ HOẠCH"
    assert [(p.page, doc.text[p.start : p.end]) for p in doc.pages] == [(1, "Số: 1"), (2, "KẾ HOẠCH")]


def test_the_damage_decides_the_channel_and_whether_to_restore(seeds):
    from khplan.diacritics import restoration_channel

    intact, legacy = seeds["001"].input_text, seeds["003"].input_text
    assert restoration_channel(intact) is None
    assert restoration_channel(intact, ocr_read=True) == "modern"
    assert restoration_channel(legacy) == "legacy"
    assert restoration_channel(legacy, mode="never") is None
    assert restoration_channel("Uy ban nhan dan huyen Phu My ban hanh ke hoach") == "stripped"


def test_restoring_lost_marks_says_where_it_guessed():
    text = "UY BAN NHAN DAN\nXA DUC THANH\nSo: 15/KH-UBND\nDuc Thanh, ngay 10 thang 5 nam 2023\nKE HOACH\nThi dua"
    restored = restore_text(_ctx(), [PageText(1, text, "text"), PageText(2, "Ke hoach thi dua nam 2023", "text")])
    assert restored.restored and restored.lost_marks
    document = restored.document.text
    assert all(0 <= at < len(document) and document[at].isalpha() for at in restored.doubts)


def test_legacy_ocrs_small_i_in_a_word_in_capitals_is_read_as_a_capital():
    text = "UY BAN NHAN DAN\nTHANH PHO HO CHi MINH\nTINH THAI BiNH\nThi dua yeu nuoc"
    restored = restore_text(_ctx(), [PageText(1, text, "text")]).pages[0].text
    assert "HỒ CHÍ MINH" in restored and "THÁI BÌNH" in restored
    assert "Thi đua" in restored  # a word in title case is no word in capitals


def test_ocr_words_stay_on_the_words_restoration_made_of_them():
    from khplan.schemas.words import Box, OcrWord

    text = "Nghi quyet luatctia Quéc hoi ve thi dua khen thuong"
    words = tuple(
        OcrWord(m.group(), Box(40 * k, 10, 35, 12), 80.0, 1, m.start(), m.end())
        for k, m in enumerate(__import__("re").finditer(r"\S+", text))
    )
    restored = restore_text(_ctx("always"), [PageText(1, text, "ocr", 80.0, words)])
    page = restored.pages[0]
    assert page.text == "Nghị quyết luật của Quốc hội về thi đua khen thưởng"
    read = [page.text[w.start : w.end] for w in page.words]
    assert read == ["Nghị", "quyết", "luật của", "Quốc", "hội", "về", "thi", "đua", "khen", "thưởng"]


def test_ocr_s_eth_for_d_with_stroke_is_read_as_the_vietnamese_letter_whatever_the_mode():
    for mode in ("never", "auto"):
        restored = restore_text(_ctx(mode), [PageText(1, "Số: 2652/LĐÐTBXH-KHTC", "ocr")])
        assert restored.pages[0].text == "Số: 2652/LĐĐTBXH-KHTC"
