"""What a document is about: the terms of its title and its lead.

Two reports of "23 dead" are one claim only when they tell the same story.
A sentence such as "The death toll stood at 23, the governor said" names no
event; its article's title and first lines do ("Rescuers work through the
night at Dravik crash site"). Grouping weighs this as evidence.
"""

from __future__ import annotations

from factcheck.attribute.measure import terms
from factcheck.model import Document

#: How much of the body, after the title, counts as the lead.
LEAD_CHARACTERS = 400


def topic_terms(document: Document) -> frozenset[str]:
    """The canonical terms of the document's title and lead."""
    lead = document.text[document.body_start : document.body_start + LEAD_CHARACTERS]
    return frozenset(terms(f"{document.title or ''} {lead}"))
