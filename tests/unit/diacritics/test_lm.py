from __future__ import annotations

import random

import pytest

from khplan.diacritics.lm import BOS, NgramModel, train_kneser_ney


@pytest.fixture(scope="module")
def model() -> NgramModel:
    rng = random.Random(0)
    sentences = [[rng.randint(3, 19) for _ in range(rng.randint(2, 9))] for _ in range(500)]
    sentences += [[3, 4, 5]] * 50
    return train_kneser_ney(sentences, vocab_size=20, order=3, prune_singletons_from=9)


@pytest.mark.parametrize("history", [(), (3,), (3, 4), (BOS,), (19, 18)])
def test_probabilities_sum_to_one(model, history):
    assert sum(10 ** model.logprob(history, w) for w in range(20)) == pytest.approx(1.0, abs=1e-6)


def test_frequent_continuation_is_likelier(model):
    assert model.logprob((3, 4), 5) > model.logprob((3, 4), 6)


def test_packed_history_gives_the_same_answer(model):
    assert model.packed_logprob((3 << 16) | 4, 2, 5) == pytest.approx(model.logprob((3, 4), 5))


def test_save_and_load_round_trip(model, tmp_path):
    import numpy as np

    model.save(tmp_path / "lm.npz")
    loaded = NgramModel.from_arrays(np.load(tmp_path / "lm.npz"))
    assert loaded.logprob((3, 4), 5) == pytest.approx(model.logprob((3, 4), 5), abs=1e-3)


def test_backing_off_from_an_unseen_history_costs_its_price(model):
    from khplan.diacritics.lm import ID_BITS, pack

    seen = model.backoff_tables[1]
    unseen = next((a, b) for a in range(3, 20) for b in range(3, 20) if pack((a, b)) not in seen)
    assert pack((3, 4)) in seen
    plain = [model.logprob(unseen, w) for w in range(20)]
    kept = model.logprob((3, 4), 5)
    model.unseen_context = -0.75
    try:
        assert [model.logprob(unseen, w) for w in range(20)] == pytest.approx([p - 0.75 for p in plain])
        assert model.packed_logprob((unseen[0] << ID_BITS) | unseen[1], 2, 7) == pytest.approx(plain[7] - 0.75)
        assert model.logprob((3, 4), 5) == kept  # a seen history is scored as before
    finally:
        model.unseen_context = 0.0


def test_a_dictionary_pair_gets_its_bonus_wherever_it_is_scored(model):
    from khplan.diacritics.lm import ID_BITS

    plain = model.logprob((7, 3), 4), model.packed_logprob((7 << ID_BITS) | 3, 2, 4), model.logprob((3,), 9)
    model.pair_bonus = {(3 << ID_BITS) | 4: 1.5}
    try:
        assert model.logprob((7, 3), 4) == pytest.approx(plain[0] + 1.5)
        assert model.packed_logprob((7 << ID_BITS) | 3, 2, 4) == pytest.approx(plain[1] + 1.5)
        assert model.logprob((3,), 9) == plain[2]  # another pair: as before
    finally:
        model.pair_bonus = {}
