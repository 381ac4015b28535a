"""``python -m tools.training.lm_mix``: which weight of administrative text against the laws restores real
documents best, measured on the real *development* documents only.

The administrative corpus holds the pages of many development documents
(the held-back ones are never in it). So that a mix is not judged on text it
was trained on, it is judged either on the development documents none of
whose pages the corpus holds (``--unseen``, one model per weight: what the
shipped model's mix was chosen with, on the 2-core machine's budget), or on
all of them, split in two folds, each fold restored by models trained
without its documents' pages (:func:`tools.training.domain_corpus.folds`;
two models per weight).
Channels and decoder settings are the shipped model's: only the language
model changes between rows. Then, with the best mix, the weights of the name
prior and of document consistency are varied one at a time the same way.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from khplan.diacritics.lm import NgramModel
from khplan.diacritics.model import DecoderSettings, RestorationModel, load_model
from khplan.diacritics.orthography import strip_diacritics
from khplan.diacritics.restorer import Restorer
from khplan.diacritics.scoring import syllable_errors
from khplan.diacritics.syllables import SyllableIndex
from tools.bench.real_documents import fits_the_page, legacy_ocr, load_documents
from tools.corpus import locate_corpus
from tools.training import domain_corpus
from tools.training.train_restorer import (
    LM_ORDER,
    PLAN_COUNT,
    count_language_model_text,
    foreign_words,
    syllable_inventory,
)

WEIGHTS = (0, 4, 16)
SETTINGS = "person_weight=0,2,3;unit_weight=0;consistency_weight=0"
RESULTS = Path("build/lm-mix.json")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.training.lm_mix", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--admin-corpus", type=Path, default=domain_corpus.DEFAULT_FOLDER)
    parser.add_argument("--weights", default=",".join(map(str, WEIGHTS)), help="domain weights to compare")
    parser.add_argument("--plans", type=int, default=PLAN_COUNT)
    parser.add_argument("--order", type=int, default=LM_ORDER, help="the language model's order")
    parser.add_argument("--settings", default=SETTINGS, help="decoder settings to vary one at a time, best mix")
    parser.add_argument(
        "--unseen", action="store_true", help="judge on the dev documents with no page in the corpus (a model a weight)"
    )
    args = parser.parse_args(argv)
    console = Console()
    weights = [int(w) for w in args.weights.split(",")]

    selection = domain_corpus.select(domain_corpus.read_folder(args.admin_corpus))
    counts = count_language_model_text(locate_corpus(args.corpus), selection.kept, args.plans, args.order)
    shipped = load_model()
    inventory = syllable_inventory(counts.law_symbols)
    index = SyllableIndex(inventory)
    vocabulary = counts.vocabulary
    unknown = -math.log10(max(1, sum(1 for f in index.by_form.values() for s in f if not vocabulary.id(s))))
    foreign = foreign_words(counts.law_symbols, inventory)
    documents = load_documents("dev")
    printed = [d for d in documents if fits_the_page(d)]
    ocr = {sample.name.rsplit("-", 1)[-1]: sample for sample in legacy_ocr(printed)}

    if args.unseen:
        copied = {doc for f in selection.kept for doc in f.dev_documents}
        splits = [({d.id for d in documents if d.id not in copied}, selection.kept)]
    else:
        splits = domain_corpus.folds(selection.kept, (d.id for d in documents))
    console.print(f"judged on {sum(len(ids) for ids, _ in splits)} development documents")
    texts = [
        {
            "stripped": [(strip_diacritics(d.text), d.text) for d in documents if d.id in ids],
            "legacy": [(ocr[d.id].ocr, ocr[d.id].gold) for d in documents if d.id in ids and d.id in ocr],
        }
        for ids, _ in splits
    ]
    lms: dict[tuple[int, int], NgramModel] = {}

    def score(weight: int, settings: DecoderSettings) -> dict[str, list[int]]:
        totals = {"stripped": [0, 0], "legacy": [0, 0]}
        for fold, (_, files) in enumerate(splits):
            names = [f.name for f in files]
            if (fold, weight) not in lms:
                lms[fold, weight] = counts.model(names, weight)
            model = RestorationModel(
                vocabulary,
                lms[fold, weight],
                index,
                shipped.channels,
                settings,
                unknown,
                {},
                shipped.units,
                foreign,
                capitals=counts.case_model(names, weight, settings.case_smoothing),
            )
            for channel, pairs in texts[fold].items():
                restorer = Restorer(model, channel)
                for text, gold in pairs:
                    errors, total = syllable_errors(restorer.restore(text).text, gold)
                    totals[channel][0] += errors
                    totals[channel][1] += total
        return totals

    totals: dict[int, dict[str, list[int]]] = {}
    for weight in weights:
        started = time.perf_counter()
        totals[weight] = score(weight, shipped.settings)
        accuracy = {c: f"{100 * (1 - e / n):.2f}%" for c, (e, n) in totals[weight].items()}
        console.print(f"weight {weight}: {accuracy} ({time.perf_counter() - started:.0f} s)")
    how = "no page of theirs in the corpus" if args.unseen else "2 folds, no document's own page"
    table = Table(title=f"Language model mix on the real development documents ({how})")
    for column in ("domain weight", "stripped", "legacy OCR (eng, fair scans)"):
        table.add_column(column, justify="right")
    results: dict = {}
    for weight in weights:
        row = {c: 1 - e / n for c, (e, n) in totals[weight].items()}
        results[weight] = row | {"syllables": {c: n for c, (_, n) in totals[weight].items()}}
        table.add_row(str(weight), f"{100 * row['stripped']:.2f}%", f"{100 * row['legacy']:.2f}%")
    console.print(table)
    best = max(weights, key=lambda w: sum(results[w][c] for c in ("stripped", "legacy")))
    varied = Table(title=f"Decoder settings on the real development documents (domain weight {best})")
    for column in ("setting", "value", "stripped", "legacy OCR (eng, fair scans)"):
        varied.add_column(column, justify="right")
    results["settings"] = {}
    for clause in filter(None, args.settings.split(";")):
        name, values = clause.split("=")
        for value in values.split(","):
            current = getattr(shipped.settings, name)  # a setting per channel takes the value on each
            changed: dict[str, Any] = {
                name: dict.fromkeys(current, float(value)) if isinstance(current, dict) else float(value)
            }
            settings = dataclasses.replace(shipped.settings, **changed)
            row = {c: 1 - e / n for c, (e, n) in score(best, settings).items()}
            results["settings"][f"{name}={value}"] = row
            varied.add_row(name, value, f"{100 * row['stripped']:.2f}%", f"{100 * row['legacy']:.2f}%")
            console.print(f"{name}={value}: {row}")
    console.print(varied)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
