"""Cut a line into the tokens the restorer reasons about, and say what each one is.

Legacy OCR puts digits and symbols inside words ("S6", "v&i", "ti€u", "1am"),
so a word is any run of non-space characters, with ordinary punctuation
peeled off its ends. What a token *is* decides what the restorer may do with
it: words get candidates; numbers, dates, document codes, URLs and Roman
numerals are left alone (codes only get the Đ that OCR took from them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from khplan.diacritics.orthography import fold


class Kind(StrEnum):
    word = "word"
    """Letters (possibly with OCR's digits and symbols inside): restorable."""
    number = "number"
    """Digits, dates, amounts, ranges: ``2021``, ``09/4/2021``, ``1.000``, ``2021-2025``."""
    code = "code"
    """A document code or its sign part: ``69/KH-UBND``, ``/QD-UBND``, ``09-CTr/TU``."""
    abbreviation = "abbreviation"
    """Capitals that cannot be a Vietnamese syllable: ``UBND``, ``HDND``, ``MTTQ``."""
    roman = "roman"
    """A Roman numeral (section numbers, ``Đại hội XIII``)."""
    url = "url"
    punct = "punct"


class Token(NamedTuple):
    text: str
    start: int
    """Character offset in the line, 0-based."""
    kind: Kind


COMRADE_SPELLING = "đ/c"
COMRADE = frozenset({"d/c", COMRADE_SPELLING})
"""``Đ/c`` (đồng chí) before a name: a word whose slash is printed, ``D/c`` where the marks were lost."""

# Punctuation that is never part of a word when it sits at a token's edge.
_EDGE = '.,;:!?()[]{}"“”«»…–—*'
_CHUNK = re.compile(r"\S+")
_BRACKETS = re.compile(r'["“”«»()\[\]]+')
_OPENING = frozenset('([“«"')
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,/:-]\d+)*%?$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^[\w.+-]+@[\w-]+\.[\w.]+$", re.IGNORECASE)
_ROMAN = re.compile(r"^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_LETTER = re.compile(r"[^\W\d_]")

# Vietnamese syllable shape on folded (accentless, lower-case) text; the Central Highlands' place names add onsets
# and a final k (KRÔNG BÚK, ĐẮK LẮK, CHƯ PRÔNG): in capitals they are words, not abbreviations.
_ONSETS = "ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|kr|dr|gl|pr|pl|bl|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x"
_SYLLABLE_SHAPE = re.compile(rf"^(?:{_ONSETS})?(?:[aeiouy]{{1,3}})(?:ch|ng|nh|c|k|m|n|p|t|i|y|o|u)?$")


def is_syllable_shape(word: str) -> bool:
    """True when ``word`` (any case, any marks) could be one Vietnamese syllable."""
    return bool(_SYLLABLE_SHAPE.match(fold(word)))


def _split_edges(chunk: str, offset: int) -> Iterator[tuple[str, int]]:
    """Peel edge punctuation off a whitespace chunk: ``(Số:`` -> ``(``, ``Số``, ``:``."""
    start, end = 0, len(chunk)
    while start < end and chunk[start] in _EDGE:
        start += 1
    while end > start and chunk[end - 1] in _EDGE:
        end -= 1
    if start:
        yield chunk[:start], offset
    if end > start:
        yield chunk[start:end], offset + start
    if end < len(chunk):
        yield chunk[end:], offset + end


@lru_cache(maxsize=100_000)
def classify(text: str) -> Kind:
    """What a punctuation-free chunk is."""
    if not any(c.isalnum() for c in text):
        return Kind.punct
    if _NUMBER.match(text):
        return Kind.number
    if _URL.match(text):
        return Kind.url
    if ("/" in text or "-" in text) and any(c.isupper() for c in text) and not is_syllable_shape(text):
        return Kind.code
    if not _LETTER.search(text):
        return Kind.number
    if _ROMAN.match(text) and (len(text) > 1 or text in "IVX"):
        return Kind.roman
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and not is_syllable_shape(text):
        return Kind.abbreviation
    return Kind.word


def tokenize(line: str) -> list[Token]:
    """The line's tokens with their offsets; the text between them is whitespace only."""
    tokens = []
    for match in _CHUNK.finditer(line):
        for chunk, offset in _split_brackets(match.group(0), match.start()):
            if chunk[0] in _EDGE or chunk[-1] in _EDGE:
                for piece, start in _split_edges(chunk, offset):
                    tokens.append(Token(piece, start, classify(piece)))
            else:  # nothing to peel off (most chunks)
                tokens.append(Token(chunk, offset, classify(chunk)))
    return tokens


def _split_brackets(chunk: str, offset: int) -> list[tuple[str, int]]:
    """A chunk cut where a quote or bracket opens inside it, the space before it left out (``2010"(đối``,
    ``lục(kèm``); not where a piece is a single letter or a bracket closes inside (``d(f)ng``, ``ds“)ng``: OCR's
    specks inside one word)."""
    inner = _BRACKETS.search(chunk, 1)
    if inner is None or inner.end() == len(chunk):
        return [(chunk, offset)]
    pieces = []
    start = 0
    for found in _BRACKETS.finditer(chunk):
        word, run = chunk[start : found.start()], found.group(0)
        if (word and len(word) < 2) or run[-1] not in _OPENING:
            return [(chunk, offset)]  # "d(f)ng", "ds“)ng": legacy OCR's specks inside a word, not two words
        if word:
            pieces.append((word, offset + start))
        pieces.append((run, offset + found.start()))
        start = found.end()
    if start < len(chunk):
        if len(chunk) - start < 2:
            return [(chunk, offset)]
        pieces.append((chunk[start:], offset + start))
    return pieces


@lru_cache(maxsize=4_096)
def line_tokens(line: str) -> tuple[Token, ...]:
    """:func:`tokenize`, remembered and immutable: damage detection and the restorer cut the same lines (a
    document's worth of them: a line's tokens weigh about a kilobyte)."""
    return tuple(tokenize(line))
