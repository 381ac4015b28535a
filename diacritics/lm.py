"""A syllable n-gram language model with interpolated modified Kneser–Ney smoothing.

Kneser–Ney (Chen & Goodman 1998) is what makes an n-gram model usable on
four million syllables: lower orders count in how many contexts a syllable
appears, not how often, so "Mỹ" after "Phù" is not drowned by "Mỹ" in
"Hoa Kỳ". Interpolated KN has an exact backoff form — a stored n-gram keeps
its interpolated probability, an unseen one gets its context's gamma times
the lower order — which is what :meth:`NgramModel.logprob` evaluates.

Keys pack up to four 16-bit syllable ids into one integer, so the model is a
handful of numpy arrays on disk and plain dicts in memory.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ID_BITS = 16
WORD_MASK = (1 << ID_BITS) - 1
"""The last id of a packed history."""
MAX_VOCAB = 1 << ID_BITS
MAX_ORDER = 4
UNK, BOS, EOS = 0, 1, 2
SPECIALS = ("<unk>", "<s>", "</s>")
MEMO_LIMIT = 2_000_000
"""Remembered n-gram scores before the memo is emptied (a few hundred MB at most)."""
ROWS_LIMIT = 250_000
"""Histories whose scores :attr:`NgramModel.rows` remembers before it is emptied: some eight words each on
running text, so about as many scores as :data:`MEMO_LIMIT`."""


def pack(ids: Sequence[int]) -> int:
    """One integer for an n-gram of ids: the first id in the highest bits."""
    key = 0
    for i in ids:
        key = (key << ID_BITS) | i
    return key


@dataclass
class NgramModel:
    """log10 probabilities of stored n-grams and log10 backoff weights of contexts, per order."""

    order: int
    logprob_tables: list[dict[int, float]]
    """Index k-1 holds the k-grams: packed key -> log10 p(w | h)."""
    backoff_tables: list[dict[int, float]]
    """Index k-1 holds contexts of length k: packed key -> log10 gamma(h)."""
    unseen_context: float = 0.0
    """log10 price of backing off from a history the corpus never saw (0: the plain backoff model, which scores
    a word after an unseen history as after its shorter one, and so prefers a reading no text had to one the
    corpus saw in other company: "tính Tây Bắc" over "tỉnh Tây Bắc"). Set from the decoder settings."""
    pair_bonus: dict[int, float] = field(default_factory=dict, repr=False, compare=False)
    """log10 bonus of a word after the word before it, by the packed pair: the two syllables of a dictionary
    word ("lứa tuổi", "học đường"), which a corpus of laws and plans may never have printed together. Set from the
    decoder settings; empty: the plain model."""
    memo: dict[int, float] = field(default_factory=dict, repr=False, compare=False)
    rows: dict[int, dict[int, float]] = field(default_factory=dict, repr=False, compare=False)
    """Two-word history (packed) -> word -> :meth:`logprob`: the trigram decoder's memo (small-int keys)."""

    def logprob(self, history: Sequence[int], word: int) -> float:
        """log10 p(word | history), backing off through shorter histories."""
        history = tuple(history[-(self.order - 1) :]) if self.order > 1 else ()
        bonus = self.pair_bonus.get((history[-1] << ID_BITS) | word, 0.0) if history and self.pair_bonus else 0.0
        penalty = 0.0
        while True:
            n = len(history)
            value = self.logprob_tables[n].get(pack((*history, word)))
            if value is not None:
                return penalty + value + bonus
            if n == 0:
                return penalty + self.logprob_tables[0][UNK] + bonus
            penalty += self.backoff_tables[n - 1].get(pack(history), self.unseen_context)
            history = history[1:]

    def packed_logprob(self, history: int, length: int, word: int) -> float:
        """:meth:`logprob` for a history already packed (``length`` ids): the decoder's inner loop."""
        tables, backoffs = self.logprob_tables, self.backoff_tables
        penalty = 0.0
        bonus = (
            self.pair_bonus.get(((history & WORD_MASK) << ID_BITS) | word, 0.0) if length and self.pair_bonus else 0.0
        )
        while True:
            value = tables[length].get((history << ID_BITS) | word)
            if value is not None:
                return penalty + value + bonus
            if length == 0:
                return penalty + tables[0][UNK] + bonus
            penalty += backoffs[length - 1].get(history, self.unseen_context)
            length -= 1
            history &= (1 << (ID_BITS * length)) - 1

    def cached_logprob(self, history: int, length: int, word: int) -> float:
        """:meth:`packed_logprob`, remembered: running text asks for the same n-grams over and over.

        A trigram model's two-word histories are remembered in :attr:`rows`, where the decoder looks.
        """
        if length == 2 and self.order == 3:
            row = self.rows.get(history)
            if row is None:
                if len(self.rows) >= ROWS_LIMIT:
                    self.rows.clear()
                row = self.rows[history] = {}
            value = row.get(word)
            if value is None:
                value = row[word] = self.packed_logprob(history, length, word)
            return value
        key = (((history << ID_BITS) | word) << 3) | length
        value = self.memo.get(key)
        if value is None:
            if len(self.memo) >= MEMO_LIMIT:
                self.memo.clear()
            value = self.memo[key] = self.packed_logprob(history, length, word)
        return value

    def sentence_logprob(self, ids: Sequence[int]) -> float:
        """log10 p of a whole sentence, with ``<s>`` and ``</s>`` around it."""
        padded = [BOS, *ids, EOS]
        return sum(self.logprob(padded[max(0, i - self.order + 1) : i], padded[i]) for i in range(1, len(padded)))

    # -- storage -----------------------------------------------------------------

    def save(self, path: Path) -> None:
        arrays: dict[str, Any] = {"order": np.array(self.order)}
        for k, table in enumerate(self.logprob_tables, start=1):
            keys = np.fromiter(table.keys(), dtype=np.uint64, count=len(table))
            values = np.fromiter(table.values(), dtype=np.float32, count=len(table))
            arrays[f"p{k}_keys"], arrays[f"p{k}_values"] = keys, values.astype(np.float16)
        for k, table in enumerate(self.backoff_tables, start=1):
            keys = np.fromiter(table.keys(), dtype=np.uint64, count=len(table))
            values = np.fromiter(table.values(), dtype=np.float32, count=len(table))
            arrays[f"b{k}_keys"], arrays[f"b{k}_values"] = keys, values.astype(np.float16)
        np.savez_compressed(path, **arrays)

    @classmethod
    def from_arrays(cls, arrays) -> NgramModel:
        order = int(arrays["order"])

        def table(prefix: str, k: int) -> dict[int, float]:
            keys, values = arrays[f"{prefix}{k}_keys"], arrays[f"{prefix}{k}_values"]
            return dict(zip(keys.tolist(), values.astype(np.float32).tolist(), strict=False))

        return cls(
            order,
            [table("p", k) for k in range(1, order + 1)],
            [table("b", k) for k in range(1, order)],
        )


