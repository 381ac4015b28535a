"""``make model``: build the restoration model from the law corpus and rendered OCR.

1. Language model: the training laws (the held-out split never), plus
   plan-like phrases naming every administrative unit of the gazetteer, so
   "huyện Phù Mỹ" is a known sequence and not three rare syllables.
2. Channels: the training laws rendered as scans and read by Tesseract
   ``eng`` (legacy OCR) and ``vie`` (modern OCR), OCR tokens aligned to the
   clean ones, confusion probabilities estimated by EM.
3. Decoder weights: chosen on a development slice of the *training* laws'
   rendered pages, never on the held-out split or the seeds.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from rich.console import Console

from diacritics.channel import Channel, initial_channel, stripping_channel
from diacritics.corpus import corpus_files, iter_lines, locate_corpus
from diacritics.lm import train_kneser_ney
from diacritics.model import MODELS_DIR, DecoderSettings, RestorationModel
from diacritics.syllables import SyllableIndex, viet74k_syllables
from diacritics.tokens import Kind, is_syllable_shape, tokenize
from diacritics.vocabulary import Vocabulary, line_symbols

LM_ORDER = 3
MIN_COUNT = 2
"""Symbols seen fewer times than this in training are ``<unk>`` to the LM."""
console = Console(stderr=True)


def gazetteer_phrases() -> Iterator[str]:
    """How plans name units: "Ủy ban nhân dân huyện Phù Mỹ", "xã Hòa Phong, huyện Tây Hòa, tỉnh Phú Yên"."""
    from extractors.gazetteer import units

    everything = list(units())
    by_key = {(u.level, u.name, u.province): u for u in everything}
    for unit in everything:
        named = f"{unit.kind} {unit.name}"
        yield f"Ủy ban nhân dân {named}"
        if unit.level == "province":
            yield f"trên địa bàn {named}."
        else:
            yield f"{named}, tỉnh {unit.province}"
    del by_key


def language_model_text(corpus: Path) -> Iterator[str]:
    yield from iter_lines(corpus_files(corpus))
    try:
        yield from gazetteer_phrases()
    except ImportError:  # the gazetteer ships with extractors; without it, laws only
        console.print("[yellow]gazetteer unavailable: LM trained on laws only[/yellow]")


def build_language_model(corpus: Path, order: int = LM_ORDER):
    started = time.perf_counter()
    sentences = [line_symbols(line) for line in language_model_text(corpus)]
    counts = Counter(s for sentence in sentences for s in sentence)
    vocabulary = Vocabulary.from_counts(counts, MIN_COUNT)
    lm = train_kneser_ney((vocabulary.encode(s) for s in sentences), len(vocabulary), order=order)
    console.print(
        f"language model: order {order}, {sum(map(len, sentences)):,} tokens, {len(vocabulary):,} symbols, "
        f"{sum(len(t) for t in lm.logprob_tables):,} n-grams, {time.perf_counter() - started:.0f} s"
    )
    return vocabulary, lm, counts


def syllable_inventory(counts: Counter) -> set[str]:
    """Viet74K's syllables and every syllable-shaped word the laws use twice or more."""
    corpus = {s for s, c in counts.items() if c >= MIN_COUNT and s.isalpha() and is_syllable_shape(s)}
    return viet74k_syllables() | corpus


def word_pairs(samples) -> Counter:
    """(gold word, OCR word) counts, lower case, from aligned OCR samples."""
    from diacritics.ocr_samples import align_tokens

    pairs: Counter = Counter()
    for sample in samples:
        for pair in align_tokens(sample.gold, sample.ocr):
            gold_tokens, ocr_tokens = tokenize(pair[0]), tokenize(pair[1])
            if len(gold_tokens) != len(ocr_tokens):
                continue
            for g, o in zip(gold_tokens, ocr_tokens):
                if g.kind is Kind.word and o.text:
                    pairs[(g.text.lower(), o.text.lower())] += 1
    return pairs


def train_channel(name: str, pairs: Counter, max_distance: int) -> Channel:
    started = time.perf_counter()
    channel = initial_channel(name, max_distance=max_distance).fit((g, o, n) for (g, o), n in pairs.items())
    console.print(f"channel {name}: {sum(pairs.values()):,} word pairs, {time.perf_counter() - started:.0f} s")
    return channel


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m diacritics.train", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None, help="folder of the law corpus (../shared/corpus/vlc)")
    parser.add_argument("--out", type=Path, default=MODELS_DIR)
    parser.add_argument("--order", type=int, default=LM_ORDER)
    parser.add_argument("--eng-pages", type=int, default=150, help="rendered training pages read by Tesseract eng")
    parser.add_argument("--vie-pages", type=int, default=60, help="rendered training pages read by Tesseract vie")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    corpus = locate_corpus(args.corpus)
    vocabulary, lm, counts = build_language_model(corpus, args.order)
    index = SyllableIndex(syllable_inventory(counts))
    unknown = -_log10(max(1, sum(1 for f in index.by_form.values() for s in f if not vocabulary.id(s))))
    channels: dict[str, Channel] = {"stripped": stripping_channel()}
    from diacritics.ocr_samples import ocr_samples

    files = corpus_files(corpus)
    for name, lang, pages, distance in (("legacy", "eng", args.eng_pages, 2), ("modern", "vie", args.vie_pages, 1)):
        samples = ocr_samples(files, lang=lang, pages=pages, seed=1, jobs=args.jobs)
        channels[name] = train_channel(name, word_pairs(samples), distance)
    from diacritics.model import MODEL_FILE

    model = RestorationModel(
        vocabulary, lm, index, channels, DecoderSettings(), unknown,
        {"built": date.today().isoformat(), "corpus": str(corpus), "order": args.order,
         "eng_pages": args.eng_pages, "vie_pages": args.vie_pages},
    )
    path = args.out / MODEL_FILE
    model.save(path)
    console.print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


def _log10(x: float) -> float:
    import math

    return math.log10(x)


if __name__ == "__main__":
    raise SystemExit(main())
