"""The noisy-channel restorer: the likeliest Vietnamese text behind what OCR (or stripping) left.

For every word token, the channel proposes spellings it could have come
from, each with log P(observed | spelling); the syllable language model
scores sequences of them; a beam search finds the best reading. Tokens
that are not words (numbers, dates, codes, Roman numerals, URLs) pass
through, codes getting their Đ back (``QD-UBND`` -> ``QĐ-UBND``). Casing,
punctuation, spacing and line structure of the input are kept exactly: only
the letters of restored words change.

Which channel applies is decided per document from the text itself
(:func:`khplan.diacritics.damage.detect_channel`): intact Vietnamese (modern OCR, typed text) keeps
its marks unless the evidence is strong; accent-stripped text only gets
marks added; legacy OCR gets the full confusion model.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from khplan.diacritics.abbreviations import restore_code
from khplan.diacritics.channel import Channel
from khplan.diacritics.damage import CHANNELS, detect_channel
from khplan.diacritics.decoder import Candidate, decode, posteriors
from khplan.diacritics.model import RestorationModel, load_model
from khplan.diacritics.orthography import fold
from khplan.diacritics.result import Restoration, TokenChange
from khplan.diacritics.syllables import normalize_syllable
from khplan.diacritics.symbols import token_symbols
from khplan.diacritics.tokens import Kind, Token, tokenize

ADAPTING_CHANNELS = frozenset({"legacy"})
"""Channels that re-read a document with confusions re-estimated on its own first reading."""
DIGIT_WORD_CHANNELS = frozenset({"legacy"})
"""Channels in which a short number may be a word an engine without Vietnamese misread."""
DIGIT_WORD_LENGTH = 2
TOP_FORMS = 12
"""Folded forms whose spellings are scored in full, after the folded channel has ranked them all."""
FORM_MARGIN = 6.0
"""Folded forms trailing the best by more than this (log10 channel score) are not looked at."""

_LIST_MARKER = re.compile(r"^\s*(?:[a-zđ]\)|\d+(?:\.\d+)*[.)]|[IVXL]+\.|[-+•*]\s)", re.IGNORECASE)
_LETTER_ITEM = re.compile(r"^\s*([a-zđ])\)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;:!?]\s*$")


class Restorer:
    """One model, one channel: restores documents of one kind of damage."""

    def __init__(
        self,
        model: RestorationModel,
        channel: str,
        *,
        adapt: bool | None = None,
        base: Restorer | None = None,
        confusions: Channel | None = None,
    ) -> None:
        self.model = model
        self.name = channel
        self.base = base
        """When set, this restorer re-reads a document: it re-scores the base restorer's candidates
        with ``confusions`` (the base channel adapted to the document) instead of looking them up again."""
        self.channel = confusions or model.channels[channel]
        self.weight = model.settings.channel_weight.get(channel, 1.0)
        self.keep = model.settings.keep_logprob.get(channel, -3.0)
        self.adapt = channel in ADAPTING_CHANNELS if adapt is None else adapt
        self.folded = self.channel.folded()
        self.candidates = lru_cache(maxsize=200_000)(self._candidates)

    def _candidates(self, observed: str) -> tuple[Candidate, ...]:
        """Spellings ``observed`` (a word token, any case) may stand for, best channel score first."""
        model, channel = self.model, self.channel
        lower = unicodedata.normalize("NFC", observed).lower()
        if self.base is not None:
            return self._rescored(lower, self.base.candidates(observed))
        form = fold(lower)
        # Two edits on a two-letter token reach half the inventory, unless OCR junk is in it ("¢6" = "có").
        short = len(form) <= 2 and form.isalpha()
        distance = min(channel.max_distance, 1) if short else channel.max_distance
        if distance:
            near = [f for f in model.index.forms_near(form, distance) if Levenshtein.distance(form, f) <= distance]
            folded_scorer = self.folded.scorer(lower)
            scored_forms = sorted(((folded_scorer.logprob(f), f) for f in near), reverse=True)
            forms = [f for score, f in scored_forms[:TOP_FORMS] if score >= scored_forms[0][0] - FORM_MARGIN]
        else:
            forms = [form]
        unigram = model.lm.logprob_tables[0]
        scorer = channel.scorer(lower)
        scored = []
        for f in forms:
            for spelling in model.index.spellings(f):
                lm_id = model.vocabulary.id(spelling)
                score = scorer.logprob(spelling)
                prior = unigram[lm_id] + (0.0 if lm_id else model.unknown_logprob)
                scored.append((self.weight * score + prior, score, spelling, lm_id))
        scored.sort(reverse=True)
        out = [
            Candidate(spelling, lm_id, score, False, 0.0 if lm_id else model.unknown_logprob)
            for rank, score, spelling, lm_id in scored[: model.settings.top_candidates]
            if rank >= scored[0][0] - model.settings.candidate_margin
        ]
        normal = normalize_syllable(lower)
        if normal not in model.index:
            lm_id = model.vocabulary.id(normal)
            out.append(Candidate(observed, lm_id, self.keep, True, 0.0 if lm_id else model.unknown_logprob))
        return tuple(out)

    def _rescored(self, lower: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """The base reading's candidates with this restorer's channel scores, best first."""
        scorer = self.channel.scorer(lower)
        unigram = self.model.lm.logprob_tables[0]
        rescored = [c if c.keep else replace(c, channel=scorer.logprob(c.spelling)) for c in candidates]
        return tuple(sorted(rescored, key=lambda c: -(self.weight * c.channel + unigram[c.lm_id] + c.unknown)))

    def restore(self, text: str, explain: bool = False) -> Restoration:
        lines = text.split("\n")
        positions, where, restarts = self._lattice(lines)
        if not positions:
            return Restoration(text)
        choices = decode(positions, self.model.lm, self.weight, self.model.settings.beam, restarts)
        if self.adapt:
            readings = Counter(
                (positions[i][c].spelling, token.text.lower())
                for i, (c, (_, token)) in enumerate(zip(choices, where, strict=False))
                if token.kind is Kind.word and not positions[i][c].keep
            )
            confusions = self.channel.adapted((g, o, n) for (g, o), n in readings.items())
            return Restorer(self.model, self.name, adapt=False, base=self, confusions=confusions).restore(text, explain)
        return self._render(lines, positions, where, choices, explain)

    def _lattice(self, lines: list[str]):
        """Candidates at every position, which token each position reads, and where paragraphs begin."""
        positions: list[tuple[Candidate, ...]] = []
        where: list[tuple[int, Token]] = []
        restarts: set[int] = set()
        previous, item = "", ""
        for number, line in enumerate(lines):
            tokens = tokenize(line)
            if tokens and _starts_paragraph(line, previous):
                restarts.add(len(positions))
            for n, token in enumerate(tokens):
                if n == 0 and (marker := _LETTER_ITEM.match(line)):
                    item, forced = _next_item(item, marker.group(1))
                    if forced:
                        positions.append((Candidate(forced, self.model.vocabulary.id(forced), 0.0),))
                        where.append((number, token))
                        continue
                for candidate in self._token_candidates(token):
                    positions.append(candidate)
                    where.append((number, token))
            previous = line if line.strip() else ""
        return positions, where, frozenset(restarts)

    def _token_candidates(self, token: Token) -> Iterable[tuple[Candidate, ...]]:
        """One lattice position per LM symbol of the token."""
        vocabulary = self.model.vocabulary
        if token.kind is Kind.word:
            yield self.candidates(token.text)
            return
        if self.name in DIGIT_WORD_CHANNELS and token.kind is Kind.number and len(token.text) <= DIGIT_WORD_LENGTH:
            # Legacy OCR prints "ở" as "6" and "là" as "13": a short number may be a word.
            number = Candidate(token.text, vocabulary.id(token_symbols(token)[0]), 0.0, True)
            yield (number, *(c for c in self.candidates(token.text) if not c.keep))
            return
        for symbol in token_symbols(token):
            yield (Candidate(token.text, vocabulary.id(symbol), 0.0, True),)

    def _render(self, lines, positions, where, choices, explain: bool) -> Restoration:
        """Write the chosen spellings into the lines; the evidence is gathered only when asked for."""
        out_lines = list(lines)
        decisions: list[tuple[int, int, Token, str, str]] = []  # (position, line number, token, restored, reason)
        for i, (number, token) in enumerate(where):
            if decisions and decisions[-1][1] == number and decisions[-1][2].start == token.start:
                continue  # a punctuation run spans several positions
            chosen = positions[i][choices[i]]
            if token.kind in (Kind.word, Kind.number) and not chosen.keep:
                restored = apply_case(token.text, chosen.spelling)
                reason = "accent" if fold(restored) == fold(token.text) else "ocr-confusion"
            elif token.kind in (Kind.code, Kind.abbreviation):
                restored, reason = restore_code(token.text), "code"
            else:
                restored, reason = token.text, ""
            decisions.append((i, number, token, restored, reason))
        edits: dict[int, list[tuple[int, int, str]]] = {}
        for _, number, token, restored, _ in decisions:
            if restored != token.text:
                edits.setdefault(number, []).append((token.start, token.start + len(token.text), restored))
        for number, spans in edits.items():
            line = out_lines[number]
            for start, end, replacement in sorted(spans, reverse=True):
                line = line[:start] + replacement + line[end:]
            out_lines[number] = line

        def evidence() -> list[TokenChange]:
            changes = []
            for i, number, token, restored, reason in decisions:
                if restored == token.text and not (explain and token.kind is Kind.word):
                    continue
                candidates = positions[i]
                probabilities = (
                    posteriors(positions, choices, self.model.lm, self.weight, i) if len(candidates) > 1 else [1.0]
                )
                readings = [
                    (token.text if c.keep else apply_case(token.text, c.spelling), p)
                    for c, p in zip(candidates, probabilities, strict=False)
                ]
                confidence = sum(p for w, p in readings if w == restored) if token.kind is Kind.word else 1.0
                alternatives = tuple(
                    sorted(((w, round(p, 4)) for w, p in readings if w != restored), key=lambda x: -x[1])
                )
                changes.append(
                    TokenChange(
                        number + 1,
                        token.start,
                        token.text,
                        restored,
                        round(confidence, 4),
                        alternatives,
                        reason or "kept",
                    )
                )
            return changes

        return Restoration("\n".join(out_lines), evidence)


def _next_item(previous: str, letter: str) -> tuple[str, str | None]:
    """Lists run a) b) c) d) đ) e): a second "d)" after "d)" is the "đ)" that OCR took the stroke from."""
    letter = letter.lower()
    if letter == "d" and previous == "d":
        return "đ", "đ"
    return letter, None


def _starts_paragraph(line: str, previous: str) -> bool:
    """Where the corpus would have begun a new line: after a blank line, at list items, after a full stop."""
    if not previous:
        return True
    if _LIST_MARKER.match(line):
        return True
    first = line.lstrip()[:1]
    return bool(_SENTENCE_END.search(previous)) and first.isupper()


def apply_case(observed: str, spelling: str) -> str:
    """Give ``spelling`` the casing of the token it replaces: ``KE`` -> ``KẾ``, ``Pang`` -> ``Đảng``."""
    letters = [c for c in observed if c.isalpha()]
    if not letters:
        return spelling
    if len(letters) >= 2 and all(c.isupper() for c in letters[1:]):
        return spelling.upper()
    if letters[0].isupper():
        return spelling[:1].upper() + spelling[1:]
    return spelling


@lru_cache(maxsize=8)
def _restorer(channel: str) -> Restorer:
    return Restorer(load_model(), channel)


def restore(text: str, *, channel: str = "auto", explain: bool = False) -> Restoration:
    """Restore diacritics and undo OCR damage; one output line per input line.

    ``channel`` names the kind of damage (``auto`` detects it from the text);
    ``explain`` also lists tokens left as they were, with their alternatives.
    """
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}; choose one of {', '.join(CHANNELS)}")
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        return Restoration(text)
    return _restorer(detect_channel(text) if channel == "auto" else channel).restore(text, explain)
