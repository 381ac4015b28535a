"""The issuing body (cơ quan ban hành) and the body above it (cơ quan chủ quản), resolved against the gazetteer.

ND30 prints them top left, in capitals: ``ỦY BAN NHÂN DÂN`` / ``HUYỆN PHÙ
MỸ``, ``UBND TỈNH BÌNH PHƯỚC`` / ``SỞ XÂY DỰNG``; party documents (Hướng dẫn
36-HD/VPTW) ``TỈNH ỦY THỪA THIÊN HUẾ``, ``BAN CHẤP HÀNH TRUNG ƯƠNG`` /
``VĂN PHÒNG``. The header's runs of capitals (:mod:`extractors.header`) are
grouped into bodies whatever the wrapping (``ỦY`` / ``BAN NHÂN DÂN``,
``BỘ NỘI`` / ``VỤ``); the last is the issuer, the one before it its parent.
A unit's spelling, level and province come from the gazetteer, never from
damaged letters.

Where the header names no unit (``ỦY BAN NHÂN DÂN`` alone, or no issuer block
at all in legacy OCR), the unit comes from what else the document says, in
order of strength: the authority line under the title (``CHỦ TỊCH ỦY BAN NHÂN
DÂN TỈNH THANH HÓA``), the text naming the body with a unit that is the
place line's (``Ủy ban nhân dân tỉnh Bình Định``), the place line with the
kind of unit the text gives (``UBND tỉnh``), the place line alone. The weaker
the source, the more it is flagged: each way an issuer field was found is
recorded (``analysis.issuer_source``), and :mod:`extractors.consistency`
checks the result against the rest of the document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from khplan.diacritics import restore_diacritics
from khplan.diacritics.orthography import fold
from khplan.extractors.gazetteer import (
    KINDS_BY_LENGTH,
    LEVEL_OF_KIND,
    AdminUnit,
    Resolution,
    mentions,
    name_on,
    on_day,
    provinces,
    resolve,
    successor,
)
from khplan.extractors.header import HeaderReading, Piece, place_kind
from khplan.extractors.letterhead import FORMER_MOTTOS, MOTTO_WORDS
from khplan.extractors.matching import ends_name, fold_key, proper_words, similarity, squash, tolerant
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.run_together import split_syllables
from khplan.extractors.structure import ARCHIVE_LINE, COUNCIL_TERM, Layout, Line
from khplan.extractors.terms import (
    AGENCY_CODES,
    AGENCY_HEADS,
    AGENCY_NAMES,
    AGENCY_SHORT_NAMES,
    CENTRAL_BODY_NAMES,
    CENTRAL_HEADS,
    DEPARTMENTS,
    DOC_TYPES,
    ISSUER_CODES,
    agency_case,
    code_segments,
    field_abbreviation,
)
from khplan.extractors.title import SYLLABLE
from khplan.schemas import Level, UnitSuccessor

PEOPLES_BODIES = {"ủy ban nhân dân", "hội đồng nhân dân"}
UNIT_NAMED_OFFICES = ("phòng", "trung tâm", "ban chỉ đạo", "hội")
"""A district's or commune's offices, steering committees and associations are named with their unit (``Phòng Tư
pháp huyện X``, ``Ban Chỉ đạo … xã Y``, ``Hội Khuyến học huyện Z``), which the header prints only above them, in the
committee's name."""
"""Bodies whose name is their kind plus their unit (``Ủy ban nhân dân tỉnh Quảng Ninh``)."""
PARTY_COMMITTEES: dict[str, str] = {
    "tỉnh ủy": "tỉnh",
    "thành ủy": "thành phố",
    "huyện ủy": "huyện",
    "quận ủy": "quận",
    "thị ủy": "thị xã",
}
"""Party committees named after their unit without its kind word (``Tỉnh ủy Thừa Thiên Huế``), and that kind."""
MINISTRY_OFFICES = ("Văn phòng", "Thanh tra")
"""A ministry's office and inspectorate, named with the ministry (Văn phòng Bộ Công an, Thanh tra Bộ Xây dựng)."""
NAMED_AFTER_PEOPLE = frozenset({"Hồ Chí Minh"})
"""Units named after a person, whose kind a party committee's name keeps (``Thành ủy Thành phố Hồ Chí Minh``)."""
PARTY_ORGANS = ("ban", "văn phòng", "ủy ban")
"""Organs of a local party committee, which bear the committee's name (Ban Tuyên giáo Tỉnh ủy, Văn phòng Huyện ủy)."""
IMPLIED_KINDS: dict[str, str] = {
    **{fold_key(k): v for k, v in PARTY_COMMITTEES.items()},
    "tinh doan": "tỉnh",
    "thanh doan": "thành phố",
    "huyen doan": "huyện",
    "quan doan": "quận",
}
"""Words naming a body of a unit without the unit's kind (``Tỉnh ủy Thừa Thiên Huế``, ``Thành đoàn Hà Nội``)."""
_IMPLIED_KIND = re.compile(r"\b(?P<word>" + "|".join(IMPLIED_KINDS) + r")\s*(?=\S)")
"""Also glued to the name, as legacy OCR reads it (``TINH UYTHUATHIEN HUE``)."""
ORGANISATION_HEADS = ("hội", "đoàn", "công đoàn", "liên đoàn lao động", "đảng bộ", "hội liên hiệp phụ nữ")
"""Mass organisations and party organisations whose own Ban Chấp hành issues in their name."""
_HEAD_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "hdnd": "hội đồng nhân dân",
    "ub mttq": "ủy ban mặt trận tổ quốc",
    "bcd": "ban chỉ đạo",
    "bch": "ban chấp hành",
    "hdtdkt": "hội đồng thi đua - khen thưởng",
}
EXTRA_HEADS = (
    "ủy ban",
    "tiểu ban",
    "hội đồng bộ trưởng",
    "hội đồng chính phủ",
    "ủy ban thường vụ quốc hội",
    "phủ thủ tướng",
    "thủ tướng",
    "thành đoàn",
    "tỉnh đoàn",
    "huyện đoàn",
    "đảng bộ",
    "quận ủy",
    "chi bộ",
    "công đoàn",
    "tổng liên đoàn lao động",
    *ORGANISATION_HEADS,
)
_ALL_HEADS = tuple(dict.fromkeys((*AGENCY_HEADS, *EXTRA_HEADS)))
SHORT_HEAD = 4
"""Heads this short (sở, bộ, cục, ban, hội) are matched as printed: OCR-tolerant, ``cục`` would match ``các``."""
_HEADS = sorted(
    [(fold_key(h), h) for h in _ALL_HEADS] + list(_HEAD_ABBREVIATIONS.items()),
    key=lambda fh: len(fh[0]),
    reverse=True,
)
_HEAD_PATTERNS = [
    (re.compile(rf"^{tolerant(folded) if len(folded) > SHORT_HEAD else re.escape(folded)}\b"), head)
    for folded, head in _HEADS
]
_EXACT_HEADS = [
    (
        re.compile(
            rf"^{re.escape(folded)}(?:\b|(?=[a-z]{{3}}))"
            if folded in _HEAD_ABBREVIATIONS
            else rf"^{re.escape(folded)}\b"
        ),
        head,
    )
    for folded, head in _HEADS
]
"""Heads as printed; an abbreviation also glued to the next word, as legacy OCR reads it (``UBNDTHANH PHO``)."""
_KIND_PATTERN = re.compile(
    r"(?<![a-z])(?P<kind>" + "|".join(tolerant(fold_key(k)) for k in KINDS_BY_LENGTH) + r"|tp\.?)(?:\s+|(?<=\.))(?=\S)"
)
_KIND_OF_FOLDED = {fold_key(k): k for k in LEVEL_OF_KIND}
EXACT_UNIT_SCORE = 97.0
"""A unit's name printed whole, marks and all."""
CENTRAL_BODIES = (
    *CENTRAL_HEADS,
    "hội đồng bộ trưởng",
    "hội đồng chính phủ",
    "ủy ban thường vụ quốc hội",
    "thủ tướng",
    "phủ thủ tướng",
)
_NATIONAL_NAME = re.compile(r"\b(?:trung uong|viet nam|quoc gia|chinh phu|quoc hoi)\b")
"""A body named for the whole country: central, whatever its head."""
UNIT_SCORE = 75.0
"""How close (marks ignored) a printed unit name must be to a gazetteer name to be that unit."""
STRONG_UNIT_SCORE = 90.0
"""Below this, a unit resolved from the header is a weak match and flagged."""
PLACE_MATCH_SCORE = 80.0
DEPARTMENT_SCORE = 92.0
PARTY_CENTRAL_COMMITTEE = "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"


@dataclass
class Body:
    """One body named in the header's left column (possibly over several runs)."""

    pieces: list[Piece]
    head: str | None
    """Its kind of body, lower case: ``ủy ban nhân dân``, ``sở``, ``tỉnh ủy`` …"""
    unit_text: str | None = None
    unit_kind: str | None = None
    resolution: Resolution = field(default_factory=lambda: Resolution(None))
    name: str | None = None
    """A name set by a convention rather than read (``Văn phòng Trung ương Đảng``)."""
    leftover: str = ""
    """Words after the unit's name dropped as OCR's leftovers (``SG UQD-VEND``), for the reviewer."""

    @property
    def text(self) -> str:
        text = _MISREAD_COMMITTEE.sub("ỦY ", " ".join(piece.text for piece in self.pieces))
        glued = _GLUED_ABBREVIATION.match(text)
        return f"{glued.group(1)} {text[glued.end() :]}" if glued and text[glued.end() :][:2].isupper() else text

    @property
    def folded(self) -> str:
        return fold_key(self.text)

    @property
    def start(self) -> int:
        return self.pieces[0].start if self.pieces else 0

    @property
    def end(self) -> int:
        return self.pieces[-1].end if self.pieces else 0


