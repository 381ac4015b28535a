"""Word documents (.docx): their text in reading order, through python-docx.

Drafts of administrative documents lay the two-column header (issuer | motto,
number | place and date) and the signature block out as borderless tables.
Such layout tables are read column by column, as the OCR stage reads the
same header on a scan; data tables (award quotas, lists) are read row by row,
cells separated by tabs.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline.errors import CorruptFileError

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
            blocks.append(item.text)
    return "\n".join(blocks) + "\n"


def _table_lines(table) -> list[str]:
    rows = [_unique_cells(row.cells) for row in table.rows]
    width = max((len(row) for row in rows), default=0)
    if width == 2 and len(rows) <= LAYOUT_TABLE_MAX_ROWS:
        columns = [[row[i] for row in rows if len(row) > i] for i in range(width)]
        return [cell.text for column in columns for cell in column] + [""]
    return ["\t".join(cell.text.replace("\n", " ") for cell in row) for row in rows]


def _unique_cells(cells) -> list:
    """A merged cell appears once per grid column it spans; keep it once."""
    seen, unique = set(), []
    for cell in cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            unique.append(cell)
    return unique
