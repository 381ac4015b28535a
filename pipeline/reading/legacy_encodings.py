"""Vietnamese text in the 8-bit encodings that came before Unicode: TCVN3 (ABC) and VNI.

Archives still hold plans typed in .VnTime (TCVN 5712:1993 VN3, "ABC") or
VNI-Times fonts. Read as Windows-1252, as every program without those fonts
does, they show up as "Céng hoµ x· héi chñ nghÜa" (TCVN3) or "Coäng hoøa xaõ
hoäi chuû nghóa" (VNI), in raw .txt bytes, in Word runs and in PDF text
layers alike. No maintained PyPI package converts both, so the tables are
written here from the published encodings:

- TCVN3 is one byte per letter: TCVN 5712:1993 places the lower-case toned
  letters and ``ă â ê ô ơ ư đ`` in 0xA1-0xFE (VN3, the ABC fonts, has no
  upper-case toned letters: headings use the same codes in a capitals font
  such as .VnTimeH); the full VN1 set adds the upper-case ones in 0x80-0x9F.
- VNI writes a base letter followed by one mark byte (``a`` + ``ù`` = ``á``,
  ``o`` + ``ä`` = ``ộ``), with single bytes for ``ơ ư đ`` and the toned ``i``.

Which encoding a text is in is decided by what reads as Vietnamese: every
candidate decoding is scored by the share of its words that are well-formed
Vietnamese syllables, and a conversion is kept only when it clearly wins.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Literal

from khplan.diacritics.orthography import TONE_MARKS

LegacyEncoding = Literal["tcvn3", "vni", "cp1258"]

# TCVN 5712:1993 (VN1) above 0x7F; VN3/ABC uses the same codes for the letters it has.
_TCVN3_HIGH = (
    # 0x80-0x9F: upper-case toned letters (VN1 only)
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"
    # 0xA0-0xBF
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
    # 0xC0-0xDF
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò"
    # 0xE0-0xFF
    "ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"
)
assert len(_TCVN3_HIGH) == 128
TCVN3_BYTES: dict[int, str] = {0x80 + i: ch for i, ch in enumerate(_TCVN3_HIGH)}
"""Byte -> letter for TCVN3 files read as bytes."""
TCVN3_CHARS: dict[int, str] = {code: ch for code, ch in TCVN3_BYTES.items() if code >= 0xA0}
"""Code point -> letter for TCVN3 text already read as Windows-1252/Latin-1 (Word runs, PDF text)."""

# VNI: which mark byte follows a base vowel for each tone (none, sắc, huyền, hỏi, ngã, nặng).
_VNI_TONES = ("", "ù", "ø", "û", "õ", "ï")
_VNI_CIRCUMFLEX = ("â", "á", "à", "å", "ã", "ä")  # â ê ô: the circumflex and the tone in one byte
_VNI_BREVE = ("ê", "é", "è", "ú", "ü", "ë")  # ă
_VNI_I = ("i", "í", "ì", "æ", "ó", "ò")  # i and its tones are single bytes
_UNICODE_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # same order as the rows above


def _vni_sequences() -> dict[str, str]:
    """Every VNI spelling of a Vietnamese letter (lower and upper case) -> the letter."""
    lower: dict[str, str] = {"ñ": "đ"}
    bases = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ô": "ơ", "ö": "ư"}
    for n, tone in enumerate(_UNICODE_TONES):
        for spelling, letter in bases.items():
            lower[spelling + _VNI_TONES[n]] = letter + tone
        for base in "aeo":
            lower[base + _VNI_CIRCUMFLEX[n]] = base + "\u0302" + tone
        lower["a" + _VNI_BREVE[n]] = "a\u0306" + tone
        lower[_VNI_I[n]] = "i" + tone
    lower["î"] = "y\u0323"  # ỵ is one byte, not y + ï
    del lower["yï"]
    table = {}
    for spelling, letter in lower.items():
        letter = unicodedata.normalize("NFC", letter)
        if spelling not in ("a", "e", "o", "u", "y", "i"):
            table[spelling] = letter
            table[spelling.upper()] = letter.upper()
    return table


VNI_SEQUENCES: dict[str, str] = _vni_sequences()
"""VNI spelling (one or two characters, as read through Windows-1252) -> Unicode letter."""

_VNI_PAIR_FIRST = frozenset(s[0] for s in VNI_SEQUENCES if len(s) == 2)

# Vietnamese syllables, without their tone: onset, vowels, final consonant.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?"
    r"(?:uyê|uya|uyu|uây|uôi|ươi|ươu|oai|oay|oao|oeo|iêu|yêu|"
    r"ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|"
    r"[aăâeêioôơuưy])"
    r"(?:ch|ng|nh|[cmnpt])?"
)
# Words for judging an encoding: runs of letters, digits and every Latin-1 character
# (TCVN3 spells letters with "·", "¸", "«", the soft hyphen...).
_WORD = re.compile(r"[\w\u0080-\u00ff]+")
_EIGHT_BIT = re.compile(r"[\u0080-\u00ff]")
MIN_WORDS = 3
"""Fewer 8-bit words than this say nothing about an encoding."""
MIN_SHARE = 0.8
"""A decoding is taken only when this share of the 8-bit words become Vietnamese syllables..."""
WIN_MARGIN = 0.3
"""...and this much more of them than read Vietnamese as the text stands."""

Decoder = Callable[[str], str]


def is_vietnamese_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable, in any case, with at most one tone mark."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(1 for c in decomposed if c in TONE_MARKS) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return _SYLLABLE.fullmatch(bare) is not None


def decode_tcvn3(text: str) -> str:
    """TCVN3 text that was read as Latin-1/Windows-1252 (Word runs, PDF text) -> Unicode."""
    return text.translate(TCVN3_CHARS)


def decode_vni(text: str) -> str:
    """VNI text that was read as Windows-1252 -> Unicode (base letter + mark byte -> one letter)."""
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if len(pair) == 2 and pair[0] in _VNI_PAIR_FIRST and pair in VNI_SEQUENCES:
            out.append(VNI_SEQUENCES[pair])
            i += 2
            continue
        out.append(VNI_SEQUENCES.get(text[i], text[i]))
        i += 1
    return "".join(out)


def _as_is(text: str) -> str:
    return text


TEXT_DECODERS: dict[LegacyEncoding, Decoder] = {"tcvn3": decode_tcvn3, "vni": decode_vni}
"""Legacy encodings of text that is already a str (Word runs, PDF text layers, UTF-8 files of mojibake)."""
BYTE_DECODERS: dict[LegacyEncoding, Decoder] = {  # over the bytes read as Latin-1, one code point per byte
    "tcvn3": lambda raw: raw.translate(TCVN3_BYTES),
    "vni": lambda raw: decode_vni(raw.encode("latin-1").decode("cp1252", errors="replace")),
    "cp1258": lambda raw: raw.encode("latin-1").decode("cp1258", errors="replace"),
}
"""Legacy encodings of a file's raw bytes."""


