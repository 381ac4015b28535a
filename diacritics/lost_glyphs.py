"""Letters a font or a site lost, put back before the text is read.

Legal-document sites hold older documents (Hội đồng Bộ trưởng decisions of
the 1980s, ministries' of the 2000s) as text extracted from PDFs whose font
had no glyph for many Vietnamese letters: each fell out and left a space
(``HỘI ĐỒNG BỘ TRƯỞNG`` → ``H I NG B TRƯ NG``, ``Độc lập`` → ``c l p``), and a
capital ``Ị`` came out ``N`` (``QUYẾT ĐỊNH`` → ``QUY T NNH``); ``Đ`` fell out
in some, stayed in others. The letters the font had (à á â ă ê ô ơ ư …) stay,
so a run of fragments fits few syllables: each syllable's *broken form* (its
fragments) indexes it, and the restorer's language model picks among the
readings of a run, a trigram Viterbi over its fragments. Where the fragments
lost their marks as well (legacy OCR of such a page) they are matched marks
aside.

Nothing here runs unless the text shows the damage: a share of its words
that are fragments no syllable is (:func:`lost_glyphs`). A second loss, a
TCVN3 page whose ``ư`` a site stripped (``trờng``), is :func:`repair_lost_u`'s.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache

from khplan.diacritics.lm import NgramModel
from khplan.diacritics.orthography import fold, normalize_tone_placement
from khplan.diacritics.result import DoubtfulSpan, Restoration
from khplan.diacritics.syllables import default_syllables
from khplan.diacritics.symbols import Vocabulary

DROPPED = frozenset("ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỵỷỹ")
"""Letters such fonts lacked (lower case; their capitals too, but ``Ị``, which came out ``N``)."""
KEPT = frozenset("àáâãèéêìíòóôõùúýăơưĩũỳ")
"""Letters with marks such fonts had."""
MIN_KEPT_LETTERS = 30
MIN_VIETNAMESE_LETTERS = 5
"""ă, ơ, ư at least: a Vietnamese font's letters (the fewest of the development documents whose font lost letters
hold 9)."""
LACKED_SHARE = 0.05
"""Letters the font lacked, at most, for each it had (intact text: about one; a font's loss: none but OCR's slips)."""
MAX_PIECES = 3
"""Fragments one syllable falls into at most (``NGƯỜI`` → ``NGƯ I``: two)."""
FRAGMENT_SHARE = 0.2
"""Share of a text's words that are fragments no syllable is, above which its font lost letters (intact text:
abbreviations only, under 0.05 on the development documents; lost glyphs: 0.3 and more)."""
MIN_FRAGMENTS = 20
BEAM = 24
DOUBT_BELOW = 0.8
"""A reading whose posterior among the syllables its fragments fit is under this is reported doubtful."""

_TOKEN = re.compile(r"[^\W\d_]+")
_RUN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
"""Words separated by single spaces: a run whose fragments may join into syllables."""
_CODE_GAP = re.compile(r"(?:(?<=[\d/-])|(?<=\d - ))(?P<head>[A-Z]{1,3}) (?=[A-Z]{1,6}\b|-)")
"""A ký hiệu's ``Đ`` fallen out between its letters (``128-H BT``, ``69 - H BT``: HĐBT; ``721/Q -BXD``: QĐ-BXD)."""


_NUMBER_WORD = re.compile(r"(?<![^\W\d_])[Ss](?=\s?:?\s?\d)")
"""``S : 128``: ``Số`` with its marked letter fallen out, before the number it names."""


@dataclass(frozen=True)
class _Index:
    by_pieces: dict[tuple[str, ...], tuple[str, ...]]
    """Broken form (lower-case fragments) → the syllables it may be, for words printed in small letters."""
    by_capital_pieces: dict[tuple[str, ...], tuple[str, ...]]
    """The same for words printed in capitals (where ``Ị`` became ``N``)."""
    folded: dict[tuple[str, ...], tuple[str, ...]]
    """The same, marks aside: fragments that lost the marks the font kept."""


def _pieces(syllable: str, *, capitals: bool, drop_d: bool) -> tuple[str, ...]:
    pieces, current = [], []
    for letter in syllable:
        if capitals and letter == "ị":
            current.append("n")
        elif letter in DROPPED or (drop_d and letter == "đ"):
            pieces.append("".join(current))
            current = []
        else:
            current.append(letter)
    pieces.append("".join(current))
    return tuple(p for p in pieces if p)


