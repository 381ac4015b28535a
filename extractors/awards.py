"""Award rules: which form (Luật Thi đua, khen thưởng 2022, Điều 9, 19, 20), who confers it, to whom, how many, when.

A rule is a block of the award or standards sections that names a form
(``Tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện đối với …``). Its
subject comes from its lead-in or headings (``1. Khen thưởng tập thể``,
``Đối với cá nhân:``); its cadence from ``hàng năm`` or ``tổng kết`` around
it (a one-year campaign awards at its summing-up); its quota from a count
before the form (``Tặng 06 Giấy khen``) or counted subjects after it
(``cho 01 tập thể và 02 cá nhân``, ``cho không quá 03 tập thể``, ``02 hộ
gia đình``), one entry per subject counted; a top-N rule from ``xếp hạng 03
vị trí cao nhất``, ``tốp 05``, or in words (``xếp thứ nhất``, ``từ thứ nhất đến thứ
ba``). Who confers it: ``<form> của <X>``, ``<X> (xét) tặng <form>``, ``<form>
do <X> và <Y> tặng``; a danh hiệu with no subject named is for whom the law
gives it to (Điều 19, 20). A share reserved for a group may be written
``<group>: 02 Giấy khen``. A form named as something already received (``được
tặng Giấy khen``, ``được Chủ tịch … tặng Giấy khen``) is a standard, not a
rule. A bare listing of forms (``1. Hình thức khen thưởng: - Giấy
khen.``) is not a rule when a fuller one follows. One rule that several
conferrers apply, or that splits by subject, gives one entry each.
"""

from __future__ import annotations

import re

from khplan.extractors.matching import fold_key, tolerant
from khplan.extractors.nlp import canonical, entities
from khplan.extractors.registry import Extraction, extractor
from khplan.extractors.structure import Block, Layout
from khplan.extractors.subjects import context_subject, heading_subject, text_subject
from khplan.extractors.terms import ORDINALS, TITLE_SUBJECTS, expand_abbreviations
from khplan.schemas import Award

NOT_AWARDS = {"dossier", "timeline", "funding", "implementation", "content"}
_ANNUAL = re.compile(rf"\b{tolerant('hang nam')}\b")
_FINAL = re.compile(rf"\b{tolerant('tong ket')}\b")
_RANK = re.compile(
    r"\bxep\s+hang\s+(\d{1,2})\s+(?:vi\s+tri|don\s+vi|dia\s+phuong)?\s*(?:cao\s+nhat|dan\s+dau|dau)|\btop\s+(\d{1,2})\b"
)
_ORDINAL = "|".join(ORDINALS)
_THU = rf"{tolerant('thu')}[?'’`]?"
"""``thứ`` as legacy OCR leaves it even after restoration: its vowel any, its hook read as a mark
(``thi?``, ``thể?``)."""
_RANK_WORDS = re.compile(
    rf"\b{_THU}\s+{tolerant('nhat')}\s+(?:{tolerant('den')}|toi)\s+{_THU}\s+(?P<upto>{_ORDINAL}|\d{{1,2}})\b"
    rf"|\bxep\s+(?:hang\s+)?{_THU}\s+(?P<only>nhat|1)\b"
)
"""``xếp từ thứ nhất đến thứ ba`` (top 3), ``xếp thứ nhất`` (top 1)."""
_GRANTED_BY = re.compile(r"\s+do\s+")
"""``Giấy khen do <X> tặng``: the conferrer after the form."""
_COUNTED = re.compile(
    r"(?:\b(?:cho|doi voi|tang|va|tu)\s+|[:,]\s*|\b(?=(?:khong qua|toi da)\s))(?:(?:khong qua|toi da|it "
    r"nhat)\s+)?(?P<n>\d{1,3})\s+"
    r"(?P<who>tap\s+the|c\S{1,2}\s+\W?nh\S{1,3}|ho\s+gia\s+dinh)(?!\w)"
)
"""A count of the subjects rewarded: ``cho 01 tập thể``, ``và 02 cá nhân``, ``: tối đa 04 tập thể``, folded; OCR may
drop the word before a cap (``gho không quá 05``) and mark or speck ``cá nhân`` (``cá 'nhậi``)."""
COUNTED_SUBJECTS = {"t": "collective", "c": "individual", "h": "household"}
"""By the first letter of the counted word: tập thể, cá nhân, hộ gia đình."""
_RECEIVED = re.compile(r"\bduoc\b(?:\s+\S+){0,10}?\s*$")
"""``được tặng``, ``được Chủ tịch Ủy ban nhân dân huyện tặng`` just before a form: already received."""
_GROUP = re.compile(r"\b(?:doi\s+voi|cho)\s+(?!(?:khong qua|toi da|it nhat)?\s*\d)")
_GROUP_END = re.compile(
    r"\s(?:có|đạt|tiêu\s+biểu|trong(?!\s+(?:các|những|cơ\s+quan|đơn\s+vị|doanh\s+nghiệp))|được|xếp\s+hạng|thuộc\s+diện|đã|"
    r"hoàn\s+thành|góp\s+phần)\s|[;.:(]|\s-\s|$"
)
"""Where a group's name ends; matched on the lower-cased text itself, since folding makes ``có`` and ``cơ`` one word.
``trong`` ends it before a time or field (``trong giai đoạn``, ``trong công tác``), not before a place
(``người lao động trong các doanh nghiệp``)."""
_SUBJECTS_ONLY = re.compile(
    r"^(?:(?:các|những)\s+)?(?:tập\s+thể|cá\s+nhân|hộ\s+gia\s+đình)(?:\s*(?:,|và|hoặc)\s*(?:tập\s+thể|cá\s+nhân|hộ\s+gia\s+đình))*$"
)
"""``các tập thể, cá nhân``: who is rewarded in general, not a group a share is reserved for."""
_OF = re.compile(r"\s*c\S{1,2}a\s+")
_CONFERRER_END = re.compile(
    r"\s(?:doi voi|cho|ve|xet|tang|giao(?=\s+(?:cho\s+)?(?:chu tich|thu truong|giam doc))|xem xet|quyet "
    r"dinh)\s|[;.:,(]|$"
)
_DECIDES = re.compile(r"\b(?:xem xet|quyet dinh|tang|xet tang)\b")
GROUP_WORDS = 24
"""A reserved group's name is shorter than this; longer text after ``đối với`` is a standard."""
BARE_WORDS = 12
"""A form named in this few words, with no group or count, is a listing, not a rule."""


