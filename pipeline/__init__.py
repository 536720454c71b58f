"""planpipe: council improvement-plan PDFs to structured, versioned data."""

__version__ = "0.1.0"
