"""factcheck: find the statistical figures in news articles and check whether sources agree.

>>> from factcheck import extract_figures
>>> [f.text for f in extract_figures("Exports rose by more than 34% to $2 bln.")]
['34%', '$2 bln']

The extractor is loaded on first use of its names (PEP 562), so that
`factcheck --help` and the light modules do not pay for its grammar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from factcheck.model import Document, Figure

if TYPE_CHECKING:
    from factcheck.extract import extract_document, extract_figures

__all__ = ["Document", "Figure", "extract_document", "extract_figures"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in ("extract_document", "extract_figures"):
        from factcheck import extract

        return getattr(extract, name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