@cache
def _index() -> _Index:
    tables: tuple[dict[tuple[str, ...], set[str]], ...] = ({}, {}, {})
    for syllable in default_syllables():
        for drop_d in (True, False):
            for table, capitals in ((tables[0], False), (tables[1], True)):
                key = _pieces(syllable, capitals=capitals, drop_d=drop_d)
                if key and len(key) <= MAX_PIECES:
                    table.setdefault(key, set()).add(syllable)
                    tables[2].setdefault(tuple(fold(p) for p in key), set()).add(syllable)
    by_pieces, by_capital_pieces, folded = ({k: tuple(sorted(v)) for k, v in table.items()} for table in tables)
    return _Index(by_pieces, by_capital_pieces, folded)


@cache
def _syllables_folded() -> frozenset[str]:
    return frozenset(fold(s) for s in default_syllables())


def _fragment(word: str) -> bool:
    """A word no syllable is, marks aside, and no abbreviation in capitals of three letters or more."""
    lower = word.lower()
    if fold(lower) in _syllables_folded():
        return False
    return not (word.isupper() and len(word) >= 3)


def lost_glyphs(text: str) -> bool:
    """Whether ``text`` reads as a font's lost letters: many of its words are fragments of syllables, and of the
    Vietnamese letters with marks it holds next to none is one the font lacked (running text has about as many of
    those as of the others), while ă, ơ and ư, which legacy OCR's Latin-1 accents never are, stay."""
    letters = Counter(c for c in text.lower() if c.isalpha() and not c.isascii())
    lacked = sum(n for c, n in letters.items() if c in DROPPED)
    kept = sum(n for c, n in letters.items() if c in KEPT)
    if (
        kept < MIN_KEPT_LETTERS
        or lacked > LACKED_SHARE * kept
        or sum(letters[c] for c in "ăơư") < MIN_VIETNAMESE_LETTERS
    ):
        return False  # intact text, or legacy OCR's Latin-1 accents (no ă, ơ, ư)
    words = [m.group(0) for m in _TOKEN.finditer(text) if not text[max(0, m.start() - 1) : m.start()] == "\\"]
    fragments = sum(_fragment(w) for w in words)
    return fragments >= MIN_FRAGMENTS and fragments >= FRAGMENT_SHARE * len(words)


def _among_capitals(starts: list[int], words: list[str], start: int, end: int) -> bool:
    """Whether the nearest words of two letters or more (``words``, at ``starts``) on either side are in capitals
    (``V VI C``: VỀ VIỆC)."""
    before, after = bisect_left(starts, start), bisect_left(starts, end)
    near = words[before - 1 : before] if before else []
    near += words[after : after + 1]
    return bool(near) and all(w.isupper() for w in near)


def _cased(syllable: str, pieces: list[str], capitals: bool) -> str:
    """The case its fragments show (``Hà``, ``N i``: Nội), a lone capital its neighbours' (``B`` among capitals: BỘ)."""
    letters = "".join(pieces)
    if letters.isupper() and (len(letters) > 1 or capitals):
        return syllable.upper()
    return syllable[:1].upper() + syllable[1:] if letters[:1].isupper() else syllable


@dataclass(frozen=True)
class _Reading:
    start: int
    end: int
    text: str
    confidence: float


@dataclass(frozen=True)
class _Option:
    """One syllable a stretch of the run may have been: from ``start`` to ``end`` (offsets in the run)."""

    start: int
    end: int
    syllable: str
    glued: int
    """Ends of it inside a printed word (``C AH I``: CỦAHỘI, a site's lost space): each costs :data:`GLUE_COST`."""


GLUE_COST = 3.0
"""log10 price of reading a syllable's end inside a printed word (two words a site ran together)."""


def _options(run: str, spans: list[tuple[int, int, str]], table: dict, folded: bool) -> dict[int, list[_Option]]:
    """Every syllable each stretch of fragments fits, by where it starts; a word no syllable fits stays itself."""
    index = _index()
    ends = {e for _, e, _ in spans}
    starts = {s for s, _, _ in spans}
    found: dict[int, list[_Option]] = {}
    for k, (token_start, token_end, _) in enumerate(spans):
        for start in range(token_start, token_end):
            options: list[_Option] = []
            for j in range(k, min(k + MAX_PIECES, len(spans))):
                first = max(start + 1, spans[j][0] + 1)
                for end in range(first, spans[j][1] + 1):
                    key = tuple(normalize_tone_placement(piece).lower() for piece in run[start:end].split(" "))
                    readings = index.folded.get(tuple(fold(p) for p in key), ()) if folded else table.get(key, ())
                    glued = (start not in starts) + (end not in ends)
                    options += [_Option(start, end, syllable, glued) for syllable in readings]
            if start == token_start and not any(o.end == token_end for o in options):
                options.append(_Option(start, token_end, spans[k][2].lower(), 0))  # no syllable: kept as it is
            if options:
                found[start] = options
    return found


