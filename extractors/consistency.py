"""Cross-checks: a header field the rest of the document contradicts is flagged, never silently kept.

Each part of a document says something about who issued it and what it is:
the header's issuer block, the place line (ND30: the địa danh is the
issuer's unit or province), the number's ký hiệu (``KH-UBND``: a plan of a
People's Committee; ``NQ-HĐND``), the title (``trên địa bàn tỉnh …`` is the
issuer's jurisdiction) and the type line. Where two of them disagree, one is
wrong — a misread header, a weak gazetteer match, a site's slip — and the
fields concerned get a warning naming them. A confident wrong value is the
worst outcome; a flagged one costs a reviewer a glance.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from rapidfuzz import fuzz

from khplan.extractors.gazetteer import KINDS_BY_LENGTH, mentions, resolve, units
from khplan.extractors.header import HeaderReading, place_kind
from khplan.extractors.matching import fold_key, proper_words
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.structure import NEXT_ONES, Layout, Line
from khplan.extractors.terms import (
    DOC_TYPES,
    FIELD_ABBREVIATION_WORD,
    ISSUER_CODES,
    NO_TYPE_LINE,
    field_abbreviation,
    guessed_code_marks,
    known_segment,
    type_of_code,
)
from khplan.extractors.title import SYLLABLE
from khplan.schemas import Issuer, PlanRecord, ReviewWarning

PLACE_SCORE = 90.0
"""How close a printed place must be to a unit's name for the check to say where it is."""
_JURISDICTION = re.compile(
    r"tren\s+dia\s+ban\s+(?P<kind>" + "|".join(fold_key(k) for k in KINDS_BY_LENGTH) + r")\s+(?=\S)"
)
"""``trên địa bàn tỉnh …``: a title naming the unit the document governs."""
_CODE_BODIES = {"UBND": "ủy ban nhân dân", "UB": "ủy ban nhân dân", "HĐND": "hội đồng nhân dân"}


def _weakly_placed(record: PlanRecord) -> str:
    """What a place line that contradicts the issuer's province puts in doubt: the province, or the whole issuer
    when its unit rests on a weak gazetteer match (``HỘI CHỦ ©`` read as xã Hoài Châu: its name and level too)."""
    weak = any(w.code == "weak_issuer_evidence" and w.field == "issuer.province" for w in record.warnings)
    return "issuer" if weak else "issuer.province"


def place_contradicts(place: str, province: str) -> bool:
    """The printed place names units, none of them in ``province``."""
    _, name = place_kind(place)
    found = resolve(name, cutoff=PLACE_SCORE)
    return bool(found.candidates) and all(u.province != province for u in found.candidates)


def title_jurisdiction(title: str) -> tuple[str, str] | None:
    """(kind, name) of the unit a title says the document governs (``trên địa bàn tỉnh Thái Bình``)."""
    folded = fold_key(title)
    match = _JURISDICTION.search(folded)
    if match is None:
        return None
    name = proper_words(title[match.end() :]) or ""
    if not name:
        return None
    kind = next(k for k in KINDS_BY_LENGTH if fold_key(k) == match.group("kind"))
    return kind, name


def _districts_elsewhere(ex: Extraction, province: str) -> str | None:
    """The districts the text names (``huyện Đức Thọ``) when all of them lie in one province, not ``province``.

    A commune's plan names its own district; names are shared across provinces (xã Đức Thanh, Hà Tĩnh, and xã Đức
    Thạnh, Quảng Ngãi, one restored mark apart), so a commune resolved in another province than its district is
    likely the wrong one.
    """
    named = mentions(ex.folded, "district")
    places = {u.province for name in named for u in resolve(name, levels=["district"], cutoff=EXACT_NAME).candidates}
    if len(places) != 1 or province in places:
        return None
    return f"the district {', '.join(sorted(named))} ({places.pop()})"


EXACT_NAME = 97.0


