"""What a figure measures and whom it is about, read from its sentence.

The common shapes of news sentences, each a few words of context:
`N% of X`, `N X` (a counted noun), `N people were killed` (an event names
the measure), `X rose/fell by N`, `X was/stood at N`, `S accounts for N of
X`. Measures are kept as written for people and reduced to canonical
`terms` for grouping: lower case, singular, demonyms as places, and the
synonyms of `measures.toml` as one name, so that "the foreign trade of
Belarus" meets "Belarusian trade turnover" and "12 killed" meets "a death
toll of 12".
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import regex

from factcheck.attribute.source import source_words
from factcheck.attribute.vocabulary import Vocabulary, vocabulary
from factcheck.extract.lexicon import lexicon
from factcheck.extract.patterns import alternation
from factcheck.model import Figure

_WORD = regex.compile(r"[\p{L}][\p{L}'’\-]*")
_CLAUSE_BREAK = regex.compile(r"[,;:()\[\]“”\"–—]|\s-\s|[.!?](?=\p{Lu})")
_DIGIT = regex.compile(r"\d")
#: Prepositions that tie a place to the measure before it: "exports through Port Aldra".
_THROUGH = frozenset({"through", "via", "from", "at", "in", "to"})
_MAX_WORDS = 5


def measure_of(figure: Figure, text: str, vocab: Vocabulary | None = None) -> str:
    """The measure as a reader names it: "foreign investment", "Russian companies",
    "deaths" (for "12 people were killed")."""
    vocab = vocab or vocabulary()
    noun = _counted_noun(figure) if figure.kind == "count" else ""
    if figure.kind == "count":
        event = _event(text, figure)
        if event and (not noun or _names_people(noun)):
            return event
    sentence_end = figure.sentence_start + len(figure.sentence)
    after = _of_phrase(text, figure.end, vocab, sentence_end)
    if noun and _is_increment(text, figure):
        # "an additional 38 individuals", "42 extra buses": newly counted, not the total
        kept = [w for w in noun.split() if w.lower() not in measures().increments]
        noun = " ".join([INCREMENT, *kept])
    if noun:
        return f"{noun} of {after}" if after else noun
    if after:
        return after
    following = _noun_after(text, figure.end, vocab, sentence_end)
    if following and not _empty(following):
        return following
    before = _noun_before_verb(text, figure, vocab)
    if before and not _empty(before):
        return before
    if figure.kind not in ("percent", "money"):
        return ""  # "two days before the talks": no measure rather than the sentence's
    return _sentence_subject(figure, vocab)  # never a lone "record" or "higher"


def _sentence_subject(figure: Figure, vocab: Vocabulary) -> str:
    """What the sentence is about when the figure's own clause does not say:
    "Trade turnover ... totaled $45.8 billion, marking an increase of 14.3%"
    -> "Trade turnover". Reported speech starts after its "that"."""
    head = figure.sentence[: max(figure.start - figure.sentence_start, 0)]
    for clause in _CLAUSE_BREAK.split(head):  # the first clause with a verb: "In 2021, trade was"
        words = _WORD.findall(clause)
        if "that" in (w.lower() for w in words):
            words = words[len(words) - [w.lower() for w in words][::-1].index("that") :]
        verb_at = next((i for i, w in enumerate(words) if w.lower() in vocab.verbs), None)
        if verb_at is not None:
            subject = _clause_subject(words[:verb_at], vocab)
            return "" if not subject or _empty(subject) else subject
    return ""


#: How a measure that counts an increment is named: "additional individuals".
INCREMENT = "additional"


def _is_increment(text: str, figure: Figure) -> bool:
    """The count is an increment ("an additional 38", "38 new cases"), not a total."""
    before = _WORD.findall(text[max(figure.sentence_start, figure.start - 20) : figure.start])
    words = _WORD.findall(figure.text.lower())
    return bool(before and before[-1].lower() in measures().increments) or bool(
        set(words[:2]) & measures().increments
    )


def _empty(phrase: str) -> bool:
    """A phrase of nouns that say nothing of what is measured ("a record", "the mark")."""
    words = [w.lower() for w in _WORD.findall(phrase)]
    return all(w in measures().empty for w in words)


def _names_people(noun: str) -> bool:
    """The counted noun names people, whose count an event then qualifies."""
    found = set(terms(noun))
    return bool(found) and found <= measures().people_nouns


def _event(text: str, figure: Figure) -> str:
    """The measure an event names for the people a count counts: "12 people were
    killed" -> "deaths", "110,000 marched" -> "protesters". The event must come
    before the next number and the next clause."""
    sentence_end = figure.sentence_start + len(figure.sentence)
    after = _CLAUSE_BREAK.split(text[figure.end : min(sentence_end, figure.end + 60)])[0]
    after = _DIGIT.split(after, maxsplit=1)[0].lower()
    found = measures().events.search(" ".join(_WORD.findall(after)[:6]))
    if not found:  # "the floods have killed 19 people"
        found = measures().events.search(
            " ".join(_WORD.findall(_clause_before(text, figure).lower())[-2:])
        )
    return measures().event_names[" ".join(found.group(0).split())] if found else ""


def subject_of(figure: Figure, text: str, vocab: Vocabulary | None = None) -> str:
    """Who holds the figure when the sentence says so: "Russia accounts for 30 percent",
    "Lukashenko received 80% of the vote"."""
    vocab = vocab or vocabulary()
    clause = _clause_before(text, figure)
    words = _WORD.findall(clause)
    for i in range(len(words) - 1, 0, -1):
        if words[i].lower() in vocab.share_verbs and words[i - 1][:1].isupper():
            start = i - 1  # "the Russian Federation accounted": the whole name
            while start > 0 and words[start - 1][:1].isupper() and i - start < 3:
                start -= 1
            return _holder(" ".join(words[start:i]), vocab)
    if figure.kind == "percent" and not figure.is_change:
        voted = _VOTED_FOR.match(text, figure.end, figure.end + 60)
        if voted:  # "80 percent voted for Tsikhanouskaya", "6% ... voted against all"
            return _holder(voted.group(1), vocab) if voted.group(1) else "against all"
        listed = _LISTED.search(clause[-40:])
        if listed and words and words[-1] == listed.group(1):  # "..., Kanapatskaya 1.68%"
            return _holder(listed.group(1), vocab)
    return ""


#: "N% voted for X", "N% for X": the candidate or party a share of votes is for.
_VOTED_FOR = regex.compile(
    r"[ \t]+(?:of[ \t]+(?:the[ \t]+)?(?:[\p{L}\-]+[ \t]+)?(?:votes?|ballots|voters)[ \t]+)?"
    r"(?:(?:voted|went|were[ \t]+cast)[ \t]+)?"
    r"(?:for[ \t]+(\p{Lu}[\p{L}'’\-]+)|(against[ \t]+all)\b)"
)
#: A name right before a share in a list of results: "Tsikhanouskaya 10.12%".
_LISTED = regex.compile(
    r"(?:^|[,;:]\s*|\band\s+|\bwith\s+)(\p{Lu}[\p{L}\-]+)\s*(?:(?:with|at|on|got|gets)\s+)?$"
)


def _holder(name: str, vocab: Vocabulary) -> str:
    """A holder as named: a demonym or a capital as its country ("Russian",
    "Moscow" -> "Russia")."""
    for article in ("The ", "the "):
        name = name.removeprefix(article)
    place = _place(name, vocab)
    place = vocab.capitals.get(place, place)
    if place in vocab.places or place in vocab.capitals.values():
        return place.title()
    return name.removesuffix("'s").removesuffix("’s")


def measure_key(figure: Figure) -> str:
    """A grouping key: the measure's canonical terms, sorted.

    A place alone ("of Belarusians") says what a count counts ("11 Greeks")
    but not what a percentage or an amount measures: for those the key needs
    a term that is not a place, else it is empty.
    """
    vocab = vocabulary()
    key = sorted(set(terms(figure.measure)))
    key = [t for t in key if t != "people"] or key
    if figure.kind != "count" and all(t in vocab.places.values() for t in key):
        return ""
    return " ".join(key)


@dataclass(frozen=True, slots=True)
class Measures:
    """The tables of `measures.toml`."""

    canonical: dict[str, str]  # word or phrase -> the measure's name
    phrases: regex.Pattern[str]  # every multi-word form, longest first
    events: regex.Pattern[str]  # event verbs and phrases
    event_names: dict[str, str]  # event -> the measure it names
    people_nouns: frozenset[str]  # canonical names of nouns that count people
    tallies: frozenset[str]
    incidental: frozenset[str]
    empty: frozenset[str]
    context_ignore: frozenset[str]
    increments: frozenset[str]


@cache
def measures() -> Measures:
    """Load `measures.toml` once."""
    data = tomllib.loads(
        resources.files("factcheck.attribute").joinpath("measures.toml").read_text("utf-8")
    )
    canonical = {form: name for name, forms in data["synonyms"].items() for form in forms}
    canonical |= {name: name for name in data["synonyms"]}
    events = {form: name for name, forms in data["events"].items() for form in forms}
    return Measures(
        canonical=canonical,
        phrases=_words_pattern(f for f in canonical if " " in f),
        events=_words_pattern(events),
        event_names=events,
        people_nouns=frozenset(data["people_nouns"]) | {_singular(w) for w in data["people_nouns"]},
        tallies=frozenset(data["tallies"]),
        incidental=frozenset(data["incidental"]) | {_singular(w) for w in data["incidental"]},
        empty=frozenset(data["empty"]),
        context_ignore=frozenset(data["context_ignore"]),
        increments=frozenset(data["increments"]),
    )


def _words_pattern(forms: Iterable[str]) -> regex.Pattern[str]:
    """One pattern for whole words and phrases, longest first, spaces matching any space."""
    return regex.compile(rf"\b{alternation(forms)}\b")


@lru_cache(maxsize=1 << 16)
def terms(text: str) -> tuple[str, ...]:
    """Canonical terms of a text, in order: lower case, singular, synonyms and
    demonyms replaced by the name of what they name, stopwords dropped."""
    vocab, table = vocabulary(), measures()
    lowered = text.lower().replace("’", "'")
    found: list[str] = []
    last = 0
    for phrase in table.phrases.finditer(lowered):
        found += _word_terms(lowered[last : phrase.start()], vocab, table)
        found.append(table.canonical[" ".join(phrase.group(0).split())])
        last = phrase.end()
    return tuple(found + _word_terms(lowered[last:], vocab, table))


def _word_terms(text: str, vocab: Vocabulary, table: Measures) -> list[str]:
    out = []
    for word in _WORD.findall(text):
        if word in vocab.stopwords or len(word) < 2:
            continue
        bare = word.removesuffix("'s").rstrip("'")
        place = _place(word, vocab)
        if place != bare or bare in vocab.capitals:
            out.append(vocab.capitals.get(place, place))  # "Minsk's trade": Belarus's
            continue
        singular = _singular(bare)
        out.append(table.canonical.get(bare) or table.canonical.get(singular) or singular)
    return out


def _counted_noun(figure: Figure) -> str:
    """The words of a count's span after its number ("2,400 Russian companies" ->
    "Russian companies")."""
    lex = lexicon()
    number_words = (
        lex.cardinals.keys() | lex.scales.keys() | lex.collectives.keys() | {"a", "an", "and"}
    )
    words = _WORD.findall(figure.text)
    while words and words[0].lower() in number_words | lex.vague.keys():
        words = words[1:]
    return " ".join(words)


def _of_phrase(text: str, end: int, vocab: Vocabulary, limit: int) -> str:
    """`of the foreign trade of Belarus` after a figure -> "foreign trade of Belarus"
    (never past `limit`, the end of the figure's sentence)."""
    match = regex.match(r"[ \t]+of[ \t]+(?:the[ \t]+)?", text[end : min(end + 12, limit)])
    if not match:
        return ""
    words: list[str] = []
    tail = text[end + match.end() : min(end + 120, limit)]
    for word_match in regex.finditer(
        r"\G[ \t]*(?:[\p{Sc}]?\d[\d.,]*[ \t]*(?:bln|bn|mln|m|million|billion)?\b)?"
        r"[ \t]*([\p{L}][\p{L}'’\-]*)",
        tail,
    ):
        word = word_match.group(1)
        lowered = word.lower()
        if lowered in vocab.verbs or (lowered in vocab.stopwords and lowered not in ("of", "the")):
            break
        words.append(word)
        if len(words) == _MAX_WORDS:
            break
    while words and words[-1].lower() in ("of", "the"):
        words.pop()
    return " ".join(words)


def _noun_after(text: str, end: int, vocab: Vocabulary, limit: int) -> str:
    """`$2 bln exports increase` -> "exports increase"; `a 25% stake` -> "stake"
    (never past `limit`, the end of the figure's sentence)."""
    words: list[str] = []
    for match in regex.finditer(r"\G[ \t]+([\p{L}][\p{L}'’\-]*)", text[end : min(end + 80, limit)]):
        lowered = match.group(1).lower()
        if lowered in vocab.stopwords or lowered in vocab.verbs or len(words) == 3:
            break
        words.append(match.group(1))
    return " ".join(words)


def _noun_before_verb(text: str, figure: Figure, vocab: Vocabulary) -> str:
    """`bilateral trade soared by` -> "bilateral trade"; else the last content words before."""
    clause = _clause_before(text, figure)
    words = _WORD.findall(_qualifier_tail().sub("", clause))
    if words and words[0].lower() in _RELATIVE:
        antecedent = _antecedent(text, figure, len(clause))
        if antecedent:
            return antecedent
    verb_at = next(
        (i for i in range(len(words) - 1, -1, -1) if words[i].lower() in vocab.verbs), None
    )
    head = words[:verb_at] if verb_at is not None else words
    if verb_at is not None:
        subject = _clause_subject(head, vocab)
        if subject:
            return subject
    phrase: list[str] = []
    for word in reversed(head):
        if word.lower() == "of" and phrase:
            phrase.insert(0, word)  # "exports of potash"
            continue
        if word.lower() in _THROUGH and phrase and all(w[:1].isupper() for w in phrase):
            phrase = []  # "exports through Port Aldra": the place is not the measure
            continue
        if word.lower() == "new":
            continue  # "sales of new electric cars"
        if word.lower() in vocab.stopwords:
            if phrase and not all(w.lower() in vocab.parties for w in phrase):
                break
            phrase = []  # "trade between the two countries": the parties are not the measure
            continue
        phrase.insert(0, word)
        if len(phrase) == 5:
            break
    while phrase and phrase[0].lower() == "of":
        phrase.pop(0)
    return " ".join(phrase)


#: Words that open a relative clause: "transport prices, which surged 117.2%".
_RELATIVE = frozenset({"which", "that", "who"})


def _antecedent(text: str, figure: Figure, clause_length: int) -> str:
    """The noun phrase a relative clause is about, ending right before its comma:
    "October inflation was driven by transport prices, which surged 117.2%"
    -> "transport prices"."""
    end = figure.start - clause_length
    before = text[max(figure.sentence_start, end - 80) : end].rstrip(" ,")
    words = _WORD.findall(_CLAUSE_BREAK.split(before)[-1])
    phrase: list[str] = []
    for word in reversed(words):
        if word.lower() in vocabulary().stopwords or word.lower() in vocabulary().verbs:
            break
        phrase.insert(0, word)
        if len(phrase) == 3:
            break
    return "" if not phrase or _empty(" ".join(phrase)) else " ".join(phrase)


def _clause_subject(words: list[str], vocab: Vocabulary) -> str:
    """The noun phrase a clause opens with, before its verb: "The death toll from
    the floods in northern Carvania rose to 19" -> "death toll"; "Exports through
    Port Aldra rose" -> "Exports". A leading "On Tuesday" or "In Minsk" is skipped."""
    at = 0
    after_preposition = False
    while at < len(words):
        lowered = words[at].lower()
        if lowered in vocab.stopwords:
            after_preposition = lowered not in _ARTICLES
        elif not (after_preposition and words[at][:1].isupper()):
            break
        at += 1
    phrase: list[str] = []
    for word in words[at:]:
        lowered = word.lower()
        if lowered == "new":
            continue  # "sales of new electric cars"
        if lowered in vocab.verbs or lowered in _REPORTING:
            break  # "the envoy added that ...": who said it, not what
        if lowered in vocab.stopwords and not (
            lowered == "of" or (lowered == "the" and phrase and phrase[-1].lower() == "of")
        ):
            break
        phrase.append(word)
        if len(phrase) == _MAX_WORDS:
            break
    while phrase and phrase[-1].lower() in ("of", "the"):
        phrase.pop()
    places = vocab.places.values()
    if not phrase or all(_place(w, vocab) in places or w[:1].isupper() for w in phrase):
        return ""  # a name alone is who, not what
    return " ".join(phrase)


_ARTICLES = frozenset({"the", "a", "an"})
#: Verbs that report a figure rather than measure it (the source stage's own table).
_REPORTING = source_words().verbs


def _clause_before(text: str, figure: Figure) -> str:
    """The words of the figure's sentence before it, back to the last clause break."""
    window = max(figure.sentence_start, figure.start - 200)
    head = text[window : figure.start]
    pieces = _CLAUSE_BREAK.split(head)
    clause = pieces[-1] if pieces else head
    if len(pieces) == 1 and window > figure.sentence_start:
        clause = clause.partition(" ")[2]  # the window cut a word: drop its tail
    return clause


@cache
def _qualifier_tail() -> regex.Pattern[str]:
    """The qualifier right before a figure ("in the region of", "more than"): it
    says how exact the figure is, never what it measures."""
    lex = lexicon()
    phrases = [*lex.approx, *lex.bounds, *lex.exact_words]
    return regex.compile(rf"(?i)\b{alternation(phrases)}\s*$")


def _place(word: str, vocab: Vocabulary) -> str:
    lowered = word.lower().replace("’", "'")
    return vocab.places.get(
        lowered, vocab.places.get(lowered.removesuffix("'s"), lowered.removesuffix("'s"))
    )


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
