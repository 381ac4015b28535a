"""Beam search over the lattice of candidate spellings: channel score plus language model.

Each position of a block holds its candidates (one for tokens that are left
alone). A hypothesis is the last ``order - 1`` LM ids; hypotheses that end
alike are merged (Viterbi recombination) and only the ``beam`` best survive
each step, which is exact in practice for the 2–8 candidates a syllable has;
of those, one trailing the best by more than ``margin`` (log10) is dropped
too: it would need that much from the words ahead to win (the margin is set
per channel: see :attr:`DecoderSettings.beam_margin`).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from khplan.diacritics.lm import BOS, EOS, ID_BITS, ROWS_LIMIT, UNK, WORD_MASK, NgramModel, pack


@dataclass(frozen=True, slots=True)
class Candidate:
    """One way to read a token (slots: a document's lattice holds tens of thousands, read in the decoder's loops)."""

    spelling: str
    """Lower-case spelling (for a kept token, the token itself)."""
    lm_id: int
    channel: float
    """log10 P(observed token | this spelling)."""
    keep: bool = False
    """True when the candidate is the observed token left as it is."""
    unknown: float = 0.0
    """log10 share of ``<unk>``'s mass this spelling gets, when the LM does not know it (else 0)."""
    prior: float = 0.0
    """log10 bonus from what surrounds the token: a name stands here, the document reads this phrase so
    elsewhere, the text was intact (see :mod:`diacritics.restorer`)."""

    @property
    def bonus(self) -> float:
        """What the candidate adds to a path's score besides the LM and the weighted channel."""
        return self.unknown + self.prior


@dataclass(frozen=True)
class Alternatives:
    """Posterior of each candidate at one position, given the best reading around it."""

    probabilities: tuple[float, ...]


def decode(
    positions: Sequence[Sequence[Candidate]],
    lm: NgramModel,
    channel_weight: float,
    beam: int,
    restarts: frozenset[int] = frozenset(),
    margin: float = math.inf,
) -> list[int]:
    """Index of the chosen candidate at every position.

    ``restarts`` are positions where a new paragraph begins: the history is
    reset to ``<s>`` there, as in the corpus the model was trained on.
    Hypotheses more than ``margin`` below the best are dropped each step.
    """
    if lm.order == 3:
        return _decode_trigram(positions, lm, channel_weight, beam, restarts, margin)
    return _decode_any(positions, lm, channel_weight, beam, restarts, margin)


def _decode_any(
    positions: Sequence[Sequence[Candidate]],
    lm: NgramModel,
    channel_weight: float,
    beam: int,
    restarts: frozenset[int] = frozenset(),
    margin: float = math.inf,
) -> list[int]:
    """:func:`decode` for a language model of any order: one candidate after one hypothesis at a time."""
    context = max(lm.order - 1, 1)
    mask = (1 << (ID_BITS * context)) - 1
    # A hypothesis is keyed by its packed history and its length, as one int
    # (history << 3 | length), which is also how the LM memo keys its scores.
    hypotheses: dict[int, tuple[float, tuple | None]] = {(BOS << 3) | 1: (0.0, None)}
    score_of = lm.cached_logprob
    memo = lm.memo  # looked up inline: the call it saves is a third of the inner loop
    known_options: dict[int, list[tuple[int, int, int, float]]] = {}
    for i, candidates in enumerate(positions):
        if i in restarts and i:
            hypotheses = _close(hypotheses, score_of)
        options = known_options.get(id(candidates))  # a word's candidates are one cached tuple wherever it stands
        if options is None:
            options = known_options[id(candidates)] = [
                (index, c.lm_id, c.lm_id << 3, c.bonus + channel_weight * c.channel)
                for index, c in enumerate(candidates)
            ]
        expanded: dict[int, tuple[float, tuple | None]] = {}
        get = expanded.get
        top = -math.inf
        for key, (score, back) in hypotheses.items():
            history, length = key >> 3, key & 7
            grown = length + 1 if length < context else context
            shifted = history << ID_BITS
            memo_base = (shifted << 3) | length
            for index, word, word_bits, bonus in options:
                lp = memo.get(memo_base | word_bits)
                if lp is None:
                    lp = score_of(history, length, word)
                total = score + lp + bonus
                state = (((shifted | word) & mask) << 3) | grown
                best = get(state)
                if best is None or best[0] < total:
                    expanded[state] = (total, (back, index))
                    if total > top:
                        top = total
        hypotheses = _pruned(expanded, beam, top - margin)
    best = max(hypotheses.items(), key=lambda item: item[1][0] + score_of(item[0] >> 3, item[0] & 7, EOS))
    choices: list[int] = []
    back = best[1][1]
    while back is not None:
        back, index = back
        choices.append(index)
    return choices[::-1]


_START = -1
""":func:`_decode_trigram`'s key of the hypothesis that is ``<s>`` alone (a paragraph's start)."""


