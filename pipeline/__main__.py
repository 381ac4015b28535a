"""``python -m pipeline`` is ``khplan``."""

from pipeline.cli import main

main(prog_name="khplan")
