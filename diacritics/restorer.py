"""The noisy-channel restorer: the likeliest Vietnamese text behind what OCR (or stripping) left.

For every word token, the channel proposes spellings it could have come
from, each with log P(observed | spelling); the syllable language model
scores sequences of them; a beam search finds the best reading. Tokens
that are not words (numbers, dates, codes, Roman numerals, URLs) pass
through, codes getting their Đ back (``QD-UBND`` -> ``QĐ-UBND``). Casing,
punctuation, spacing and line structure of the input are kept: only the
letters of restored words change, but for the space legacy OCR lost between
two words it ran together (``luatctia`` -> ``luật của``), which is put back;
every rewrite is placed on the input (:attr:`Restoration.edits`).

Three things besides channel and language model decide a reading. Every
word comes out a Vietnamese syllable of the inventory unless no syllable is
within the channel's reach (then it is kept and flagged doubtful) or it is a
foreign word the corpus uses (``email``). Where the context says a name
stands, the spellings names take are preferred (:mod:`diacritics.names`).
And a repeated phrase read with confidence in one place informs its other
occurrences in the same document.

Which channel applies is decided per document from the text itself
(:func:`khplan.diacritics.damage.detect_channel`): intact Vietnamese (modern OCR, typed text) keeps
its marks unless the evidence is strong; accent-stripped text only gets
marks added; legacy OCR gets the full confusion model.
"""

from __future__ import annotations

import gc
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from khplan.diacritics.abbreviations import D_RESTORED, restore_code
from khplan.diacritics.capitals import mid_sentence_case
from khplan.diacritics.channel import Channel
from khplan.diacritics.damage import CHANNELS, detect_channel
from khplan.diacritics.decoder import Candidate, decode, posteriors, redecode
from khplan.diacritics.lm import ID_BITS
from khplan.diacritics.model import RestorationModel, load_model
from khplan.diacritics.names import NamePrior, Priors, Slot, is_capitalised
from khplan.diacritics.orthography import fold, has_diacritics
from khplan.diacritics.result import DoubtfulSpan, Restoration, TokenChange
from khplan.diacritics.syllables import normalize_syllable
from khplan.diacritics.symbols import token_symbols
from khplan.diacritics.tokens import COMRADE, COMRADE_SPELLING, Kind, Token, classify, is_syllable_shape, line_tokens
from khplan.schemas.plan import DOUBTFUL_RESTORATION

ADAPTING_CHANNELS = frozenset({"legacy"})
"""Channels that re-read a document with confusions re-estimated on its own first reading."""
DIGIT_WORD_CHANNELS = frozenset({"legacy"})
"""Channels in which a short number may be a word an engine without Vietnamese misread."""
DIGIT_WORD_LENGTH = 2
TOP_FORMS = 12
"""Folded forms whose spellings are scored in full, after the folded channel has ranked them all."""
FORM_MARGIN = 6.0
"""Folded forms trailing the best by more than this (log10 channel score) are not looked at."""
DOUBTFUL_BELOW = DOUBTFUL_RESTORATION
"""A restored word whose reading has less posterior than this is reported as doubtful (a review warning)."""
PHRASE_LENGTHS = (3, 2)
"""Lengths of the repeated phrases whose readings are made consistent across a document."""

RESERVE = 40
"""Spellings of a token kept in reserve past its candidates' cut: a collocation with a neighbour may call one in."""
RESERVE_MARGIN = 4.0
"""How far past the candidates' margin (log10) a reserve spelling may trail the best."""
RESERVES_LIMIT = 200_000
"""Tokens whose reserves are remembered before the store is emptied."""

SPECK_LOGPROB = -1.0
"""log10 price of each mark inside a word OCR printed that is no letter or digit ("d(f)ng")."""
ABBREVIATION_KEEP = -3.0
"""log10 channel price of reading capitals that are no syllable (legacy OCR) as an abbreviation printed as it is."""
UNSURE_BELOW = 0.9
"""An occurrence of a repeated phrase read with less posterior than this takes its surest occurrence's reading."""

