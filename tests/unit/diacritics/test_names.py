"""The name prior: where a person's or a unit's name stands, and which spellings it prefers there."""

from __future__ import annotations

import pytest

from khplan.diacritics.names import NamePrior, Slot, unit_names


@pytest.fixture(scope="module")
def prior() -> NamePrior:
    return NamePrior(unit_names(), person_weight=1.0, unit_weight=2.0)


def _slots(*words: tuple[str, tuple[str, ...]] | str) -> list[Slot]:
    """Slots of a line: (observed, candidate spellings) for a word, a bare string for punctuation."""
    slots, position = [], 0
    for word in words:
        if isinstance(word, str):
            slots.append(Slot(word))
        else:
            slots.append(Slot(word[0], position, word[1]))
        position += 1
    return slots


def _preferred(priors: dict[int, dict[str, float]], position: int) -> str:
    bonuses = priors[position]
    return max(bonuses, key=lambda s: bonuses[s])


def test_units_before_and_after_the_2025_merger_are_known():
    names = unit_names()
    assert ("phù", "mỹ") in names  # a district gone since 2025
    assert ("quảng", "ngãi") in names
    assert ("đà", "nẵng") in names
    assert ("hồng", "hà") in names  # a ward of Hà Nội created by the merger
    assert not any("(" in word or word == "-" for name in names for word in name)


def test_a_unit_name_after_its_kind_takes_the_gazetteer_spelling(prior):
    priors = prior.priors(
        _slots(
            ("tinh", ("tỉnh", "tình", "tính", "tinh")),
            ("Quang", ("quang", "quảng", "quáng")),
            ("Ngai", ("ngài", "ngãi", "ngại", "ngai")),
        )
    )
    assert _preferred(priors, 1) == "quảng"
    assert _preferred(priors, 2) == "ngãi"
    assert priors[2]["ngài"] == -2.0


def test_the_place_of_a_place_date_line_is_a_unit(prior):
    priors = prior.priors(
        _slots(("Da", ("đà", "da", "dạ", "đá")), ("Nang", ("nẵng", "nắng", "nàng")), ",", ("ngay", ("ngày", "ngay")))
    )
    assert (_preferred(priors, 0), _preferred(priors, 1)) == ("đà", "nẵng")


def test_a_name_after_ong_prefers_common_name_spellings(prior):
    priors = prior.priors(
        _slots(
            ("ong", ("ông", "ong", "óng")),
            ("Nguyen", ("nguyên", "nguyễn", "nguyền")),
            ("Van", ("văn", "vân", "vấn", "vàn")),
            ("Cuong", ("cương", "cường", "cuống")),
        )
    )
    assert [_preferred(priors, i) for i in (1, 2, 3)] == ["nguyễn", "văn", "cường"]
    assert priors[3]["cường"] == 0.0 and priors[3]["cương"] < -1.0


def test_a_signature_line_is_a_name(prior):
    priors = prior.priors(
        _slots(("Vo", ("võ", "vô", "vỏ")), ("Tu", ("từ", "tứ", "tư", "tủ")), ("Dung", ("dũng", "dùng", "dung")))
    )
    assert [_preferred(priors, i) for i in range(3)] == ["võ", "tứ", "dũng"]


def test_no_context_no_prior(prior):
    assert prior.priors(_slots(("cuong", ("cương", "cường")), ("linh", ("lĩnh", "linh")))) == {}
    # lower-case words after "ông" are no name
    assert prior.priors(_slots(("ong", ("ông",)), ("cuong", ("cương", "cường")))) == {}


def test_words_that_can_be_no_name_are_left_to_the_language_model(prior):
    priors = prior.priors(_slots(("ong", ("ông",)), ("Xyz", ("xơ", "xờ"))))
    assert 1 not in priors


def test_the_words_announcing_a_name_are_read_as_such(prior):
    priors = prior.priors(
        _slots(("Ong", ("ống", "ông", "ong")), ("Nguyen", ("nguyên", "nguyễn")), ("Hai", ("hai", "hải", "hài")))
    )
    assert _preferred(priors, 0) == "ông"
    priors = prior.priors(
        _slots(("TINH", ("tính", "tỉnh", "tình")), ("DAK", ("đắk", "dak")), ("LAK", ("lắk", "lak", "lạc")))
    )
    assert [_preferred(priors, i) for i in range(3)] == ["tỉnh", "đắk", "lắk"]


def test_units_listed_after_one_kind_are_units_too(prior):
    priors = prior.priors(
        _slots(
            ("quan", ("quận", "quân", "quan")),
            ("Hai", ("hải", "hai", "hái")),
            ("Chau", ("châu", "chau", "cháu")),
            ",",
            ("Thanh", ("thành", "thanh", "thạnh")),
            ("Khe", ("khê", "khe", "khế")),
            ",",
            ("Cam", ("cảm", "cẩm", "cam", "cám")),
            ("Le", ("lệ", "lễ", "le")),
        )
    )
    assert [_preferred(priors, p) for p in (4, 5, 7, 8)] == ["thanh", "khê", "cẩm", "lệ"]


def test_a_word_no_syllable_reaches_after_a_title_of_address_is_skipped_not_a_crash():
    from khplan.diacritics import restore

    # "TổngBí": two words run together after "đồng chí", the slot of a person's name with no spelling to weigh
    restored = restore("Về ý kiến chỉ đạo của đồng chí TổngBí thư, Chủ tịch Quốc hội", channel="modern")
    assert restored.text.startswith("Về ý kiến chỉ đạo của đồng chí")
