"""What the language model sees: one symbol per token, and the ids it counts them by.

Syllables are seen in their normal spelling (lower case, NFC, modern tone
placement); numbers, codes, Roman numerals and URLs as one class symbol each,
since "ngày <num> tháng" is what predicts the next word, not which day (a
whole date in one token is ``<date>``: "ngày <date>;");
punctuation as itself, because "a)" at the start of a list item and "," before
"cá nhân" carry real context.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from khplan.diacritics.lm import SPECIALS, UNK
from khplan.diacritics.syllables import normalize_syllable
from khplan.diacritics.tokens import Kind, Token, tokenize

DATE_SYMBOL = "<date>"
_DATE = re.compile(r"^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?$")
"""``19/6/2015``, ``16/7``: a date in one token, which is followed by what follows a date ("ngày 19/6/2015;"),
not by what follows a day ("ngày 19 tháng")."""
CLASS_SYMBOLS = {
    Kind.number: "<num>",
    Kind.code: "<code>",
    Kind.roman: "<roman>",
    Kind.url: "<url>",
}
_QUOTES = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-", "…": "."})


def token_symbols(token: Token) -> list[str]:
    """The LM symbols of one token (punctuation runs give one symbol per mark)."""
    if token.kind is Kind.number and _DATE.match(token.text):
        return [DATE_SYMBOL]
    if token.kind in CLASS_SYMBOLS:
        return [CLASS_SYMBOLS[token.kind]]
    if token.kind is Kind.punct:
        return [c for c in token.text.translate(_QUOTES) if not c.isspace()]
    return [normalize_syllable(token.text)]


def line_symbols(line: str) -> list[str]:
    return [symbol for token in tokenize(line) for symbol in token_symbols(token)]


@dataclass
class Vocabulary:
    """Symbol <-> id; id 0 is ``<unk>``, 1 ``<s>``, 2 ``</s>``."""

    symbols: list[str] = field(default_factory=lambda: list(SPECIALS))

    def __post_init__(self) -> None:
        self.ids = {s: i for i, s in enumerate(self.symbols)}

    def __len__(self) -> int:
        return len(self.symbols)

    def id(self, symbol: str) -> int:
        return self.ids.get(symbol, UNK)

    def encode(self, symbols: Iterable[str]) -> list[int]:
        return [self.ids.get(s, UNK) for s in symbols]

    @classmethod
    def from_counts(cls, counts: Counter, min_count: int, always: Iterable[str] = (), limit: int = 65536) -> Vocabulary:
        """Symbols seen ``min_count`` times or more, plus ``always`` (the syllable inventory), most frequent first."""
        keep = {s for s, c in counts.items() if c >= min_count} | set(always)
        keep -= set(SPECIALS)
        ordered = sorted(keep, key=lambda s: (-counts.get(s, 0), s))[: limit - len(SPECIALS)]
        return cls([*SPECIALS, *ordered])
