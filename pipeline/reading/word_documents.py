"""Word documents (.docx): their text in reading order, through python-docx.

Drafts of administrative documents lay the two-column header (issuer | motto,
number | place and date) and the signature block out as borderless tables.
Such layout tables are read column by column, as the OCR stage reads the
same header on a scan; data tables (award quotas, lists) are read row by row,
cells separated by tabs.

Old drafts were typed in legacy-encoded fonts: a run set in a TCVN3 font
(``.VnTime``; ``.VnTimeH`` and the other ``…H`` faces print the same codes as
capitals) or a VNI font (``VNI-Times``) is converted to Unicode by its font,
which is surer than guessing from the letters.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from khplan.pipeline.context import DEFAULT_LIMITS, Limits
from khplan.pipeline.errors import CorruptFileError, TooLargeError
from khplan.pipeline.reading.legacy_encodings import decode_tcvn3, decode_vni

LAYOUT_TABLE_MAX_ROWS = 4
"""A two-column table this short is page layout, not data."""


def read_docx(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """Paragraphs and tables of the document body, in order, one paragraph per line."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from lxml.etree import XMLSyntaxError

    check_size(path, limits)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise CorruptFileError(path, "not a readable Word document (.docx)") from e
    except XMLSyntaxError as e:  # a cut document.xml, an entity loop ("billion laughs"): lxml says which
        raise CorruptFileError(path, f"its XML is damaged: {e.msg}") from None
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks.extend(_table_lines(item))
        else:
            blocks.append(paragraph_text(item))
    return "\n".join(blocks) + "\n"


_PARAGRAPH = re.compile(rb"<w:p[ >/]")
_SCAN_CHUNK = 1 << 20


def check_size(path: Path, limits: Limits) -> None:
    """Refuse a zip bomb or a file of millions of paragraphs before python-docx parses it into memory.

    The sizes come from the zip's directory, the paragraphs from streaming
    ``word/document.xml`` through a pattern: nothing is parsed, and the scan
    stops at the limit.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
            if unpacked > limits.max_docx_bytes:
                limit = f"the limit for {limits.max_chars:,} characters (--max-chars)"
                raise TooLargeError(path, f"unpacks to {unpacked:,} bytes, over {limit}")
            if "word/document.xml" not in archive.namelist():
                return  # python-docx says what is wrong with it
            paragraphs, tail = 0, b""
            with archive.open("word/document.xml") as xml:
                while chunk := xml.read(_SCAN_CHUNK):
                    paragraphs += len(_PARAGRAPH.findall(tail + chunk))
                    tail = chunk[-5:]
                    paragraphs -= len(_PARAGRAPH.findall(tail))  # counted again with the next chunk
                    if paragraphs > limits.max_docx_paragraphs:
                        break
            paragraphs += len(_PARAGRAPH.findall(tail))
            if paragraphs > limits.max_docx_paragraphs:
                raise TooLargeError(path, f"over {limits.max_docx_paragraphs:,} paragraphs (the limit for --max-chars)")
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        raise CorruptFileError(path, f"not a readable Word document (.docx): {e}") from e


def paragraph_text(paragraph) -> str:
    """The paragraph's text, each run in Unicode whatever legacy font it was typed in."""
    from docx.text.hyperlink import Hyperlink

    parts = []
    for item in paragraph.iter_inner_content():
        for run in item.runs if isinstance(item, Hyperlink) else [item]:
            parts.append(_unicode_run(run.text, run.font.name or _style_font(paragraph.style)))
    return "".join(parts)


def _style_font(style) -> str | None:
    """The font a paragraph style sets, looking through the styles it is based on."""
    while style is not None:
        if style.font.name:
            return style.font.name
        style = style.base_style
    return None


def _unicode_run(text: str, font: str | None) -> str:
    if not font or not text:
        return text
    name = font.lower()
    if name.startswith(".vn"):  # TCVN3 (ABC) faces: .VnTime, .VnArial, .VnTimeH ...
        converted = decode_tcvn3(text)
        return converted.upper() if name.endswith("h") else converted
    if name.startswith("vni-"):  # VNI-Times, VNI-Helve ...
        return decode_vni(text)
    return text


def _cell_text(cell) -> str:
    return "\n".join(paragraph_text(paragraph) for paragraph in cell.paragraphs)


def _table_lines(table) -> list[str]:
    rows = [_unique_cells(row.cells) for row in table.rows]
    width = max((len(row) for row in rows), default=0)
    if width == 2 and len(rows) <= LAYOUT_TABLE_MAX_ROWS:
        columns = [[row[i] for row in rows if len(row) > i] for i in range(width)]
        return [_cell_text(cell) for column in columns for cell in column] + [""]
    return ["\t".join(_cell_text(cell).replace("\n", " ") for cell in row) for row in rows]


def _unique_cells(cells) -> list:
    """A merged cell appears once per grid column it spans; keep it once."""
    seen, unique = set(), []
    for cell in cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            unique.append(cell)
    return unique