def _another_district(place: str, issuer: Issuer) -> bool:
    """A district's place line naming another district of its province (``Bình Thạnh`` under UBND huyện Bình
    Chánh): a district prints its own name there, so one of the two was misread."""
    _, name = place_kind(place)
    if not name or fold_key(name) in fold_key(issuer.name or ""):
        return False
    found = resolve(name, levels=["district"], cutoff=EXACT_NAME)
    return any(u.province == issuer.province for u in found.candidates)


DAMAGED_SHARE = 0.85
"""Below this share of words that are Vietnamese syllables, a header's text is damaged (a broken font, an OCR of
noise): every header field read from it is flagged."""
HEADER_FIELDS = ("doc_type", "number", "issue_date", "place", "title", "issuer")


def syllable_share(lines: Iterable[Line]) -> float:
    """The share of the words in ``lines`` that have the shape of a Vietnamese syllable (``H I NG B TRƯ NG``: few)."""
    words = [w.lower() for line in lines for w in re.findall(r"[^\W\d_]+", _without_field_abbreviations(line.text))]
    return sum(bool(SYLLABLE.match(w)) for w in words) / len(words) if words else 1.0


def _without_field_abbreviations(text: str) -> str:
    """``PHÒNG GD&ĐT`` → ``PHÒNG``: an office's abbreviated name is printed, not damaged."""
    return FIELD_ABBREVIATION_WORD.sub(lambda m: "" if field_abbreviation(m.group(0)) else m.group(0), text)


@extractor(
    "consistency",
    requires=["analysis.header", "analysis.layout", "record.doc_type", "record.place", "record.title", "record.issuer"],
    assigns=["record.warnings"],
)
def check_consistency(ex: Extraction) -> None:
    """Warn where the header, the place line, the number's ký hiệu and the title disagree, or the text is damaged."""
    record = ex.record
    reading: HeaderReading = ex.analyses["header"]
    layout: Layout = ex.analyses["layout"]
    if (share := syllable_share((*layout.header, *layout.title))) < DAMAGED_SHARE:
        for path in HEADER_FIELDS:
            ex.warn("damaged_text", path, f"only {share:.0%} of the header's words read as Vietnamese syllables")
    issuer = record.issuer
    if (
        record.place
        and issuer.province
        and issuer.level != "central"
        and place_contradicts(record.place, issuer.province)
    ):
        message = f"the place line names {record.place!r}, not a place in {issuer.province}"
        ex.warn("place_contradicts_issuer", "place", message)
        ex.warn("place_contradicts_issuer", _weakly_placed(record), message)
    if issuer.level == "district" and issuer.name and record.place and _another_district(record.place, issuer):
        message = f"the place line names {record.place!r}, another district than the issuer's {issuer.name!r}"
        ex.warn("place_contradicts_issuer", "place", message)
    if issuer.level == "commune" and issuer.province and (elsewhere := _districts_elsewhere(ex, issuer.province)):
        message = f"the text names {elsewhere}, not in {issuer.province}: the commune may be another of its name"
        ex.warn("place_contradicts_issuer", "issuer", message)
    if record.title and issuer.province and issuer.level != "central":
        jurisdiction = title_jurisdiction(record.title)
        if jurisdiction is not None:
            found = resolve(jurisdiction[1], kinds=[jurisdiction[0]], cutoff=PLACE_SCORE)
            if found.candidates and all(u.province != issuer.province for u in found.candidates):
                message = f"the title governs {jurisdiction[0]} {jurisdiction[1]}, not in {issuer.province}"
                ex.warn("title_contradicts_issuer", "issuer.province", message)
                if "place line" in (ex.analyses.get("issuer_source") or ""):  # the place is what was read wrong
                    ex.warn("title_contradicts_issuer", "place", message)
    if issuer.level == "central" and issuer.parent is None and (speaker := _letter_speaks_as(layout, issuer.name)):
        message = f"the header names {issuer.name!r}, the letter's body speaks as {speaker!r}: a header line lost?"
        ex.warn("weak_issuer_evidence", "issuer.name", message)
    _check_code(ex, reading)
    check_plausibility(ex)


