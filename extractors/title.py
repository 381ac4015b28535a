"""The trích yếu (title): what the document is about, whole, in sentence case.

It is everything between the type line and the body's first line
(:func:`extractors.structure.find_layout` finds where that is), or a công
văn's ``V/v …`` under its number. Titles printed in capitals become sentence
case for the record, as ND30 (Phụ lục I) writes them in running text: the
first letter, proper names and the names of specific documents capitalised,
abbreviations and codes kept. Which words are proper names is learnt from
the document itself — the words its body capitalises inside a sentence — and
from the gazetteer, not from a list of one document's words.
``title_as_printed`` keeps the title as printed.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from khplan.extractors.gazetteer import KINDS_BY_LENGTH, units
from khplan.extractors.header import HEADLINE_NUMBER, HeaderReading, Piece
from khplan.extractors.matching import fold_key, strip_quotes
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.run_together import split_run_together, split_syllables
from khplan.extractors.structure import AUTHORITY_WORDS, NEXT_ONES, POSITION_CLAUSE, Layout, Line, names_authority
from khplan.extractors.terms import DOC_TYPES, NO_TYPE_LINE

_EDGES = " -_.:;ˆ'`~*"
"""A trích yếu has no final stop; these at its ends are specks or a site's punctuation."""
_ARCHIVE_HEADING = re.compile(
    r"^(?:(?:"
    + "|".join(name.replace(" ", r"\s+") for name in sorted({*DOC_TYPES, NO_TYPE_LINE}, key=len, reverse=True))
    + r")\s+)?"
    r"(?:c(?:ủa|uả|ua)\s*.+?\s+)?s[oố]\s*:?\s+\S+(?:\s+\S+){0,2}?\s+ng[aà]\s?y\s*:?\s*"
    r"(?:\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}|\d{1,2}\s+th[aá]ng\s+\d{1,2}\s*n[aă]m\s+\d{4})(?:\s+|(?=[^\W\d_]))",
    re.IGNORECASE,
)
"""``CỦA HỘI ĐỒNG CHÍNH PHỦ SỐ 246-CP NGÀY 10-6-1981 …`` (``CỦAHỘI …``, ``… NĂM 1998VỀ …`` where a site lost the
space, ``CUẢ`` in the old tone placement, the type line's name before it; ``NGÀ Y`` a site's stray space), ``SỐ
106/1999/QĐ-TTG NGÀY 22 THÁNG 04 NĂM 1999 …``: an archive's heading before the trích yếu itself."""


_ISSUER_BEFORE_SUBJECT = re.compile(
    r"^c[uủ]a\s+(?:[^\s]+\s+){1,10}?(?=v\s*/\s*v\b|về\s+việc\b)"
    r"|^c[uủ]a\s+(?:\S+\s+){1,8}?số\s+(?:\S+\s+){1,3}?ngày\s+\d+\s+tháng\s+\d+\s+năm\s+\d{4}\s+(?=về\b)"
    r"|^c[uủ]a\s+(?:ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd)\s+(?:\S+\s+){1,10}?(?=[\"“]?về\s)"
    r"|^c[uủ]a\s+(?:ủy ban thường vụ quốc hội|"
    r"chính phủ|thủ tướng chính phủ|hội đồng bộ trưởng|hội đồng chính phủ)\s+"
    r"|^c[uủ]a\s+(?:ban\s+thường\s+vụ|ban\s+chấp\s+hành|bộ\s+chính\s+trị|ban\s+bí\s+thư)(?:\s+\S+){0,6}?\s+(?=về\s)",
    re.IGNORECASE,
)
"""``CỦA ỦY BAN NHÂN DÂN THÀNH PHỐ V/V …``: who issued it, before the trích yếu, in an archive's copy; a party
resolution's ``CỦA BAN THƯỜNG VỤ TỈNH ỦY`` / ``về …`` (Hướng dẫn 36-HD/VPTW: part of the type line)."""


