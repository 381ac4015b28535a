"""The layout of a plan: header block, type line, trích yếu, preamble, numbered sections, signature, Nơi nhận.

Nghị định 30/2020/NĐ-CP fixes where each part sits, so finding them comes
first and every other extractor reads its own part. Lines keep their
offsets in the document text; markdown marks around a line (``## ``,
``**``) are trimmed from its content, not from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from rapidfuzz import fuzz

from khplan.extractors.dates import WRITTEN_DATE
from khplan.extractors.letterhead import (
    BLANK_DAY,
    BLANK_NUMBER,
    MISREAD_LABEL_NUMBER,
    MOTTOS,
    NUMBER,
    SPECKS_BEFORE_LABEL,
    SUBJECT_MARK,
    find_mottos,
    is_mark,
    motto_fragment,
    motto_line,
)
from khplan.extractors.matching import fold_key, squash, tolerant
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.terms import DOC_TYPES, NO_TYPE_LINE, type_of_code

_MARKUP = " \t#*_>|\u00a0ˆ`~"
"""Markdown marks, and specks a poor scan leaves at a line's edges."""
_LEAD_NOISE = _MARKUP + ".:,;'"
"""No line opens with a stop or colon; OCR of a speckled margin does (``.. KẾ HOẠCH``, ``: Căn cứ``)."""
HEADER_SEARCH_LINES = 40
"""The type line sits within the first lines of the first page."""
TYPE_LINE_SCORE = 86.0
"""Fuzzy score (marks ignored) at which a short capitalised line is taken as a type name."""

_PREAMBLE_CUE = re.compile(
    r"^(?:[-+•]\s*)?(?:can\s*c\S{0,2}|th\S{1,3}c\s*h\S{1,3}n|theo\b|x\S{1,2}t\b|tr\S{1,2}n\s*c\S\s*s\S|de\b|nh\S?am\b|"
    r"qua\b|ph\S{1,2}t\s*huy|ti\S{1,3}p\s*t\S{1,2}c|thi\s*hanh\b|"
    r"tri\S{1,2}n\s*khai\s*(?:th\S{1,3}c\s*h\S{1,3}n\b|(?:quyet\s*dinh|ke\s*hoach|nghi\s*quyet|chi\s*thi|thong\s*tu)\s+so\b))"
)
"""How a preamble or the first body paragraph opens (Căn cứ, Thực hiện, Triển khai thực hiện, Theo, Xét, Trên cơ sở,
Để, Nhằm …)."""
_NOT_DE = frozenset({"đề", "đê", "đế", "đệ", "đè", "dễ", "dè", "dẻ", "đe", "đẽ", "đẻ"})
"""Words folding makes ``de`` that are no ``Để`` (``Đề án phát triển …``, a subject's wrapped line)."""


def preamble_cue(line: Line) -> bool:
    """A preamble or the body's first paragraph opens the line (:data:`_PREAMBLE_CUE`), its marks agreeing."""
    if _PREAMBLE_CUE.match(line.folded) is None:
        return False
    words = line.text.lstrip(" -+•").split()
    return not (words and words[0].lower() in _NOT_DE)


_PART = re.compile(r"^(?:phan|chuong|muc)\s*(?:[ivxl]+|\d+|thu[\s\-]*(?:nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi))\b")
"""``PHẦN I.``, ``Chương II``, ``Mục 1``, ``PHẦN THỨ NHẤT``: the body's parts (``MỨC THU HỌC PHÍ`` of a title's wrapped
line folds alike: ``thứ`` takes its ordinal)."""
_SECTION_NUMBER = re.compile(
    r"^(?P<num>[ivxl1]{1,5}\s*[.\-)]|(?:[ivxl]{1,5}|\d{1,2})/(?=\s)|\d{1,2}(?:\s*\.\s*\d{1,2})*\s*[.)]|[a-zđ]\s*\))\s*\S"
)
"""A numbered heading: ``I.``, ``II-``, ``1.2.``, ``a)``, and older documents' ``I/ …``, ``1/ …`` (not ``V/v``)."""
_RULE = re.compile(r"^[-_=.*~—–\s]{3,}$")


class Line(NamedTuple):
    """One line of the document, markup trimmed."""

    number: int
    """Line number, 0-based."""
    start: int
    """Offset of the content's first character in the document text."""
    end: int
    text: str
    folded: str
    """:func:`~extractors.matching.fold_key` of ``text``: same length, same offsets."""
    margin: str = ""
    """What was trimmed before the content: specks, or a list dash OCR read as ``~`` or ``_``."""

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str, folded: str) -> tuple[Line, ...]:
    """Every line with its content span; blank lines stay, as paragraph breaks.

    A page a site flattened into one line (header, title and body run
    together) is cut back into lines where its parts begin (:func:`unflatten`).
    """
    lines: list[Line] = []
    offset = 0
    for raw, joined in _units(text, folded):
        own = folded[offset : offset + len(raw)].replace("\n", " ")
        for a, b in unflatten(raw, own, joined=joined) if joined or _flattened(raw, own) else _year_glued(raw, own):
            part = raw[a:b]
            lead = len(part) - len(part.lstrip(_LEAD_NOISE))
            content = part.lstrip(_LEAD_NOISE).rstrip(_MARKUP)
            start = offset + a + lead if content else offset + a
            end = start + len(content)
            margin = part[:lead] if content else part.strip()  # a blank line keeps its rule (``_____``) here
            lines.append(Line(len(lines), start, end, content, folded[start:end], margin))
        offset += len(raw) + 1
    return tuple(lines)


def _year_glued(raw: str, own: str) -> list[tuple[int, int]]:
    """A place-and-date line and the type line a site glued to its year (``… năm 1996CHỈ THỊ``): two lines."""
    glued = _GLUED_AFTER_YEAR.search(own)
    if glued is None or not raw[glued.end() : glued.end() + 2].isupper():
        return [(0, len(raw))]
    return [(0, glued.end()), (glued.end(), len(raw))]


_GLUED_AFTER_YEAR = re.compile(r"\bngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*(?:19|20)\d\d(?=[a-z])")


def _units(text: str, folded: str) -> list[tuple[str, bool]]:
    """The text's lines; a flattened page that a narrow page or a scan wrapped (a paragraph of the header's lines) as
    one line, its line breaks spaces (same length: offsets hold)."""
    raws = text.split("\n")
    units: list[tuple[str, bool]] = []
    i = offset = 0
    labelled = False  # the number's label seen above: a paragraph of the title and preamble run together follows
    while i < len(raws):
        if i >= HEADER_SEARCH_LINES or not raws[i].strip():
            units.append((raws[i], False))
            offset += len(raws[i]) + 1
            i += 1
            continue
        last = next((j for j in range(i, len(raws)) if not raws[j].strip()), len(raws))
        paragraph = raws[i:last]
        own = folded[offset : offset + len("\n".join(paragraph))].split("\n")
        if _wrapped_flat(paragraph, own, labelled=labelled):
            units.append((" ".join(paragraph), True))
        else:
            units.extend((raw, False) for raw in paragraph)
        labelled = labelled or any(_GLUED_LABEL.search(line) for line in own)
        offset += sum(len(raw) + 1 for raw in paragraph)
        i = last
    return units


WRAPPED_FLAT_LINES = 3
"""Lines a paragraph holds at least to be a flattened page wrapped (two are a cell pair merged by OCR)."""
WRAPPED_FLAT_WIDTH = 50
"""Characters a wrapped flattened page's lines hold on average at least (a column of cells holds fewer)."""
_MID_LINE_PREAMBLE = re.compile(r"\S\s+(?:-\s*)?(?:can\s*cu|kinh\s*g[uo]i)\b")
"""``… BỘ Y TẾ Căn cứ Nghị định …``: the preamble or the letter's address opening inside a line (folded)."""


_GLUED_LABEL = re.compile(r"s[o0]\s*:\s*\d")
"""``TRUNG ƯƠNGSố: 367``: the number's label, a site's lost space or rule before it (folded)."""


def _wrapped_flat(raws: list[str], folded: list[str], *, labelled: bool = False) -> bool:
    """A header's cells, title and preamble run together and wrapped (``… Hạnh phúc Số:`` / ``5556/QĐBYT Hà Nội, ngày
    …`` / ``… BỘ TRƯỞNG BỘ Y TẾ Căn cứ Nghị định …``): the preamble begins inside a line after the header's number,
    which no header's column nor a merged pair of columns does."""
    if len(raws) < WRAPPED_FLAT_LINES or sum(map(len, raws)) < WRAPPED_FLAT_WIDTH * len(raws):
        return False
    joined = " ".join(folded)
    label = _GLUED_LABEL.search(joined) or _BARE_LABEL.search(joined)
    if (label is None and not labelled) or not _flattened(" ".join(raws), joined):
        return False
    if _type_after_date("\n".join(raws), joined):
        return True  # "… Hội An, ngày 28 tháng 7 năm" / "2015 KẾ HOẠCH Phòng, chống thiên tai …"
    if label is None:
        return False
    # the preamble after the number, inside a line; a body beside the header (two columns merged) comes before it
    starts = [sum(len(line) + 1 for line in folded[:i]) for i in range(len(folded))]
    cues = [
        starts[i] + m.start()
        for i, line in enumerate(folded[:WRAPPED_FLAT_CUE_LINES])
        for m in _MID_LINE_PREAMBLE.finditer(line)
        if raws[i][m.start() + 1 :].lstrip(" -–—")[:1].isupper()  # "Căn cứ", not a sentence's "làm căn cứ"
    ]
    return bool(cues) and min(cues) > label.start()


WRAPPED_FLAT_CUE_LINES = 8
"""Lines of the paragraph the preamble's opening is looked for in: the header and title fill the first few."""


_BARE_LABEL = re.compile(r"(?<![a-z])s[o0]\s+\d{1,5}\s*-?\s*[-/]\s*[a-zđ]")
"""``Số 09 -KH/ĐU``: the number without its colon, as a flattened page may print it (folded)."""


def _type_after_date(raw: str, folded: str) -> bool:
    """The type name in capitals right after the written date on its line, and a word after it: a flattened page's
    place line run into its type line, which no header's column prints (``raw`` keeps its line breaks)."""
    for date in WRITTEN_DATE.finditer(folded):
        rest = raw[date.end() :].lstrip(" ,.")
        typed = any(re.match(re.escape(name.upper()) + r"\s", rest) for name in DOC_TYPES)  # a break after it too
        if typed and len(rest.split()) > TYPE_AFTER_DATE_WORDS:
            return True
    return False


TYPE_AFTER_DATE_WORDS = 3
"""Words after the type name on the date's line: a title run on, not a type line alone after a date cut short."""


FLAT_LINE = 300
"""A line this long that holds a header's cells is a flattened page, not a paragraph."""
SHORT_FLAT_LINE = 120
"""A shorter line is a flattened page too when it holds the number with its colon and a written date or a motto (a
short công văn run into one line); a paragraph cites documents (``số 12/QĐ-UBND ngày …``) without the colon."""
_NUMBER_LABEL = re.compile(r"(?<![a-z0-9])s[o0]\s*:\s*\d")


def _flattened(raw: str, folded: str) -> bool:
    if len(raw) > FLAT_LINE:
        return True
    return (
        len(raw) > SHORT_FLAT_LINE
        and bool(_NUMBER_LABEL.search(folded))
        and bool(WRITTEN_DATE.search(folded) or find_mottos(folded))
    )


_FLAT_BREAKS = re.compile(
    r"(?=\b(?:c[o0]ng\s*h[o0]a\s*x[a@]\s*h[o0]i|[dbp][o0]c\s*l[a@]p\s*-|s[o0]\s*:|v\s*/\s*v\b|can\s*cu\b|"
    r"kinh\s*g[uo]i\b|dieu\s*\d+\s*\.|noi\s*nhan\s*:|quyet\s*(?:dinh|nghi)\s*:|thuc\s*hien\b|(?:phan\s+)?[ivx]{1,4}[./]\s+(?=[a-z])))"
)
"""Where a part of a flattened page begins: the motto, ``Số:``, ``V/v``, the preamble, a part (``I. …``, ``I/ …``,
``PHẦN I. …``), an article, the closing."""


