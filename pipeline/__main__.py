"""``python -m khplan.pipeline`` is ``khplan``."""

from khplan.pipeline.cli import main

if __name__ == "__main__":  # ingest's worker processes import this module again; they must not run the CLI
    main(prog_name="khplan")
