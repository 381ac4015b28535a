"""The shipped restoration model: one dated file under data/models/, loaded once, lazily.

The bundle holds the syllable language model, its vocabulary, the syllable
inventory, the OCR channels and the decoder settings they were tuned with.
``make model`` rebuilds it from ../shared/corpus (see :mod:`diacritics.train`);
the file name carries the date it was built, and the ingest cache is keyed on
it, so a new model reprocesses what it may change.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

import numpy as np

from khplan.diacritics.capitals import CapitalCounts, CaseModel
from khplan.diacritics.channel import Channel, stripping_channel
from khplan.diacritics.lm import ID_BITS, WORD_MASK, NgramModel
from khplan.diacritics.name_lists import FAMILY, GIVEN, MIDDLE
from khplan.diacritics.syllables import SyllableIndex, dictionary_pairs, normalize_syllable
from khplan.diacritics.symbols import Vocabulary

MODEL_FILE = "restorer_2026_12_05.npz"
MODELS_DIR = Path(str(files("khplan.data"))) / "models"
"""Where the shipped model lies: inside the installed package (``data/models/`` of a source tree)."""


@dataclass(frozen=True)
class DecoderSettings:
    """How channel and language model are weighed, per channel; tuned on a dev split by ``make model``."""

    channel_weight: dict[str, float] = field(default_factory=lambda: {"stripped": 1.0, "legacy": 1.0, "modern": 1.0})
    beam: int = 5
    """Hypotheses kept per position: on held-out stripped text beam 6 gains 0.005% for 6% more time, beam 4 loses
    0.08%."""
    beam_margin: dict[str, float] = field(default_factory=lambda: {"stripped": 4.0, "legacy": 100.0, "modern": 100.0})
    """A hypothesis more than this (log10) below the best at a position is dropped, the beam notwithstanding: the
    words ahead would have to favour it that much, per channel. Stripped text, whose channel scores nothing, reads
    the real development documents at 99.55% with no margin, 5 and 4, 99.50% at 3; 4 decodes the stripped laws a
    quarter faster. Legacy OCR prices a reading its letters disagree with dearly and the words ahead may repay it
    (`Nghị quyết 56 124/NQ-HĐND`: `số` costs 5.8 where the number costs nothing, and `số <code>` repays 4.6):
    not pruned so, nor intact text (100: no margin)."""
    top_candidates: dict[str, int] = field(default_factory=lambda: {"stripped": 12, "legacy": 24, "modern": 12})
    """Candidates kept per token after channel scoring, per channel."""
    candidate_margin: dict[str, float] = field(default_factory=lambda: {"stripped": 2.5, "legacy": 7.0, "modern": 3.0})
    """Candidates whose channel-and-unigram score trails the best by more than this (log10) are dropped, per
    channel. Stripped text has no channel evidence, so the unigram alone ranks a form's spellings: on the
    development laws and real development documents 2.5 reads as well as 3.0 and decodes a fifth faster; a rare
    spelling the context asks for is called back (:attr:`rescue_floor`: ``doi`` has 30 spellings, ``dời`` of
    ``di dời`` is not among the first 12). On the 188 administrative files gathered and not trained on
    (``build/corpus/admin-2026-12-05e``), model of 1,950 files: 12 within 2.5 97.46%, 20 within 3.0 97.52%, 12
    within 2.5 with the calling back 97.53% (shipped).
    Legacy OCR garbles letters its channel has seldom seen garbled so ("cứ" printed "cv", "ctv"): a wide
    margin and 24 candidates leave the language model the word (real development documents 96.74% ->
    97.04%, seeds 000 and 003 97.46% -> 98.00% and 95.01% -> 95.81%, against 3.0 and 12), at 1.6 times the
    time."""
    rescue_floor: dict[str, float] = field(default_factory=lambda: {"stripped": -2.0, "legacy": -2.0})
    """log10 p(word | word before) from which a spelling cut from a word's candidates is called back when a
    neighbour's candidate makes that pair with it (:meth:`Restorer._rescued`), per channel; a channel not named
    calls none back (intact text: its words are read as printed). Legacy OCR's ``ch&`` has 24 commoner readings
    than ``chẽ`` after ``chặt``. On the model of 1,950 files: seeds 000 / 003 98.40 / 97.55% -> 98.53 / 97.71%,
    development legacy OCR 97.76 -> 97.77%, the 188 files gathered and not trained on (stripped) 97.46 -> 97.53%,
    development stripped 99.70%; -0.5 and -1.0 called back too little (seeds 98.40 / 97.57%), -3.0 read as -2.0."""
    keep_logprob: dict[str, float] = field(default_factory=lambda: {"stripped": -3.0, "legacy": -3.0, "modern": -3.0})
    """log10 P(a non-Vietnamese token printed as it is), per channel: the price of leaving a token alone."""
    intact_bonus: dict[str, float] = field(default_factory=lambda: {"stripped": 0.0, "legacy": 0.0, "modern": 0.0})
    """log10 bonus of a word read as printed when it is a valid syllable with its marks, per channel: on intact
    text (modern OCR, typed) a correct word is changed only on strong evidence."""
    person_weight: float = 1.0
    """Weight of the personal-name prior (log10 per decade of name frequency) where a name stands."""
    unit_weight: float = 2.0
    """log10 bonus of the spellings of an administrative unit's name after ``tỉnh``, ``huyện`` …"""
    consistency_weight: float = 2.0
    """log10 bonus toward a phrase's confident reading elsewhere in the document."""
    consistent_confidence: float = 0.9
    """Posterior above which a phrase's reading informs its other occurrences."""
    lexicon_weight: dict[str, float] = field(default_factory=lambda: {"stripped": 1.0, "legacy": 0.0, "modern": 0.0})
    """log10 bonus of a word after the syllable it makes a dictionary word with (:attr:`NgramModel.pair_bonus`),
    per channel. On the 71 development documents no page of which the corpus holds (``python -m
    tools.training.lm_mix --unseen --weights 4 --settings "lexicon_weight=0,1,1.5,2"``, the value on every
    channel), stripped / legacy OCR: 0: 99.33 / 98.39%, 1: 99.44 / 98.40%, 1.5: 99.42 / 98.40%, 2: 99.42 / 98.42%.
    Legacy OCR gains little and its candidates differ in letters, where a dictionary word would overrule what
    was printed; intact text is left to the plain model."""
    case_weight: dict[str, float] = field(default_factory=lambda: {"stripped": 1.0, "legacy": 0.5, "modern": 0.0})
    """Weight of the capital's evidence (:mod:`diacritics.capitals`) where a word goes on a sentence, per channel.
    Intact text has its marks, and legacy OCR's capitals are less sure than typed ones."""
    follow_weight: dict[str, float] = field(default_factory=lambda: {"stripped": 1.0, "legacy": 1.0, "modern": 0.0})
    """Weight of the evidence of the word after it (capitalised or not) where that word goes on the sentence."""
    case_smoothing: float = 10.0
    """Occurrences' worth of the overall capitalisation rate a word's own rate is drawn toward."""
    unseen_context: dict[str, float] = field(
        default_factory=lambda: {"stripped": -0.75, "legacy": -0.75, "modern": 0.0}
    )
    """log10 price the language model charges for backing off from a history its corpus never saw
    (:attr:`NgramModel.unseen_context`), per channel. On the 71 development documents no page of which the
    corpus holds (``python -m tools.training.lm_mix --unseen --weights 4 --settings
    "unseen_context=-0.25,-0.5,-0.75,-1"``), stripped / legacy OCR: 0: 99.16 / 98.19%, -0.25: 99.21 / 98.28%,
    -0.5: 99.21 / 98.32%, -0.75: 99.25 / 98.31%, -1: 99.24 / 98.28%, -1.5: 99.25 / 98.20%. Intact text keeps
    the plain model: there the price changed correct words (held-back damage 0.04 -> 0.06%)."""