def _read_run(run: str, offset: int, marked: bool) -> list[_Reading]:
    """The syllables a run of fragments most likely was (Viterbi over a trigram model)."""
    from khplan.diacritics.lm import BOS
    from khplan.diacritics.model import load_model

    model = load_model()
    # the stripped channel's view: a dictionary word's syllables are read together ("hội đồng", "bộ trưởng"), which
    # a corpus of today's laws, where "đảng bộ" is common, would otherwise read apart
    lm, vocabulary = model.language_model("stripped"), model.vocabulary
    spans = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(run)]
    letters = [c for _, _, word in spans if len(word) > 1 for c in word]
    capitals = sum(c.isupper() for c in letters) > len(letters) / 2
    index = _index()
    options = _options(run, spans, index.by_capital_pieces if capitals else index.by_pieces, not marked)
    token_ends = {e: k for k, (_, e, _) in enumerate(spans)}

    def following(end: int) -> int:
        """Where the next syllable starts: the next word after a word's end, the same place inside one."""
        k = token_ends.get(end)
        if k is None:
            return end
        return spans[k + 1][0] if k + 1 < len(spans) else len(run)

    Back = tuple[int, tuple[int, int], _Option]
    beams: dict[int, dict[tuple[int, int], tuple[float, Back | None]]] = {spans[0][0]: {(BOS, BOS): (0.0, None)}}
    for position in sorted({o.start for choices in options.values() for o in choices} | {len(run)}):
        beam = beams.get(position)
        if not beam or position == len(run):
            continue
        best = sorted(beam.items(), key=lambda item: -item[1][0])[:BEAM]
        for option in options.get(position, ()):
            ident = vocabulary.id(option.syllable)
            price = (0.0 if ident else model.unknown_logprob) - GLUE_COST * option.glued
            target = beams.setdefault(following(option.end), {})
            for history, (score, _) in best:
                total = score + lm.logprob(history, ident) + price
                state = (history[1], ident)
                if state not in target or target[state][0] < total:
                    target[state] = (total, (position, history, option))
    final = beams.get(len(run))
    if not final:
        return []
    state = max(final, key=lambda s: final[s][0])
    path: list[tuple[_Option, tuple[int, int]]] = []
    position = len(run)
    while True:
        back = beams[position][state][1]
        if back is None:
            break
        position, history, option = back
        path.append((option, history))
        state = history
    path.reverse()
    long_words = [w for _, _, w in spans if len(w) > 1]
    long_starts = [s for s, _, w in spans if len(w) > 1]
    readings = []
    for k, (option, history) in enumerate(path):
        printed = run[option.start : option.end]
        rivals = [o.syllable for o in options[option.start] if o.end == option.end]
        after = [o.syllable for o, _ in path[k + 1 : k + 3]]
        confidence = _posterior(option.syllable, rivals, history, after, lm, vocabulary, model.unknown_logprob)
        split = option.glued and option.end not in token_ends
        if not split and " " not in printed and normalize_tone_placement(printed).lower() == option.syllable:
            continue  # an intact syllable (``HOÀ`` as printed, old tone placement and all)
        text = _cased(
            option.syllable, printed.split(" "), _among_capitals(long_starts, long_words, option.start, option.end)
        )
        if split:
            text += " "  # the space the site lost between two words
        if text != printed:
            readings.append(_Reading(offset + option.start, offset + option.end, text, confidence))
    return readings


def _posterior(
    syllable: str,
    rivals: list[str],
    history: tuple[int, int],
    after: list[str],
    lm: NgramModel,
    vocabulary: Vocabulary,
    unknown: float,
) -> float:
    """The reading's share among the syllables its fragments fit, the words around it fixed."""
    if len(set(rivals)) <= 1:
        return 1.0
    following = [vocabulary.id(word) for word in after]
    scores = {}
    for word in set(rivals):
        ident = vocabulary.id(word)
        value = lm.logprob(history, ident) + (0.0 if ident else unknown)
        context = (history[1], ident)
        for nxt in following:
            value += lm.logprob(context, nxt)
            context = (context[1], nxt)
        scores[word] = value
    top = max(scores.values())
    total = sum(math.pow(10, v - top) for v in scores.values())
    return math.pow(10, scores[syllable] - top) / total