_GLUED_ABBREVIATION = re.compile(r"^(UBND|HĐND|HDND)(?=\w\w)")
_MISREAD_COMMITTEE = re.compile(r"^QU[YỸ]\s+(?=BAN\s+NH[AÂ]N\s+D[AÂ]N\b)", re.IGNORECASE)
"""``QUỸ BAN NHÂN DÂN``: an ``UY`` wrapped alone on its line, restored as the word it most often is there; no fund is
a "ban nhân dân"."""
"""``UBNDTHANH PHO``: legacy OCR lost the space after the abbreviation."""


def head_of(folded: str, *, exact: bool = False) -> str | None:
    """The kind of body a folded name opens with (``uy ban nhan dan tinh …`` → ``ủy ban nhân dân``)."""
    for pattern, head in _EXACT_HEADS if exact else _HEAD_PATTERNS:
        if pattern.match(folded):
            return head
    return None


_KIND_PREFIXES = {
    exact: [
        (re.compile(rf"{re.escape(k) if exact else tolerant(k)}\s"), kind)
        for k, kind in sorted(_KIND_OF_FOLDED.items(), key=lambda kv: -len(kv[0]))
    ]
    for exact in (True, False)
}


def _unit_kind(folded: str, *, exact: bool = False) -> str | None:
    """The unit kind a folded text opens with (``huyen phu my`` → ``huyện``), as printed or OCR-garbled."""
    for pattern, kind in _KIND_PREFIXES[exact]:
        if pattern.match(folded):
            return kind
    return "thành phố" if re.match(r"tp(?:\.?\s|\.(?=\w))", folded) else None  # "TP.HỒ CHÍ MINH" too


def _complete(body: Body) -> bool:
    """A body whose name is more than the first words of a head (``ỦY``, ``ỦY BAN NHÂN`` are not)."""
    folded = " ".join(body.folded.split())
    if head_of(folded, exact=True) is None and head_of(folded) is None:
        return False
    return not any(h != folded and h.startswith(folded) for h, _ in _HEADS)


def group_bodies(pieces: list[Piece]) -> list[Body]:
    """Runs of capitals as bodies: a run opening with a head starts one, unless the one above is unfinished.

    A run naming a unit (``HUYỆN PHÙ MỸ``) completes the body above it; a run
    with no head of its own (``VỤ`` under ``BỘ NỘI``, ``DÂN`` under ``ỦY BAN
    NHÂN``) goes on with it. Words as printed are tried before their
    OCR-tolerant forms, which overlap (``phuong`` is a garbled ``phòng`` as
    well as ``phường``).
    """
    bodies: list[Body] = []
    authority = False
    for run in _join_wrapped_names(pieces):
        if _POSITION_WORDS.match(run.folded) and bodies:
            authority = True
            continue  # "BỘ TRƯỞNG BỘ NỘI VỤ": the authority line, where OCR's column order put it
        if authority and head_of(run.folded) is None and _unit_kind(run.folded) is None:
            continue  # "BỘ TRƯỞNG BỘ VĂN HÓA," / "THỂ THAO VÀ DU LỊCH": the authority line wrapped
        authority = False
        if _SESSION_LINE.match(run.folded) and bodies:
            continue  # "KHÓA IX, KỲ HỌP THỨ BA": a council's term under its name, not part of it
        for piece in _split_after_unit(run):
            for exact in (True, False):
                head, kind = head_of(piece.folded, exact=exact), _unit_kind(piece.folded, exact=exact)
                if head or kind:
                    break
            if bodies and (
                (kind and not head and bodies[-1].unit_text is None)
                or head is None
                or not _complete(bodies[-1])
                or _completes_unit(bodies[-1], piece)
                or _awaits_name(bodies[-1])
            ):
                bodies[-1].pieces.append(piece)
            else:
                bodies.append(Body([piece], head))
    for body in bodies:
        folded = " ".join(body.folded.split())
        body.head = glued_head(folded) or head_of(folded, exact=True) or head_of(folded)
    return bodies


GLUED_HEADS = {
    "ủy ban nhân dân": "ủy ban nhân dân",
    "hội đồng nhân dân": "hội đồng nhân dân",
    "ban nhân dân": "ủy ban nhân dân",
    "đồng nhân dân": "hội đồng nhân dân",
    "hội đng nhân dân": "hội đồng nhân dân",
}
"""Heads long and distinctive enough to be known with their spaces lost and their vowels misread (``UYBANNHANDAN``,
``HOLDONG NHANDAN``, ``Ủy : _ ban nhân dân``): legacy OCR of a letter-spaced or bold line. ``BAN NHÂN DÂN`` is an
``ỦY`` lost, ``ĐỒNG NHÂN DÂN`` a ``HỘI`` wrapped alone (and taken for the motto's), ``HỘI ĐNG NHÂN DÂN`` an ``Ồ`` a
site's font had no glyph for: no other body is named so."""
_LOOSE = {**dict.fromkeys("aeiouy", "[aeiouydwl]{1,2}"), "d": "[dbp]"}
"""Each vowel any one or two of the letters OCR prints for a marked vowel (``HOLDONG``); Đ read as D, P or b."""
_GLUED_HEAD_PATTERNS = [
    (
        re.compile("^" + "".join(_LOOSE.get(c, c) for c in fold_key(printed).replace(" ", ""))),
        head,
    )
    for printed, head in GLUED_HEADS.items()
]
_MOTTO_WORDS = re.compile(r"\b(?:viet\s*nam|nam|viet)\b")
"""Words of the motto beside the issuer that OCR interleaves with its line (``Hội đồng Nhân VIETNAM dân``)."""


def glued_head(folded: str) -> str | None:
    """A people's body whose name OCR ran together or broke with junk, by its letters alone."""
    letters = re.sub(r"[^a-z]", "", _MOTTO_WORDS.sub(" ", folded))
    for pattern, head in _GLUED_HEAD_PATTERNS:
        if pattern.match(letters):
            return head
    return None


_WHOLE_NAMES = (
    "ban chap hanh trung uong",
    *sorted(
        {fold_key(name) for name in CENTRAL_BODY_NAMES if name.startswith(("Bộ ", "Bảo hiểm", "Ngân hàng"))},
        key=len,
        reverse=True,
    ),
)
"""Names complete in themselves: a head after one on the same line begins another body (``… TRUNG ƯƠNG VĂN PHÒNG``,
``BỘ TÀI CHÍNH TỔNG CỤC THUẾ``, ``BẢO HIỂM XÃ HỘI VIỆT NAM BẢO HIỂM XÃ HỘI …``: a flattened page's header)."""


def _join_wrapped_names(pieces: list[Piece]) -> list[Piece]:
    """Runs joined where a whole name was wrapped across them (``BAN CHẤP HÀNH TRUNG`` / ``ƯƠNG VĂN PHÒNG``, ``BỘ TÀI
    NGUYÊN VÀ MÔI`` / ``TRƯỜNG``: no school), so that the body after the name is cut from it as it is on one line."""
    joined: list[Piece] = []
    for run in pieces:
        if joined:
            last = joined[-1]
            folded = f"{last.folded} {run.folded}"
            if any(folded.startswith(w) and len(last.folded) < len(w) <= len(folded) for w in _WHOLE_NAMES):
                joined[-1] = Piece(last.start, run.end, f"{last.text} {run.text}", folded)
                continue
        joined.append(run)
    return joined


def _awaits_name(body: Body) -> bool:
    """``ỦY BAN NHÂN DÂN THÀNH PHỐ`` / ``HỘI AN``: a unit's kind ends the line, its name (whatever it looks like) is
    the next."""
    words, printed = body.folded.split(), body.text.lower().split()
    return (
        len(words) > 1
        and any(
            " ".join(words[-n:]) in _KIND_OF_FOLDED
            and len(words) > n
            and _spelt_as_kind(" ".join(printed[-n:]), _KIND_OF_FOLDED[" ".join(words[-n:])], body.text)
            for n in (1, 2)
        )
        and not _IMPLIED_KIND.search(body.folded)
        and not _names_its_unit(body)
    )


def _spelt_as_kind(printed: str, kind: str, name: str) -> bool:
    """A kind's word as printed: ``QUẬN``, or ``QUAN`` in a name whose marks were all lost; ``HẢI QUAN``'s ``QUAN``
    (a marked word before it) is no quận."""
    return printed == kind or all(c.isascii() for c in name if c.isalpha())


def _names_its_unit(body: Body) -> bool:
    """``UBND TỈNH HÀ TĨNH``: a kind and a unit's whole name, which itself ends like a kind (``TĨNH``)."""
    words, printed = body.folded.split(), body.text.split()
    if len(words) != len(printed):
        return False
    for k, word in enumerate(words[:-2]):
        kind = _KIND_OF_FOLDED.get(word)
        if kind and resolve(" ".join(printed[k + 1 :]), kinds=[kind], cutoff=EXACT_UNIT_SCORE).candidates:
            return True
    return False


def _completes_unit(body: Body, piece: Piece) -> bool:
    """``UBND THÀNH PHỐ HẢI`` / ``PHÒNG``: a unit's name wrapped, its end looking like a head."""
    folded = " ".join(body.folded.split())
    kinds = list(_KIND_PATTERN.finditer(folded))
    if not kinds or len(piece.folded.split()) > 2:
        return False
    kind = _unit_kind(folded[kinds[-1].start() :], exact=True)
    if kind is None:
        return False
    name = body.text[len(" ".join(body.text.split()[: len(folded[: kinds[-1].end()].split())])) :].strip()
    if not name or resolve(name, kinds=[kind], cutoff=STRONG_UNIT_SCORE).candidates:
        return False
    return bool(resolve(f"{name} {piece.text}", kinds=[kind], cutoff=STRONG_UNIT_SCORE).candidates)


