"""The genre's vocabulary as spaCy entities over folded text.

A blank multi-language pipeline (spaCy's ``vi`` needs pyvi, which khplan
does not ship; Vietnamese syllables are whitespace-separated, so the
multi-language tokenizer cuts them right) with an EntityRuler whose phrase
patterns are the folded forms of award forms, cited document kinds,
positions and deadline cues. It runs on the folded text, so an entity's
character offsets are offsets in the document, and matching ignores the
marks legacy OCR loses. Built once per process; nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from khplan.extractors.matching import fold_key
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.terms import AWARD_FORMS, POSITIONS, REFERENCE_KINDS

DEADLINE_CUES = ("truoc ngay", "cham nhat", "trong quy", "het quy", "den het", "truoc", "han cuoi", "thoi han")
"""How a plan introduces a due date (trước ngày, chậm nhất, trong Quý, hết Quý, đến hết …), folded."""

VOCABULARIES: dict[str, tuple[str, ...]] = {
    "AWARD_FORM": AWARD_FORMS,
    "DOC_KIND": REFERENCE_KINDS,
    "POSITION": POSITIONS,
}
CANONICAL: dict[tuple[str, str], str] = {
    (label, fold_key(term)): term for label, terms in VOCABULARIES.items() for term in terms
}
"""(label, folded phrase) → the term as the vocabulary spells it."""


@cache
def pipeline() -> Language:
    """The blank pipeline with its entity ruler (longest match wins, as EntityRuler resolves overlaps)."""
    nlp = spacy.blank("xx")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    assert isinstance(ruler, EntityRuler)
    patterns: list[dict[str, Any]] = [
        {"label": label, "pattern": fold_key(term)} for label, terms in VOCABULARIES.items() for term in terms
    ]
    patterns += [{"label": "DEADLINE_CUE", "pattern": cue} for cue in DEADLINE_CUES]
    ruler.add_patterns(patterns)
    return nlp


def canonical(entity: Span) -> str:
    """An entity's term as the vocabulary spells it (``bang khen`` → ``Bằng khen``)."""
    key = " ".join(entity.text.split())
    return CANONICAL.get((entity.label_, key), entity.text)


def entities(ex: Extraction, label: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Entities of ``label`` whose characters lie within ``[start, end)`` of the document."""
    doc: Doc = ex.analyses["doc"]
    end = len(ex.text) if end is None else end
    return [ent for ent in doc.ents if ent.label_ == label and ent.start_char >= start and ent.end_char <= end]


SECTION_CHARS = 200_000
"""Text is parsed in sections of about this size, cut at a line break: spaCy refuses texts over its
``max_length`` (a million characters), and a long archive document must not lose its lists to that."""


@extractor("nlp", assigns=["analysis.doc"])
def analyse(ex: Extraction) -> None:
    """Run the entity ruler over the folded text once, for every extractor that needs vocabulary."""
    # a term broken across lines ("Nghị\nquyết") is still one term: newlines read as spaces, offsets unchanged
    ex.analyses["doc"] = parse(ex.folded)


def parse(folded: str) -> Doc:
    """The entity-ruled Doc of ``folded``: one Doc whatever the length, its offsets the text's own."""
    nlp = pipeline()
    sections = list(_sections(folded))
    if len(sections) == 1:
        return nlp(sections[0])
    return Doc.from_docs(list(nlp.pipe(sections)), ensure_whitespace=False)


def _sections(folded: str) -> Iterator[str]:
    """Consecutive pieces of the text, newlines as spaces, each ending at a line break where one is near."""
    start = 0
    while start < len(folded):
        end = min(len(folded), start + SECTION_CHARS)
        if end < len(folded):
            cut = folded.rfind("\n", start + SECTION_CHARS // 2, end)
            end = cut + 1 if cut >= 0 else end
        yield folded[start:end].replace("\n", " ")
        start = end