def unflatten(raw: str, folded: str, *, joined: bool = False) -> list[tuple[int, int]]:
    """Spans of a flattened page's parts: cut before each part's opening words and around the type line (``joined``:
    a wrapped paragraph already known to be one, which may hold no header cell of its own)."""
    header = find_mottos(folded[: FLAT_LINE * 2]) or NUMBER.search(folded[:FLAT_LINE]) or _GLUED_LABEL.search(folded)
    if not (joined or header):
        return [(0, len(raw))]
    cuts = {m.start() for m in _FLAT_BREAKS.finditer(folded) if m.start() > 0}
    cuts.update(m.start() for m in re.finditer(r"(?<=[a-z])" + _GLUED_LABEL.pattern, folded))  # "ƯƠNGSố: 367"
    for match in WRITTEN_DATE.finditer(folded):  # before the place of "<Place>, ngày …"
        words = list(re.finditer(r"\S+", raw[: match.start()]))
        taken = [w for w in words[-PLACE_WORDS_BEFORE_DATE:] if w.group(0)[:1].isupper() and not w.group(0).isupper()]
        if taken and taken[-1].end() >= len(raw[: match.start()].rstrip(" ,")) - 1:
            cuts.add(taken[0].start())
        cuts.add(match.end())
    cuts.update(m.start() for m in _FLAT_AUTHORITY.finditer(raw))
    cuts.update(_case_turns(raw))  # where a title's or the authority line's capitals end
    parts = sorted(cuts | {0})
    for name in DOC_TYPES:  # a type line in capitals, often glued to its title: "QUYẾT ĐỊNHVề việc"
        for match in re.finditer(rf"(?<![\w]){re.escape(name.upper())}", raw):
            before = folded[max(c for c in parts if c <= match.start()) : match.start()].split()
            if not (before and (before[-1] in _TITLE_VERB_ENDS or _TITLE_VERB.search(" ".join(before)))):
                # not "BAN HÀNH QUY ĐỊNH" nor "BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO" inside a title
                colon = re.match(r"\s*:", raw[match.end() :])  # the enacting "QUYẾT ĐỊNH:" keeps its colon
                qualifier = _QUALIFIER_AFTER.match(folded, match.end())  # "KẾ HOẠCH HÀNH ĐỘNG" is one type line
                end = qualifier.end() if qualifier else match.end() + (colon.end() if colon else 0)
                cuts.update({match.start(), end})
    bounds = sorted(c for c in cuts if 0 < c < len(raw))
    return [(a, b) for a, b in zip([0, *bounds], [*bounds, len(raw)], strict=True) if b > a]


_TITLE_VERB_ENDS = frozenset(
    {"hanh", "khai", "hien", "duyet", "dung", "chuc", "sung", "doi", "ket", "ve", "cua", "va", "theo", "tai", "voi"}
)
"""Last syllables of what a trích yếu says before naming a kind of document (ban hành, triển khai, thực hiện, phê
duyệt, xây dựng, tổ chức, bổ sung, sửa đổi, ký kết; về, của, và …): a type name after one is the title's word."""


_TITLE_VERB = re.compile(r"\b(?:ban hanh|trien khai|thuc hien|phe duyet|sua doi|bo sung)\b")
"""A trích yếu's verb earlier in the same part: every type name after it, however far, is the object it names."""


CAPITALS_RUN = 3
"""Words in capitals in a row after which a word in sentence case begins another part of a flattened page."""


def _case_turns(raw: str) -> set[int]:
    """Where a run of words in capitals gives way to a sentence (``… NĂM 2019 Thực hiện Thông tư …``): a title or an
    authority line in capitals ends there, and the body begins."""
    turns: set[int] = set()
    run = 0
    for word in re.finditer(r"\S+", raw):
        text = word.group(0)
        letters = [c for c in text if c.isalpha()]
        if letters and text == text.upper():
            run += 1
            continue
        if run >= CAPITALS_RUN and letters and letters[0].isupper() and text != text.upper():
            turns.add(word.start())
        run = 0 if letters else run
    return turns


PLACE_WORDS_BEFORE_DATE = 4
_FLAT_AUTHORITY = re.compile(
    r"(?<=\S)\s+(?=(?:(?:PHÓ )?CHỦ TỊCH |BỘ TRƯỞNG |THƯỜNG TRỰC )?(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|"
    r"(?<=CHỦ TỊCH )(?:UBND|HĐND) |"
    r"BAN BÍ THƯ|BAN THƯỜNG VỤ|THỦ TƯỚNG CHÍNH PHỦ|(?<!CỦA )HỘI ĐỒNG BỘ TRƯỞNG|(?<!HỘI ĐỒNG )BỘ TRƯỞNG|"
    r"(?:PHÓ )?GIÁM ĐỐC (?:SỞ|BAN|TRUNG TÂM|BỆNH VIỆN|ĐÀI)|"
    r"TRƯỞNG BAN |CHÁNH VĂN PHÒNG |KHÓA [IVXL]+|KHOÁ [IVXL]+)\b)|[-_]{3,}"
)
"""In capitals inside a flattened page: the authority line and session, and rules, that follow a title."""


@dataclass(frozen=True)
class Layout:
    """Where the parts of a plan are, as lines."""

    lines: tuple[Line, ...]
    type_line: Line | None = None
    doc_type: str | None = None
    """The type name the type line reads as."""
    header: tuple[Line, ...] = ()
    """Lines above the type line: issuer, number, motto, place and date (one or two columns, merged or not)."""
    title: tuple[Line, ...] = ()
    """The trích yếu under the type line."""
    body: tuple[Line, ...] = field(default=())
    """From the preamble to the end."""
    closing: tuple[Line, ...] = ()
    """From ``Nơi nhận:`` to the end: recipients and the signature block."""
    blocks: tuple[Block, ...] = ()
    """The body as a tree of numbered sections, items and paragraphs (top level here); closing excluded."""
    authority: tuple[Line, ...] = ()
    """The line under the title naming who enacts (``ỦY BAN NHÂN DÂN TỈNH …``, ``CHỦ TỊCH …``); an HĐND's session."""
    type_misread: bool = False
    """The type line is a type name with a letter or two misread (``CHI THÙ``, ``KEHGACH``): taken for where it
    stands, under the header and over a trích yếu, and flagged."""

    @property
    def preamble(self) -> tuple[Block, ...]:
        """Top-level blocks before the first numbered heading: the Căn cứ / Thực hiện lines."""
        out = []
        for block in self.blocks:
            if block.heading:
                break
            out.append(block)
        return tuple(out)

    def sections(self, topic: str) -> list[Block]:
        """The most specific headings about ``topic``, in text order.

        ``II. ĐỐI TƯỢNG, NỘI DUNG, THỜI GIAN`` is about targets only through its
        ``1. Đối tượng``; where no sub-heading names the topic, the heading itself.
        """
        found: list[Block] = []
        handled: list[Block] = []
        for block in walk(self.blocks):
            if not (block.heading and topic in block.topics) or any(a in handled for a in block.ancestors()):
                continue
            handled.append(block)
            inner = [d for d in block.descendants() if d.heading and topic in d.topics]
            found.extend(_outermost(inner) if inner and len(block.topics) > 1 else [block])
        return found


def read_type_line(line: Line) -> str | None:
    """The type name a line is, if it is one: short, capitalised, close to a name of Phụ lục III.

    Specks OCR reads at its ends (``- KẾ HOẠCH m _``) carry no capital and are ignored.
    """
    found = read_type_words(line)
    return found[0] if found is not None and found[1] == len(line.text) else None


def read_type_words(line: Line) -> tuple[str, int] | None:
    """The type name a line opens with, and where the rest of the line (the trích yếu) starts.

    The whole line (``KẾ HOẠCH``, ``K ÉT LUẬN``, ``HƯỚNGDẪN``), or the type
    and the trích yếu on one line as archives print them: ``HƯỚNG DẪN VỀ THỂ
    THỨC …``, ``NGHỊ QUYẾT SỐ 214 …``, ``QUYẾT ĐỊNHVề việc …`` (a site's
    lost line break).
    """
    if line.text.rstrip().endswith(":") and not line.text.rstrip()[-2:-1].isspace():
        return None  # "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:": the enacting formula, not the type line ("QUYẾT ĐỊNH :" is a speck)
    if (mixed := _type_in_mixed_case(line.text)) is not None:
        return mixed, len(line.text)  # "QuyeT DINH" / "-quyết ĐỊNH": legacy OCR's misread case, restored
    words = list(re.finditer(r"\S+", line.text.replace(":", " ")))
    while words and not any(c.isupper() for c in words[-1].group(0)):
        words.pop()
    while words and not any(c.isupper() for c in words[0].group(0)):
        words.pop(0)
    if not words:
        return None
    if line.text.strip(" .|") in DOC_TYPES:
        return line.text.strip(" .|"), len(line.text)  # "Quyết định" alone: a site that rewrote the capitals
    numbered = _NUMBER_AFTER_TYPE.match(line.folded)
    if numbered and _mostly_upper(line.text) and (name := _type_name(line.text[: numbered.end("type")])):
        return name, len(line.text)  # "HƯỚNG DẪN 165-HD/BTGTW": the type line names its number, the title follows
    if len(words) <= 5 and _mostly_upper(line.text[words[0].start() : words[-1].end()]):
        name = _type_name(line.text[words[0].start() : words[-1].end()])
        if name is None and (qualified := _TYPE_QUALIFIER.search(line.folded)) is not None:
            name = _type_name(line.text[words[0].start() : qualified.start()])  # "KẾ HOẠCH HÀNH ĐỘNG": a Kế hoạch
        if name is not None:
            return name, len(line.text)
    return _type_then_title(line)


def _type_in_mixed_case(text: str) -> str | None:
    """A line that is a type name of two words, one in capitals and one not (``Quyết ĐỊNH``): OCR misread the case of
    a letter or two, the capitals say it is the type line."""
    words = text.strip(" .|-_~—").split()
    if len(words) != 2 or not any(w.isupper() and len(w) > 1 for w in words) or all(w.isupper() for w in words):
        return None
    return _type_named(" ".join(words))


_TYPE_BY_KEY = {squash(name): name for name in DOC_TYPES}


def _type_named(words: str) -> str | None:
    """The type name these words spell exactly, marks, case and punctuation aside."""
    return _TYPE_BY_KEY.get(squash(words))


_NUMBER_AFTER_TYPE = re.compile(r"^(?P<type>[a-z]+(?:\s+[a-z]+){0,2})\s+\d{1,5}\s*[-/][a-z0-9đ/-]+\s*$")
"""``HƯỚNG DẪN 165-HD/BTGTW``: a type line that repeats the number (folded; ``… SỐ 214 …`` is an archive's heading)."""


_QUALIFIERS = r"\s+(?:hanh\s*dong|tom\s*tat|lien\s*tich|lien\s*nganh)"
"""What a type line may add to its type name (``KẾ HOẠCH HÀNH ĐỘNG``, ``BÁO CÁO TÓM TẮT``, ``KẾ HOẠCH LIÊN TỊCH``):
the type is the name's, the trích yếu begins on the next line (folded)."""
_TYPE_QUALIFIER = re.compile(_QUALIFIERS + r"\W*$")
_QUALIFIER_AFTER = re.compile(_QUALIFIERS + r"\b")
"""The qualifier after a type name inside a flattened page's line."""


