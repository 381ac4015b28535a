"""Extractors are declared next to their code and composed by one config list (spaCy's habit).

Each field group lives in its own module and registers one function with
:func:`extractor`, saying what it reads (``requires``) and what it writes
(``assigns``), in two namespaces as spaCy's ``doc.ents``/``token.pos`` are:
``record.<field>`` is a field of the plan record (checked against
:class:`~khplan.schemas.PlanRecord`), ``analysis.<name>`` an intermediate
result components share (the document's layout, its NLP parse …), kept in
:attr:`Extraction.analyses`. Every component may cite evidence and add
warnings. :func:`build` checks a pipeline before it runs — every
requirement assigned by an earlier component, no record field with two
writers — and :func:`run` applies it to one document. A component reads and
writes an :class:`Extraction`, the context object of one document's
extraction.
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

ALWAYS_AVAILABLE = frozenset({"analysis.text"})
"""What every component may read without another one providing it."""
NAMESPACES = ("record", "analysis")


@dataclass
class Extraction:
    """One document's extraction in progress: its text, the record being filled, shared analyses."""

    document: DocumentText
    folded: str
    """Lower case, no diacritics, dashes unified; same length as the text, so offsets carry over."""
    record: PlanRecord = field(default_factory=PlanRecord)
    analyses: dict[str, Any] = field(default_factory=dict)
    """Intermediate results components share, keyed by the name after ``analysis.`` in their ``assigns``."""

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

    def found(self, path: str, how: str) -> None:
        """Record how field ``path`` was found (``type line``, ``number's code``, ``place line`` …)."""
        self.record.provenance.found_by[path] = how

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
    """Register ``func`` as the component ``name``.

    ``@extractor("awards", requires=["analysis.layout", "record.period"], assigns=["record.awards"])``
    """

    requires, assigns = tuple(requires), tuple(assigns)
    for item in (*requires, *assigns):
        _check_declaration(name, item)

    def register(func: ExtractFn) -> ExtractFn:
        if name in REGISTRY and REGISTRY[name].func is not func:
            raise ValueError(f"extractor {name!r} is registered twice")
        REGISTRY[name] = Extractor(name, func, requires, assigns)
        return func

    return register


class PipelineError(ValueError):
    """A pipeline config names an unknown component, orders one before what it needs, or gives a field two writers."""


def _check_declaration(component: str, item: str) -> None:
    namespace, _, path = item.partition(".")
    if namespace not in NAMESPACES or not path:
        raise PipelineError(f"extractor {component!r}: {item!r} is neither record.<field> nor analysis.<name>")
    if namespace == "analysis":
        return
    model: Any = PlanRecord
    for part in path.split("."):
        fields = getattr(model, "model_fields", None)
        if fields is None:  # below a model (provenance.spans is a dict): nothing deeper to check
            return
        if part not in fields:
            raise PipelineError(f"extractor {component!r}: the record has no field {path!r}")
        model = fields[part].annotation


def build(names: Sequence[str]) -> list[Extractor]:
    """The components of ``names``, in order, checked: each requirement assigned earlier, each field once."""
    available = set(ALWAYS_AVAILABLE)
    writers: dict[str, str] = {}
    components = []
    for name in names:
        if name not in REGISTRY:
            raise PipelineError(f"unknown extractor {name!r}; registered: {', '.join(sorted(REGISTRY))}")
        component = REGISTRY[name]
        missing = [need for need in component.requires if need not in available]
        if missing:
            raise PipelineError(f"extractor {name!r} requires {', '.join(missing)}, which no earlier extractor assigns")
        for item in component.assigns:
            if item in writers:
                raise PipelineError(f"{item} is assigned by both {writers[item]!r} and {name!r}")
            writers[item] = name
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
            if strict:
                _check_analyses(component, extraction)
        except Exception as error:  # the error handler of the pipeline, as spaCy's
            if strict:
                raise
            log.exception("extractor %s failed", component.name)
            extraction.warn("extractor_failed", None, f"{component.name}: {type(error).__name__}: {error}")
    return extraction.record


def _check_analyses(component: Extractor, extraction: Extraction) -> None:
    """In strict runs: the analyses present are ones some component declares (none made up on the way)."""
    declared = {item.partition(".")[2] for c in REGISTRY.values() for item in c.assigns if item.startswith("analysis.")}
    stray = set(extraction.analyses) - declared
    if stray:
        raise PipelineError(f"extractor {component.name!r} left undeclared analyses: {', '.join(sorted(stray))}")
