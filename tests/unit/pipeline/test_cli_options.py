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
