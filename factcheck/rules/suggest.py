"""`factcheck rules suggest`: automatic groups turned into a starter rule file.

An analyst runs it on a corpus, keeps the claims worth tracking, and edits
labels, measure words and tolerances. The output is valid TOML that
`factcheck rules validate` accepts: every string goes through `json.dumps`,
whose escapes TOML's basic strings share.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

import regex

from factcheck.compare.status import Status
from factcheck.compare.verdict import Verdict

_HEADER = """\
# Starter rules suggested by `factcheck rules suggest` from the claims that
# appear in more than one document. Keep the ones worth tracking, give them
# a better label, measure words and tolerance, then check the file with
#   factcheck rules validate <this file>
#   factcheck rules test <this file>
"""


def suggest_rules(verdicts: Sequence[Verdict]) -> str:
    """One `[[claim]]` per automatic group found in two or more documents."""
    blocks = [_HEADER]
    seen: set[str] = set()
    for verdict in verdicts:
        group = verdict.group
        if group.rule is not None or verdict.verdict == Status.SINGLE_SOURCE:
            continue
        claim_id = _unique(group.claim.removeprefix("auto-") or "claim", seen)
        # The measures as the articles wrote them: a rule's measure words must
        # appear in a figure's sentence, so keys ("company") would miss them.
        written = Counter(f.measure.lower() for f in group.figures if f.measure)
        measure = [phrase for phrase, _ in written.most_common(3)] or [group.label]
        subjects = Counter(f.subject for f in group.figures if f.subject)
        lines = [
            "[[claim]]",
            f"id = {json.dumps(claim_id)}",
            f"label = {json.dumps(group.label, ensure_ascii=False)}",
            f"unit = {json.dumps(group.unit)}",
            f"measure = {json.dumps(measure, ensure_ascii=False)}",
        ]
        if subjects:
            lines.append(
                f"subject = {json.dumps(subjects.most_common(1)[0][0], ensure_ascii=False)}"
            )
        lines += [
            f"change = {'true' if group.figures[0].is_change else 'false'}",
            'tolerance = "0"',
            f"# seen as {verdict.verdict} in {len({f.doc for f in group.figures})} documents, e.g.",
            f"examples = [{json.dumps(_one_line(group.figures[0].sentence), ensure_ascii=False)}]",
        ]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _unique(text: str, seen: set[str]) -> str:
    base = regex.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-")[:40].strip("-") or "claim"
    candidate, n = base, 2
    while candidate in seen:
        candidate, n = f"{base}-{n}", n + 1
    seen.add(candidate)
    return candidate