_BODY_WORDS = frozenset({"hoi dong", "uy ban", "nhan dan", "ban chap hanh"})
"""A body's name wrapped onto lines of its own (``HỘI ĐỒNG`` / ``NHÂN DÂN``): one letter from ``HỢP ĐỒNG``, no type."""


def _type_name(text: str) -> str | None:
    key = squash(text)
    if key in _BODY_WORDS:
        return None
    best = max(DOC_TYPES, key=lambda name: fuzz.ratio(squash(name), key))
    return best if fuzz.ratio(squash(best), key) >= TYPE_LINE_SCORE else None


TITLE_AFTER_TYPE = re.compile(r"\s*(?:v[eê]\b|v\s*/\s*v\b|s[oô]\b|c[uủ]a\b)", re.IGNORECASE)
"""What opens a trích yếu printed on the type line's own line: Về …, V/v …, Số … ngày … (archives), Của …"""


def _type_then_title(line: Line) -> tuple[str, int] | None:
    for name in sorted(DOC_TYPES, key=len, reverse=True):
        upper = name.upper()
        for printed in (upper, upper.replace(" ", "")):
            if not line.text.startswith(printed):
                continue
            rest = line.text[len(printed) :]
            glued = rest[:1].isalpha() and rest[:1].isupper() and rest[1:2].islower()  # "QUYẾT ĐỊNHVề việc"
            if glued or (rest[:1].isspace() and TITLE_AFTER_TYPE.match(fold_key(rest))):
                return name, len(printed) + (len(rest) - len(rest.lstrip()))
    return None


def _code_names_another_type(header: list[Line], name: str) -> bool:
    """Whether the header's number names a type other than ``name`` (``Số: 19/2016/TT-NHNN`` over ``QUY ĐỊNH VỀ …``):
    the site dropped the type line, and the line opening with a type's name is the trích yếu."""
    for line in header:
        if (number := NUMBER.search(line.folded)) is not None:
            typed = type_of_code(line.text[number.start("code") : number.end("code")])
            return typed is not None and DOC_TYPES.get(typed) != DOC_TYPES.get(name)
    return False


def _type_then_words(line: Line) -> tuple[str, int] | None:
    """Where the header ends without a type line: a line in capitals opening with a type name and a wrapped title.

    ``QUY CHẾ LÀM`` / ``VIỆC`` / ``CỦA ỦY BAN …``: a site cut the type line
    and its title together.
    """
    if not _mostly_upper(line.text):
        return None
    for name in sorted(DOC_TYPES, key=len, reverse=True):
        if line.text.startswith(name.upper() + " ") and len(line.text) > len(name) + 1:
            if _JOINED_AFTER.match(line.folded, len(name)):
                return None  # "QUY ĐỊNH VÀ HƯỚNG DẪN THI HÀNH …": two verbs of a title, no type
            return name, len(name) + 1
    return None


_JOINED_AFTER = re.compile(r"\s+va\s")
"""``và`` after a type's name: the name is a word of a phrase (folded)."""


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def is_body_start(line: Line) -> bool:
    """A preamble cue, a numbered heading or a rule: where the trích yếu has ended."""
    return bool(
        preamble_cue(line)
        or _PART.match(line.folded)
        or _SECTION_NUMBER.match(line.folded)
        or _RULE.match(line.text)
        or _LETTER_OPENING.match(line.folded)
        or _SITE_CHROME.match(line.folded)
    )


_SITE_CHROME = re.compile(r"^\W*(?:nguoi\s+dang|ngay\s+dang|dang\s+ngay|luot\s+xem|tai\s+ve|cap\s+nhat\s+ngay)\s*:")
"""A portal's caption under a post's headline (``Người đăng: …``, ``Đăng ngày: …``, ``Tải về: ….pdf``): the document's
text has not begun, but its trích yếu has ended (folded)."""


_LETTER_OPENING = re.compile(
    r"^(?:kinh\s*g[uo]i|kinh\s*$|dieu\s*\d|quyet\s*(?:dinh|nghi)\s*:|\(\s*ban\s*hanh\b|\(\s*kem\s*theo)"
)
"""``Kính gửi`` (``Kính gởi``; ``Kính`` alone, OCR having set ``gửi:`` on a line of its own), ``Điều 1``, ``QUYẾT
ĐỊNH:``, ``(Ban hành kèm theo …)``: the letter or its enacting part begins."""
_NEVER_A_TITLE = re.compile(
    r"^(?:[-–+•*]\s*)?(?:can\s*cu|xet\b|kinh\s*g[uo]i|dieu\s*\d|quyet\s*(?:dinh|nghi)\s*:"
    r"|(?:thu\s*tuong\s*chinh\s*phu|bo\s*truong\b.{0,40}|chu\s*tich\b.{0,60})\s+dien\s*:)"
)
"""Where no trích yếu begins, even right under the type line (titles may begin ``Thực hiện …``, ``Về việc …``); a
Công điện has none: ``THỦ TƯỚNG CHÍNH PHỦ điện:`` opens its text."""

TITLE_LINES = 12
"""A trích yếu wrapped by a narrow site runs to this many lines at most (sixty words at forty letters a line)."""
AUTHORITY_WORDS = 16


def find_layout(lines: tuple[Line, ...]) -> Layout:
    """Header, type line, trích yếu, authority line and body of the document."""
    type_line, doc_type, rest, type_misread = None, None, len(lines), False
    opening = next((line for line in lines if line.text.strip()), None)
    headline = _headline(lines, opening) if opening is not None else None
    if headline is not None and opening is not None and (own_heading := _own_heading(lines, opening)) is not None:
        opening, headline = own_heading  # the post's caption (wrapped perhaps), then the document's own heading
    if headline is not None:
        type_line, (doc_type, rest) = opening, headline
    type_end: Line | None = None  # the type line's last line, when a narrow column wrapped the type name itself
    for line in lines[:HEADER_SEARCH_LINES] if type_line is None else ():
        if (over := _type_line_over_title(lines, line)) is not None:
            type_line, doc_type, rest = line, over, len(line.text)
            break
        if (wrapped := _wrapped_type_line(lines, line)) is not None:
            type_line, (doc_type, type_end), rest = line, wrapped, len(line.text)
            break
        if _NEVER_A_TITLE.match(line.folded):
            break  # the preamble has begun: a type word from here on is the enacting "QUYẾT ĐỊNH:"
        if (found := read_type_words(line)) is not None and not _number_below(lines, line):
            if line.text.strip(" .|") in DOC_TYPES and _header_goes_on(lines, line):
                continue  # "Quyết định" in sentence case with the motto or the date still to come: a cell's word
            if found[1] < len(line.text) and _code_names_another_type(list(lines[: line.number]), found[0]):
                break  # "Số: 19/2016/TT-NHNN" over "QUY ĐỊNH VỀ HOẠT ĐỘNG …": the site dropped the type line
            type_line, (doc_type, rest) = line, found
            break
        if (misread := _misread_type_line(lines, line)) is not None:
            type_line, doc_type, rest, type_misread = line, misread, len(line.text), True
            break
    if type_line is not None and type_end is None and doc_type is not None and rest >= len(type_line.text):
        type_end = _type_name_end(lines, type_line, doc_type)  # "THÔNG T" / "Ư": the name wrapped inside a word
    if type_line is None:
        header_end = _header_end(lines)
        header = list(lines[:header_end])
        title_from = header_end
        if header and _post_title(lines, header[0]) and not any(_holds_a_cell(line) for line in header[1:]):
            header, title_from = [], header[0].number  # a post's title alone above its body (wrapped perhaps)
        first: list[Line] = []
        opening = next((ln for ln in lines[header_end:] if ln.text), None)
        if (
            opening is not None
            and (found := _type_then_words(opening)) is not None
            and not _code_names_another_type(header, found[0])
        ):
            type_line, (doc_type, rest) = opening, found
            title_from = opening.number + 1
            first = [_rest_of(opening, rest)]
    else:
        header = list(lines[: type_line.number]) if headline is None else []
        title_from = (type_end or type_line).number + 1
        first = [_rest_of(type_line, rest)] if rest < len(type_line.text) else []
    if headline is not None:  # a headline, wrapped perhaps, ends at the first blank line: the body opens under it
        title, after = _headline_lines(lines, title_from, first)
    else:
        title, after = _title_lines(lines, title_from, first, header, typed=type_line is not None)
    if type_line is None and not title and (inside := _title_under_number(header)):
        title = inside
        header = [line for line in header if line not in inside]
    if type_line is None and header and title and (across := _type_across_lines(header[-1], title[0])) is not None:
        doc_type, header[-1], type_line, title[0] = across  # "… năm 2011 NGHỊ" / "QUYẾT VỀ VIỆC …": a flat page
    authority, after = _authority_lines(lines, after, title)
    if not (title and ARCHIVE_LINE.match(title[0].folded)):  # an archive's heading dates it: no place line to seek
        after = _late_place_date(lines, after, header)
    return Layout(
        lines,
        type_line,
        doc_type,
        tuple(header),
        tuple(title),
        lines[after:],
        authority=tuple(authority),
        type_misread=type_misread,
    )


def _type_across_lines(last: Line, first: Line) -> tuple[str, Line, Line, Line] | None:
    """A type name a flattened page broke across its lines: the header's last word and the title's first
    (``Số: 06/NQ-CP Hà Nội, ngày 24 tháng 01 năm 2011 NGHỊ`` / ``QUYẾT VỀ VIỆC …``). The type, the header's line
    without the word, the type line (both words), the title's line without its word."""
    tail = re.search(r"(?<=\s)(\S+)\s*$", last.text)
    head = re.match(r"\s*(\S+)\s+(?=\S)", first.text)
    if tail is None or head is None or not (tail.group(1).isupper() and head.group(1).isupper()):
        return None
    if (name := _type_named(f"{tail.group(1)} {head.group(1)}")) is None:
        return None
    kept = last._replace(
        end=last.start + tail.start(),
        text=last.text[: tail.start()].rstrip(),
        folded=last.folded[: tail.start()].rstrip(),
    )
    typed = last._replace(
        start=last.start + tail.start(1),
        end=first.start + head.end(1),
        text=f"{tail.group(1)} {head.group(1)}",
        folded=f"{last.folded[tail.start(1) :].rstrip()} {first.folded[head.start(1) : head.end(1)]}",
    )
    return name, kept, typed, _rest_of(first, head.end())


def _type_name_end(lines: tuple[Line, ...], line: Line, name: str) -> Line | None:
    """The line holding the last letters of a type name a narrow column cut inside a word (``THÔNG T`` / ``Ư``): a
    line of a letter or two in capitals that completes the name exactly."""
    following = next((ln for ln in lines[line.number + 1 : line.number + 3] if ln.text.strip(" .|")), None)
    if following is None or len(piece := following.text.strip(" .|")) > 2 or not piece.isupper():
        return None
    return following if squash(line.text + piece) == squash(name) and squash(line.text) != squash(name) else None


def _wrapped_type_line(lines: tuple[Line, ...], line: Line) -> tuple[str, Line] | None:
    """The type name a narrow column wrapped word by word (``QUYẾT`` / ``ĐỊNH``), or a letter's ``CÔNG VĂN`` printed
    as a type line (older letters do; Phụ lục III gives a Công văn none): the name and the type line's last line.

    Only whole lines of one word in capitals that together spell the name exactly, so that a wrapped body's name or
    the enacting ``QUYẾT`` / ``ĐỊNH:`` (a colon) is not taken.
    """
    text = line.text.strip(" .|")
    if not text.isupper() or len(text.split()) > 2:
        return None
    if squash(text) == squash(NO_TYPE_LINE) and len(text.split()) == 2:
        return NO_TYPE_LINE, line
    if len(text.split()) != 1:
        return None
    following = next((ln for ln in lines[line.number + 1 :] if ln.text.strip(" .|")), None)
    if following is None or following.number > line.number + 2:
        return None
    second = following.text.strip(" .|")
    if not second.isupper() or len(second.split()) != 1:
        return None
    name = _type_named(f"{text} {second}")
    return (name, following) if name is not None else None


