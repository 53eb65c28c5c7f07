"""factcheck: find the statistical figures in news articles and check whether sources agree.

>>> from factcheck import extract_figures
>>> [f.text for f in extract_figures("Exports rose by more than 34% to $2 bln.")]
['34%', '$2 bln']
"""

from factcheck.extract import extract_document, extract_figures
from factcheck.model import Document, Figure

__all__ = ["Document", "Figure", "extract_document", "extract_figures"]
__version__ = "0.1.0"
