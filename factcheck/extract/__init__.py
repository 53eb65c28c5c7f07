"""Stage 1: find and normalize the statistical figures in a document."""

from factcheck.extract.extractor import extract_document, extract_figures

__all__ = ["extract_document", "extract_figures"]
