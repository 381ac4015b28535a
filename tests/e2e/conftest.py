"""End-to-end: the command line in a subprocess, as a user runs it.

Every ``khplan ingest`` here reports to one Prefect server started for the
session (as a user with ``PREFECT_API_URL`` set would have it), instead of
each booting its own temporary API; ``test_samples`` runs as ``make demo``
does, with the temporary API.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def cli_env(cli_env, prefect_server) -> dict[str, str]:
    return {**cli_env, "PREFECT_API_URL": prefect_server}


@pytest.fixture(scope="session")
def own_api_env(cli_env) -> dict[str, str]:
    """The environment of a user who runs no Prefect server: each ingest starts its temporary API."""
    return {key: value for key, value in cli_env.items() if key != "PREFECT_API_URL"}