def title_lines_text(lines: tuple[Line, ...]) -> str:
    """The title's lines joined: a range cut after its dash (``2021 -`` / ``2025``) keeps it."""
    parts = [line.text.strip(_EDGES) for line in lines]
    for i, line in enumerate(lines[:-1]):
        if line.text.rstrip().endswith(("-", "–")) and parts[i + 1][:1].isdigit():
            parts[i] += " -"
        elif line.text.rstrip().endswith(";") and parts[i]:
            parts[i] += ";"  # a trích yếu in two parts: "… 9 tháng đầu năm;" / "phương hướng …"
        elif line.text.rstrip().endswith(".") and parts[i] and parts[i + 1][:1].isupper():
            parts[i] += "."  # two sentences: "… năm 2017." / "Nhiệm vụ, mục tiêu …"
    return " ".join(p for p in parts if p)


def read_title(layout: Layout, reading: HeaderReading) -> Piece | None:
    """The trích yếu as printed: the title lines, else the header's ``V/v``; outer quotes and final stop dropped."""
    if reading.subject is not None and layout.type_line is None:
        text, start, end = reading.subject.text, reading.subject.start, reading.subject.end
    elif layout.title:
        text = title_lines_text(layout.title)
        start, end = layout.title[0].start, layout.title[-1].end
        if reading.type_in_title and layout.type_line is not None:  # "HƯỚNG DẪN VIỆC …" of a Thông tư
            text = f"{layout.type_line.text[: start - layout.type_line.start].strip()} {text}"
            start = layout.type_line.start
    else:
        return None
    text = strip_quotes(" ".join(text.split()).strip(_EDGES))
    if (heading := _ARCHIVE_HEADING.match(text)) is not None:
        text = _without_issuer_named(text[heading.end() :], reading)  # "SỐ 15-BTC/TT NGÀY … CỦA BỘ TÀI CHÍNH QUY …"
    elif (numbered := HEADLINE_NUMBER.match(fold_key(text))) is not None:
        text = text[numbered.end() :]  # "Số 04/KH-UBND Về kế hoạch tổ chức …": a post's headline names the number
    text = strip_quotes(_ISSUER_BEFORE_SUBJECT.sub("", text))  # a council's subject in quotes after its session
    text = _without_glued_authority(_without_authority(text, reading))
    text = _without_position_clause(text)
    text = _without_type_repeated(text, layout)
    if (greeting := _GREETING.search(fold_key(text))) is not None:
        text = text[: greeting.start()].rstrip(" ,.;:-")  # "V/v … năm 2015 Kính gửi: Sở …": OCR ran the columns on
    if len(text) > FLATTENED_TITLE and (body := _INLINE_BODY.search(text)) is not None:
        text = text[: body.start()].rstrip(" ,.;:-")  # a page that ran the whole document into one line
    if _NUMBER_AND_DATE_ONLY.fullmatch(text):
        return None  # "CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 296/CP-V1 NGÀY 20 THÁNG 3 NĂM 1998" / "Kính gửi: …": no subject
    return Piece(start, end, text, "") if text else None


def _issuer_words(reading: HeaderReading) -> str:
    """The header's issuer lines as one run of folded words."""
    return " ".join(" ".join(p.folded for p in reading.issuer_lines).split())


def _without_issuer_named(text: str, reading: HeaderReading) -> str:
    """An archive heading's ``CỦA <the header's issuer>`` after its number and date, before the subject."""
    issuer = _issuer_words(reading)
    if issuer and fold_key(text).startswith(f"cua {issuer} "):
        return text[len(issuer) + 4 :].lstrip()
    return text


_GREETING = re.compile(r"\s+kinh\s*g[uo]i\s*:")
"""``Kính gửi:`` (``Kính gởi:``) inside a trích yếu: the letter's addressees, run onto its subject's line (folded)."""


