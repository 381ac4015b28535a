"""The benchmark's scoring rules (issue 5), which every reported figure rests on."""

from __future__ import annotations

from tools.bench.extract import list_counts, scalar_right


def test_titles_match_fuzzily():
    assert scalar_right("title", "Phát động phong trào thi đua năm 2024", "Phát động phong trào thi đua năm 2024.")


def test_numbers_match_exactly():
    assert not scalar_right("number", "69/KH-UBND", "96/KH-UBND")


def test_awards_match_on_their_key_as_a_multiset():
    award = {"form": "Giấy khen", "subject": "any", "cadence": "final", "quota": None, "rank_limit": None}
    assert list_counts("awards", [award, award], [award]) == (1, 2, 1)


def test_deadlines_match_on_date_or_month_day():
    assert list_counts("deadlines", [{"date": None, "month_day": "01-31"}], [{"date": None, "month_day": "01-31"}]) == (
        1,
        1,
        1,
    )


def test_texts_match_once_each_at_ratio_80():
    got = ["Sở Nội vụ", "Sở Nội vụ"]
    assert list_counts("recipients", got, ["Sở Nội vụ"]) == (1, 2, 1)