def _split_after_unit(run: Piece) -> list[Piece]:
    """One run naming two bodies (``UBND HUYỆN THANH CHƯƠNG PHÒNG GIÁO DỤC …``): cut after the unit's name."""
    for whole in _WHOLE_NAMES:
        if run.folded.startswith(whole + " ") and head_of(run.folded[len(whole) + 1 :], exact=True):
            a = len(whole) + 1
            first = Piece(run.start, run.start + len(whole), run.text[: len(whole)], run.folded[: len(whole)])
            return [first, *_split_after_unit(Piece(run.start + a, run.end, run.text[a:], run.folded[a:]))]
    words = list(re.finditer(r"\S+", run.folded))
    for i, word in enumerate(words[:-1]):
        kind = _KIND_OF_FOLDED.get(word.group(0))
        if i >= 2 and (pair := _KIND_OF_FOLDED.get(f"{words[i - 1].group(0)} {word.group(0)}")) is not None:
            kind = pair  # "… THÀNH PHỐ HÀ NỘI SỞ …": a kind of two words
        if kind is None or i == 0:
            continue
        for length in range(1, 5):
            cut = i + 1 + length
            if cut >= len(words):
                break
            rest = run.folded[words[cut].start() :]
            name = run.text[words[i + 1].start() : words[cut - 1].end()]
            if head_of(rest, exact=True) and resolve(name, kinds=[kind], cutoff=STRONG_UNIT_SCORE).candidates:
                a = words[cut].start()
                first = Piece(
                    run.start,
                    run.start + words[cut - 1].end(),
                    run.text[: words[cut - 1].end()],
                    run.folded[: words[cut - 1].end()],
                )
                second = Piece(run.start + a, run.end, run.text[a:], run.folded[a:])
                return [first, *_split_after_unit(second)]
    return [run]


def apply_conventions(bodies: list[Body], mottos: frozenset[str]) -> list[Body]:
    """How party and mass-organisation headers name their issuer (Hướng dẫn 36-HD/VPTW).

    ``HỘI NÔNG DÂN VIỆT NAM`` / ``BAN CHẤP HÀNH TRUNG ƯƠNG``: one issuer, the
    organisation's Ban Chấp hành; ``BAN CHẤP HÀNH TRUNG ƯƠNG`` beside ``ĐẢNG
    CỘNG SẢN VIỆT NAM``: the Party's; a body under it is that body of the
    Party's Central Committee (Văn phòng Trung ương Đảng, Ủy ban Kiểm tra Trung ương); ``HỘI LIÊN HIỆP PHỤ NỮ HÀ
    NỘI`` / ``BAN THƯỜNG VỤ``: the organisation's Ban Thường vụ, one issuer.
    """
    party = "party" in mottos
    if len(bodies) > 1 and not any(_bare_central_committee(b) or _bare_board(b) for b in bodies):
        bodies = [b for b in bodies if not _youth_union_motto(b)] or bodies
    for i, body in enumerate(bodies):
        if i and _bare_board(body) and bodies[i - 1].head in ORGANISATION_HEADS:
            # "HỘI LIÊN HIỆP PHỤ NỮ HÀ NỘI" / "BAN THƯỜNG VỤ": the organisation's board, named with it
            organisation = bodies[i - 1]
            return [*bodies[: i - 1], Body(body.pieces + organisation.pieces, organisation.head), *bodies[i + 1 :]]
        if not _bare_central_committee(body):
            continue
        others = [b for j, b in enumerate(bodies) if j in (i - 1, i + 1) and b.head in ORGANISATION_HEADS]
        if others:
            organisation = others[0]
            merged = Body(sorted(body.pieces + organisation.pieces, key=lambda p: p.start), "ban chấp hành")
            merged.name = f"Ban Chấp hành Trung ương {agency_case(organisation.text)}"
            return [b for b in bodies if b is not body and b is not organisation] + [merged]
        if party:
            body.name = PARTY_CENTRAL_COMMITTEE
            below = bodies[i + 1 :]
            for sub in below:  # Văn phòng Trung ương Đảng; Ban Tổ chức Trung ương, Ủy ban Kiểm tra Trung ương
                sub.name = f"{agency_case(sub.text)} Trung ương{' Đảng' if sub.head == 'văn phòng' else ''}"
            return bodies
    return bodies


def _youth_union_motto(body: Body) -> bool:
    """``ĐOÀN TNCS HỒ CHÍ MINH`` beside a Đoàn body's name: the Union prints it where others print the motto."""
    return " ".join(body.folded.split()) in {"doan tncs ho chi minh", "doan thanh nien cong san ho chi minh"}


def _bare_board(body: Body) -> bool:
    return " ".join(body.folded.split()) in {"ban thuong vu", "ban chap hanh"}


def _bare_central_committee(body: Body) -> bool:
    return " ".join(body.folded.split()) in {"ban chap hanh trung uong", "ban chap hanh trung uong dang"}


def _resolve_unit(body: Body, province_hints: Counter[str], district_hints: Counter[str] | None = None) -> None:
    """Find ``<kind> <name>`` at the end of a body's name (or the unit a party committee is named for) and resolve it.

    Units change kind (a thị xã becomes a thành phố), and the gazetteer
    knows them by their latest one: when no unit of the printed kind fits,
    units of the same level are tried, and the printed kind is kept.
    """
    text, folded = body.text, fold_key(body.text)
    if (implied := _IMPLIED_KIND.search(folded)) is not None:  # "TỈNH ỦY THỪA THIÊN HUẾ", "… THÀNH ĐOÀN HÀ NỘI"
        name = text[implied.end() :].strip(" .,-")
        if name:
            kind = IMPLIED_KINDS[implied.group("word")]
            body.unit_text, body.unit_kind = name, kind
            body.resolution = resolve(name, kinds=[kind], province_hints=province_hints, cutoff=UNIT_SCORE)
        return
    if body.head not in PEOPLES_BODIES and max(similarity(d, text) for d in DEPARTMENTS) >= DEPARTMENT_SCORE:
        return  # "… THƯƠNG BINH VÀ XÃ HỘI" is a department's field, not a commune
    if _words_folded(text) in _CENTRAL_BY_FOLD:
        return  # "BO XAY DUNG" printed without marks: Bộ Xây dựng, no "xã Dùng"
    after_head = len(body.head) if body.head and folded.startswith(fold_key(body.head)) else 0
    matches = [m for m in _KIND_PATTERN.finditer(folded, after_head) if _printed_as_kind(text, m)]
    exact = [m for m in matches if _unit_kind(folded[m.start() :], exact=True)]
    for match in exact + [m for m in matches if m not in exact]:
        kind = _unit_kind(folded[match.start() :]) or "thành phố"
        name = text[match.end() :].strip(" .,-")
        if not name:
            continue
        resolution = _resolve_kind(name, kind, province_hints, district_hints)
        if not resolution.candidates and (cut := _OCR_TAIL.split(name, maxsplit=1)[0].strip(" .,-")) != name and cut:
            name, resolution = cut, _resolve_kind(cut, kind, province_hints, district_hints)  # "1 , 3 Pơơ"
        if not resolution.candidates and (cut := _without_junk_words(name)) != name and cut:
            resolution = _resolve_kind(cut, kind, province_hints, district_hints)  # "HỒ CHÍ MINH SG UQD-VEND"
            body.leftover = name[len(cut) :].strip() if resolution.candidates else ""
            name = cut
        if resolution.candidates:
            body.unit_text, body.unit_kind, body.resolution = name, kind, resolution
            return
    if exact:  # a unit the gazetteer does not know
        body.unit_kind = _unit_kind(folded[exact[0].start() :], exact=True)
        body.unit_text = text[exact[0].end() :].strip(" .,-") or None
    elif body.head in ORGANISATION_HEADS and (province := _province_named_last(folded)) is not None:
        # "HỘI LIÊN HIỆP PHỤ NỮ HÀ NỘI": a mass organisation names its province without the kind
        body.unit_text, body.unit_kind = text[len(text) - len(province.name) :], province.kind
        body.resolution = Resolution(province, (province,), 100.0)
        body.name = f"{agency_case(text[: len(text) - len(province.name)].rstrip())} {province.name}"


def _province_named_last(folded: str) -> AdminUnit | None:
    """The province whose name (as the gazetteer spells it, marks aside) ends ``folded``."""
    words = folded.split()
    for province in provinces():
        name = fold_key(province.name).split()
        if len(words) > len(name) and words[-len(name) :] == name:
            return province
    return None


def _printed_as_kind(text: str, match: re.Match[str]) -> bool:
    """Whether the words a kind matched (marks ignored) are that kind as printed: ``QUẢN LÝ DƯỢC`` and ``XÂY DỰNG``
    hold no quận or xã, nor ``HẢI QUAN`` (marks elsewhere, none here) a quận. Text without marks (legacy OCR) is taken
    as it folds; a number after it is a unit's name."""
    printed = " ".join(text[match.start("kind") : match.end("kind")].split()).lower()
    if printed == "quan" and not text.isascii():
        return bool(re.match(r"\s*\d", text[match.end() :]))  # "HẢI QUAN": marks printed elsewhere, none here
    if printed.isascii() or printed in LEVEL_OF_KIND:
        return True
    return bool(re.match(r"\s*\d", text[match.end() :]))  # "QUẢN 8", "QUAN 1": OCR's slips of QUẬN


_OCR_TAIL = re.compile(r"\s*[,|;:—_«»~]")
"""Where OCR's junk after a unit's name begins (``QUẬN 1 , 3 Pơơ``): the name is tried without it."""


def _without_junk_words(name: str) -> str:
    """A unit's name without the words OCR of a poor scan ran on after it, none a syllable (``Hồ Chí Minh Sg
    Uqd-vend``, ``Quảng Ninh” Logins Hond``); its first word stays, and an office's abbreviation (``PHÒNG NN&PTNT``)
    ends nothing: it names a body under the unit."""
    words = name.split()
    while len(words) > 1 and not SYLLABLE.match(fold(words[-1].strip(_QUOTES_AND_SPECKS)).lower()):
        if "&" in words[-1] or field_abbreviation(words[-1].strip(_QUOTES_AND_SPECKS)):
            return name
        words.pop()
    return " ".join(words).strip(_QUOTES_AND_SPECKS)


_QUOTES_AND_SPECKS = " .,-”“\"'‘’©"