_SPEAKER = re.compile(
    r"(?<!cua )(?<!\bcac )\b(?P<body>(?:tong\s+cuc|cuc|vu|van\s+phong|thanh\s+tra|vien|trung\s+tam)\s+"
    r"(?:(?!\bbo\s)[a-z ,\-]){3,70}?)"
    r"\s+(?:da\s+)?(?:nhan\s+duoc|co\s+y\s+kien|xin\s+tra\s+loi)\b"
)
"""A letter's opening that names who writes it: ``Cục Hộ tịch, quốc tịch, chứng thực nhận được …``, ``Tổng cục … có
ý kiến như sau`` (folded); not a department whose letter it answers (``… của Cục Thuế tỉnh …, Bộ Tài chính có ý
kiến``)."""
_ADDRESSEES = re.compile(r"^\W*(?:kinh\s*g[uo]i|-\s)")
"""``Kính gửi: Cục Thuế …`` and its list: whom the letter goes to, no one speaking."""
SPEAKER_LINES = 9
"""The lines of the body's opening searched for who speaks (a site's narrow lines: three or so sentences)."""


def _letter_speaks_as(layout: Layout, name: str | None) -> str | None:
    """The body a ministry's letter speaks as in its opening, where the header named the ministry alone: the line
    naming the department under it (``CỤC HỘ TỊCH, …``) may be lost, and the letter is the department's."""
    if not name or not fold_key(name).startswith("bo "):
        return None
    lines = [line for line in layout.body[:SPEAKER_LINES] if line.text and not _ADDRESSEES.match(line.folded)]
    found = _SPEAKER.search(" ".join(line.folded for line in lines)[:600])
    return " ".join(line.text for line in lines)[found.start("body") : found.end("body")] if found else None


# --- what a value itself says about how it was read ------------------------------

MIN_TITLE_WORDS = 3
"""Fewer words of two letters or more than this is OCR's noise (``|``, ``© do``), not a trích yếu."""
MAX_TITLE_WORDS = 80
"""Longer than any real trích yếu (the longest of the development set holds 74 words): it ran on into the body."""
_HEADER_MATTER = re.compile(
    r"^ngay\s*\d|\(\s*ngay\s*\d|\bso\s*:|\bcan\s+cu\b|\bcong\s+hoa\s+xa\s+hoi\b|\bdoc\s+lap\s*-"
    r"|\bkinh\s+gui\b|\bnoi\s+nhan\b|\bkhoa\s+[ivxl]+\W+ky\s+hop\b|^cua\s"
)
"""What a header or a body prints, never a trích yếu: a date opening it or in brackets (a session's), ``Số:``, a
preamble, the motto, an address, a council's term and session (``KHÓA IX - KỲ HỌP THỨ 18``, under its name), an
older type line's ``CỦA UBND TỈNH …`` opening it: a title holding it ran on (a date inside a title is a cited
document's)."""
_DANGLING_END = frozenset(
    {"của", "và", "về", "cho", "trong", "tại", "với", "các", "những", "nhằm", "theo", "trên", "đối", "thuộc", "đến"}
)
"""A title that ends on one of these was cut short."""
MIN_TITLE_SYLLABLES = 0.9
"""Below this share of words shaped as Vietnamese syllables, a title was misread (``ngirdi``, ``nirac``)."""
_NOT_A_BODY = re.compile(
    r"\b(?:quyet\s+dinh|ke\s+hoach|quy\s+che|quy\s+dinh|ban\s+hanh|ve\s+viec|tren\s+dia\s+ban"
    r"|cong\s+van|thong\s+bao|to\s+trinh|chuong\s+trinh|nghi\s+quyet|huong\s+dan|chi\s+thi|bao\s+cao|ket\s+luan"
    r"|thang\s+\d+|ngay\s+\d+|xa\s+hoi\s+chu\s+nghia|doc\s+lap|hanh\s+phuc)\b|^ban\s+nhan\s+dan\b"
)
"""Words of a document's type or subject, or of the motto: a body's name holding one took a title's line or the
motto's beside it."""
_LOCAL_BODIES = ("uy ban nhan dan", "hoi dong nhan dan")
_OFFICES = ("van phong",)
"""An office named by its kind alone: ND30 names it by whose it is (Văn phòng Trung ương Đảng, Văn phòng UBND tỉnh)."""
_DATE_SHAPED = re.compile(r"[0-3]?\d/[01]?\d/(?:19|20)\d\d")
"""A "number" that is a date (``26/11/2003``): no ký hiệu, a date read where the number was lost."""
_CODE_SEGMENT_MISREAD = re.compile(r"^\d+[A-ZĐ]")
_MARKED_VOWEL = re.compile(r"[^\W\dA-Za-z_Đđ]")
"""A letter with a mark in a ký hiệu (Đ aside): a word run onto the number (``367-QĐ/TWĐTN-VPĐOÀN``)."""
"""A ký hiệu segment opened by digits (``37/2011/7NQ-HĐND``): a speck OCR read as a digit."""