def repair(text: str) -> Restoration | None:
    """The text with the letters its font lost put back, or None where it shows no such loss."""
    text = unicodedata.normalize("NFC", text)
    if not lost_glyphs(text):
        return None
    words = _TOKEN.findall(text)
    marked = sum(any(not c.isascii() for c in w) for w in words) >= 0.1 * len(words)
    edits: list[tuple[int, int, str, float]] = [
        (m.start(), m.end(), m.group("head") + "Đ", 1.0) for m in _CODE_GAP.finditer(text)
    ]
    for match in _NUMBER_WORD.finditer(text):  # "S : 128-H BT": Số, which nothing but a number follows
        before = _TOKEN.findall(text[max(0, match.start() - 40) : match.start()])
        capitals = match.group(0) == "S" and bool(before) and before[-1].isupper() and len(before[-1]) > 1
        edits.append((match.start(), match.end(), "SỐ" if capitals else "Số" if match.group(0) == "S" else "số", 1.0))
    taken = {(start, end) for start, end, _, _ in edits}
    for run in _RUN.finditer(text):
        if text[run.start() - 1 : run.start()].isdigit() or text[run.end() : run.end() + 1].isdigit():
            continue  # letters of an alphanumeric name ("A(H1N1)"), no syllables
        for reading in _read_run(run.group(0), run.start(), marked):
            if not any(start < reading.end and reading.start < end for start, end in taken):
                edits.append((reading.start, reading.end, reading.text, reading.confidence))
    edits.sort()
    repaired, starts = _applied(text, [(start, end, replacement) for start, end, replacement, _ in edits])
    doubts = [
        (at, at + len(replacement), replacement, confidence)
        for at, (_, _, replacement, confidence) in zip(starts, edits, strict=True)
        if confidence < DOUBT_BELOW
    ]

    def doubtful() -> list[DoubtfulSpan]:
        spans = []
        for start, end, word, confidence in doubts:
            line = repaired.count("\n", 0, start)
            line_start = repaired.rfind("\n", 0, start) + 1
            spans.append(DoubtfulSpan(line + 1, start - line_start, end - line_start, word, confidence))
        return spans

    return Restoration(repaired, doubt=doubtful, edits=tuple((s, e, r) for s, e, r, _ in edits))


def _applied(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """``text`` with the edits (in order, apart) made, and where each replacement starts in the result."""
    out, starts, last, shift = [], [], 0, 0
    for start, end, replacement in edits:
        out += [text[last:start], replacement]
        starts.append(start + shift)
        shift += len(replacement) - (end - start)
        last = end
    out.append(text[last:])
    return "".join(out), starts


_CONSONANT = "bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX"
_LOST_U_TONED = re.compile(rf"(?<=[{_CONSONANT}])[ớờởỡợ](?=(?:ng|c)\b)")
_LOST_U = re.compile(rf"(?<=[{_CONSONANT}])[ơớờởỡợ](?=(?:ng|c)\b)")
MIN_LOST_U = 3
"""Syllables with a tone on ``ơ`` before ``ng`` or ``c`` (no Vietnamese rhyme) a page must hold to have lost its ư."""


def repair_lost_u(text: str) -> Restoration | None:
    """A TCVN3 page whose ``ư`` a site stripped (its byte is the soft hyphen, which HTML drops): ``trờng``,
    ``nớc``, ``Hớng`` read ``trường``, ``nước``, ``Hướng``; None where the page shows no such loss.

    ``ơ`` never comes before ``ng`` or ``c``; with a tone on it, only a lost ``ư`` explains it (``ông`` would carry
    the tone on ``ô``). A bare ``ơng`` is ``ương`` on such a page too, though elsewhere it may be a misread ``ông``.
    """
    text = unicodedata.normalize("NFC", text)
    if len(_LOST_U_TONED.findall(text)) < MIN_LOST_U:
        return None
    edits = [(m.start(), m.end(), "ư" + m.group(0)) for m in _LOST_U.finditer(text)]
    return Restoration(_applied(text, edits)[0], edits=tuple(edits))
