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

import zipfile
from pathlib import Path

from khplan.pipeline.errors import CorruptFileError
from khplan.pipeline.reading.legacy_encodings import decode_tcvn3, decode_vni

LAYOUT_TABLE_MAX_ROWS = 4
"""A two-column table this short is page layout, not data."""


def read_docx(path: Path) -> str:
    """Paragraphs and tables of the document body, in order, one paragraph per line."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise CorruptFileError(path, "not a readable Word document (.docx)") from e
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks.extend(_table_lines(item))
        else:
            blocks.append(paragraph_text(item))
    return "\n".join(blocks) + "\n"


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
