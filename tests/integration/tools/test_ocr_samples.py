from __future__ import annotations

import json
import time

from khplan.diacritics.scoring import syllable_accuracy
from tools.synth.scans import render_pages
from tools.training.ocr_samples import (
    Law,
    TokenPair,
    align_spans,
    align_tokens,
    aligned_share,
    char_confusions,
    ocr_samples,
    plan_page,
)

LAW = Law(
    "Luat-thu-nghiem",
    (
        "Chương I",
        "NHỮNG QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh",
        "Luật này quy định về thi đua, khen thưởng; nguyên tắc thi đua, khen thưởng.",
        "Điều 2. Đối tượng áp dụng",
        "Luật này áp dụng đối với công dân Việt Nam, cơ quan nhà nước, tổ chức chính trị.",
    )
    * 20,
)


def test_tokens_that_only_lost_their_marks_pair_one_to_one():
    assert align_tokens("Chính phủ ban hành", "Chinh phu ban hanh") == [
        TokenPair("Chính", "Chinh"),
        TokenPair("phủ", "phu"),
        TokenPair("ban", "ban"),
        TokenPair("hành", "hanh"),
    ]


def test_misread_syllables_pair_with_the_printed_ones_they_resemble():
    pairs = align_tokens("Số: 76 của Chính phủ năm 2021", "S6: 76 ctia Chinh pht nim 2021")
    assert {("Số:", "S6:"), ("của", "ctia"), ("phủ", "pht"), ("năm", "nim")} <= {(p.gold, p.ocr) for p in pairs}


def test_lines_wrapped_elsewhere_align_as_one_page():
    gold = "Thực hiện Nghị quyết số 76/NQ-CP ngày 15 tháng 7\nnăm 2021 của Chính phủ"
    ocr = "Thuc hién Nghi quyét s6\n76/NQ-CP ngay 15 thang 7 nim 2021 ctia\nChinh phu"
    assert [p.ocr for p in align_tokens(gold, ocr)] == ocr.split()


def test_two_printed_tokens_read_as_one_are_flagged_merged():
    assert TokenPair("nước giai", "nuécgiai", "merged") in align_tokens("nhà nước giai đoạn", "nha nuécgiai doan")


def test_one_printed_token_read_as_two_is_flagged_split():
    assert TokenPair("Nghị", "Ngh i", "split") in align_tokens("Nghị quyết Đại hội", "Ngh i quyét Dai hoi")


def test_a_word_ocr_lost_has_no_pair():
    pairs = align_tokens("ban hành Kế hoạch", "ban Ké hoach")
    assert "hành" not in [p.gold for p in pairs]
    assert aligned_share("ban hành Kế hoạch", pairs) == 0.75


def test_junk_ocr_read_off_the_margin_is_not_paired():
    pairs = align_tokens("Điều 106. Tha tù trước hạn", ": - Diéu 106. Tha ti truéc han")
    assert [p.ocr for p in pairs] == ["Diéu", "106.", "Tha", "ti", "truéc", "han"]


def test_a_one_letter_syllable_pairs_with_the_digit_it_became():
    assert TokenPair("ở", "6") in align_tokens("là nơi ở hiện tại", "la noi 6 hién tai")


def test_alignment_agrees_with_the_hand_checked_seed(seeds):
    """Seed 000 keeps every line's token count, so token k of a gold line is token k of the OCR line."""
    gold, ocr = seeds["000"].gold_text, seeds["000"].input_text
    truth, offset_g, offset_o = {}, 0, 0
    for gold_line, ocr_line in zip(gold.splitlines(), ocr.splitlines(), strict=False):
        truth.update({offset_g + k: offset_o + k for k in range(len(gold_line.split()))})
        offset_g, offset_o = offset_g + len(gold_line.split()), offset_o + len(ocr_line.split())
    spans = align_spans(gold.split(), ocr.split())
    assert len(spans) == len(truth)
    assert all(truth[s.g0] == s.o0 for s in spans)


def test_an_insertion_counts_with_the_letter_it_replaced():
    confusions, printed = char_confusions([TokenPair("của", "ctia"), TokenPair("Số:", "S6:")])
    assert confusions == {("ủ", "ti"): 1, ("ố", "6"): 1}
    assert printed["ủ"] == 1


def test_the_same_seed_plans_the_same_page():
    assert plan_page([LAW], 3, seed=0, lang="eng") == plan_page([LAW], 3, seed=0, lang="eng")
    assert plan_page([LAW], 3, seed=0, lang="eng").gold != plan_page([LAW], 4, seed=0, lang="eng").gold


def test_eng_and_vie_read_the_same_printed_page():
    eng, vie = plan_page([LAW], 5, seed=1, lang="eng"), plan_page([LAW], 5, seed=1, lang="vie")
    assert (eng.gold, eng.quality, eng.family, eng.scan_seed) == (vie.gold, vie.quality, vie.family, vie.scan_seed)
    assert eng.cache_key() != vie.cache_key()


def test_a_planned_passage_fills_one_page():
    spec = plan_page([LAW], 0, seed=0, lang="eng")
    assert len(render_pages(spec.gold, size_pt=spec.size_pt, family=spec.family)) == 1
    assert len(spec.gold.splitlines()) >= 20


def test_a_page_is_printed_read_by_tesseract_and_cached(tmp_path, seeds):
    law = tmp_path / "Ke-hoach-001.txt"
    law.write_text(seeds["001"].gold_text.replace("**", ""), encoding="utf-8")
    (sample,) = ocr_samples([law], lang="eng", pages=1, cache_dir=tmp_path / "cache", progress=False)
    pairs = align_tokens(sample.gold, sample.ocr)
    assert aligned_share(sample.gold, pairs) > 0.9
    assert syllable_accuracy(sample.ocr, sample.gold) < 0.8  # English OCR cannot print Vietnamese marks
    (cached,) = list((tmp_path / "cache" / "eng").glob("*.json"))
    assert json.loads(cached.read_text(encoding="utf-8"))["ocr"] == sample.ocr
    started = time.perf_counter()
    assert ocr_samples([law], lang="eng", pages=1, cache_dir=tmp_path / "cache", progress=False) == [sample]
    assert time.perf_counter() - started < 2