_HEADLINE_REST = re.compile(r"\s+(?:s[oố]\s+\S*\d|c[uủ]a\s|v[eề]\s|v\s*/\s*v\b|[^\W\d_])")
"""After the type name, a headline goes on with the number (``số 175-CV/TU``), who issued it (``của …``), its subject
(``về …``) or the subject's first word (``lịch tiếp công dân …``, ``Lịch tiếp công dân …``)."""
_NUMBERED = re.compile(r"so\s+\d")
"""``Thông báo số 217/TB-UBND ngày … của … V/v …`` under a post's caption: the document's own heading (folded)."""
HEADLINE_WORDS = 4
"""Fewer words after the type name are a heading of the body, no headline."""
HEADLINE_HEADER_LINES = 8
"""Lines under a headline in which a header's motto or number would show it is only a site's caption."""


def _header_goes_on(lines: tuple[Line, ...], line: Line) -> bool:
    """No written date above ``line`` and a header's cell right under it: the header is not over yet."""
    if any(WRITTEN_DATE.search(ln.folded) for ln in lines[: line.number]):
        return False
    following = next((ln for ln in lines[line.number + 1 :] if ln.text.strip()), None)
    return following is not None and _holds_a_cell(following)


def _header_motto(line: Line) -> bool:
    """A motto as a header prints it: at the line's start, or after another cell in capitals; in a sentence
    (``… Quốc khánh Nước Cộng hòa xã hội chủ nghĩa Việt Nam …``) it is no header's."""
    for cell in find_mottos(line.folded):
        before = line.text[: cell.start]
        if not before.strip(" |-_*") or _mostly_upper(before):
            return True
    return False


def _headline(lines: tuple[Line, ...], line: Line) -> tuple[str, int] | None:
    """A portal post that prints its document without the header, a headline standing in for it: ``Thông báo lịch
    tiếp công dân của …``, ``THÔNG BÁO Về việc …``, ``Công văn số 175-CV/TU ngày 25/01/2007 của Thành ủy TPHCM về
    việc …``, ``Nghị quyết của Ban Chấp hành Đảng bộ tỉnh khóa XIII về …``. The type name (in sentence case, or in
    capitals before a subject that is not) opens the page's first line; no motto or ``Số:`` follows in the lines
    under it. Returns the type and where the rest of the line begins."""
    for name in sorted([*DOC_TYPES, NO_TYPE_LINE], key=len, reverse=True):
        if not line.text.startswith((name, name.upper())) or not (rest := _HEADLINE_REST.match(line.text, len(name))):
            continue
        if line.text.startswith(name.upper()) and _mostly_upper(line.text[len(name) :]):
            continue  # "QUYẾT ĐỊNH VỀ VIỆC …": a type line run on into its title in capitals, no post's headline
        if len(line.text[len(name) :].split()) < HEADLINE_WORDS:
            return None
        below = [ln for ln in lines[line.number + 1 :] if ln.text.strip()][:HEADLINE_HEADER_LINES]
        folded = " ".join(ln.folded for ln in below)
        if any(map(_header_motto, below)) or _NUMBER_LABEL.search(folded) or any(read_type_line(ln) for ln in below):
            return None
        return name, rest.start() + len(rest.group(0)) - len(rest.group(0).lstrip())
    return None


HEADLINE_LINES = 3
"""Lines a headline wraps over at most (a scan of a portal's page, a narrow column)."""


def _own_heading(lines: tuple[Line, ...], caption: Line) -> tuple[Line, tuple[str, int]] | None:
    """The document's own numbered heading (``Thông báo số 217/TB-UBND ngày … V/v …``) in the lines a post's caption
    wraps over, up to a blank line: the heading names the document, the caption only the post."""
    for line in lines[caption.number + 1 : caption.number + HEADLINE_LINES]:
        if line.blank or not line.text.strip():
            return None
        if (own := _headline(lines, line)) is not None and _NUMBERED.match(line.folded, own[1]):
            return line, own
    return None


def _headline_lines(lines: tuple[Line, ...], start: int, first: list[Line]) -> tuple[list[Line], int]:
    """The headline's lines: the first, and those a narrow page wrapped it onto, up to a blank line or the body."""
    title = list(first)
    index = start
    for line in lines[start : start + HEADLINE_LINES - 1]:
        if line.blank or not line.text.strip() or is_body_start(line) or _SENTENCE_OPENING.match(line.folded):
            break
        if (own := _headline(lines, line)) is not None and _NUMBERED.match(line.folded, own[1]):
            break  # the document's own heading under a caption: its number, no caption's words
        title.append(line)
        index = line.number + 1
    return title, index


NUMBER_BELOW_LINES = 5


TYPE_LINE_SPECKS = " :;.-_|—"
"""What OCR of a poor scan leaves around a type line."""
MISREAD_TYPE_SCORE = 75.0
"""Fuzzy score (marks ignored) at which a short line in capitals between the header and a trích yếu is a type name
OCR misread (``CHỈ THT``: 85.7, ``KEHGACH``: 80.0); the next-closest name must score well under it."""
_MISREAD_TYPE_MARGIN = 20.0
_TITLE_OPENING = re.compile(r"^\W*(?:ve\b|v\s*/\s*v\b)")


def _misread_type_line(lines: tuple[Line, ...], line: Line) -> str | None:
    """The type a line names with a letter or two misread, read for where it stands: alone in capitals, right under
    the header's number or date, over a trích yếu in capitals or opening ``Về`` (``CHI THÙ`` / ``VỀ VIỆC ĐẨY MẠNH
    …``); a line that close anywhere else (``DỰNG CHƯƠNG TRÌNH`` of a title wrapped) is left alone."""
    text = line.text.strip(TYPE_LINE_SPECKS)
    key = squash(text)
    if not text or len(text.split()) > 3 or not _mostly_upper(text) or key in _BODY_WORDS:
        return None
    scores = sorted(((fuzz.ratio(squash(name), key), name) for name in DOC_TYPES), reverse=True)
    (best, name), (second, _) = scores[0], scores[1]
    if best < MISREAD_TYPE_SCORE or second > best - _MISREAD_TYPE_MARGIN:
        return None
    above = next((ln for ln in reversed(lines[: line.number]) if ln.text.strip(" -_.:;|")), None)
    below = next((ln for ln in lines[line.number + 1 :] if ln.text.strip(" -_.:;|")), None)
    if above is None or below is None or not _holds_a_cell(above):
        return None
    if is_body_start(below) or is_authority_line(below, line):
        return None
    if not (_TITLE_OPENING.match(below.folded) or (_mostly_upper(below.text) and len(below.text.split()) >= 3)):
        return None
    return name


def _number_below(lines: tuple[Line, ...], line: Line) -> bool:
    """The number printed in the lines under a type name: the header goes on, so this is the issuer's line or a
    motto's piece that reads like a type (``THỦ CỘNG`` of merged columns is one letter from ``THƯ CÔNG``)."""
    under = [ln for ln in lines[line.number + 1 :] if ln.text.strip()]
    for i, below in enumerate(under[:NUMBER_BELOW_LINES]):
        if is_body_start(below):
            return False
        folded = below.folded.lstrip(" |-_*")
        if i + 1 < len(under):  # "THEO THÔNG TƯ" / "SỐ 04/2010/TT-BXD" / "NGÀY 26/5/2010 …": a citation wrapped
            folded = f"{folded} {under[i + 1].folded}"
        if (found := NUMBER.match(folded)) is not None and not _CITATION_AFTER.match(folded, found.end()):
            return True
    return False


_CITATION_AFTER = re.compile(r"\s*,?\s*(?:ngay|cua)(?![a-z])")
"""``số 4631/QĐ-UBND ngày …`` (``NGÀY04``: a lost space): a document cited in a wrapped title or the body, not the
header's number."""


_SUBJECT_OPENING = re.compile(r"^\W*ve\s*viec\b")
"""``về việc …``: a trích yếu opens so; the articles an enacting ``QUYẾT ĐỊNH:`` introduces never do (folded)."""


def _type_line_over_title(lines: tuple[Line, ...], line: Line) -> str | None:
    """The type a ``QUYẾT ĐỊNH :`` / ``QUYẾT ĐỊNH:`` over a trích yếu (in capitals, or opening ``về việc``) names: the
    type line with a colon (printed, or a speck OCR read), not the enacting formula, which the preamble or the
    authority line comes before and the articles follow."""
    if not re.search(r":\W*$", line.text):
        return None
    found = read_type_line(line._replace(text=line.text.rstrip(" :;.-_|"), folded=line.folded.rstrip(" :;.-_|")))
    following = next((ln for ln in lines[line.number + 1 :] if ln.text.strip(" -_.:;|")), None)
    if (
        found is None
        or following is None
        or not (_mostly_upper(following.text) or _SUBJECT_OPENING.match(following.folded))
        or len(following.text.split()) < 3
        or is_body_start(following)
        or is_authority_line(following, line)
    ):
        return None
    return found


def _title_under_number(header: list[Line]) -> list[Line]:
    """Lines in capitals right under the number, in a header that has no type line: the trích yếu.

    ND30 prints nothing under the số và ký hiệu but a công văn's ``V/v …`` in
    small letters; where a site dropped the type line and OCR read the left
    column before the right, the title in capitals follows the number there
    (``Số: 05/2018/QĐ-UBND`` / ``BAN HÀNH QUY ĐỊNH VỀ`` / ``CÔNG TÁC THI ĐUA …``),
    up to the next cell, a blank line after it, or the authority line.
    """
    number = next((i for i, line in enumerate(header) if _NUMBER_LINE.match(line.folded)), None)
    if number is None:
        return []
    found: list[Line] = []
    for line in header[number + 1 :]:
        if line.blank:
            if found:
                break
            continue
        if found and _figure_wrapped(found[-1], line):
            found.append(line)  # "BỆNH TRUYỀN NHIỄM NĂM" / "2018": the year wrapped onto a line of its own
            continue
        if (
            not _mostly_upper(line.text)
            or _holds_a_cell(line)
            or is_mark(line.folded)
            or is_authority_line(line, found[-1] if found else None)
            or (not found and _OPENS_A_BODY.match(line.folded))  # THƯỜNG TRỰC HỘI ĐỒNG / …: the issuer's, wrapped
        ):
            break
        found.append(line)
    return found if len(" ".join(line.text for line in found).split()) >= MIN_TITLE_WORDS else []


_NUMBER_LINE = re.compile(r"^s[o0]\s*[:.]?\s*\d")
MIN_TITLE_WORDS = 3
"""A trích yếu has at least this many words: fewer, in capitals, is a body's name or a mark."""


def _late_place_date(lines: tuple[Line, ...], after: int, header: list[Line]) -> int:
    """A place-and-date line OCR read after the title and authority line (``Bạc Liêu, ngày …``) joins the header."""
    if any(WRITTEN_DATE.search(line.folded) for line in header):
        return after
    for line in lines[after : after + LATE_DATE_LINES]:
        if line.blank:
            continue
        if len(line.text.split()) <= PLACE_DATE_WORDS and _PLACE_DATE_LINE.search(line.folded.lstrip("| ")):
            if WRITTEN_DATE.search(line.folded):
                header.append(line)
                return line.number + 1 if all(ln.blank for ln in lines[after : line.number]) else after
        if is_body_start(line):
            break
    for line in lines[after : after + LATE_DATE_SCAN]:  # further down, only a line that is a place and date alone
        text = line.folded.strip(" |")
        if sum(any(c.isalnum() for c in word) for word in text.split()) > PLACE_DATE_WORDS:
            continue
        if not (_PLACE_DATE_LINE.search(text) or _bare_place_date(line.text.strip(" |"))):
            continue
        if WRITTEN_DATE.search(text):
            header.append(line)
            break
        following = lines[line.number + 1] if line.number + 1 < len(lines) else None
        if (
            following is not None
            and _YEAR_ALONE.match(following.folded)
            and WRITTEN_DATE.search(f"{text} {following.folded}")
        ):
            header.extend((line, following))  # "… Hà Nội, ngày 29 tháng 03" / "năm 2022 |": the date wrapped
            break
    return after


