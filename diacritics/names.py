"""Where a name stands, which spellings names take: the restorer's prior for people and administrative units.

The language model knows the laws' words; it knows few of the names plans are
full of, and without marks ``Cuong`` is ``Cường`` or ``Cương``, ``Ngai`` is
``Ngãi`` or ``Ngài``. Where the context says a name stands, the spellings that
names take are preferred:

- a **person's name**: capitalised words after ``đồng chí``, ``ông``, ``bà``,
  and a signature line (two to four capitalised words on a line of their own,
  the first a family name); the first word is scored as a family name, the
  others as middle or given names (:mod:`diacritics.name_lists`);
- an **administrative unit**: capitalised words after ``tỉnh``, ``huyện``,
  ``xã``, ``phường``, ``thị trấn`` …, and before ``, ngày`` on a place-date
  line, matched against every unit before and after the 2025 merger, read from
  the ``vietnamadminunits`` package's own data.

The prior is a log10 bonus per (position, spelling), relative to the best
name spelling among a position's candidates, so it only reorders the spellings
the channel already proposes: a word no candidate of which is a name is left
to the language model.
"""

from __future__ import annotations

import importlib.util
import math
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from khplan.diacritics.name_lists import FAMILY, GIVEN, MIDDLE, PERSON_TRIGGERS
from khplan.diacritics.syllables import normalize_syllable

UNIT_KINDS: tuple[tuple[str, ...], ...] = (
    ("tỉnh",),
    ("thành", "phố"),
    ("huyện",),
    ("quận",),
    ("thị", "xã"),
    ("xã",),
    ("phường",),
    ("thị", "trấn"),
    ("đặc", "khu"),
)
"""Words a unit's name follows (lower case, normal spelling)."""
MAX_NAME = 4
"""Longest personal name, and longest place of a place-date line, in syllables."""
_TAG = re.compile(r"\s*\([^)]*\)\s*$")
NAME_FLOOR = 1e-3
"""Relative weight of a spelling that is no name, against the commonest name spelling at the position."""


class Slot(NamedTuple):
    """One token of a line as the lattice sees it: for a word, its position and candidate spellings (lower case).

    A named tuple, not a dataclass: the restorer makes one per token, and a tuple is made three times faster.
    """

    text: str
    position: int | None = None
    """The word's lattice position; None for a token that is no word (punctuation, a number, a code)."""
    spellings: tuple[str, ...] = ()

    @property
    def capitalised(self) -> bool:
        return self.position is not None and is_capitalised(self.text)


Priors = dict[int, dict[str, float]]
"""Position -> spelling -> log10 bonus (0 for the preferred spellings, negative for the others)."""


class NamePrior:
    """Finds name slots in a line's lattice and says which spellings a name there takes."""

    def __init__(self, units: Iterable[tuple[str, ...]], person_weight: float = 1.0, unit_weight: float = 2.0) -> None:
        self.units: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for name in set(units):
            self.units[name[0]].append(name)
        self.person_weight = person_weight
        self.unit_weight = unit_weight
        self.family = _relative(FAMILY)
        self.given = _relative({**MIDDLE, **{k: max(v, MIDDLE.get(k, 0)) for k, v in GIVEN.items()}})
        self.last = _relative(GIVEN)

    def priors(self, slots: Sequence[Slot]) -> Priors:
        """Bonuses for the words of one line, given as the slots of all its tokens."""
        out: Priors = {}
        n = len(slots)
        i = 0
        while i < n:
            if slots[i].position is None or not _capitalised(slots, i + 1):
                i += 1
                continue
            kind = _ends_with(slots, i, UNIT_KINDS)
            person = _ends_with(slots, i, PERSON_TRIGGERS)
            if kind:
                end = self._unit(slots, i + 1, out)
                if slots[i + 1].position in out:  # a unit was found: the word before it is its kind
                    self._trigger(slots, i, kind, self.unit_weight, out)
                    end = self._listed_units(slots, end, out)
                i = end
                continue
            if person:
                end = self._person(slots, i + 1, _capitalised_run(slots, i + 1), out)
                if slots[i + 1].position in out:
                    self._trigger(slots, i, person, self.person_weight, out)
                i = end
                continue
            i += 1
        if self._place_line(slots):
            self._unit(slots, 0, out)
        if (start := self.signature_start(slots)) is not None:
            self._person(slots, start, len(slots), out)
        return out

    def _listed_units(self, slots: Sequence[Slot], end: int, out: Priors) -> int:
        """Units listed after the first under one kind (``quận Hải Châu, Thanh Khê và Cẩm Lệ``); the index after."""
        while (
            end + 1 < len(slots)
            and (slots[end].text == "," or "và" in slots[end].spellings)
            and _capitalised(slots, end + 1)
        ):
            after = self._unit(slots, end + 1, out)
            if slots[end + 1].position not in out:
                break
            end = after
        return end

    @staticmethod
    def _trigger(slots: Sequence[Slot], end: int, phrase: tuple[str, ...], weight: float, out: Priors) -> None:
        """The words before a name read as the phrase that announces it ("tỉnh", "đồng chí", "ông")."""
        for k, word in enumerate(phrase):
            slot = slots[end - len(phrase) + 1 + k]
            if slot.position is not None and slot.position not in out:
                out[slot.position] = {s: 0.0 if s == word else -weight for s in slot.spellings}

    def _unit(self, slots: Sequence[Slot], start: int, out: Priors) -> int:
        """Bonus the spellings of the longest unit names matching from ``start``; the index after them."""
        best_end, matches = start + 1, []
        first = slots[start]
        for spelling in first.spellings:
            for name in self.units.get(spelling, ()):
                end = start + len(name)
                if end <= len(slots) and all(word in slots[start + k].spellings for k, word in enumerate(name)):
                    matches.append(name)
                    best_end = max(best_end, end)
        longest = [m for m in matches if start + len(m) == best_end]
        if not longest:
            return start + 1
        for k in range(best_end - start):
            slot = slots[start + k]
            assert slot.position is not None
            chosen = {name[k] for name in longest}
            out[slot.position] = {s: 0.0 if s in chosen else -self.unit_weight for s in slot.spellings}
        return best_end

    def _person(self, slots: Sequence[Slot], start: int, end: int, out: Priors) -> int:
        end = min(end, start + MAX_NAME)
        for k in range(start, end):
            slot = slots[k]
            if slot.position is None:
                break
            table = self.family if k == start else self.last if k == end - 1 else self.given
            weights = [table.get(s, NAME_FLOOR) for s in slot.spellings]
            if not weights or (peak := max(weights)) <= NAME_FLOOR:
                continue  # no spelling to weigh (a word no syllable reaches), or none a name's
            out[slot.position] = {
                s: self.person_weight * _log10(w / peak) for s, w in zip(slot.spellings, weights, strict=True)
            }
        return end

    @staticmethod
    def _place_line(slots: Sequence[Slot]) -> bool:
        """``Quảng Ngãi, ngày …``: capitalised words, a comma, then ``ngày``: the words name a place."""
        end = _capitalised_run(slots, 0)
        return (
            0 < end <= MAX_NAME
            and end + 1 < len(slots)
            and slots[end].text == ","
            and "ngày" in slots[end + 1].spellings
        )

    def signature_start(self, slots: Sequence[Slot]) -> int | None:
        """Where who signed begins: two to four capitalised words alone on a line, the first a family name,
        after at most one speck of the signature OCR read as a short word in small letters (``bk Cao Tuong Huy``)."""
        start = 1 if slots and len(slots[0].text) <= 2 and not slots[0].capitalised else 0
        name = slots[start:]
        if (
            2 <= len(name) <= MAX_NAME
            and all(s.capitalised for s in name)
            and any(sp in self.family for sp in name[0].spellings)
        ):
            return start
        return None


