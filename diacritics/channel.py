"""The OCR channel: how likely an engine is to print ``observed`` where the page said ``gold``.

A stochastic edit model over characters (Ristad & Yianilos 1998, with
one-to-many emissions): each gold character emits zero, one or two observed
characters ("ủ" -> "ti" in "ctia", "ố" -> "6" in "S6", "đ" -> "", "Đ" -> "P"),
and observed characters may be inserted between them. Its parameters are
estimated by EM from (gold token, OCR token) pairs of rendered scans. Gold
characters share statistics with the others on the same base letter
("ồ" learns from "ố", "ộ", "ô"), so a tone rarely seen still gets the
confusions of its letter.

Accent stripping is the simplest channel of all (every letter emits its base
letter); :func:`stripping_channel` builds it without data.
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from khplan.diacritics.orthography import strip_diacritics

TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
MAX_EMISSION = 2
"""Longest observed string one gold character may turn into."""
UNSEEN_SINGLE = 1e-5
"""Default probability floor of a one-character emission never seen in training."""
UNSEEN_DOUBLE = 1e-7
UNSEEN_DELETE = 1e-3
ADAPT_STRENGTH = 40.0
"""Pseudo-observations of the trained channel a document's own evidence is weighed against."""
BASE_PRIOR = 2.0
"""Pseudo-counts pulling a gold character's emissions toward its base letter's."""


def _base(char: str) -> str:
    return strip_diacritics(char).lower()


def _toneless(char: str) -> str:
    """The letter without its tone mark: "ố" -> "ô", "ợ" -> "ơ", "đ" -> "đ"."""
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", char) if c not in TONES))


