"""Words a site or OCR ran together (``VỀNHIỆM``, ``CỦAĐẢNG``, ``VEVIEC``, ``HOI6``), split back into syllables.

Restoration reads a text token by token and keeps its offsets, so it cannot
insert the space a glued word lost; a field it feeds can. A word is split
only where every piece is a syllable of the inventory of two letters or more
(so ``UBND``, ``HĐND``, ``ASEAN`` stay whole); where several splits are possible the one with fewer
pieces wins, then the one whose later pieces open with the longer onset
(``VE|NHIEM`` before ``VEN|HIEM``). Pieces that lost their marks are
restored with the rest of the phrase around them, as stripped text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from khplan.diacritics import restore_diacritics
from khplan.diacritics.orthography import fold, strip_diacritics
from khplan.diacritics.syllables import default_syllables, normalize_syllable

_ONSET = re.compile(r"^(?:ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|[bcdghklmnpqrstvx])")
_PARTS = re.compile(r"\d+|[^\W\d_]+")
MAX_PIECES = 4


@cache
def _folded_syllables() -> frozenset[str]:
    return frozenset(fold(s) for s in default_syllables())


def split_syllables(word: str, max_pieces: int = MAX_PIECES) -> list[str] | None:
    """``VỀNHIỆM`` → ``["VỀ", "NHIỆM"]``, ``HOI6`` → ``["HOI", "6"]``; None when no split into syllables exists."""
    word = unicodedata.normalize("NFC", word)
    pieces: list[str] = []
    for part in _PARTS.findall(word):
        if part.isdigit():
            pieces.append(part)
            continue
        folded = fold(part.lower())
        cuts = _best_cuts(folded, max_pieces) if len(folded) == len(part) else None  # one folded letter per printed
        if cuts is None:
            return None
        pieces += [part[a:b] for a, b in zip((0, *cuts), (*cuts, len(part)), strict=True)]
    return pieces if len(pieces) > 1 and "".join(pieces) == word else None


def _best_cuts(folded: str, max_pieces: int = MAX_PIECES) -> tuple[int, ...] | None:
    known = _folded_syllables()
    best: dict[int, tuple[int, int, tuple[int, ...]]] = {0: (0, 0, ())}  # end -> (pieces, -onsets, cuts)
    for end in range(1, len(folded) + 1):
        for start in range(max(0, end - 7), end - 1):  # no piece of one letter: "ASEAN" is no "A SE AN"
            if start not in best or folded[start:end] not in known:
                continue
            pieces, onsets, cuts = best[start]
            onset = _ONSET.match(folded[start:end])
            candidate = (pieces + 1, onsets - (len(onset.group(0)) if onset and start else 0), (*cuts, start))
            if end not in best or candidate[:2] < best[end][:2]:
                best[end] = candidate
    found = best.get(len(folded))
    if found is None or found[0] > max_pieces:
        return None
    return found[2][1:]


def split_run_together(text: str, words: list[str]) -> tuple[str, list[str]]:
    """``text`` with each of ``words`` (as printed in it) split into its syllables, the unmarked pieces restored;
    and the pieces whose marks are a restoration's guess."""
    out: list[str] = []
    split: set[int] = set()
    for token in text.split(" "):
        core = token.strip("“”\"'(),.;:")
        pieces = split_syllables(core) if core in words else None
        if not pieces:
            out.append(token)
            continue
        lead, trail = token[: token.index(core)], token[token.index(core) + len(core) :]
        pieces = [lead + pieces[0], *pieces[1:-1], pieces[-1] + trail] if len(pieces) > 1 else pieces
        split.update(range(len(out), len(out) + len(pieces)))
        out += pieces
    if not split:
        return text, []
    guessed: list[str] = []
    syllables = default_syllables()
    unmarked = [  # pieces that lost their marks, or whose marks OCR misread ("VIÊC")
        i
        for i in sorted(split)
        if not (word := out[i].strip("“”\"'(),.;:")).isdigit()
        and (fold(word) == word.lower() or normalize_syllable(word.lower()) not in syllables)
    ]
    if unmarked:
        restored = restore_diacritics(strip_diacritics(" ".join(out))).split(" ")
        if len(restored) == len(out):
            for i in unmarked:
                out[i] = restored[i]
                guessed.append(restored[i])
    return " ".join(out), guessed
