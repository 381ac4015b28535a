"""Syllable accuracy: the one measure every restoration and OCR benchmark reports.

Both sides are NFC, lower case, with tone placement unified (``hoà`` = ``hòa``)
and ``hằng`` counted as ``hàng`` (both are standard and legacy OCR cannot tell
them apart), cut into letter/digit runs; accuracy is
``1 - token edit distance / gold tokens``.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

from khplan.diacritics.orthography import normalize_tone_placement

_RUN = re.compile(r"[^\W_]+")
_EQUIVALENT = {"hằng": "hàng"}


def syllable_tokens(text: str) -> list[str]:
    """The comparable tokens of a text."""
    text = normalize_tone_placement(unicodedata.normalize("NFC", text)).lower()
    return [_EQUIVALENT.get(t, t) for t in _RUN.findall(text)]


def syllable_errors(predicted: str, gold: str) -> tuple[int, int]:
    """(token edit distance, number of gold tokens)."""
    gold_tokens = syllable_tokens(gold)
    return Levenshtein.distance(syllable_tokens(predicted), gold_tokens), len(gold_tokens)


def syllable_accuracy(predicted: str, gold: str) -> float:
    """``1 - edit distance / gold tokens``, floored at 0.

    >>> syllable_accuracy("Ủy ban nhân dân hoà", "ỦY BAN NHÂN DÂN HÒA")
    1.0
    """
    errors, total = syllable_errors(predicted, gold)
    return max(0.0, 1.0 - errors / total) if total else float(not syllable_tokens(predicted))
