"""What khplan tells a user who asks (``--verbose``): the decisions behind a result, through :mod:`logging`.

Pages dropped as blank, the preprocessing a page got, the restoration
channel a document was read with, cache hits: each module logs its own
decisions under ``khplan.*``; this module only routes them to stderr.
Worker processes start from a fork server, not from the CLI, so the choice
travels in the environment (:data:`VERBOSE_ENV`) and each worker applies it
as it starts.
"""

from __future__ import annotations

import logging
import os
import sys

VERBOSE_ENV = "KHPLAN_VERBOSE"


def configure_logging(verbose: bool | None = None) -> None:
    """Show khplan's decisions on stderr when ``verbose`` (or, when None, when the environment says so)."""
    if verbose is None:
        verbose = os.environ.get(VERBOSE_ENV) == "1"
    elif verbose:
        os.environ[VERBOSE_ENV] = "1"
    logger = logging.getLogger("khplan")
    if not verbose:
        logger.setLevel(logging.WARNING)
        return
    logger.setLevel(logging.INFO)
    if not any(isinstance(handler, _DecisionHandler) for handler in logger.handlers):
        logger.addHandler(_DecisionHandler())
        logger.propagate = False


class _DecisionHandler(logging.StreamHandler):
    """khplan's decisions, one line each on stderr (added once, however often logging is configured)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.setFormatter(logging.Formatter("khplan: %(message)s"))