@dataclass
class Channel:
    """Emission and insertion probabilities of one OCR engine (or of accent stripping)."""

    name: str
    emissions: dict[str, dict[str, float]] = field(default_factory=dict)
    """gold char -> observed string (length 0..2) -> probability."""
    insert: float = 0.01
    """Probability of inserting an observed character at a gap."""
    inserted: dict[str, float] = field(default_factory=dict)
    """Distribution of inserted characters."""
    max_distance: int = 2
    """Folded edit distance within which candidates are looked up."""
    frequency: dict[str, float] = field(default_factory=dict)
    """How often each gold character was seen in training: weighs the letters of a base in :meth:`folded`."""
    unseen: tuple[float, float, float] = (UNSEEN_SINGLE, UNSEEN_DOUBLE, UNSEEN_DELETE)
    """Floors for emissions never seen: one character, two, none. An engine that reads Vietnamese
    (``vie``) almost never swaps consonants, so its floors sit far lower than legacy OCR's."""

    def emission(self, gold: str, observed: str) -> float:
        table = self.emissions.get(gold)
        if table is not None:
            p = table.get(observed)
            if p is not None:
                return p
        single, double, delete = self.unseen
        if not observed:
            return delete
        return single if len(observed) == 1 else double

    def probability(self, observed: str, gold: str) -> float:
        """P(observed | gold) summed over all alignments (forward algorithm)."""
        return self.scorer(observed).probability(gold)

    def logprob(self, observed: str, gold: str) -> float:
        """log10 P(observed | gold), both lower case NFC."""
        return self.scorer(observed).logprob(gold)

    def scorer(self, observed: str) -> ObservationScorer:
        """Scores many gold strings against one observation, sharing the work of common prefixes."""
        return ObservationScorer(self, observed)

    # -- estimation -------------------------------------------------------------

    def fit(self, pairs: Iterable[tuple[str, str, float]], iterations: int = 6) -> Channel:
        """EM on (gold, observed, weight) pairs, both lower case; returns self."""
        pairs = [(g, o, w) for g, o, w in pairs if g and len(o) <= 3 * len(g) + 2]
        for _ in range(iterations):
            counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
            insert_counts: dict[str, float] = defaultdict(float)
            gaps = 0.0
            for gold, observed, weight in pairs:
                gaps += self._expect(gold, observed, weight, counts, insert_counts)
            self._maximize(counts, insert_counts, gaps)
        return self

    def adapted(self, pairs: Iterable[tuple[str, str, float]], strength: float = ADAPT_STRENGTH) -> Channel:
        """This channel re-estimated on one document's own (reading, observed) pairs, with itself as the prior.

        The pages of one document went through one scanner and one engine: if
        its first reading shows "Đ" printed as "P" again and again, the second
        reading should expect it. Each letter's emissions move toward the
        document's counts in proportion to how often the letter occurs there
        (``strength`` pseudo-observations of the general channel hold them back).
        """
        counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        insert_counts: dict[str, float] = defaultdict(float)
        for gold, observed, weight in pairs:
            if gold and len(observed) <= 3 * len(gold) + 2:
                self._expect(gold, observed, weight, counts, insert_counts)
        emissions = {}
        for gold, table in self.emissions.items():
            own = counts.get(gold)
            if not own:
                emissions[gold] = table
                continue
            total = sum(own.values())
            merged: dict[str, float] = defaultdict(float)
            for observed, p in table.items():
                merged[observed] += strength * p
            for observed, c in own.items():
                merged[observed] += c
            emissions[gold] = {o: c / (strength + total) for o, c in merged.items()}
        return Channel(
            f"{self.name}+document",
            emissions,
            self.insert,
            self.inserted,
            self.max_distance,
            self.frequency,
            self.unseen,
        )

    def _edges(self, gold: str, observed: str) -> list[tuple[int, int, int, int, float, str | None, str]]:
        """The alignment lattice: (i, j) -> (i', j') with its probability, the gold letter (None: an
        insertion) and what was printed; in an order where every edge comes after those into its source."""
        n, m = len(gold), len(observed)
        keep = 1.0 - self.insert
        edges: list[tuple[int, int, int, int, float, str | None, str]] = []
        for i in range(n + 1):
            for j in range(m + 1):
                if j < m:
                    p = self.insert * self.inserted.get(observed[j], self.unseen[0])
                    edges.append((i, j, i, j + 1, p, None, observed[j]))
                if i < n:
                    for length in range(0, min(MAX_EMISSION, m - j) + 1):
                        printed = observed[j : j + length]
                        edges.append(
                            (i, j, i + 1, j + length, keep * self.emission(gold[i], printed), gold[i], printed)
                        )
        return edges

    def _expect(self, gold, observed, weight, counts, insert_counts) -> float:
        """Add the pair's expected edit counts (forward-backward); return its expected number of gaps."""
        n, m = len(gold), len(observed)
        edges = self._edges(gold, observed)
        forward = [[0.0] * (m + 1) for _ in range(n + 1)]
        forward[0][0] = 1.0
        for i, j, i2, j2, p, _, _ in edges:
            forward[i2][j2] += forward[i][j] * p
        keep = 1.0 - self.insert
        total = forward[n][m] * keep
        if total <= 0:
            return 0.0
        backward = [[0.0] * (m + 1) for _ in range(n + 1)]
        backward[n][m] = keep
        for i, j, i2, j2, p, _, _ in reversed(edges):
            backward[i][j] += p * backward[i2][j2]
        scale = weight / total
        inserts = 0.0
        for i, j, i2, j2, p, letter, printed in edges:
            c = forward[i][j] * p * backward[i2][j2] * scale
            if not c:
                continue
            if letter is None:
                insert_counts[printed] += c
                inserts += c
            else:
                counts[letter][printed] += c
        return weight * (n + 1) + inserts

    def _maximize(self, counts, insert_counts, gaps: float) -> None:
        """Re-estimate emissions, each letter smoothed toward its toneless letter, that toward its base letter."""
        pools: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for gold, printed in counts.items():
            for key in {_toneless(gold), _base(gold)}:
                for observed, c in printed.items():
                    pools[key][_shift(observed, gold)] += c

        def smoothed(own: dict[str, float], parent: dict[str, float] | None) -> dict[str, float]:
            merged: dict[str, float] = defaultdict(float, own)
            total = sum(own.values())
            if parent:
                for observed, p in parent.items():
                    merged[observed] += BASE_PRIOR * p
                total += BASE_PRIOR
            return {o: c / total for o, c in merged.items()} if total else {}

        emissions: dict[str, dict[str, float]] = {}
        for gold in set(counts) | set(VIETNAMESE_LETTERS):
            base = smoothed(pools.get(_base(gold), {}), None)
            toneless = smoothed(pools.get(_toneless(gold), {}), base) if _toneless(gold) != _base(gold) else base
            own: dict[str, float] = defaultdict(float)
            for observed, c in counts.get(gold, {}).items():
                own[_shift(observed, gold)] += c
            table: dict[str, float] = defaultdict(float)
            for shifted, p in smoothed(own, toneless).items():
                table[_unshift(shifted, gold)] += p
            if table:
                emissions[gold] = {o: p for o, p in table.items() if p > 1e-6}
        self.emissions = emissions
        self.frequency = {gold: sum(table.values()) for gold, table in counts.items()}
        inserts = sum(insert_counts.values())
        self.insert = min(0.2, max(1e-4, inserts / gaps)) if gaps else self.insert
        self.inserted = {c: v / inserts for c, v in insert_counts.items()} if inserts else self.inserted

    def folded(self) -> Channel:
        """The same channel over base letters (a folded form emits what its spellings would, on average).

        Scoring the ~1,700 folded forms first, and the spellings of the best
        few only, is what keeps candidate lookup cheap.
        """
        mixed: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        weights: dict[str, float] = defaultdict(float)
        for gold, table in self.emissions.items():
            weight = self.frequency.get(gold, 0.0) + 1e-3
            base = _base(gold)
            weights[base] += weight
            for observed, p in table.items():
                mixed[base][observed] += weight * p
        emissions = {b: {o: p / weights[b] for o, p in table.items()} for b, table in mixed.items()}
        return Channel(
            f"{self.name}-folded", emissions, self.insert, self.inserted, self.max_distance, unseen=self.unseen
        )

    # -- storage ----------------------------------------------------------------

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "emissions": self.emissions,
            "insert": self.insert,
            "inserted": self.inserted,
            "max_distance": self.max_distance,
            "frequency": self.frequency,
            "unseen": list(self.unseen),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Channel:
        return cls(
            data["name"],
            data["emissions"],
            data["insert"],
            data["inserted"],
            data["max_distance"],
            data.get("frequency", {}),
            tuple(data.get("unseen", (UNSEEN_SINGLE, UNSEEN_DOUBLE, UNSEEN_DELETE))),
        )


