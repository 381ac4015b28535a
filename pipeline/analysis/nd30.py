"""A record as the metadata of an outgoing document, Nghị định 30/2020/NĐ-CP, Phụ lục VI, Mục I.

The decree fixes each field's tag, type and maximum length (the table below,
from ../shared/spec/nd30-metadata.md). khplan fills what a document states:
type, số and ký hiệu, date, issuing body, trích yếu, language, pages,
signer (position and name) and recipients. It cannot know the codes a
document-management system assigns (``FileCode``, ``OrganId`` of the issuer
or of a recipient), the file a document is kept in (``DocOrdinal``),
``Priority``, ``IssuedAmount`` or ``DueDate``: those are left empty, never
invented. The authority line (``TM.``, ``KT.``) has no field of its own in
the decree; it is kept in ``Description``.

A value longer than the decree allows is written whole and reported in the
line's ``khplan.too_long`` (the field's tag, its length and the limit):
cutting a trích yếu silently would lose the document's subject.
"""

from __future__ import annotations

from typing import Any

from khplan.schemas import PlanRecord

MAX_LENGTHS: dict[str, int] = {
    "TypeName": 100,
    "CodeNumber": 11,
    "CodeNotation": 30,
    "IssuedDate": 10,
    "OrganName": 200,
    "Subject": 500,
    "Language": 30,
    "Description": 500,
    "SignerInfo.Position": 100,
    "SignerInfo.FullName": 50,
    "To.OrganId": 13,
    "To.OrganName": 200,
}
"""Maximum lengths of the string and date fields khplan fills (Phụ lục VI, Mục I)."""
MAX_PAGES = 999
"""``PageAmount`` is a Number of 3 digits."""
UNKNOWN_FIELDS = ("FileCode", "DocOrdinal", "Priority", "IssuedAmount", "DueDate")
"""Fields of the decree khplan cannot know: emitted empty."""


def nd30_metadata(record: PlanRecord) -> dict[str, Any]:
    """One document's outgoing-document metadata under the decree's tags; unknown values are null."""
    number, _, notation = (record.number or "").partition("/")
    authority = record.signer.authority
    line: dict[str, Any] = {
        "FileCode": {"OrganId": None, "FileCatalog": None, "FileNotation": None},
        "DocOrdinal": None,
        "TypeName": record.doc_type,
        "CodeNumber": number or None,
        "CodeNotation": notation or None,
        "IssuedDate": record.issue_date.isoformat() if record.issue_date else None,
        "OrganName": record.issuer.name,
        "Subject": record.title,
        "Language": "Tiếng Việt",
        "PageAmount": record.provenance.pages,
        "Description": f"Thẩm quyền ký: {authority}" if authority else None,
        "SignerInfo": {"Position": record.signer.position, "FullName": record.signer.name},
        "To": [{"OrganId": None, "OrganName": name} for name in record.recipients],
        "Priority": None,
        "IssuedAmount": None,
        "DueDate": None,
    }
    too_long = _over_length(line)
    line["khplan"] = {
        "id": record.provenance.sha256,
        "source": record.provenance.source,
        "schema_version": record.schema_version,
        "too_long": too_long,
    }
    return line


def _over_length(line: dict[str, Any]) -> list[dict[str, Any]]:
    """Every value past the decree's length, reported rather than cut."""
    found = []
    values: list[tuple[str, Any]] = [(tag, line.get(tag)) for tag in MAX_LENGTHS if "." not in tag]
    values += [(f"SignerInfo.{key}", value) for key, value in line["SignerInfo"].items()]
    values += [("To.OrganName", organ["OrganName"]) for organ in line["To"]]
    for tag, value in values:
        if isinstance(value, str) and len(value) > MAX_LENGTHS[tag]:
            found.append({"field": tag, "length": len(value), "limit": MAX_LENGTHS[tag]})
    pages = line["PageAmount"]
    if isinstance(pages, int) and pages > MAX_PAGES:
        found.append({"field": "PageAmount", "length": len(str(pages)), "limit": 3})
    return found