def award_blocks(layout: Layout) -> list[Block]:
    """Blocks of the award and standards sections, without hồ sơ, thời gian, kinh phí sub-sections."""
    out: list[Block] = []
    for topic in ("awards", "criteria"):
        for section in layout.sections(topic):
            if section.topics & NOT_AWARDS:
                continue
            for block in [section, *section.descendants()]:
                between = block.ancestors()
                between = between[: between.index(section)] if section in between else between
                if block not in out and not any(a.topics & NOT_AWARDS for a in between):
                    out.append(block)
    return sorted(out, key=lambda b: b.start)


def _forms(ex: Extraction, block: Block) -> list:
    return entities(ex, "AWARD_FORM", block.start, block.end)


def _cadence(folded_texts: list[str], single_year: bool) -> str | None:
    for text in folded_texts:
        if _ANNUAL.search(text):
            return "annual"
        if _FINAL.search(text):
            return "final"
    return "final" if single_year else None


def _conferrers(ex: Extraction, block: Block, form_start: int) -> list[str]:
    """Who grants it: ``<form> do <X> và <Y> tặng``, ``<form> của <X>``, or the positions before the verb
    (``Thủ trưởng …; Chủ tịch … xem xét, quyết định tặng``, ``Đề nghị Chủ tịch … tặng <form>``)."""
    folded, text = ex.folded, ex.text
    form_end = next((e.end_char for e in _forms(ex, block) if e.start_char == form_start), form_start)
    if (m := _GRANTED_BY.match(folded, form_end)) is not None and (
        named := _positions_up_to_verb(ex, m.end(), block.end)[0]
    ):
        return named
    if (m := _OF.match(folded, form_end)) is not None:
        end_m = _CONFERRER_END.search(folded, m.end(), block.end)
        end = end_m.start() if end_m else block.end
        return [expand_abbreviations(text[m.end() : end].strip())]
    named, decides = _positions_up_to_verb(ex, block.start, block.end)
    if len(named) >= 2:
        return named
    if len(named) == 1 and decides and decides.start() < form_start and form_start - decides.end() <= VERB_TO_FORM:
        return named  # "Đề nghị Chủ tịch … tặng Bằng khen"
    return []


def _positions_up_to_verb(ex: Extraction, start: int, end: int) -> tuple[list[str], re.Match[str] | None]:
    """The positions named from ``start`` to the granting verb, each up to the next (``Thủ trưởng …; Chủ tịch …``),
    and the verb."""
    decides = _DECIDES.search(ex.folded, start, end)
    limit = decides.start() if decides else end
    starts = [_capital_start(ex.text, p.start_char, p.end_char) for p in entities(ex, "POSITION", start, limit)]
    spans = [(a, starts[i + 1] if i + 1 < len(starts) else limit) for i, a in enumerate(starts)]
    return [expand_abbreviations(re.sub(r"\s+và$", "", ex.text[a:b].strip(" ;,."))) for a, b in spans], decides


