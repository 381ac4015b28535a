"""``make model``: build the restoration model from the law corpus and rendered OCR.

1. Language model: the training laws (the held-out split never), plus
   plan-like text: phrases naming every administrative unit of the gazetteer,
   so "huyện Phù Mỹ" is a known sequence and not three rare syllables, and
   the paragraphs of generated plans in the development phrasings.
2. Channels: the training laws rendered as scans and read by Tesseract
   ``eng`` (legacy OCR) and ``vie`` (modern OCR), OCR tokens aligned to the
   clean ones, confusion probabilities estimated by EM.
3. Decoder weights: chosen on rendered pages of the development laws, which
   neither model was trained on, never on the held-out split or the seeds.
"""

from __future__ import annotations

import argparse
import math
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from rich.console import Console

from khplan.diacritics.channel import Channel, initial_channel, stripping_channel
from khplan.diacritics.lm import train_kneser_ney
from khplan.diacritics.model import MODELS_DIR, DecoderSettings, RestorationModel
from khplan.diacritics.syllables import SyllableIndex, viet74k_syllables
from khplan.diacritics.symbols import Vocabulary, line_symbols
from khplan.diacritics.tokens import Kind, is_syllable_shape, tokenize
from tools.corpus import corpus_files, iter_lines, locate_corpus

LM_ORDER = 3
MIN_COUNT = 2
"""Symbols seen fewer times than this in training are ``<unk>`` to the LM."""
console = Console(stderr=True)


def gazetteer_phrases() -> Iterator[str]:
    """How plans name units: "Ủy ban nhân dân huyện Phù Mỹ", "huyện Phù Mỹ, tỉnh Bình Định"."""
    from khplan.extractors.gazetteer import units

    everything = list(units())
    province_kind = {u.name: u.kind for u in everything if u.level == "province"}
    for unit in everything:
        named = f"{unit.kind} {unit.name}"
        yield f"Ủy ban nhân dân {named}"
        if unit.level == "province":
            yield f"trên địa bàn {named}."
        else:
            yield f"{named}, {province_kind.get(unit.province, 'tỉnh')} {unit.province}"


PLAN_COUNT = 300
"""Generated plans (development phrasings only) whose distinct paragraphs the LM reads."""


def plan_paragraphs(count: int = PLAN_COUNT) -> Iterator[str]:
    """How plans are written — "Đảng bộ tỉnh", "Tặng Bằng khen của Chủ tịch …" — which laws rarely say.

    Only the *development* phrasing family of :mod:`pipeline.synthetic` (the
    evaluation family stays unseen), each distinct paragraph once, so that
    template phrases do not outweigh the laws.
    """
    from tools.synth.plans import DEVELOPMENT, generate_full_plans

    seen: set[str] = set()
    for plan in generate_full_plans(count, seed=0, family=DEVELOPMENT):
        for line in plan.printed.splitlines():
            line = line.strip()
            if line and line not in seen:
                seen.add(line)
                yield line


def language_model_text(corpus: Path, plans: int = PLAN_COUNT) -> Iterator[str]:
    yield from iter_lines(corpus_files(corpus))
    if plans:
        yield from plan_paragraphs(plans)
    try:
        yield from gazetteer_phrases()
    except ImportError:  # the gazetteer ships with extractors; without it, laws only
        console.print("[yellow]gazetteer unavailable: LM trained on laws only[/yellow]")


def build_language_model(corpus: Path, order: int = LM_ORDER, plans: int = PLAN_COUNT):
    started = time.perf_counter()
    sentences = [line_symbols(line) for line in language_model_text(corpus, plans)]
    counts = Counter(s for sentence in sentences for s in sentence)
    vocabulary = Vocabulary.from_counts(counts, MIN_COUNT)
    lm = train_kneser_ney(
        (vocabulary.encode(s) for s in sentences), len(vocabulary), order=order, prune_singletons_from=order + 1
    )
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
    from tools.training.ocr_samples import align_tokens

    pairs: Counter = Counter()
    for sample in samples:
        for pair in align_tokens(sample.gold, sample.ocr):
            gold_tokens, ocr_tokens = tokenize(pair[0]), tokenize(pair[1])
            if len(gold_tokens) != len(ocr_tokens):
                continue
            for g, o in zip(gold_tokens, ocr_tokens, strict=False):
                if g.kind is Kind.word and o.text:
                    pairs[(g.text.lower(), o.text.lower())] += 1
    return pairs


CHANNEL_SHAPES = {
    # name: (Tesseract language, folded lookup distance, floors of unseen emissions: 1 char, 2 chars, deletion)
    "legacy": ("eng", 2, (1e-5, 1e-7, 1e-3)),
    "modern": ("vie", 1, (1e-8, 1e-10, 1e-6)),
}


