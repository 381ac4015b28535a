"""Command-line options reach the stages: ``--preprocess`` names the page steps before Tesseract."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import khplan.pipeline.run
from khplan.pipeline.cli import main
from khplan.pipeline.context import PREPROCESS_STEPS


@pytest.fixture
def chosen_options(monkeypatch):
    """The Options ``khplan extract`` hands to the pipeline (which then stops, having seen them)."""
    seen = []

    def capture(source, options, *args, **kwargs):
        seen.append(options)
        raise SystemExit(0)

    monkeypatch.setattr(khplan.pipeline.run, "process_document", capture)
    return seen


@pytest.mark.parametrize(
    ("arguments", "steps"),
    [
        ((), PREPROCESS_STEPS),
        (("--preprocess", "normalise, deskew"), ("normalise", "deskew")),
        (("--preprocess", "none"), ()),
    ],
)
def test_preprocess_option_sets_the_page_steps(arguments, steps, chosen_options, tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "plan.pdf"), *arguments])

    assert result.exit_code == 0, result.output
    assert chosen_options[0].preprocess == steps


def test_unknown_preprocess_step_is_a_usage_error_naming_the_known_ones(tmp_path, cli):
    page = tmp_path / "page.png"
    page.write_bytes(b"")  # never read: the option is refused first

    result = cli("ocr", page, "--preprocess", "normalise,sharpen")

    assert result.returncode == 2
    assert "unknown step(s) sharpen" in result.stderr and "deskew" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_source_that_does_not_exist_is_a_usage_error_before_anything_runs(tmp_path, cli):
    result = cli("ingest", tmp_path / "nosuch.pdf", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr == f"khplan: {tmp_path / 'nosuch.pdf'}: no such file or folder\n"
    assert not (tmp_path / "out").exists()


def test_ingest_tables_keep_identifiers_whole_when_piped():
    import io

    from rich.console import Console

    from khplan.pipeline.ingest.flows import IngestReport
    from khplan.pipeline.ingest.workers import DocumentOutcome
    from khplan.pipeline.report import print_ingest_report
    from khplan.schemas import Issuer, PlanRecord

    record = PlanRecord(
        number="69/KH-UBND",
        issue_date="2024-03-31",
        title="Phát động phong trào thi đua đẩy mạnh cải cách hành chính giai đoạn 2021 - 2025 " * 2,
        issuer=Issuer(name="Ủy ban nhân dân huyện Phù Mỹ", province="Bình Định"),
    )
    outcome = DocumentOutcome(
        "archive/" + "a-very-long-folder-name/" * 3 + "phu-my.pdf", "a" * 64, "done", record=record
    )
    screen = io.StringIO()
    print_ingest_report(IngestReport([outcome]), Console(file=screen, width=80))
    shown = screen.getvalue()
    assert "69/KH-UBND" in shown and "2024-03-31" in shown


def test_progress_bar_learns_the_page_total_from_the_workers_and_advances_page_by_page():
    import io
    import queue as queues

    from rich.console import Console

    from khplan.pipeline.ingest.flows import IngestProgress
    from khplan.pipeline.ingest.workers import DocumentOutcome

    messages: queues.Queue = queues.Queue()
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100)
    with IngestProgress("bar", 2, console=console, queue=messages) as progress:
        messages.put(("start", "a" * 64, 20))
        for _ in range(3):
            messages.put(("page", "a" * 64, 1))
        deadline = __import__("time").monotonic() + 5
        while progress.bar.tasks[1].completed < 3 and __import__("time").monotonic() < deadline:
            __import__("time").sleep(0.01)
        assert (progress.bar.tasks[1].total, progress.bar.tasks[1].completed) == (20, 3)
        progress.finished(DocumentOutcome("a.pdf", "a" * 64, "done", pages=20))


def test_progress_piped_is_one_line_per_finished_document():
    import io

    from rich.console import Console

    from khplan.pipeline.ingest.flows import IngestProgress
    from khplan.pipeline.ingest.workers import DocumentOutcome
    from khplan.schemas import PlanRecord

    screen = io.StringIO()
    with IngestProgress("lines", 2, console=Console(file=screen, width=80)) as progress:
        progress.finished(
            DocumentOutcome("in/a.pdf", "a" * 64, "done", record=PlanRecord(number="69/KH-UBND"), pages=7)
        )
        progress.finished(DocumentOutcome("in/b.pdf", "b" * 64, "quarantined", reason="corrupt_file"))
    lines = screen.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("done") and "in/a.pdf" in lines[0] and "69/KH-UBND" in lines[0] and "7 p" in lines[0]
    assert lines[1].startswith("quarantined") and "corrupt_file" in lines[1]
