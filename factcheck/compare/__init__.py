"""Stage 3: group figures about the same thing and judge whether they agree."""

from factcheck.compare.group import ClaimGroup, group_figures
from factcheck.compare.verdict import Verdict, judge

__all__ = ["ClaimGroup", "Verdict", "group_figures", "judge"]