def _resolve_kind(
    name: str, kind: str, province_hints: Counter[str], district_hints: Counter[str] | None = None
) -> Resolution:
    resolution = resolve(
        name, kinds=[kind], province_hints=province_hints, district_hints=district_hints, cutoff=UNIT_SCORE
    )
    if not resolution.candidates:
        same_level = [k for k, levels in LEVEL_OF_KIND.items() if set(levels) & set(LEVEL_OF_KIND[kind]) and k != kind]
        resolution = resolve(
            name, kinds=same_level, province_hints=province_hints, district_hints=district_hints, cutoff=UNIT_SCORE
        )
    return resolution


def body_name(body: Body) -> str:
    """A body's name in full words: its unit spelt as the gazetteer spells it, of the kind the document prints."""
    if body.name:
        return body.name
    unit = body.resolution.unit or _agreed(body.resolution)
    if body.unit_kind and _IMPLIED_KIND.search(body.folded) and body.unit_text:  # "Tỉnh ủy Thừa Thiên Huế"
        own = body.text[: len(body.text) - len(body.unit_text)].rstrip()
        named = unit.name if unit else _title_case(body.unit_text)
        if unit is not None and unit.name in NAMED_AFTER_PEOPLE:  # "Thành ủy Thành phố Hồ Chí Minh", not the man
            named = f"{unit.kind[:1].upper()}{unit.kind[1:]} {unit.name}"
        return f"{agency_case(own)} {named}".strip()
    unit_title = (
        f"{body.unit_kind or unit.kind} {unit.name}"
        if unit
        else (f"{body.unit_kind} {_title_case(body.unit_text)}" if body.unit_text else "")
    )
    own = body.text
    if body.unit_text and own.endswith(body.unit_text):
        own = _strip_kind_word(own[: len(own) - len(body.unit_text)].rstrip())
    if body.head in PEOPLES_BODIES:
        interim = " lâm thời" if re.search(r"\blam\s+thoi\b", fold_key(own)) else ""  # a new province's first
        return f"{body.head[:1].upper()}{body.head[1:]}{interim} {unit_title}".strip()
    for folded, head in _HEAD_ABBREVIATIONS.items():
        if fold_key(own).startswith(folded + " ") or fold_key(own) == folded:
            own = head + own[len(folded) :]
    own = _INNER_ABBREVIATION.sub(lambda m: _HEAD_ABBREVIATIONS[fold_key(m.group(0))], own)
    return f"{agency_case(own)} {unit_title}".strip()


_INNER_ABBREVIATION = re.compile(r"(?<=\s)(?:UBND|HĐND|HDND)(?=\s|$)")
"""``THƯỜNG TRỰC HĐND - UBND TỈNH HÒA BÌNH``: the people's bodies abbreviated inside a joint name, written out."""


def _strip_kind_word(text: str) -> str:
    """``ỦY BAN NHÂN DÂN HUYỆN`` → ``ỦY BAN NHÂN DÂN``: the kind word before the unit name."""
    folded = fold_key(text)
    for match in reversed(list(_KIND_PATTERN.finditer(folded + " _"))):  # a kind word needs a word after it
        if match.end() >= len(folded):
            return text[: match.start()].rstrip()
    return text


def _agreed(resolution: Resolution) -> AdminUnit | None:
    """For an ambiguous name, one candidate standing for the spelling they all share (province unknown)."""
    spellings = {(u.kind, u.name) for u in resolution.candidates}
    return resolution.candidates[0] if len(spellings) == 1 else None


def _title_case(text: str | None) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in (text or "").split())


def _unit_level(body: Body) -> Level | None:
    if body.resolution.candidates:
        found = {u.level for u in body.resolution.candidates}
        return Level(found.pop()) if len(found) == 1 else None
    if body.unit_kind:
        levels = LEVEL_OF_KIND[body.unit_kind]
        return Level(levels[0]) if len(levels) == 1 else None
    return None


# --- the unit from the rest of the document ----------------------------------------

_KINDS_ALTERNATION = "|".join(fold_key(k) for k in KINDS_BY_LENGTH)


def unit_mentions(ex: Extraction, head: str) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """``Ủy ban nhân dân <kind> <Name>`` (for ``head``) in the text: (kind, name) → where it is said."""
    found: dict[tuple[str, str], list[tuple[int, int]]] = {}
    if head not in PEOPLES_BODIES:
        return found
    abbreviation = next(short for short, full in _HEAD_ABBREVIATIONS.items() if full == head)
    pattern = re.compile(rf"(?:{tolerant(fold_key(head))}|{abbreviation})\s+(?P<kind>{_KINDS_ALTERNATION})\s+")
    for match in pattern.finditer(ex.folded):
        name = " ".join(proper_words(ex.text[match.end() : match.end() + 60]).split()[:5])
        if name:
            found.setdefault((_KIND_OF_FOLDED[match.group("kind")], name), []).append(
                (match.start(), match.end() + len(name))
            )
    return found


def kind_mentions(ex: Extraction, head: str) -> Counter[str]:
    """How the text calls its own body: ``Ủy ban nhân dân tỉnh``, ``UBND huyện`` (no name) → kind counts."""
    counts: Counter[str] = Counter()
    if head not in PEOPLES_BODIES:
        return counts
    abbreviation = next(short for short, full in _HEAD_ABBREVIATIONS.items() if full == head)
    pattern = re.compile(rf"(?:{tolerant(fold_key(head))}|\b{abbreviation})\s+(?P<kind>{_KINDS_ALTERNATION})\b")
    for match in pattern.finditer(ex.folded):
        counts[_KIND_OF_FOLDED[match.group("kind")]] += 1
    return counts


def _body_from_text(
    ex: Extraction, head: str, place: str | None, province_hints: Counter[str], district_hints: Counter[str]
) -> Body | None:
    """The issuer's unit from the text: the ``Ủy ban nhân dân <kind> <place>`` the text names most."""
    if not place:
        return None
    candidates = [
        (len(spans), kind, name, spans[0])
        for (kind, name), spans in unit_mentions(ex, head).items()
        if similarity(name, place) >= PLACE_MATCH_SCORE
    ]
    if not candidates:
        return None
    _, kind, name, (start, end) = max(candidates)
    body = Body([Piece(start, end, ex.text[start:end], ex.folded[start:end])], head, unit_text=name, unit_kind=kind)
    body.resolution = resolve(
        name, kinds=[kind], province_hints=province_hints, district_hints=district_hints, cutoff=UNIT_SCORE
    )
    return body


_SESSION = re.compile(rf"[\s,.-]+(?:{COUNCIL_TERM}|nhiem\s+ky\b)")
"""A council's term and session after its name on the authority line."""
_SESSION_LINE = re.compile(rf"^\(?\s*(?:{COUNCIL_TERM}|ngay)")
_POSITION_WORDS = re.compile(
    r"^(?:pho\s+)?(?:chu\s+tich|bo\s+truong|giam\s+doc|thuong\s+truc|truong\s+ban|chanh\s+van\s+phong)\s+"
)


def _authority_body(lines: tuple[Line, ...], head: str | None) -> Body | None:
    """The body the authority line names (``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA``), when it is the issuer's kind."""
    lines = tuple(line for line in lines if not _SESSION_LINE.match(line.folded))
    if not lines:
        return None
    line = lines[0]
    if len(lines) > 1:  # wrapped: "CHỦ TỊCH ỦY BAN NHÂN" / "DÂN TỈNH BẠC LIÊU"
        text = " ".join(ln.text for ln in lines)
        line = line._replace(end=lines[-1].end, text=text, folded=fold_key(text))
    skip = _POSITION_WORDS.match(line.folded)
    offset = skip.end() if skip else 0
    text, folded = line.text[offset:].rstrip(" ,."), line.folded[offset:].rstrip(" ,.")
    if session := _SESSION.search(folded):  # "HỘI ĐỒNG NHÂN DÂN TỈNH NGHỆ AN KHOÁ XV, KỲ HỌP THỨ 11"
        text, folded = text[: session.start()].rstrip(" ,.-"), folded[: session.start()].rstrip(" ,.-")
    named = head_of(folded, exact=True) or head_of(folded)
    if named is None or (head is not None and named != head):
        return None
    body = Body([Piece(line.start + offset, line.start + offset + len(text), text, folded)], named)
    return body


def _unit_ended_by(body: Body, reading: HeaderReading) -> bool:
    """``THÀNH PHỐ CHÍ MINH`` (OCR lost ``HỒ``) over a place line ``Thành phố Hồ Chí Minh``: the header's unit, read
    only as a near name (the city of Chí Linh), is the unit the place line names exactly when the header's words end
    its name. True when the body's unit was so replaced."""
    resolution, place = body.resolution, reading.place
    if place is None or not body.unit_text or not body.unit_kind or resolution.score >= EXACT_UNIT_SCORE:
        return False
    _, name = place_kind(place.text)
    found = resolve(name, kinds=[body.unit_kind], cutoff=EXACT_UNIT_SCORE)
    if found.unit is None or len(found.candidates) != 1 or not ends_name(found.unit.name, body.unit_text):
        return False
    body.resolution = found
    return True


@dataclass
class IssuerFinding:
    """The issuer and how it was found: which source gave the unit, and how sure that is."""

    issuer: Body
    parent: Body | None
    source: str
    """``header``, ``authority line``, ``text``, ``place line and text``, ``place line``, ``number's code``."""
    weak: bool = False