def _decode_trigram(
    positions: Sequence[Sequence[Candidate]],
    lm: NgramModel,
    channel_weight: float,
    beam: int,
    restarts: frozenset[int] = frozenset(),
    margin: float = math.inf,
) -> list[int]:
    """:func:`_decode_any` for a trigram model: the same choices (the same floats, ties broken alike), faster.

    A hypothesis is keyed by its two words packed (``h1 << 16 | h2``), a small
    int; its value is (score, path before its last word, index of its last
    word), the path node being made once per hypothesis that survives, not
    for every expansion tried. Scores are remembered per history in
    :attr:`NgramModel.rows` (history -> word -> score: one small-int lookup
    per expansion); one not there yet is computed as
    :meth:`NgramModel.packed_logprob` computes it, the backoff weights added in
    its order, so every score is the same float.
    """
    unigrams, bigrams, trigrams = (table.get for table in lm.logprob_tables)
    unknown = lm.logprob_tables[0][UNK]
    word_backoff, context_backoff = (table.get for table in lm.backoff_tables)
    unseen, pairs = lm.unseen_context, lm.pair_bonus
    score_of = lm.cached_logprob
    rows = lm.rows
    hypotheses: dict[int, tuple[float, tuple | None, int | None]] = {_START: (0.0, None, None)}
    known_options: dict[int, list[tuple[int, int, float]]] = {}
    for i, candidates in enumerate(positions):
        if i in restarts and i:
            hypotheses = _close_trigram(hypotheses, score_of)
        options = known_options.get(id(candidates))  # a word's candidates are one cached tuple wherever it stands
        if options is None:
            options = known_options[id(candidates)] = [
                (index, c.lm_id, c.bonus + channel_weight * c.channel) for index, c in enumerate(candidates)
            ]
        expanded: dict[int, tuple[float, tuple | None, int | None]] = {}
        get = expanded.get
        top = -math.inf
        for history, (score, path, last_index) in hypotheses.items():
            back = (path, last_index)
            if history == _START:
                state_base = BOS << ID_BITS
                for index, word, bonus in options:
                    total = score + score_of(BOS, 1, word) + bonus
                    state = state_base | word
                    best = get(state)
                    if best is None or best[0] < total:
                        expanded[state] = (total, back, index)
                        if total > top:
                            top = total
                continue
            last = history & WORD_MASK
            state_base = last << ID_BITS  # the next state: (last, word)
            row = rows.get(history)
            if row is None:
                if len(rows) >= ROWS_LIMIT:
                    rows.clear()
                row = rows[history] = {}
            row_get = row.get
            penalty: float | None = None
            unigram_penalty: float | None = None
            for index, word, bonus in options:
                lp = row_get(word)
                if lp is None:
                    lp = trigrams((history << ID_BITS) | word)
                    if lp is None:
                        if penalty is None:
                            penalty = 0.0 + context_backoff(history, unseen)
                        lp = bigrams(state_base | word)
                        if lp is not None:
                            lp = penalty + lp
                        else:
                            if unigram_penalty is None:
                                unigram_penalty = penalty + word_backoff(last, unseen)
                            lp = unigrams(word)
                            lp = unigram_penalty + (unknown if lp is None else lp)
                    if pairs:
                        lp += pairs.get(state_base | word, 0.0)
                    row[word] = lp
                total = score + lp + bonus
                state = state_base | word
                best = get(state)
                if best is None or best[0] < total:
                    expanded[state] = (total, back, index)
                    if total > top:
                        top = total
        hypotheses = _pruned(expanded, beam, top - margin)
    _, (_, node, chosen) = max(hypotheses.items(), key=lambda item: item[1][0] + _end_score(item[0], score_of))
    choices: list[int] = []
    while chosen is not None:
        choices.append(chosen)
        node, chosen = node  # type: ignore[misc]
    return choices[::-1]


def _end_score(history: int, score_of) -> float:
    """log10 p(``</s>``) after a :func:`_decode_trigram` hypothesis."""
    return score_of(BOS, 1, EOS) if history == _START else score_of(history, 2, EOS)


def _close_trigram(hypotheses, score_of):
    """:func:`_close` for :func:`_decode_trigram`'s hypotheses."""
    best_score, best_path, best_index = -math.inf, None, None
    for history, (score, path, index) in hypotheses.items():
        total = score + _end_score(history, score_of)
        if total > best_score:
            best_score, best_path, best_index = total, path, index
    return {_START: (best_score, best_path, best_index)}


def redecode(
    positions: Sequence[Sequence[Candidate]],
    choices: Sequence[int],
    changed: Iterable[int],
    lm: NgramModel,
    channel_weight: float,
    beam: int,
    restarts: frozenset[int] = frozenset(),
    margin: float = math.inf,
) -> list[int]:
    """:func:`decode` again after the candidates at ``changed`` positions changed, paragraph by paragraph.

    A paragraph starts from ``<s>`` and the best path through it carries on
    whatever follows, so only the paragraphs holding a changed position can
    read differently: those are decoded again, the others keep ``choices``.
    """
    bounds = sorted({0, len(positions), *(r for r in restarts if 0 < r < len(positions))})
    out = list(choices)
    paragraphs = {bisect.bisect_right(bounds, i) - 1 for i in changed}
    for paragraph in sorted(paragraphs):
        start, end = bounds[paragraph], bounds[paragraph + 1]
        out[start:end] = decode(positions[start:end], lm, channel_weight, beam, margin=margin)
    return out


