"""The names a claim group's verdict takes, and the policy tables over them.

A group has a *verdict* (do its figures agree among themselves?) and a
*status*, its headline in every report (the verdict, unless a rule's
reference value is contradicted). Both are one of the `Status` names, which
are the JSON contract's strings. This module imports nothing of the
package, so the command line can build its options without loading the
pipeline.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """One verdict or status name, equal to its contract string."""

    CONSISTENT = "consistent"
    CONFLICTING = "conflicting"
    CHANGED_OVER_TIME = "changed-over-time"
    SINGLE_SOURCE = "single-source"
    MATCHES_REFERENCE = "matches-reference"
    CONTRADICTS_REFERENCE = "contradicts-reference"
    ACKNOWLEDGED = "acknowledged"


#: A finding that is no group's status: an acknowledgement that matches no
#: conflict any more (like an unused `noqa`).
UNUSED_ACKNOWLEDGEMENT = "unused-acknowledgement"

#: Order of statuses in every report: what needs attention first.
READING_ORDER = (
    Status.CONFLICTING,
    Status.CONTRADICTS_REFERENCE,
    Status.ACKNOWLEDGED,
    Status.CHANGED_OVER_TIME,
    Status.CONSISTENT,
    Status.SINGLE_SOURCE,
)

#: What `--fail-on` accepts, and which findings make each one exit 1.
FAIL_ON: dict[str, frozenset[str]] = {
    "conflicting": frozenset({Status.CONFLICTING}),
    "contradicts-reference": frozenset({Status.CONTRADICTS_REFERENCE}),
    "any": frozenset({Status.CONFLICTING, Status.CONTRADICTS_REFERENCE, UNUSED_ACKNOWLEDGEMENT}),
    "never": frozenset(),
}
DEFAULT_FAIL_ON = ("conflicting", "contradicts-reference")
