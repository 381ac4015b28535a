"""The restorer's fast paths give the very numbers and choices of the plain ones they replace (issue 15)."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from khplan.diacritics.channel import MAX_EMISSION, Channel, initial_channel, stripping_channel
from khplan.diacritics.decoder import Candidate, _decode_any, _decode_trigram, posteriors
from khplan.diacritics.lm import NgramModel, train_kneser_ney


@pytest.fixture(scope="module")
def lm() -> NgramModel:
    rng = random.Random(1)
    sentences = [[rng.randint(3, 29) for _ in range(rng.randint(2, 12))] for _ in range(800)]
    sentences += [[3, 4, 5, 6]] * 40 + [[7, 8, 9]] * 30
    return train_kneser_ney(sentences, vocab_size=30, order=3, prune_singletons_from=3)


def _lattice(rng: random.Random, length: int) -> list[tuple[Candidate, ...]]:
    """Positions of one to eight candidates, some sharing an LM id (0: unknown), scores often tied."""
    positions = []
    for _ in range(length):
        size = rng.choice((1, 1, 2, 3, 5, 8))
        positions.append(
            tuple(
                Candidate(
                    f"w{k}",
                    rng.choice((0, rng.randint(3, 31))),  # 30 and 31: ids the model never saw
                    rng.choice((0.0, -0.5, round(rng.uniform(-3, 0), 1))),
                    unknown=rng.choice((0.0, 0.0, -1.0)),
                    prior=rng.choice((0.0, 0.0, -2.0)),
                )
                for k in range(size)
            )
        )
    return positions


@pytest.mark.parametrize("seed", range(30))
def test_trigram_decoder_chooses_as_the_general_one(lm, seed):
    rng = random.Random(seed)
    positions = _lattice(rng, rng.randint(1, 60))
    restarts = frozenset(rng.sample(range(len(positions)), k=min(len(positions), rng.randint(0, 4))))
    beam = rng.choice((1, 2, 5, 8))
    margin = rng.choice((math.inf, 4.0, 1.0))
    expected = _decode_any(positions, lm, 1.0, beam, restarts, margin)
    lm.rows.clear()  # cold, then warm
    assert _decode_trigram(positions, lm, 1.0, beam, restarts, margin) == expected
    assert _decode_trigram(positions, lm, 1.0, beam, restarts, margin) == expected


def test_a_margin_wide_enough_keeps_every_choice_of_the_beam_alone(lm):
    # hypotheses are dropped by score only when they trail the best by more than the margin: none does here
    rng = random.Random(3)
    for _ in range(20):
        positions = _lattice(rng, rng.randint(1, 40))
        assert _decode_trigram(positions, lm, 1.0, 5, frozenset(), 1e6) == _decode_trigram(positions, lm, 1.0, 5)


def test_a_narrow_margin_keeps_fewer_hypotheses_than_the_beam_and_may_choose_otherwise(lm):
    rng = random.Random(5)
    differ = 0
    for _ in range(40):
        positions = _lattice(rng, rng.randint(10, 40))
        differ += _decode_trigram(positions, lm, 1.0, 8, frozenset(), 0.01) != _decode_trigram(positions, lm, 1.0, 8)
    assert differ  # the margin is applied: with almost none, the search is greedy and errs somewhere


def _posteriors_reference(positions, choices, lm, channel_weight, at, restarts=frozenset()):
    """:func:`posteriors` by its definition: the whole reading's score with each candidate at ``at``, the
    paragraphs scored as the language model scores sentences (``<s>`` ... ``</s>``)."""
    bounds = sorted({0, len(positions), *(r for r in restarts if 0 < r < len(positions))})
    scores = []
    for k in range(len(positions[at])):
        chosen = [positions[j][k if j == at else choices[j]] for j in range(len(positions))]
        total = sum(c.bonus + channel_weight * c.channel for c in chosen)
        total += sum(
            lm.sentence_logprob([c.lm_id for c in chosen[start:end]]) for start, end in itertools.pairwise(bounds)
        )
        scores.append(total)
    peak = max(scores)
    weights = [10 ** (s - peak) for s in scores]
    return [w / sum(weights) for w in weights]


def test_posteriors_are_the_same_numbers(lm):
    rng = random.Random(7)
    for _ in range(20):
        positions = _lattice(rng, rng.randint(1, 30))
        restarts = frozenset(rng.sample(range(len(positions)), k=min(len(positions), rng.randint(0, 4))))
        choices = _decode_trigram(positions, lm, 1.0, 5, restarts)
        for at in range(len(positions)):
            assert posteriors(positions, choices, lm, 1.0, at, restarts) == pytest.approx(
                _posteriors_reference(positions, choices, lm, 1.0, at, restarts), abs=1e-9
            )


def test_an_exact_decoding_chooses_at_every_position_the_reading_its_posterior_prefers(lm):
    # the posterior scores every n-gram a candidate is in, as the decoder does: with a beam wide enough to be
    # exact, no single position can be changed for a better path, so none has a likelier alternative
    rng = random.Random(11)
    for _ in range(20):
        positions = _lattice(rng, rng.randint(3, 30))
        restarts = frozenset(rng.sample(range(len(positions)), k=rng.randint(0, 3)))
        choices = _decode_trigram(positions, lm, 1.0, 10_000, restarts)
        for at in range(len(positions)):
            probabilities = posteriors(positions, choices, lm, 1.0, at, restarts)
            assert probabilities[choices[at]] == pytest.approx(max(probabilities)), at


def _forward_reference(channel: Channel, observed: str, gold: str) -> float:
    """P(observed | gold) by the two passes per gold letter the scorer made before (emissions, then insertions)."""
    m = len(observed)
    keep = 1.0 - channel.insert
    inserts = [channel.insert * channel.inserted.get(c, channel.unseen[0]) for c in observed]
    column = [1.0] * (m + 1)
    for j in range(m):
        column[j + 1] = column[j] * inserts[j]
    for letter in gold:
        previous, column = column, [0.0] * (m + 1)
        for j in range(m + 1):
            if previous[j]:
                for length in range(min(MAX_EMISSION, m - j) + 1):
                    column[j + length] += previous[j] * (keep * channel.emission(letter, observed[j : j + length]))
        for j in range(m):
            if column[j]:
                column[j + 1] += column[j] * inserts[j]
    return column[-1] * keep


def test_channel_scores_are_the_same_numbers():
    rng = random.Random(3)
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạốồộ0123456|]}("
    legacy = initial_channel("legacy").fit(
        [("của", "ctia", 5), ("số", "s6", 5), ("năm", "nim", 3), ("đảng", "pang", 2), ("với", "v&i", 2)]
    )
    for channel in (stripping_channel(), legacy, legacy.folded()):
        for _ in range(300):
            observed = "".join(rng.choice(letters) for _ in range(rng.randint(1, 9)))
            scorer = channel.scorer(observed)
            for _ in range(4):
                gold = "".join(rng.choice(letters) for _ in range(rng.randint(1, 7)))
                p = scorer.probability(gold)
                assert p == _forward_reference(channel, observed, gold)
                assert scorer.logprob(gold) == (math.log10(p) if p > 0 else -99.0)


@pytest.mark.parametrize("enabled", [True, False])
def test_restoring_leaves_the_cycle_collector_as_it_found_it(enabled):
    import gc

    from khplan.diacritics.restorer import _no_cycle_collection

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with _no_cycle_collection():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), _no_cycle_collection():
            raise RuntimeError
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