class ObservationScorer:
    """The forward algorithm for one observed token, with one DP column per gold prefix.

    Candidates share prefixes ("c", "ch", "chư", "chức"), so columns are
    memoised by prefix and emission rows by gold character: scoring a
    hundred candidates costs little more than scoring the longest one.
    """

    def __init__(self, channel: Channel, observed: str) -> None:
        self.channel = channel
        self.observed = observed
        m = len(observed)
        self.keep = 1.0 - channel.insert
        self.inserts = [channel.insert * channel.inserted.get(c, channel.unseen[0]) for c in observed]
        first = [1.0] * (m + 1)
        for j in range(m):
            first[j + 1] = first[j] * self.inserts[j]
        self.columns: dict[str, list[float]] = {"": first}
        self.rows: dict[str, list[tuple[float, ...]]] = {}
        self.pieces = [
            tuple(observed[j : j + length] for length in range(min(MAX_EMISSION, m - j) + 1)) for j in range(m + 1)
        ]
        """For each start j, the observed strings of length 0, 1, 2 that begin there."""
        self.emits: dict[str, tuple[float, list[float], list[float]]] = {}
        self.pairs = [observed[j : j + 2] for j in range(m - 1)]

    def _emits(self, gold: str) -> tuple[float, list[float], list[float]]:
        """:meth:`_row` by length (MAX_EMISSION 2): P(gold emits nothing), then, for each start j, P(gold emits
        observed[j]) and P(gold emits observed[j:j+2]); the same numbers, cheaper to make."""
        emits = self.emits.get(gold)
        if emits is None:
            table = self.channel.emissions.get(gold) or {}
            single, double, delete = self.channel.unseen
            keep = self.keep
            nothing = table.get("")
            emits = self.emits[gold] = (
                keep * (delete if nothing is None else nothing),
                [keep * (single if (p := table.get(c)) is None else p) for c in self.observed],
                [keep * (double if (p := table.get(pair)) is None else p) for pair in self.pairs],
            )
        return emits

    def _row(self, gold: str) -> list[tuple[float, ...]]:
        """For each start j: P(gold emits observed[j:j+L]) for L = 0, 1, 2 (as far as the token goes)."""
        row = self.rows.get(gold)
        if row is None:
            # Channel.emission inlined (the same numbers): rows are most of the cost of a new token's candidates
            table = self.channel.emissions.get(gold) or {}
            single, double, delete = self.channel.unseen
            floors = (delete, single, double)
            keep = self.keep
            row = [
                tuple([keep * (p if (p := table.get(s)) is not None else floors[len(s)]) for s in pieces])
                for pieces in self.pieces
            ]
            self.rows[gold] = row
        return row

    def _column(self, prefix: str) -> list[float]:
        column = self.columns.get(prefix)
        if column is not None:
            return column
        previous = self._column(prefix[:-1])
        m = len(self.observed)
        inserts = self.inserts
        if MAX_EMISSION == 2 and m:
            # One pass, each cell summed in the order the two passes below sum it (emissions from j-2, j-1,
            # j, then the insertion after j-1), so every probability is the same float, at a third of the cost.
            nothing, singles, pairs = self._emits(prefix[-1])
            column = [previous[0] * nothing]
            cell = previous[0] * singles[0] + previous[1] * nothing + column[0] * inserts[0]
            column.append(cell)
            for j in range(2, m + 1):
                cell = (
                    previous[j - 2] * pairs[j - 2] + previous[j - 1] * singles[j - 1] + previous[j] * nothing
                ) + cell * inserts[j - 1]
                column.append(cell)
            self.columns[prefix] = column
            return column
        row = self._row(prefix[-1])
        column = [0.0] * (m + 1)
        for j, value in enumerate(previous):
            if value:
                for k, p in enumerate(row[j], j):  # k: where observed stands after j and this emission
                    column[k] += value * p
        for j in range(m):
            if column[j]:
                column[j + 1] += column[j] * inserts[j]
        self.columns[prefix] = column
        return column

    def probability(self, gold: str) -> float:
        return self._column(gold)[-1] * self.keep

    def logprob(self, gold: str) -> float:
        p = self.probability(gold)
        return math.log10(p) if p > 0 else -99.0