def _discounts(counts: Counter) -> tuple[float, float, float]:
    """Modified KN discounts D1, D2, D3+ from the count-of-counts (Chen & Goodman's estimates)."""
    n = Counter(min(c, 4) for c in counts.values())
    n1, n2, n3, n4 = (max(n[i], 1) for i in (1, 2, 3, 4))
    y = n1 / (n1 + 2 * n2)
    d1 = max(0.1, 1 - 2 * y * n2 / n1)
    d2 = max(0.1, 2 - 3 * y * n3 / n2)
    d3 = max(0.1, 3 - 4 * y * n4 / n3)
    return d1, d2, d3


def count_ngrams(sentences: Iterable[Sequence[int]], order: int) -> list[Counter]:
    """Raw counts of every 1..order-gram, sentences padded with ``<s>`` and ``</s>``."""
    raw: list[Counter] = [Counter() for _ in range(order)]
    for sentence in sentences:
        padded = (BOS, *sentence, EOS)
        for i in range(1, len(padded)):
            for n in range(1, min(order, i + 1) + 1):
                raw[n - 1][padded[i - n + 1 : i + 1]] += 1
    return raw


def adjust_counts(raw: list[Counter]) -> list[Counter]:
    """KN's counts: raw at the top order and for n-grams that start with ``<s>``;
    below, the number of distinct words seen to the left (continuation counts)."""
    order = len(raw)
    adjusted: list[Counter] = [Counter() for _ in range(order)]
    adjusted[order - 1] = raw[order - 1]
    for n in range(order - 1, 0, -1):
        table = adjusted[n - 1]
        for gram in raw[n]:
            table[gram[1:]] += 1
        for gram, count in raw[n - 1].items():
            if gram[0] == BOS:
                table[gram] = count
    return adjusted


