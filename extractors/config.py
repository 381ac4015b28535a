"""The extraction pipeline: which components run, in which order (the one place it is set)."""

PIPELINE: tuple[str, ...] = (
    "structure",
    "nlp",
    "header",
    "title",
    "issuer",
    "place",
    "consistency",
    "legal_bases",
    "signer",
    "period",
    "criteria",
    "awards",
    "targets",
    "deadlines",
    "recipients",
    "ocr_confidence",
)
"""Component names, in order; each is registered in the module named for its field group."""