def _ends_on_a_comma(ex: Extraction) -> bool:
    """Whether the title's evidence is followed by a comma (``V/v Tổ chức tuyên truyền,``): its next line was lost."""
    spans = ex.record.provenance.spans.get("title") or []
    return bool(spans) and ex.document.text[spans[-1].end : spans[-1].end + 3].lstrip(" ").startswith(",")


def check_plausibility(ex: Extraction) -> None:
    """Warn where a value, whatever found it, does not look like what it should be, or was found by a weak route.

    Measured on the development set (``python -m tools.bench.real --ways``), a title read from the header where no
    type line set it apart is right three times in four; titles holding header matter, cut on a dangling word or
    holding misread words, and bodies' names holding a title's words, are wrong far more often than not.
    """
    record = ex.record
    title = record.title
    if title:
        folded = fold_key(title)
        words = title.split()
        if ex.record.provenance.found_by.get("title") == "lines under the header":
            ex.warn("weak_title_evidence", "title", "no type line or V/v sets the title apart; read under the header")
        if len(re.findall(r"[^\W\d_]{2,}", title)) < MIN_TITLE_WORDS or not title[:1].isalnum():
            ex.warn("title_misread", "title", f"{title[:20]!r}: too few words, or opened by a symbol, for a title")
        if _HEADER_MATTER.search(folded) or len(words) > MAX_TITLE_WORDS:
            ex.warn("title_runs_on", "title", "the title holds what a header or a body prints: it ran on")
        elif (
            words
            and words[-1].lower().strip(".,;:") in _DANGLING_END
            and not NEXT_ONES.search(folded.rstrip(".,;:"))  # "… và những năm tiếp theo" is whole
        ):
            ex.warn("title_cut_short", "title", f"the title ends on {words[-1]!r}: cut short")
        elif _ends_on_a_comma(ex):
            ex.warn("title_cut_short", "title", "the title as printed ends on a comma: cut short")
        letters = [w.lower() for w in re.findall(r"[^\W\d_]{2,}", title) if not w.isupper()]
        if len(letters) >= 4 and sum(bool(SYLLABLE.match(w)) for w in letters) / len(letters) < MIN_TITLE_SYLLABLES:
            ex.warn("unreadable_title_words", "title", "words of the title are no Vietnamese syllables: misread")
    issuer = record.issuer
    for path, name in (("issuer.name", issuer.name), ("issuer.parent", issuer.parent)):
        if not name:
            continue
        folded = fold_key(name)
        if _NOT_A_BODY.search(folded) or _repeats(folded.split()) or _misread_name(name) or len(name.split()) < 2:
            where = "issuer" if path == "issuer.name" else path  # a misread name: its level and province too
            ex.warn(
                "implausible_issuer", where, f"{name!r} is one word, or holds a title's words or a word twice: misread"
            )
    if issuer.name and issuer.parent is None and fold_key(issuer.name) in _LOCAL_BODIES:
        message = f"{issuer.name!r} names no unit: whose committee or council is not said"
        ex.warn("implausible_issuer", "issuer", message)
    elif issuer.name and fold_key(issuer.name) in _OFFICES:
        message = f"{issuer.name!r} says not whose office it is: the body above it was not read into its name"
        ex.warn("implausible_issuer", "issuer", message)
    elif issuer.name and issuer.level is None:  # on the development set, such a name was never right
        message = f"{issuer.name!r} is no kind of body known at any level: misread"
        ex.warn("implausible_issuer", "issuer", message)
    segments = re.split(r"[-/]", record.number or "")
    odd_case = [s for s in segments[1:] if s != s.upper() and not known_segment(s)]  # "Pitc": no ký hiệu's
    if (
        record.number
        and (
            any(_CODE_SEGMENT_MISREAD.match(s) for s in segments[1:])
            or odd_case
            or re.match(r"\d+[^\W\d_]/", record.number)  # "0U/CTr-UBND": a digit read as a letter
            or _own_code_misread(issuer.name, segments[1:])
            or _MARKED_VOWEL.search(record.number)
            or any(len(s) == 1 and s.isalpha() for s in segments[1:])  # "69-H": a ký hiệu's letters lost
            or re.search(r"[^\w)]$", record.number)
            or _DATE_SHAPED.fullmatch(record.number)  # "26/11/2003": a date OCR read where the number was lost
            or not re.search(r"[^\W\d_]", record.number)  # "22/2010": the ký hiệu's letters lost
            or (len(segments) > 2 and segments[-1].isdigit() and not segments[-2].isdigit())  # "BTITI-VP-62"
        )
    ):
        ex.warn(
            "number_misread",
            "number",
            f"{record.number!r} is no ký hiệu as printed: a segment opened by digits, in small letters or holding a "
            "marked letter, or a mark at its end",
        )