_BARE_PLACE_DATE = re.compile(
    r"^(?P<place>(?:[^\W\d_]+\.?\s+){1,4})ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+[12]\d{3}\W*$"
)
"""``Hà Nội ngày 30 tháng 3 năm 2010``: a place and date alone on a line, the comma left out (as printed)."""


def _bare_place_date(text: str) -> bool:
    """A place whose every word opens in a capital, then a whole date, and nothing else on the line."""
    found = _BARE_PLACE_DATE.match(text)
    return found is not None and all(word[0].isupper() for word in found.group("place").split())


_YEAR_ALONE = re.compile(r"^\W*nam\s+[12]\d{3}\W*$")
"""``năm 2022``: a date's year wrapped to a line of its own."""


LATE_DATE_LINES = 4
LATE_DATE_SCAN = 30
"""OCR may read the right column's date far down, inside the preamble (``Quận 4, ngày 31 tháng 10 năm 2006``)."""


def _rest_of(line: Line, offset: int) -> Line:
    """The part of a line from ``offset`` on, as a line of its own (the trích yếu after a type word)."""
    return line._replace(start=line.start + offset, text=line.text[offset:], folded=line.folded[offset:])


def _header_end(lines: tuple[Line, ...]) -> int:
    """Without a type line: the header ends after the last line holding a header cell, before the body.

    The cells are the motto, the number and the place-and-date line
    (:mod:`extractors.letterhead`), and a công văn's ``V/v …`` over as many
    lines as it takes; the body is where a preamble cue, a numbered heading,
    ``Kính gửi`` or a long sentence first appears.
    """
    last = -1
    subject = dated = cut_date = awaiting = False
    for line in lines[:HEADER_SEARCH_LINES]:
        if not any(c.isalnum() for c in line.text):
            continue
        if awaiting and not _holds_a_cell(line, dated=dated) and not is_body_start(line):
            last, subject, awaiting = line.number, True, False  # "V/v:" / the motto / "Xây dựng kế hoạch …"
            continue
        awaiting = awaiting or bool(_BARE_SUBJECT_MARK.match(line.folded))
        if not dated and _DATE_CUT.search(line.folded) and len(line.text.split()) <= PLACE_DATE_WORDS:
            last, cut_date, subject = line.number, True, False  # "Sơn La, ngày 11 tháng 3" / "năm 2020"
            continue
        if cut_date and _DATE_REST.match(line.folded):
            last, cut_date, dated = line.number, False, True
            continue
        if last >= 0 and _BARE_SUBJECT_MARK.match(lines[last].folded):
            last, subject = line.number, True  # "V/v" / ": Thực hiện quy định …": the subject, not a preamble
            continue
        if subject and _opens_lower(line) and not lines[last].text.rstrip().endswith((".", ";", ":")):
            last = line.number  # "V/v … trong 2 năm" / "thực hiện mục tiêu …": the subject wrapped, no preamble
            continue
        if is_body_start(line) and last >= 0:
            break
        if _holds_a_cell(line, dated=dated):
            last, subject = line.number, bool(re.search(r"\bv\s*/\s*v\b|\bve\s+viec\b", line.folded))
            dated = dated or bool(WRITTEN_DATE.search(line.folded))
        elif _is_subject_line(line) or (subject and _subject_goes_on(lines[last], line, dated=dated)):
            last, subject = line.number, True
        elif last >= 0 and (line.number - last > 6 or _is_sentence(line)):
            break
    if last < 0:
        return next((ln.number for ln in lines[:HEADER_SEARCH_LINES] if ln.text and is_body_start(ln)), 0)
    if re.match(r"^s[o0]\s*[:.]?[\s\d]*$", lines[last].folded):  # the number's code on the next line
        last = next((ln.number for ln in lines[last + 1 : last + 4] if ln.text), last)
    return last + 1


def _subject_goes_on(previous: Line, line: Line, *, dated: bool) -> bool:
    """A ``V/v`` subject's next line: in small letters, or in capitals under one in capitals (``V/V PHÊ DUYỆT …`` /
    ``THỂ THAO TỈNH …``) up to the authority line."""
    if _figure_wrapped(previous, line):
        return True  # "V/v thực hiện công văn số" / "7021/VPCP-KTTH": a narrow column wrapped before the figure
    if _holds_a_cell(line, dated=dated):
        return False
    if not _mostly_upper(line.text):
        return True
    return _mostly_upper(previous.text) and not is_authority_line(line, previous)


_WAITS_FOR_FIGURE = re.compile(r"\b(?:so|nam|quy|ngay|thang)\s*$")
"""A subject's line cut after ``số``, ``năm``, ``quý``, ``ngày``, ``tháng``: what follows is a number, a year, a date
(folded)."""
_FIGURE_ALONE = re.compile(
    r"^\W*(?:\d{1,5}\s*[/-]\s*[\w.&/-]+|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d\d"
    r"|[ivx]{1,4}\s*/\s*(?:19|20)\d\d|(?:19|20)\d\d)\W*$"
)
"""The figure such a line waits for, alone on the next: ``7021/VPCP-KTTH``, ``26/11/2018``, ``I/2011``, ``2018``."""


def _figure_wrapped(previous: Line, line: Line) -> bool:
    """``… công văn số`` / ``7021/VPCP-KTTH``, ``… NĂM`` / ``2018``: a line cut before the figure the next holds."""
    return bool(_WAITS_FOR_FIGURE.search(previous.folded) and _FIGURE_ALONE.match(line.folded))


_DATE_CUT = re.compile(r"(?:^|,)\s*ngay\s*(?:\d{1,2}\s*(?:thang\s*\d{1,2}\s*(?:nam\s*)?)?)?$")
"""A place-and-date line cut before its year (``Sơn La, ngày 11 tháng 3``, ``Khánh Hòa, ngày``, ``ngày``): the rest is
on the next line."""
_DATE_REST = re.compile(r"^(?:\d{1,2}\s*)?(?:thang\s*\d{1,2}\s*)?(?:nam\s*)?(?:19|20)\d\d\b")
"""The rest of a place-and-date line cut before its year: ``năm 2020``, ``11 tháng 3 năm 2020``, ``2020``."""


_BARE_SUBJECT_MARK = re.compile(r"^\W*v\s*/\s*v\W*$")
"""A ``V/v`` printed on a line of its own: what it is about is on the next."""


def _is_sentence(line: Line) -> bool:
    """A long line in small letters: body text, not a header cell."""
    return len(line.text.split()) > 12 and not _mostly_upper(line.text)


def _holds_a_cell(line: Line, *, dated: bool = False) -> bool:
    """A motto (or a piece of one), a number opening the line or after ``Số:``, the first written date.

    A header has one place-and-date line: once it is found, a date is a
    sentence's (``… ngày 19 tháng 6 năm 2015;``), not a cell.
    """
    folded = line.folded
    number = NUMBER.search(folded)
    date = None if dated else WRITTEN_DATE.search(folded)
    return bool(
        (date and _place_date_words(line, date.start()) <= PLACE_DATE_WORDS and not _CITED.match(folded, date.end()))
        or (number and (number.group("colon") or not folded[: number.start()].strip()))
        or find_mottos(folded)
        or motto_fragment(folded)
        or re.match(r"^s[o0]\s*[:.]?[\s\d]*$", folded)  # "Số:" / "36/KH-UBND", "Số: 5872" / "/KH-UBND"
        or BLANK_NUMBER.search(folded)
        or MISREAD_LABEL_NUMBER.match(folded.lstrip(SPECKS_BEFORE_LABEL))  # "6: 74/KH-UBND": a poor scan's "Số:"
    )


_CITED = re.compile(r"\s*(?:cua|do)\s")
"""``ngày 22 tháng 7 năm 2021 của Ủy ban …``: a date going on with whose it is cites a document; the place-and-date
line ends with its year."""


def _place_date_words(line: Line, date_start: int) -> int:
    """The words of a line holding a date, less the capitals before it that are the left column's.

    Legacy OCR merges the two columns line by line: ``SỞ GIÁO DỤC VÀ ĐÀO TẠO
    Thành phố Hồ Chí Minh, ngày 25 tháng 11 năm 2018`` is the issuer's line and
    the place-and-date line, not a sentence. A date printed in capitals (a
    title's ``NGÀY 12 THÁNG 3``) keeps every word.
    """
    words = list(re.finditer(r"\S+", line.text))
    lead = 0
    for word in words:
        letters = [c for c in word.group(0) if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters) or word.end() > date_start:
            break
        lead += 1
    if lead < len(words) and not words[lead].group(0)[:1].isupper():
        lead = 0  # what follows the capitals is no place's name
    return len(words) - lead


def _is_subject_line(line: Line) -> bool:
    """``V/v …``, ``Về việc …``, or ``Về …`` in small letters: a công văn's trích yếu under its number (in quotes,
    ``“V/v Triển khai …”``, as some print it)."""
    if re.match(rf"^[\"“‘'«]?\s*{SUBJECT_MARK}", line.folded):
        return True
    return bool(re.match(r"^ve(?:\s*:)?\s", line.folded)) and not _mostly_upper(line.text)


def _title_lines(
    lines: tuple[Line, ...], start: int, first: list[Line], header: list[Line], *, typed: bool
) -> tuple[list[Line], int]:
    """The trích yếu: everything from the type line to the body's first line, and the index after it.

    It ends at a preamble cue (Căn cứ, Thực hiện, Để …), a numbered heading,
    a rule, the authority line (``ỦY BAN NHÂN DÂN TỈNH …``, ``CHỦ TỊCH …``);
    after a title in capitals, at a line that opens a sentence in lower
    case; after one in sentence case, at a line that opens after a full stop.
    Its first line may begin ``Thực hiện …`` or ``Về việc …``; a place and
    date right under the type line belong to the header.
    """
    title = list(first)
    blank = False
    after = start
    spaced = double_spaced(lines)
    dated = any(WRITTEN_DATE.search(line.folded) for line in header)
    for line in lines[start:]:
        after = line.number
        if line.blank or not any(c.isalnum() for c in line.text):
            blank = blank or (line.blank and not spaced) or is_rule(line)
            if is_rule(line) and title:
                break
            continue
        if motto_line(line.folded) and not (_motto_whole(header) and not find_mottos(line.folded)):
            header.append(line)  # the motto, read after the left column by OCR
            continue
        if not dated and not title and _LONE_PLACE.match(line.text) and _date_follows(lines, line.number + 1):
            header.append(line)  # "Lạng Sơn," / "ngày 05 tháng 9 năm 2018": the right column under the type line
            continue
        if (
            not dated
            and len(line.text.split()) <= PLACE_DATE_WORDS
            and (WRITTEN_DATE.search(line.folded) or BLANK_DAY.search(line.folded))
            and not ARCHIVE_LINE.match(line.folded)
        ):
            if (typed and not title) or _PLACE_DATE_LINE.search(line.folded):
                header.append(line)  # the right column read after the left: place and date below the type line
                dated = True
                continue
        if not _title_goes_on(lines, title, line, blank, typed=typed):
            break
        title.append(line)
        blank = False
    else:
        after = len(lines)
    return title, after


ARCHIVE_LINE = re.compile(r"^\W*c[uo]a\s+[a-z ]{3,60}?\s+so\s*:?\s*\d")
"""``CỦA BỘ GIÁO DỤC SỐ 36/GD-TT NGÀY 29-12-1976 HƯỚNG DẪN …`` under the type line: an archive's heading, which opens
the trích yếu (its number and date read there), no place-and-date line (folded)."""


