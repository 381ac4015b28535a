from __future__ import annotations

import pytest

from khplan.diacritics.channel import initial_channel, stripping_channel

# What an English-only OCR made of Vietnamese words (the kind of pairs rendered scans give).
PAIRS = [
    ("của", "ctia", 20),
    ("của", "cua", 30),
    ("của", "cta", 5),
    ("số", "s6", 20),
    ("số", "so", 10),
    ("năm", "nim", 10),
    ("năm", "nam", 30),
    ("năm", "ndm", 5),
    ("là", "1a", 10),
    ("là", "la", 20),
    ("lập", "1ap", 5),
    ("đảng", "pang", 5),
    ("đảng", "dang", 20),
    ("huyện", "huyén", 30),
    ("tổ", "t6", 10),
    ("sợ", "so", 5),
    ("cơ", "co", 20),
    ("với", "v&i", 5),
    ("với", "voi", 10),
]


@pytest.fixture(scope="module")
def legacy():
    return initial_channel("legacy").fit(PAIRS, iterations=8)


def test_learns_letter_to_digit_confusions(legacy):
    assert legacy.logprob("s6", "số") > legacy.logprob("s6", "sợ")


def test_learns_one_letter_to_two(legacy):
    assert legacy.logprob("ctia", "của") > legacy.logprob("ctia", "cua")


def test_tones_of_a_letter_share_what_was_learned(legacy):
    # "ộ" never occurs in the pairs; it borrows "ố"/"ổ" -> "6" from its base letter.
    assert legacy.logprob("b6", "bộ") > legacy.logprob("b6", "ba")


def test_stripping_channel_only_removes_marks():
    channel = stripping_channel()
    assert channel.logprob("nhan", "nhân") > -0.01
    assert channel.logprob("nhan", "nhìn") < -4


def test_folded_channel_scores_base_forms(legacy):
    folded = legacy.folded()
    assert folded.logprob("ctia", "cua") > folded.logprob("ctia", "tia") - 1


def test_round_trip_through_a_dict(legacy):
    from khplan.diacritics.channel import Channel

    copy = Channel.from_dict(legacy.to_dict())
    assert copy.logprob("ctia", "của") == pytest.approx(legacy.logprob("ctia", "của"))
