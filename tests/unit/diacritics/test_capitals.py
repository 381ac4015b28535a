"""A capital where a sentence goes on is evidence of the word (issue 15)."""

from __future__ import annotations

import math

import pytest

from khplan.diacritics.capitals import CaseModel, count_capitals, mid_sentence_case
from khplan.diacritics.tokens import line_tokens


def _cased(line: str) -> dict[str, bool]:
    tokens = line_tokens(line)
    return {tokens[n].text: upper for n, upper in mid_sentence_case(tokens).items()}


def test_only_words_that_go_on_a_sentence_tell_their_case():
    assert _cased("Công tác xây dựng Đảng và chính quyền.") == {
        "tác": False,
        "xây": False,
        "dựng": False,
        "Đảng": True,
        "và": False,
        "chính": False,
        "quyền": False,
    }
    # the line's first word, a word after a full stop, a colon, a dash or a bracket may begin something
    assert "Các" not in _cased("- Các cơ quan thực hiện. Sở Nội vụ tổng hợp: Báo cáo (Phụ lục)")
    cased = _cased("- Các cơ quan thực hiện. Sở Nội vụ tổng hợp: Báo cáo (Phụ lục)")
    assert not {"Sở", "Báo", "Phụ"} & cased.keys() and cased["Nội"] is True
    assert "Khen" not in _cased("Hội đồng Thi đua - Khen thưởng tỉnh")


def test_a_heading_or_a_word_in_capitals_tells_nothing():
    assert _cased("KẾ HOẠCH TỔ CHỨC Đại hội") == {}
    assert "UBND" not in _cased("Các xã báo cáo UBND huyện")


def test_counts_and_probabilities():
    counts = count_capitals(
        [
            "Chi bộ xây dựng Đảng vững mạnh",
            "Ông ấy đang làm việc",
            "Họ đang học ở tỉnh Hà Giang",
            "Cán bộ đang xây dựng Đảng",
            "Cách tính này đúng",
        ]
    )
    assert counts.capitalised["đảng"] == 2 and counts.seen["đảng"] == 2
    assert counts.capitalised["đang"] == 0 and counts.seen["đang"] == 3
    assert counts.before_capital["tỉnh"] == 1 and counts.before["tính"] == 1 and not counts.before_capital["tính"]
    model = CaseModel(counts, smoothing=1.0)
    assert model.logprob("đảng", True) > model.logprob("đang", True)
    assert model.logprob("đang", False) > model.logprob("đảng", False)
    assert model.next_logprob("tỉnh", True) > model.next_logprob("tính", True)
    for word in ("đảng", "đang", "never-seen"):  # the two cases of one word are one distribution
        assert 10 ** model.logprob(word, True) + 10 ** model.logprob(word, False) == pytest.approx(1.0)
        assert 10 ** model.next_logprob(word, True) + 10 ** model.next_logprob(word, False) == pytest.approx(1.0)
    # a word never seen gets the overall rate
    rate = sum(counts.capitalised.values()) / sum(counts.seen.values())
    assert math.isclose(10 ** model.logprob("never-seen", True), rate)


def test_counts_add_up_weighed():
    one = count_capitals(["Họ xây dựng Đảng"])
    total = count_capitals(["Cán bộ đang làm"])
    total.add(one, 4)
    assert total.capitalised["đảng"] == 4 and total.seen["đang"] == 1 and total.before_capital["dựng"] == 4