_NUMBER_AND_DATE_ONLY = re.compile(
    r"s[oố]\s*:?\s*\S+\s+ng[aà]y\s+\d{1,2}(?:\s+th[aá]ng\s+\d{1,2}\s+n[aă]m\s+|\s*[-/.]\s*\d{1,2}\s*[-/.]\s*)\d{4}\W*",
    re.IGNORECASE,
)
"""An archive's heading with the number and date only, the subject not printed: no trích yếu."""


def _without_type_repeated(text: str, layout: Layout) -> str:
    """The trích yếu without the type name a site printed again at its head (``THÔNG TƯ`` / ``THÔNG TƯ QUY ĐỊNH …``)."""
    if layout.type_line is None or layout.doc_type is None or not layout.title:
        return text
    if layout.title[0].number == layout.type_line.number:
        return text  # the type line's own rest: "QUYẾT ĐỊNH VỀ VIỆC …" printed on one line
    name, words = fold_key(layout.doc_type).split(), text.split()
    head, rest = words[: len(name)], words[len(name) :]
    if (
        [fold_key(word) for word in head] == name
        and len(rest) > 2
        and " ".join(words).isupper()  # the heading printed again, in capitals
        and fold_key(rest[0]) != "hoa"  # "KẾ HOẠCH HÓA GIA ĐÌNH …": a subject's own words
    ):
        return " ".join(rest)
    return text


def _without_position_clause(text: str) -> str:
    """The subject after ``CỦA TỔNG CỤC TRƯỞNG TỔNG CỤC …`` in capitals: from its first word in sentence case."""
    if not POSITION_CLAUSE.match(fold_key(text)):
        return text
    for word in re.finditer(r"\S+", text):
        letters = [c for c in word.group(0) if c.isalpha()]
        if len(letters) > 1 and letters[0].isupper() and any(c.islower() for c in letters[1:]):
            return text[word.start() :] if word.start() else text
    if (verb := _ENACTING_VERB.search(text)) is not None:
        return text[verb.start() :]  # all in capitals: "… VIỆN KSND TỐI CAO BAN HÀNH "QUY CHẾ …""
    return text


_ENACTING_VERB = re.compile(r"\s(?=(?:ban\s+hành|phê\s+duyệt)\s)", re.IGNORECASE)


FLATTENED_TITLE = 200
"""A trích yếu longer than this may have run on into the body, where a site printed the document as one line."""
_INLINE_BODY = re.compile(r"\s(?:[IVX]{1,4}\.\s+(?=[^\W\d_])|(?:Căn cứ|CĂN CỨ)\s)")
"""Where the body begins inside such a line: a Roman-numbered part (``I. Kết quả …``) or the preamble."""


_POSITION = re.compile(
    r"(?:ph[oó]\s+)?(?:ch[uủ]\s+t[iị]ch|b[oộ]\s+tr[uư][oở]ng|gi[aá]m\s+[dđ][oố]c|th[uư][oờ]ng\s+tr[uự]c)\s+$"
)


def _without_authority(text: str, reading: HeaderReading) -> str:
    """The title without the authority line run onto its end (``… CHỦ TỊCH ỦY BAN QUỐC GIA VỀ CHUYỂN ĐỔI SỐ``).

    It is recognised as the header's own issuer, with or without a position before it.
    """
    issuer = _issuer_words(reading)
    folded = fold_key(text)
    if len(issuer) < AUTHORITY_MIN or not folded.endswith(issuer) or len(folded) <= len(issuer):
        return text
    cut = len(text) - len(issuer)
    if _dangles(folded[:cut]) or folded[:cut].rstrip().endswith(","):
        # "… THẨM QUYỀN GIẢI QUYẾT CỦA" / "ỦY BAN NHÂN DÂN TỈNH …", "… CỦA HỘI ĐỒNG NHÂN DÂN," / "ỦY BAN NHÂN DÂN
        # TỈNH HẢI DƯƠNG": the title's own words, the issuer named in a list
        return text
    if (position := _POSITION.search(folded[:cut])) is not None:
        if _dangles(folded[: position.start()]):
            return text  # "… THUỘC THẨM QUYỀN QUYẾT ĐỊNH CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …": the title's own words
        cut = position.start()
    return text[:cut].rstrip(" ,.;:-")