def _unit_elsewhere(ex: Extraction, body: Body, reading: HeaderReading, layout: Layout) -> tuple[Body, str, bool]:
    """A peoples body printed without its unit: the unit from the authority line, the text, or the place line."""
    hints, district_hints = mentions(ex.folded, "province"), mentions(ex.folded, "district")
    place = reading.place.text if reading.place else None
    authority = _authority_body(layout.authority, body.head)
    if authority is not None:
        _resolve_unit(authority, hints, district_hints)
        if authority.unit_text and authority.resolution.candidates:
            return authority, "authority line", False
    from_text = _body_from_text(ex, body.head or "", place, hints, district_hints)
    if from_text is not None and from_text.resolution.candidates:
        return from_text, "text", False
    if place:
        kinds = kind_mentions(ex, body.head or "")
        if authority is not None and authority.unit_kind:
            kinds[authority.unit_kind] += 100
        printed_kind, name = place_kind(place)
        if printed_kind:
            kinds[printed_kind] += 1000
        printed, name = name, proper_words(name) or name
        for kind, _ in kinds.most_common():
            resolution = resolve(
                name, kinds=[kind], province_hints=hints, district_hints=district_hints, cutoff=PLACE_MATCH_SCORE
            )
            if resolution.unit is not None:
                found = Body(body.pieces, body.head, unit_text=resolution.unit.name, unit_kind=kind)
                found.resolution = resolution
                # a commune's name alone is weak: ten thousand communes share a few thousand names, and a place
                # line OCR cut ("Đức Thanh" read "Thanh") names another as exactly
                weak = resolution.score < STRONG_UNIT_SCORE or resolution.unit.level == "commune"
                return found, "place line and text", weak
        resolution = resolve(name, levels=["province"], cutoff=STRONG_UNIT_SCORE)
        if resolution.unit is not None and resolution.score == 100:
            found = Body(body.pieces, body.head, unit_text=resolution.unit.name, unit_kind=resolution.unit.kind)
            found.resolution = resolution
            return found, "place line", True
        if kinds and kinds.most_common(1)[0][0] == "tỉnh" and (province := _province_of_seat(printed, hints)):
            found = Body(body.pieces, body.head, unit_text=province.name, unit_kind=province.kind)
            found.resolution = Resolution(province, (province,), 100.0)
            return found, "place line's province and text", True
    return body, "header", False


SEAT_KINDS = frozenset({"thành phố", "thị xã"})
"""What a province's seat is: a provincial document is dated there (``Đồng Hới, ngày …`` for Quảng Bình)."""


def _province_of_seat(place: str, province_hints: Counter[str]) -> AdminUnit | None:
    """The province whose city or town the place line names, when the text names no other province more.

    The text calls its own body ``UBND tỉnh`` with no name and dates it at a city: the province is the city's. The
    city's own committee dates its documents there too, which the text's ``tỉnh`` tells apart; still a guess, flagged.
    """
    seat = resolve(place, levels=["district"], province_hints=province_hints, cutoff=STRONG_UNIT_SCORE)
    if seat.unit is None or seat.score < 100 or seat.unit.kind not in SEAT_KINDS:
        return None
    named = province_hints.most_common(1)
    if named and named[0][0] != seat.unit.province:
        return None  # the text names another province most: the place line or the city is not what it seems
    return next((p for p in provinces() if p.name == seat.unit.province), None)


def find_issuer(ex: Extraction, reading: HeaderReading, layout: Layout) -> IssuerFinding | None:
    """The issuing body and its parent, and where the issuer's unit came from."""
    province_hints = mentions(ex.folded, "province")
    bodies = apply_conventions(group_bodies(_unglued(reading.issuer_lines)), reading.mottos)
    district_hints: Counter[str] = mentions(ex.folded, "district")
    for body in bodies:  # a body above (UBND QUẬN 3) says where the one below it (PHƯỜNG 5) is
        _resolve_unit(body, province_hints, district_hints)
        if (above := body.resolution.unit) is not None:
            province_hints = province_hints + Counter({above.province: 100})
            if above.level == "district":
                district_hints[above.name] += 100
    if not bodies and layout.type_line is not None and _OWN_HEADING.search(layout.type_line.folded):
        # "Thông báo số 217/TB-UBND ngày … của UBND thị xã Điện Bàn V/v …": the heading names who issued it
        if (named := _clause_body(ex, layout, province_hints, district_hints)) is not None:
            return named
    if not bodies:
        head = _head_from_code(reading.number_code) if reading.number_code else None
        if head is None and layout.title and ARCHIVE_LINE.match(layout.title[0].folded):  # "CỦA … SỐ 124-CT NGÀY …"
            if (named := _clause_body(ex, layout, province_hints, district_hints, "archive heading")) is not None:
                return named  # the archive's heading names who issued it: before the lines and the body under it
        if head is None:
            authority = _authority_body(layout.authority, None) or _code_body(reading.number_code)
            if authority is None:  # a typed document whose site dropped the header: its opening paragraph
                if layout.type_line is None:  # a post's title alone above the body: the body may say who announces
                    return _enacting_body(ex, layout, province_hints, district_hints) if layout.title else None
                if _OWN_HEADING.search(layout.type_line.folded):  # "Thông báo số 217/TB-UBND ngày … của UBND …"
                    return _clause_body(ex, layout, province_hints, district_hints)
                return _enacting_body(ex, layout, province_hints, district_hints) or _clause_body(
                    ex, layout, province_hints, district_hints
                )
            bodies = [authority]
            _resolve_unit(authority, province_hints, district_hints)
            return IssuerFinding(authority, None, "authority line" if authority.pieces else "number's code", True)
        else:
            body = Body([], head)
            found, source, weak = _unit_elsewhere(ex, body, reading, layout)
            if not found.pieces and not (found.unit_text and found.resolution.unit is not None):
                # neither printed nor placed: the code's kind alone names no body; a post's body may say who issued
                return _enacting_body(ex, layout, province_hints, district_hints) if not layout.header else None
            return IssuerFinding(found, None, "number's code and " + source, True)
    issuer, parent = bodies[-1], bodies[-2] if len(bodies) >= 2 else None
    if (
        parent is not None
        and parent.head == issuer.head
        and parent.unit_text is None
        and issuer.unit_text
        and not _NATIONAL_NAME.search(parent.folded)  # "BẢO HIỂM XÃ HỘI VIỆT NAM" / "BẢO HIỂM XÃ HỘI TP.HỒ CHÍ MINH"
    ):
        parent = None  # "HỘI ĐỒNG NHÂN DÂN" / … / "HỘI ĐỒNG NHÂN DÂN TỈNH KIÊN GIANG": one body, printed twice
    elif parent is not None and parent.head == issuer.head and issuer.unit_text is None and parent.unit_text:
        issuer, parent = parent, None  # "ỦY BAN NHÂN DÂN XÃ …" / "Số: /BC-" / "UBND": the code's end, wrapped
    elif (
        parent is not None
        and parent.head == issuer.head in PEOPLES_BODIES
        and not (parent.unit_text or issuer.unit_text)
    ):
        parent = None  # "ỦY BAN NHÂN DÂN" / "Số: …" / "ỦY BAN NHÂN DÂN TỈNH": the authority line read into the header
    if parent is not None and squash(parent.text) == squash(issuer.text):
        parent = None  # "CHÍNH PHỦ" / … / "CHÍNH PHỦ": the authority line read into the header, no second body
    elif (
        parent is not None
        and parent.head == issuer.head
        and parent.unit_text
        and squash(parent.unit_text) == squash(issuer.unit_text or "")
    ):
        parent = None  # "UBND TỈNH TUYÊN QUANG" / … / "UỶ BAN NHÂN DÂN" / "TỈNH TUYÊN QUANG": a site's summary, then
        # the document's own header: one body, printed twice
    if issuer.head in PEOPLES_BODIES and issuer.unit_text is None and parent is None:
        found, source, weak = _unit_elsewhere(ex, issuer, reading, layout)
        department = _code_body(reading.number_code)
        if department is not None and department.head == "sở" and found.unit_text:
            # "ỦY BAN NHÂN DÂN" alone over "Số: 681/HD-SGDĐT": the site dropped the Sở's line under its committee
            return IssuerFinding(department, found, f"number's code and {source}", True)
        if found is not issuer:
            return IssuerFinding(found, None, source, weak)
    if (whole := _authority_body(layout.authority, issuer.head)) is not None and _cut_short(issuer, whole):
        _resolve_unit(whole, province_hints, district_hints)
        return IssuerFinding(whole, parent, "header and authority line", True)  # "BỘ THÔNG TIN VÀ" / "… TRUYỀN THÔNG"
    if (coded := _code_body(reading.number_code)) is not None and _begins(coded.name or "", issuer.text):
        return IssuerFinding(coded, parent, "header and number's code", True)  # "BỘ TÀI NGUYÊN VÀ" / "…/BTNMT-…"
    if parent is None and (agency := _agency_of_code(reading.number_code, issuer)) is not None:
        return IssuerFinding(agency, issuer, "header and number's code", True)  # "BỘ TÀI CHÍNH" / "978/TCHQ-GSQL"
    weak = bool(issuer.resolution.unit and issuer.resolution.score < STRONG_UNIT_SCORE)
    return IssuerFinding(issuer, parent, "header", weak)


def _unglued(pieces: list[Piece]) -> list[Piece]:
    """The issuer's lines with the words legacy OCR ran together split into syllables (``Botaichinh``,
    ``tongcucthue``: a bold or letter-spaced line read without its spaces), and the quốc hiệu's words run onto them
    (``conghoaxahoichu``) dropped. Only unmarked runs of letters: marks printed show the words were read."""
    out: list[Piece] = []
    for piece in pieces:
        words, changed = [], False
        for token in piece.text.split():
            core = token.strip(_EDGE_MARKS)
            parts = (
                split_syllables(core, max_pieces=GLUED_SYLLABLES)
                if len(core) >= GLUED_LETTERS and core.isalpha() and fold(core.lower()) == core.lower()
                else None
            )
            if not parts:
                words.append(token)
                continue
            changed = True
            if not all(fold(part.lower()) in _MOTTO_OR_FORMER for part in parts):
                words.append(restore_diacritics(" ".join(parts)))  # "TONG CUC QUAN LY": quản lý, no quận
        text = " ".join(word for word in words if any(c.isalnum() for c in word))  # and the specks between
        if not changed:
            out.append(piece)
        elif text:
            out.append(Piece(piece.start, piece.end, text, fold_key(text)))
    return out


GLUED_LETTERS = 7
"""Letters a run holds at least to be words run together: ``Bonoivu`` (Bộ Nội vụ); shorter runs are names."""
GLUED_SYLLABLES = 6
"""Syllables such a run is split into at most (``conghoaxahoi``, ``sogiaoducdaotao``)."""
_EDGE_MARKS = "“”\"'(),.;:=~+—-_|©"
"""Specks and punctuation OCR leaves around a run."""
_MOTTO_OR_FORMER = MOTTO_WORDS | set(FORMER_MOTTOS["former_national"].split())
"""The words of the quốc hiệu, today's and the one before 1976: a run made only of them is the motto's."""