def best_decoding(
    text: str, decoders: dict[LegacyEncoding, Decoder], *, keep_as_is: bool = True
) -> LegacyEncoding | None:
    """Which decoder turns the most of the text's 8-bit words into Vietnamese syllables, if one clearly does."""
    words = [w for w in _WORD.findall(text) if _EIGHT_BIT.search(w)]
    if len(words) < MIN_WORDS:
        return None

    def share(decoder: Decoder) -> float:
        return sum(is_vietnamese_syllable(decoder(w)) for w in words) / len(words)

    baseline = share(_as_is) if keep_as_is else 0.0
    scores = {name: share(decoder) for name, decoder in decoders.items()}
    name = max(scores, key=scores.__getitem__)
    if scores[name] < MIN_SHARE or scores[name] - baseline < WIN_MARGIN:
        return None
    return name


def to_unicode(text: str) -> tuple[str, LegacyEncoding | None]:
    """The text in Unicode, and the legacy encoding it was converted from (None when it was Unicode already)."""
    if not _EIGHT_BIT.search(text):
        return text, None  # ASCII, or Vietnamese spelled outside Latin-1: nothing to convert
    name = best_decoding(text, TEXT_DECODERS)
    if name is None:
        return text, None
    return unicodedata.normalize("NFC", TEXT_DECODERS[name](text)), name


def decode_legacy_bytes(data: bytes) -> tuple[str, LegacyEncoding] | None:
    """Bytes that are not UTF-8 as TCVN3, VNI or Windows-1258 text, when one of them reads as Vietnamese."""
    raw = data.decode("latin-1")
    name = best_decoding(raw, BYTE_DECODERS, keep_as_is=False)
    if name is None:
        return None
    return unicodedata.normalize("NFC", BYTE_DECODERS[name](raw)), name
