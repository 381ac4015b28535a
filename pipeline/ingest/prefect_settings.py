"""Prefect, offline: the ephemeral local API, no telemetry, no UI, quiet logs.

Prefect reads its settings from the environment when it is first imported,
so :func:`configure_prefect` must run before ``import prefect``; settings the
user already exported (a real ``PREFECT_API_URL``, say) win.
"""

from __future__ import annotations

import os
from pathlib import Path

OFFLINE_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "PREFECT_TELEMETRY_ENABLE_RESOURCE_METRICS": "false",
    "PREFECT_SERVER_UI_ENABLED": "false",
    "PREFECT_CLIENT_SERVER_VERSION_CHECK_ENABLED": "false",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    # The temporary server starts in a few seconds here, but CI machines can be slower.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "DO_NOT_TRACK": "1",
}


def default_prefect_home() -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return cache / "khplan" / "prefect"


def configure_prefect(*, verbose: bool = False) -> None:
    """Point Prefect at a local home and switch off everything that would reach the network."""
    home = Path(os.environ.setdefault("PREFECT_HOME", str(default_prefect_home()))).expanduser()
    home.mkdir(parents=True, exist_ok=True)  # Prefect creates the folder, but not its parents
    for key, value in OFFLINE_DEFAULTS.items():
        os.environ.setdefault(key, value)
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