def _split_by_us(ex: Extraction, body: Body) -> bool:
    """A body read from a line :func:`_unglued` split: its words are not the text's as printed."""
    return any(squash(piece.text) != squash(ex.text[piece.start : piece.end]) for piece in body.pieces)


def _begins(name: str, printed: str) -> bool:
    """The header printed only the first words of the name (two at least): a site cut the cell."""
    return len(printed.split()) >= 2 and squash(name).startswith(squash(printed) + " ")


def _cut_short(printed: Body, whole: Body) -> bool:
    """The header's name cut after a joining word (``BỘ THÔNG TIN VÀ``) that the authority line names whole."""
    return bool(re.search(r"\s(?:va|,|-)$", " ".join(printed.folded.split()))) and _begins(whole.text, printed.text)


@extractor(
    "issuer",
    requires=["analysis.header", "analysis.layout", "record.issue_date"],
    assigns=["record.issuer", "analysis.issuer_unit", "analysis.issuer_source"],
)
def extract_issuer(ex: Extraction) -> None:
    """issuer.name, parent, level and province from the header's left column (or what else names the issuer)."""
    reading: HeaderReading = ex.analyses["header"]
    finding = find_issuer(ex, reading, ex.analyses["layout"])
    if finding is None:
        ex.warn("field_not_found", "issuer.name", "no issuing body found in the header")
        return
    issuer, parent = finding.issuer, finding.parent
    for body in (issuer, parent):
        if body is not None and _unit_ended_by(body, reading):
            ex.warn(
                "weak_issuer_evidence",
                "issuer",
                f"the header prints {body.unit_text!r}, the end of the place line's unit",
            )
        if body is not None:  # "thành phố Huế": a district's name until 2025, the province's since
            body.resolution = on_day(body.resolution, ex.record.issue_date)
    ex.analyses["issuer_source"] = finding.source
    for path in ("issuer.name", "issuer.level", "issuer.province"):
        ex.found(path, finding.source)
    record = ex.record.issuer
    record.name = _without_type_words(body_name(issuer))
    if issuer.pieces:
        ex.cite("issuer.name", issuer.start, issuer.end)
    if _split_by_us(ex, issuer):  # a guess at where the spaces were, however known the name it gives
        ex.warn("weak_issuer_evidence", "issuer.name", f"{record.name!r} read from words OCR ran together, split")
    if finding.source != "header":
        ex.warn(
            "weak_issuer_evidence" if finding.weak else "issuer_from_text",
            "issuer" if finding.weak else "issuer.name",
            f"the header does not name the issuer in full; {record.name!r} read from the {finding.source}",
        )
    unit = issuer.resolution.unit
    if parent is not None:
        parent_name = body_name(parent)
        record.parent = _CENTRAL_BY_FOLD.get(_words_folded(parent_name), parent_name)  # ND30's spelling: Bộ Công Thương
        if parent.pieces:
            ex.cite("issuer.parent", parent.start, parent.end)
        if not known_body(parent, record.parent):
            ex.warn("weak_parent", "issuer.parent", f"{record.parent!r} is neither a known body nor a unit's committee")
    record.level, unit_body = _level(issuer, parent)
    if (
        issuer.head in UNIT_NAMED_OFFICES
        and issuer.unit_text is None
        and parent is not None
        and unit_body is parent
        and parent.head in PEOPLES_BODIES
        and record.level in (Level.district, Level.commune)
    ):  # "UBND HUYỆN THANH CHƯƠNG" / "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO": Phòng Giáo dục và Đào tạo huyện Thanh Chương
        record.name = f"{record.name} {body_name(parent)[len(parent.head) + 1 :]}".strip()
    if (
        issuer.head in PARTY_ORGANS
        and issuer.unit_text is None
        and parent is not None
        and (parent.head in PARTY_COMMITTEES or parent.head == "đảng ủy")
        and not _names_committee(record.name)
    ):  # "TỈNH ỦY HÀ TĨNH" / "BAN TUYÊN GIÁO": Ban Tuyên giáo Tỉnh ủy Hà Tĩnh, as the party names its organs
        record.name = f"{record.name} {record.parent}"
    elif parent is not None and parent.head == "bộ" and record.name in MINISTRY_OFFICES:
        record.name = f"{record.name} {record.parent}"  # "BỘ CÔNG AN" / "VĂN PHÒNG": Văn phòng Bộ Công an
    if record.level == Level.province and parent is None and (office := _COMMITTEE_OFFICE.match(fold_key(record.name))):
        # "Văn phòng UBND tỉnh Lai Châu" in a sentence: the committee's office, a department under the committee
        record.parent = record.name[len("van phong ") :]
        record.name = record.name[: office.end("office")]
        record.level = Level.department
    if record.level in (Level.central, None) and (known := _AGENCY_BY_FOLD.get(_words_folded(record.name))):
        record.name = known  # "Tổng cục Quản lý thị trưởng" under its Bộ: a known agency's name, one word marked wrong
    if record.level in (Level.central, None) and parent is None:
        if _central_spelling(ex):
            record.level = Level.central  # "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAN": no national name read, a known body's
        elif record.level == Level.central and issuer.head == "bộ":
            message = f"{record.name!r} is a ministry by a name no list knows: a word misread or run in"
            ex.warn("weak_issuer_evidence", "issuer.name", message)  # "Bộ Việt giáo dục": the motto's word run in
    if record.name == COUNCIL_OF_MINISTERS and code_segments(reading.number_code) == ["CT"]:
        record.name = f"Chủ tịch {COUNCIL_OF_MINISTERS}"  # "Số: 211-CT": the Chairman's own series, his directives
    if record.level == Level.central:
        ex.analyses["issuer_unit"] = None
        return
    if unit_body is not None and unit_body.leftover:
        message = f"{unit_body.leftover!r} after {unit_body.unit_text!r} dropped as OCR's leftovers"
        ex.warn("weak_issuer_evidence", "issuer.name", message)
    unit = unit_body.resolution.unit if unit_body is not None else None
    candidates = unit_body.resolution.candidates if unit_body is not None else ()
    provinces = {u.province for u in candidates}
    if len(provinces) == 1:
        record.province = provinces.pop()
        if unit_body is not None and unit_body.pieces:
            ex.cite("issuer.province", unit_body.start, unit_body.end)
        if finding.weak:
            ex.warn(
                "weak_issuer_evidence",
                "issuer.province",
                f"{record.province!r} rests on a weak match of {unit_body.unit_text!r} in the gazetteer"
                if unit_body is not None and finding.source == "header"
                else f"{record.province!r} read from the {finding.source} only",
            )
    elif record.level == Level.commune and unit_body is not None and (named := _district_named(ex)) is not None:
        record.province, district = named  # a commune merged away, or one of its name elsewhere: its district says
        ex.warn(
            "weak_issuer_evidence",
            "issuer.province",
            f"{record.province!r} is the province of huyện {district}, which the text names; the gazetteer places no "
            f"{unit_body.unit_kind} {unit_body.unit_text} there",
        )
    elif len(candidates) > 1 and unit_body is not None:
        where = ", ".join(sorted(provinces))
        ex.warn(
            "ambiguous_unit",
            "issuer.province" if _agreed(unit_body.resolution) else "issuer",  # else the name is spelt as printed
            f"{unit_body.unit_kind} {unit_body.unit_text} exists in {where}; the text names none of them",
        )
    elif unit_body is not None and unit_body.unit_text:
        ex.warn(
            "unresolved_unit", "issuer.name", f"{unit_body.unit_kind} {unit_body.unit_text!r} is not in the gazetteer"
        )
    if record.level == Level.department and record.parent is None and record.province is None:
        _province_of_department(ex)
    _renamed(ex, issuer, unit_body)
    ex.analyses["issuer_unit"] = unit = unit or (_agreed(unit_body.resolution) if unit_body is not None else None)
    if unit is not None and record.province and (after := successor(unit)) is not None:
        ex.record.issuer_successor = UnitSuccessor(
            name=after.name, kind=after.kind, level=after.level, province=after.province
        )


COUNCIL_OF_MINISTERS = "Hội đồng Bộ trưởng"
"""The Government of 1981–1992, whose Chairman issued directives in his own ``…-CT`` series."""


_COMMITTEE_OFFICE = re.compile(r"^(?P<office>van phong (?:uy ban nhan dan|hoi dong nhan dan) (?:tinh|thanh pho)) \S")
"""``Văn phòng Ủy ban nhân dân tỉnh Lai Châu``: named as the set names a Sở, ``Văn phòng Ủy ban nhân dân tỉnh`` under
``Ủy ban nhân dân tỉnh Lai Châu`` (folded)."""


def _names_committee(name: str | None) -> bool:
    return re.search(r"\b(?:tinh|thanh|huyen|quan|thi|dang)\s+uy\b", fold_key(name or "")) is not None


def _district_named(ex: Extraction) -> tuple[str, str] | None:
    """The province of the one district the text names (``… của UBND huyện Đức Thọ``), with the district's name."""
    named = mentions(ex.folded, "district")
    if len(named) != 1:
        return None
    (name,) = named
    provinces = {u.province for u in resolve(name, levels=["district"], cutoff=DISTRICT_NAME_SCORE).candidates}
    return (provinces.pop(), name) if len(provinces) == 1 else None


DISTRICT_NAME_SCORE = 97.0


_KNOWN_NAMES = frozenset(fold_key(n) for n in (*ISSUER_CODES.values(), *DEPARTMENTS))
_KNOWN_LONGEST_FIRST = sorted(
    _KNOWN_NAMES | {fold_key(n) for n in CENTRAL_BODY_NAMES}, key=lambda name: (-len(name), name)
)
_TYPE_WORDS = re.compile(r"\s+(?:" + "|".join(r"\s+".join(fold_key(t).split()) for t in DOC_TYPES) + r")\b")


