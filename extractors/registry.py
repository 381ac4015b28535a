"""Extractors are declared next to their code and composed by one config list (spaCy's habit).

Each field group lives in its own module and registers one function with
:func:`extractor`, saying what it reads (``requires``) and what it writes
(``assigns``). :func:`build` checks a pipeline before it runs — every
requirement must be assigned by an earlier component — and
:func:`run` applies it to one document. A component reads and writes an
:class:`Extraction`, the context object of one document's extraction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from khplan.extractors.document import DocumentText
from khplan.extractors.matching import fold_key
from khplan.schemas import PlanRecord, ReviewWarning, Span

log = logging.getLogger(__name__)

ALWAYS_AVAILABLE = frozenset({"text"})
"""What every component may read without another one providing it."""


@dataclass
class Extraction:
    """One document's extraction in progress: its text, the record being filled, shared analyses."""

    document: DocumentText
    folded: str
    """Lower case, no diacritics, dashes unified; same length as the text, so offsets carry over."""
    record: PlanRecord = field(default_factory=PlanRecord)
    analyses: dict[str, Any] = field(default_factory=dict)
    """Intermediate results components share (``layout``, ``places`` …), keyed by the name they assign."""

    @classmethod
    def start(cls, document: DocumentText | str) -> Extraction:
        document = DocumentText.of(document)
        return cls(document, fold_key(document.text))

    @property
    def text(self) -> str:
        return self.document.text

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of the text, with its page when the pages are known."""
        return Span(start=start, end=end, page=self.document.page_at(start))

    def cite(self, path: str, start: int, end: int) -> None:
        """Record that the evidence for field ``path`` sits at ``text[start:end]``."""
        self.record.provenance.spans.setdefault(path, []).append(self.span(start, end))

    def warn(self, code: str, path: str | None, message: str) -> None:
        """Tell the reviewer to look at ``path``."""
        self.record.warnings.append(ReviewWarning(code=code, field=path, message=message))


ExtractFn = Callable[[Extraction], None]


@dataclass(frozen=True)
class Extractor:
    """A registered component: a function over an :class:`Extraction`, with its declared inputs and outputs."""

    name: str
    func: ExtractFn
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, extraction: Extraction) -> None:
        self.func(extraction)


REGISTRY: dict[str, Extractor] = {}


def extractor(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
) -> Callable[[ExtractFn], ExtractFn]:
    """Register ``func`` as the component ``name``: ``@extractor("awards", requires=["layout"], assigns=["awards"])``."""

    def register(func: ExtractFn) -> ExtractFn:
        if name in REGISTRY and REGISTRY[name].func is not func:
            raise ValueError(f"extractor {name!r} is registered twice")
        REGISTRY[name] = Extractor(name, func, tuple(requires), tuple(assigns))
        return func

    return register


class PipelineError(ValueError):
    """A pipeline config names an unknown component or orders components before what they need."""


def build(names: Sequence[str]) -> list[Extractor]:
    """The components of ``names``, in order, checked: each requirement is assigned earlier."""
    available = set(ALWAYS_AVAILABLE)
    components = []
    for name in names:
        if name not in REGISTRY:
            raise PipelineError(f"unknown extractor {name!r}; registered: {', '.join(sorted(REGISTRY))}")
        component = REGISTRY[name]
        missing = [need for need in component.requires if need not in available]
        if missing:
            raise PipelineError(f"extractor {name!r} requires {', '.join(missing)}, which no earlier extractor assigns")
        available.update(component.assigns)
        components.append(component)
    return components


def run(components: Sequence[Extractor], document: DocumentText | str, *, strict: bool = False) -> PlanRecord:
    """Apply the components to one document.

    A component that fails leaves its fields empty and a warning, so one bad
    rule never costs the other fields of the record; ``strict`` re-raises
    instead (tests, development).
    """
    extraction = Extraction.start(document)
    for component in components:
        try:
            component(extraction)
        except Exception as error:  # noqa: BLE001 - the error handler of the pipeline, as spaCy's
            if strict:
                raise
            log.exception("extractor %s failed", component.name)
            extraction.warn("extractor_failed", None, f"{component.name}: {type(error).__name__}: {error}")
    return extraction.record
