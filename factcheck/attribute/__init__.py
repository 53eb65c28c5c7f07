"""Stage 2: what each figure measures, whom it is about, and when."""

from factcheck.attribute.measure import attribute_document
from factcheck.attribute.period import period_of

__all__ = ["attribute_document", "period_of"]