def _words_folded(name: str) -> str:
    return " ".join(fold_key(name).split())


_CENTRAL_BY_FOLD = {_words_folded(name): name for name in CENTRAL_BODY_NAMES}
_AGENCY_BY_FOLD = {_words_folded(name): name for name in AGENCY_NAMES} | {
    _words_folded(short): name for short, name in AGENCY_SHORT_NAMES.items()
}
CENTRAL_NAME_SCORE = 90.0
"""How close (marks ignored, word order too) a central issuer's name must be to a known body's to be read as it."""


def _central_spelling(ex: Extraction) -> bool:
    """A central issuer named as the body is named: restoration may mark a word wrong (``Truyền thống`` for
    ``Truyền thông``), a merged column put words out of order (``Ngân hàng Nhà Việt Nam nước``), OCR drop or
    misread one (``Tổng liên đoàn lao việt nam cộng``). Marks and order alone are certain; other words the
    reviewer is told about. True when the issuer is such a body."""
    record = ex.record.issuer
    if not record.name:
        return False
    folded = _words_folded(record.name)
    if (known := _CENTRAL_BY_FOLD.get(folded) or _CENTRAL_BY_FOLD.get(f"{folded} viet nam")) is not None:
        record.name = known  # "NGÂN HÀNG NHÀ NƯỚC" without its "VIỆT NAM": the body's full name
        return True
    if (joint := _joint_central_bodies(folded)) is not None:
        record.name = joint  # "TÒA ÁN NHÂN DÂN TỐI CAO" / "VIỆN KIỂM SÁT NHÂN DÂN TỐI CAO": a joint circular's two
        return True
    if (known := _central_before_a_stray_word(folded) or _central_before_leftovers(folded)) is not None:
        ex.warn("weak_issuer_evidence", "issuer.name", f"{record.name!r} read as the known body {known!r}")
        record.name = known
        return True
    best = process.extractOne(folded, list(_CENTRAL_BY_FOLD), scorer=fuzz.token_sort_ratio)
    if best is not None and best[1] >= CENTRAL_NAME_SCORE:
        known = _CENTRAL_BY_FOLD[best[0]]
        if sorted(folded.split()) != sorted(best[0].split()):
            ex.warn("weak_issuer_evidence", "issuer.name", f"{record.name!r} read as the known body {known!r}")
    elif (known := _central_run_together(folded)) is not None:  # its letters alone: that it is central is as weak
        ex.warn("weak_issuer_evidence", "issuer", f"{record.name!r} read by its letters as the known body {known!r}")
    else:
        return False
    record.name = known
    return True


def _central_before_a_stray_word(folded: str) -> str | None:
    """A known central body and one short word after it (``Hội đồng Bộ trưởng nghi``, ``Bộ Ngoại giao nội``): the
    motto's or the page's leftover an English-model OCR read as a syllable on the body's line. The body alone."""
    *name, last = folded.split()
    if len(name) < 2 or len(last) > STRAY_WORD_LETTERS:
        return None
    return _CENTRAL_BY_FOLD.get(" ".join(name))


def _central_before_leftovers(folded: str) -> str | None:
    """A known central body and OCR's leftovers after it, none a word of a name: the motto's words, a type name's
    first, digits, marks, no syllables (``Ủy ban Vật giá nhà nược 3 ‘viet nam dân chủ công © ~``, ``Thanh tra Chính phủ
    thông``). The body alone; a syllable after it (a unit's ``hà nội``) keeps the name whole."""
    words = folded.split()
    while len(words) > 2 and _leftover(words[-1]):
        words.pop()
        if (known := _CENTRAL_BY_FOLD.get(" ".join(words))) is not None:
            return known
    return None


def _leftover(word: str) -> bool:
    """A word after a known body's whole name that is none of a name's: unlike :func:`_ocr_leftover` (which trims
    letters compared run together), a syllable of one or two letters stays, and the former motto's words and a type
    name's first word go."""
    letters = re.sub(r"[^a-z]", "", word)
    return not letters or letters in _MOTTO_OR_FORMER or letters in _TYPE_FIRST_WORDS or not SYLLABLE.match(letters)


_TYPE_FIRST_WORDS = frozenset(fold_key(name).split()[0] for name in DOC_TYPES)
"""``THÔNG`` of ``THÔNG TƯ``, ``QUYẾT`` of ``QUYẾT ĐỊNH``: the type line's first word run onto the body's line."""


STRAY_WORD_LETTERS = 4
"""A leftover is a syllable of a few letters; a longer word after a body's name may be its own (``nặng``: Bộ Công
nghiệp nặng is known by its whole name)."""


def _joint_central_bodies(folded: str) -> str | None:
    """Two known central bodies one after the other (a joint document's issuers), named as the set joins them."""
    for first_key, first in _CENTRAL_BY_FOLD.items():
        if folded.startswith(first_key + " ") or folded.startswith(first_key + "-"):
            rest = folded[len(first_key) :].strip(" -")
            if (second := _CENTRAL_BY_FOLD.get(rest)) is not None and second != first:
                return f"{first} - {second}"
    return None


_CENTRAL_BY_LETTERS = {
    re.sub(r"[^a-z]", "", fold_key(name)): name
    for name in (*CENTRAL_BODY_NAMES, "Thủ tướng Chính phủ", "Chính phủ", "Ủy ban Thường vụ Quốc hội")
}


def _ocr_leftover(word: str) -> bool:
    """A word OCR left after a name on a merged line: a symbol, a letter or two, a motto's word, letters that are
    neither a syllable nor syllables run together (``scestynt``; ``tongcucthue`` is a name, Tổng cục Thuế)."""
    letters = re.sub(r"[^a-z]", "", word)
    return len(letters) <= 2 or letters in MOTTO_WORDS or _no_syllables(word)


def _no_syllables(word: str) -> bool:
    """Letters that are neither a syllable nor syllables run together (``KTBT``, ``TT``, ``VTV``)."""
    letters = re.sub(r"[^a-z]", "", word)
    return not SYLLABLE.match(letters) and not _run_together_syllables(letters)


def _run_together_syllables(letters: str) -> bool:
    """Whether ``letters`` split into two or more syllables of two letters or more (folded)."""
    ends = {0}
    for end in range(2, len(letters) + 1):
        if any(SYLLABLE.match(letters[start:end]) for start in ends if end - start >= 2):
            ends.add(end)
    return len(letters) in ends and not SYLLABLE.match(letters)


def _central_run_together(folded: str) -> str | None:
    """A central body's name as legacy OCR leaves it: its words run together (``BONOIVU``, ``Bộ Giáo dục vadaotao``)
    and the motto's or the page's leftovers after it (``Bộ Nội vụ nam``, ``Thủ tướng Chính phủ _ lề``). Letters
    alone are compared, the leftovers dropped one by one from the end; and from the start (``KTBT, TT … BỘ VĂN HÓA,
    THỂ THAO VÀ DU LỊCH``: a signature's abbreviations a site ran into the header)."""
    words = folded.split()
    while len(words) > 1 and _no_syllables(words[0]):
        words.pop(0)
    while words:
        letters = re.sub(r"[^a-z]", "", "".join(words))
        if len(letters) >= MIN_RUN_TOGETHER and (known := _CENTRAL_BY_LETTERS.get(letters)) is not None:
            return known
        best = process.extractOne(letters, list(_CENTRAL_BY_LETTERS), scorer=fuzz.ratio)
        if len(letters) >= MIN_RUN_TOGETHER and best is not None and best[1] >= CENTRAL_NAME_SCORE:
            return _CENTRAL_BY_LETTERS[best[0]]
        if not _ocr_leftover(words[-1]):
            return None
        words.pop()
    return None


MIN_RUN_TOGETHER = 5
"""Fewer letters (``Bộ Y``) name no central body with any certainty."""


def _without_type_words(name: str) -> str:
    """A known body's name run on into the type line beside it (legacy OCR's merged line ``BỘ NỘI VỤ HƯỚNG DẪN CÔNG
    TÁC``): the body's name alone."""
    folded = fold_key(name)
    for known in _KNOWN_LONGEST_FIRST:
        if folded.startswith(known) and _TYPE_WORDS.match(folded, len(known)):
            return name[: len(known)]
    return name


def known_body(body: Body, name: str) -> bool:
    """A body named by convention, a known ministry or department, or a committee of a unit the gazetteer knows well.

    Anything else read as a parent (a title's line, an OCR echo, a body spelt as no list knows it) is right far less
    often on the development set (``python -m tools.bench.real --ways``): the reviewer is told.
    """
    if body.name or fold_key(name) in _KNOWN_NAMES:
        return True
    unit = body.resolution.unit
    strong = unit is not None and body.resolution.score >= STRONG_UNIT_SCORE
    return strong and unit is not None and fold_key(name).endswith(fold_key(unit.name))


def _province_of_department(ex: Extraction) -> None:
    """A province's department printed without its committee above it (a portal's post, a site that dropped the
    line): the one province the text names is its own, and that province's committee its parent. Flagged."""
    named = mentions(ex.folded, "province")
    if len(named) != 1:
        return
    province = next((u for u in provinces() if u.name == next(iter(named))), None)
    if province is None:
        return
    record = ex.record.issuer
    record.province, record.parent = province.name, f"Ủy ban nhân dân {province.kind} {province.name}"
    for path in ("issuer.parent", "issuer.province"):
        ex.warn(
            "weak_issuer_evidence",
            path,
            f"the department's province is not printed; {province.kind} {province.name} is the one the text names",
        )


def _renamed(ex: Extraction, issuer: Body, unit_body: Body | None) -> None:
    """A province renamed before the issue date is named as the document names it (``thành phố Huế`` from 2025)."""
    record, day = ex.record.issuer, ex.record.issue_date
    province = next((u for u in provinces() if u.name == record.province), None)
    if province is None:
        return
    kind, name = name_on(province, day)
    if name == province.name:
        return
    record.province = name
    if unit_body is issuer and issuer.head in PEOPLES_BODIES and issuer.resolution.unit == province:
        record.name = f"{issuer.head[:1].upper()}{issuer.head[1:]} {kind} {name}"