def _without_glued_authority(text: str) -> str:
    """The title without the authority line a site ran onto its last word (``… THUỘC TỈNH SÔNG BÉHỘI ĐỒNG BỘ TRƯỞNG``).

    Read apart, the glued word's first syllables end the title and the capitals after them name who enacts; a word
    glued inside the title (``HUYỆNĐẮK NÔNG``), or after ``CỦA`` (``CUABỘ TƯ PHÁP``, the title's own), is left to the
    title's own repair.
    """
    for match in list(re.finditer(r"\S+", text))[-AUTHORITY_WORDS:]:
        if not _in_capitals(match.group()) or (pieces := split_syllables(match.group())) is None:
            continue
        for count in range(1, len(pieces)):
            cut = match.start() + len("".join(pieces[:count]))
            if names_authority(text[cut:]) and not _dangles(fold_key(text[:cut])):  # "… NĂM 2023 CUABỘ TƯ PHÁP"
                return text[:cut].rstrip(" ,.;:-")
    return text


AUTHORITY_MIN = 8
_DANGLING = re.compile(r"\b(?:cua|va|thuoc|ve|cho|tai|voi|tren|theo|den|la|giua|sang)\s*$")
"""Words a title's own body's name follows (``THỐNG NHẤT GỌI BỘ THƯƠNG NGHIỆP LÀ`` / ``BỘ NỘI THƯƠNG``)."""


def _dangles(folded: str) -> bool:
    """A title cut where its next words go on; ``… NHỮNG NĂM TIẾP THEO`` ("the following ones") is complete."""
    return _DANGLING.search(folded) is not None and NEXT_ONES.search(folded) is None


# --- sentence case ------------------------------------------------------------

ALWAYS_CAPITALISED = (
    "Việt Nam",
    "Hồ Chí Minh",
    "Đảng",
    "Nhà nước",
    "Chính phủ",
    "Quốc hội",
    "Thủ tướng",
    "Trung ương",
    "Tổ quốc",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Chấp hành",
    "Mặt trận Tổ quốc",
    "Ủy ban nhân dân",
    "Hội đồng nhân dân",
)
"""Names ND30 (Phụ lục I) capitalises wherever they stand (lower-case words of a name stay lower-case)."""
DOCUMENT_KINDS = (
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Thông tư",
    "Kế hoạch",
    "Chương trình",
    "Kết luận",
    "Công văn",
    "Hướng dẫn",
    "Luật",
)
"""Kinds of document, capitalised when they name one: ``Quyết định số 1133/QĐ-TTg``."""
_ROMAN = re.compile(r"^[IVXL]+$")
_ROMAN_AFTER = {"khóa", "khoá", "thứ", "lần", "hội", "quý", "(khóa", "(khoá"}
SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]+"
    r"(?:ch|ng|nh|[cmnpt])?$"
)
"""A Vietnamese syllable's shape (onset, vowels, coda): a capitalised word that is not one is an abbreviation."""