def _pruned(expanded: dict[int, tuple[Any, ...]], beam: int, floor: float) -> dict[int, tuple[Any, ...]]:
    """The ``beam`` best hypotheses, none scoring below ``floor`` (either decoder's)."""
    if len(expanded) > beam:
        return {
            key: value for key, value in sorted(expanded.items(), key=_score, reverse=True)[:beam] if value[0] >= floor
        }
    if len(expanded) > 1:
        return {key: value for key, value in expanded.items() if value[0] >= floor}
    return expanded


def _score(item: tuple[int, tuple[Any, ...]]) -> float:
    """A hypothesis's score (the first of its values, in either decoder)."""
    return item[1][0]


def _close(hypotheses, score_of):
    """End the paragraph (``</s>``) and start the next from ``<s>``: the best path so far carries on."""
    best_score, best_back = -math.inf, None
    for key, (score, back) in hypotheses.items():
        total = score + score_of(key >> 3, key & 7, EOS)
        if total > best_score:
            best_score, best_back = total, back
    return {(BOS << 3) | 1: (best_score, best_back)}


def posteriors(
    positions: Sequence[Sequence[Candidate]],
    choices: Sequence[int],
    lm: NgramModel,
    channel_weight: float,
    at: int,
    restarts: frozenset[int] = frozenset(),
) -> list[float]:
    """P(candidate | the chosen reading on both sides) at position ``at``: how sure the choice is.

    Every n-gram the candidate is in counts, as the decoder counts it: a
    paragraph (see ``restarts``) opens with ``<s>`` and closes with ``</s>``,
    so a decoding that no single change can better chooses at each position
    the candidate with the highest posterior.
    """
    if lm.order == 3:
        return _trigram_posteriors(positions, choices, lm, channel_weight, at, restarts)
    context = max(lm.order - 1, 1)
    left: list[int] = []
    j = at
    while len(left) < context:
        if j == 0 or j in restarts:
            left.insert(0, BOS)
            break
        j -= 1
        left.insert(0, positions[j][choices[j]].lm_id)
    right: list[int] = []
    j = at + 1
    while len(right) < context:
        if j == len(positions) or j in restarts:
            right.append(EOS)
            break
        right.append(positions[j][choices[j]].lm_id)
        j += 1
    score_of = lm.cached_logprob
    head, head_length = pack(left), len(left)
    scores = []
    for candidate in positions[at]:
        history = [*left, candidate.lm_id]
        total = score_of(head, head_length, candidate.lm_id) + candidate.bonus + channel_weight * candidate.channel
        for word in right:
            history = history[-context:]
            total += score_of(pack(history), len(history), word)
            history.append(word)
        scores.append(total)
    return _normalised(scores)


_NO_ROW: dict[int, float] = {}


def _trigram_posteriors(
    positions: Sequence[Sequence[Candidate]],
    choices: Sequence[int],
    lm: NgramModel,
    channel_weight: float,
    at: int,
    restarts: frozenset[int],
) -> list[float]:
    """:func:`posteriors` for a trigram model, the same sums (the document's consistency asks it of thousands of
    words): scores come from the rows the decoder filled, and nothing is packed."""
    count = len(positions)
    if at == 0 or at in restarts:
        last, head_key, head_length = BOS, BOS, 1
    else:
        last = positions[at - 1][choices[at - 1]].lm_id
        before = BOS if at - 1 == 0 or at - 1 in restarts else positions[at - 2][choices[at - 2]].lm_id
        head_key, head_length = (before << ID_BITS) | last, 2
    if at + 1 == count or at + 1 in restarts:
        follows, then = EOS, None
    else:
        follows = positions[at + 1][choices[at + 1]].lm_id
        then = EOS if at + 2 == count or at + 2 in restarts else positions[at + 2][choices[at + 2]].lm_id
    score_of, rows, after = lm.cached_logprob, lm.rows, last << ID_BITS
    head_row = rows.get(head_key, _NO_ROW) if head_length == 2 else _NO_ROW
    scores = []
    for candidate in positions[at]:
        word = candidate.lm_id
        lp = head_row.get(word)
        if lp is None:
            lp = score_of(head_key, head_length, word)
        total = lp + (candidate.unknown + candidate.prior) + channel_weight * candidate.channel
        lp = rows.get(after | word, _NO_ROW).get(follows)
        total += score_of(after | word, 2, follows) if lp is None else lp
        if then is not None:
            ahead = (word << ID_BITS) | follows
            lp = rows.get(ahead, _NO_ROW).get(then)
            total += score_of(ahead, 2, then) if lp is None else lp
        scores.append(total)
    return _normalised(scores)


def _normalised(scores: list[float]) -> list[float]:
    """Probabilities from log10 scores."""
    peak = max(scores)
    weights = [10 ** (s - peak) for s in scores]
    norm = sum(weights)
    return [w / norm for w in weights]