def _motto_whole(header: list[Line]) -> bool:
    """Both lines of the motto are in the header already: a motto's word alone under the type line (``HƯỚNG DẪN`` /
    ``LẬP``) is the title's."""
    folded = " ".join(" ".join(re.sub(r"[-–—.,|]", " ", line.folded).split()) for line in header)
    return all(" ".join(MOTTOS[kind].replace("-", " ").split()) in folded for kind in ("national", "slogan"))


_LONE_PLACE = re.compile(r"^(?:T[Pp]\.?\s+)?[^\W\d_][^\s,]*(?:\s+[^\W\d_][^\s,]*){0,3}\s*,\s*$")
"""A place alone on its line, its comma kept: the date is on the next."""


def _date_follows(lines: tuple[Line, ...], start: int) -> bool:
    following = next((line for line in lines[start:] if not line.blank), None)
    return (
        following is not None
        and bool(re.match(r"^\W*ngay\b", following.folded))
        and bool(WRITTEN_DATE.search(following.folded))
    )


def is_rule(line: Line) -> bool:
    """A rule (``-------``, ``_______``, ``*****``): under a title, where the body begins."""
    return bool(_RULE.match(line.text or line.margin)) and len((line.text or line.margin).strip()) >= 3


def double_spaced(lines: tuple[Line, ...]) -> bool:
    """A page whose site put a blank line after every line: there a blank line ends no paragraph."""
    top = lines[:HEADER_SEARCH_LINES]
    return len(top) >= 6 and sum(line.blank for line in top) >= 0.4 * len(top)


_OFFICE_HOLDER = r"(?:pho\s+)?(?:chu\s+tich|bo\s+truong|(?:tong\s+)?cuc\s+truong|giam\s+doc|vien\s+truong|chanh\s+an)"
"""Who enacts in an office's name: chủ tịch, bộ trưởng, (tổng) cục trưởng, giám đốc, viện trưởng, chánh án (folded)."""
_ISSUER_CLAUSE = re.compile(
    r"cua\s+(?:uy\s+ban\s+nhan\s+dan|ubnd|hoi\s+dong\s+nhan\s+dan|hdnd|thu\s+tuong|chinh\s+phu|"
    rf"{_OFFICE_HOLDER}|"
    r"ban\s+(?:chap\s+hanh|thuong\s+vu)|dang\s+(?:bo|uy)|(?:tinh|thanh|huyen|quan|thi)\s+uy)\b(?:(?!\bve\b).)*"
)
"""An older type line's ``CỦA UBND TỈNH …`` (who issued it) with no subject yet: the trích yếu comes after it."""
POSITION_CLAUSE = re.compile(rf"cua\s+{_OFFICE_HOLDER}\b(?:(?!\bve\b).)*")
"""``CỦA TỔNG CỤC TRƯỞNG TỔNG CỤC TIÊU CHUẨN …``: the office whose holder enacts, before the subject (folded)."""


ONE_LINE_PARAGRAPH = 30
"""Words a line in sentence case under a title in capitals holds beyond which it is a paragraph of the body a site
printed on one line (the longest trích yếu line a site prints in sentence case under capitals is far shorter)."""


def _title_goes_on(lines: tuple[Line, ...], title: list[Line], line: Line, blank: bool, *, typed: bool) -> bool:
    if not title:
        if not typed:  # no type line: a capitalised title, a V/v line, or a sentence the body's opening follows
            if re.match(r"^[ivx]{1,4}\s*\.\s", line.folded):  # "I. TÌNH HÌNH BỆNH …": the body's first part
                return False
            authority = is_authority_line(line, None) and _enacting_follows(lines, line.number + 1)
            if (_mostly_upper(line.text) and not authority and not is_mark(line.folded)) or _is_subject_line(line):
                return True
            return _sentence_title(lines, line)
        if is_authority_line(line, None) and _enacting_follows(lines, line.number + 1):
            return False  # "QUYẾT ĐỊNH" / "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" / "Căn cứ …": a site dropped the trích yếu
        return not (_NEVER_A_TITLE.match(line.folded) or _SECTION_NUMBER.match(line.folded))
    if len(title) >= TITLE_LINES:
        return False
    if (_SECTION_NUMBER.match(line.folded) or _PART.match(line.folded)) and not dangles(title[-1]):
        return False  # "… NỘI DUNG TẠI" / "MỤC III, ĐIỀU 1 - …": a cited part, where the line before was cut
    if _LETTER_OPENING.match(line.folded) or _RULE.match(line.text):
        return False
    if is_authority_line(line, title[-1]) and _enacting_follows(lines, line.number + 1):
        return False
    if re.match(r"\W*ve\b", line.folded) and _ISSUER_CLAUSE.fullmatch(" ".join(t.folded for t in title)):
        return True  # "CHỈ THỊ CỦA UBND TỈNH LÀO CAI" / "Về phòng, chống lụt, bão …": the subject after who issued it
    if POSITION_CLAUSE.fullmatch(" ".join(t.folded for t in title)) and not is_body_start(line):
        return True  # "CỦA TỔNG CỤC TRƯỞNG TỔNG CỤC …" / "Ban hành bản …": who enacts, then the subject
    if (
        _mostly_upper(_subject_head(title).text)
        and not _mostly_upper(line.text)
        and len(line.text.split()) > ONE_LINE_PARAGRAPH
    ):
        return False  # "Hội đồng Chính phủ trong phiên họp … đã nhận định:": a site's paragraph on one line, the body
    if _opens_upper(line) and not _mostly_upper(line.text) and _SENTENCE_OPENING.match(line.folded):
        return False  # "Năm 2014, Thành phố tiếp tục …": the body's first sentence, though no preamble's cue opens it
    if blank and _body_paragraph(lines, line):
        return False  # "Những năm gần đây, … do pháo gây" / "ra. Tuy nhiên, …": OCR's paragraph of the body
    opens_lower = _opens_lower(line)
    head = _subject_head(title)
    cut_short = not title[-1].text.rstrip().endswith((".", ";", ":", "!", "?", ")", "”", '"'))
    cue = preamble_cue(line) and not (cut_short and opens_lower)  # "… trong 2 năm" / "thực hiện …"
    if not _mostly_upper(head.text) and cut_short and not cue:
        # a sentence-case title wrapped, a blank line between (OCR paragraphs); not the body's first paragraph
        return not _mostly_upper(line.text) and not _paragraph(line)
    if title[-1].text.rstrip().endswith(";") and not (cue or _paragraph(line)):
        return True  # "Kết quả … 9 tháng đầu năm;" / "Phương hướng nhiệm vụ …": a trích yếu in two parts
    if dangles(title[-1]) and not cue:
        return True  # "… ban hành kèm theo" / "Quyết định số 99-QĐ/TW …": a line cut mid-phrase goes on
    if _mostly_upper(head.text) and _mostly_upper(line.text):
        return True  # capitals go on across a blank line: OCR puts one between the paragraphs it sees
    if not _mostly_upper(head.text) and _second_sentence(lines, title, line):
        return True
    if blank and not opens_lower:
        return False
    if _mostly_upper(head.text):  # a title begun in capitals goes on in capitals, or in lower case
        numbers_only = not any(c.isalpha() for c in line.text)  # "NĂM" / "2022"
        return _mostly_upper(line.text) or numbers_only or (opens_lower and not preamble_cue(line))
    if cue:
        return False
    return opens_lower or not title[-1].text.rstrip().endswith((".", ";", ":", "!", "?"))


BODY_PARAGRAPH_LINES = 3
"""Lines a block after a blank line runs to, before the next blank, for a full stop inside it to mark the body."""
_SENTENCE_STOP = re.compile(r"(\w+)[.!?]\s+[\"“(]?(\w)")
_NO_STOP_AFTER = frozenset({"tp", "tx", "tt", "q", "p", "x", "ths", "ts", "pgs", "gs", "bs", "ks", "st", "no"})
"""Abbreviations a full stop ends without ending a sentence (``TP. Hồ Chí Minh``), folded."""


def _body_paragraph(lines: tuple[Line, ...], line: Line) -> bool:
    """A paragraph of the body after a blank line: three lines or more before the next blank, a sentence ending inside
    (``Những năm gần đây, … do pháo gây`` / ``ra. Tuy nhiên, …``). A trích yếu that OCR split over a blank line
    goes on for a line or two and ends no sentence inside."""
    block: list[Line] = []
    for following in lines[line.number :]:
        if following.blank or not any(c.isalnum() for c in following.text) or is_body_start(following):
            break
        block.append(following)
    if len(block) < BODY_PARAGRAPH_LINES:
        return False
    text = " ".join(following.text.strip() for following in block)
    return any(
        stop.group(2).isupper() and stop.group(1).lower() not in _NO_STOP_AFTER and not stop.group(1).isdigit()
        for stop in _SENTENCE_STOP.finditer(text)
    )


def _subject_head(title: list[Line]) -> Line:
    """The line whose case the trích yếu is printed in: its first, or the subject's after an older type line's
    ``CỦA BAN THƯỜNG VỤ TỈNH ỦY`` (who issued it, in capitals over a subject in sentence case)."""
    if len(title) > 1 and re.match(r"\W*cua\s", title[0].folded) and not re.search(r"\bve\b", title[0].folded):
        # "CỦA TỔNG CỤC TRƯỞNG … ĐO LƯỜNG -" / "CHẤT LƯỢNG" / "Ban hành bản …": the clause wraps, the subject follows
        return next((line for line in title[1:] if not _mostly_upper(line.text)), title[1])
    return title[0]


_SENTENCE_OPENING = re.compile(
    r"^(?:ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}|ngay\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|nam\s+\d{4}|trong\s+(?:nam|nhung\s+nam|thoi\s+gian)\b[^,]*)\s*,"
)
"""``Năm 2014, …``, ``Ngày 28 tháng 6 năm 2024, …``, ``Trong thời gian qua, …``: a time set before a comma opens a
sentence of the body, never a trích yếu's next line."""


SENTENCE_TITLE_LINES = 3
"""Lines a trích yếu in sentence case with no type line above it may wrap over before the body's opening."""
SENTENCE_TITLE_WORDS = 40
"""More words than this before the body's opening are a paragraph, no trích yếu."""
SENTENCE_TITLE_MIN = 4
"""Fewer words than this are a speck or a wrapped line's end (``Nam;``), no trích yếu."""


def _post_title(lines: tuple[Line, ...], line: Line) -> bool:
    """A post's one line above the body, in sentence case, with no number, motto or date: the document's title, though
    it names a body (``Lịch tiếp công dân định kỳ của Chủ tịch UBND xã Tây Sơn …`` / ``Căn cứ …``)."""
    folded = line.folded
    if _mostly_upper(line.text) or _NUMBER_LABEL.search(folded) or WRITTEN_DATE.search(folded) or find_mottos(folded):
        return False
    return _sentence_title(lines, line)


def _sentence_title(lines: tuple[Line, ...], line: Line) -> bool:
    """A trích yếu printed in sentence case under a header whose type line a site dropped (``Ban hành Quy định về …`` /
    ``ỦY BAN NHÂN DÂN TỈNH …`` / ``Căn cứ …``): a sentence opening in capitals whose next lines, a few at most, end
    where the authority line or the preamble begins. A paragraph of the body goes on longer, or ends on a stop."""
    if not _opens_upper(line) or is_body_start(line) or is_mark(line.folded) or _mostly_upper(line.text):
        return False
    words = 0
    previous = line
    for following in lines[line.number :]:
        if not any(c.isalnum() for c in following.text):
            continue
        if following is not line and (is_body_start(following) or is_authority_line(following, previous)):
            return SENTENCE_TITLE_MIN <= words <= SENTENCE_TITLE_WORDS and not previous.text.rstrip().endswith(
                (":", ",")
            )
        if following.number - line.number >= SENTENCE_TITLE_LINES * 2 or _mostly_upper(following.text):
            return False
        words += len(following.text.split())
        previous = following
    return False


