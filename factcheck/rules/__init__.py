"""Analysts' rule files: which claims to track, how to spot them, how close is close enough.

`load_rules` reads `rules/*.toml` and reports every problem with its file
and line; `claim_figures` hands each figure to the first rule that claims
it; `within_tolerance` says whether two figures of a claim agree.
"""

from factcheck.rules.load import load_rules
from factcheck.rules.match import check_examples, claim_figures, rule_claims, within_tolerance
from factcheck.rules.model import Acknowledgement, Reference, Rule, RuleProblem, Tolerance

__all__ = [
    "Acknowledgement",
    "Reference",
    "Rule",
    "RuleProblem",
    "Tolerance",
    "check_examples",
    "claim_figures",
    "load_rules",
    "rule_claims",
    "within_tolerance",
]
