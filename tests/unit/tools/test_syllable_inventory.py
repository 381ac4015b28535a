"""The syllables restoration may output: the dictionary's and the laws', never a typo of either."""

from collections import Counter

from tools.training.train_restorer import ADDED_MIN_COUNT, syllable_inventory


def test_the_laws_add_syllables_only_used_often_and_spelled_as_vietnamese_spells():
    often = ADDED_MIN_COUNT
    inventory = syllable_inventory(
        Counter({"phum": often, "iia": 15, "viêt": often, "bot": often, "phẵu": often, "niệc": often - 2})
    )
    assert "phum" in inventory  # phum sóc: a word the dictionary leaves out
    assert not {"iia", "viêt", "bot", "phẵu", "niệc"} & inventory  # no rhyme of Vietnamese, a stop unmarked, rare


def test_the_dictionarys_own_typos_are_no_syllables():
    """Viet74K lists ``môt``, ``hoc`` and ``biêt``: a stop final takes sắc or nặng, so they are typos of một, học,
    biết, and restoration must not output them."""
    inventory = syllable_inventory(Counter())
    assert {"một", "học", "biết", "việc", "giữa", "quốc"} <= inventory
    assert not {"môt", "hoc", "biêt"} & inventory