VERB_TO_FORM = 15
"""``tặng Bằng khen``, ``tặng danh hiệu “…”``: the granting verb sits right before the form it grants."""


def _capital_start(text: str, start: int, end: int) -> int:
    """Where a position really starts: folding reads ``thành phố Chủ tịch`` as ``Phó Chủ tịch``."""
    if text[start].isupper():
        return start
    return next((i for i in range(start, end) if text[i].isupper()), start)


def _group(ex: Extraction, block: Block, start: int) -> tuple[str | None, str | None]:
    """The group a share is reserved for (``đối với <group> có …``) and the condition after it."""
    m = _GROUP.search(ex.folded, start, block.end)
    if m is None:
        return _labelled_group(ex, block, start), None
    end_m = _GROUP_END.search(ex.text.lower(), m.end(), block.end)
    end = end_m.start() if end_m else block.end
    group = ex.text[m.end() : end].strip(" ,;")
    condition = ex.text[end : block.end].strip(" ,;.:") if end_m and ex.text[end : end + 1].isspace() else None
    if not group or len(group.split()) > GROUP_WORDS or _SUBJECTS_ONLY.match(group.lower()):
        return None, condition
    return group[:1].upper() + group[1:], condition or None


_COUNT_AFTER_LABEL = re.compile(r":\s*\d{1,3}\s+\S")


def _labelled_group(ex: Extraction, block: Block, form_start: int) -> str | None:
    """``+ Các phòng, ban: 02 Giấy khen``: the group a share is reserved for, as the line's label."""
    colon = ex.text.find(":", block.start, form_start)
    if colon == -1 or not _COUNT_AFTER_LABEL.match(ex.folded, colon):
        return None
    label = " ".join(ex.text[block.start : colon].split()).strip(" ,;")
    if not label or len(label.split()) > GROUP_WORDS or _SUBJECTS_ONLY.match(label.lower()):
        return None
    return label[:1].upper() + label[1:]


def _quota(ex: Extraction, form_start: int, block: Block) -> int | None:
    before = ex.folded[max(block.start, form_start - 6) : form_start]
    m = re.search(r"(\d{1,3})\s*$", before)
    return int(m.group(1)) if m else None


def rank_of(ex: Extraction, block: Block) -> int | None:
    """N of a top-N rule, in digits or in ordinal words."""
    if (rank := _RANK.search(ex.folded, block.start, block.end)) is not None:
        return int(rank.group(1) or rank.group(2))
    if (words := _RANK_WORDS.search(ex.folded, block.start, block.end)) is not None:
        value = words.group("upto") or words.group("only")
        return int(value) if value.isdigit() else ORDINALS[value]
    return None


def counted_subjects(ex: Extraction, start: int, end: int) -> tuple[list[tuple[str, int]], int]:
    """(subject, count) of each counted subject in ``text[start:end]`` (``01 tập thể và 02 cá nhân``), in order;
    and where the last count ends (the condition follows it)."""
    found = list(_COUNTED.finditer(ex.folded, start, end))
    counted = [(COUNTED_SUBJECTS[m.group("who")[0]], int(m.group("n"))) for m in found]
    return counted, (found[-1].end() if found else start)


def _received(ex: Extraction, block: Block, form_start: int) -> bool:
    """The form is named as something already received, in a standard."""
    clause = max(block.start, *(ex.folded.rfind(c, block.start, form_start) + 1 for c in ".;:("))
    return bool(_RECEIVED.search(ex.folded[clause:form_start]))


def _is_bare(ex: Extraction, block: Block, quota: int | None) -> bool:
    """``Giấy khen.``, ``Bằng khen của Chủ tịch …``: a form named without a group, count or standard."""
    words = block.text.split()
    return quota is None and len(words) <= BARE_WORDS and not _GROUP.search(ex.folded, block.start, block.end)


