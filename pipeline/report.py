"""Tables people read: a record's summary, an ingest's outcome."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from khplan.schemas import PlanRecord

if TYPE_CHECKING:  # the flows module imports Prefect; summaries must not
    from khplan.pipeline.ingest.flows import IngestReport


def record_table(record: PlanRecord) -> Table:
    """The header fields and list sizes of one record, as ``khplan extract`` shows them."""
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    issuer = record.issuer
    rows = [
        ("doc_type", record.doc_type),
        ("number", record.number),
        ("issue_date", record.issue_date.isoformat() if record.issue_date else None),
        ("place", record.place),
        ("title", record.title),
        ("issuer", issuer.name),
        ("level / province", " / ".join(str(v) for v in (issuer.level, issuer.province) if v) or None),
        ("signer", ", ".join(v for v in (record.signer.position, record.signer.name) if v) or None),
        ("period", record.period.text),
        ("legal bases", str(len(record.legal_bases))),
        ("awards", str(len(record.awards))),
        ("deadlines", str(len(record.deadlines))),
        ("pages / method", f"{record.provenance.pages} / {record.provenance.method}"),
    ]
    for name, value in rows:
        table.add_row(name, value if value is not None else "[dim]—[/dim]")
    for warning in record.warnings:
        table.add_row("[yellow]warning[/yellow]", f"{warning.field or ''} {warning.message}".strip())
    return table


IDENTIFIER_COLUMNS = frozenset({"status", "number", "date"})
"""Never wrapped: ``69/KH-UB`` / ``ND`` reads as two wrong numbers."""


def print_ingest_report(report: IngestReport, console: Console) -> None:
    records = Table(title="Records", show_lines=False)
    for column in ("file", "status", "number", "date", "issuer", "province", "title"):
        identifier = column in IDENTIFIER_COLUMNS
        records.add_column(
            column,
            no_wrap=identifier,
            overflow="ellipsis" if column == "file" else "fold",
            max_width=48 if column == "title" else None,
        )
    for outcome in report.outcomes:
        if outcome.status == "quarantined":
            continue
        record = outcome.record
        records.add_row(
            Path(outcome.source).name,
            outcome.status,
            *(
                (
                    record.number or "—",
                    record.issue_date.isoformat() if record.issue_date else "—",
                    record.issuer.name or "—",
                    record.issuer.province or "—",
                    record.title or "—",
                )
                if record
                else ("",) * 5
            ),
        )
    if records.row_count:
        console.print(records)

    quarantined = [o for o in report.outcomes if o.status == "quarantined"]
    if quarantined:
        table = Table(title="Quarantined")
        table.add_column("file", overflow="fold")
        table.add_column("reason", no_wrap=True)
        table.add_column("message", overflow="fold")
        for outcome in quarantined:
            table.add_row(Path(outcome.source).name, outcome.reason or "", outcome.message or "")
        console.print(table)

    summary = Table(title="Ingest summary")
    for column in ("done", "cached", "duplicate", "quarantined", "files", "pages", "warnings", "time"):
        summary.add_column(column, justify="right")
    summary.add_row(
        str(report.count("done")),
        str(report.count("cached")),
        str(report.count("duplicate")),
        str(report.count("quarantined")),
        str(len(report.outcomes)),
        str(report.pages),
        str(report.warnings),
        _duration(report.seconds),
    )
    console.print(summary)


def _duration(seconds: float) -> str:
    """``42.3 s`` under a minute, ``12 min 05 s`` above: what a person reads at a glance."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"