PARAGRAPH_WORDS = 25
"""A line longer than this opening a sentence and holding a full stop is the body's paragraph, not a trích yếu's next
line."""


def _paragraph(line: Line) -> bool:
    """A long line that ends a sentence, or announces what follows (``… với các nội dung cụ thể như sau:``)."""
    text = line.text.rstrip()
    stops = (m.group(1).isupper() for m in re.finditer(r"\.\s+(\w)", text))
    return _opens_upper(line) and len(text.split()) > PARAGRAPH_WORDS and (text.endswith((".", ":")) or any(stops))


SECOND_SENTENCE_LINES = 3
"""A trích yếu's second sentence runs to this many lines at most."""


def _second_sentence(lines: tuple[Line, ...], title: list[Line], line: Line) -> bool:
    """A title in sentence case that goes on after a full stop: ``… thành lập Đảng Cộng sản Việt Nam.`` / ``Chuẩn bị
    công tác đón xuân …`` / ``… của Đảng.`` / ``Căn cứ …``.

    The sentence after the stop is the title's when it is short, opens with a
    capital, and the body begins right after it (a preamble cue, a numbered
    heading, a rule); a paragraph of the body ends on ``như sau:`` or runs on.
    """
    if not title[-1].text.rstrip().endswith(".") or not _opens_upper(line):
        return False
    seen = 0
    for following in lines[line.number :]:
        if following.blank or not any(c.isalnum() for c in following.text):
            continue
        if seen == SECOND_SENTENCE_LINES or is_body_start(following) or _mostly_upper(following.text):
            return False
        seen += 1
        if following.text.rstrip().endswith((".", ";", ":", "!", "?")):
            break
    else:
        return False
    if not following.text.rstrip().endswith("."):
        return False
    after = next(
        (ln for ln in lines[following.number + 1 :] if any(c.isalnum() for c in ln.text) and not _aside(ln)), None
    )
    return after is not None and is_body_start(after)


def _aside(line: Line) -> bool:
    """A line wholly in parentheses under a title (``(Tài liệu phục vụ tiếp xúc cử tri …)``): a note, no body."""
    text = line.text.strip()
    return text.startswith("(") and text.endswith(")")


def _opens_upper(line: Line) -> bool:
    """A line that opens a sentence: its first letter (after OCR specks) a capital."""
    return line.text.lstrip(_OPENING_SPECKS)[:1].isupper()


def _opens_lower(line: Line) -> bool:
    """A line that continues a sentence: it opens in lower case (after OCR specks)."""
    return line.text.lstrip(_OPENING_SPECKS)[:1].islower()


_OPENING_SPECKS = " -_'“\".,:("


_POSITION = (
    r"(?:pho\s*)?(?:chu\s*tich|bo\s*truong|thu\s*tuong|giam\s*doc|thuong\s*truc|truong\s*ban|chanh\s*van\s*phong|"
    r"cuc\s*truong|to{1,2}ng\s*cuc\s*truong)\s*"
)
_PEOPLES_BODY = r"(?:uy|\S{1,3}(?=\s*ban))\s*ban[\s.]*nhan[\s.]*dan|h\S{1,2}\s*d\S{0,3}ng[\s.]*nhan[\s.]*dan"
"""Ủy ban or Hội đồng nhân dân as a poor scan's OCR reads them too (``VỸ BAN``, ``HQI DNG``, ``ỦY BAN. NHÂN DÂN``)."""
_AUTHORITY = re.compile(
    rf"^(?:{_POSITION})?(?:{_PEOPLES_BODY}|ubnd|hdnd|uy\s*ban\s*thuong\s*vu|"
    r"hoi\s*dong\s*(?:chinh\s*phu|bo\s*truong|nha\s*nuoc)|chinh\s*phu\b|bo\s*truong\b|thu\s*tuong\b|"
    r"ban\s*(?:chap\s*hanh|thuong\s*vu|bi\s*thu)\b|"
    r"chu\s*tich\b|(?:to{1,2}ng\s*)?giam\s*doc\b|thong\s*doc\b|to{1,2}ng\s*kiem\s*toan\b|to{1,2}ng\s*thanh\s*tra\b|bo\s+\S+)"
    r"|^(?:pho\s*)?(?:to{1,2}ng\s*)?cuc\s*truong\s*(?:to{1,2}ng\s*)?cuc\b|^(?:to{1,2}ng\s*)?cuc\s*truong\s*$"
    r"|^vien\s*truong\s*vien\b|^chanh\s*an\s*toa\s*an\b|^chu\s*nhiem\s*(?:uy\s*ban|van\s*phong)\b"
)
"""Who enacts, under the title: a people's body or the Government, a position before a body's name (the head of an
agency, a bank or an inspectorate by his title: ``TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM``, ``THỐNG ĐỐC NGÂN HÀNG …``,
``TỔNG KIỂM TOÁN NHÀ NƯỚC``), a ministry; the holder of a (Tổng) cục, a Viện or a Tòa án with his office's name
(``TỔNG CỤC TRƯỞNG TỔNG CỤC …``, ``VIỆN TRƯỞNG VIỆN KIỂM SÁT …``, ``CHỦ NHIỆM ỦY BAN VẬT GIÁ NHÀ NƯỚC``), or ``TỔNG CỤC
TRƯỞNG`` alone over it (folded; ``TOONG`` is how OCR of some fonts reads ``TỔNG``)."""
_OPENS_A_BODY = re.compile(rf"{_POSITION}\S|(?:uy\s*ban|hoi\s*dong|ban\s*(?:chap|thuong|bi|chi))\b")
"""A position or a body's head opening a line: a name in capitals, not a trích yếu."""
_DANGLING = re.compile(
    r"(?:\b(?:cua|va|thuoc|ve|cho|tai|voi|tren|doi voi|theo|den|giai doan|den nam|nam)|(?<!_)[,\-–])\s*$"
)
"""A title line cut after ``của``, ``và``, a comma: the next line goes on with it, whatever it opens with (a dash
after an underscore is a poor scan's speck: ``-LANGSON _-``)."""


_DANGLING_WORDS = frozenset(
    {"của", "cuả", "và", "thuộc", "về", "cho", "tại", "với", "trên", "theo", "đến", "đoạn", "năm"}
)
"""The last words of :data:`_DANGLING` as printed with their marks (``với`` of ``đối với``, ``đoạn`` of ``giai
đoạn``)."""


_CLOSED_RANGE_SPECK = re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\s*[-–]\s*$")
"""``GIAI ĐOẠN 2021- 2025 -``: a dash after a range that is closed is OCR's speck, no word cut."""


NEXT_ONES = re.compile(r"\btiep\s+theo\s*$")
"""``… VÀ NHỮNG NĂM TIẾP THEO``: "the following ones", a phrase complete, not ``theo`` awaiting what it follows."""


def dangles(line: Line) -> bool:
    """Whether a title line is cut where its next line goes on (:data:`_DANGLING`); a place's ``NAM`` (``TỈNH QUẢNG
    NAM``) is no ``NĂM`` waiting for its year, a speck after a closed range no cut."""
    found = _DANGLING.search(line.folded)
    if found is None or _CLOSED_RANGE_SPECK.search(line.folded) or NEXT_ONES.search(line.folded):
        return False
    words = line.text.split()
    last = words[-1].lower() if words and found.group(0).strip()[-1:].isalpha() else ""
    if last and not last.isascii() and last not in _DANGLING_WORDS:
        return False  # "… THU HÚT NHÂN TÀI": tài, no tại; marks printed tell the words folding makes alike
    if found.group(0).rstrip().endswith("nam") and not found.group(0).rstrip().endswith("den nam"):
        return bool(words) and words[-1].lower() == "năm"
    return True


_TITLE_WORDS = re.compile(r"\b(?:ve|cua|trong|doi voi|cho|nham|tai|thuoc)\b")
"""Words of a subject, never of a body's name: ``CHÍNH PHỦ VỀ ĐẨY MẠNH …`` is a title's line, not who enacts."""
COUNCIL_TERM = r"khoa\s+[ivxl\d]+|ky\s+hop\b"
"""A council's term or session, folded (``KHÓA IX``, ``KỲ HỌP THỨ BA``): printed under or after its name."""
_SESSION = re.compile(rf"^(?:[^a-z(]{{0,6}}|[a-z]{{1,2}}\s+)?\(?\s*(?:{COUNCIL_TERM}|ngay)")
_SPECKS = re.compile(r"^(?:[^\w(]+|[A-Za-z][a-z]\s+(?=\w\w))*")
"""What a poor scan's OCR leaves before a line's first word: ``-. .``, ``Oo``, ``_``."""


def is_authority_line(line: Line, previous: Line | None) -> bool:
    """``ỦY BAN NHÂN DÂN TỈNH …``, ``CHỦ TỊCH ỦY BAN NHÂN DÂN …``, ``BỘ TRƯỞNG BỘ NỘI VỤ``: who enacts, under the title.

    In capitals, short, opening with a position or a body's name, and not
    the wrapped end of a title line cut after ``của`` or ``và``.
    """
    if not _mostly_upper(line.text) or len(line.text.split()) > AUTHORITY_WORDS:
        return False
    if previous is not None and dangles(previous):
        return False
    if previous is not None and previous.folded.rstrip().endswith("thu tuong") and line.folded.startswith("chinh phu"):
        return False  # "… CỦA THỦ TƯỚNG" / "CHÍNH PHỦ PHÊ DUYỆT …": the Prime Minister's title wrapped, no authority
    specks = _SPECKS.match(line.text)
    folded = line.folded[specks.end() if specks and line.text[specks.end() :][:2].isupper() else 0 :]
    if _TITLE_WORDS.search(folded) or folded.startswith(("ban hanh", "bo sung", "bo nhiem")):
        return False
    if _AUTHORITY.match(folded) or _AUTHORITY.match(folded.replace("hol", "hoi", 1)):
        return True
    first, _, rest = line.text.partition(" ")
    if len(first) <= 2 and first.isalpha() and first.islower() and rest[:2].isupper() and first not in _JOINING:
        # "kế CHỦ TỊCH …": the restorer made a word of OCR's speck "oe"
        return _AUTHORITY.match(line.folded[len(first) + 1 :].lstrip()) is not None
    return False


_JOINING = frozenset({"và", "về", "ở", "là", "do", "tại"})
"""Short words that join a line to the one before: ``và ỦY BAN …`` goes on a title, no speck before an authority."""


def names_authority(text: str) -> bool:
    """Whether words in capitals (a line's end a site glued on) name who enacts, as an authority line does."""
    folded = fold_key(text)
    return (
        _mostly_upper(text)
        and len(text.split()) <= AUTHORITY_WORDS
        and not _TITLE_WORDS.search(folded)
        and _AUTHORITY.match(folded) is not None
    )


_SPECK = re.compile(r"[\d\W_]{1,2}\s+")
"""A speck OCR read before the preamble (``2 Căn cứ Luật …``, folded)."""


def _preamble_after_speck(folded: str) -> bool:
    speck = _SPECK.match(folded)
    return speck is not None and _PREAMBLE_CUE.match(folded[speck.end() :]) is not None


_CITATION_LINE = re.compile(r"\bngay\s*\d{1,2}\s*(?:thang\s*\d{1,2}\s*nam\s*|[-/.]\s*\d{1,2}\s*[-/.]\s*)\d{4}\s*;\s*$")
"""A preamble's citation ending its line (``… ngày 19 tháng 6 năm 2015;``) though OCR spoilt its ``Căn cứ`` (folded)."""