_LIST_MARKER = re.compile(r"^\s*(?:[a-zđ]\)|\d+(?:\.\d+)*[.)]|[IVXL]+\.|[-+•*]\s)", re.IGNORECASE)
_LETTER_ITEM = re.compile(r"^\s*([a-zđ])\)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;:!?]\s*$")
_SECTION = re.compile(
    r"^\s*(?:phần|phan|chương|chuong|mục|muc|điều|dieu)\s+(?:[IVXLC]+|\d+)(?![^\W\d_])", re.IGNORECASE
)
"""A section's heading (``PHẦN I.``, ``Chương 2``, ``Điều 5``), printed without its marks too."""
_LABEL = re.compile(r"^\s*[^\W\d_][^\W_]*(?: [^\W\d_][^\W_]*)?\s?:(?!\S)")
"""A line opening with a one- or two-word label and its colon (``Số:``, ``Kính gửi:``, ``Nơi nhận:``): a new field."""
_VOWEL = re.compile(r"[aeiouy]")
_OCR_SPLIT_VOWEL = re.compile(r"i[rk](?=[a-z]|$)|it(?=[a-z])|uw")
"""Letter pairs Vietnamese never writes, which Tesseract's eng prints for one ư (``chirc``, ``chikc``, ``nhiting``:
a syllable's t is its last letter; ``nuw6ec``: the horn read as a w)."""
_LETTER_SLASH_LETTER = re.compile(r"[^\W\d_]/[^\W\d_]")
"""Two letters and a slash: an abbreviation (``b/c`` báo cáo, ``t/h`` thực hiện), no word with a speck in it."""
_SPECKS_INSIDE = re.compile(r"[^\W\d_]+(?:[^\w\s]+[^\W\d_]+)+")
"""A word with marks only between its letters (``nwé@c``, ``dqa‘m``), none at its edges."""
_EDGE_DASH = re.compile(r"(?P<before>[-–]*)(?P<word>[^\W\d_]+)(?P<after>[-–]*|[-–./]*/)")
"""A word with a dash printed against it (``-CHUYEN``, ``hoá-``), or the ``./.`` that ends a document (``hien./.``)."""
_GLUED_NUMBER = re.compile(r"([^\W\d_]{2,})([^\w\s]+\d+[^\w\s]*)")
"""A word, then marks and digits: ``ngay]9``, ``ngay|9``, ``thang]2`` (a number OCR glued to the word before it)."""
_SUBJECT_MARK = re.compile(r"V[il1|]v|VIV|Vv")
"""``V/v`` (về việc) as legacy OCR prints its slash: ``Viv``, ``Vlv``, ``V1v``, ``VIV``, or drops it (``Vv``). None is
a syllable; read as words they became ``Vũ`` and ``Vờ``."""
_ONE_BEFORE_DIGITS = re.compile(r"[\]|!](\d+)")
"""``]9`` of ``ngay]9``: a 1 OCR read as a bar or bracket, before the number's other digits."""
_RUN_TOGETHER_MARKS = ".,;:…'‘’`"
"""Marks legacy OCR printed between two words it ran together: punctuation is kept, then a space (``Nam.Chuén``,
``hdi...Lan``); a speck of a quote is dropped (``kém'theo``), and so is a lone digit (``Thi1dua``)."""
_SPECKS = str.maketrans("", "", "'‘’`0123456789")
RUN_TOGETHER_PIECES = {"legacy": 2, "stripped": 4}
"""Channels in which a token no syllable is within reach of may be words run together, and into how many at most
(intact text stays as it is). Typed text runs whole names together (``UYBANNHANDAN``); in legacy OCR, where every
piece is read with OCR's confusions, three pieces would read a foreign word as syllables (``Ca na da``)."""
SPACED_CHANNELS = frozenset({"legacy"})
"""Channels in which words run together lost their space to OCR: it is put back. Stripped text was typed so
(``UYBAN``, ``veviec``): its pieces get their marks and it stays one token, as its writer spaced it."""
RUN_TOGETHER_SHORTEST = 4
"""Tokens shorter than this are never read as words run together (a two-letter piece and another)."""
LINKED_READINGS = 5
"""How many of a piece's likeliest readings may link it to the next (see :meth:`Restorer._linked`)."""
LONGEST_PIECE = 8
"""The longest piece a run-together token is cut into: a syllable and a speck or two."""
PIECE_CHANNEL_FLOOR = -2.5
"""log10 channel score a piece of a run-together token must be read with: ``ctia`` as "của" (-1.2) is legacy OCR's
usual damage; ``Cana`` as "cảng" (-3.6), ``Malay`` as "moay" (-7) are a foreign word cut, which stays as printed."""
_normal = lru_cache(maxsize=100_000)(normalize_syllable)
"""Word-level :func:`normalize_syllable` and :func:`fold`, memoised: a document repeats its words."""
_fold = lru_cache(maxsize=100_000)(fold)
_restore_code = lru_cache(maxsize=100_000)(restore_code)


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
        settings = model.settings
        self.lm = model.language_model(channel)
        self.channel = confusions or model.channels[channel]
        self.weight = settings.channel_weight.get(channel, 1.0)
        self.keep = settings.keep_logprob.get(channel, -3.0)
        self.intact = settings.intact_bonus.get(channel, 0.0)
        self.margin = settings.candidate_margin.get(channel, 3.0)
        self.top = settings.top_candidates.get(channel, 12)
        self.beam_margin = settings.beam_margin.get(channel, math.inf)
        self.adapt = channel in ADAPTING_CHANNELS if adapt is None else adapt
        self.folded = self.channel.folded()
        self.names: NamePrior = (
            base.names if base else NamePrior(model.units, settings.person_weight, settings.unit_weight)
        )
        self.rescue_floor = settings.rescue_floor.get(channel)
        self.reserves: dict[str, tuple[Candidate, ...]] = {}
        """Lower-case token -> the spellings :meth:`_readings` cut, best first (see :meth:`_rescued`)."""
        self.candidates = lru_cache(maxsize=200_000)(self._candidates)
        self.spellings = lru_cache(maxsize=200_000)(self._spellings)
        self.readings = lru_cache(maxsize=200_000)(self._readings)
        self.kept = lru_cache(maxsize=100_000)(self._kept)
        self.fixed = lru_cache(maxsize=100_000)(self._fixed)
        self.run_together = lru_cache(maxsize=10_000)(self._run_together)
        self.word = lru_cache(maxsize=100_000)(self._word)
        """A token's positions are the same tuples wherever it stands: made once, and the decoder knows them."""
        capitals = model.capitals is not None
        self.case_weight = settings.case_weight.get(channel, 0.0) if capitals else 0.0
        self.follow_weight = settings.follow_weight.get(channel, 0.0) if capitals else 0.0
        self.cased = lru_cache(maxsize=100_000)(self._cased)

    def _spellings(self, observed: str) -> tuple[str, ...]:
        """The spellings a word token may stand for (its candidates but the token kept as it is)."""
        return tuple(c.spelling for c in self.candidates(observed) if not c.keep)

    def _candidates(self, observed: str) -> tuple[Candidate, ...]:
        """Spellings ``observed`` (a word token, any case) may stand for, best channel score first."""
        dashed = _EDGE_DASH.fullmatch(observed)
        if dashed and dashed.group("word") != observed:
            # "Văn hoá- Thể thao", "-CHUYỂN ĐỔI SỐ", "thực hiện./.": marks printed against a word are no letters of
            # it (was read "hoán", or the word kept unread)
            before, after = dashed.group("before"), dashed.group("after")
            return tuple(
                c if c.keep else replace(c, spelling=before + c.spelling + after)
                for c in self.candidates(dashed.group("word"))
            )
        lower = unicodedata.normalize("NFC", observed).lower()
        if self.name == "modern" and lower.isalpha():  # "hoá" is "hóa" with the tone placed the old way
            lower = normalize_syllable(lower)
        if _SUBJECT_MARK.fullmatch(observed):  # "Viv:", "Vlv:": OCR's V/v (về việc), no word to read ("Vũ")
            return (Candidate("V/v", self.model.vocabulary.id("<code>"), 0.0),)
        if lower in COMRADE:  # "d/c" is đồng chí abbreviated; its slash is no speck to read through ("độc")
            return (Candidate(COMRADE_SPELLING, self.model.vocabulary.id(COMRADE_SPELLING), 0.0),)
        if _LETTER_SLASH_LETTER.fullmatch(lower):  # "(b/c)", "(t/h)": a copy note abbreviated, as printed ("be")
            return (Candidate(observed, self.model.vocabulary.id("<code>"), 0.0),)
        if self.base is not None:
            return self._rescored(lower, self.base.candidates(observed))
        readings, keep = self.readings(lower)
        if keep is None:
            return readings
        # the token kept as printed, in its own case
        return (*readings, Candidate(observed, keep, self.keep, True, 0.0 if keep else self.model.unknown_logprob))

    def _readings(self, lower: str) -> tuple[tuple[Candidate, ...], int | None]:
        """:meth:`candidates` of a lower-case token but the token kept as printed, and that one's LM id if it is
        a candidate (None if not): the channel's work, shared by "Ke", "KE" and "ke"."""
        model, channel = self.model, self.channel
        if (glued := _GLUED_NUMBER.fullmatch(lower)) and (head := self.candidates(glued.group(1))):
            # "ngay]9": a word and a number OCR ran together (the day 19, its 1 read as "]"). The word is
            # restored, the number kept as printed: a wider channel would read "]9" as noise and drop a digit.
            # A bar or bracket right before the digits is their 1, and the space OCR lost is put back.
            number = glued.group(2)
            if (one := _ONE_BEFORE_DIGITS.fullmatch(number)) is not None:
                number = " 1" + one.group(1)
            return tuple(replace(c, spelling=c.spelling + number) if not c.keep else c for c in head), None
        form = fold(lower)
        # Two edits on a two-letter token reach half the inventory, unless OCR junk is in it ("¢6" = "có").
        short = len(form) <= 2 and form.isalpha()
        distance = min(channel.max_distance, 1) if short else channel.max_distance
        if distance:
            near = [f for f in model.index.forms_near(form, distance) if Levenshtein.distance(form, f) <= distance]
            if self.name in DIGIT_WORD_CHANNELS and (merged := _OCR_SPLIT_VOWEL.sub("u", form)) != form:
                # "chirc", "chire", "chikc": Tesseract's eng prints ư/ứ as two letters; Vietnamese never writes
                # "ir" or "ik", so they are one u, then the edit budget as usual ("chức" is 3 edits from "chire")
                near += [
                    f
                    for f in model.index.forms_near(merged, distance)
                    if Levenshtein.distance(merged, f) <= distance and f not in near
                ]
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
        normal = normalize_syllable(lower)
        intact = self.intact if has_diacritics(lower) or self.name == "modern" else 0.0
        out = [
            Candidate(
                spelling,
                lm_id,
                score,
                False,
                0.0 if lm_id else model.unknown_logprob,
                intact if spelling == normal else 0.0,
            )
            for rank, score, spelling, lm_id in scored[: self.top]
            if rank >= scored[0][0] - self.margin
        ]
        if self.rescue_floor is not None and scored:
            floor = scored[0][0] - self.margin - RESERVE_MARGIN
            reserve = tuple(
                Candidate(spelling, lm_id, score, False, 0.0, intact if spelling == normal else 0.0)
                for rank, score, spelling, lm_id in scored[len(out) : len(out) + RESERVE]
                if rank >= floor and lm_id
            )
            if reserve:
                if len(self.reserves) >= RESERVES_LIMIT:
                    self.reserves.clear()
                self.reserves[lower] = reserve
        if (
            self.name in DIGIT_WORD_CHANNELS
            and (letters := _without_marks_inside(lower)) != lower
            and letters.isalpha()
            and (not out or _SPECKS_INSIDE.fullmatch(lower))
        ):
            # "d(f)ng", "t}u.rc", "nwé@c": OCR printed specks inside the word; read the word without them, at a
            # price. Where the token had readings, with its specks read as letters, those compete: a mark between
            # letters may be a speck ("nwé@c" reached only "niệc" with its @ as a letter, "nước" without it), one
            # at the word's edge is a letter's own ("d€" = "đề", "tr¢" = "trở"). Not when a digit stays ("ngay]9":
            # the day 19 whose 1 OCR read as "]"): a digit is never a speck.
            removed = len(lower) - len(letters)
            spelled = {c.spelling for c in out}
            out += [
                replace(c, channel=c.channel + SPECK_LOGPROB * removed)
                for c in self.candidates(letters)
                if not c.keep and c.spelling not in spelled
            ]
            out.sort(key=lambda c: -(self.weight * c.channel + unigram[c.lm_id] + c.unknown))
        if not out or normal in model.foreign:
            # No syllable within the channel's reach (or a foreign word the corpus uses): keep the token.
            return tuple(out), model.vocabulary.id(normal)
        return tuple(out), None

    def _rescored(self, lower: str, candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
        """The base reading's candidates with this restorer's channel scores, best first."""
        scorer = self.channel.scorer(lower)
        unigram = self.lm.logprob_tables[0]
        rescored = [c if c.keep else _rechanneled(c, scorer.logprob(c.spelling)) for c in candidates]
        return tuple(sorted(rescored, key=lambda c: -(self.weight * c.channel + unigram[c.lm_id] + c.unknown)))

    def restore(self, text: str, explain: bool = False) -> Restoration:
        lines = text.split("\n")
        positions, where, restarts, pieces = self._lattice(lines)
        if not positions:
            return Restoration(text)
        if self.rescue_floor is not None:
            positions = self._rescued(positions, where, restarts)
        settings = self.model.settings
        choices = decode(positions, self.lm, self.weight, settings.beam, restarts, self.beam_margin)
        if self.adapt:
            readings = Counter(
                (positions[i][c].spelling, token.text.lower())
                for i, (c, (_, token)) in enumerate(zip(choices, where, strict=False))
                if token.kind is Kind.word and not positions[i][c].keep
            )
            confusions = self.channel.adapted((g, o, n) for (g, o), n in readings.items())
            return Restorer(self.model, self.name, adapt=False, base=self, confusions=confusions).restore(text, explain)
        hinted = self._consistent(positions, where, choices, restarts)
        if hinted is not positions:
            changed = [i for i, (a, b) in enumerate(zip(positions, hinted, strict=True)) if a is not b]
            positions = hinted
            choices = redecode(
                positions, choices, changed, self.lm, self.weight, settings.beam, restarts, self.beam_margin
            )
        return self._render(lines, positions, where, choices, explain, pieces, restarts)

    def _rescued(
        self, positions: list[tuple[Candidate, ...]], where, restarts: frozenset[int]
    ) -> list[tuple[Candidate, ...]]:
        """The lattice with each word's cut spellings called back where a neighbour's candidate makes a
        collocation with one (``chặt chẽ``, ``di dời``).

        Candidates are cut by channel and unigram alone, so a rare spelling the
        context asks for is lost before the language model sees it: ``ch&``
        read as 24 commoner words than ``chẽ``. A spelling in reserve comes back
        when the language model gives it at least ``rescue_floor`` (log10) after
        a candidate of the word before, or gives a candidate of the word after
        that much after it.
        """
        assert self.rescue_floor is not None
        after, before = self.model.collocations(self.rescue_floor)
        reserves = (self.base or self).reserves
        out = positions
        for i, (_, token) in enumerate(where):
            if token.kind is not Kind.word:
                continue
            reserve = reserves.get(unicodedata.normalize("NFC", token.text).lower())
            if not reserve:
                continue
            left = {c.lm_id for c in positions[i - 1]} if i and i not in restarts else set()
            right = {c.lm_id for c in positions[i + 1]} if i + 1 < len(positions) and i + 1 not in restarts else set()
            have = {c.spelling for c in positions[i]}
            called = tuple(
                c
                for c in reserve
                if c.spelling not in have
                and (not left.isdisjoint(before.get(c.lm_id, ())) or not right.isdisjoint(after.get(c.lm_id, ())))
            )
            if called:
                if self.base is not None:
                    scorer = self.channel.scorer(token.text.lower())
                    called = tuple(_rechanneled(c, scorer.logprob(c.spelling)) for c in called)
                if out is positions:
                    out = list(positions)
                out[i] = (*positions[i], *called)
        return out

    def _consistent(
        self, positions: list[tuple[Candidate, ...]], where, choices: Sequence[int], restarts: frozenset[int]
    ):
        """The lattice with each repeated phrase nudged toward the reading it got where the reading was sure.

        Names and campaign titles recur in a plan; one occurrence may have the
        context ("đồng chí Cao Tường Huy") that another lacks (the signature).
        A phrase is the same run of two or three observed words (one word alone
        means too many things); where its occurrences were read differently, the
        reading whose least sure word is surest, if above the settings'
        ``consistent_confidence``, gives the others a bonus. Returns
        ``positions`` itself when nothing is to be nudged.
        """
        settings = self.model.settings
        occurrences: dict[tuple[str, ...], list[int]] = defaultdict(list)
        words = [i for i, (_, token) in enumerate(where) if token.kind is Kind.word]
        texts = [where[i][1].text for i in words]
        line_of = [where[i][0] for i in words]
        ambiguous = [len(positions[i]) > 1 for i in words]
        for length in PHRASE_LENGTHS:  # longer phrases first: their hints win
            gap = length - 1  # between a phrase's first and last positions
            # the lists shifted by 0 .. span run out together: one item per phrase of this length
            phrases = zip(*(texts[k:] for k in range(length)), strict=False)
            choices_at = zip(*(ambiguous[k:] for k in range(length)), strict=False)
            for i, end, first_line, last_line, phrase, several in zip(
                words, words[gap:], line_of, line_of[gap:], phrases, choices_at, strict=False
            ):
                # consecutive positions of one line, at least one of which has a choice
                if end - i == gap and first_line == last_line and True in several:
                    occurrences[phrase].append(i)
        hints: dict[int, str] = {}
        known: dict[int, float] = {}

        def sure(at: int) -> float:
            """Posterior of the reading chosen at ``at`` (a word is in several phrases: computed once)."""
            if at not in known:
                known[at] = posteriors(positions, choices, self.lm, self.weight, at, restarts)[choices[at]]
            return known[at]

        read = [candidates[c].spelling for candidates, c in zip(positions, choices, strict=True)]
        for phrase, starts in occurrences.items():
            if len(starts) < 2:
                continue
            size = len(phrase)
            span = range(size)
            readings = {i: tuple(read[i : i + size]) for i in starts}
            if len(set(readings.values())) < 2:
                continue
            sureness = {i: min(sure(i + k) for k in span) for i in starts}
            best = max(starts, key=lambda i: sureness[i])
            if sureness[best] < settings.consistent_confidence:
                continue
            for i in starts:
                # an occurrence its own context reads surely keeps its reading ("sử dụng công trình" beside
                # "xây dựng công trình": the phrase "dung cong" reads two ways)
                if readings[i] != readings[best] and sureness[i] < UNSURE_BELOW:
                    for k in span:
                        if readings[i][k] != readings[best][k]:  # a word read alike needs no nudge
                            hints.setdefault(i + k, readings[best][k])
        if not hints:
            return positions
        hinted = list(positions)
        for i, spelling in hints.items():
            hinted[i] = tuple(
                _with_prior(c, c.prior + settings.consistency_weight) if c.spelling == spelling else c
                for c in positions[i]
            )
        return hinted

    def _lattice(self, lines: list[str]):
        """Candidates at every position, which token each position reads, where paragraphs begin, and the tokens
        read as words run together (by the position of their first piece: the token and how many pieces it has)."""
        positions: list[tuple[Candidate, ...]] = []
        where: list[tuple[int, Token]] = []
        restarts: set[int] = set()
        pieces: dict[int, tuple[Token, int]] = {}
        previous, item = "", ""
        word, fixed = self.word, self.fixed
        for number, line in enumerate(lines):
            tokens = _kind_parted(line_tokens(line))
            if tokens and _starts_paragraph(line, previous):
                restarts.add(len(positions))
            slots: list[Slot] = []
            capitalised = False
            case = mid_sentence_case(tokens) if self.case_weight or self.follow_weight else {}
            cased: list[tuple[int, str, bool | None, bool | None, tuple[Candidate, ...]]] = []
            for n, token in enumerate(tokens):
                if token.kind is Kind.code and (_dash_edged_word(token.text) or token.text.lower() in COMRADE):
                    token = token._replace(kind=Kind.word)  # "-CHUYEN": a word with a dash against it, no code
                text, kind = token.text, token.kind
                if (
                    n
                    and self.name in DIGIT_WORD_CHANNELS
                    and (roman := _roman_number(token)) is not None
                    and (numbered := self._numbered_in_roman(tokens[n - 1], several=roman[1])) is not None
                ):
                    # "Quy 111/2024", "Phén 11": a quarter or a part is numbered in Roman; legacy OCR printed its
                    # I as 1 or l (a modern reading's "Quý 1/2024" is printed so, and stays). The word read so is
                    # what makes the number Roman: it is that word ("Phén" is no "Phễn" before "II")
                    if where and where[-1][1].start == tokens[n - 1].start:
                        word_read = tuple(c for c in positions[-1] if c.spelling == numbered)
                        positions[-1] = word_read or positions[-1]
                    symbol = token_symbols(Token(roman[0], token.start, classify(roman[0])))[0]
                    positions.append((Candidate(roman[0], self.model.vocabulary.id(symbol), 0.0),))
                    where.append((number, token))
                    slots.append(Slot(text))
                    continue
                if n == 0 and (marker := _LETTER_ITEM.match(line)):
                    item, forced = _next_item(item, marker.group(1))
                    if forced:
                        positions.append((Candidate(forced, self.model.vocabulary.id(forced), 0.0),))
                        where.append((number, token))
                        slots.append(Slot(text))
                        continue
                    # a list item's letter ("b)"): as it is
                    positions.append(self.kept(text, kind))
                    where.append((number, token))
                    slots.append(Slot(text))
                    continue
                if kind is Kind.word and _dotted(token, line):
                    # "Tp.", "Tx." before a place's name: as printed
                    positions.append(self.kept(text, kind))
                    where.append((number, token))
                    slots.append(Slot(text))
                    continue
                if (
                    (kind is Kind.word or kind is Kind.abbreviation)
                    and self.name in RUN_TOGETHER_PIECES
                    and len(text) >= RUN_TOGETHER_SHORTEST
                    and not self.spellings(text)
                    and (cut := self.run_together(text)) is not None
                ):
                    # "luatctia", "07nim", "UYBAN": no syllable is within reach of the token, one is of each piece
                    pieces[len(positions)] = (token, len(cut))
                    for piece in cut:
                        where.append((number, piece._replace(start=token.start + piece.start)))
                        if piece.kind is Kind.word:
                            piece_readings, piece_spelled, piece_capital = word(piece.text)
                            slots.append(Slot(piece.text, len(positions), piece_spelled or ()))
                            capitalised = capitalised or piece_capital
                            positions.append(piece_readings)
                        else:
                            slots.append(Slot(piece.text))
                            positions.append(self.kept(piece.text, piece.kind))
                    continue
                if kind is Kind.word:
                    readings, spelled, capital = word(text)
                    if spelled is None:
                        # letters no syllable was printed as ("Thg", "Tp"): as they are
                        positions.append(readings)
                        where.append((number, token))
                        slots.append(Slot(text))
                        continue
                    slots.append(Slot(text, len(positions), spelled))
                    capitalised = capitalised or capital
                    if case and len(readings) > 1 and (n in case or n + 1 in case):
                        cased.append((len(positions), text, case.get(n), case.get(n + 1), readings))
                    positions.append(readings)
                    where.append((number, token))
                    continue
                for position in fixed(text, kind):
                    positions.append(position)
                    where.append((number, token))
                slots.append(Slot(text))
            named = self.names.priors(slots) if capitalised else {}
            if capitalised:  # a word slot is capitalised: a name may stand on this line
                _apply(positions, named)
                speck = slots[0].position if self.names.signature_start(slots) == 1 else None
                if speck is not None and slots[0].spellings and slots[0].text.lower() not in slots[0].spellings:
                    # the signature's stroke OCR read as a short word ("bk Cao Tường Huy"): kept as printed, so
                    # that no word made of it ("bị") pulls the name into a phrase ("bị cáo")
                    token_text = slots[0].text
                    positions[speck] = (Candidate(token_text, self.model.vocabulary.id(token_text.lower()), 0.0, True),)
            for at, text, upper, before_upper, readings in cased:
                # where a name stands, any word is capitalised: how often it is elsewhere says nothing ("Phù Mỹ",
                # though "phù hợp" is seldom capitalised)
                if at not in named and positions[at] is readings:
                    positions[at] = self.cased(text, upper, before_upper)
            previous = line if line.strip() else ""
        return positions, where, frozenset(restarts), pieces

    def _cased(self, text: str, upper: bool | None, before_upper: bool | None) -> tuple[Candidate, ...]:
        """A word's readings weighed by how often each is capitalised where a sentence goes on (``upper``: how
        the word is printed there) and how often the word after it is (``before_upper``); None: not known."""
        capitals = self.model.capitals
        assert capitals is not None

        def evidence(spelling: str) -> float:
            value = 0.0
            if upper is not None:
                value += self.case_weight * capitals.logprob(spelling, upper)
            if before_upper is not None:
                value += self.follow_weight * capitals.next_logprob(spelling, before_upper)
            return value

        return tuple(c if c.keep else _with_prior(c, c.prior + evidence(c.spelling)) for c in self.word(text)[0])

    def _word(self, text: str) -> tuple[tuple[Candidate, ...], tuple[str, ...] | None, bool]:
        """What the lattice needs of a word token: its position's candidates, the spellings a name prior may
        choose from (None for letters read as they are printed) and whether it is capitalised; one lookup."""
        if self.name not in DIGIT_WORD_CHANNELS and _no_vowel(text):
            # letters without a vowel are no syllable, unless legacy OCR printed its vowels as letters ("ndm")
            return self.kept(text, Kind.word), None, False
        return self.candidates(text), self.spellings(text), is_capitalised(text)

    def _run_together(self, text: str) -> tuple[Token, ...] | None:
        """The words run together in a token no syllable is within reach of (legacy OCR's ``luatctia`` → ``luat``
        + ``ctia``, ``ctiaH6i``, ``07nim`` → ``07`` + ``nim``, ``Nam.Chuén``; typed ``UYBANNHANDAN``), as tokens
        with offsets in it; None when no cut leaves pieces the channel reads each of.

        The cut is where the pieces' best readings score highest (weighted channel and unigram: fewer pieces
        score higher); the decoder then reads each piece in its context. A number is a piece only where its
        digits meet letters; marks between pieces are no part of either.
        """
        if _normal(text) in self.model.foreign:
            return None
        size, most = len(text), RUN_TOGETHER_PIECES[self.name]
        # best[i]: the best cut of text[:i] that ends a piece at i: (score, pieces, the last piece's readings)
        best: list[tuple[float, tuple[Token, ...], frozenset[int]] | None] = [None] * (size + 1)
        best[0] = (0.0, (), frozenset())
        for end_before in range(size):
            if (done := best[end_before]) is None or len(done[1]) == most:
                continue
            start = end_before
            while (
                end_before and start < size and (text[start] in _RUN_TOGETHER_MARKS or self._digit_speck(text, start))
            ):
                start += 1  # marks between two pieces
            for end in range(start + 1, min(size, start + LONGEST_PIECE) + 1):
                piece = text[start:end]
                if (end < size and text[end - 1] in _RUN_TOGETHER_MARKS) or (start == 0 and end == size):
                    continue
                read = self._piece(piece, text[start - 1 : start] + text[end : end + 1])
                if read is None or (done[1] and not self._linked(done[2], read[1])):
                    continue
                total = done[0] + read[0]
                if (known := best[end]) is None or total > known[0]:
                    best[end] = (total, (*done[1], Token(piece, start, _piece_kind(piece))), read[1])
        found = best[size]
        return found[1] if found and len(found[1]) > 1 else None

    def _digit_speck(self, text: str, at: int) -> bool:
        """Whether ``text[at]`` is a lone digit between letters that legacy OCR printed for the space it lost
        (``Luat Thi1dua``): no number stands inside a word."""
        return (
            self.name in DIGIT_WORD_CHANNELS
            and 0 < at < len(text) - 1
            and text[at].isdigit()
            and text[at - 1].isalpha()
            and text[at + 1].isalpha()
        )

    def _piece(self, piece: str, boundary: str) -> tuple[float, frozenset[int]] | None:
        """How well a piece of a run-together token reads as a word (its best candidate's weighted channel score
        and unigram) and the LM ids of its likeliest readings; a number whose digits meet letters (``boundary``:
        the characters either side of it) scores 0; None when it reads as neither."""
        vocabulary = self.model.vocabulary
        if piece.isdigit():
            if any(c.isdigit() for c in boundary):
                return None
            return 0.0, frozenset({vocabulary.id(token_symbols(Token(piece, 0, Kind.number))[0])})
        if len(piece) < 2 or not any(c.isalpha() for c in piece):
            return None
        if any(c.isupper() for c in piece) and not any(c.isdigit() for c in piece) and _no_vowel(piece):
            return None  # capitals without a vowel are an abbreviation's ("GDTrH": GD, TrH)
        unigram = self.lm.logprob_tables[0]
        scored = sorted(
            (
                (self.weight * c.channel + unigram[c.lm_id] + c.unknown, c.lm_id)
                for c in self.candidates(piece)
                if not c.keep and c.channel >= PIECE_CHANNEL_FLOOR and c.lm_id
            ),
            reverse=True,
        )
        if not scored:
            return None
        return scored[0][0], frozenset(lm_id for _, lm_id in scored[:LINKED_READINGS])

    def _linked(self, left: frozenset[int], right: frozenset[int]) -> bool:
        """Whether one of the likeliest readings of two pieces is followed by one of the other's in the corpus:
        words run together are words that go together ("ủy ban", "về việc", "năm 2020"; not "ca na", "lay sia")."""
        bigrams = self.lm.logprob_tables[1]
        return any((a << ID_BITS) | b in bigrams for a in left for b in right)

    def _numbered_in_roman(self, previous: Token, *, several: bool) -> str | None:
        """The reading of the word before a number as one a Roman number follows, if among its likely readings
        (``Quy`` → ``quý``, ``Phén`` → ``phần``); a part or chapter only for a number of ``several`` figures
        ("Phần 1" may be printed so; "Phần 11" is no plan's part)."""
        if previous.kind is not Kind.word:
            return None
        readings = [c for c in self.candidates(previous.text) if not c.keep]
        if not readings:
            return None
        floor = max(c.channel for c in readings) - ROMAN_CHANNEL_MARGIN
        reading = next((c.spelling for c in readings if c.spelling in ROMAN_AFTER and c.channel >= floor), None)
        return reading if reading == "quý" or (reading is not None and several) else None

    def _kept(self, text: str, kind: Kind) -> tuple[Candidate, ...]:
        """The one reading of a token read as it is printed (a list item's letter, "Thg")."""
        return (Candidate(text, self.model.vocabulary.id(token_symbols(Token(text, 0, kind))[0]), 0.0, True),)

    def _fixed(self, text: str, kind: Kind) -> tuple[tuple[Candidate, ...], ...]:
        """:meth:`_token_candidates` of a token that is no word, which depend on its text and kind only."""
        return tuple(self._token_candidates(Token(text, 0, kind)))

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
        if self.name in DIGIT_WORD_CHANNELS and token.kind is Kind.abbreviation and _may_be_heading_word(token.text):
            # Legacy OCR prints a heading's "CHƯƠNG" as "CHUGNG" and "HỘI" as "HQI": capitals that are no
            # syllable may be one, or an abbreviation ("UBND") as the language model knows it
            lm_id = self._abbreviation_id(token)
            kept = Candidate(token.text, lm_id, ABBREVIATION_KEEP, True, 0.0 if lm_id else self.model.unknown_logprob)
            yield (kept, *(c for c in self.candidates(token.text) if not c.keep))
            return
        if self.name in RUN_TOGETHER_PIECES and token.kind is Kind.roman and _roman_or_syllable(token.text):
            # "ĐƠN VI HÀNH CHÍNH" lost its marks: VI is "vị" as often as the sixth (Đại hội VI); the LM decides
            # between the number and the syllables of its letters (no other letters: XI is no "xã")
            (symbol,) = token_symbols(token)
            kept = Candidate(token.text, vocabulary.id(symbol), 0.0, True)
            letters = _fold(token.text.lower())
            yield (kept, *(c for c in self.candidates(token.text) if not c.keep and _fold(c.spelling) == letters))
            return
        if token.kind is Kind.abbreviation:
            yield (Candidate(token.text, self._abbreviation_id(token), 0.0, True),)
            return
        for symbol in token_symbols(token):
            yield (Candidate(token.text, vocabulary.id(symbol), 0.0, True),)

    def _abbreviation_id(self, token: Token) -> int:
        """The LM id of an abbreviation as it is rendered: ``HDND`` printed without its Đ is ``HĐND`` to the
        language model too, which knows what follows it (``HĐND tỉnh``, not ``tính``)."""
        vocabulary = self.model.vocabulary
        restored = _restore_code(token.text)
        if restored != token.text and (lm_id := vocabulary.id(token_symbols(Token(restored, 0, token.kind))[0])):
            return lm_id
        return vocabulary.id(token_symbols(token)[0])

    def _render(
        self,
        lines,
        positions,
        where,
        choices,
        explain: bool,
        pieces: dict[int, tuple[Token, int]],
        restarts: frozenset[int],
    ) -> Restoration:
        """Write the chosen spellings into the lines; the evidence is gathered only when asked for."""
        out_lines = list(lines)
        decisions: list[tuple[int, int, Token, str, str]] = []  # (position, line number, token, restored, reason)
        edits: dict[int, list[tuple[int, int, str]]] = {}
        word, number_kind, abbreviation, code, roman = Kind.word, Kind.number, Kind.abbreviation, Kind.code, Kind.roman
        last_line, last_start = -1, -1  # where the last token decided stands
        written = 0  # positions before this one are written (a run-together token's pieces)
        for i, (number, token) in enumerate(where):
            text, start, kind = token
            if start == last_start and number == last_line:
                continue  # a punctuation run spans several positions
            last_line, last_start = number, start
            if i < written:
                continue  # a later piece of a run-together token, written with the first
            if (cut := pieces.get(i)) is not None:
                # words run together: each piece read as the decoder chose, the space OCR lost put back
                whole, count = cut
                written = i + count
                line, space = lines[number], " " if self.name in SPACED_CHANNELS else ""
                restored = ""
                for k in range(i, written):
                    piece = where[k][1]
                    if k > i:
                        previous = where[k - 1][1]
                        marks = line[previous.start + len(previous.text) : piece.start]
                        restored += (marks.translate(_SPECKS) + space) if space else marks
                    restored += _piece_reading(piece, positions[k][choices[k]])
                decisions.append((i, number, whole, restored, "run-together"))
                if restored != whole.text:
                    edits.setdefault(number, []).append((whole.start, whole.start + len(whole.text), restored))
                continue
            chosen = positions[i][choices[i]]
            if (kind is word or kind is number_kind or kind is abbreviation or kind is roman) and not chosen.keep:
                # the same syllable keeps the token's own spelling ("hoá" stays "hoá", not "hóa")
                same = chosen.spelling == _normal(text)
                restored = text if same else apply_case(text, chosen.spelling)
                reason = "accent" if same or _fold(restored) == _fold(text) else "ocr-confusion"
            elif kind is word and self._unrestorable(text):
                restored, reason = text, "unrestorable"
            elif kind is code or kind is abbreviation:
                restored, reason = _restore_code(text), "code"
            else:
                restored, reason = text, ""
            decisions.append((i, number, token, restored, reason))
            if restored != text:
                edits.setdefault(number, []).append((start, start + len(text), restored))
        line_starts = [0]
        for line in lines:
            line_starts.append(line_starts[-1] + len(line) + 1)
        for number, spans in edits.items():
            line = out_lines[number]
            for start, end, replacement in sorted(spans, reverse=True):
                line = line[:start] + replacement + line[end:]
            out_lines[number] = line
        placed = tuple(
            (line_starts[number] + start, line_starts[number] + end, replacement)
            for number in sorted(edits)
            for start, end, replacement in sorted(edits[number])
        )
        lm, weight = self.lm, self.weight

        def confidence(i: int, token: Token, restored: str, reason: str) -> tuple[float, list[tuple[str, float]]]:
            """Posterior of the reading at position ``i`` (0 for a word no syllable was found for)."""
            candidates = positions[i]
            probabilities = posteriors(positions, choices, lm, weight, i, restarts) if len(candidates) > 1 else [1.0]
            readings = [
                (token.text if c.keep else apply_case(token.text, c.spelling), p)
                for c, p in zip(candidates, probabilities, strict=False)
            ]
            if reason == "unrestorable":
                return 0.0, readings
            if reason == "run-together":  # as sure as its least sure piece
                sure = probabilities[choices[i]]
                for k in range(i + 1, i + pieces[i][1]):
                    if len(positions[k]) > 1:
                        sure = min(sure, posteriors(positions, choices, lm, weight, k, restarts)[choices[k]])
                return sure, []
            sure = sum(p for w, p in readings if w == restored) if token.kind is Kind.word else 1.0
            return sure, readings

        def evidence() -> list[TokenChange]:
            changes = []
            for i, number, token, restored, reason in decisions:
                if restored == token.text and not (reason == "unrestorable" or (explain and token.kind is Kind.word)):
                    continue
                sure, readings = confidence(i, token, restored, reason)
                alternatives = tuple(
                    sorted(((w, round(p, 4)) for w, p in readings if w != restored), key=lambda x: -x[1])
                )
                changes.append(
                    TokenChange(
                        number + 1,
                        token.start,
                        token.text,
                        restored,
                        round(sure, 4),
                        alternatives,
                        reason or "kept",
                    )
                )
            return changes

        def doubtful() -> list[DoubtfulSpan]:
            """Words read with less than :data:`DOUBTFUL_BELOW` (unrestorable ones too), on the output."""
            shift: dict[int, int] = defaultdict(int)
            spans = []
            for i, number, token, restored, reason in decisions:
                start = token.start + shift[number]
                shift[number] += len(restored) - len(token.text)
                if token.kind is not Kind.word or (
                    len(positions[i]) == 1 and reason != "unrestorable" and reason != "run-together"
                ):
                    continue
                sure, _ = confidence(i, token, restored, reason)
                if sure < DOUBTFUL_BELOW:
                    spans.append(DoubtfulSpan(number + 1, start, start + len(restored), restored, round(sure, 4)))
            return spans

        return Restoration("\n".join(out_lines), evidence, doubtful, placed)

    def _unrestorable(self, text: str) -> bool:
        """A word kept as it is because no syllable was within reach (not a foreign word the corpus uses)."""
        normal = _normal(text)
        return normal not in self.model.index and normal not in self.model.foreign


_QUARTER_NUMBER = re.compile(r"(?=.*[1l|])(?P<roman>[1lI|]{1,3}|[1lI|]V)(?P<year>/\d{2,4})?")


def _kind_parted(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """``TP.H6`` → ``TP``, ``.``, ``H6``: a unit's kind abbreviated with its full stop and the name printed against
    it (``TP.Hồ Chí Minh``, ``TX.Sơn Tây``) are words apart; the name's first syllable is restored on its own. (Damage
    detection counts the token as printed.)"""
    if not any(_KIND_BEFORE_NAME.match(token.text) for token in tokens):
        return tokens
    parted: list[Token] = []
    for token in tokens:
        if (kind := _KIND_BEFORE_NAME.match(token.text)) is None:
            parted.append(token)
            continue
        name = token.text[kind.end() :]
        parted += [
            Token(kind.group("kind"), token.start, Kind.abbreviation),
            Token(".", token.start + kind.end() - 1, Kind.punct),
            Token(name, token.start + kind.end(), classify(name)),
        ]
    return tuple(parted)


_KIND_BEFORE_NAME = re.compile(r"^(?P<kind>TP|Tp|TX|Tx)\.(?=[^\W\d_]\w)")
"""Thành phố and thị xã abbreviated before a name (not ``Q.1``, ``P.5``: numbered, nothing to restore)."""


def _roman_number(token: Token) -> tuple[str, bool] | None:
    """``111/2024`` → ``("III/2024", True)``: a Roman number OCR printed with digits, and whether it has several
    figures; None for any other token."""
    if token.kind is not Kind.number and token.kind is not Kind.word:
        return None
    match = _QUARTER_NUMBER.fullmatch(token.text)
    if match is None:
        return None
    roman = match.group("roman")
    return re.sub(r"[1l|]", "I", roman) + (match.group("year") or ""), len(roman) > 1


ROMAN_AFTER = frozenset({"quý", "phần", "chương"})
"""Words a Roman number follows in an administrative text: a quarter, a part, a chapter."""
ROMAN_CHANNEL_MARGIN = 3.0
"""How much less likely (log10, by the channel alone) than the word's likeliest reading such a word may be: by
the channel, not by rank among candidates, which the corpus's word counts reorder (``Phén``: ``phễn``, ``phán``,
``phồn``, ``phân`` rank before ``phần``, printed with é for ầ)."""


DOTTED_ABBREVIATIONS = frozenset({"Tp", "TP", "Tx", "TX", "Tt", "TT"})
"""``Tp.`` (thành phố), ``Tx.`` (thị xã), ``Tt.`` (thị trấn) before a place's name: no syllable, though the legacy
channel, which lets OCR drop vowels, would read ``Tp`` as ``Tập``."""


def _dotted(token: Token, line: str) -> bool:
    end = token.start + len(token.text)
    return token.text in DOTTED_ABBREVIATIONS and line[end : end + 1] == "."


def _dash_edged_word(text: str) -> bool:
    dashed = _EDGE_DASH.fullmatch(text)
    return dashed is not None and dashed.group("word") != text and is_syllable_shape(dashed.group("word"))


def _roman_or_syllable(text: str) -> bool:
    """A Roman number of two letters or more that is also a syllable without its marks (``VI``: vị, ``XI``)."""
    return len(text) >= 2 and is_syllable_shape(text)


def _piece_reading(piece: Token, chosen: Candidate) -> str:
    return piece.text if chosen.keep else apply_case(piece.text, chosen.spelling)


def _piece_kind(piece: str) -> Kind:
    """A piece of a run-together token is a number or a word (capitals too: ``CHUEN`` is no abbreviation)."""
    return Kind.number if piece.isdigit() else Kind.word


@lru_cache(maxsize=100_000)
def _no_vowel(text: str) -> bool:
    """Letters only, and no vowel among them ("Thg", "Tp", the "b" of a list)."""
    return text.isalpha() and not _VOWEL.search(fold(text))


def _without_marks_inside(word: str) -> str:
    """The word's letters and digits only."""
    return "".join(c for c in word if c.isalnum())


def _may_be_heading_word(text: str) -> bool:
    """Capitals with a vowel, none of the codes whose Đ is restored: a heading's word legacy OCR garbled."""
    return len(text) >= 2 and text.isalpha() and _VOWEL.search(fold(text)) is not None and text not in D_RESTORED


def _apply(positions: list[tuple[Candidate, ...]], priors: Priors) -> None:
    """Add the name prior's bonuses to the candidates they are for."""
    for i, bonuses in priors.items():
        positions[i] = tuple(
            _with_prior(c, c.prior + bonuses[c.spelling]) if not c.keep and c.spelling in bonuses else c
            for c in positions[i]
        )


def _rechanneled(c: Candidate, channel: float) -> Candidate:
    """``replace(c, channel=channel)``, made directly (``dataclasses.replace`` costs four times as much)."""
    return Candidate(c.spelling, c.lm_id, channel, c.keep, c.unknown, c.prior)


def _with_prior(c: Candidate, prior: float) -> Candidate:
    """``replace(c, prior=prior)``, made directly."""
    return Candidate(c.spelling, c.lm_id, c.channel, c.keep, c.unknown, prior)


def _next_item(previous: str, letter: str) -> tuple[str, str | None]:
    """Lists run a) b) c) d) đ) e): a second "d)" after "d)" is the "đ)" that OCR took the stroke from."""
    letter = letter.lower()
    if letter == "d" and previous == "d":
        return "đ", "đ"
    return letter, None


def _starts_paragraph(line: str, previous: str) -> bool:
    """Where the corpus would have begun a new line: after a blank line, at list items and section headings
    (``PHẦN I``), after a full stop."""
    if not previous:
        return True
    if _LIST_MARKER.match(line) or _LABEL.match(line) or _SECTION.match(line):
        return True
    first = line.lstrip()[:1]
    return bool(_SENTENCE_END.search(previous)) and first.isupper()


@lru_cache(maxsize=100_000)
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
    with _no_cycle_collection():
        return _restorer(detect_channel(text) if channel == "auto" else channel).restore(text, explain)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while a text is restored, as it was before (off stays off).

    The decoder makes a few million short-lived tuples; the collector, set off
    by their number, walks every cached token and candidate each time it runs
    a full pass, and found nothing to free in them: a tenth of restoration's
    time. Restoring makes no cyclic garbage but the re-reading restorer of a
    legacy document, which the next collection after this one frees.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
