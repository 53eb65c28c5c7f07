"""What a rule file says, once read and checked: plain frozen dataclasses.

A rule is loaded once and then consulted for every figure of a corpus, so
everything that can be worked out at load time is (regular expressions
compiled, the subject's aliases resolved, the tolerance parsed and converted
into the claim's unit). Matching and comparing then need no parsing at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import regex


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far two figures of one claim may lie apart and still agree.

    `absolute` is measured in the claim's own unit (for a percent claim, in
    percentage points), already converted from what the analyst wrote
    ("90 minute" on an hour claim is 1.5) as a difference, not a reading
    ("5 degF" on a Celsius claim is 2.8, not -15); `unit` names it (None when the
    tolerance is relative or zero). `relative` is a fraction (0.05 for
    "5%") of the larger magnitude of the two figures. `text` is what the
    analyst wrote, for reports.
    """

    absolute: float | None
    relative: float | None
    unit: str | None
    text: str

    def margin(self, magnitude: float) -> float:
        """The allowed gap between two intervals whose larger magnitude is `magnitude`."""
        return (self.absolute or 0.0) + (self.relative or 0.0) * abs(magnitude)


#: No tolerance at all: intervals must overlap. What `tolerance = "0"` gives.
EXACT = Tolerance(absolute=None, relative=None, unit=None, text="0")


@dataclass(frozen=True, slots=True)
class Reference:
    """An authoritative value for a claim, with where and when it comes from."""

    value: float
    as_of: str | None
    source: str | None
    low: float | None = None
    high: float | None = None

    @property
    def interval(self) -> tuple[float, float]:
        """What the reference asserts: its stated bounds, else exactly its value."""
        low = self.value if self.low is None else self.low
        high = self.value if self.high is None else self.high
        return low, high


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """A known conflict an analyst accepts: reported as `acknowledged`, not failing."""

    documents: tuple[str, ...]
    reason: str
    expires: str | None
    line: int

    def expired(self, today: date) -> bool:
        """True once `expires` (YYYY-MM-DD) lies before `today`: the conflict fails again."""
        return self.expires is not None and date.fromisoformat(self.expires) < today


@dataclass(frozen=True, slots=True)
class Rule:
    """One claim an analyst tracks (a `[[claim]]` table of a rule file).

    `measure` holds the phrases as written; `patterns` the compiled regular
    expressions; `subject_names` the subject and every alias of it from the
    file's `[aliases]`. `path` and `line` locate the `[[claim]]` header, for
    reports and CI annotations; `pattern_line` the `pattern` key, so that a
    pattern that misbehaves while matching is reported where it is written.
    """

    id: str
    label: str
    unit: str
    measure: tuple[str, ...]
    patterns: tuple[regex.Pattern[str], ...] = ()
    subject: str | None = None
    subject_names: tuple[str, ...] = ()
    change: bool | None = None
    tolerance: Tolerance = EXACT
    reference: Reference | None = None
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    acknowledged: tuple[Acknowledgement, ...] = ()
    path: str = ""
    line: int = 0
    pattern_line: int = 0


@dataclass(frozen=True, slots=True)
class RuleProblem:
    """One error in a rule file, reported as one line: `path:line: message (hint: ...)`."""

    path: str
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}: {self.message}{hint}"
