"""Markup a web page left in the text copied from it.

Document sites that render a PDF as HTML (``123doc``, ``violet``) keep its
bold and italic as tags, and a copy of the page keeps them too:
``UBND TỈNH BÌNH THUẬN<b> CỘNG HOÀ …</b>``, ``<i>Phan Thiết, ngày …</i>``.
Read as words, a tag glues itself to the issuer's name or the title. Only the
inline and block tags such pages use are removed, and only named or numbered
entities ending in ``;`` are decoded: ``PGD&ĐT`` and ``KT&KĐCL`` are ký hiệu.
"""

from __future__ import annotations

import html
import re

_TAG_NAMES = "a|b|big|br|center|div|em|font|h[1-6]|i|li|ol|p|small|span|strong|sub|sup|table|tbody|td|th|tr|u|ul"
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})\b[^<>\n]*>", re.IGNORECASE)
_PAGE_COUNTER = re.compile(r"<span[^<>\n]*page_counter[^<>\n]*>[^<>\n]*</span>", re.IGNORECASE)
"""The page number a document site prints before each page it renders (``(1)``): not the document's text."""
_LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-f]{2,5}|[a-z]{2,8});", re.IGNORECASE)


def strip_markup(text: str) -> str:
    """The text without the tags and entities of the page it was copied from; any other text is kept as it is."""
    if "<" not in text and "&" not in text:
        return text
    text = _PAGE_COUNTER.sub("", text)
    text = _LINE_BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)).replace("\xa0", " "), text)
