"""The extraction pipeline: which components run, in which order (the one place it is set)."""

PIPELINE: tuple[str, ...] = (
    "structure",
    "header",
    "issuer",
    "place",
)
"""Component names, in order; each is registered in the module named for its field group."""
