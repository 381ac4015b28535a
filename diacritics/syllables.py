"""The Vietnamese syllable inventory: every spelling a restored token may take.

Viet74K (the word list underthesea ships) gives the standard syllables; the
training laws add the ones dictionaries leave out. Candidates for a damaged
token are looked up by their folded form (no marks, lower case) with a
symmetric-delete index, so "ctia" finds "của" and "s6" finds "số" without
comparing against all 7,000 syllables.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from itertools import combinations
from pathlib import Path

from khplan.diacritics.orthography import fold, normalize_tone_placement
from khplan.diacritics.tokens import is_syllable_shape


def normalize_syllable(word: str) -> str:
    """NFC, lower case, modern tone placement: the one spelling models and lookups use."""
    return normalize_tone_placement(unicodedata.normalize("NFC", word)).lower()


def _viet74k_path() -> Path:
    """The word list's file, found without importing underthesea (which takes a second)."""
    spec = find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("underthesea is not installed: its Viet74K word list is needed")
    return Path(next(iter(spec.submodule_search_locations))) / "corpus" / "data" / "Viet74K.txt"


def viet74k_syllables() -> set[str]:
    """The syllables of underthesea's Viet74K word list."""
    text = _viet74k_path().read_text(encoding="utf-8")
    out = set()
    for line in text.splitlines():
        for word in line.split():
            word = normalize_syllable(word)
            if is_syllable_shape(word):
                out.add(word)
    return out


@cache
def dictionary_pairs() -> frozenset[tuple[str, str]]:
    """The two-syllable words of underthesea's Viet74K word list, each syllable normalised ("lứa tuổi", "thư
    viện"): pairs that go together, whether or not a corpus printed them."""
    text = _viet74k_path().read_text(encoding="utf-8")
    pairs = set()
    for line in text.splitlines():
        words = line.split()
        if len(words) == 2 and all(map(is_syllable_shape, words)):
            pairs.add((normalize_syllable(words[0]), normalize_syllable(words[1])))
    return frozenset(pairs)


def _deletes(form: str, depth: int) -> set[str]:
    out = {form}
    for n in range(1, min(depth, len(form)) + 1):
        for drop in combinations(range(len(form)), n):
            out.add("".join(c for i, c in enumerate(form) if i not in drop))
    return out


class SyllableIndex:
    """Syllables grouped by folded form, with a symmetric-delete index over the forms."""

    MAX_DELETES = 2

    def __init__(self, syllables: Iterable[str]) -> None:
        self.by_form: dict[str, list[str]] = defaultdict(list)
        for syllable in sorted(set(syllables)):
            self.by_form[fold(syllable)].append(syllable)
        self._deleted: dict[str, set[str]] = defaultdict(set)
        for form in self.by_form:
            for variant in _deletes(form, self.MAX_DELETES):
                self._deleted[variant].add(form)

    def __contains__(self, syllable: str) -> bool:
        return syllable in self.by_form.get(fold(syllable), ())

    def forms_near(self, observed: str, max_distance: int) -> set[str]:
        """Folded forms within ``max_distance`` edits (substitution = one delete on each side) of ``observed``."""
        found: set[str] = set()
        for variant in _deletes(observed, max_distance):
            found |= self._deleted.get(variant, set())
        return found

    def spellings(self, form: str) -> list[str]:
        return self.by_form.get(form, [])


@cache
def default_syllables() -> frozenset[str]:
    """Viet74K's syllables: the inventory when no trained model says otherwise."""
    return frozenset(viet74k_syllables())
