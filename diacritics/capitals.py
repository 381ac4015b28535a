"""A capital letter in the middle of a sentence is evidence of which word was written.

Stripping the marks (or an engine without Vietnamese) keeps the case: ``Dang``
inside a sentence is ``Đảng`` far more often than ``đang``, ``So`` is ``Sở``
rather than ``số``, ``Van`` is a name's ``Văn`` rather than ``vận``; a
lower-case ``dang`` is the other way round. The word before a capital tells as much:
``tinh`` before ``Tây Bắc`` is ``tỉnh`` (``tính`` is never followed by a
capital), ``phuong`` before ``Tân Định`` is ``phường``, not ``phương``. The
language model reads lower-case symbols and sees neither. This module counts,
in the real text the model is trained on, how often each syllable is
capitalised where a sentence goes on and how often the word after it is, and
turns the counts into log10 likelihoods of the case the input shows.

Only a word that goes on a sentence on a line in sentence case tells anything:
not a line's first word (a sentence or an item may begin there), not a word
after a full stop, colon, quote or bracket, not a line mostly in capitals (a
heading), not a word in capitals.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from khplan.diacritics.syllables import normalize_syllable
from khplan.diacritics.tokens import Kind, Token, line_tokens

_SENTENCE_BREAK = frozenset('.!?:;"“”«»()[]-–—+*•')
"""Punctuation after which a word may begin a sentence, a quotation, an aside or an item, or go on a name
(``Thi đua - Khen thưởng``): its case tells nothing."""


def mid_sentence_case(tokens: tuple[Token, ...]) -> dict[int, bool]:
    """Index of each word of a line that goes on a sentence -> whether it is capitalised.

    Empty for a line mostly in capitals (a heading, a name block).
    """
    out = {}
    words = capitals = 0
    word, punct = Kind.word, Kind.punct
    for n, token in enumerate(tokens):
        if token.kind is not word:
            continue
        text = token.text
        words += 1
        if text.isupper():
            capitals += 1
            if len(text) > 1:
                continue
        if n:
            previous = tokens[n - 1]
            if previous.kind is not punct or _SENTENCE_BREAK.isdisjoint(previous.text):
                out[n] = text[0].isupper()
    return {} if 2 * capitals > words else out


@dataclass
class CapitalCounts:
    """Per syllable (normal spelling), where a sentence goes on: how often it is capitalised and how often it
    stands there; how often the word after it is capitalised and how often a word goes on after it."""

    capitalised: Counter[str] = field(default_factory=Counter)
    seen: Counter[str] = field(default_factory=Counter)
    before_capital: Counter[str] = field(default_factory=Counter)
    before: Counter[str] = field(default_factory=Counter)

    def add(self, other: CapitalCounts, weight: int = 1) -> None:
        for mine, theirs in zip(self.tables(), other.tables(), strict=True):
            for word, n in theirs.items():
                mine[word] += weight * n

    def tables(self) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str]]:
        return self.capitalised, self.seen, self.before_capital, self.before


def count_capitals(lines: Iterable[str]) -> CapitalCounts:
    counts = CapitalCounts()
    for line in lines:
        tokens = line_tokens(line)
        for n, upper in mid_sentence_case(tokens).items():
            syllable = normalize_syllable(tokens[n].text)
            counts.seen[syllable] += 1
            if upper:
                counts.capitalised[syllable] += 1
            previous = tokens[n - 1]
            if previous.kind is Kind.word:
                word = normalize_syllable(previous.text)
                counts.before[word] += 1
                if upper:
                    counts.before_capital[word] += 1
    return counts


@dataclass
class _Rate:
    """log10 P(yes | word) and P(no | word) from counts, each word's rate drawn toward the overall one."""

    yes: dict[str, int]
    total: dict[str, int]
    smoothing: float
    memo: dict[tuple[str, bool], float] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        total = sum(self.total.values())
        self.rate = sum(self.yes.values()) / total if total else 0.0

    def logprob(self, word: str, yes: bool) -> float:
        key = (word, yes)
        value = self.memo.get(key)
        if value is None:
            p = (self.yes.get(word, 0) + self.smoothing * self.rate) / (self.total.get(word, 0) + self.smoothing)
            value = self.memo[key] = math.log10(p if yes else 1.0 - p) if 0.0 < p < 1.0 else 0.0
        return value


@dataclass
class CaseModel:
    """log10 P(the case printed | the word): of the word itself, and of the word after it."""

    counts: CapitalCounts
    smoothing: float
    """Occurrences' worth of the overall rate each word's own rate is drawn toward (a word seen twice says little):
    :attr:`DecoderSettings.case_smoothing`."""

    def __post_init__(self) -> None:
        c = self.counts
        self._own = _Rate(c.capitalised, c.seen, self.smoothing)
        self._next = _Rate(c.before_capital, c.before, self.smoothing)

    def logprob(self, syllable: str, upper: bool) -> float:
        """log10 P(``syllable`` printed capitalised, or not, where a sentence goes on)."""
        return self._own.logprob(syllable, upper)

    def next_logprob(self, syllable: str, upper: bool) -> float:
        """log10 P(the word going on the sentence after ``syllable`` printed capitalised, or not)."""
        return self._next.logprob(syllable, upper)