def sentence_case(title: str, body: str = "") -> str:
    """A title printed in capitals as running text writes it; words printed in small letters keep their case.

    >>> sentence_case("THỰC HIỆN ĐỀ ÁN TĂNG CƯỜNG CÔNG TÁC PHỔ BIẾN TRÊN ĐỊA BÀN TỈNH THÁI BÌNH")
    'Thực hiện đề án tăng cường công tác phổ biến trên địa bàn tỉnh Thái Bình'
    """
    printed = title.split()
    shouted = [_in_capitals(w) for w in printed]
    if sum(shouted) < min(3, len(printed)):
        return title[:1].upper() + title[1:]
    words = [w.lower() for w in printed]
    keys = [_key(w) for w in words]
    pairs, singles = _capitalised_in(body)
    capital = [False] * len(words)
    for i in range(1, len(words)):
        pair = (keys[i - 1], keys[i])
        capital[i] = pairs.get(pair, 0) > 0 or (pair not in pairs and singles.get(keys[i], 0) >= 2)
    for start, capitals in _phrases(words):
        for j, cap in enumerate(capitals, start):
            written_small = j > 0 and pairs.get((keys[j - 1], keys[j]), 0) < 0  # the body says "xã hội"
            capital[j] = capital[j] or (cap and not written_small)
    out = []
    for i, word in enumerate(printed):
        if not shouted[i] or _kept_as_printed(word, words[i - 1] if i else ""):
            out.append(word)
        elif i == 0 or capital[i]:
            out.append(_capitalise(words[i]))
        else:
            out.append(words[i])
    return _capitalise(" ".join(out))


_VOWEL_GROUPS = re.compile(r"[aăâeêioôơuưy]+")


def glued_words(title: str) -> list[str]:
    """Words left in capitals that hold two syllables' vowels (``PHEDUYET``, ``VEVIEC``, ``NAM2020``): no abbreviation
    (``UBND``, ``HIV``, ``TNCS`` hold one at most), but words a site or OCR ran together, that sentence case could not
    read."""
    found = []
    for word in title.split():
        for core in re.split(r"[/&-]", word.strip("“”\"'(),.;:")):
            if len(core) < 4 or not _in_capitals(core):
                continue
            bare = fold_key(core)
            if len(_VOWEL_GROUPS.findall(bare)) >= 2 or re.search(r"[a-z]{2}\d|\d[a-z]{2}", bare):
                found.append(core)
    return found


def _in_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _key(word: str) -> str:
    return word.strip("“”\"'(),.;:").lower().replace("–", "-").replace("—", "-")


def _capitalise(word: str) -> str:
    for i, c in enumerate(word):
        if c.isalpha():
            return word[:i] + c.upper() + word[i + 1 :]
    return word


def _kept_as_printed(word: str, previous: str) -> bool:
    """Codes, numbers, Roman numerals after ``khóa``/``lần thứ``, abbreviations (UBND, HIV, TNCS)."""
    core = word.strip("“”\"'(),.;:")
    if not core or any(c.isdigit() for c in core) or "/" in core:
        return True
    if _ROMAN.match(core):
        return previous.lower().strip("(") in _ROMAN_AFTER or len(core) > 2
    if "-" in core:
        return all(not part or not SYLLABLE.match(part.lower()) for part in core.split("-"))
    return core.isupper() and len(core) > 1 and not SYLLABLE.match(core.lower())


@cache
def _fixed_phrases() -> tuple[tuple[tuple[str, ...], tuple[bool, ...]], ...]:
    """Names always capitalised, as word tuples with which words take the capital."""
    phrases = {(tuple(p.lower().split()), tuple(w[:1].isupper() for w in p.split())) for p in ALWAYS_CAPITALISED}
    return tuple(sorted(phrases, key=lambda p: len(p[0]), reverse=True))


@cache
def _unit_names() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(u.name.lower().split()) for u in units() if not u.name.isdigit())


UNIT_NAME_WORDS = 6
"""A unit's name runs to this many words (``Bà Rịa - Vũng Tàu``)."""
_KINDS = sorted((tuple(k.split()) for k in KINDS_BY_LENGTH), key=len, reverse=True)
_DOCUMENT_KINDS = sorted((tuple(k.lower().split()) for k in DOCUMENT_KINDS), key=len, reverse=True)