def train_channel(name: str, pairs: Counter) -> Channel:
    started = time.perf_counter()
    _, distance, unseen = CHANNEL_SHAPES[name]
    channel = initial_channel(name, max_distance=distance, unseen=unseen).fit((g, o, n) for (g, o), n in pairs.items())
    console.print(f"channel {name}: {sum(pairs.values()):,} word pairs, {time.perf_counter() - started:.0f} s")
    return channel


TRAIN_SEED = 0
"""Seed of the rendered training pages (the held-out benchmark pages use the held-out laws)."""
DEV_SEED = 1
"""Seed of the development pages the decoder weights are chosen on (from the development laws)."""
CHANNEL_WEIGHTS = {
    "legacy": (0.5, 0.7, 1.0, 1.4, 2.0),
    # Never below 1 for modern OCR: its text is 98-99% right, and the laws the LM knows
    # are not the plans it corrects, so the LM must not outvote the page.
    "modern": (1.0, 1.5, 2.0, 3.0),
}
KEEP_LOGPROBS = (-2.0, -3.0, -4.5)


def tune(model: RestorationModel, name: str, dev) -> tuple[float, float, float]:
    """Channel weight and keep price with the fewest errors on the dev pages' OCR *and* on their clean text.

    For the modern channel the errors made on clean text count too, which
    keeps a post-OCR corrector from "fixing" correct words: damage costs as
    much as a miss. Legacy OCR never arrives clean, so it is tuned on OCR alone.
    """
    from khplan.diacritics.restorer import Restorer
    from khplan.diacritics.scoring import syllable_errors

    best = (-1.0, 1.0, model.settings.keep_logprob[name])
    for keep in KEEP_LOGPROBS:
        for weight in CHANNEL_WEIGHTS[name]:
            model.settings.channel_weight[name] = weight
            model.settings.keep_logprob[name] = keep
            restorer = Restorer(model, name)
            errors = total = 0
            for sample in dev:
                for text in (sample.ocr, sample.gold) if name == "modern" else (sample.ocr,):
                    e, n = syllable_errors(restorer.restore(text).text, sample.gold)
                    errors, total = errors + e, total + n
            accuracy = 1 - errors / total
            if accuracy > best[0]:
                best = (accuracy, weight, keep)
    return best[1], best[2], best[0]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.training.train_restorer", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--corpus", type=Path, default=None, help="folder of the law corpus (../shared/corpus/vlc)")
    parser.add_argument("--out", type=Path, default=MODELS_DIR)
    parser.add_argument("--order", type=int, default=LM_ORDER)
    parser.add_argument(
        "--plans", type=int, default=PLAN_COUNT, help="generated plans (development phrasings) the LM reads"
    )
    parser.add_argument("--eng-pages", type=int, default=150, help="rendered training pages read by Tesseract eng")
    parser.add_argument("--vie-pages", type=int, default=60, help="rendered training pages read by Tesseract vie")
    parser.add_argument(
        "--dev-pages", type=int, default=20, help="development pages per engine for the decoder weights"
    )
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    from khplan.diacritics.model import MODEL_FILE
    from tools.training.ocr_samples import ocr_samples

    corpus = locate_corpus(args.corpus)
    vocabulary, lm, counts = build_language_model(corpus, args.order, args.plans)
    index = SyllableIndex(syllable_inventory(counts))
    unknown = -math.log10(max(1, sum(1 for f in index.by_form.values() for s in f if not vocabulary.id(s))))
    files = corpus_files(corpus)
    model = RestorationModel(
        vocabulary,
        lm,
        index,
        {"stripped": stripping_channel()},
        DecoderSettings(),
        unknown,
        {
            "built": date.today().isoformat(),
            "corpus": str(corpus),
            "order": args.order,
            "plans": args.plans,
            "eng_pages": args.eng_pages,
            "vie_pages": args.vie_pages,
            "tuned_on": {},
        },
    )
    for name, pages in (("legacy", args.eng_pages), ("modern", args.vie_pages)):
        lang = CHANNEL_SHAPES[name][0]
        samples = ocr_samples(files, lang=lang, pages=pages, seed=TRAIN_SEED, jobs=args.jobs)
        model.channels[name] = train_channel(name, word_pairs(samples))
        dev = ocr_samples(
            corpus_files(corpus, split="dev"), lang=lang, pages=args.dev_pages, seed=DEV_SEED, jobs=args.jobs
        )
        weight, keep, accuracy = tune(model, name, dev)
        model.settings.channel_weight[name], model.settings.keep_logprob[name] = weight, keep
        model.meta["tuned_on"][name] = {"pages": len(dev), "accuracy": round(accuracy, 5)}
        console.print(
            f"decoder for {name}: channel weight {weight}, keep {keep}: {100 * accuracy:.2f}% on {len(dev)} dev pages"
        )
    path = args.out / MODEL_FILE
    model.save(path)
    console.print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