def train_kneser_ney(
    sentences: Iterable[Sequence[int]],
    vocab_size: int,
    order: int = 3,
    prune_singletons_from: int = 3,
) -> NgramModel:
    """Estimate an interpolated modified KN model from id sentences (see :func:`estimate_kneser_ney`)."""
    if not 1 <= order <= MAX_ORDER:
        raise ValueError(f"order must be 1..{MAX_ORDER}")
    return estimate_kneser_ney(count_ngrams(sentences, order), vocab_size, prune_singletons_from)


def merge_counts(parts: Iterable[tuple[list[Counter], int]]) -> list[Counter]:
    """Raw counts of several corpora, each multiplied by its weight: how domain text is weighed against laws."""
    merged: list[Counter] | None = None
    for counts, weight in parts:
        if merged is None:
            merged = [Counter() for _ in counts]
        for table, part in zip(merged, counts, strict=True):
            for gram, count in part.items():
                table[gram] += weight * count
    return merged or []


def estimate_kneser_ney(raw: list[Counter], vocab_size: int, prune_singletons_from: int = 3) -> NgramModel:
    """An interpolated modified KN model from raw n-gram counts (:func:`count_ngrams`, :func:`merge_counts`).

    N-grams of order >= ``prune_singletons_from`` seen once are dropped from
    the stored tables after estimation (their mass stays with the backoff),
    which shrinks the model by more than half for a small loss.
    """
    order = len(raw)
    if not 1 <= order <= MAX_ORDER:
        raise ValueError(f"order must be 1..{MAX_ORDER}")
    if vocab_size > MAX_VOCAB:
        raise ValueError(f"vocabulary of {vocab_size} exceeds {MAX_VOCAB}")
    adjusted = adjust_counts(raw)
    logprob_tables: list[dict[int, float]] = []
    backoff_tables: list[dict[int, float]] = []
    lower: dict[tuple, float] = {}
    for n in range(1, order + 1):
        counts = adjusted[n - 1]
        d1, d2, d3 = _discounts(counts)
        totals: dict[tuple, float] = defaultdict(float)
        kinds: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
        for gram, count in counts.items():
            totals[gram[:-1]] += count
            kinds[gram[:-1]][min(count, 3) - 1] += 1
        gammas = {h: (d1 * k[0] + d2 * k[1] + d3 * k[2]) / totals[h] for h, k in kinds.items()}
        probs: dict[tuple, float] = {}
        for gram, count in counts.items():
            discount = d1 if count == 1 else d2 if count == 2 else d3
            # Every suffix of a seen n-gram is seen one order down (it has a left extension).
            below = 1.0 / vocab_size if n == 1 else lower[gram[1:]]
            probs[gram] = max(count - discount, 0.0) / totals[gram[:-1]] + gammas[gram[:-1]] * below
        if n == 1:  # syllables never seen still get gamma(empty) times uniform
            floor = gammas[()] / vocab_size
            for w in range(vocab_size):
                probs.setdefault((w,), floor)
        prune = n >= prune_singletons_from
        logprob_tables.append(
            {pack(g): math.log10(p) for g, p in probs.items() if not (prune and raw[n - 1].get(g, 0) <= 1)}
        )
        if n > 1:
            backoff_tables.append({pack(h): math.log10(g) for h, g in gammas.items() if g > 0})
        lower = probs
    return NgramModel(order, logprob_tables, backoff_tables)