def _phrases(words: list[str]) -> list[tuple[int, tuple[bool, ...]]]:
    """Names to capitalise: (first word, which of its words take a capital).

    Fixed names (``Thủ tướng Chính phủ``), a unit's name after its kind
    (``tỉnh Thái Bình``, ``Bà Rịa - Vũng Tàu``), a cited document's kind
    before ``số`` (``Quyết định số …``).
    """
    keys = [_key(w) for w in words]
    found: list[tuple[int, tuple[bool, ...]]] = []
    for i in range(len(keys)):
        for phrase, capitals in _fixed_phrases():
            if tuple(keys[i : i + len(phrase)]) == phrase:
                found.append((i, capitals))
                break
        for kind in _KINDS:
            if tuple(keys[i : i + len(kind)]) == kind:
                j = i + len(kind)
                for length in range(min(UNIT_NAME_WORDS, len(keys) - j), 0, -1):
                    if tuple(keys[j : j + length]) in _unit_names():
                        found.append((j, tuple(k not in {"-", "–", "và"} for k in keys[j : j + length])))
                        break
                break
        for kind in _DOCUMENT_KINDS:
            if tuple(keys[i : i + len(kind)]) == kind and keys[i + len(kind) : i + len(kind) + 1] == ["số"]:
                found.append((i, (True,)))
                break
    return found


def _capitalised_in(body: str) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """How the body writes each word inside a sentence: by the word before it, and alone (capitals less small).

    ``thực hiện Đề án`` counts (``hiện``, ``đề``) as capitalised: the same
    two words in a title in capitals get the capital back. Words opening a
    line or following a stop are left out: their capital says nothing.
    """
    counts: Counter[tuple[str, str]] = Counter()
    singles: Counter[str] = Counter()
    for line in body.split("\n"):
        words = line.split()
        for i in range(1, len(words)):
            previous, word = words[i - 1], words[i]
            if previous.endswith((".", ":", ";", "!", "?")) or not word[:1].isalpha():
                continue
            if word.isupper() and len(word) > 1:
                continue  # a word in capitals is a heading's or an abbreviation
            sign = 1 if word[:1].isupper() else -1
            counts[(_key(previous), _key(word))] += sign
            singles[_key(word)] += sign
    return counts, singles


_MISREAD_SUBJECT = re.compile(r"^(?:V[il1|]v|Vv|VW|W/v|V/y|V/V)(?=[\s:.])")
"""``V/v`` as legacy OCR reads it (``Viv:``, ``VW:``), or in a title printed in capitals (``V/V BAN HÀNH …``): the
record writes ``V/v``, as ND30 prints it; the title as printed keeps what was printed or read."""


@extractor(
    "title", requires=["analysis.layout", "analysis.header"], assigns=["record.title", "record.title_as_printed"]
)
def extract_title(ex: Extraction) -> None:
    """The trích yếu in sentence case, and as printed."""
    layout: Layout = ex.analyses["layout"]
    title = read_title(layout, ex.analyses["header"])
    if title is None:
        ex.warn("field_not_found", "title", "no title found under the type line")
        return
    body = "\n".join(line.text for line in layout.body[:200])
    repaired, guessed = split_run_together(title.text, glued_words(title.text))
    ex.record.title = _MISREAD_SUBJECT.sub("V/v", sentence_case(repaired, body))
    ex.record.title_as_printed = title.text
    if glued := glued_words(ex.record.title):
        ex.warn("unreadable_title_words", "title", f"words run together or misread: {', '.join(glued)}")
    elif guessed:
        ex.warn("unreadable_title_words", "title", f"words run together, split and restored: {', '.join(guessed)}")
    ex.cite("title", title.start, title.end)
    ex.found("title", title_source(layout, ex.analyses["header"]))


def title_source(layout: Layout, reading: HeaderReading) -> str:
    """How the title was found: the header's ``V/v`` line, the lines under a type line, or lines where none is."""
    if reading.subject is not None and layout.type_line is None:
        return "V/v line"
    return "title lines" if layout.type_line is not None else "lines under the header"
