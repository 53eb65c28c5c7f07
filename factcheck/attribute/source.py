"""Who states a figure: "according to X", "X said", "figures from X", "X put the number at".

The source is the noun phrase the sentence attributes the figure to, as
written, without its article ("the interior ministry" -> "interior
ministry"). Pronouns are not sources: "he said" names nobody the reader
can weigh. The words live in `sources.toml`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from factcheck.attribute.vocabulary import vocabulary
from factcheck.attribute.when import marks, time_words
from factcheck.extract.patterns import alternation
from factcheck.model import Figure

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]“”\"–—]|\s-\s|\.\s")
_MAX_WORDS = 6
#: Words that may stand between a source and its verb: "the ministry has said".
_BETWEEN = frozenset({"also", "has", "have", "had", "later", "earlier", "previously", "then"})
_ARTICLES = ("the ", "a ", "an ")


@dataclass(frozen=True, slots=True)
class SourceWords:
    leads: re.Pattern[str]
    verbs: frozenset[str]
    verb_marks: re.Pattern[str]  # the verbs as one pattern, whole words
    data_nouns: frozenset[str]
    pronouns: frozenset[str]
    polls: frozenset[str]


@cache
def source_words() -> SourceWords:
    """Load `sources.toml` once."""
    data = tomllib.loads(
        resources.files("factcheck.attribute").joinpath("sources.toml").read_text("utf-8")
    )
    return SourceWords(
        leads=re.compile(rf"\b{alternation(data['leads'])}\s+"),
        verbs=frozenset(data["verbs"]),
        verb_marks=re.compile(rf"(?<![\w'’\-]){alternation(data['verbs'])}(?![\w'’\-])"),
        data_nouns=frozenset(data["data_nouns"]),
        pronouns=frozenset(data["pronouns"]),
        polls=frozenset(data["polls"]),
    )


@cache
def _stops() -> tuple[frozenset[str], frozenset[str]]:
    """Stopwords that end a source phrase after a lead ("of" and "the" go on:
    "the ministry of the interior") and before a verb ("of" goes on)."""
    stopwords = vocabulary().stopwords
    return stopwords - {"of", "the"}, stopwords - {"of"}


def source_of(figure: Figure) -> str:
    """The source named nearest the figure in its sentence, or ""."""
    sentence = figure.sentence
    at = figure.start - figure.sentence_start
    end = at + len(figure.text)
    found: list[tuple[int, str]] = []
    for lead in marks(source_words().leads, sentence):
        if not at <= lead.end() < end:
            phrase = _phrase_after(sentence, lead.end())
            if phrase:
                found.append((_distance(lead.start(), lead.end(), at, end), phrase))
    for verb in marks(source_words().verb_marks, sentence):
        if at <= verb.start() < end:
            continue
        phrase = _phrase_before(sentence, verb.start()) or _inverted(sentence, verb)
        if phrase:
            found.append((_distance(verb.start(), verb.end(), at, end) + 1, phrase))
    return min(found)[1] if found else ""


def _distance(start: int, stop: int, at: int, end: int) -> int:
    return start - end if start >= end else at - stop


def _phrase_after(sentence: str, start: int) -> str:
    """The noun phrase after a lead: "according to the Viasna rights centre, ..."."""
    clause = _CLAUSE_BREAK.split(sentence[start : start + 120], maxsplit=1)[0]
    words = []
    stops = _stops()[0]
    for match in _WORD.finditer(clause):
        word = match.group(0)
        lowered = word.lower()
        if lowered in source_words().verbs or lowered in stops or len(words) == _MAX_WORDS:
            break
        words.append(word)
    return _clean(words)


def _phrase_before(sentence: str, verb_start: int) -> str:
    """The noun phrase right before a reporting verb: "the interior ministry said"."""
    clause = _CLAUSE_BREAK.split(sentence[max(0, verb_start - 120) : verb_start])[-1]
    words = [m.group(0) for m in _WORD.finditer(clause)]
    while words and words[-1].lower() in _BETWEEN:
        words.pop()
    phrase: list[str] = []
    stops = _stops()[1]
    for word in reversed(words):
        lowered = word.lower()
        if lowered in stops or lowered in source_words().verbs or len(phrase) == _MAX_WORDS:
            break
        phrase.insert(0, word)
    while phrase and phrase[0].lower() == "of":
        phrase.pop(0)
    return _clean(phrase)


def _inverted(sentence: str, verb: re.Match[str]) -> str:
    """A source after its verb at the head of a clause: `..., said Mayor Jane Doe`."""
    head = sentence[max(0, verb.start() - 3) : verb.start()]
    if not _CLAUSE_BREAK.search(head) and verb.start() > 2:
        return ""
    words = []
    for match in _WORD.finditer(_CLAUSE_BREAK.split(sentence[verb.end() : verb.end() + 80])[0]):
        if not match.group(0)[:1].isupper() or len(words) == _MAX_WORDS:
            break
        words.append(match.group(0))
    return _clean(words)


def _clean(words: list[str]) -> str:
    """Drop articles and possessives; a pronoun or a bare data noun names nobody."""
    text = " ".join(words).strip(" .")
    for article in _ARTICLES:
        if text.lower().startswith(article):
            text = text[len(article) :]
    text = re.sub(r"['’]s?(?=\s|$)", "", text)
    kept = text.split()
    if (
        kept
        and kept[-1].lower() in source_words().data_nouns
        and not any(w[:1].isupper() and w.lower() not in time_words().status for w in kept[:-1])
    ):
        return ""  # "official figures", "Final results" name nobody; "Belstat figures" do
    if not kept or (len(kept) == 1 and kept[0].lower() in source_words().pronouns):
        return ""
    return " ".join(kept)