_OWN_CODES = {fold_key(name): code for code, name in ISSUER_CODES.items()}
"""The ký hiệu a ministry or department prints for itself, by its folded name."""


def _own_code_misread(issuer: str | None, segments: Sequence[str]) -> bool:
    """A segment that looks like the issuer's own code but is not it: ``BTTTTI``, ``BITTI`` for ``BTTTT``."""
    own = _OWN_CODES.get(fold_key(issuer or ""))
    letters = [re.sub(r"[\W_]", "", s) for s in segments]
    if own is None or own in letters:
        return False
    shortest = max(2, min(3, len(own) - 1))  # "TT" for "TTg": the g lost
    return any(fuzz.ratio(s, own) >= OWN_CODE_LIKENESS for s in letters if len(s) >= shortest)


OWN_CODE_LIKENESS = 60.0
"""How like the issuer's own code a segment must be to be read as it, misprinted (``BTITI`` to ``BTTTT``: 60)."""


_SECOND_HEAD = re.compile(r"(?<=\S)\s+(?:van\s+phong|ban\s+chap\s+hanh)\b")
"""A body's head inside another's name (``Ban chấp hành Trung ương văn phòng``): two bodies read as one."""


def _misread_name(name: str) -> bool:
    """A word that is no Vietnamese syllable, in small letters (``tncs``, ``đsvh``: an abbreviation casing lost) or
    in title case and in no unit's name (``Bq``, ``Bonol``: OCR's noise; ``Đắk`` is a unit's); a second body's head
    inside the name; a character no name holds (``Thủ tướng Chính phủ _``)."""
    words = [w for w in re.findall(r"[^\W\d_]{2,}", name) if not w.isupper()]
    odd = [w for w in words if not SYLLABLE.match(w.lower())]
    if any(w == w.lower() or fold_key(w) not in unit_words() for w in odd):
        return True
    return bool(_SECOND_HEAD.search(fold_key(name))) or bool(re.search(r"[^\w\s,.()&'’\-–]|_", name))


@cache
def unit_words() -> frozenset[str]:
    """Every word of a unit's name, folded (``dak``, ``lak``, ``krong``): names that are no Vietnamese syllable."""
    return frozenset(w for unit in units() for name in (unit.name, *unit.aliases) for w in fold_key(name).split())


def _repeats(words: list[str]) -> bool:
    """A word of a name twice in a row, or three times anywhere (``tncs tncs``): OCR's echo, not a name."""
    return any(a == b for a, b in zip(words, words[1:], strict=False)) or any(words.count(w) >= 3 for w in words)


