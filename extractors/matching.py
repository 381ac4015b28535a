"""Accent- and OCR-tolerant matching: how every extractor finds words in imperfect text.

The text reaches the extractors clean, restored from legacy OCR (most marks
right, some not), or raw legacy OCR (marks lost, letters confused: ``S6:``
for ``Số:``, ``ngay]9`` for ``ngày 19``, ``Poc 1ap`` for ``Độc lập``). So
patterns run over :func:`fold_key` of the text — lower case, no marks,
dashes unified — which keeps every character's offset, and a match there is
a span of the original. Canonical spellings come from vocabularies and the
gazetteer, never from the damaged letters.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from khplan.diacritics.orthography import fold

_DASHES = str.maketrans(
    {"\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u00ad": "-", "\u2044": "/", "\u2215": "/"}
)
"""Dashes unified; OCR's fraction and division slashes (``571⁄KH-UBND``) read as the slash they are."""
_QUOTES = "\"'“”‘’«»"

# OCR reads a 1 as ] | l I ! and a 0 as O o next to other digits.
_OCR_DIGITS = str.maketrans({"]": "1", "|": "1", "l": "1", "I": "1", "!": "1", "O": "0", "o": "0"})
OCR_DIGIT = r"[0-9\]|lI!Oo]"
"""One character that stands for a digit in OCR output."""


def fold_key(text: str) -> str:
    """Lower case, no diacritics, every dash a hyphen, every slash ``/``; one output character per input character.

    >>> fold_key("Độc lập — Tự do")
    'doc lap - tu do'
    """
    folded = fold(text)
    assert len(folded) == len(text), "fold_key needs NFC text"
    return folded.translate(_DASHES)


def ocr_digits(raw: str) -> tuple[str, bool]:
    """Digits of an OCR'd number with ``]``/``l``/``O`` read back as 1 and 0; and whether any was."""
    fixed = re.sub(r"\s+", "", raw).translate(_OCR_DIGITS)
    return fixed, fixed != re.sub(r"\s+", "", raw)


_VOWEL = r"[aeiouydw0-9@$§¢©&]{1,2}"
"""What legacy OCR makes of a marked vowel: itself, another vowel, ``d``/``w``/a digit or a symbol, once or twice
(``cadch``)."""


def tolerant(word: str) -> str:
    """A regex for a folded word as legacy OCR garbles it: each vowel may be any one letter or mark.

    ``tolerant("thang")`` matches ``thang``, ``thing``, ``thdng``; consonants
    are kept, because OCR keeps them far more often than the vowels it
    confuses with their marked forms.
    """
    parts = []
    for char in word:
        if char in "aeiouy":
            parts.append(_VOWEL)
        elif char == "d":
            parts.append(r"[dbp]")  # Đ is read as D, P or b
        elif char == "l":
            parts.append(r"[l1i]")
        elif char == " ":
            parts.append(r"\s+")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def similarity(a: str, b: str) -> float:
    """0-100: how alike two strings are once folded (marks ignored, case ignored, spaces unified)."""
    return fuzz.ratio(squash(a), squash(b))


def squash(text: str) -> str:
    """Folded with single spaces and no punctuation: the key names are compared by."""
    return " ".join(re.sub(r"[^\w\s]", " ", fold_key(unicodedata.normalize("NFC", text))).split())


def ends_name(whole: str, part: str) -> bool:
    """Whether ``part``'s words are the last of ``whole``'s, and fewer (``Tàu`` of ``Bà Rịa - Vũng Tàu``), compared
    as :func:`squash` folds them."""
    own, words = squash(whole).split(), squash(part).split()
    return 0 < len(words) < len(own) and own[-len(words) :] == words


def strip_quotes(text: str) -> str:
    """Text without one pair of outer quotes."""
    text = text.strip()
    if len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        return text[1:-1].strip()
    return text


def proper_words(text: str) -> str:
    """The leading run of capitalised words or numbers: the proper name after a unit word.

    >>> proper_words("Châu Thành phát động phong trào")
    'Châu Thành'
    >>> proper_words("PHÙ MỸ")
    'PHÙ MỸ'
    """
    words = []
    for word in text.split():
        core = word.strip(",.;:()")
        if not core or not (core[0].isupper() or core[0].isdigit()):
            break
        words.append(core)
        if core != word.rstrip(")"):  # punctuation ends the name
            break
    return " ".join(words)