# Emissions are pooled across the tones of a letter by writing "the gold
# character itself" as a placeholder, so "ố -> ố" and "ồ -> ồ" count as one
# identity emission of the letter o, not two unrelated ones.
_SELF = "\x00"


def _shift(observed: str, gold: str) -> str:
    return observed.replace(gold, _SELF) if gold in observed else observed


def _unshift(shifted: str, gold: str) -> str:
    return shifted.replace(_SELF, gold)


VIETNAMESE_LETTERS = sorted(
    {
        unicodedata.normalize("NFC", base + tone)
        for base in "aăâeêioôơuưy"
        for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    }
    | set("bcdđghklmnpqrstvx")
    | set("fjwz")
)


def initial_channel(
    name: str,
    identity: float = 0.3,
    strip: float = 0.6,
    max_distance: int = 2,
    unseen: tuple[float, float, float] = (UNSEEN_SINGLE, UNSEEN_DOUBLE, UNSEEN_DELETE),
) -> Channel:
    """A starting point for EM: a letter prints as itself or as its base letter."""
    emissions = {}
    for letter in VIETNAMESE_LETTERS:
        base = _base(letter)
        table = {letter: identity + (strip if base == letter else 0.0)}
        if base != letter:
            table[base] = strip
        emissions[letter] = table
    return Channel(name, emissions, 0.01, {}, max_distance, unseen=unseen)


def stripping_channel() -> Channel:
    """Text whose marks were removed: every letter becomes its base letter, nothing else happens."""
    emissions = {}
    for letter in VIETNAMESE_LETTERS:
        base = _base(letter)
        emissions[letter] = {base: 1.0} if base == letter else {base: 0.999, letter: 0.001}
    return Channel("stripped", emissions, 1e-4, {}, 0)