def _check_code(ex: Extraction, reading: HeaderReading) -> None:
    """The ký hiệu names the issuer's kind of body and the document's type: they must agree with what was read."""
    record = ex.record
    segments = re.split(r"[-/]", reading.number_code or "")
    name = fold_key(record.issuer.name or "")
    for segment in segments:
        head = _CODE_BODIES.get(segment)
        if head is not None and name and not name.startswith(fold_key(head)) and record.issuer.parent is None:
            ex.warn(
                "number_contradicts_issuer",
                "issuer.name",
                f"the number's ký hiệu {reading.number_code!r} names a {head}, the header {record.issuer.name!r}",
            )
        body = ISSUER_CODES.get(segment)
        if (
            body is not None
            and name
            and fold_key(body) not in name
            and fold_key(body) not in fold_key(record.issuer.parent or "")
        ):
            ex.warn(  # another body altogether: its level and parent are in doubt too
                "number_contradicts_issuer",
                "issuer",
                f"the number's ký hiệu {reading.number_code!r} names {body}, the header {record.issuer.name!r}",
            )
    typed = type_of_code(reading.number_code)
    layout = ex.analyses["layout"]
    if (
        not typed
        and reading.number_code
        and record.doc_type not in (None, NO_TYPE_LINE)
        and layout.type_line is not None
        and not layout.header
    ):  # a post's headline "Hướng dẫn thực hiện …" over a Công văn 473/STP-PBGDPL: its first word may be a verb
        ex.warn(
            "number_contradicts_type",
            "doc_type",
            f"the headline says {record.doc_type!r}; the number's ký hiệu {reading.number_code!r} names no type",
        )
    if (
        typed
        and record.doc_type
        and DOC_TYPES.get(typed) != DOC_TYPES.get(record.doc_type)  # "Chương trình hành động" is a CTr too
        and ex.record.provenance.found_by.get("doc_type") == ("type line")
    ):
        ex.warn(
            "number_contradicts_type",
            "doc_type",
            f"the type line says {record.doc_type!r}, the number's ký hiệu {reading.number_code!r} a {typed}",
        )


RESTORED_FIELDS = {"title": ("title", 2), "issuer.name": ("issuer", 1)}
"""Header fields whose evidence a doubtful restoration may have changed: the field each warning names, and how many
doubtful words it takes (a title of twenty words holds one guess often, and is mostly right all the same)."""


def flag_doubtful_restoration(
    record: PlanRecord, doubts: Sequence[int], *, lost_marks: bool = False, misread: bool = False
) -> None:
    """Warn on each header field whose evidence holds a word the restorer put back its marks with little confidence.

    ``Duc Thanh`` may be Đức Thanh or Đức Thạnh, ``phuong`` phường or phương: a
    record read from text that lost its marks rests on the restorer's choice
    there, not on what was printed. So does a ``D`` of a ký hiệu segment no
    list knows (``UBQGCDS``: ``Đ`` or ``D``?) when the marks were lost: the number takes the likelier spelling
    (:func:`~khplan.extractors.terms.guessed_code_marks`) and the warning. Where OCR misread the letters too
    (``misread``: the legacy channel), one doubtful word of a title is enough: the words around it are OCR's
    reading, not the printed ones (development set, legacy OCR of fair and poor scans: 35 silent errors → 28, right
    fields warned 35% → 37.6% in all).
    """
    if lost_marks and record.number:
        unknown = [s for s in re.split(r"[-/&]", record.number)[1:] if re.search("[DĐ]", s) and not known_segment(s)]
        if unknown:
            record.number = guessed_code_marks(record.number)
            record.warnings.append(
                ReviewWarning(
                    code="low_restoration_confidence",
                    field="number",
                    message=f"the marks were lost: D or Đ in {', '.join(unknown)} is a guess",
                )
            )
    for path, (field, least) in RESTORED_FIELDS.items():
        spans = record.provenance.spans.get(path, [])
        inside = [at for at in doubts if any(span.start <= at < span.end for span in spans)]
        if len(inside) >= (1 if misread else least):
            record.warnings.append(
                ReviewWarning(
                    code="low_restoration_confidence",
                    field=field,
                    message=f"{len(inside)} word(s) of its evidence had their marks restored with little confidence",
                )
            )