def _enacting_follows(lines: tuple[Line, ...], index: int) -> bool:
    """After an authority line comes the preamble, the session line, ``QUYẾT ĐỊNH:``, or nothing."""
    for line in lines[index:]:
        if line.blank or not any(c.isalnum() for c in line.text):
            continue
        return (
            is_body_start(line)
            or _preamble_after_speck(line.folded)
            or bool(_SESSION.match(line.folded))
            or (_mostly_upper(line.text) and not _authority_after(lines, line))
            or (_opens_lower(line) and not _TITLE_WORDS.match(line.folded))  # a preamble a site cut short
            or (not _mostly_upper(line.text) and _CITATION_LINE.search(line.folded) is not None)
        )
    return True


def _authority_after(lines: tuple[Line, ...], line: Line) -> bool:
    """The authority line further down the run of capitals this line opens: the line before it was the title's
    (``… TỔ CHỨC PHI`` / ``CHÍNH PHỦ NƯỚC`` / ``NGOÀI TRÊN ĐỊA BÀN …`` / ``ỦY BAN NHÂN DÂN TỈNH``; ``… HÀNH CHÍNH NỘI``
    / ``BỘ GIỮA CÁC CƠ QUAN …`` / … / ``CHỦ TỊCH …``), though it opened like one."""
    if is_authority_line(line, None):
        return False
    previous = line
    for later in lines[line.number + 1 :]:
        if not any(c.isalnum() for c in later.text):
            continue
        if not _mostly_upper(later.text):
            return False
        if is_authority_line(later, previous) and _enacting_follows(lines, later.number + 1):
            return True
        previous = later
    return False


def _authority_lines(lines: tuple[Line, ...], start: int, title: list[Line]) -> tuple[list[Line], int]:
    """The authority line under the title and the session line under an HĐND's (``KHÓA IX, KỲ HỌP THỨ 6``)."""
    found: list[Line] = []
    index = start
    while index < len(lines) and len(found) < 3:
        line = lines[index]
        if line.blank or not any(c.isalnum() for c in line.text):
            index += 1
            continue
        previous = title[-1] if title and not found else None
        wrapped = (  # "CHỦ TỊCH ỦY BAN NHÂN" / "DÂN TỈNH BẠC LIÊU"
            found
            and len(found) == 1
            and _mostly_upper(line.text)
            and not is_body_start(line)
            and not motto_line(line.folded)
        )
        if (not found and is_authority_line(line, previous) and _enacting_follows(lines, index + 1)) or (
            found and (_SESSION.match(line.folded) or wrapped)
        ):
            found.append(line)
            index += 1
            continue
        break
    return (found, index) if found else ([], start)


PLACE_DATE_WORDS = 12
_PLACE_DATE_LINE = re.compile(r"^[^,]{2,40},\s*ngay\b")
"""``Bạc Liêu, ngày …``: a place-and-date line, wherever OCR's column order put it."""


# --- sections -----------------------------------------------------------------

MARKER_RANKS = {"roman": 10, "number": 20, "subnumber": 30, "letter": 40, "paragraph": 45, "dash": 50, "plus": 60}
"""Nesting of ND30's numbering: I. > 1. > 1.1. > a) > (paragraph) > - > +."""
_MARKERS = (
    ("subnumber", re.compile(r"^(\d{1,2}(?:\s?[.,]\s?\d{1,2})+)\s?[.,)]?\s+(?=\S)")),
    ("number", re.compile(r"^(\d{1,2})(?:\s?[.)/]\s*|,\s+(?=[A-ZĐÀ-Ỹ]))(?=\S)")),
    ("roman", re.compile(r"^([IVX][IVXl1]{0,4})(?P<dot>\s?[.)]\s*|\s+)(?=\S)")),
    ("letter", re.compile(r"^([a-zđ])\s?\)\s*(?=\S)")),
    ("dash", re.compile(r"^([-–—•])[-–—_~=.]*(?:\s*\+(?=\s))?\s*(?=\S)")),
    ("plus", re.compile(r"^(\+)\s*(?=\S)")),
)
HEADING_WORDS = 16
"""A numbered line this short, without a closing full stop, is a heading, not an item."""

TOPICS: dict[str, tuple[str, ...]] = {
    "purpose": ("muc dich",),
    "requirements": ("yeu cau",),
    "targets": ("doi tuong",),
    "content": ("noi dung",),
    "criteria": ("tieu chi", "tieu chuan"),
    "awards": ("hinh thuc", "khen thuong", "danh hieu", "giai thuong"),
    "dossier": ("ho so", "thu tuc", "quy trinh"),
    "timeline": ("thoi gian",),
    "implementation": ("to chuc thuc hien", "trach nhiem"),
    "funding": ("kinh phi",),
    "solutions": ("giai phap",),
}
"""The headings' vocabulary (MỤC ĐÍCH, YÊU CẦU; ĐỐI TƯỢNG; … TỔ CHỨC THỰC HIỆN), folded."""
_CLOSING = re.compile(r"^n\S{1,2}i\s?nh\S{1,3}n\s?:")
"""``Nơi nhận:`` (OCR-damaged too): the recipients and signature follow."""


@dataclass(eq=False)
class Block:
    """A numbered heading, an item (``a)``, ``-``, ``+``) or a paragraph, with what nests under it."""

    kind: str
    """``roman``, ``number``, ``subnumber``, ``letter``, ``paragraph``, ``dash`` or ``plus``."""
    marker: str
    lines: list[Line]
    content_start: int
    """Offset where the text after the marker starts."""
    children: list[Block] = field(default_factory=list)
    parent: Block | None = None

    @property
    def rank(self) -> int:
        return MARKER_RANKS[self.kind]

    @property
    def start(self) -> int:
        return self.content_start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def text(self) -> str:
        """The block's own text without its marker, lines joined with single spaces."""
        first = self.lines[0]
        parts = [first.text[self.content_start - first.start :]] + [line.text for line in self.lines[1:]]
        return " ".join(" ".join(parts).split())

    @property
    def heading(self) -> bool:
        if self.kind in {"paragraph", "dash", "plus"}:
            return False
        text = self.text
        return len(text.split()) <= HEADING_WORDS and not text.rstrip().endswith((".", ";"))

    @property
    def topics(self) -> frozenset[str]:
        return heading_topics(self.text) if self.heading else frozenset()

    def ancestors(self) -> list[Block]:
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def descendants(self) -> list[Block]:
        return list(walk(self.children))


def _outermost(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if not any(a in blocks for a in b.ancestors())]


def walk(blocks) -> list[Block]:
    """Every block under ``blocks``, depth first, in text order."""
    out = []
    for block in blocks:
        out.append(block)
        out.extend(walk(block.children))
    return out


_TOPIC_PATTERNS = {
    topic: re.compile(r"\b(?:" + "|".join(tolerant(t) for t in terms) + r")\b") for topic, terms in TOPICS.items()
}


def heading_topics(text: str) -> frozenset[str]:
    """What a heading is about (several for ``ĐỐI TƯỢNG, NỘI DUNG, THỜI GIAN``), OCR-tolerant (``MUC PICH``)."""
    key = squash(text)
    return frozenset(topic for topic, pattern in _TOPIC_PATTERNS.items() if pattern.search(key))


_START = re.compile(r"()")
"""The empty match at a line's start: the marker group of an item whose dash was trimmed off."""
_MARGIN_DASH = re.compile(r"[~_=]\s+$")
"""A margin ending in ``~ `` or ``_ ``: OCR's reading of a list dash the speck trimming took off."""


def _marker(line: Line) -> tuple[str, re.Match[str]] | None:
    found = _printed_marker(line)
    if found is None and _MARGIN_DASH.search(line.margin):
        start = _START.match(line.text)
        assert start is not None  # an empty pattern matches any text
        return "dash", start
    return found


def _printed_marker(line: Line) -> tuple[str, re.Match[str]] | None:
    for kind, pattern in _MARKERS:
        if (match := pattern.match(line.text)) is not None:
            if kind == "number" and line.text[match.end(1) : match.end(1) + 1] == "/":
                continue  # "15/10/2023 …" opens a date, not an item
            if kind == "roman" and not match.group("dot").strip() and not _mostly_upper(line.text[match.end() :]):
                continue  # OCR drops the dot of "III." only before a capitalised heading
            return kind, match
    return None


def _starts_paragraph(current: Block, line: Line, blank_before: bool) -> bool:
    """Whether an unmarked line opens a paragraph rather than continuing the block above.

    It does after a sentence's end, or after a short numbered line without
    final punctuation (a heading such as ``2. Thời gian tổ chức thi đua``).
    """
    opens = line.text[:1].isupper() or line.text[:1].isdigit() or line.text[:1] in '“"('
    if not opens:
        return False
    ending = current.lines[-1].text.rstrip()
    if ending.endswith((".", ":", "!", "?")) or (blank_before and ending.endswith(";")):
        return True
    heading_line = current.kind not in {"paragraph", "dash", "plus"} and len(current.lines) == 1
    return heading_line and len(current.text.split()) <= HEADING_LINE_WORDS


HEADING_LINE_WORDS = 12
WRAPPED_LINE = 60
"""A line this long that stops mid-phrase was wrapped: the next line goes on with it."""


def _wrapped_dash(current: Block, kind: str) -> bool:
    """A dash opening a line right after a long line cut mid-phrase (no closing punctuation, not a heading)."""
    return kind == "dash" and _continues(current.lines[-1]) and not (current.heading and len(current.lines) == 1)


def _continues(previous: Line) -> bool:
    """The line was wrapped mid-phrase: long, ending in a letter or digit."""
    return len(previous.text) >= WRAPPED_LINE and previous.text[-1:].isalnum()


_PAGE_NUMBER = re.compile(r"^\d{1,3}$")


def build_blocks(lines: tuple[Line, ...]) -> list[Block]:
    """The body's lines as a tree of blocks, nested by their markers' ranks."""
    roots: list[Block] = []
    stack: list[Block] = []
    current: Block | None = None  # the block the last line went to: its last line is the line before this one
    blank = False
    for line in lines:
        if line.blank or _PAGE_NUMBER.match(line.text):
            blank = True
            continue
        if not any(c.isalpha() for c in line.text) and sum(c.isdigit() for c in line.text) < 2:
            continue  # a scan's specks read as "-", "1...", ": : :" — no word, no item ("10/2023)." is text)
        found = _marker(line)
        if found is not None and current is not None and not blank and _wrapped_dash(current, found[0]):
            found = None  # "… Văn phòng / - Thống kê": a name's dash at a line break, not an item
        if found is not None:
            kind, match = found
            block = Block(kind, match.group(1), [line], line.start + match.end())
        elif current is None or _starts_paragraph(current, line, blank):
            block = Block("paragraph", "", [line], line.start)
        else:
            current.lines.append(line)
            blank = False
            continue
        while stack and (stack[-1].rank >= block.rank or (stack[-1].kind == "paragraph" and block.kind == "paragraph")):
            stack.pop()
        if stack and not stack[-1].heading and stack[-1].kind == "paragraph" and block.rank <= 45:
            stack.pop()
        block.parent = stack[-1] if stack else None
        (block.parent.children if block.parent else roots).append(block)
        stack.append(block)
        current, blank = block, False
    return roots


def split_closing(body: tuple[Line, ...]) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    """The body before ``Nơi nhận:`` and the closing from it on."""
    for i, line in enumerate(body):
        if _CLOSING.match(line.folded):
            return body[:i], body[i:]
    return body, ()


@extractor("structure", assigns=["analysis.lines", "analysis.layout"])
def extract_structure(ex: Extraction) -> None:
    """Cut the document into its parts for the other extractors."""
    lines = split_lines(ex.text, ex.folded)
    ex.analyses["lines"] = lines
    layout = find_layout(lines)
    body, closing = split_closing(layout.body)
    ex.analyses["layout"] = replace(layout, body=body, closing=closing, blocks=tuple(build_blocks(body)))