_CENTRAL_CONFERRER = re.compile(r"\b(?:thu tuong|chinh phu|chu tich nuoc|bo truong|trung uong)\b")
_DEPARTMENT_CONFERRER = re.compile(r"\b(?:giam doc|so [a-z]|truong ban|cuc truong)|\bso$")
_UNIT_OF_BODY = re.compile(
    r"\b(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|hoi dong thi dua khen thuong|chu tich)\s+"
    r"(?P<kind>thi xa|thi tran|thanh pho|tinh|huyen|quan|xa|phuong)\b"
)
_LEVEL_OF_KIND = {
    "tinh": "province",
    "huyen": "district",
    "quan": "district",
    "thi xa": "district",
    "xa": "commune",
    "phuong": "commune",
    "thi tran": "commune",
}
"""``thành phố`` alone says neither province nor district (Đà Nẵng, Quy Nhơn): left unknown."""


def conferrer_level(conferrer: str | None) -> str | None:
    """The level of the body that grants an award, from how the plan names it (``Chủ tịch UBND huyện`` → district)."""
    if not conferrer:
        return None
    folded = " ".join(fold_key(expand_abbreviations(conferrer)).replace("-", " ").split())
    if _CENTRAL_CONFERRER.search(folded):
        return "central"
    if _DEPARTMENT_CONFERRER.search(folded):
        return "department"
    unit = _UNIT_OF_BODY.search(folded)
    return _LEVEL_OF_KIND.get(unit.group("kind")) if unit else None


@extractor("awards", requires=["analysis.layout", "analysis.doc", "record.period"], assigns=["record.awards"])
def extract_awards(ex: Extraction) -> None:
    """awards: one entry per award rule."""
    layout: Layout = ex.analyses["layout"]
    period = ex.record.period
    single_year = bool(period.start and period.end and period.start[:4] == period.end[:4])
    rules: list[tuple[Block, Award]] = []
    ruled: set[int] = set()
    blocks = award_blocks(layout)
    for block in blocks:
        forms = [f for f in _forms(ex, block) if not _received(ex, block, f.start_char)]
        if not forms:
            continue
        form = forms[0]
        quota = _quota(ex, form.start_char, block)
        if any(id(a) in ruled for a in block.ancestors()) and quota is None:
            continue  # a standard that mentions an award ("được tặng Giấy khen"), not a rule of its own
        if _is_bare(ex, block, quota) and (block.children or _fuller_rule_follows(ex, blocks, block, canonical(form))):
            continue
        ruled.add(id(block))
        texts = [fold_key(block.text)] + [
            fold_key(a.text) for a in block.ancestors() if len(a.text.split()) <= 16 or a.kind == "paragraph"
        ]
        cadence = _cadence(texts, single_year)
        rank_limit = rank_of(ex, block)
        group, condition = _group(ex, block, form.end_char)
        named = _conferrers(ex, block, form.start_char) or _inherited_conferrer(rules, block)
        conferrers: list[str | None] = [*named] or [None]
        subject = (
            context_subject(block)
            or heading_subject(block.text)
            or (text_subject(group) if group else None)
            or TITLE_SUBJECTS.get(canonical(form), "any")
        )
        subjects: list[str | None] = [subject]
        split_children = [c for c in block.children if ":" in c.text[:40] and heading_subject(c.text.split(":")[0])]
        if split_children:
            subjects = [heading_subject(c.text.split(":")[0]) for c in split_children]
        quotas = [quota] * len(subjects)
        counted, counts_end = counted_subjects(ex, form.start_char, block.end)
        if counted:
            subjects, quotas = [s for s, _ in counted], [n for _, n in counted]
            if group is None and condition is None:
                condition = " ".join(ex.text[counts_end : block.end].split()).strip(" ,;.:") or None
        for conferrer in conferrers:
            for subj, q in zip(subjects, quotas, strict=False):
                award = Award(
                    form=canonical(form),
                    conferrer=conferrer,
                    conferrer_level=conferrer_level(conferrer),
                    subject=subj,
                    cadence=cadence,
                    quota=q,
                    rank_limit=rank_limit,
                    recipient_group=group,
                    condition=condition,
                )
                rules.append((block, award))
    for block, award in rules:
        ex.record.awards.append(award)
        ex.cite(f"awards[{len(ex.record.awards) - 1}]", block.start, block.end)


def _fuller_rule_follows(ex: Extraction, blocks: list[Block], bare: Block, form: str) -> bool:
    return any(
        b.start > bare.start and any(canonical(f) == form for f in _forms(ex, b)) and not _is_bare(ex, b, None)
        for b in blocks
    )


def _inherited_conferrer(rules: list[tuple[Block, Award]], block: Block) -> list[str]:
    """A count line (``- 02 Giấy khen đối với …``) shares the conferrer of the rule it splits."""
    for ruled_block, award in reversed(rules):
        if ruled_block in block.ancestors() and award.conferrer:
            return [award.conferrer]
    return []