def _level(issuer: Body, parent: Body | None) -> tuple[Level | None, Body | None]:
    """The issuer's level, and the body whose unit places it (its own, or its parent's)."""
    national = bool(_NATIONAL_NAME.search(fold_key(issuer.name or issuer.text)))
    if issuer.head == "sở" and issuer.unit_text is None and parent is None:
        return Level.department, None
    if (
        issuer.unit_text is None
        and (issuer.head in CENTRAL_BODIES or national)
        and (parent is None or parent.unit_text is None)
    ):
        return Level.central, None
    if issuer.unit_text is None and parent is not None:
        if parent.unit_text is None:
            return (
                Level.central if parent.head in CENTRAL_BODIES or _NATIONAL_NAME.search(parent.folded) else None
            ), None
        level = _unit_level(parent)
        return (Level.department if level == Level.province else level), parent
    if parent is not None and issuer.head not in PEOPLES_BODIES and issuer.head not in PARTY_COMMITTEES:
        level = _unit_level(parent) if parent.unit_text else _unit_level(issuer)
        own = _unit_level(issuer) if issuer.unit_text else None
        if own is not None and level is not None and _UNIT_RANK[own] < _UNIT_RANK[level]:
            # "ĐẢNG BỘ HUYỆN ĐẠI TỪ" / "ĐẢNG ỦY XÃ LA BẰNG": the issuer's own unit, below its parent's
            return own, issuer
        return (
            Level.department if level == Level.province else level
        ), issuer if issuer.resolution.candidates else parent
    return _unit_level(issuer), issuer


_UNIT_RANK = {Level.commune: 0, Level.district: 1, Level.province: 2}
"""How far up the units a level stands: a body's own unit below its parent's places it."""


def _code_body(code: str | None) -> Body | None:
    """The body a number's ký hiệu names (``924/SNV-CCHC`` → Sở Nội vụ), when nothing else names one."""
    for segment in re.split(r"[-/]", code or ""):
        if (name := ISSUER_CODES.get(segment)) is not None:
            body = Body([], head_of(fold_key(name), exact=True))
            body.name = name
            return body
    return None


def _agency_of_code(code: str | None, ministry: Body) -> Body | None:
    """The agency under ``ministry`` whose code opens the ký hiệu (``978/TCHQ-GSQL`` under ``BỘ TÀI CHÍNH``)."""
    segments = code_segments(code)
    if not segments or (found := AGENCY_CODES.get(segments[0])) is None:
        return None
    name, above = found
    if squash(above) != squash(body_name(ministry)):
        return None
    body = Body([], head_of(fold_key(name), exact=True) or head_of(fold_key(name)))
    body.name = name
    return body


_ENACTS = re.compile(
    r"\s+(?:ban\s+hanh|huong\s+dan|thong\s+bao|xay\s+dung\s+(?:ke\s+hoach|lich|chuong\s+trinh)|phat\s+dong|trien\s+khai"
    r"|du\s+thao|danh\s+gia\s+so\s+bo|bao\s+cao\s+(?:ket\s+qua|tinh\s+hinh))\b"
)
"""The verbs by which a text says who issues it: ``Sở Nội vụ dự thảo Hướng dẫn …``, ``UBND phường X đánh giá sơ bộ
…`` (folded)."""
_CITED_SUBJECT = re.compile(r"(?:\s|^)(?:ve\s+viec|ve)\s*$")
"""``… của UBND tỉnh về việc ban hành …``: the verb is a cited document's subject, not who issues this one."""
_CITED_NUMBER = re.compile(r"\s+so\s*\d")
_DANGLING_NAME = re.compile(r"\s(?:va|cua|theo|tai|voi|cho|ve)$")
"""``Bộ Tài nguyên và Môi trường theo yêu cầu và`` (``… và hướng dẫn tại …``): a verb used as a noun, after no name."""
_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")
"""``Ban Chỉ đạo chuyển đổi số huyện Đăk R’lấp (sau đây gọi tắt là Ban Chỉ đạo) ban hành …``: the aside after the
name, before the verb."""
_AUXILIARY = re.compile(r"(?:\s+(?:đã|đang|vừa|sẽ|cũng))+$", re.IGNORECASE)
"""``UBND huyện đã ban hành …``: the tense word before the verb, no part of the name (a district called Đã)."""
_DOUBLED_WORD = re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE)
ENACTING_PARAGRAPHS = 3
_PREAMBLE = re.compile(r"\W*(?:can\s+cu|xet)\b")


def _enacting_body(
    ex: Extraction, layout: Layout, hints: Counter[str], district_hints: Counter[str]
) -> IssuerFinding | None:
    """No header at all: the body the opening paragraphs say issues the text (``Ủy ban nhân dân phường X thông báo``).

    The name is a head (``Ủy ban nhân dân``, ``Ban Chấp hành``) and what
    follows it, up to the verb that enacts. A weak source: always flagged.
    """
    seen = 0
    for block in layout.blocks:
        folded = fold_key(block.text)
        if seen == ENACTING_PARAGRAPHS:
            break
        seen += not _PREAMBLE.match(folded)  # the preamble's "Căn cứ …" lines do not count: four may come first
        for verb in _ENACTS.finditer(folded):
            if _CITED_NUMBER.match(folded, verb.end()) or _CITED_SUBJECT.search(folded, 0, verb.start()):
                continue  # "… và Hướng dẫn số 148 HD/TWH", "… của UBND tỉnh về việc ban hành …": a document cited
            clause_start = max(folded.rfind(";", 0, verb.start()), folded.rfind(".", 0, verb.start()), -1) + 1
            clause = _AUXILIARY.sub("", _ASIDE.sub("", block.text[clause_start : verb.start()].strip(" ,")))
            words = clause.split()
            for i in range(max(0, len(words) - 12), len(words)):
                candidate = " ".join(words[i:])
                if session := _SESSION.search(fold_key(candidate)):  # "… huyện Ngân Sơn khóa XIX, nhiệm kỳ …"
                    candidate = candidate[: session.start()].rstrip(" ,.-")
                candidate = _DOUBLED_WORD.sub(r"\1", candidate)  # "HĐND huyện huyện Ngân Sơn": a site's slip
                head = head_of(fold_key(candidate), exact=True)
                if head is not None and candidate[:1].isupper() and not _DANGLING_NAME.search(fold_key(candidate)):
                    candidate = _with_the_unit_named(ex, candidate)
                    body = Body([Piece(block.start, block.end, candidate, fold_key(candidate))], head)
                    _resolve_unit(body, hints, district_hints)
                    return IssuerFinding(body, None, "opening paragraph", True)
    return None


_BARE_KIND = re.compile(rf"\s(?P<kind>{_KINDS_ALTERNATION})\s*$")


def _with_the_unit_named(ex: Extraction, candidate: str) -> str:
    """``Ủy ban nhân dân huyện`` with no name: the one unit of that level the text names (``… trên địa bàn huyện U Minh
    Thượng``), else as it is."""
    bare = _BARE_KIND.search(fold_key(candidate))
    if bare is None:
        return candidate
    levels = LEVEL_OF_KIND[_KIND_OF_FOLDED[bare.group("kind")]]
    named = {name for level in levels for name in mentions(ex.folded, level)}
    return f"{candidate} {named.pop()}" if len(named) == 1 else candidate


_OWN_HEADING = re.compile(r"\bso\s+\d\S*\s*,?\s+ngay\s+\d[\d/.-]*\s+cua\s")
"""A heading giving number, date and then the issuer (``… số 217/TB-UBND ngày 08/5/2019 của UBND thị xã …``): its
``của …`` names who issued it, before anything the body says (folded)."""
_OF_BODY = re.compile(
    r"^\W*cua\s+(?P<heading>(?:\S+\s+){0,11}?\S+)\s+so\s*:?\s*\d"
    r"|(?:^|\s)cua\s+(?P<body>(?:\S+\s+){0,11}?\S+)\s+(?:ve\b|v\s*/\s*v\b)|^cua\s+(?P<alone>.+)$"
)
"""``… của Thành ủy TPHCM về việc …`` in a headline, ``CỦA BAN CHẤP HÀNH ĐẢNG BỘ XÃ …`` on a line of its own under the
type line, ``CỦA CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG SỐ 124-CT NGÀY …`` (an archive's heading): who issued it, where a site
dropped the header (folded)."""


def _clause_body(
    ex: Extraction, layout: Layout, hints: Counter[str], district_hints: Counter[str], source: str = "type line"
) -> IssuerFinding | None:
    """No header: the body the type line's or title's ``của …`` names. A weak source: always flagged."""
    for line in [*([layout.type_line] if layout.type_line else []), *layout.title[:2]]:
        for match in _OF_BODY.finditer(line.folded):
            group = next(name for name in ("heading", "body", "alone") if match.group(name))
            start, end = match.span(group)
            text = line.text[start:end].strip(" ,.")
            head = head_of(fold_key(text), exact=True)
            if head is None and (chair := _CHAIR.match(fold_key(text))) is not None:
                start, text = start + chair.end(), text[chair.end() :]  # "CỦA CHỦ TỊCH HỘI ĐỒNG BỘ TRƯỞNG …": his body
                head = head_of(fold_key(text), exact=True)
            if head is None:
                continue
            body = Body([Piece(line.start + start, line.start + start + len(text), text, fold_key(text))], head)
            _resolve_unit(body, hints, district_hints)
            return IssuerFinding(body, None, source, True)
    return None


_CHAIR = re.compile(r"chu\s+tich\s+")
"""``Chủ tịch`` before a body in a heading's ``của …``: the body he chairs issues (the CT series of Hội đồng Bộ trưởng
is named his at the end; a People's Committee's decisions are the committee's)."""


def _head_from_code(code: str) -> str | None:
    """The kind of body a number's code names (``KH-UBND`` → ``ủy ban nhân dân``)."""
    for segment in re.split(r"[-/]", code):
        if (head := _HEAD_ABBREVIATIONS.get(fold_key(segment))) is not None and head in PEOPLES_BODIES:
            return head
    return None
