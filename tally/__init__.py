"""tally: checks the arithmetic of the PDF reports departments submit to a finance bureau.

``tally.check(path)`` reads a PDF and checks it; ``tally.extract(path)`` only reads it. Both
return a ``DocumentResult`` and never raise for a bad document (see ``tally.api``).
"""

__version__ = "0.1.0"

from .api import (  # noqa: E402
    DocumentResult,
    RulesError,
    check,
    expand_paths,
    extract,
    load_rules,
    rules_fingerprint,
)

__all__ = [
    "DocumentResult",
    "RulesError",
    "__version__",
    "check",
    "expand_paths",
    "extract",
    "load_rules",
    "rules_fingerprint",
]
