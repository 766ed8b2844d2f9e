"""tally: checks the arithmetic of the PDF reports departments submit to a finance bureau."""

__version__ = "0.1.0"