def _relative(table: dict[str, float]) -> dict[str, float]:
    peak = max(table.values())
    return {normalize_syllable(k): v / peak for k, v in table.items()}


def _log10(x: float) -> float:
    return math.log10(max(x, NAME_FLOOR))


def _ends_with(slots: Sequence[Slot], i: int, phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The trigger phrase that can be read ending at slot ``i``, if any."""
    if _last_words(phrases).isdisjoint(slots[i].spellings):  # most words end no trigger phrase
        return None
    for phrase in phrases:
        start = i - len(phrase) + 1
        if start < 0:
            continue
        if all(word in slots[start + k].spellings for k, word in enumerate(phrase)):
            return phrase
    return None


@cache
def _last_words(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """The words trigger phrases end with: a word that can be none of them ends no phrase."""
    return frozenset(phrase[-1] for phrase in phrases if phrase)


def _capitalised(slots: Sequence[Slot], i: int) -> bool:
    return i < len(slots) and slots[i].capitalised


def _capitalised_run(slots: Sequence[Slot], i: int) -> int:
    end = i
    while end < len(slots) and _capitalised(slots, end):
        end += 1
    return end


def _package_folder(name: str) -> Path:
    """Where an installed package lies, without importing it (``vietnamadminunits`` imports pandas: seconds)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def unit_names() -> frozenset[tuple[str, ...]]:
    """Every unit's short name as syllables (``("phù", "mỹ")``), before and after the 2025 merger.

    Read from the ``vietnamadminunits`` package's SQLite data directly (the
    extractors' gazetteer reads the same data; restoration sits below them).
    """
    path = _package_folder("vietnamadminunits") / "data" / "dataset.db"
    queries = (
        "select provinceShort, districtShort, wardShort from admin_units_legacy",
        "select provinceShort, null, wardShort from admin_units",
    )
    raw: set[str] = set()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        for query in queries:
            raw.update(name for row in db.execute(query) for name in row if name)
    # "Cai Lậy (Huyện)": the dataset's tag on a name two units share; "Phan Rang - Tháp Chàm": the dash is no word
    words_of = {n: _TAG.sub("", n).replace("-", " ").split() for n in raw if not any(c.isdigit() for c in n)}
    normal = {w: normalize_syllable(w) for words in words_of.values() for w in words}
    names = {tuple(normal[w] for w in words) for words in words_of.values() if words}
    names.add(("thừa", "thiên", "huế"))  # Huế before 2025, as documents of the time name it
    return frozenset(names)


@lru_cache(maxsize=100_000)
def is_capitalised(text: str) -> bool:
    """The word's first letter is a capital."""
    return next((c.isupper() for c in text if c.isalpha()), False)