@dataclass
class RestorationModel:
    """Everything the restorer needs, as loaded from the bundle."""

    vocabulary: Vocabulary
    lm: NgramModel
    index: SyllableIndex
    channels: dict[str, Channel]
    settings: DecoderSettings
    unknown_logprob: float
    """log10 share of ``<unk>``'s mass one syllable unknown to the LM gets."""
    meta: dict = field(default_factory=dict)
    units: frozenset[tuple[str, ...]] = frozenset()
    """Short names of the administrative units, as syllables (:func:`diacritics.names.unit_names`, at build time)."""
    foreign: frozenset[str] = frozenset()
    """Words that are no Vietnamese syllable and that restoration leaves alone (``email``, ``internet``)."""
    dictionary: frozenset[int] | None = None
    """The dictionary's two-syllable words as packed pairs of this vocabulary's ids (see :meth:`language_model`);
    None for a bundle built before they were stored: read from the word list when first needed."""
    capitals: CaseModel | None = None
    """How often each syllable is capitalised where a sentence goes on, in the training text (None: a bundle
    built before it was counted, which weighs no capital)."""
    collocation_index: dict[float, tuple[dict[int, frozenset[int]], dict[int, frozenset[int]]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    """:meth:`collocations`, by floor."""
    views: dict[tuple[float, float], NgramModel] = field(default_factory=dict, repr=False, compare=False)
    """The language model as channels use it, by price of an unseen history and dictionary bonus
    (:meth:`language_model`)."""

    def language_model(self, channel: str) -> NgramModel:
        """The language model as ``channel`` uses it: the same tables, the channel's price of an unseen history and
        bonus of a dictionary word's syllables (and scores remembered under those only)."""
        price = self.settings.unseen_context.get(channel, 0.0)
        weight = self.settings.lexicon_weight.get(channel, 0.0)
        if price == self.lm.unseen_context and not weight:
            return self.lm
        if (price, weight) not in self.views:
            self.views[price, weight] = dataclasses.replace(
                self.lm, unseen_context=price, pair_bonus=self._pair_bonus(weight), memo={}, rows={}
            )
        return self.views[price, weight]

    def collocations(self, floor: float) -> tuple[dict[int, frozenset[int]], dict[int, frozenset[int]]]:
        """The pairs the language model gives at least ``floor`` (log10 p(second | first)): by first word the
        second words, and by second word the first words (see :meth:`Restorer._rescued`)."""
        if floor not in self.collocation_index:
            after: dict[int, set[int]] = {}
            before: dict[int, set[int]] = {}
            for key, value in self.lm.logprob_tables[1].items():
                if value >= floor:
                    first, second = key >> ID_BITS, key & WORD_MASK
                    after.setdefault(first, set()).add(second)
                    before.setdefault(second, set()).add(first)
            self.collocation_index[floor] = (
                {k: frozenset(v) for k, v in after.items()},
                {k: frozenset(v) for k, v in before.items()},
            )
        return self.collocation_index[floor]

    def _pair_bonus(self, weight: float) -> dict[int, float]:
        if not weight:
            return {}
        if self.dictionary is None:
            self.dictionary = self.dictionary_keys()
        return dict.fromkeys(self.dictionary, weight)

    def dictionary_keys(self) -> frozenset[int]:
        """Packed id pairs of the dictionary's two-syllable words whose syllables the vocabulary knows, but for
        those a person's name may be made of ("văn hoa" is Văn Hòa as well, "cao lương" Cao Tường misread): a
        name is the name prior's to read."""
        ids = self.vocabulary.id
        tails = {normalize_syllable(name) for name in MIDDLE.keys() | GIVEN.keys()}
        heads = tails | {normalize_syllable(name) for name in FAMILY}
        return frozenset(
            (first << ID_BITS) | second
            for a, b in dictionary_pairs()
            if not (a in heads and b in tails) and (first := ids(a)) and (second := ids(b))
        )

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays = {}
        tmp = path.with_suffix(".lm.npz")
        self.lm.save(tmp)
        with np.load(tmp) as lm_arrays:
            arrays.update({f"lm_{k}": lm_arrays[k] for k in lm_arrays.files})
        tmp.unlink()
        arrays.update(self._capital_arrays())
        meta = {
            **self.meta,
            "channels": {name: ch.to_dict() for name, ch in self.channels.items() if name != "stripped"},
            "settings": dataclasses.asdict(self.settings),
            "unknown_logprob": self.unknown_logprob,
        }
        partial = path.with_name(f".{path.name}.tmp.npz")
        np.savez_compressed(
            partial,
            vocabulary=np.array(self.vocabulary.symbols),
            syllables=np.array(sorted({s for spellings in self.index.by_form.values() for s in spellings})),
            units=np.array(sorted(" ".join(name) for name in self.units)),
            foreign=np.array(sorted(self.foreign)),
            dictionary=np.array(sorted(self.dictionary_keys() if self.dictionary is None else self.dictionary)),
            meta=np.array(json.dumps(meta, ensure_ascii=False, sort_keys=True)),
            **arrays,
        )
        os.replace(partial, path)

    def _capital_arrays(self) -> dict[str, np.ndarray]:
        if self.capitals is None:
            return {}
        tables = self.capitals.counts.tables()
        words = sorted(set().union(*tables))
        counts = [[table.get(w, 0) for table in tables] for w in words]
        return {"capital_words": np.array(words), "capital_counts": np.array(counts, dtype=np.int64)}

    @classmethod
    def load(cls, path: Path) -> RestorationModel:
        with np.load(path) as arrays:
            meta = json.loads(str(arrays["meta"]))
            lm = NgramModel.from_arrays({k[3:]: arrays[k] for k in arrays.files if k.startswith("lm_")})
            vocabulary = Vocabulary(arrays["vocabulary"].tolist())
            index = SyllableIndex(arrays["syllables"].tolist())
            units = frozenset(tuple(name.split()) for name in arrays["units"].tolist()) if "units" in arrays else None
            foreign = frozenset(arrays["foreign"].tolist()) if "foreign" in arrays else frozenset()
            dictionary = frozenset(arrays["dictionary"].tolist()) if "dictionary" in arrays else None
            capital_counts = None
            if "capital_words" in arrays:
                capital_counts = CapitalCounts()
                tables = capital_counts.tables()
                for word, row in zip(arrays["capital_words"].tolist(), arrays["capital_counts"].tolist(), strict=True):
                    for table, n in zip(tables, row, strict=True):
                        if n:
                            table[word] = n
        channels = {name: Channel.from_dict(data) for name, data in meta.pop("channels").items()}
        channels["stripped"] = stripping_channel()
        stored = meta.pop("settings")
        for key in ("candidate_margin", "top_candidates", "unseen_context", "lexicon_weight", "beam_margin"):
            if isinstance(stored.get(key), int | float):  # a model from before these were set per channel
                stored[key] = dict.fromkeys(("stripped", "legacy", "modern"), stored[key])
        settings = DecoderSettings(**stored)
        unknown = meta.pop("unknown_logprob")
        if units is None:  # a model built before names were bundled: read them from the package now
            from khplan.diacritics.names import unit_names

            units = unit_names()
        capitals = CaseModel(capital_counts, settings.case_smoothing) if capital_counts is not None else None
        return cls(vocabulary, lm, index, channels, settings, unknown, meta, units, foreign, dictionary, capitals)


class ModelMissingError(FileNotFoundError):
    """The restoration model is not where it ships (run ``make model``)."""


def model_path() -> Path:
    """The model file in use: the shipped one, or ``$KHPLAN_RESTORER_MODEL`` (for experiments)."""
    return Path(os.environ.get("KHPLAN_RESTORER_MODEL") or MODELS_DIR / MODEL_FILE)


def load_model(path: Path | None = None) -> RestorationModel:
    """The model of :func:`model_path` (or ``path``), loaded once per process."""
    return _load(path or model_path())


@cache
def _load(path: Path) -> RestorationModel:
    if not path.exists():
        raise ModelMissingError(f"restoration model {path} is missing; rebuild it with `make model`")
    return RestorationModel.load(path)
