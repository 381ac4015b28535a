"""Who signed: the signature block of ND30 (quyền hạn, chức vụ, họ tên) at the foot of the plan.

``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` (on whose behalf), then the
position (``PHÓ CHỦ TỊCH``), then the name under the signature. The block
sits beside the Nơi nhận list, so in text it arrives interleaved with it
(``Nơi nhận: CHỦ TỊCH``) or after it; stamp and signature marks leave junk
(``bk Cao Tường Huy``) that a name does not include.
"""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz.distance import Levenshtein

from khplan.extractors.matching import fold_key, squash
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.structure import Layout, Line
from khplan.extractors.terms import AUTHORITY_PREFIXES, POSITIONS, agency_case

_AUTHORITY = re.compile(r"^(?P<prefix>t\s?/?\s?m|k\s?t|k\s?/|t\s?/?\s?l|t\s?u\s?q|q)\s*[./:]?\s+(?P<rest>\S.*)$")
"""``TM.``, ``KT.``, ``K/`` (a lost ``T.``), ``TL.``, ``TUQ.``, ``Q.`` before a body or position."""
_POSITION_KEYS = sorted(((squash(p), p) for p in POSITIONS), key=lambda kp: -len(kp[0]))
_CLOSING_LABEL = re.compile(r"^n\S{1,2}i\s?nh\S{1,3}n\s?:\s*")
NAME_WORDS = (2, 5)
"""A Vietnamese full name has two to five syllables."""
POSITION_EDITS = 1
"""Letters a capitalised position may differ by from the one it names."""
MIN_FUZZY_POSITION = 7
"""Shorter positions (``bi thu``) are matched exactly: one letter is too much of them."""
BEFORE_CLOSING = 6
"""Lines above ``Nơi nhận`` that may hold the signature block (when the columns were read right first)."""


def _segment(line: Line) -> str:
    """The part of a closing line that can belong to the signature column."""
    text = line.text
    if (label := _CLOSING_LABEL.match(line.folded)) is not None:
        text = text[label.end() :]
    text = text.strip(" *_")
    column = signature_column(text)
    return text[column:] if column else text


def signature_column(text: str) -> int | None:
    """Where a closing line's right column starts, when the line holds both (``- Sở Nội vụ;   KT. CHỦ TỊCH``).

    The signature block prints quyền hạn and chức vụ in capitals (ND30,
    Phụ lục I), so the column is the longest capitalised tail that reads as
    an authority or a position. None when the line has no such tail.
    """
    for word in re.finditer(r"\S+", text):
        tail = text[word.start() :]
        if word.start() and not (tail[:1].isupper() and _upper(tail)):
            continue
        if authority_of(tail) is not None or position_of(tail) is not None:
            return word.start()
    return None


def position_of(text: str) -> str | None:
    """The position a line names, ignoring one or two junk letters before it (``T CHỦ TỊCH``).

    Printed in capitals, as ND30 has it, a position may also be one letter
    off (``PHÓ GIẢM BỌC``: OCR and restoration read ``Đ`` as ``B``), when no
    other position is as close.
    """
    key = squash(text)
    words = key.split()
    capitals = _upper(text)
    for skip in range(0, min(2, len(words)) + 1):
        rest = " ".join(words[skip:])
        if skip and len(words[skip - 1]) > 2:
            break
        for folded, position in _POSITION_KEYS:
            if rest == folded:
                return position
        if capitals and (near := _nearest_position(rest)) is not None:
            return near
    return None


def _nearest_position(key: str) -> str | None:
    """The one position within :data:`POSITION_EDITS` letters of ``key``; None when none is, or two are."""
    close = {
        position
        for folded, position in _POSITION_KEYS
        if len(folded) >= MIN_FUZZY_POSITION
        and Levenshtein.distance(key, folded, score_cutoff=POSITION_EDITS) <= POSITION_EDITS
    }
    return close.pop() if len(close) == 1 else None


def authority_of(text: str) -> str | None:
    """``KT. Chủ tịch``, ``TM. Ủy ban nhân dân``: the line saying on whose behalf, in sentence case."""
    match = _AUTHORITY.match(fold_key(text))
    if match is None or not _upper(text):
        return None
    printed = re.sub(r"[\s/]", "", match.group("prefix"))
    prefix = AUTHORITY_PREFIXES.get({"k": "kt"}.get(printed, printed))
    if prefix is None:
        return None
    rest = text[match.start("rest") :].strip(" .*")
    return f"{prefix} {position_of(rest) or agency_case(rest)}"


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def name_of(text: str) -> str | None:
    """A person's name at the end of a line: the run of capitalised syllables, junk before it dropped."""
    words = text.strip(" *_-~.,;:").split()
    run: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
            break
        run.insert(0, word)
    if not NAME_WORDS[0] <= len(run) <= NAME_WORDS[1] or position_of(" ".join(run)):
        return None
    return " ".join(run)


@cache
def _person_tagger():
    """underthesea's NER, loaded on first use (its CRF model ships with the package)."""
    try:
        from underthesea import ner
    except ImportError:  # pragma: no cover - underthesea is a dependency
        return None
    return ner


def confirm_person(name: str) -> bool:
    """underthesea tags the words as a person (B-PER …), or cannot say; a place or body is rejected."""
    tagger = _person_tagger()
    if tagger is None:
        return True
    try:
        tags = tagger(name)
    except Exception:  # a tagger failure must not cost the name
        return True
    return any(tag[-1].endswith("PER") for tag in tags) or not any(tag[-1].endswith(("LOC", "ORG")) for tag in tags)


@extractor("signer", requires=["analysis.layout"], assigns=["record.signer"])
def extract_signer(ex: Extraction) -> None:
    """signer.name, position and authority from the signature block."""
    layout: Layout = ex.analyses["layout"]
    tail = [line for line in layout.body[-BEFORE_CLOSING:] if line.text] if layout.closing else []
    zone = tail + [line for line in layout.closing if line.text]
    if not zone:
        ex.warn("field_not_found", "signer.name", "no signature block found")
        return
    signer = ex.record.signer
    position_index = None
    for i, line in enumerate(zone):
        if (position := position_of(_segment(line))) is not None and authority_of(_segment(line)) is None:
            signer.position, position_index = position, i
            ex.cite("signer.position", line.start, line.end)
    if position_index is not None:
        for line in reversed(zone[:position_index]):
            if (authority := authority_of(_segment(line))) is not None:
                signer.authority = authority
                ex.cite("signer.authority", line.start, line.end)
                break
    after = zone[position_index + 1 :] if position_index is not None else zone
    for line in reversed(after):
        name = name_of(_segment(line))
        if name and confirm_person(name):
            signer.name = name
            at = line.text.rfind(name)
            ex.cite("signer.name", line.start + at, line.start + at + len(name))
            break
    if signer.name is None:
        ex.warn("field_not_found", "signer.name", "no signer's name found under the signature block")
